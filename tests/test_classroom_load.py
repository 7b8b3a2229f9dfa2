"""Loading a folder of results files: good files become rows, every bad file is named, skipped,
and nothing in the folder changes."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from careerlab.classroom.load import load_class_results, question_prompts
from careerlab.classroom.results_file import TRAITS, ResultsFileError, parse_results
from careerlab.paths import data_path


def results(name="Pat Example", *, when="2026-11-20T10:00:00+00:00", version=1, fit=(60, 40),
            traits=None, quiz=None):
    """A results document like ProgressStore.export writes."""
    progress = {"learner": {"name": name}}
    if fit is not None:
        progress["assessment"] = {
            "trait_scores": traits if traits is not None else {t: 50 for t in TRAITS},
            "role_fit": {"coder": fit[0], "biller": fit[1]}}
    for lesson, answers in (quiz or {}).items():
        sec = {qid: {"answer": "a", "correct": ok} for qid, ok in answers.items()}
        sec["_score"] = {"correct": sum(answers.values()), "answered": len(answers),
                         "total": len(answers)}
        progress[f"quiz:{lesson}"] = sec
    return {"format": "careerlab-results", "version": version, "careerlab_version": "0.1.0",
            "learner": name, "exported_at": when, "progress": progress}


def write(folder: Path, name: str, doc) -> Path:
    path = folder / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path


def folder_fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def messy(tmp_path):
    f = tmp_path / "class"
    f.mkdir()
    write(f, "a-good.json", results("Ana Sample", quiz={"01-two-roles": {"q1": True, "q2": False}}))
    write(f, "b-good.json", results("Ben Sample", fit=(30, 70)))
    write(f, "c-empty.json", "")
    write(f, "d-corrupt.json", '{"format": "careerlab-results", "vers')
    write(f, "e-foreign.json", {"name": "something else", "rows": [1, 2]})
    write(f, "f-list.json", [1, 2, 3])
    write(f, "g-version.json", results("Cy Sample", version=2))
    (f / "h-copy.json").write_bytes((f / "a-good.json").read_bytes())
    write(f, "i-same-older.json", results("ben sample", when="2026-11-01T10:00:00+00:00"))
    write(f, "j-progress.json", {"format": "careerlab-progress", "version": 1, "sections": {}})
    (f / "k-binary.json").write_bytes(b"\xff\xfe\x00\x81garbage")
    bad_traits = dict({t: 50 for t in TRAITS}, numbers_money=150, people_service="high")
    write(f, "l-bad-trait.json", results("Dee Sample", traits=bad_traits))
    write(f, "notes.txt", "not a results file, ignored")
    write(f, ".hidden.json", "")
    (f / "sub").mkdir()
    write(f / "sub", "nested.json", results("Eve Sample"))
    return f


def test_each_bad_file_is_named_and_skipped(messy):
    df, problems = load_class_results(messy)
    assert sorted(df["learner"]) == ["Ana Sample", "Ben Sample", "Dee Sample"]
    by_file = {p.file: p.reason for p in problems}
    assert "empty" in by_file["c-empty.json"]
    assert "not readable JSON" in by_file["d-corrupt.json"]
    assert "not a careerlab results file" in by_file["e-foreign.json"]
    assert "not a careerlab results file" in by_file["f-list.json"]
    assert "version 2" in by_file["g-version.json"]
    assert "identical copy of a-good.json" in by_file["h-copy.json"]
    assert "same learner" in by_file["i-same-older.json"] and "b-good.json" in by_file[
        "i-same-older.json"]
    assert "saved-progress file" in by_file["j-progress.json"]
    assert "not a text file" in by_file["k-binary.json"]
    assert "150" in by_file["l-bad-trait.json"] and "rest of the file was used" in by_file[
        "l-bad-trait.json"]
    assert set(by_file) == {"c-empty.json", "d-corrupt.json", "e-foreign.json", "f-list.json",
                            "g-version.json", "h-copy.json", "i-same-older.json",
                            "j-progress.json", "k-binary.json", "l-bad-trait.json"}
    assert all(str(p).startswith(p.file + ": ") for p in problems)
    dee = df.set_index("learner").loc["Dee Sample"]
    assert dee.isna()["trait:numbers_money"] and dee.isna()["trait:people_service"]
    assert dee["trait:anatomy_medicine"] == 50


def test_nothing_in_the_folder_changes(messy):
    before = folder_fingerprint(messy)
    load_class_results(messy)
    assert folder_fingerprint(messy) == before


def test_the_newer_export_of_a_learner_wins_whatever_the_file_order(tmp_path):
    write(tmp_path, "1.json", results("Kim Sample", when="2026-11-25T08:00:00+00:00", fit=(80, 20)))
    write(tmp_path, "2.json", results("Kim  Sample", when="2026-11-02T08:00:00+00:00", fit=(10, 90)))
    df, problems = load_class_results(tmp_path)
    assert list(df["fit:coder"]) == [80.0]
    assert [p.file for p in problems] == ["2.json"]


def test_unnamed_learners_are_not_merged(tmp_path):
    write(tmp_path, "x.json", results("learner", fit=(70, 30)))
    write(tmp_path, "y.json", results("", fit=(20, 80)))
    df, problems = load_class_results(tmp_path)
    assert problems == []
    assert list(df["learner"]) == ["(no name) x.json", "(no name) y.json"]


def test_rows_carry_traits_fit_quiz_scores_and_answers(tmp_path):
    write(tmp_path, "a.json", results("Ana", quiz={"01-two-roles": {"q1": True, "q2": False,
                                                                    "q3": True, "q4": True}}))
    df, _ = load_class_results(tmp_path)
    row = df.iloc[0]
    assert row["fit:coder"] == 60 and row["fit:biller"] == 40
    assert row["quiz:01-two-roles"] == 75.0  # 3 of 4 right
    assert row["answers"] == {"01-two-roles/q1": True, "01-two-roles/q2": False,
                              "01-two-roles/q3": True, "01-two-roles/q4": True}


def test_missing_and_empty_folders_are_reported_not_raised(tmp_path):
    df, problems = load_class_results(tmp_path / "nowhere")
    assert df.empty and problems[0].reason == "this folder does not exist" and problems[0].folder
    df, problems = load_class_results(tmp_path)
    assert df.empty and problems == []
    assert "fit:coder" in df.columns
    a_file = write(tmp_path, "a.json", results("Ana"))
    assert "a file, not a folder" in load_class_results(a_file)[1][0].reason


def test_an_unreadable_folder_or_file_is_reported(tmp_path, monkeypatch):
    import careerlab.classroom.load as load

    write(tmp_path, "a.json", results("Ana"))
    write(tmp_path, "b.json", results("Ben"))

    def refuse(folder):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(load, "results_files", refuse)
    df, problems = load_class_results(tmp_path)
    assert df.empty and "could not be read (Permission denied)" in problems[0].reason
    monkeypatch.undo()
    import careerlab.classroom.folder as folder

    real_open = folder._open

    def flaky(path):
        if path.name == "b.json":
            raise PermissionError(13, "Permission denied")
        return real_open(path)

    monkeypatch.setattr(folder, "_open", flaky)  # files are opened with os.open, not read_bytes
    df, problems = load_class_results(tmp_path)
    assert list(df["learner"]) == ["Ana"]
    assert [str(p) for p in problems] == ["b.json: it could not be read (Permission denied)"]


def test_damaged_quiz_score_falls_back_to_counting_answers():
    doc = results("Ana", quiz={"02-the-medical-coder": {"a": True, "b": False}})
    doc["progress"]["quiz:02-the-medical-coder"]["_score"] = {"correct": 9, "answered": 2,
                                                               "total": 2}
    rec = parse_results(json.dumps(doc).encode())
    assert rec["quiz:02-the-medical-coder"] == 50.0  # 1 of the 2 answers counted
    assert "damaged" in rec["notes"][0]


def test_a_bank_total_larger_than_the_answers_counts_unanswered_as_not_right():
    doc = results("Ana", quiz={"03-the-medical-biller": {"a": True}})
    doc["progress"]["quiz:03-the-medical-biller"]["_score"] = {"correct": 1, "answered": 1,
                                                                "total": 4}
    assert parse_results(json.dumps(doc).encode())["quiz:03-the-medical-biller"] == 25.0


@pytest.mark.parametrize("data, words", [
    (b"   \n", "empty"),
    (b'{"format": "careerlab-results", "version": 1, "progress": []}', "progress part"),
    (b'{"format": "careerlab-results", "version": "1", "progress": {}}', "version '1'"),
])
def test_parse_results_reasons(data, words):
    with pytest.raises(ResultsFileError, match=words):
        parse_results(data)


def test_the_shipped_sample_class():
    folder = data_path("class-sample")
    before = folder_fingerprint(folder)
    df, problems = load_class_results(folder)
    assert len(df) >= 30
    assert df["learner"].str.endswith("(sample)").all()
    assert all(p.file.startswith("problem-example-") for p in problems)
    assert len(problems) == len(list(folder.glob("problem-example-*.json")))
    assert folder_fingerprint(folder) == before
    # every answered question exists in the lesson's bank
    prompts = question_prompts()
    for answers in df["answers"]:
        assert set(answers) <= set(prompts)


def test_question_prompts_skip_broken_banks(tmp_path):
    write(tmp_path, "01-x.json", {"lesson": "01-x", "title": "X", "questions": [
        {"id": "q", "type": "text", "prompt": "Why?", "explanation": "So.", "accepted": ["so"]}]})
    write(tmp_path, "02-y.json", "{broken")
    assert question_prompts(tmp_path) == {"01-x/q": "Why?"}


def test_the_sample_class_is_scored_like_the_self_assessment():
    from careerlab.assessment import role_fit, score

    folder = data_path("class-sample")
    path = sorted(folder.glob("careerlab-results-learner-01-*.json"))[0]
    assessment = json.loads(path.read_text(encoding="utf-8"))["progress"]["assessment"]
    traits = score(assessment["responses"])
    assert assessment["trait_scores"] == {t: round(v, 1) for t, v in traits.items()}
    assert assessment["role_fit"] == {r: round(v, 1) for r, v in role_fit(traits).items()}
