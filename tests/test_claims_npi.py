"""The NPI check digit (Luhn with the prefix 80840), checked against the CMS example and by properties; every
synthetic NPI in data/ passes it and none could be a real, issued NPI (those start with 1 or 2)."""
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerlab.claims.npi import is_valid_npi, luhn_check_digit, npi_check_digit, npi_problem
from careerlab.claims.scrubber import scrub
from careerlab.paths import data_path
from claims_helpers import visit


def test_the_cms_worked_example():
    # CMS "Requirements for NPI Check Digit": the 9 digits 123456789. Doubling 9, 7, 5, 3, 1 (from the right):
    # 18, 14, 10, 6, 2 -> digits 9 + 5 + 1 + 6 + 2 = 23; the others 8 + 6 + 4 + 2 = 20; with the constant 24 for
    # the prefix 80840: 23 + 20 + 24 = 67; the next multiple of ten is 70, so the check digit is 3.
    assert npi_check_digit("123456789") == 3 and is_valid_npi("1234567893")
    assert luhn_check_digit("80840123456789") == 3  # the same with the prefix written out


def test_the_constant_24_stands_for_the_prefix():
    # 80840 before 9 digits: counted from the right of the 14, its 0 and 4 fall on doubled places, so it adds
    # 8 + (0 x 2) + 8 + (4 x 2) + 0 = 24: CMS's constant for an NPI written without the prefix.
    for nine in ("123456789", "999000001", "000000000"):
        total = 24
        for i, ch in enumerate(reversed(nine)):
            d = int(ch) * (2 if i % 2 == 0 else 1)
            total += d // 10 + d % 10
        assert npi_check_digit(nine) == (10 - total % 10) % 10


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_every_nine_digits_get_exactly_one_valid_npi(nine):
    valid = [d for d in "0123456789" if is_valid_npi(nine + d)]
    assert valid == [str(npi_check_digit(nine))]


@given(st.text(alphabet="0123456789", min_size=9, max_size=9), st.integers(0, 9), st.integers(1, 9))
def test_a_single_mistyped_digit_is_caught(nine, position, change):
    npi = nine + str(npi_check_digit(nine))
    typo = npi[:position] + str((int(npi[position]) + change) % 10) + npi[position + 1:]
    assert not is_valid_npi(typo)


@given(st.text(max_size=14))
def test_any_typed_text_gets_a_plain_answer(text):
    problem = npi_problem(text)
    assert problem is None or (isinstance(problem, str) and problem.endswith("."))
    if problem is None:
        assert re.fullmatch(r"\d{10}", text.strip())


def test_luhn_rejects_non_digits():
    with pytest.raises(ValueError):
        luhn_check_digit("12a")
    with pytest.raises(ValueError):
        npi_check_digit("12345")


def test_every_synthetic_npi_in_data_passes_and_is_fictional():
    found = []
    for path in data_path().rglob("*"):
        if path.suffix in {".json", ".csv"}:
            found += re.findall(r'"(?:\w*_)?npi"\s*:\s*"(\d*)"', path.read_text(encoding="utf-8"))
    assert len(found) >= 10  # the visits and lesson 01's visit
    for npi in found:
        assert npi == "" or (is_valid_npi(npi) and npi.startswith("9")), npi


def test_scrubber_names_a_wrong_check_digit():
    findings = scrub(visit("V01", rendering_npi="9990000029"))  # the old, not check-digit NPI
    assert [f.field for f in findings] == ["Rendering provider NPI (box 24J)"]
    assert "last digit should be 5" in findings[0].message
    assert scrub(visit("V01", rendering_npi="9990000025")) == []
