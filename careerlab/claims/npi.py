"""The NPI check digit: the 10th digit of a National Provider Identifier is a Luhn (mod 10 "double-add-double")
check digit computed as if the 9 digits were preceded by 80840 (CMS, "Requirements for NPI Check Digit", with the
NPI final rule, 69 FR 3434, 2004: 80 = health applications, 840 = the United States)."""
from __future__ import annotations

NPI_PREFIX = "80840"


def luhn_check_digit(digits: str) -> int:
    """The Luhn digit that completes ``digits``: double every other digit from the right, add the digits of the
    products and the untouched digits, and take what is needed to reach the next multiple of 10.

    >>> luhn_check_digit("80840123456789")  # the CMS example: NPI 123456789 + check digit 3
    3
    """
    if not digits.isascii() or not digits.isdigit():
        raise ValueError(f"'{digits}' must be digits only.")
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 == 0 else 1)
        total += value // 10 + value % 10
    return (10 - total % 10) % 10


def npi_check_digit(first_nine: str) -> int:
    """The check digit of an NPI whose first 9 digits are ``first_nine`` (the prefix 80840 included).

    >>> npi_check_digit("999000001")
    7
    """
    if len(first_nine) != 9:
        raise ValueError("An NPI check digit is computed from exactly 9 digits.")
    return luhn_check_digit(NPI_PREFIX + first_nine)


def npi_problem(text: str) -> str | None:
    """None when ``text`` is a well-formed NPI (10 digits, right check digit), else what is wrong, in words.

    >>> npi_problem("1234567893") is None
    True
    >>> npi_problem("1234567890")
    'the last digit should be 3: an NPI ends in a check digit (Luhn, with the prefix 80840), so a mistyped digit shows.'
    """
    value = str(text or "").strip()
    if not value:
        return "it is empty."
    if len(value) != 10 or not value.isascii() or not value.isdigit():
        return f"an NPI has exactly 10 digits ('{value[:20]}' does not)."
    expected = npi_check_digit(value[:9])
    if int(value[9]) != expected:
        return (f"the last digit should be {expected}: an NPI ends in a check digit (Luhn, with the prefix 80840), "
                "so a mistyped digit shows.")
    return None


def is_valid_npi(text: str) -> bool:
    """True for 10 digits whose last digit is the NPI check digit.

    >>> is_valid_npi("9990000017"), is_valid_npi("9990000011")
    (True, False)
    """
    return npi_problem(text) is None
