"""Read a number or amount a learner typed: one parser for quizzes, claims and exercises (pure logic).

``read_amount`` never raises: it returns a ``Decimal`` or a short, plain message saying what to fix.

The rule for commas and points (a U.S. course, so U.S. writing first):

* A point is the decimal point; commas may separate groups of three digits: ``1,234.56``.
* A comma followed by one or two digits, with no point, is a decimal comma: ``20,00`` is 20.00
  (it cannot be a thousands separator, which always has three digits after it).
* Anything that could be read two ways is refused with a plain message: ``1,234,5``,
  ``1,2345``, and ``1.234,56`` (which asks "did you mean 1,234.56?").
* For money (``places=2``) a lone point with three digits after it, such as ``50.250``, is
  refused too: it may be a thousands point (50,250) or cents with a trailing zero (50.25).
  With more places (the quiz reads 4) a point is always the decimal point: 1.000 is 1.
* A $ sign before or after the number and spaces around it are fine, and so are full-width
  and Arabic-Indic digits. Scientific notation (``1e5``), ``NaN`` and ``Infinity`` are refused.
* Amounts past the limit say "too large"; extra decimals say "too many decimal places".
  ``-0`` is read as 0.

>>> read_amount("$ 1,234.56"), read_amount("20,00"), read_amount("2,000")
(Decimal('1234.56'), Decimal('20.00'), Decimal('2000.00'))
>>> read_amount("1,234,5")
'“1,234,5” could be read more than one way. Use a point before the cents and commas only between groups of three digits, for example 1,234.50.'
>>> read_amount("1.234,56")
'“1.234,56” has the point and the comma the other way round. Did you mean 1,234.56?'
>>> read_amount("50.250")
'“50.250” could be read two ways: did you mean 50,250 or 50.25?'
>>> read_amount("50.250", places=4), read_amount("0.250"), read_amount("1,000")
(Decimal('50.2500'), Decimal('0.25'), Decimal('1000.00'))
>>> read_amount("0e99999999"), read_amount("1e12")
('“0e99999999” is in scientific notation. Type the amount in digits: did you mean 0?', '“1e12” is in scientific notation and is too large: keep it under 1,000,000,000.')
>>> read_amount("9" * 100)
'“999999999999999999999999…” is too large: keep it under 1,000,000,000.'
"""
from __future__ import annotations

import re
from decimal import ROUND_CEILING, Context, Decimal

MAX_AMOUNT = Decimal("999999999.99")
HINT = "Type a number such as 1,057.70 (a dollar sign or % is fine). Use a point for decimals: 57,70 is read as 57.70."
# for money and whole numbers (places 0-2), where a % sign is not taken
MONEY_HINT = "Type a number such as 1,057.70 (a dollar sign is fine). Use a point for decimals: 57,70 is read as 57.70."
EMPTY = "this is empty. Type an amount, for example 57.70."
_CONTEXT = Context(prec=60)  # wide enough for every value that passes the size check
_SHOW = 24  # characters of the learner's text echoed back in a message
# the minus sign, the Arabic decimal point, thousands separator and comma, the ideographic space
_EXTRA = {"\u2212": "-", "\u066b": ".", "\u066c": ",", "\u060c": ",", "\u3000": " "}
# possessive quantifiers: a long run of spaces can never make the match backtrack
_SHAPE = re.compile(r"([+-]?)\s*+(\$?)\s*+([+-]?)\s*+([0-9.,]*+)\s*+(\$?)")
_SCIENTIFIC = re.compile(r"([+-]?)\$?\s*+([+-]?)([0-9.]*+)(?<=\d)\s*+e\s*+([+-]?)(\d++)\s*+\$?", re.IGNORECASE)


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text[:_SHOW]}…”" if len(text) > _SHOW else f"“{text}”"


def _ascii(text: str) -> str:
    """Full-width forms (１２３, ＄) to ASCII, every Unicode decimal digit (١٢٣) to 0-9."""
    out = []
    for c in text:
        if "\uff01" <= c <= "\uff5e":
            c = chr(ord(c) - 0xFEE0)
        out.append(str(int(c)) if c.isdecimal() else _EXTRA.get(c, c))
    return "".join(out)


