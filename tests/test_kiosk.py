"""The kiosk's own pieces (careerlab.kiosk): each visit's private folder, removed when the kernel
ends; the kiosk's numbers; the cap on live kernels and its plain "busy" page."""
from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time

import pytest

from careerlab.assessment import load_example_responses
from careerlab.assessment.export import results_file_name, unique_results_path
from careerlab.kiosk import Visit
from careerlab.kiosk.server import BUSY_HTML, BUSY_MESSAGE, KioskSettings, capped_prelaunch_hook, live_kernels


def test_a_visit_has_its_own_private_folder_and_store(tmp_path):
    one, two = Visit(tmp_path), Visit(tmp_path)
    assert one.folder != two.folder and one.folder.parent == tmp_path
    assert stat.S_IMODE(one.folder.stat().st_mode) == 0o700
    one.store.record("assessment", "responses", {"a": 1})
    assert two.store.get("assessment", "responses") is None
    assert one.store.path == one.folder / "progress.json"
    one.end()
    one.end()  # twice is fine
    assert not one.folder.exists() and two.folder.exists()


def test_visit_folders_go_under_the_kiosk_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("CAREERLAB_KIOSK_DIR", str(tmp_path / "visits"))
    visit = Visit()
    assert visit.folder.parent == tmp_path / "visits"
    visit.end()


def _visit_in_a_child(tmp_path, ending: str) -> subprocess.CompletedProcess:
    script = textwrap.dedent(f"""
        import os, signal, sys, time
        from careerlab.kiosk import current_visit
        visit = current_visit()
        visit.store.record("assessment", "responses", {{"x": 3}})
        print(visit.folder, flush=True)
        {ending}
    """)
    env = {**os.environ, "CAREERLAB_KIOSK_DIR": str(tmp_path)}
    return subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, text=True)


@pytest.mark.parametrize("ending", ["sys.exit(0)", "time.sleep(60)"], ids=["exit", "sigterm"])
def test_the_visit_folder_is_removed_when_the_kernel_process_ends(tmp_path, ending):
    proc = _visit_in_a_child(tmp_path, ending)
    folder = proc.stdout.readline().strip()
    assert folder and os.path.isdir(folder)
    if "sleep" in ending:
        proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) in (0, -signal.SIGTERM)
    assert not os.path.exists(folder) and list(tmp_path.iterdir()) == []


def test_results_file_names_are_unique_and_short():
    stamp = __import__("datetime").datetime(2025, 1, 2, 3, 4, 5)
    assert results_file_name("x" * 5000, stamp, "ab").startswith("careerlab-results-" + "x" * 40 + "-2025")
    assert len(results_file_name("é" * 300 + "/../..", stamp, "ab")) < 100
    assert "/" not in results_file_name("../../etc/passwd", stamp, "ab")


def test_two_nameless_exports_in_the_same_second_get_two_names(tmp_path):
    names = {unique_results_path(tmp_path, "").name for _ in range(50)}
    assert len(names) == 50


def test_the_kiosk_page_keeps_its_visit_to_itself(careerlab_home, tmp_path, monkeypatch):
    """show_assessment(fresh=True) with no store: the visit's own folder, never $CAREERLAB_HOME."""
    from careerlab.assessment.widgets import show_assessment
    from careerlab.kiosk import visit as visit_module

    monkeypatch.setenv("CAREERLAB_KIOSK_DIR", str(tmp_path / "visits"))
    monkeypatch.setattr(visit_module, "_visit", None)
    monkeypatch.setattr(visit_module, "_catch_sigterm", lambda: None)  # not in a test process
    careerlab_home.mkdir(parents=True)
    (careerlab_home / "progress.json").write_text("learner's own file")
    w = show_assessment(fresh=True)
    answers = load_example_responses()
    for item_id, value in answers.items():
        w.questions[item_id].value = value
    w.submit_button.click()
    paths = w.export()
    folder = visit_module.current_visit().folder
    assert w.store.path == folder / "progress.json" and all(p.is_relative_to(folder) for p in paths)
    assert [p.name for p in careerlab_home.iterdir()] == ["progress.json"]
    assert (careerlab_home / "progress.json").read_text() == "learner's own file"
    assert "Nothing is kept on this computer after you leave" in w.export_message.value
    assert str(tmp_path) not in w.export_message.value
    visit_module.end_visit()
    assert not folder.exists()


def test_a_kiosk_error_names_no_folder(tmp_path):
    from careerlab.assessment.widgets import show_assessment
    from careerlab.progress import ProgressStore

    store = ProgressStore(tmp_path / "visit" / "progress.json")
    w = show_assessment(store, fresh=True)
    for item_id, value in load_example_responses().items():
        w.questions[item_id].value = value
    w.submit_button.click()
    (tmp_path / "visit" / "exports").write_text("a file where the folder should be")
    w.export_button.click()
    assert "Sorry" in w.export_message.value and "ask a member of staff" in w.export_message.value
    assert str(tmp_path) not in w.export_message.value and "Errno" not in w.export_message.value


def test_settings_come_from_the_environment():
    assert KioskSettings.from_env({}) == KioskSettings(idle_seconds=300, cull_interval=60, max_kernels=10)
    env = {"CAREERLAB_KIOSK_IDLE_SECONDS": "5", "CAREERLAB_KIOSK_CULL_INTERVAL": "1",
           "CAREERLAB_KIOSK_MAX_KERNELS": " 2 "}
    assert KioskSettings.from_env(env) == KioskSettings(5, 1, 2)
    for bad in ("ten", "0", "-3"):
        with pytest.raises(ValueError, match="CAREERLAB_KIOSK_MAX_KERNELS"):
            KioskSettings.from_env({"CAREERLAB_KIOSK_MAX_KERNELS": bad})


class _Manager:
    def __init__(self, ready, pending=()):
        self.ready, self._pending_kernels = list(ready), {k: None for k in pending}

    def list_kernel_ids(self):
        return self.ready


class _Handler:
    def __init__(self, manager):
        self.kernel_manager, self.status, self.headers = manager, 200, {}

    def set_status(self, code):
        self.status = code

    def set_header(self, name, value):
        self.headers[name] = value

    def clear_header(self, name):
        self.headers.pop(name, None)


def test_starting_kernels_count_too():
    assert live_kernels(_Manager(["a", "b"], pending=["b", "c"])) == 3


def test_the_cap_answers_busy_past_the_limit():
    import tornado.web

    hook = capped_prelaunch_hook(2)
    below = _Handler(_Manager(["a"]))
    assert hook(below, notebook=None, cwd="") is None and below.status == 200
    full = _Handler(_Manager(["a"], pending=["b"]))
    with pytest.raises(tornado.web.Finish) as finish:
        hook(full, notebook=None, cwd="")
    assert full.status == 503 and full.headers["Retry-After"] == "120"
    assert finish.value.args == (BUSY_HTML,) and BUSY_MESSAGE in BUSY_HTML
    assert "Traceback" not in BUSY_HTML and "/" not in BUSY_HTML.split("<body", 1)[1].replace("</", "")
