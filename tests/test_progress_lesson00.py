"""Lesson 00 as a first-time learner meets it: what the self-check says about where answers go."""
from careerlab.progress import ProgressStore
from careerlab.quiz import show_quiz


def _where_answers_go(tmp_path):
    quiz = show_quiz("00-start-here", ProgressStore(tmp_path / "p.json"))
    return next(v for v in quiz.views if v.question.id == "q-start-2")


def test_where_answers_go_names_every_way_they_can_leave(tmp_path):
    """Hand in and live sharing do send answers on a class hub: the check must not say "nothing is sent"."""
    view = _where_answers_go(tmp_path)
    view.input.value = "c"  # "sent to your instructor automatically"
    view.check.click()
    said = view.feedback.value
    assert "Not quite" in said or "No." in said
    assert "Hand in" in said and "Share my answers live" in said and "export" in said.lower()
    assert "Nothing leaves your computer" not in said
    view.input.value = "b"
    view.check.click()
    said = view.feedback.value
    assert "Correct" in said and "in your own account on a class hub" in said
    assert "Nothing is sent anywhere" not in said
    assert "Hand in sends your results to your instructor" in said and "Share my answers live" in said


def test_export_without_a_name_says_plainly_whose_file_it_is_not(tmp_path):
    """No name saved: the export still works, and a warning next to it names the learner-… file."""
    from careerlab.progress import progress_panel

    store = ProgressStore(tmp_path / "p.json")
    parts = progress_panel(store).children_by_role
    parts["export"].click()
    said = parts["handin_message"].value
    exported = list((tmp_path / "my-results").glob("careerlab-results-learner-*.json"))
    assert len(exported) == 1 and f"Saved as my-results/{exported[0].name}" in said  # export still works
    assert "No name on your file" in said and "You have not typed a name" in said
    assert f"the file is called {exported[0].name}" in said and "will not know it is yours" in said
    assert said.index("No name on your file") < said.index("Exported")  # read before the link
    parts["name"].value = "Sam Sample"  # typed, not saved: export keeps it, as before
    parts["export"].click()
    said = parts["handin_message"].value
    assert "No name on your file" not in said and "careerlab-results-sam-sample-" in said


def test_hand_in_off_a_hub_without_a_name_warns_too(tmp_path, monkeypatch):
    from careerlab.progress import progress_panel

    monkeypatch.delenv("CAREERLAB_HANDIN_URL", raising=False)
    parts = progress_panel(ProgressStore(tmp_path / "p.json")).children_by_role
    parts["handin"].click()  # off a hub: the same file, to give the instructor
    said = parts["handin_message"].value
    assert "careerlab-results-learner-" in said and "No name on your file" in said


def test_the_name_box_shows_its_whole_placeholder(tmp_path):
    from careerlab.progress import progress_panel
    from careerlab.progress.widgets import NAME_BOX_WIDTH

    name = progress_panel(ProgressStore(tmp_path / "p.json")).children_by_role["name"]
    assert name.layout.width == NAME_BOX_WIDTH == "26em"  # wider than the 300 px default


def test_reset_asks_right_under_its_button_in_one_clean_title(tmp_path):
    """The question reads "Reset everything: …" (never "Reset?:"), sits with Yes/Cancel right under
    the buttons, and what the reset did shows in the same place."""
    from careerlab.progress import progress_panel

    store = ProgressStore(tmp_path / "p.json")
    store.record("learner", "name", "Sam Sample")
    panel = progress_panel(store)
    parts = panel.children_by_role
    parts["reset"].click()
    note = parts["reset_note"].value
    assert "<b>Reset everything:</b>" in note and "?:" not in note and "!:" not in note
    assert "kept as a backup" in note and "Yes, reset" in note and "Cancel" in note
    buttons_row = next(i for i, c in enumerate(panel.children) if parts["reset"] in getattr(c, "children", ()))
    box = panel.children[buttons_row + 1]  # the question and its answers, right under Reset
    assert parts["reset_note"] in box.children and parts["confirm"] in box.children[1].children
    assert parts["confirm"].layout.display is None and parts["cancel"].layout.display is None
    parts["cancel"].click()
    assert "<b>Cancelled:</b> Nothing was changed." in parts["reset_note"].value
    assert parts["confirm"].layout.display == "none" and store.get("learner", "name") == "Sam Sample"
    parts["reset"].click()
    parts["confirm"].click()
    assert "<b>Reset done:</b> Your progress starts again from empty." in parts["reset_note"].value
    assert store.sections() == {} and parts["name"].value == ""  # the box no longer shows the old name
    parts["export"].click()  # the old note gives way to the new result
    assert parts["reset_note"].value == "" and "No name on your file" in parts["handin_message"].value
