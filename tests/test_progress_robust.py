"""Saved progress never crashes and never loses work: damaged files of every kind, a home that
cannot be written, orphaned temporary files, a symlinked progress file. Works as root too: the
unwritable cases use a home that is a file, or make the write itself fail."""
import json
import os
import tempfile

import pytest

from careerlab.progress import ProgressStore, default_store


def _doc(sections):
    return {"format": "careerlab-progress", "version": 1, "sections": sections}


def _write_doc(path, sections):
    path.write_text(json.dumps(_doc(sections)), encoding="utf-8")


DAMAGED = {
    "deep nesting": "[" * 100_000 + "]" * 100_000,
    "deep nesting inside sections": json.dumps(_doc({"s": {"k": 0}})).replace("0", "[" * 5000 + "]" * 5000),
    "nesting 500 deep inside sections": json.dumps(_doc({"s": {"k": 0}})).replace("0", "[" * 500 + "]" * 500),
    "5000-digit integer": '{"format": "careerlab-progress", "version": 1, "sections": {"s": {"k": ' + "9" * 5000 + "}}}",
    "NaN": '{"format": "careerlab-progress", "version": 1, "sections": {"s": {"k": NaN}}}',
    "infinite float": '{"format": "careerlab-progress", "version": 1, "sections": {"s": {"k": 1e999}}}',
    "lone surrogate": '{"format": "careerlab-progress", "version": 1, "sections": {"s": {"k": "\\ud800"}}}',
    "version as a list": '{"format": "careerlab-progress", "version": [1], "sections": {}}',
    "sections as a string": '{"format": "careerlab-progress", "version": 1, "sections": "oops"}',
    "a bare string": '"careerlab-progress"',
    "empty file": "",
    "UTF-16 text": json.dumps(_doc({})).encode("utf-16"),
    "latin-1 bytes": b'{"format": "careerlab-progress", "version": 1, "sections": {"s": {"k": "caf\xe9"}}}',
    "NUL bytes": b"\x00" * 64,
}


@pytest.mark.parametrize("name", list(DAMAGED))
def test_any_unusable_file_is_moved_aside_with_a_plain_warning(tmp_path, name):
    raw = DAMAGED[name]
    raw = raw if isinstance(raw, bytes) else raw.encode("utf-8")
    path = tmp_path / "progress.json"
    path.write_bytes(raw)
    store = ProgressStore(path)  # must not raise
    assert store.warning and "your saved progress file" in store.warning.lower()
    backups = list(tmp_path.glob("progress.unreadable-*.json"))
    assert len(backups) == 1 and backups[0].read_bytes() == raw
    assert backups[0].name in store.warning and str(tmp_path) not in store.warning
    assert store.sections() == {}
    store.record("s", "k", 1)
    assert ProgressStore(path).get("s", "k") == 1
    assert backups[0].read_bytes() == raw


def test_a_folder_where_the_file_should_be_is_moved_aside(tmp_path):
    path = tmp_path / "progress.json"
    path.mkdir()
    (path / "inside.txt").write_text("keep me")
    store = ProgressStore(path)
    assert store.warning and "it is a folder" in store.warning and str(tmp_path) not in store.warning
    backups = list(tmp_path.glob("progress.unreadable-*.json"))
    assert len(backups) == 1 and (backups[0] / "inside.txt").read_text() == "keep me"
    store.record("s", "k", 1)
    assert ProgressStore(path).get("s", "k") == 1


def test_a_file_that_cannot_be_read_is_moved_aside(tmp_path, monkeypatch):
    path = tmp_path / "progress.json"
    _write_doc(path, {"s": {"k": "old"}})
    raw = path.read_bytes()
    real_open = open

    def deny(file, *args, **kwargs):
        if os.fspath(file) == os.fspath(path):
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    store = ProgressStore(path)
    monkeypatch.undo()
    assert store.warning and "could not be read" in store.warning and str(tmp_path) not in store.warning
    assert [b.read_bytes() for b in tmp_path.glob("progress.unreadable-*.json")] == [raw]