def _too_large(shown: str, limit: Decimal) -> str:
    top = limit.to_integral_value(rounding=ROUND_CEILING)
    return f"{shown} is too large: keep it " + (f"to {top:,} or less." if top == limit else f"under {top:,}.")


def _too_precise(shown: str, places: int) -> str:
    if places == 0:
        return f"{shown} is not a whole number. Type it without decimals, for example 2."
    rule = "money is kept to the cent (two decimal places)" if places == 2 else f"use at most {places}"
    return f"{shown} has too many decimal places: {rule}, for example {'12.3456789'[:3 + places]}."


def _split_body(body: str, shown: str) -> tuple[str, str] | str:
    """(whole digits, decimal digits) of '1,234.5', '20,00' or '12', or a message."""
    ambiguous = (f"{shown} could be read more than one way. Use a point before the cents and commas "
                 "only between groups of three digits, for example 1,234.50.")
    if body.count(".") > 1:
        return ambiguous if "," in body else (f"{shown} has more than one decimal point. "
                                              "Type one point before the cents, for example 12.34.")
    whole, _, frac = body.partition(".")
    if "," in frac:
        if re.fullmatch(r"\d{1,3}", whole) and re.fullmatch(r"\d{3},\d{1,2}", frac):
            return (f"{shown} has the point and the comma the other way round. "
                    f"Did you mean {whole},{frac.replace(',', '.')}?")
        return ambiguous
    if "," in whole:
        if re.fullmatch(r"\d{1,3}(,\d{3})+", whole):
            whole = whole.replace(",", "")
        elif "." not in body and re.fullmatch(r"\d+,\d{1,2}", whole):
            whole, frac = whole.split(",")  # a decimal comma: 20,00 is 20.00
        else:
            return ambiguous
    if not whole + frac:
        return f"{shown} has no digits. Type an amount, for example 57.70."
    return whole, frac


def _scientific(match: re.Match, shown: str, places: int, limit: Decimal) -> str:
    """Refuse 1e5 (a typo as often as not), saying what it would be, or that it is too large."""
    sign, mantissa, exp_sign, exponent = match[1] or match[2], match[3], match[4], match[5].lstrip("0") or "0"
    if mantissa.count(".") > 1:
        return f"{shown} has more than one decimal point. Type one point before the cents, for example 12.34."
    if not mantissa.strip("0."):  # 0e99999999 is zero, however large the exponent
        value: Decimal | str = Decimal(0)
    elif len(exponent) > 6:  # past a million digits: huge or vanishingly small
        value = _too_large(shown, limit) if exp_sign != "-" else _too_precise(shown, places)
    else:
        value = _check(Decimal(f"{sign}{mantissa}e{exp_sign}{exponent}"), shown, places, True, limit)
    if isinstance(value, str):  # say it is scientific notation first, then what else is wrong
        return f"{shown} is in scientific notation and {value[len(shown) + 1:]}"
    return f"{shown} is in scientific notation. Type the amount in digits: did you mean {value.normalize(_CONTEXT):,f}?"


def _parse_text(text: str, places: int, limit: Decimal) -> tuple[str, str, str] | str:
    """(sign, whole digits, decimal digits) from typed text, or a message."""
    shown = _shown(text)
    clean = _ascii(text).strip()
    if not clean:
        return EMPTY
    match = _SHAPE.fullmatch(clean)
    if match is None or (match[1] and match[3]) or (match[2] and match[5]):
        if clean.casefold().strip("+-$ ") in ("nan", "snan", "inf", "infinity"):
            return f"{shown} is not a usable number. Type digits, for example 57.70."
        if _SCIENTIFIC.fullmatch(clean):
            return _scientific(_SCIENTIFIC.fullmatch(clean), shown, places, limit)
        if re.search(r"\d\s+\d", clean):
            return f"{shown} has a space inside the number. Type it without spaces, for example 1,234.50."
        if places <= 2 and "%" in clean:
            return f"{shown} has a % sign, which is not used here. Type the amount itself, for example 57.70."
        return f"{shown} is not a number. {HINT if places > 2 else MONEY_HINT}"
    if not match[4]:
        return f"{shown} has no digits. Type an amount, for example 57.70."
    body = match[4]
    if places == 2 and re.fullmatch(r"[1-9]\d{0,2}\.\d\d0", body):  # 50.250: a thousands point or cents?
        whole, frac = body.split(".")
        return f"{shown} could be read two ways: did you mean {whole},{frac} or {whole}.{frac[:2]}?"
    parts = _split_body(body, shown)
    return parts if isinstance(parts, str) else (match[1] or match[3], *parts)


