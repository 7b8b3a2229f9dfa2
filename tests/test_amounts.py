"""The one reader of typed numbers and amounts: every odd input gets a number or a plain message."""
import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerlab.amounts import MAX_AMOUNT, read_amount

NO_DB = settings(max_examples=300, deadline=None, database=None)  # conftest puts hypothesis' caches in a temp dir


@pytest.mark.parametrize("typed, expected", [
    ("20,00", "20.00"), ("20,5", "20.50"), ("0,99", "0.99"),  # a decimal comma: never multiplied by 100
    ("2,000", "2000.00"), ("2,000.00", "2000.00"), ("1,234,567.89", "1234567.89"),
    ("$ 1,234.56", "1234.56"), ("$1,234.56", "1234.56"), ("1,234.56 $", "1234.56"),
    ("  57.70\n", "57.70"), ("\u00a01,234.56\u00a0", "1234.56"), (".5", "0.50"), ("5.", "5.00"), ("+5", "5.00"),
    ("-0", "0.00"), ("-0.00", "0.00"), ("١٢٣", "123.00"), ("١٢٣٫٤٥", "123.45"), ("１２３．４５", "123.45"),
    ("＄１２", "12.00"), ("1.50000000000000000000000000000000000", "1.50"), ("0" * 5000 + "1", "1.00"),
    (57.7, "57.70"), (0.3, "0.30"), (3, "3.00"), (Decimal("12.340"), "12.34"), (-0.0, "0.00"),
])
def test_reads_amounts(typed, expected):
    assert read_amount(typed) == Decimal(expected)
    assert str(read_amount(typed)) == expected  # always exactly two places


@pytest.mark.parametrize("typed, words", [
    ("1,234,5", "could be read more than one way"), ("1,2345", "more than one way"), ("1,", "more than one way"),
    ("1.234,56", "Did you mean 1,234.56?"), ("12.3.4", "more than one decimal point"),
    ("1e999999999", "too large"), ("9" * 100, "too large"), ("9" * 5000, "too large"), ("1" + "0" * 5000, "too large"),
    ("1000000000", "too large"), ("1e12", "too large"), (1e300, "too large"),
    (Decimal("1e999999999"), "too large"), (Decimal("-1e999999999"), "too large"),
    ("1.005", "too many decimal places"), ("0." + "0" * 5000 + "1", "too many decimal places"),
    ("1e-999999999999", "too many decimal places"), (Decimal("1e-999999999"), "too many decimal places"),
    ("1e5", "scientific notation"), ("1e5", "did you mean 100,000?"), ("NaN", "not a usable number"),
    ("Infinity", "not a usable number"), ("-inf", "not a usable number"), (float("nan"), "not a usable number"),
    (Decimal("sNaN"), "not a usable number"), ("$", "no digits"), (".", "no digits"), ("", "empty"),
    ("   ", "empty"), (None, "empty"), (True, "empty"), ("-5", "negative"), ("$-5", "negative"),
    ("12 34", "space inside"), ("fifty", "not a number"), ("$5$", "not a number"), ("--5", "not a number"),
    ("10²", "not a number"), ("½", "not a number"), ("1_000", "not a number"), ([1], "expected a number"),
])
def test_refuses_with_a_plain_message(typed, words):
    message = read_amount(typed)
    assert isinstance(message, str) and words in message
    assert len(message) < 200 and "Decimal" not in message and "Invalid" not in message


def test_a_signed_reader_and_other_precisions():
    assert read_amount("-3", signed=True) == Decimal("-3.00")
    assert read_amount("12.3456", places=4) == Decimal("12.3456")
    assert "at most 4" in read_amount("12.34567", places=4)
    assert "not a whole number" in read_amount("1.5", places=0)
    assert "to 999 or less" in read_amount("1000", places=0, limit=Decimal(999))
    assert "too large" in read_amount(10 ** 5000)  # an int too long to print is still answered


def test_huge_inputs_are_answered_at_once():
    start = time.perf_counter()
    for typed in ("9" * 100_000, "$" + " " * 100_000 + "x", "1," * 50_000, "1e" + "9" * 10_000):
        assert isinstance(read_amount(typed), str)
    assert time.perf_counter() - start < 5


