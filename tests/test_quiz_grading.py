"""Grading: right and wrong answers of each type, and bad answers graded wrong with a message."""
import pytest

from careerlab.quiz import grade, parse_bank
from careerlab.quiz.grading import normalise_text, parse_number
from quiz_samples import sample_bank_doc

Q = {q.id: q for q in parse_bank(sample_bank_doc()).questions}


def test_single_choice_gives_the_chosen_options_feedback():
    right, wrong = grade(Q["single-1"], "a"), grade(Q["single-1"], "b")
    assert right.correct and right.feedback == "Right: billers own claims."
    assert not wrong.correct and "Coders assign codes" in wrong.feedback


def test_multiple_choice_needs_exactly_the_right_set():
    assert grade(Q["multi-1"], ("a", "b")).correct
    partial = grade(Q["multi-1"], ["a"])
    assert not partial.correct and "missed 1 correct option" in partial.feedback
    extra = grade(Q["multi-1"], ["a", "b", "c"])
    assert not extra.correct and "claim form" in extra.feedback


@pytest.mark.parametrize("typed", ["57.70", "57.7", "$57.70", " 57.705 ", 57.7])
def test_numeric_accepts_formats_within_tolerance(typed):
    assert grade(Q["num-1"], typed).correct


def test_numeric_wrong_says_too_high_or_low():
    assert "too high" in grade(Q["num-1"], "60").feedback
    assert "too low" in grade(Q["num-1"], "30.81").feedback


@pytest.mark.parametrize("qid,answer,hint", [
    ("single-1", None, "Choose one"), ("single-1", "zzz", "not one of the options"),
    ("multi-1", (), "Tick every"), ("num-1", "", "Type a number"),
    ("num-1", "fifty-seven", "is not a number"), ("text-1", "   ", "Type an answer"),
])
def test_bad_answers_are_wrong_with_a_helpful_message_not_an_exception(qid, answer, hint):
    result = grade(Q[qid], answer)
    assert result.correct is False and result.answered is False
    assert hint in result.feedback


def test_text_forgives_case_and_spacing():
    assert grade(Q["text-1"], "  contractual   OBLIGATION").correct
    assert grade(Q["text-1"], "co").correct
    assert not grade(Q["text-1"], "PR").correct


def test_helpers():
    assert normalise_text(" A  b ") == "a b"
    assert parse_number("1,234.5") == 1234.5
    assert parse_number("12.3.4") is None and parse_number(True) is None


# --- typed numbers go through the shared reader (careerlab.amounts) ---------------------------
import glob  # noqa: E402
from pathlib import Path  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from careerlab.amounts import HINT  # noqa: E402
from careerlab.quiz import load_bank  # noqa: E402

BANKS = sorted(glob.glob(str(Path(__file__).parents[1] / "data" / "quizzes" / "*.json")))
ALL_QUESTIONS = [q for path in BANKS for q in load_bank(path).questions]


def test_a_comma_decimal_is_read_as_a_decimal_never_times_100():
    assert grade(Q["num-1"], "57,70").correct  # the answer is 57.70
    low = grade(Q["num-1"], "20,00")
    assert not low.correct and "$20.00 is too low" in low.feedback
    assert parse_number("20,00") == 20.0 and parse_number("2,000") == 2000.0 and parse_number("2,000.00") == 2000.0


@pytest.mark.parametrize("typed, words", [
    ("1,234,5", "could be read more than one way"), ("1e999999999", "too large"), ("9" * 5000, "too large"),
    ("9" * 100, "too large"), ("57.70001", "too many decimal places"), ("NaN", "not a usable number"),
    ("Infinity", "not a usable number"), ("1e5", "scientific notation"), ("$", "no digits"),
    ("12.3.4", "more than one decimal point"), ("1.234,56", "Did you mean 1,234.56?"),
])
def test_odd_numbers_get_a_plain_message_and_do_not_count_as_a_try(typed, words):
    result = grade(Q["num-1"], typed)
    assert not result.correct and not result.answered and words in result.feedback
    assert "Traceback" not in result.feedback and "Invalid" not in result.feedback


@pytest.mark.parametrize("typed", ["$ 57.70", "57.70 $", "١٢٣", "１２３", "-0", "  57.7  "])
def test_other_forms_are_read_and_graded(typed):
    result = grade(Q["num-1"], typed)
    assert result.answered and result.correct == (typed.strip() in ("$ 57.70", "57.70 $", "57.7"))


def test_units_and_percent_signs_are_allowed():
    by_id = {q.id: q for q in ALL_QUESTIONS}
    assert grade(by_id["q-sim-clean"], "94 %").correct and grade(by_id["q-sim-clean"], "94%").correct
    assert grade(by_id["q-sim-ar"], "30 days").correct and grade(by_id["q-sa-4"], "25 points").correct
    assert grade(by_id["q-sbs-4"], "$50,250").correct and grade(by_id["q-sbs-4"], "50,250.00").correct


def test_the_hint_learners_see_is_true():
    # the hint says: a dollar sign or % is fine, and 57,70 is read as 57.70
    assert "57,70 is read as 57.70" in HINT and "1,057.70" in HINT
    assert parse_number("57,70") == 57.7 and parse_number("1,057.70") == 1057.7
    assert parse_number("$57.70") == parse_number("57.70%") == 57.7


@settings(max_examples=150, deadline=None, database=None)
@given(question=st.sampled_from(ALL_QUESTIONS), answer=st.text())
def test_grade_never_raises_on_any_text_for_any_question_of_every_bank(question, answer):
    result = grade(question, answer)
    assert isinstance(result.correct, bool) and isinstance(result.feedback, str) and result.feedback


@settings(max_examples=150, deadline=None, database=None)
@given(question=st.sampled_from([q for q in ALL_QUESTIONS if q.type == "numeric"]),
       answer=st.text(alphabet="0123456789,.$%e -+", max_size=20))
def test_numeric_grading_never_raises_on_number_like_text(question, answer):
    assert isinstance(grade(question, answer).feedback, str)
