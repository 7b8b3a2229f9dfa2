"""Lesson 05's name box: the name saved in lesson 00, the same record key, and a plain warning
when the results file carries no name."""
from careerlab.assessment import load_example_responses
from careerlab.assessment.widgets import show_assessment
from careerlab.progress import ProgressStore, progress_panel


def _submitted(store):
    w = show_assessment(store)
    for item_id, value in load_example_responses().items():
        w.questions[item_id].value = value
    w.submit_button.click()
    return w


def test_the_name_saved_in_lesson_00_fills_lesson_05s_box(tmp_path):
    store = ProgressStore(tmp_path / "p.json")
    parts = progress_panel(store).children_by_role
    parts["name"].value = "Ada Example"
    parts["save_name"].click()
    w = _submitted(store)
    assert w.name.value == "Ada Example"
    w.name.value = "Ada B. Example"  # changed here: the same record key lesson 00 shows
    paths = w.export()
    assert store.get("learner", "name") == "Ada B. Example" and "ada-b-example" in paths[0].name
    assert progress_panel(store).children_by_role["name"].value == "Ada B. Example"


def test_a_name_saved_after_the_lesson_opened_shows_in_the_box_on_export(tmp_path):
    store = ProgressStore(tmp_path / "p.json")
    w = _submitted(store)
    assert w.name.value == ""
    store.record("learner", "name", "Ada Example")  # typed in lesson 00 meanwhile
    paths = w.export()
    assert w.name.value == "Ada Example" and "ada-example" in paths[0].name
    assert "No name on your file" not in w.export_message.value


def test_export_without_a_name_warns_and_still_exports(tmp_path):
    w = _submitted(ProgressStore(tmp_path / "p.json"))
    paths = w.export()
    said = w.export_message.value
    assert paths and paths[0].name.startswith("careerlab-results-learner-")
    assert "No name on your file" in said and f"the file is called {paths[0].name}" in said
    w.name.value = "Sam Sample"
    w.export_button.click()
    assert "No name on your file" not in w.export_message.value


def test_the_name_box_is_wide_enough_for_its_placeholder(tmp_path):
    w = show_assessment(ProgressStore(tmp_path / "p.json"))
    assert w.name.layout.width == "26em" and w.name.placeholder == "as your instructor should see it"
    kiosk = show_assessment(ProgressStore(tmp_path / "k.json"), fresh=True)
    assert kiosk.name.layout.width == "26em" and kiosk.name.value == ""
