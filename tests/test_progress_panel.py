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
    exported = list((tmp_path / "exports")  # next to the store's own file
                    .glob("careerlab-results-sam-sample-*.json"))
    assert len(exported) == 1
    assert json.loads(exported[0].read_text())["progress"]["quiz:01-two-roles"]["_score"]["correct"] == 5
    parts["reset"].click()
    assert parts["confirm"].layout.display is None  # the confirmation appears
    assert store.get("learner", "name") == "Sam Sample"  # nothing reset yet
    parts["cancel"].click()
    assert store.get("learner", "name") == "Sam Sample"
    parts["reset"].click()
    parts["confirm"].click()
    assert store.sections() == {}
    assert parts["confirm"].layout.display == "none"
    assert all(parts[k].layout.width == "auto" for k in ("export", "reset", "save_name"))  # labels not cut
