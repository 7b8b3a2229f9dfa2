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


# --- what every shipped bank must hold (issue 16) ------------------------------------------
import datetime  # noqa: E402
import re  # noqa: E402
from collections import Counter  # noqa: E402

BANKS = [load_bank(p) for p in sorted(data_path("quizzes").glob("*.json"))]
QUESTIONS = [q for bank in BANKS for q in bank.questions]


def test_right_answers_are_spread_over_the_positions():
    singles = [q for q in QUESTIONS if q.type == "single"]
    positions = Counter([o.id for o in q.options].index(q.answer) for q in singles)
    assert len(singles) >= 10
    assert max(positions.values()) <= 0.4 * len(singles), positions
    assert len(positions) >= 3, positions  # not just the first two
    multiples = [q for q in QUESTIONS if q.type == "multiple"]
    with_first = sum(q.options[0].id in q.answer for q in multiples)
    assert with_first < len(multiples), "every multiple-choice key contains the first option"
    with_last = sum(q.options[-1].id in q.answer for q in multiples)
    assert with_last < len(multiples), "every multiple-choice key contains the last option"


def test_every_wrong_answer_has_a_reason():
    for q in QUESTIONS:
        if q.type in ("single", "multiple"):
            right = {q.answer} if q.type == "single" else set(q.answer)
            for o in q.options:
                if o.id not in right:
                    assert o.feedback.strip() and o.feedback.strip(" .") not in ("No", "Not quite"), (q.id, o.id)
        else:
            assert q.wrong.strip(), f"{q.id}: a wrong typed answer needs a reason ('wrong')"
            numbers = [float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", q.wrong)]
            assert q.type == "text" or q.answer not in numbers, f"{q.id}: 'wrong' gives the answer away"
            given_away = [a for a in q.accepted if len(a) > 1 and re.search(rf"\b{re.escape(a)}\b", q.wrong, re.I)]
            assert not given_away, f"{q.id}: 'wrong' gives the answer away: {given_away}"


def test_no_single_choice_feedback_repeats_the_wrong_heading():
    for q in QUESTIONS:
        for o in q.options if q.type == "single" else ():
            assert not re.match(r"\s*not quite\b", o.feedback, re.I), (q.id, o.id)


def test_money_answers_are_exact_unless_the_prompt_says_rounding():
    money = [q for q in QUESTIONS if q.type == "numeric" and q.unit == "$"]
    assert money
    for q in money:
        assert q.tolerance == 0 or re.search(r"\bround", q.prompt, re.I), q.id


def test_every_bank_title_names_its_lesson():
    titles = [b.title for b in BANKS]
    assert len(set(titles)) == len(titles)
    for bank in BANKS:
        words = bank.lesson.split("-", 1)[1].replace("-", " ")
        assert bank.title.startswith("Knowledge check: ")
        assert words in bank.title.lower().replace("-", " "), (bank.lesson, bank.title)


def test_recall_and_calculation_are_said_where_they_differ():
    by_id = {q.id: q for q in QUESTIONS}
    assert by_id["q-sbs-4"].kind == "recall"  # the BLS median is remembered, not worked out
    assert by_id["q-roles-7"].kind == by_id["q-sim-ar"].kind == "calculation"


def test_the_90_day_option_of_q_biller_6_names_the_right_date():
    q = next(q for q in QUESTIONS if q.id == "q-biller-6")
    day = datetime.datetime.strptime(re.search(r"\d+ \w+ \d{4}", q.prompt).group(), "%d %B %Y").date()
    ninety = next(o for o in q.options if "90 days" in o.text)
    named = datetime.datetime.strptime(re.match(r"\d+ \w+ \d{4}", ninety.text).group(), "%d %B %Y").date()
    assert named == day + datetime.timedelta(days=90)


MORE_CASES = [
    ("unknown kind", lambda d: break_(d, 2, kind="guess"), "num-1", "'kind'"),
    ("empty wrong", lambda d: break_(d, 3, wrong="  "), "text-1", "'wrong'"),
]


@pytest.mark.parametrize("label,mutate,qid,problem", MORE_CASES, ids=[c[0] for c in MORE_CASES])
def test_broken_kind_and_wrong_are_refused(tmp_path, label, mutate, qid, problem):
    test_broken_bank_names_file_question_and_problem(tmp_path, label, mutate, qid, problem)
