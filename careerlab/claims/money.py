"""Money as exact Decimals: parse what a learner types, round to the cent, format for display."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


class MoneyError(ValueError):
    """A money, rate or units value could not be read; the message names the field."""


def cents(value: Decimal) -> Decimal:
    """Round a Decimal to the cent, halves up (the usual rule on a bill).

    >>> cents(Decimal("88.512385"))
    Decimal('88.51')
    """
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _to_decimal(value: object, field: str) -> Decimal:
    """Read a number from text, int, float or Decimal; refuse blanks, words and booleans."""
    if value is None or isinstance(value, bool):
        raise MoneyError(f"{field}: this is empty. Type an amount, for example 88.51.")
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, (int, float)):
        number = Decimal(str(value))  # str() keeps what was typed, not the binary float
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("$", "").replace(" ", "")
        if not text:
            raise MoneyError(f"{field}: this is empty. Type an amount, for example 88.51.")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise MoneyError(
                f"{field}: '{value.strip()}' is not a number. Use digits and a point, for example 57.70."
            ) from None
    else:
        raise MoneyError(f"{field}: expected a number, got {type(value).__name__}.")
    if not number.is_finite():
        raise MoneyError(f"{field}: '{value}' is not a usable number.")
    return number


def parse_money(value: object, field: str = "amount") -> Decimal:
    """Read an amount of money (not negative, at most 2 decimals) and return it to the cent.

    >>> parse_money("$1,234.5", "charge")
    Decimal('1234.50')
    """
    number = _to_decimal(value, field)
    if number < 0:
        raise MoneyError(f"{field}: {number} is negative. Money amounts here are 0.00 or more.")
    if number != number.quantize(CENT, rounding=ROUND_HALF_UP):
        raise MoneyError(f"{field}: {number} has more than two decimal places; money is kept to the cent.")
    return cents(number)


def parse_rate(value: object, field: str = "rate") -> Decimal:
    """Read a share such as 0.20 or '20%' and return it as a fraction between 0 and 1.

    >>> parse_rate("20%") == Decimal("0.20")
    True
    """
    if isinstance(value, str) and value.strip().endswith("%"):
        number = _to_decimal(value.strip()[:-1], field) / 100
    else:
        number = _to_decimal(value, field)
        if number > 1:
            raise MoneyError(f"{field}: {number} is more than 1. Write 20 % as 0.20 or as '20%'.")
    if number < 0 or number > 1:
        raise MoneyError(f"{field}: a rate must be between 0 % and 100 %.")
    return number


def parse_units(value: object, field: str = "units") -> int:
    """Read a whole number of units (0 or more; the scrubber flags 0 separately).

    >>> parse_units(" 2 ")
    2
    """
    number = _to_decimal(value, field)
    if number != number.to_integral_value():
        raise MoneyError(f"{field}: {number} is not a whole number of units.")
    if number < 0:
        raise MoneyError(f"{field}: units cannot be negative.")
    return int(number)


def fmt_money(value: Decimal) -> str:
    """Format an amount as dollars with a thousands separator.

    >>> fmt_money(Decimal("1234.5"))
    '$1,234.50'
    """
    return f"${cents(value):,.2f}"
