"""Grade one answer to one question: never raises for a learner's answer, always explains."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterable

from careerlab.amounts import read_amount
from careerlab.quiz.model import Question

PLACES = 4  # decimals a typed answer may have (57.705 is fine; the tolerance decides)


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


def read_number(text: Any, unit: str = "") -> Decimal | str:
    """Read a typed answer with the shared reader (``careerlab.amounts``): a Decimal or a plain message.

    A trailing % or the question's unit word is allowed; up to 4 decimals; a minus sign is allowed.
    A point is always the decimal point here (the hint says so), so 1.000 is 1: only money
    (two places) refuses a lone point with three digits after it as two-way.

    >>> read_number(" 20 % "), read_number("30 days", "days"), read_number("57,70", "$")
    (Decimal('20.0000'), Decimal('30.0000'), Decimal('57.7000'))
    >>> read_number("1.000"), read_number("57.705")
    (Decimal('1.0000'), Decimal('57.7050'))
    >>> read_number("1,234,5")
    '“1,234,5” could be read more than one way. Use a point before the cents and commas only between groups of three digits, for example 1,234.50.'
    """
    if isinstance(text, str):
        text = text.strip().removesuffix("%")
        if unit and unit not in "$%":
            text = re.sub(rf"\s*{re.escape(unit)}$", "", text, flags=re.IGNORECASE)
    return read_amount(text, places=PLACES, signed=True)


def parse_number(text: Any) -> float | None:
    """Read a number a learner typed ('$1,057.70', '57.7', ' 20 % '); None if it is not one.

    >>> parse_number("$1,057.70")
    1057.7
    >>> parse_number("fifty") is None, parse_number("20,00")
    (True, 20.0)
    """
    value = read_number(text)
    return float(value) if isinstance(value, Decimal) else None


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
    value = read_number(answer, q.unit)
    if isinstance(value, str):
        return _not_answered(value[:1].upper() + value[1:])
    key, tolerance = Decimal(repr(q.answer)), Decimal(repr(q.tolerance))
    if abs(value - key) <= tolerance:
        return Grade(True, f"Yes: {_show(key, q.unit)}.")
    direction = "high" if value > key else "low"
    return Grade(False, f"{_show(value, q.unit)} is too {direction}. Check each step of the working and try again.")


def _show(value: Decimal, unit: str) -> str:
    """'$1,057.70', '94 %', '30 days': a number as the learner should read it back."""
    if unit == "$":
        return f"${value:,.2f}"
    text = f"{value:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text} {unit}".strip()


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
