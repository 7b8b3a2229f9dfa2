"""Tidy what a learner typed into a code box, and recognise code shapes (pure logic)."""
from __future__ import annotations

import re

ICD10CM_SHAPE = re.compile(r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")
CPT_CAT1_SHAPE = re.compile(r"^[0-9]{5}$")
CPT_CAT2_SHAPE = re.compile(r"^[0-9]{4}F$")
CPT_CAT3_SHAPE = re.compile(r"^[0-9]{4}T$")
# HCPCS Level II: a letter A-V and four digits; D-codes are the ADA's CDT, not shipped here.
HCPCS2_SHAPE = re.compile(r"^[A-CE-V][0-9]{4}$")
# ICD-10-PCS: exactly 7 characters, digits and letters except I and O.
PCS_SHAPE = re.compile(r"^[0-9A-HJ-NP-Z]{7}$")


def tidy(text: object) -> str:
    """Upper-case a typed code and drop every space (it does not add a dot).

    >>> tidy("  e11 .9 ")
    'E11.9'
    """
    if text is None:
        return ""
    return re.sub(r"\s+", "", str(text)).upper()


def normalize_icd10cm(text: object) -> str:
    """Tidy a typed ICD-10-CM code and put the dot after the third character.

    >>> normalize_icd10cm(" m5450 ")
    'M54.50'
    >>> normalize_icd10cm("e11.9")
    'E11.9'
    """
    code = tidy(text)
    if len(code) > 3 and "." not in code and "-" not in code:
        code = code[:3] + "." + code[3:]
    return code.rstrip(".")


def looks_like_icd10cm(code: str) -> bool:
    """True when ``code`` (already normalised) has the shape of an ICD-10-CM code."""
    return bool(ICD10CM_SHAPE.match(code))


def cpt_category(code: str) -> str | None:
    """'I', 'II' or 'III' when a tidied code has a CPT shape, else None.

    >>> cpt_category("99213"), cpt_category("3074F"), cpt_category("0042T"), cpt_category("E11.9")
    ('I', 'II', 'III', None)
    """
    if CPT_CAT1_SHAPE.match(code):
        return "I"
    if CPT_CAT2_SHAPE.match(code):
        return "II"
    if CPT_CAT3_SHAPE.match(code):
        return "III"
    return None


def split_codes(text: object) -> list[str]:
    """Split what a learner typed into separate entries (commas, semicolons or new lines).

    >>> split_codes("e11.9,  i10 ;\\n")
    ['e11.9', 'i10']
    """
    if text is None:
        return []
    return [part.strip() for part in re.split(r"[,;\n]+", str(text)) if part.strip()]
