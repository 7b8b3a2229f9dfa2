"""Money parsing: exact Decimals, clear messages that name the field."""
from decimal import Decimal

import pytest

from careerlab.claims.money import MoneyError, cents, fmt_money, parse_money, parse_rate, parse_units


@pytest.mark.parametrize("text, expected", [
    ("88.51", Decimal("88.51")), (" $1,234.5 ", Decimal("1234.50")), (0, Decimal("0.00")),
    (57.7, Decimal("57.70")), (Decimal("3"), Decimal("3.00")),
])
def test_parse_money_reads_amounts(text, expected):
    assert parse_money(text, "charge") == expected


@pytest.mark.parametrize("bad, words", [
    ("", "empty"), ("   ", "empty"), (None, "empty"), ("abc", "not a number"), ("-5", "negative"),
    ("1.005", "two decimal"), ("nan", "not a usable"), (True, "empty"), ([1], "expected a number"),
])
def test_parse_money_refuses_bad_input_naming_the_field(bad, words):
    with pytest.raises(MoneyError) as err:
        parse_money(bad, "Line 2 charge (box 24F)")
    assert "Line 2 charge (box 24F)" in str(err.value) and words in str(err.value)


def test_float_is_read_as_typed_not_as_binary():
    # 0.1 + 0.2 as floats is 0.30000000000000004; typed "0.3" must stay exactly 0.30
    assert parse_money(0.3) == Decimal("0.30")


def test_cents_rounds_half_up():
    assert cents(Decimal("0.005")) == Decimal("0.01")
    assert cents(Decimal("7.702")) == Decimal("7.70")  # 20 % of 38.51


@pytest.mark.parametrize("text, expected", [("20%", Decimal("0.20")), ("0.2", Decimal("0.2")), (" 0 % ", 0), (1, 1)])
def test_parse_rate(text, expected):
    assert parse_rate(text) == expected


@pytest.mark.parametrize("bad", ["20", "120%", "-1%", "x", ""])
def test_parse_rate_refuses(bad):
    with pytest.raises(MoneyError, match="Coinsurance"):
        parse_rate(bad, "Coinsurance")


def test_parse_units():
    assert parse_units("2") == 2 and parse_units(0) == 0
    for bad in ("1.5", "-1", "two", ""):
        with pytest.raises(MoneyError, match="units"):
            parse_units(bad, "Line 1 units")


def test_fmt_money():
    assert fmt_money(Decimal("1234.5")) == "$1,234.50"


@pytest.mark.parametrize("text, expected", [
    ("20,00", Decimal("20.00")), ("2,000", Decimal("2000.00")), ("2,000.00", Decimal("2000.00")),
    ("$ 1,234.56", Decimal("1234.56")), ("-0", Decimal("0.00")), ("١٢٣", Decimal("123.00")), ("１２３", Decimal("123.00")),
])
def test_parse_money_comma_decimals_and_other_scripts(text, expected):
    assert parse_money(text) == expected


@pytest.mark.parametrize("bad, words", [
    ("1e999999999", "too large"), ("9" * 100, "too large"), ("9" * 5000, "too large"), ("1,234,5", "more than one way"),
    ("12.3.4", "more than one decimal point"), ("1e5", "scientific notation"), ("$", "no digits"),
    ("Infinity", "not a usable"), ("0.001", "too many decimal places"),
])
def test_parse_money_refuses_huge_and_odd_amounts_with_a_money_error(bad, words):
    with pytest.raises(MoneyError, match=words):
        parse_money(bad, "Charge")


def test_parse_units_refuses_huge_numbers_at_once():
    # int(Decimal("1e999999999")) would build a billion-digit number; the limit answers first
    for bad in ("1e999999999", "9" * 5000, "1000"):
        with pytest.raises(MoneyError, match="too large"):
            parse_units(bad, "Line 1 units")
    assert parse_units("2.0") == 2 and parse_units(999) == 999
