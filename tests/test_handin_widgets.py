"""The "Hand in" buttons and the class-hub dashboard, driven by clicks. The hand-in service is the
real one on loopback (``handin_helpers``: the hub's identity check stands in, tokens map to hub
names); the hub's class list is faked at its HTTP call (``roster._get``)."""
from __future__ import annotations

import base64
import json
import re

import pytest

import careerlab.handin.client as client
import careerlab.handin.roster as roster
from careerlab.assessment import load_items
from careerlab.assessment.widgets import show_assessment
from careerlab.classroom import hub_dashboard
from careerlab.progress import ProgressStore, progress_panel
from handin_helpers import handin_service, off_hub, on_hub
from test_classroom_load import results


@pytest.fixture
def service(tmp_path):
    with handin_service(tmp_path / "store") as got:
        yield got



def learner_store(tmp_path, typed: str = "Bob Typed") -> ProgressStore:
    store = ProgressStore(tmp_path / "me" / "progress.json")
    store.record("learner", "name", typed)
    store.record("quiz:01-two-roles", "_score", {"correct": 3, "answered": 4, "total": 4})
    return store


def test_panel_hand_in_on_a_hub_goes_under_the_hub_name_not_the_typed_one(tmp_path, monkeypatch, service):
    url, store = service
    on_hub(monkeypatch, url, "tok-ada")
    parts = progress_panel(learner_store(tmp_path)).children_by_role
    parts["handin"].click()
    shown = parts["handin_message"].value
    assert re.search(r"Handed in at \d\d:\d\d on .* as ada\. Handing in again replaces this one\.", shown)
    assert [d["handed_in_by"] for d in store.all()] == ["ada"]  # "Bob Typed" did not make it bob's
    assert store.get("ada")["learner"] == "Bob Typed"
    assert store.get("ada")["progress"]["quiz:01-two-roles"]["_score"]["correct"] == 3
    parts["name"].value = "Ada Again"
    parts["handin"].click()  # again: replaces only ada's own
    assert [d["learner"] for d in store.all()] == ["Ada Again"]
    assert str(tmp_path) not in parts["handin_message"].value


def test_panel_hand_in_off_a_hub_exports_and_offers_a_download(tmp_path, monkeypatch):
    off_hub(monkeypatch)
    parts = progress_panel(learner_store(tmp_path)).children_by_role
    parts["handin"].click()
    shown = parts["handin_message"].value
    assert "not on a class hub" in shown and "Handed in" not in shown
    assert str(tmp_path) not in shown and "/me/" not in shown  # no server path
    encoded = re.search(r'download="(careerlab-results-bob-typed-[^"]+\.json)" .*?'
                        r'href="data:application/json;base64,([^"]+)"', shown)
    doc = json.loads(base64.b64decode(encoded.group(2)))
    assert doc["learner"] == "Bob Typed" and doc["progress"]["quiz:01-two-roles"]["_score"]["total"] == 4
    from careerlab.progress.store import results_folder  # the my-results folder the file browser shows

    assert [p.name for p in results_folder().iterdir()] == [encoded.group(1)]
    assert "my-results/" + encoded.group(1) in shown


def test_hand_in_off_a_hub_is_no_green_success_over_a_failure(tmp_path, monkeypatch):
    """Walk's finding (issue 16): off the hub, a green "Exported" stood over "could not be handed in".
    Now one note (not the green success box) says first that nothing was sent and that handing in
    works only on the class hub, then where the saved results are; the link is still there."""
    off_hub(monkeypatch)
    parts = progress_panel(learner_store(tmp_path)).children_by_role
    parts["handin"].click()
    shown = parts["handin_message"].value
    assert "careerlab-msg-ok" not in shown and "Exported" not in shown and "✔" not in shown
    assert "careerlab-msg-info" in shown and "Not handed in" in shown
    said = re.sub(r"<[^>]+>", "", shown)
    assert said.index("works only on the class hub") < said.index("nothing was sent") < said.index("Saved as my-results/")
    assert "download" in shown and "careerlab-download-results" in shown
    from careerlab.handin.widgets import hand_in_row  # the row after the shift and the work queue says the same

    row = hand_in_row(learner_store(tmp_path / "two"))
    row.button.click()
    assert "careerlab-msg-ok" not in row.message.value and "works only on the class hub" in row.message.value


def test_a_hub_that_does_not_answer_is_one_plain_sentence(tmp_path, monkeypatch):
    on_hub(monkeypatch, "http://127.0.0.1:9/services/careerlab-handin/", "tok-ada")
    monkeypatch.setattr(client, "_call", lambda method, route, body=None, timeout=None: (0, {}))
    parts = progress_panel(learner_store(tmp_path)).children_by_role
    parts["handin"].click()
    shown = parts["handin_message"].value
    assert "Not handed in" in shown and "did not answer" in shown and "Traceback" not in shown
    assert not (tmp_path / "me" / "exports").exists()  # on a hub, no silent fall-back to a file


def answer_all(widget, value: int = 4) -> None:
    for question in widget.questions.values():
        question.value = value


def test_assessment_hand_in_sits_beside_export_on_a_hub_only(tmp_path, monkeypatch, service):
    url, store = service
    monkeypatch.delenv("CAREERLAB_HANDIN_URL", raising=False)
    assert show_assessment(learner_store(tmp_path)).handin_button is None  # off a hub: Export only
    on_hub(monkeypatch, url, "tok-bob")
    assert show_assessment(fresh=True).handin_button is None  # the kiosk: never
    w = show_assessment(learner_store(tmp_path, typed="Ada Typed"))
    row = next(box for box in w.children if w.export_button in getattr(box, "children", ()))
    assert w.handin_button in row.children
    w.handin_button.click()
    assert "nothing to hand in yet" in w.export_message.value and store.all() == []
    answer_all(w)
    w.submit_button.click()
    w.handin_button.click()
    assert "as bob." in w.export_message.value
    stored = store.get("bob")
    assert stored["learner"] == "Ada Typed" and len(stored["progress"]["assessment"]["responses"]) == len(load_items())


