"""The hand-in store: one file per hub name, private to the service's account, replaced atomically."""
import json
import os
import stat

from careerlab.handin import HandinStore
from handin_helpers import results


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_store_folder_and_files_are_private(tmp_path):
    folder = tmp_path / "handins"
    store = HandinStore(folder)
    store.put("ada", results())
    assert mode(folder) == 0o700
    assert mode(folder / "ada.json") == 0o600


def test_an_existing_open_folder_is_closed(tmp_path):
    folder = tmp_path / "handins"
    folder.mkdir(mode=0o777)
    os.chmod(folder, 0o777)
    HandinStore(folder)
    assert mode(folder) == 0o700


def test_handing_in_again_replaces_only_that_learners_file(tmp_path):
    store = HandinStore(tmp_path / "h")
    store.put("ada", results("Ada", quiz={"_score": {"correct": 1}}))
    store.put("bob", results("Bob"))
    store.put("ada", results("Ada", quiz={"_score": {"correct": 5}}))
    assert sorted(p.name for p in (tmp_path / "h").iterdir()) == ["ada.json", "bob.json"]
    assert store.get("ada")["progress"]["quiz"]["_score"] == {"correct": 5}
    assert store.get("bob")["learner"] == "Bob"
    assert [d["handed_in_by"] for d in store.all()] == ["ada", "bob"]


def test_get_of_someone_who_has_not_handed_in_is_none(tmp_path):
    assert HandinStore(tmp_path / "h").get("carol") is None


def test_all_leaves_out_leftovers_foreign_and_mislabelled_files(tmp_path):
    store = HandinStore(tmp_path / "h")
    store.put("ada", results())
    folder = tmp_path / "h"
    (folder / ".incoming-abc.tmp").write_text("{}")
    (folder / "notes.txt").write_text("hello")
    (folder / "broken.json").write_text("{not json")
    # A file whose name and contents disagree (copied in by hand) is not trusted.
    (folder / "eve.json").write_text(json.dumps({**results(), "handed_in_by": "ada"}))
    assert [d["handed_in_by"] for d in store.all()] == ["ada"]


def test_a_failed_write_leaves_the_previous_hand_in_and_no_temporary_file(tmp_path, monkeypatch):
    store = HandinStore(tmp_path / "h")
    store.put("ada", results("First"))

    def boom(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    try:
        store.put("ada", results("Second"))
    except OSError:
        pass
    monkeypatch.undo()
    assert store.get("ada")["learner"] == "First"
    assert sorted(p.name for p in (tmp_path / "h").iterdir()) == ["ada.json"]
