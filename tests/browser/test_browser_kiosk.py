"""The kiosk (`make app`) with several visitors, in real Chromium: each visit's answers stay its own
and leave no trace in a JupyterLab learner's CAREERLAB_HOME; an untouched visit is ended after the
idle time and its folder removed; past the cap a visitor sees a plain "busy" page; and a visitor's
browser cannot run code in their kernel (Voilà 0.5 passes only comm, kernel-info and shutdown
messages on to it)."""
from __future__ import annotations

import contextlib
import json
import re
import stat
import time
import urllib.error
import urllib.request
import uuid

import pytest

from .assessmentdriver import (answer_every_item, check_kiosk_export, coder_leaning_answers,
                               opposite_answers, submit_and_read_results)
from .conftest import TIMEOUT_MS, VOILA_NOTEBOOK
from .servers import REPO, start_voila
from .test_browser_voila import screenshot_voila

pytestmark = pytest.mark.browser

BUSY = "This page is busy, please try again in a few minutes"
LEARNER_PROGRESS = {  # a JupyterLab learner's own saved work, in the same CAREERLAB_HOME
    "format": "careerlab-progress", "version": 1, "updated_at": "2025-01-01T10:00:00+00:00",
    "sections": {"learner": {"name": "Lab Learner"},
                 "assessment": {"responses": {"a01": 2}, "role_fit": {"coder": 51.0, "biller": 49.0}}},
}


