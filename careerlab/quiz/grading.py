"""Grade one answer to one question: never raises for a learner's answer, always explains."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from careerlab.quiz.bank import Question


@dataclass(frozen=True)
class Grade:
    """The result of checking an answer: ``correct``, the ``feedback`` to show, and whether
    the learner actually ``answered`` (an empty answer is wrong but not counted as tried)."""

    correct: bool
    feedback: str
    answered: bool = True


def normalise_text(text: str) -> str:
    """Fold case and spacing so ' Contractual  Obligation' matches 'contractual obligation'.

    >>> normalise_text("  Contractual   OBLIGATION ")
    'contractual obligation'
    """
    return re.sub(r"\s+", " ", str(text)).strip().casefold()


def parse_number(text: Any) -> float | None:
    """Read a number a learner typed ('$1,057.70', '57.7', ' 20 % '); None if it is not one.

    >>> parse_number("$1,057.70")
    1057.7
    >>> parse_number("fifty") is None
    True
    """
    if isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        return float(text)
    cleaned = re.sub(r"[\s$,%]", "", str(text or ""))
    if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)", cleaned):
        return None
    return float(cleaned)


def _not_answered(message: str) -> Grade:
    return Grade(False, message, answered=False)


def _single(q: Question, answer: Any) -> Grade:
    if answer is None or answer == "":
        return _not_answered("Choose one of the options first, then press Check.")
    chosen = next((o for o in q.options if o.id == answer or o.text == answer), None)
    if chosen is None:
        return _not_answered(f"“{answer}” is not one of the options; choose one of the listed answers.")
    return Grade(chosen.id == q.answer, chosen.feedback)


def _multiple(q: Question, answer: Any) -> Grade:
    picked: Iterable[Any] = [] if answer is None or answer == "" else (
        [answer] if isinstance(answer, str) else answer)
    by_key = {o.id: o for o in q.options} | {o.text: o for o in q.options}
    chosen = {by_key[a].id for a in picked if a in by_key}
    if not chosen:
        return _not_answered("Tick every option you think is right (there may be more than one), then press Check.")
    right = set(q.answer)
    lines = [f"• {o.text}: {o.feedback}" for o in q.options if o.id in chosen]
    missed = right - chosen
    if missed:
        lines.append(f"You missed {len(missed)} correct option{'s' if len(missed) > 1 else ''}.")
    return Grade(chosen == right, "\n".join(lines))


def _numeric(q: Question, answer: Any) -> Grade:
    if answer is None or str(answer).strip() == "":
        return _not_answered("Type a number first, for example 57.70, then press Check.")
    value = parse_number(answer)
    if value is None:
        return _not_answered(f"“{answer}” is not a number. Type digits only, for example 57.70 "
                             "(a $ sign, commas or % are fine).")
    unit = f" {q.unit}" if q.unit and q.unit != "$" else ""
    shown = f"${q.answer:,.2f}" if q.unit == "$" else f"{q.answer:g}{unit}"
    if abs(value - q.answer) <= q.tolerance + 1e-9:
        return Grade(True, f"Yes: {shown}.")
    direction = "high" if value > q.answer else "low"
    return Grade(False, f"{answer} is too {direction}. Check each step of the working and try again.")


def _text_answer(q: Question, answer: Any) -> Grade:
    if answer is None or not str(answer).strip():
        return _not_answered("Type an answer first, then press Check.")
    if normalise_text(answer) in {normalise_text(a) for a in q.accepted}:
        return Grade(True, f"Yes: {q.accepted[0]}.")
    return Grade(False, f"“{str(answer).strip()}” is not the answer we were looking for.")


_GRADERS = {"single": _single, "multiple": _multiple, "numeric": _numeric, "text": _text_answer}


def grade(question: Question, answer: Any) -> Grade:
    """Check ``answer`` against ``question``: bad or empty answers are wrong, with a helpful message."""
    return _GRADERS[question.type](question, answer)
