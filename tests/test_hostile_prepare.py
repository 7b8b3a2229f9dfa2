"""reset-demo with folders that are not a demo learner's: it must touch only FOLDER/progress.json."""
from __future__ import annotations

import json

import pytest

from careerlab.classroom.prepare import main, reset_demo_learner
from careerlab.progress import ProgressError, ProgressStore


def _files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def test_a_progress_file_that_links_elsewhere_is_refused_and_its_target_untouched(tmp_path):
    other = tmp_path / "someone-else"
    other.mkdir()
    (other / "important.txt").write_text('{"x": 1}')  # not a progress file at all
    demo = tmp_path / "demo"
    demo.mkdir()
    (demo / "progress.json").symlink_to(other / "important.txt")
    with pytest.raises(ProgressError, match="link"):
        reset_demo_learner(demo)
    assert _files(other) == ["important.txt"] and (other / "important.txt").read_text() == '{"x": 1}'


def test_a_folder_that_does_not_exist_is_not_made(tmp_path, capsys):
    typo = tmp_path / "demo-typo" / "inner"
    assert main(["reset-demo", str(typo)]) == 0
    assert not (tmp_path / "demo-typo").exists()
    assert "nothing saved to reset" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["", "   "])
def test_an_empty_folder_name_does_not_reset_the_working_directory(tmp_path, monkeypatch, capsys, name):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "progress.json").write_text("{}")
    assert main(["reset-demo", name]) == 1
    assert _files(tmp_path) == ["progress.json"]
    err = capsys.readouterr().err
    assert "Nothing was changed" in err and "Traceback" not in err


def test_a_file_is_refused_untouched(tmp_path, capsys):
    (tmp_path / "afile").write_text("hello")
    assert main(["reset-demo", str(tmp_path / "afile")]) == 1
    assert _files(tmp_path) == ["afile"] and (tmp_path / "afile").read_text() == "hello"
    err = capsys.readouterr().err
    assert "not a demo learner's folder" in err and str(tmp_path) not in err


def test_a_damaged_demo_file_is_kept_as_the_backup_and_named(tmp_path, capsys):
    demo = tmp_path / "demo"
    demo.mkdir()
    (demo / "progress.json").write_text("{not json")
    assert main(["reset-demo", str(demo)]) == 0
    out = capsys.readouterr().out
    backups = [p for p in demo.iterdir() if p.name.startswith("progress.reset-")]
    assert len(backups) == 1 and backups[0].read_text() == "{not json" and backups[0].name in out
    assert not (demo / "progress.json").exists()


def test_a_real_demo_learner_is_reset_and_kept(tmp_path):
    demo = tmp_path / "demo"
    ProgressStore(demo / "progress.json").record("learner", "name", "Demo")
    backup = reset_demo_learner(demo)
    assert backup is not None and json.loads(backup.read_text())
    assert ProgressStore(demo / "progress.json").sections() == {}
