"""A class on a real JupyterHub: three learners work and hand in from their own kernels, the
instructor sees exactly those three, no learner can reach another's work, and the culler stops
an idle server. Runs in this order (one hub for the whole file)."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from careerlab.assessment import load_items, role_fit, score

from .conftest import CULL_EVERY, CULL_TIMEOUT, ClassHub

ITEMS = load_items()
LEARNER_NAMES = ["Ada Example", "Ben Example", "Cai Example"]  # what each learner types


def answers(i: int) -> dict[str, int]:
    """Learner i answers every item with the same value, so each class member scores differently."""
    return {item.id: 2 + i for item in ITEMS}


# Hand in as a learner does: one click on the progress panel's "Hand in" (its kernel, its token).
HAND_IN = '''
import html, json, re
from careerlab.progress import default_store, progress_panel

def hand_in_by_click(store, typed=None):
    parts = progress_panel(store).children_by_role
    if typed:
        parts["name"].value = typed
    parts["handin"].click()
    shown = html.unescape(re.sub(r"<[^>]+>", "", parts["handin_message"].value))
    who = re.search(r"Handed in at .* as (\\S+)\\. Handing in again replaces this one\\.", shown)
    return {"ok": bool(who), "username": who.group(1) if who else "", "message": shown}
'''

WORK = HAND_IN.replace("{", "{{").replace("}", "}}") + '''
import json, os
from pathlib import Path
from careerlab.assessment.widgets import show_assessment
from careerlab.progress import default_store
from careerlab.quiz import show_quiz
store = default_store()
store.record("learner", "name", {name!r})
w = show_assessment(store)
for item_id, value in {answers!r}.items():
    w.questions[item_id].value = value
w.submit_button.click()
quiz = show_quiz("01-two-roles", store)
quiz.views[0].input.value = "a"
quiz.views[0].check.click()
print(json.dumps({{"uid": os.getuid(), "home": str(Path.home()), **hand_in_by_click(store),
                  "role_fit": store.get("assessment", "role_fit"),
                  "quiz": store.get("quiz:01-two-roles", "_score"),
                  "home_mode": oct(Path.home().stat().st_mode & 0o777)}}))
'''




def expected_fit(i: int) -> dict:
    return role_fit(score(answers(i)))


@pytest.fixture(scope="module")
def handed_in(class_hub):
    """Each learner does the self-assessment and one quiz question in their kernel, then hands in."""
    return {name: class_hub.run(name, WORK.format(name=LEARNER_NAMES[i], answers=answers(i)))
            for i, name in enumerate(class_hub.learners)}


def test_each_learner_works_as_themselves_and_hands_in(class_hub, handed_in):
    import pwd

    for i, name in enumerate(class_hub.learners):
        got = handed_in[name]
        account = pwd.getpwnam(name)
        assert got["uid"] == account.pw_uid and got["home"] == account.pw_dir
        assert got["home_mode"] == "0o700"
        assert got["ok"], got["message"]
        assert got["username"] == name and f"as {name}" in got["message"]
        assert got["quiz"] == {"correct": 1, "answered": 1, "total": got["quiz"]["total"]}
        assert got["role_fit"] == pytest.approx(expected_fit(i), abs=0.05)  # the widget saves one decimal


def test_the_store_holds_one_private_file_per_learner(class_hub, handed_in):
    import pwd

    store = class_hub.hub.store
    owner = pwd.getpwnam(class_hub.handin_user).pw_uid
    assert store.stat().st_uid == owner and store.stat().st_mode & 0o777 == 0o700
    files = sorted(p.name for p in store.iterdir())
    assert files == sorted(f"{n}.json" for n in class_hub.learners)
    for name in class_hub.learners:
        path = store / f"{name}.json"
        assert path.stat().st_uid == owner and path.stat().st_mode & 0o777 == 0o600
        assert json.loads(path.read_text())["handed_in_by"] == name


# The instructor's kernel builds lesson 07's hub dashboard; ``d`` stays alive for the Refresh test.
INSTRUCTOR_VIEW = '''
import json
from careerlab.classroom import hub_dashboard
{build}
d.hide.value = False
print(json.dumps({{"ok": d.handins.ok, "message": d.handins.message,
                  "handed_in": [[name, when.isoformat()] for name, when in d.roster.handed_in],
                  "missing": d.roster.missing, "roster_html": d.roster_box.value,
                  "files": sorted(d.results["file"]), "learners": sorted(d.results["learner"]),
                  "fits": {{f: [c, b] for f, c, b in zip(d.results["file"], d.results["fit:coder"],
                                                       d.results["fit:biller"])}},
                  "problems": [str(p) for p in d.problems], "summary": d.summary.value}}))
'''


def test_the_instructor_sees_exactly_the_three_hand_ins(class_hub, handed_in):
    got = class_hub.run(class_hub.instructor, INSTRUCTOR_VIEW.format(build="d = hub_dashboard()"))
    assert got["ok"] and got["message"] == "3 learners have handed in."
    assert [name for name, _ in got["handed_in"]] == sorted(class_hub.learners)
    # The roster's "not yet" comes from the hub's learners group: the 4th never handed in.
    assert got["missing"] == [class_hub.absent]
    assert f"Not handed in yet:</b> {class_hub.absent}" in got["roster_html"]
    assert "3 of 4 learners have handed in" in got["roster_html"]
    assert got["files"] == sorted(f"{n} (hand-in)" for n in class_hub.learners)
    assert got["learners"] == LEARNER_NAMES and got["problems"] == []
    assert "Loaded 3 learners" in got["summary"]
    for i, name in enumerate(class_hub.learners):
        coder, biller = got["fits"][f"{name} (hand-in)"]
        assert {"coder": coder, "biller": biller} == pytest.approx(expected_fit(i), abs=0.05)


def test_refresh_picks_up_a_learner_handing_in_again(class_hub, handed_in):
    first = class_hub.run(class_hub.instructor, INSTRUCTOR_VIEW.format(build="d = hub_dashboard()"))
    one = class_hub.learners[0]
    again = class_hub.run(one, HAND_IN + '''
print(json.dumps(hand_in_by_click(default_store(), typed="Ada Again")))''')
    assert again["ok"] and again["username"] == one, again["message"]
    got = class_hub.run(class_hub.instructor, INSTRUCTOR_VIEW.format(build="d.refresh_button.click()"))
    assert got["learners"] == sorted(["Ada Again", *LEARNER_NAMES[1:]])  # replaced, not added
    assert [name for name, _ in got["handed_in"]] == sorted(class_hub.learners)
    when = dict(got["handed_in"])
    assert when[one] >= dict(first["handed_in"])[one]
    assert got["missing"] == [class_hub.absent] and got["problems"] == []


PROBE = '''
import json, os, urllib.request, urllib.error
from careerlab.handin import class_handins, hand_in, results_document
from careerlab.progress import default_store

def attempt(action):
    try:
        action()
        return "allowed"
    except PermissionError:
        return "denied"
    except FileNotFoundError:
        return "not found"

home2, store, other = {home2!r}, {store!r}, {other!r}
fs = {{
    "list other home": attempt(lambda: os.listdir(home2)),
    "read other progress": attempt(lambda: open(home2 + "/.careerlab/progress.json").read()),
    "write into other home": attempt(lambda: open(home2 + "/planted.txt", "w").write("x")),
    "list store": attempt(lambda: os.listdir(store)),
    "read other hand-in": attempt(lambda: open(store + "/" + other + ".json").read()),
    "overwrite other hand-in": attempt(lambda: open(store + "/" + other + ".json", "w").write("{{}}")),
    "delete other hand-in": attempt(lambda: os.unlink(store + "/" + other + ".json")),
    "read other server's token": attempt(lambda: open("/proc/{pid}/environ").read()),
}}

def call(method, route, body=None):
    req = urllib.request.Request(os.environ["CAREERLAB_HANDIN_URL"] + route, method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={{"Authorization": "token " + os.environ["JUPYTERHUB_API_TOKEN"]}})
    try:
        with urllib.request.build_opener(urllib.request.ProxyHandler({{}})).open(req, timeout=30) as r:
            return r.status
    except urllib.error.HTTPError as exc:
        return exc.code

doc = results_document(default_store())
doc.update({{"learner": "pretending to be " + other, "handed_in_by": other}})
api = {{
    "list all": call("GET", "api/handins"),
    "read other": call("GET", "api/handins/" + other),
    "put other": call("PUT", "api/handins/" + other, doc),
    "delete other": call("DELETE", "api/handins/" + other),
    "delete own": call("DELETE", "api/handin"),
}}
listing = class_handins()
receipt = hand_in(doc)
print(json.dumps({{"fs": fs, "api": api, "list_ok": listing.ok, "list_rows": len(listing),
                  "receipt_ok": receipt.ok, "receipt_user": receipt.username}}))
'''


def test_a_learner_cannot_reach_another_learners_work_or_hand_in_as_them(class_hub, handed_in):
    import psutil

    one, two = class_hub.learners[0], class_hub.learners[1]
    store = class_hub.hub.store
    before = (store / f"{two}.json").read_bytes()
    import pwd

    uid2 = pwd.getpwnam(two).pw_uid
    pid2 = next(p.pid for p in psutil.process_iter(["uids"]) if p.info["uids"] and p.info["uids"].real == uid2)
    got = class_hub.run(one, PROBE.format(home2=class_hub.homes[two], store=str(store), other=two,
                                           pid=pid2))
    assert got["fs"] == {key: "denied" for key in got["fs"]}, got["fs"]
    assert got["api"] == {"list all": 403, "read other": 403, "put other": 405,
                          "delete other": 405, "delete own": 405}
    assert not got["list_ok"] and got["list_rows"] == 0
    # The hand-in that claimed to be learner 2's was stored as learner 1's own.
    assert got["receipt_ok"] and got["receipt_user"] == one
    assert (store / f"{two}.json").read_bytes() == before
    mine = json.loads((store / f"{one}.json").read_text())
    assert mine["handed_in_by"] == one and mine["learner"] == f"pretending to be {two}"
    assert not Path(class_hub.homes[two], "planted.txt").exists()


def test_learner_servers_answer_the_nbgitpuller_link(class_hub):
    """The lessons link (README) lands on nbgitpuller's page on each learner's own server."""
    import urllib.request

    from .kernel import OPENER

    name = class_hub.learners[0]
    req = urllib.request.Request(class_hub.server(name) + "git-pull?repo=https%3A%2F%2Fexample.org%2Flessons"
                                 "&branch=main&targetpath=coding-or-billing",
                                 headers={"Authorization": f"token {class_hub.tokens[name]}"})
    with OPENER.open(req, timeout=60) as response:
        page = response.read().decode("utf-8", "replace")
    assert response.status == 200 and "nbgitpuller" in page.lower()


def _idle_seconds(ch: ClassHub, name: str) -> float | None:
    from datetime import datetime, timezone

    server = ch.hub.user(name).get("servers", {}).get("")
    if not server or not server.get("last_activity"):
        return None
    last = datetime.fromisoformat(server["last_activity"].replace("Z", "+00:00"))
    return (datetime.now(timezone.utc) - last).total_seconds()


def test_the_culler_stops_an_idle_server_of_its_group_only(class_hub, handed_in):
    hub, idle = class_hub.hub, class_hub.learners[2]
    # Outside the culled group, a server idle well past the timeout keeps running ...
    hub.wait_for(f"{idle}'s server to be idle past the cull timeout",
                 lambda: not hub.server_ready(idle)
                 or (_idle_seconds(class_hub, idle) or 0) > CULL_TIMEOUT + 3 * CULL_EVERY, 120)
    assert hub.server_ready(idle)
    # ... and once in the group, the culler stops it.
    status, _ = hub.call("POST", "groups/cull-now/users", {"users": [idle]})
    assert status == 200
    hub.wait_for(f"the culler to stop {idle}'s idle server",
                 lambda: not hub.user(idle).get("servers"), 120)
    log = hub.log.read_text(errors="replace")
    assert f"Culling server {idle} " in log and f"DELETE /hub/api/users/{idle}/server (idle-culler@" in log
    assert hub.server_ready(class_hub.instructor)
