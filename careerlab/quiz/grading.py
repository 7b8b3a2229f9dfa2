"""Grade one answer to one question: never raises for a learner's answer, always explains."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterable

from careerlab.amounts import HINT, MONEY_HINT, read_amount
from careerlab.quiz.model import MONEY, RECALL, Question

PLACES = 4  # decimals a typed answer may have (0.125 is fine; the tolerance decides), money: 2
MONEY_PLACES = 2  # money is typed to the cent
_JOINERS = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212_"  # hyphens and dashes, folded away like spaces
_END_MARKS = ".,;:!?'\"\u2018\u2019\u201c\u201d"
# examples for the hint under a numeric question; the first that is not the answer is used
_EXAMPLES = {MONEY: ("12.34", "45.60", "80.25"), "%": ("12.5", "8", "40")}
_COUNTS = ("12", "7", "40")
_LARGE_MONEY = ("12,345", "38,900", "71,200")  # for a yearly pay or another whole-dollar amount
LARGE = 1000  # a whole-dollar answer from here on is typed in dollars, without cents


@dataclass(frozen=True)
class Grade:
    """The result of checking an answer: ``correct``, the ``feedback`` to show, and whether
    the learner actually ``answered`` (an empty answer is wrong but not counted as tried)."""

    correct: bool
    feedback: str
    answered: bool = True


def normalise_text(text: str) -> str:
    """Fold case, spaces, hyphens and end punctuation, so the ways one answer is written all match.

    >>> normalise_text("  Contractual   OBLIGATION ") == normalise_text("contractual obligation")
    True
    >>> {normalise_text(t) for t in ("CO-45", "CO45", "co 45", "co‑45", "CO – 45.")}
    {'co45'}
    """
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    text = re.sub(rf"[\s{_JOINERS}]+", "", text)
    return text.strip(_END_MARKS)


def read_number(text: Any, unit: str = "") -> Decimal | str:
    """Read a typed answer with the shared reader (``careerlab.amounts``): a Decimal or a plain message.

    A trailing % or the question's unit word is allowed; up to 4 decimals (money: to the cent);
    a minus sign is allowed. A point is always the decimal point here (the hint says so), so 1.000
    is 1: only money (two places) refuses a lone point with three digits after it as two-way.

    >>> read_number(" 20 % "), read_number("30 days", "days"), read_number("57,70", "$")
    (Decimal('20.0000'), Decimal('30.0000'), Decimal('57.70'))
    >>> read_number("1.000"), read_number("57.705")
    (Decimal('1.0000'), Decimal('57.7050'))
    >>> read_number("57.705", "$")
    '“57.705” has too many decimal places: money is kept to the cent (two decimal places), for example 12.34.'
    >>> read_number("1,234,5")
    '“1,234,5” could be read more than one way. Use a point before the cents and commas only between groups of three digits, for example 1,234.50.'
    """
    if isinstance(text, str):
        text = text.strip().removesuffix("%")
        if unit and unit not in "$%":
            text = re.sub(rf"\s*{re.escape(unit)}$", "", text, flags=re.IGNORECASE)
    return read_amount(text, places=MONEY_PLACES if unit == MONEY else PLACES, signed=True)


def _whole_dollars(q: Question) -> bool:
    return q.unit == MONEY and q.answer >= LARGE and q.answer == int(q.answer)


def _example(q: Question) -> str:
    """', for example 45.60': an example for the hint that is never graded right ('' if none is safe)."""
    candidates = _LARGE_MONEY if _whole_dollars(q) else _EXAMPLES.get(q.unit, _COUNTS)
    key, tolerance = Decimal(repr(q.answer)), Decimal(repr(q.tolerance))
    safe = next((c for c in candidates if abs(Decimal(c.replace(",", "")) - key) > tolerance), "")
    return f", for example {safe}" if safe else ""


def numeric_hint(q: Question) -> str:
    """The line under a numeric question saying how to type its answer, fitting its unit.

    >>> from careerlab.quiz.model import Question
    >>> numeric_hint(Question("q", "numeric", "?", "!", answer=12.34, unit="$"))
    'Type an amount in dollars and cents, for example 45.60 (a $ sign and commas are fine; use a point before the cents).'
    >>> numeric_hint(Question("q", "numeric", "?", "!", answer=50250, unit="$"))
    'Type an amount in whole dollars, for example 12,345 (a $ sign and commas are fine).'
    >>> numeric_hint(Question("q", "numeric", "?", "!", answer=25, unit="points"))
    'Type a number of points, for example 12.'
    """
    example = _example(q)
    if _whole_dollars(q):
        return f"Type an amount in whole dollars{example} (a $ sign and commas are fine)."
    if q.unit == MONEY:
        return (f"Type an amount in dollars and cents{example} "
                "(a $ sign and commas are fine; use a point before the cents).")
    if q.unit == "%":
        return f"Type a percentage{example} (the % sign is optional; use a point for decimals)."
    if q.unit:
        return f"Type a number of {q.unit}{example}."
    return f"Type a number{example} (use a point for decimals)."


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
        return _not_answered(f"{numeric_hint(q)} Then press Check.")
    value = read_number(answer, q.unit)
    if isinstance(value, str):  # the shared reader's general hint is replaced by this question's own
        message = value.replace(HINT, numeric_hint(q)).replace(MONEY_HINT, numeric_hint(q))
        return _not_answered(message[:1].upper() + message[1:])
    key, tolerance = Decimal(repr(q.answer)), Decimal(repr(q.tolerance))
    whole = _whole_dollars(q)  # a yearly pay is asked and read back in whole dollars: $50,250, not $50,250.00
    if abs(value - key) <= tolerance:
        return Grade(True, f"{show_number(key, q.unit, whole)} is right.")
    direction = "high" if value > key else "low"
    reason = f" {q.wrong}" if q.wrong else ""
    advice = " Try again." if q.kind == RECALL else " Check each step of the working and try again."
    return Grade(False, f"{show_number(value, q.unit, whole)} is too {direction}.{reason}{advice}")


def show_number(value: Decimal, unit: str, whole_dollars: bool = False) -> str:
    """'$1,057.70', '94 %', '30 days': a number as the learner should read it back; with ``whole_dollars``
    (a question asked in whole dollars) a whole amount has no cents.

    >>> show_number(Decimal("50250"), "$"), show_number(Decimal("50250"), "$", True)
    ('$50,250.00', '$50,250')
    >>> show_number(Decimal("50250.5"), "$", True)
    '$50,250.50'
    """
    if unit == "$":
        return f"${value:,.0f}" if whole_dollars and value == value.to_integral_value() else f"${value:,.2f}"
    text = f"{value:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text} {unit}".strip()


def _text_answer(q: Question, answer: Any) -> Grade:
    if answer is None or not str(answer).strip():
        return _not_answered("Type an answer first, then press Check.")
    if normalise_text(answer) in {normalise_text(a) for a in q.accepted}:
        return Grade(True, f"{q.accepted[0]} is right.")
    typed = normalise_text(answer)
    known = next((why for wrong, why in q.known_wrong if normalise_text(wrong) == typed), "")
    if known:  # a real answer to another question: say what it means, so the mistake teaches
        return Grade(False, f"{known} {q.wrong}".strip())
    reason = f" {q.wrong}" if q.wrong else ""
    return Grade(False, f"“{str(answer).strip()}” is not the answer we were looking for.{reason}")


_GRADERS = {"single": _single, "multiple": _multiple, "numeric": _numeric, "text": _text_answer}


def grade(question: Question, answer: Any) -> Grade:
    """Check ``answer`` against ``question``: bad or empty answers are wrong, with a helpful message."""
    return _GRADERS[question.type](question, answer)
