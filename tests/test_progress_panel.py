"""Drive the "My progress" panel: save a name, export, reset only after confirming."""
import json

from careerlab.progress import ProgressStore, progress_panel


def test_panel_exports_and_resets_with_confirmation(tmp_path, careerlab_home):
    store = ProgressStore(tmp_path / "p.json")
    store.record("quiz:01-two-roles", "_score", {"correct": 5, "answered": 8, "total": 8})
    panel = progress_panel(store)
    parts = panel.children_by_role
    parts["save_name"].click()
    assert store.get("learner", "name") is None  # empty name refused
    parts["name"].value = "  Sam Sample "
    parts["save_name"].click()
    assert store.get("learner", "name") == "Sam Sample"
    parts["export"].click()
    exported = list((tmp_path / "my-results")  # the copy the learner finds beside the lessons
                    .glob("careerlab-results-sam-sample-*.json"))
    assert len(exported) == 1 and f"Saved as my-results/{exported[0].name}" in parts["handin_message"].value
    assert json.loads(exported[0].read_text())["progress"]["quiz:01-two-roles"]["_score"]["correct"] == 5
    parts["reset"].click()
    assert parts["confirm"].layout.display is None  # the confirmation appears
    assert parts["handin_message"].value == ""  # no "Exported" left under the reset question (the walk's finding)
    assert store.get("learner", "name") == "Sam Sample"  # nothing reset yet
    parts["cancel"].click()
    assert store.get("learner", "name") == "Sam Sample"
    parts["reset"].click()
    parts["confirm"].click()
    assert store.sections() == {}
    assert parts["confirm"].layout.display == "none"
    assert all(parts[k].layout.width == "auto" for k in ("export", "reset", "save_name"))  # labels not cut


def _messages(monkeypatch):
    """What the panel shows in its Output widget (which needs a live kernel to capture)."""
    import careerlab.progress.widgets as panel_module
    import careerlab.ui as ui
    from careerlab.ui import message_html

    shown = []
    fake = lambda out, text, kind="info", *, title=None: shown.append(message_html(text, kind, title=title))
    monkeypatch.setattr(panel_module, "show_message", fake)
    monkeypatch.setattr(ui, "show_message", fake)
    return shown


def test_the_panel_shows_its_paths_home_relative_and_errors_plainly(tmp_path, monkeypatch, careerlab_home):
    from careerlab.progress import fileio

    messages = _messages(monkeypatch)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    store = ProgressStore(tmp_path / "home" / ".careerlab" / "progress.json")
    panel = progress_panel(store)
    parts = panel.children_by_role
    header = panel.children[0].value
    assert "~/.careerlab/progress.json" in header and str(tmp_path) not in header
    parts["export"].click()
    shown = parts["handin_message"].value
    assert "Saved as my-results/careerlab-results-" in shown and str(tmp_path) not in shown
    other = progress_panel(ProgressStore(tmp_path / "srv" / "p.json"))
    assert "<code>p.json</code>" in other.children[0].value and str(tmp_path) not in other.children[0].value

    monkeypatch.setattr(fileio, "write_new", lambda *a: (_ for _ in ()).throw(PermissionError(13, "denied")))
    parts["export"].click()  # no copy can be saved: the download link alone, and a plain sentence
    shown = parts["handin_message"].value
    assert "A copy could not be saved in the my-results folder" in shown and 'download="careerlab-results-' in shown
    assert "Details" not in shown and "Restart" not in shown and str(tmp_path) not in shown


def test_a_very_long_name_is_shortened_on_save_and_says_so(tmp_path, monkeypatch, careerlab_home):
    from careerlab.progress.widgets import MAX_NAME

    messages = _messages(monkeypatch)
    store = ProgressStore(tmp_path / "p.json")
    parts = progress_panel(store).children_by_role
    parts["name"].value = "Ada " + "x" * 100_000
    parts["save_name"].click()
    saved = store.get("learner", "name")
    assert saved.startswith("Ada x") and len(saved) == MAX_NAME == 200
    assert parts["name"].value == saved
    assert "shortened to 200 characters" in messages[-1]


def test_the_export_sentence_says_what_the_file_holds(tmp_path, careerlab_home):
    """After an export the panel says what went into the file; never "nothing saved yet" under a
    file that was just saved."""
    store = ProgressStore(tmp_path / "p.json")
    store.record("learner", "name", "Sam Sample")
    parts = progress_panel(store).children_by_role
    parts["export"].click()
    said = parts["handin_message"].value
    assert "nothing saved" not in said and "only your name" in said
    store.record("quiz:01-two-roles", "_score", {"correct": 5, "answered": 8, "total": 8})
    store.record("exercise:02-the-medical-coder", "vn-01", {"score": 1.0})
    store.record("exercise:02-the-medical-coder", "vn-02", {"score": 0.5})
    parts["export"].click()
    said = parts["handin_message"].value
    assert "01-two-roles: 5 of 8 correct" in said and "02-the-medical-coder: 2 exercises done" in said
    assert "only your name" not in said


def test_an_export_with_no_name_and_no_answers_says_it_holds_nothing(tmp_path, careerlab_home):
    """The walk's finding: after a reset, Export said "It holds only your name so far" right under
    "No name on your file". A reset also says that quiz answers still on the page are not saved."""
    store = ProgressStore(tmp_path / "p.json")
    parts = progress_panel(store).children_by_role
    parts["export"].click()
    said = parts["handin_message"].value
    assert "only your name" not in said and "holds nothing yet" in said
    parts["reset"].click()
    parts["confirm"].click()
    assert "no longer saved" in parts["reset_note"].value


def test_the_live_sharing_paragraph_is_not_double_spaced(tmp_path):
    """Walk's finding (issue 16): lesson 00's paragraph about sharing answers live took the widget row's
    28 px line height (double-spaced); it is in a block with the house's line height, ticked or not."""
    from careerlab.progress import ProgressStore, progress_panel

    parts = progress_panel(ProgressStore(tmp_path / "p.json")).children_by_role
    for ticked in (False, True, False):
        if parts["share_live"].value != ticked:
            parts["share_live"].value = ticked
        assert parts["share_note"].value.startswith('<div class="careerlab-text" style="line-height:1.45')
