"""Export in the lesson: a copy in my-results/ beside the notebook (the kernel's working folder,
which JupyterLab's file browser shows), a download link holding the same file, plain words about
where it went, and never a lost export when the folder cannot be written."""
import base64
import json
import re
from datetime import datetime, timezone

import pytest

from careerlab.progress import ProgressStore, progress_panel
from careerlab.progress import fileio
from careerlab.progress import store as store_module


def _links(html_text):
    """(download name, decoded bytes) for every results-file <a download> link in the HTML."""
    found = re.findall(r'<a download="([^"]+)" class="careerlab-download-results" '
                       r'href="data:application/json;base64,([^"]+)"', html_text)
    return [(name, base64.b64decode(data)) for name, data in found]


@pytest.fixture
def lesson_folder(tmp_path, monkeypatch):
    """The kernel's working folder as in the lab (the notebooks folder), with no test override."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    monkeypatch.chdir(folder)
    monkeypatch.delenv("CAREERLAB_RESULTS_DIR", raising=False)
    return folder


def _store(tmp_path, who="ada"):
    store = ProgressStore(tmp_path / who / ".careerlab" / "progress.json")
    store.record("quiz:01-two-roles", "_score", {"correct": 5, "answered": 8, "total": 8})
    return store


def test_export_saves_into_my_results_in_the_working_folder(tmp_path, lesson_folder):
    store = _store(tmp_path)
    store.record("learner", "name", "Ada Example")
    exported = store.export_copy()
    assert exported.saved is not None and exported.saved.parent == lesson_folder / "my-results"
    assert exported.saved.read_bytes() == exported.data
    assert exported.shown == f"my-results/{exported.saved.name}"
    assert exported.saved.name.startswith("careerlab-results-ada-example-")
    assert not list(exported.saved.parent.glob("*.tmp"))  # written atomically, nothing left over
    assert not (store.path.parent / "exports").exists()  # nothing hidden in ~/.careerlab


def test_panel_export_says_where_in_plain_words_and_the_link_is_the_same_file(tmp_path, lesson_folder):
    store = _store(tmp_path)
    parts = progress_panel(store).children_by_role
    parts["name"].value = "Ada Example"
    parts["export"].click()
    saved = list((lesson_folder / "my-results").glob("careerlab-results-ada-example-*.json"))
    assert len(saved) == 1
    shown = parts["handin_message"].value
    assert f"Saved as my-results/{saved[0].name}, in the my-results folder beside this notebook" in shown
    assert "5 of 8 correct" in shown
    assert str(tmp_path) not in shown and ".careerlab" not in shown  # no server path, no hidden folder
    [(name, data)] = _links(shown)
    assert name == saved[0].name and data == saved[0].read_bytes()
    doc = json.loads(data)
    assert doc["format"] == "careerlab-results" and doc["learner"] == "Ada Example"
    assert doc["progress"]["quiz:01-two-roles"]["_score"]["correct"] == 5


@pytest.mark.parametrize("how", ["write_new", "replace"])
def test_an_unwritable_my_results_still_gives_the_link_and_says_so(tmp_path, lesson_folder, monkeypatch, how):
    store = _store(tmp_path)
    denied = lambda *a, **k: (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
    # As root chmod stops nothing, so the write itself is made to fail (a read-only folder,
    # or a failure after the file was created).
    if how == "write_new":
        monkeypatch.setattr(fileio, "write_new", denied)
    else:
        monkeypatch.setattr(fileio.os, "replace", denied)
    parts = progress_panel(store).children_by_role
    parts["export"].click()
    shown = parts["handin_message"].value
    assert "A copy could not be saved in the my-results folder" in shown
    assert "Sorry" not in shown and "Details" not in shown and str(tmp_path) not in shown
    [(name, data)] = _links(shown)  # the export is never lost
    assert name.startswith("careerlab-results-learner-") and name.endswith(".json")
    assert json.loads(data)["progress"]["quiz:01-two-roles"]["_score"]["total"] == 8
    assert not any((lesson_folder / "my-results").glob("*"))  # no empty or half-written file left


def test_two_learners_exports_never_overwrite_each_other(tmp_path, lesson_folder, monkeypatch):
    frozen = datetime(2026, 12, 2, 9, 10, 0, tzinfo=timezone.utc)
    monkeypatch.setattr(store_module, "_now", lambda: frozen)  # the same second, the same name
    ada, bea = _store(tmp_path, "ada"), _store(tmp_path, "bea")
    ada.record("quiz:01-two-roles", "q1", {"answer": "a", "correct": True})
    bea.record("quiz:01-two-roles", "q1", {"answer": "b", "correct": False})
    first, second = ada.export_copy(learner="Sam"), bea.export_copy(learner="Sam")
    assert first.saved != second.saved and first.name != second.name
    assert json.loads(first.saved.read_text())["progress"]["quiz:01-two-roles"]["q1"]["answer"] == "a"
    assert json.loads(second.saved.read_text())["progress"]["quiz:01-two-roles"]["q1"]["answer"] == "b"
    assert len(list((lesson_folder / "my-results").iterdir())) == 2


def test_the_self_assessment_export_row_saves_into_my_results_too(tmp_path, lesson_folder, monkeypatch):
    from careerlab.assessment import load_example_responses
    from careerlab.assessment.widgets import show_assessment

    store = ProgressStore(tmp_path / "home" / "progress.json")
    w = show_assessment(store)
    for item_id, value in load_example_responses().items():
        w.questions[item_id].value = value
    w.submit_button.click()
    w.name.value = "Ada Example"
    paths = w.export()
    assert [p.parent for p in paths] == [lesson_folder / "my-results"] * 3
    shown = w.export_message.value
    assert f"Saved as my-results/{paths[0].name}" in shown and str(tmp_path) not in shown
    [(name, data)] = _links(shown)
    assert name == paths[0].name and data == paths[0].read_bytes()

    monkeypatch.setattr(fileio, "write_new", lambda *a: (_ for _ in ()).throw(PermissionError(13, "denied")))
    assert w.export() == []
    shown = w.export_message.value
    assert "A copy could not be saved" in shown and json.loads(_links(shown)[0][1])["learner"] == "Ada Example"