def _check(number: Decimal, shown: str, places: int, signed: bool, limit: Decimal) -> Decimal | str:
    """Range, sign and decimal places of a Decimal (every step exact, none can raise)."""
    if not number.is_finite():
        return f"{shown} is not a usable number. Type digits, for example 57.70."
    if number.is_zero():
        return Decimal(0).scaleb(-places)  # -0 and 0E-999 are 0
    if number.copy_abs() > limit:
        return _too_large(shown, limit)
    if number < 0 and not signed:
        return f"{shown} is negative. Amounts here are 0.00 or more."
    _, digits, exponent = number.as_tuple()
    kept = "".join(map(str, digits)).rstrip("0")
    if -exponent - (len(digits) - len(kept)) > places:  # decimals that are not trailing zeros
        return _too_precise(shown, places)
    return number.quantize(Decimal(1).scaleb(-places), context=_CONTEXT)


# With places=0 (a count, such as a claim line's units) a message speaks of whole numbers, never of money.
WHOLE_HINT = "Type a whole number, for example 2."
_WHOLE_WORDS = (
    (MONEY_HINT, WHOLE_HINT), ("Type an amount, for example 57.70.", WHOLE_HINT),
    ("Use a point before the cents and commas only between groups of three digits, for example 1,234.50.",
     WHOLE_HINT),
    ("Type one point before the cents, for example 12.34.", WHOLE_HINT),
    ("Type digits, for example 57.70.", "Type digits, for example 2."),
    ("Type the amount itself, for example 57.70.", "Type the number itself, for example 2."),
    ("Type the amount in digits", "Type the number in digits"),
    ("Amounts here are 0.00 or more.", "Type 0 or more."),
)


def read_amount(value: object, *, places: int = 2, signed: bool = False,
                limit: Decimal = MAX_AMOUNT) -> Decimal | str:
    """A Decimal with exactly ``places`` decimals, or a plain message; never raises.

    ``signed`` allows a minus sign; ``limit`` is the largest size accepted. Text is read by the
    rule above; an int, float (as written: 0.3 stays 0.30) or Decimal is checked the same way.
    With ``places=0`` (a count) the messages speak of whole numbers, not of money.

    >>> read_amount("-0"), read_amount("１２３"), read_amount("١٢٣")
    (Decimal('0.00'), Decimal('123.00'), Decimal('123.00'))
    >>> read_amount("1.005")
    '“1.005” has too many decimal places: money is kept to the cent (two decimal places), for example 12.34.'
    >>> read_amount("abc", places=0)
    '“abc” is not a number. Type a whole number, for example 2.'
    """
    result = _read_amount(value, places, signed, limit)
    if places == 0 and isinstance(result, str):
        for money, whole in _WHOLE_WORDS:
            result = result.replace(money, whole)
    return result


def _read_amount(value: object, places: int, signed: bool, limit: Decimal) -> Decimal | str:
    """read_amount's work (see there), its messages worded for amounts."""
    if value is None or isinstance(value, bool):
        return EMPTY
    if isinstance(value, str):
        parsed = _parse_text(value, places, limit)
        if isinstance(parsed, str):
            return parsed
        shown, (sign, whole, frac) = _shown(value), parsed
        whole, frac = whole.lstrip("0"), frac.rstrip("0")
        if len(whole) > len(str(int(limit))):  # decided on the digits: a 5,000-digit number is never built
            return _too_large(shown, limit)
        if len(frac) > places:
            return _too_precise(shown, places)
        return _check(Decimal(f"{sign}{whole or 0}.{frac or 0}"), shown, places, signed, limit)
    if isinstance(value, int):
        return _too_large("This number", limit) if abs(value) > limit else _check(
            Decimal(value), _shown(str(value)), places, signed, limit)
    if isinstance(value, float):
        return _check(Decimal(repr(value)), _shown(repr(value)), places, signed, limit)
    if isinstance(value, Decimal):
        return _check(value, _shown(str(value)), places, signed, limit)
    return f"expected a number, got {type(value).__name__}."
