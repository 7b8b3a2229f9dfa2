"""Saved progress: round trip, atomic writes, corrupt files moved aside, two writers, export, reset."""
import json
import multiprocessing as mp
import os

import pytest

from careerlab.progress import ProgressStore, default_store


def test_round_trip_and_a_new_store_reads_the_same_file(tmp_path):
    store = ProgressStore(tmp_path / "p.json")
    store.record("quiz:01", "q1", {"answer": "a", "correct": True})
    store.record("learner", "name", "Ada Example")
    again = ProgressStore(tmp_path / "p.json")
    assert again.get("quiz:01", "q1") == {"answer": "a", "correct": True}
    assert again.get("learner", "name") == "Ada Example"
    assert again.get("nope", "x", default=7) == 7
    assert again.warning is None


def test_default_store_lives_in_careerlab_home(careerlab_home):
    assert default_store().path == careerlab_home / "progress.json"
    default_store().record("s", "k", 1)
    assert json.loads((careerlab_home / "progress.json").read_text())["sections"]["s"]["k"] == 1


def test_no_temporary_files_are_left_behind(tmp_path):
    store = ProgressStore(tmp_path / "p.json")
    for i in range(5):
        store.record("s", f"k{i}", i)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.json", "p.json.lock"]


def test_a_failed_write_leaves_the_old_file_intact(tmp_path):
    store = ProgressStore(tmp_path / "p.json")
    store.record("s", "k", "kept")
    before = (tmp_path / "p.json").read_bytes()
    with pytest.raises(TypeError, match="plain data"):
        store.record("s", "k2", object())
    assert (tmp_path / "p.json").read_bytes() == before


@pytest.mark.parametrize("content,reason", [
    ("{\"format\": \"careerlab-progress\", \"version\": 1, \"sections\": {", "not valid JSON"),
    ("[1, 2, 3]", "not a careerlab progress file"),
    ('{"format": "careerlab-progress", "version": 99, "sections": {}}', "version 99"),
    ('{"format": "careerlab-progress", "version": 1, "sections": {"a": 3}}', "damaged"),
    (b"\xff\xfe\x00garbage", "could not be read"),
])
def test_corrupt_file_is_moved_aside_never_overwritten(tmp_path, content, reason):
    path = tmp_path / "progress.json"
    raw = content if isinstance(content, bytes) else content.encode()
    path.write_bytes(raw)
    store = ProgressStore(path)
    assert store.warning and reason in store.warning
    backups = list(tmp_path.glob("progress.unreadable-*.json"))
    assert len(backups) == 1 and backups[0].read_bytes() == raw
    assert backups[0].name in store.warning and str(tmp_path) not in store.warning  # the name, not the path
    assert store.get("s", "k") is None
    store.record("s", "k", 1)
    assert backups[0].read_bytes() == raw  # the learner's old file is still there, untouched


def _writer(path, name, n):
    store = ProgressStore(path)
    for i in range(n):
        store.record(name, f"q{i}", i)


def test_two_writers_keep_each_others_answers(tmp_path):
    path = tmp_path / "progress.json"
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(path, name, 40)) for name in ("kernel-a", "kernel-b")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    store = ProgressStore(path)
    assert store.section("kernel-a") == {f"q{i}": i for i in range(40)}
    assert store.section("kernel-b") == {f"q{i}": i for i in range(40)}


def test_a_second_store_sees_the_first_stores_writes(tmp_path):
    a, b = ProgressStore(tmp_path / "p.json"), ProgressStore(tmp_path / "p.json")
    a.record("s", "from-a", 1)
    b.record("s", "from-b", 2)
    assert a.section("s") == {"from-a": 1, "from-b": 2}


def test_export_writes_one_results_file(tmp_path, careerlab_home):
    store = ProgressStore(tmp_path / "p.json")
    store.record("learner", "name", "Ada Example")
    store.record("quiz:01-two-roles", "_score", {"correct": 7, "answered": 8, "total": 8})
    path = store.export()
    assert path.parent == tmp_path / "exports" and "ada-example" in path.name  # next to the store's file
    assert default_store().export().parent == careerlab_home / "exports"
    doc = json.loads(path.read_text())
    assert doc["format"] == "careerlab-results" and doc["version"] == 1
    assert doc["learner"] == "Ada Example"
    assert doc["progress"]["quiz:01-two-roles"]["_score"]["correct"] == 7


def test_reset_needs_confirmation_and_keeps_a_backup(tmp_path):
    store = ProgressStore(tmp_path / "p.json")
    store.record("s", "k", 1)
    with pytest.raises(ValueError, match="confirm=True"):
        store.reset()
    assert store.get("s", "k") == 1
    backup = store.reset(confirm=True)
    assert store.sections() == {} and backup.exists()
    assert json.loads(backup.read_text())["sections"]["s"]["k"] == 1


@pytest.mark.parametrize("section,key", [("", "k"), ("s", "  "), (None, "k")])
def test_bad_section_or_key_is_refused_clearly(tmp_path, section, key):
    with pytest.raises(ValueError, match="non-empty string"):
        ProgressStore(tmp_path / "p.json").record(section, key, 1)
    assert not (tmp_path / "p.json").exists()