def test_a_damaged_file_that_cannot_be_moved_aside_is_never_overwritten(tmp_path, monkeypatch):
    from careerlab.progress import fileio

    path = tmp_path / "progress.json"
    path.write_bytes(b"{not json")

    def refuse(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(fileio, "move_aside", refuse)
    store = ProgressStore(path)
    assert store.warning and "could not be used" in store.warning
    store.record("s", "k", "held")
    assert path.read_bytes() == b"{not json"  # a failed load never overwrites saved work
    assert store.get("s", "k") == "held"  # the answer is held in memory
    monkeypatch.undo()
    store.record("s", "k2", "next")  # the next write retries: moved aside now, everything saved
    assert ProgressStore(path).section("s") == {"k": "held", "k2": "next"}
    assert [b.read_bytes() for b in tmp_path.glob("progress.unreadable-*.json")] == [b"{not json"]


def test_a_file_with_too_deep_values_saved_by_hand_is_refused_on_record(tmp_path):
    store = ProgressStore(tmp_path / "p.json")
    deep = []
    for _ in range(5000):
        deep = [deep]
    with pytest.raises(TypeError, match="plain data"):
        store.record("s", "k", deep)
    with pytest.raises(TypeError, match="plain data"):
        store.record("s", "k", float("nan"))
    store.record("s", "k", "a lone \ud800 surrogate")  # learner text: kept, made safe
    assert ProgressStore(tmp_path / "p.json").get("s", "k") == "a lone \ufffd surrogate"


# -- an unwritable home -------------------------------------------------------------------------
def _unwritable_homes(tmp_path):
    afile = tmp_path / "a-file"
    afile.write_text("not a folder")
    return {"home is a file": afile, "home under a file": afile / "deeper" / "home"}


@pytest.mark.parametrize("case", ["home is a file", "home under a file"])
def test_an_unwritable_home_gives_one_plain_message_and_keeps_answers(tmp_path, monkeypatch, case):
    home = _unwritable_homes(tmp_path)[case]
    monkeypatch.setenv("CAREERLAB_HOME", str(home))
    store = default_store()  # must not raise
    store.record("quiz:01", "q1", {"answer": "a", "correct": True})
    store.record("learner", "name", "Ada")
    assert store.get("quiz:01", "q1") == {"answer": "a", "correct": True}
    assert store.warning and "cannot be saved" in store.warning
    assert str(tmp_path) not in store.warning and "Traceback" not in store.warning
    assert store.warning.count("cannot be saved") == 1


def test_answers_held_in_memory_are_saved_once_the_home_is_writable(tmp_path, monkeypatch):
    from careerlab.assessment.widgets import show_assessment
    from careerlab.progress.record import DRAFT_RESPONSES as DRAFT_KEY
    from careerlab.progress import progress_panel
    from careerlab.quiz import show_quiz
    from careerlab.roles.widgets import who_does_it

    home = tmp_path / "home"
    home.write_text("a file, not a folder")
    monkeypatch.setenv("CAREERLAB_HOME", str(home))
    store = default_store()
    panel = progress_panel()
    quiz = show_quiz("01-two-roles")
    quiz.views[0].input.value = quiz.views[0].question.options[0].id
    quiz.views[0].check.click()
    assessment = show_assessment()
    first_item = next(iter(assessment.questions))
    assessment.questions[first_item].value = 4
    assert "could not be saved" not in assessment.message.value
    roles = who_does_it()
    for dd in roles.dropdowns.values():
        dd.value = "coder"
    roles.check.click()
    panel.children_by_role["name"].value = "Ada"
    panel.children_by_role["save_name"].click()
    assert "Sorry" not in roles.feedback.value
    assert store.get("learner", "name") == "Ada"
    home.unlink()  # the home becomes writable
    store.record("s", "k", 1)
    saved = json.loads((home / "progress.json").read_text())["sections"]
    assert saved["learner"]["name"] == "Ada" and saved["s"]["k"] == 1
    assert saved["exercise:01-two-roles"]["who-does-it"]["answer"]["eligibility"] == "coder"
    assert saved["quiz:01-two-roles"][quiz.views[0].question.id]["answer"] == quiz.views[0].question.options[0].id
    assert saved["assessment"][DRAFT_KEY] == {first_item: 4}
    assert store.warning is None


def test_export_and_reset_in_an_unwritable_home_say_so_plainly(tmp_path, monkeypatch):
    from careerlab.progress import ProgressError
    from careerlab.progress import fileio

    home = tmp_path / "home"
    home.write_text("a file, not a folder")
    store = ProgressStore(home / "progress.json")
    store.record("s", "k", 1)
    with pytest.raises(ProgressError, match="could not be written") as caught:
        store.export()
    assert str(tmp_path) not in str(caught.value)
    path = tmp_path / "ok" / "progress.json"
    store = ProgressStore(path)
    store.record("s", "k", 1)
    monkeypatch.setattr(fileio, "move_aside", lambda *a: (_ for _ in ()).throw(PermissionError(13, "denied")))
    with pytest.raises(ProgressError, match="could not be reset"):
        store.reset(confirm=True)
    assert ProgressStore(path).get("s", "k") == 1  # nothing was changed


@pytest.mark.parametrize("broken", ["mkstemp", "replace"])
def test_a_failing_write_keeps_answers_and_retries(tmp_path, monkeypatch, broken):
    path = tmp_path / "progress.json"
    store = ProgressStore(path)
    store.record("s", "first", 1)

    def refuse(*_a, **_k):
        raise PermissionError(13, "Permission denied", str(path))

    target = (tempfile, "mkstemp") if broken == "mkstemp" else (os, "replace")
    monkeypatch.setattr(*target, refuse)
    store.record("s", "second", 2)  # must not raise
    assert store.section("s") == {"first": 1, "second": 2}
    assert store.warning and str(tmp_path) not in store.warning
    assert ProgressStore(path).section("s") == {"first": 1}  # the file is intact
    monkeypatch.undo()
    store.record("s", "third", 3)
    assert ProgressStore(path).section("s") == {"first": 1, "second": 2, "third": 3}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.json", "progress.json.lock"]


# -- temporary files and symlinks ------------------------------------------------------------
def test_orphaned_temporary_files_are_cleaned_up_and_nothing_else(tmp_path):
    path = tmp_path / "progress.json"
    _write_doc(path, {"s": {"k": 1}})
    orphans = [tmp_path / "progress.json.abc123xy.tmp", tmp_path / "progress.json.q_9z0w1e.tmp"]
    for o in orphans:
        o.write_text("{half a write")
    keep = [tmp_path / "progress.json.notes", tmp_path / "other.json.abc123xy.tmp",
            tmp_path / "progress.json.abc.def.tmp"]
    for k in keep:
        k.write_text("not ours")
    (tmp_path / "progress.json.dir12345.tmp").mkdir()
    store = ProgressStore(path)
    assert store.get("s", "k") == 1
    assert not any(o.exists() for o in orphans)
    assert all(k.exists() for k in keep) and (tmp_path / "progress.json.dir12345.tmp").is_dir()


def test_a_symlinked_progress_file_keeps_its_link(tmp_path):
    real_dir = tmp_path / "synced"
    real_dir.mkdir()
    target = real_dir / "my-progress.json"
    _write_doc(target, {"s": {"old": 1}})
    link = tmp_path / "home" / "progress.json"
    link.parent.mkdir()
    link.symlink_to(target)
    store = ProgressStore(link)
    assert store.get("s", "old") == 1
    store.record("s", "new", 2)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert json.loads(target.read_text())["sections"]["s"] == {"old": 1, "new": 2}
    assert not list(link.parent.glob("*.tmp")) and not list(real_dir.glob("*.tmp"))


def test_a_dangling_symlink_is_written_through(tmp_path):
    target = tmp_path / "elsewhere.json"
    link = tmp_path / "progress.json"
    link.symlink_to(target)
    store = ProgressStore(link)
    assert store.warning is None
    store.record("s", "k", 1)
    assert link.is_symlink() and json.loads(target.read_text())["sections"]["s"]["k"] == 1


def test_a_store_through_a_symlink_and_one_on_its_target_share_one_lock(tmp_path):
    import fcntl
    import threading

    target = tmp_path / "synced" / "my-progress.json"
    target.parent.mkdir()
    link = tmp_path / "home" / "progress.json"
    link.parent.mkdir()
    link.symlink_to(target)
    via_link, direct = ProgressStore(link), ProgressStore(target)
    assert not (link.parent / "progress.json.lock").exists()
    with open(target.with_name("my-progress.json.lock"), "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # another kernel is in the middle of a write
        done = threading.Event()
        writer = threading.Thread(target=lambda: (via_link.record("s", "a", 1), done.set()), daemon=True)
        writer.start()
        assert not done.wait(0.5)  # the store opened through the link waits for the same lock
        fcntl.flock(held, fcntl.LOCK_UN)
    assert done.wait(10)
    direct.record("s", "b", 2)
    assert ProgressStore(link).section("s") == {"a": 1, "b": 2}


def test_a_lock_that_cannot_be_opened_keeps_answers_in_memory_and_retries(tmp_path):
    path = tmp_path / "progress.json"
    store = ProgressStore(path)
    store.record("s", "first", 1)
    lock = tmp_path / "progress.json.lock"
    lock.unlink()
    lock.mkdir()  # the lock file cannot be opened
    assert store.record("s", "second", 2) is False  # not written without the lock
    assert store.section("s") == {"first": 1, "second": 2}
    assert json.loads(path.read_text())["sections"]["s"] == {"first": 1}
    assert store.warning and store.warning.count("cannot be saved") == 1 and str(tmp_path) not in store.warning
    lock.rmdir()
    assert store.record("s", "third", 3) is True
    assert ProgressStore(path).section("s") == {"first": 1, "second": 2, "third": 3}
    assert store.warning is None


def test_an_answer_too_long_for_the_file_is_refused_and_nothing_is_lost(tmp_path):
    from careerlab.progress.parse import MAX_BYTES

    path = tmp_path / "progress.json"
    store = ProgressStore(path)
    store.record("s", "k", "earlier answer")
    store.record("s", "big", "x" * (MAX_BYTES // 2))
    before = path.read_bytes()
    assert store.record("s", "k", "y" * (MAX_BYTES // 2 + 10)) is False
    assert path.read_bytes() == before
    assert "too long to save" in store.warning
    assert store.get("s", "k") == "earlier answer"
    reopened = ProgressStore(path)
    assert reopened.warning is None and reopened.get("s", "k") == "earlier answer"
    assert store.record("s", "k", "short") is True and store.warning is None
    assert ProgressStore(path).get("s", "k") == "short"
