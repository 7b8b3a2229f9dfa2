"""Export: a new file every time, next to the store's own file, with a safe, short name."""
import json

import pytest

from careerlab.progress import ProgressStore


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path / "private" / "progress.json")


def test_exports_go_next_to_the_stores_own_file(tmp_path, store, careerlab_home):
    path = store.export()
    assert path.parent == tmp_path / "private" / "exports"
    assert not (careerlab_home / "exports").exists()


def test_two_nameless_exports_in_the_same_second_never_collide(store, monkeypatch):
    from datetime import datetime, timezone

    from careerlab.progress import store as store_module

    frozen = datetime(2024, 5, 1, 12, 0, 0, tzinfo=timezone.utc)
    monkeypatch.setattr(store_module, "_now", lambda: frozen)
    store.record("s", "k", 1)
    first = store.export()
    store.record("s", "k", 2)
    second = store.export()
    third = store.export()
    assert len({first, second, third}) == 3
    assert json.loads(first.read_text())["progress"]["s"]["k"] == 1  # not overwritten
    assert json.loads(second.read_text())["progress"]["s"]["k"] == 2
    assert sorted(p.name for p in first.parent.iterdir()) == sorted(p.name for p in (first, second, third))


@pytest.mark.parametrize("name", [
    "A" * 300,
    "Zoë 🎉 Ölçer " * 40,
    "../../etc/passwd",
    "..",
    "con",
    "a/b\\c:d*e?f\"g<h>i|j",
    "tab\there\nnew\x00nul\x1b[31m",
    "lone \ud800 surrogate",
    "🎉🎉🎉",
    "   ",
    ".hidden",
])
def test_any_learner_name_gives_a_safe_short_file_name(store, name):
    path = store.export(learner=name)
    assert path.parent == store.path.parent / "exports" and path.exists()
    assert len(path.name) <= 100
    assert path.name.startswith("careerlab-results-") and path.suffix == ".json"
    assert all(c.isascii() and (c.isalnum() or c in "-.") for c in path.name)
    doc = json.loads(path.read_text(encoding="utf-8"))
    if "\ud800" not in name and name.strip():
        assert doc["learner"] == name  # the full name is kept inside the file


def test_a_long_saved_name_is_kept_whole_inside_the_file(store):
    store.record("learner", "name", "Ada " * 100)
    path = store.export()
    assert len(path.name) <= 100
    assert json.loads(path.read_text())["learner"] == ("Ada " * 100).strip()


def test_an_explicit_path_is_still_used(tmp_path, store):
    target = tmp_path / "hand-in.json"
    assert store.export(target) == target and json.loads(target.read_text())["format"] == "careerlab-results"