@contextlib.contextmanager
def kiosk(tmp, **settings):
    """A Voilà server like `make app` (app/voila.py), with these kiosk numbers; always stopped."""
    server = start_voila(tmp, VOILA_NOTEBOOK, timeout=TIMEOUT_MS / 1000, **settings)
    try:
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def visitor(browser):
    """A visitor of their own: a separate browser context (no shared cookies or storage)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


def open_kiosk(page, server):
    page.goto(server.url + "/", timeout=TIMEOUT_MS)
    page.locator(".careerlab-assessment").first.wait_for(state="visible", timeout=TIMEOUT_MS)
    page.locator(".careerlab-assessment-footer").wait_for(state="visible", timeout=TIMEOUT_MS)


def kernel_id(page) -> str:
    return page.evaluate("() => JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")


def kernel_alive(server, kid: str) -> bool:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"{server.url}/api/kernels/{kid}", timeout=10) as response:
            return response.status == 200
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return False
        raise


def visit_folders(server) -> list:
    return sorted(server.visits.iterdir()) if server.visits.exists() else []


def wait_until(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError(f"not within {seconds:.0f} s: {what}")


def assert_no_server_detail(page, server) -> None:
    html = page.content()
    for secret in (str(REPO), str(server.home.parent), "Traceback", "careerlab-visit-"):
        assert secret not in html, f"the kiosk page shows {secret!r}"


def test_two_visitors_at_once_each_get_only_their_own_results(browser, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kiosk-two-visitors")
    learner_file = tmp / "careerlab-home" / "progress.json"
    learner_file.parent.mkdir(parents=True)
    learner_file.write_text(json.dumps(LEARNER_PROGRESS, indent=1))
    before = learner_file.read_bytes()
    answers_a, fit_a = coder_leaning_answers()
    answers_b, fit_b = opposite_answers(answers_a)
    assert all(answers_a[i] != answers_b[i] for i in answers_a) and fit_b["biller"] > fit_b["coder"]

    with kiosk(tmp) as server, visitor(browser) as a, visitor(browser) as b:
        open_kiosk(a, server)
        open_kiosk(b, server)
        assert kernel_id(a) != kernel_id(b) and len(server.kernel_pids()) == 2
        folders = visit_folders(server)
        assert len(folders) == 2 and all(stat.S_IMODE(f.stat().st_mode) == 0o700 for f in folders)
        assert answer_every_item(a, answers_a, TIMEOUT_MS) == 28
        assert answer_every_item(b, answers_b, TIMEOUT_MS) == 28
        assert "lean toward medical coding" in submit_and_read_results(a, TIMEOUT_MS)
        assert "lean toward medical billing" in submit_and_read_results(b, TIMEOUT_MS)
        # One after the other at once, B's name box left empty (two nameless exports used to collide).
        name_a, doc_a = check_kiosk_export(a, "Visitor A", answers_a, fit_a, TIMEOUT_MS)
        name_b, doc_b = check_kiosk_export(b, "", answers_b, fit_b, TIMEOUT_MS)
        _, doc_b2 = check_kiosk_export(b, "", answers_b, fit_b, TIMEOUT_MS)
        name_b2 = b.locator("a.careerlab-download-results").get_attribute("download")
        assert len({name_a, name_b, name_b2}) == 3, (name_a, name_b, name_b2)
        assert "Visitor A" not in json.dumps(doc_b) and "Lab Learner" not in json.dumps([doc_a, doc_b, doc_b2])
        for page in (a, b):
            assert_no_server_detail(page, server)
        screenshot_voila(a, "voila-kiosk-visitor-a")
        screenshot_voila(b, "voila-kiosk-visitor-b")
    assert learner_file.read_bytes() == before, "the kiosk changed a JupyterLab learner's progress"
    assert sorted(p.name for p in learner_file.parent.iterdir()) == ["progress.json"]


# The idle time in these tests is short, but long enough for a slow machine to load the page's
# widgets before the visit counts as idle (6 s was not, with other tests running).
def test_an_untouched_visit_is_ended_and_its_folder_removed(browser, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kiosk-cull")
    with kiosk(tmp, idle_seconds=15, cull_interval=1) as server, visitor(browser) as page:
        open_kiosk(page, server)
        kid = kernel_id(page)
        assert kernel_alive(server, kid) and len(server.kernel_pids()) == 1
        assert len(visit_folders(server)) == 1
        # The page stays open (connected): the kiosk ends the visit anyway (cull_connected).
        wait_until(lambda: not kernel_alive(server, kid), 120, "the idle kernel was culled")
        wait_until(lambda: not server.kernel_pids(), 30, "the kernel process ended")
        wait_until(lambda: visit_folders(server) == [], 10, "the visit's folder was removed")
        assert "Culling 'idle' kernel" in server.log_tail(200)


def test_past_the_cap_a_visitor_sees_the_busy_page(browser, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kiosk-cap")
    # Idle time long enough that a slow page load on a busy machine is not culled mid-render.
    with kiosk(tmp, max_kernels=1, idle_seconds=30, cull_interval=1) as server, \
            visitor(browser) as first, visitor(browser) as second:
        open_kiosk(first, server)
        response = second.goto(server.url + "/", timeout=TIMEOUT_MS)
        assert response.status == 503 and response.headers.get("retry-after") == "120"
        text = second.inner_text("body")
        assert BUSY in text and "Traceback" not in text and "Error" not in text
        assert second.locator(".careerlab-assessment").count() == 0
        assert_no_server_detail(second, server)
        assert len(server.kernel_pids()) == 1  # no kernel started for the busy page
        screenshot_voila(second, "voila-kiosk-busy")
        # Once the first visit has been idle long enough it is ended, and there is room again.
        wait_until(lambda: not server.kernel_pids(), 180, "the first visit was ended")
        # The server may count the ended kernel for a moment after its process is gone: the visitor
        # reloads, as the busy page asks, until the page opens.
        wait_until(lambda: second.goto(server.url + "/", timeout=TIMEOUT_MS).status == 200, 60,
                   "the page opened again after the first visit ended")
        second.locator(".careerlab-assessment").first.wait_for(state="visible", timeout=TIMEOUT_MS)
        assert len(server.kernel_pids()) == 1


def _execute_attempt(server, kid: str, marker, v1: bool) -> list[str]:
    """Send an execute_request (code that writes ``marker``) and a kernel_info_request over the
    kernel's websocket, as a visitor's browser could; return the reply types that came back."""
    import websocket
    from jupyter_server.services.kernels.connection.base import (deserialize_msg_from_ws_v1,
                                                                 serialize_msg_to_ws_v1)

    def header(msg_type):
        return {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "visitor",
                "session": uuid.uuid4().hex, "version": "5.3", "date": ""}

    code = f"open({str(marker)!r}, 'w').write('the visitor ran code')"
    requests = [("execute_request", {"code": code, "silent": False, "store_history": False,
                                     "user_expressions": {}, "allow_stdin": False}),
                ("kernel_info_request", {})]
    url = server.url.replace("http://", "ws://") + f"/api/kernels/{kid}/channels?session_id={uuid.uuid4().hex}"
    ws = websocket.create_connection(url, timeout=3, http_no_proxy=["127.0.0.1"],
                                     subprotocols=["v1.kernel.websocket.jupyter.org"] if v1 else None)
    try:
        for channel in ("shell", "control"):
            for msg_type, content in requests:
                if v1:
                    parts = [json.dumps(header(msg_type)).encode(), b"{}", b"{}", json.dumps(content).encode()]
                    ws.send_binary(serialize_msg_to_ws_v1(parts, channel))
                else:
                    ws.send(json.dumps({"header": header(msg_type), "parent_header": {}, "metadata": {},
                                        "content": content, "channel": channel, "buffers": []}))
        seen, deadline = [], time.monotonic() + 8
        while time.monotonic() < deadline:
            try:
                raw = ws.recv()
            except websocket.WebSocketTimeoutException:
                break
            if v1:
                seen.append(json.loads(deserialize_msg_from_ws_v1(raw)[1][0])["msg_type"])
            else:
                seen.append(json.loads(raw)["msg_type"])
        return seen
    finally:
        ws.close()


def test_a_visitors_browser_cannot_run_code_in_their_kernel(browser, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kiosk-execute")
    marker = tmp / "visitor-ran-code.txt"
    with kiosk(tmp) as server, visitor(browser) as page:
        open_kiosk(page, server)
        kid = kernel_id(page)
        for v1 in (False, True):  # the JSON protocol and the binary v1 protocol
            seen = _execute_attempt(server, kid, marker, v1)
            assert "kernel_info_reply" in seen, f"the test reached no kernel: {seen}"  # so it can fail
            for sign in ("execute_reply", "execute_input", "execute_result", "stream", "error"):
                assert sign not in seen, f"the kernel answered an execute_request ({sign}, v1={v1})"
        time.sleep(1)
        assert not marker.exists(), "code sent over the websocket ran in the visitor's kernel"
        assert len(re.findall('Received message of type "execute_request", which is not allowed',
                              server.log_tail(400))) == 4
        # Widgets (comm messages) still work after the attempt.
        page.locator(".careerlab-assessment-next").click()
        page.locator("p", has_text="Page 2 of 4").wait_for(timeout=TIMEOUT_MS)