@NO_DB
@given(st.text())
def test_never_raises_on_any_text(text):
    result = read_amount(text)
    if isinstance(result, Decimal):
        assert result.as_tuple().exponent == -2 and Decimal(0) <= result <= MAX_AMOUNT
    else:
        assert isinstance(result, str) and result and len(result) < 200


@NO_DB
@given(st.text(alphabet="0123456789,.$ -+eE١٢٣", max_size=30))
def test_never_raises_on_number_like_text(text):
    result = read_amount(text)
    assert isinstance(result, str) or (result.as_tuple().exponent == -2 and 0 <= result <= MAX_AMOUNT)


@NO_DB
@given(st.decimals(min_value=0, max_value=MAX_AMOUNT, places=2, allow_nan=False, allow_infinity=False))
def test_round_trips_the_way_amounts_are_shown(amount):
    assert read_amount(f"{amount:,.2f}") == amount
    assert read_amount(f"${amount:,.2f}") == amount
    assert read_amount(f"{amount:.2f}") == amount


@pytest.mark.parametrize("typed, meant", [
    ("1.000", "did you mean 1,000 or 1.00?"), ("2.500", "did you mean 2,500 or 2.50?"),
    ("50.250", "did you mean 50,250 or 50.25?"), ("$ 999.990", "did you mean 999,990 or 999.99?"),
])
def test_a_point_that_may_separate_thousands_is_refused_for_money(typed, meant):
    message = read_amount(typed)
    assert isinstance(message, str) and "could be read two ways" in message and meant in message


def test_a_point_with_three_digits_is_a_decimal_point_elsewhere():
    from careerlab.quiz.grading import read_number

    assert read_amount("50.250", places=4) == Decimal("50.2500")
    assert read_number("1.000") == Decimal("1.0000")  # the quiz hint: "Use a point for decimals"
    assert read_amount("0.250") == Decimal("0.25")  # 0,250 is no way to write 250
    assert read_amount("1234.500") == Decimal("1234.50")  # four digits before it: not a group of three
    assert read_amount("1,000.500") == Decimal("1000.50")  # a comma already separates thousands
    assert "too many decimal places" in read_amount("1.005")  # no reading of it is an amount to the cent


@pytest.mark.parametrize("typed, words, wrong", [
    ("0e99999999", "did you mean 0?", "too large"), ("0.0e-99999999", "did you mean 0?", "decimal places"),
    ("1.2.3e4", "more than one decimal point", "too large"),
    ("1e999999999", "scientific notation and is too large", None),
    ("1e-999999999999", "scientific notation and has too many decimal places", None),
])
def test_scientific_notation_is_named_first(typed, words, wrong):
    message = read_amount(typed)
    assert words in message and (wrong is None or wrong not in message)


def test_a_percent_sign_in_money_is_refused_without_contradiction():
    from careerlab.claims.money import MoneyError, parse_money

    with pytest.raises(MoneyError) as err:
        parse_money("5%")
    assert "% sign" in str(err.value) and "% is fine" not in str(err.value)
    assert "% is fine" not in read_amount("fifty")
    assert "% is fine" in read_amount("fifty", places=4)  # the quiz, which takes a trailing %


@pytest.mark.parametrize("typed", ["abc", "", None, "-1", "2%", "1,2345", "1..2", "$", "nan", "0e5", "1.234,5"])
def test_a_count_is_refused_in_words_about_whole_numbers_never_money(typed):
    """Units on a claim line are a count (places=0): 'abc' is not told to type 1,057.70 or a dollar sign."""
    message = read_amount(typed, places=0, limit=Decimal(999))
    assert isinstance(message, str)
    for money in ("57.70", "1,057.70", "dollar", "cents", "Amounts here", "amount"):
        assert money not in message, (typed, message)
    assert any(w in message for w in ("whole number", "0 or more", "digits", "% sign", "Did you mean"))


def test_money_messages_still_speak_of_money():
    assert "1,057.70" in read_amount("abc") and "0.00 or more" in read_amount("-1")