def teacher(monkeypatch, url: str, members: list[str] | int) -> list[str]:
    on_hub(monkeypatch, url, "tok-teacher")
    monkeypatch.setenv("JUPYTERHUB_API_URL", "http://127.0.0.1:9/hub/api")
    asked = []

    def hub_api(address: str, token: str):
        asked.append(address)
        return (members, None) if isinstance(members, int) else (200, {"name": "learners", "users": members})

    monkeypatch.setattr(roster, "_get", hub_api)
    return asked


def test_hub_dashboard_roster_problems_and_refresh(monkeypatch, service):
    url, store = service
    asked = teacher(monkeypatch, url, ["ada", "bob", "cai", "eve"])
    store.put("ada", results("Ada Example", fit=(80, 20)))
    store.put("bob", results("Ada Example", fit=(20, 80)))  # same typed name: still two learners
    hostile = results("Eve <script>", fit=(50, 50))
    hostile["progress"]["assessment"]["role_fit"]["coder"] = float("nan")
    store.put("eve", hostile)
    d = hub_dashboard()
    assert asked == ["http://127.0.0.1:9/hub/api/groups/learners"]
    assert [name for name, _ in d.roster.handed_in] == ["ada", "bob", "eve"]
    assert d.roster.missing == ["cai"]
    assert sorted(d.results["file"]) == ["ada (hand-in)", "bob (hand-in)"]  # eve's skipped ...
    assert "eve (hand-in): it holds NaN" in d.status.value  # ... and named
    assert "Loaded 2 learners" in d.summary.value
    assert "cai" not in d.roster_box.value and "ada" not in d.roster_box.value
    assert "3 of 4 learners have handed in" in d.roster_box.value  # names hidden: counts only
    d.hide.value = False
    assert "Not handed in yet:</b> cai" in d.roster_box.value and "<script>" not in d.roster_box.value
    store.put("cai", results("Cai Example", fit=(60, 40)))
    d.refresh_button.click()
    assert d.roster.missing == [] and "everyone has handed in" in d.roster_box.value
    assert "Loaded 3 learners" in d.summary.value


def test_hub_dashboard_without_the_class_list_shows_who_handed_in(monkeypatch, service):
    url, store = service
    teacher(monkeypatch, url, 403)
    store.put("ada", results("Ada Example"))
    d = hub_dashboard()
    d.hide.value = False
    assert d.roster.missing is None and "ada" in d.roster_box.value
    assert "did not let this account read" in d.roster_box.value


def test_hub_dashboard_for_a_learner_or_off_the_hub_says_so(monkeypatch, service):
    url, store = service
    store.put("ada", results("Ada Example"))
    on_hub(monkeypatch, url, "tok-bob")  # a learner opening lesson 07 on the hub
    d = hub_dashboard()
    assert "Only the class&#x27;s instructors" in d.status.value and d.results.empty and not d.roster_box.value
    monkeypatch.delenv("CAREERLAB_HANDIN_URL")
    d = hub_dashboard()
    assert "not on a class hub" in d.status.value and d.results.empty


def test_hand_in_after_the_coders_shift_sends_the_shift_under_the_hub_name(tmp_path, monkeypatch, service):
    """The end of a shift offers Hand in; on the hub the learner's record, shift included, goes to
    the course under the hub's name for them."""
    from test_codes_shift import FakeClock, keyed_bank, parts, work_a_shift

    from careerlab.codes.model import LESSON
    from careerlab.codes.shift_widgets import shift_widget
    from careerlab.progress.record import CODER_SHIFT, exercise_section

    url, handins = service
    on_hub(monkeypatch, url, "tok-ada")
    store, clock = learner_store(tmp_path), FakeClock()
    w = shift_widget(n=5, store=store, cases=keyed_bank(), clock=clock)
    p = parts(w)
    assert w.handin.layout.display == "none"  # nothing to hand in before a shift is finished
    work_a_shift(p, clock, charts=5, seconds=40)
    assert w.handin.layout.display is None
    w.handin.button.click()
    assert "Handed in" in w.handin.message.value and str(tmp_path) not in w.handin.message.value
    sent = handins.get("ada")["progress"][exercise_section(LESSON)][CODER_SHIFT]
    assert sent["cases"] == 5 and sent["seconds"] == 200


def test_hand_in_after_the_work_queue_on_and_off_the_hub(tmp_path, monkeypatch, service):
    from careerlab.claims.queue_widgets import work_queue
    from careerlab.progress.record import WORK_QUEUE, exercise_section

    url, handins = service
    store = learner_store(tmp_path)
    w = work_queue(store=store)
    first = w.order()[0]
    w.claim_pick.value = first
    w.action.value = w.action.options[0][1]
    w.submit.click()
    off_hub(monkeypatch)
    w.handin.button.click()  # off a hub: the file to hand in, as a download
    assert "download" in w.handin.message.value.lower() and handins.all() == []
    on_hub(monkeypatch, url, "tok-bob")
    w.handin.button.click()
    sent = handins.get("bob")["progress"]["exercise:03-the-medical-biller"][WORK_QUEUE]
    assert sent["worked"] == 1 and exercise_section("03-the-medical-biller") == "exercise:03-the-medical-biller"
