"""Question banks: every bank in data/quizzes loads, and every broken bank is refused with a
message naming the file, the question and the problem."""
import json

import pytest

from careerlab.paths import data_path
from careerlab.quiz import QuizBankError, load_bank, parse_bank
from quiz_samples import sample_bank_doc


def write(tmp_path, doc, name="bank.json"):
    path = tmp_path / name
    path.write_text(json.dumps(doc) if not isinstance(doc, str) else doc, encoding="utf-8")
    return path


def test_sample_bank_loads_with_every_type(tmp_path):
    bank = load_bank(write(tmp_path, sample_bank_doc()))
    assert [q.type for q in bank.questions] == ["single", "multiple", "numeric", "text"]
    assert bank.questions[1].answer == ("a", "b")
    assert bank.questions[2].answer == pytest.approx(57.70)


@pytest.mark.parametrize("path", sorted(data_path("quizzes").glob("*.json")), ids=lambda p: p.name)
def test_every_shipped_bank_is_valid(path):
    bank = load_bank(path)
    assert bank.lesson == path.stem, "a bank's 'lesson' must match its file name"
    for q in bank.questions:
        assert q.explanation
        assert all(o.feedback for o in q.options)


def break_(doc, index, **changes):
    doc["questions"][index].update(changes)
    for key, value in list(changes.items()):
        if value is ...:
            del doc["questions"][index][key]
    return doc


CASES = [
    ("missing answer key", lambda d: break_(d, 0, answer=...), "single-1", "answer key"),
    ("answer not among options", lambda d: break_(d, 0, answer="z"), "single-1", "not among the options"),
    ("multiple answer not among options", lambda d: break_(d, 1, answer=["a", "q"]), "multi-1", "not among"),
    ("unknown type", lambda d: break_(d, 2, type="essay"), "num-1", "unknown question type"),
    ("numeric answer is text", lambda d: break_(d, 2, answer="57.70"), "num-1", "must be a number"),
    ("negative tolerance", lambda d: break_(d, 2, tolerance=-1), "num-1", "negative"),
    ("text without accepted", lambda d: break_(d, 3, accepted=[]), "text-1", "accepted"),
    ("option without feedback", lambda d: d["questions"][0]["options"][1].pop("feedback") and d,
     "single-1", "feedback"),
    ("no explanation", lambda d: break_(d, 3, explanation=...), "text-1", "explanation"),
    ("duplicate ids", lambda d: break_(d, 1, id="single-1"), "single-1", "duplicate"),
    ("options not a list", lambda d: break_(d, 0, options="a, b"), "single-1", "options"),
]


@pytest.mark.parametrize("label,mutate,qid,problem", CASES, ids=[c[0] for c in CASES])
def test_broken_bank_names_file_question_and_problem(tmp_path, label, mutate, qid, problem):
    path = write(tmp_path, mutate(sample_bank_doc()), name="broken-bank.json")
    with pytest.raises(QuizBankError) as err:
        load_bank(path)
    message = str(err.value)
    assert "broken-bank.json" in message
    assert repr(qid) in message
    assert problem in message


def test_not_json_and_missing_file(tmp_path):
    with pytest.raises(QuizBankError, match="not valid JSON"):
        load_bank(write(tmp_path, "{not json", name="bad.json"))
    with pytest.raises(QuizBankError, match="no such question bank"):
        load_bank(tmp_path / "nope.json")


def test_empty_question_list_is_refused():
    with pytest.raises(QuizBankError, match="non-empty list"):
        parse_bank({"lesson": "x", "title": "t", "questions": []}, source="x.json")
