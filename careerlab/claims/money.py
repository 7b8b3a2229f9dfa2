"""Money as exact Decimals: parse what a learner types, round to the cent, format for display."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from careerlab.amounts import MAX_AMOUNT, read_amount
from careerlab.errors import CareerlabError

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
MAX_UNITS = Decimal(999)


class MoneyError(CareerlabError):
    """A money, rate or units value could not be read; the message names the field."""


def cents(value: Decimal) -> Decimal:
    """Round a Decimal to the cent, halves up (the usual rule on a bill).

    >>> cents(Decimal("88.512385"))
    Decimal('88.51')
    """
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _read(value: object, field: str, *, places: int, limit: Decimal = MAX_AMOUNT) -> Decimal:
    """The shared reader (careerlab.amounts) with its plain message raised as a MoneyError naming the field."""
    result = read_amount(value, places=places, limit=limit)
    if isinstance(result, str):
        raise MoneyError(f"{field}: {result}")
    return result


def parse_money(value: object, field: str = "amount") -> Decimal:
    """Read an amount of money (not negative, at most 2 decimals, under a billion) to the cent.

    Commas and points follow ``careerlab.amounts.read_amount``: ``20,00`` is 20.00, ``2,000`` is 2000.

    >>> parse_money("$1,234.5", "charge")
    Decimal('1234.50')
    >>> parse_money("20,00"), parse_money("2,000.00")
    (Decimal('20.00'), Decimal('2000.00'))
    """
    return _read(value, field, places=2)


def parse_rate(value: object, field: str = "rate") -> Decimal:
    """Read a share such as 0.20 or '20%' and return it as a fraction between 0 and 1.

    >>> parse_rate("20%") == Decimal("0.20")
    True
    """
    if isinstance(value, str) and value.strip().endswith("%"):
        number = _read(value.strip()[:-1], field, places=4) / 100
    else:
        number = _read(value, field, places=6)
        if number > 1:
            raise MoneyError(f"{field}: {number.normalize():f} is more than 1. Write 20 % as 0.20 or as '20%'.")
    if number > 1:
        raise MoneyError(f"{field}: a rate must be between 0 % and 100 %.")
    return number


def parse_units(value: object, field: str = "units") -> int:
    """Read a whole number of units, 0 to 999 (box 24G has three digits; the scrubber flags 0).

    >>> parse_units(" 2 ")
    2
    """
    return int(_read(value, field, places=0, limit=MAX_UNITS))


def fmt_money(value: Decimal) -> str:
    """Format an amount as dollars with a thousands separator.

    >>> fmt_money(Decimal("1234.5"))
    '$1,234.50'
    """
    return f"${cents(value):,.2f}"
