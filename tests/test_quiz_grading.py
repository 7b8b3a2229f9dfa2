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
