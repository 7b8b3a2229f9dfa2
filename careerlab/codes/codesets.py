"""Which code set does a code belong to? (shape rules plus the shipped tables)"""
from __future__ import annotations

from careerlab.codes.data import hcpcs_table
from careerlab.codes.normalize import HCPCS2_SHAPE, PCS_SECTIONS, PCS_SHAPE, cpt_category, normalize_icd10cm, tidy

CODE_SETS = ("ICD-10-CM", "ICD-10-PCS", "CPT", "HCPCS Level II")

WHO_MAINTAINS = {
    "ICD-10-CM": "CDC's National Center for Health Statistics (NCHS); diagnoses in every U.S. setting",
    "ICD-10-PCS": "CMS; procedures for hospital inpatients only",
    "CPT": "the American Medical Association (AMA); services and procedures (also called HCPCS Level I)",
    "HCPCS Level II": "CMS; supplies, drugs, ambulance, equipment and services not in CPT",
}


def _in_icd10cm(code: str) -> bool:
    from careerlab.codes.icd10cm import get_index

    info = get_index().lookup(code)
    return info is not None and info.kind != "block"


def code_set_of(code: object) -> str | None:
    """The code set a code belongs to, or None.

    Rules: 5 digits, or 4 digits + F/T: CPT. A code in the shipped HCPCS table: HCPCS Level II.
    A code (any case, with or without dot) in the shipped ICD-10-CM release: ICD-10-CM.
    Otherwise a letter A-V (not D) + 4 digits: HCPCS Level II; 7 characters of the PCS alphabet
    starting with a PCS section character: ICD-10-PCS.

    >>> code_set_of("99213"), code_set_of("g0008")
    ('CPT', 'HCPCS Level II')
    """
    text = tidy(code)
    if not text:
        return None
    if cpt_category(text):
        return "CPT"
    if text in hcpcs_table():
        return "HCPCS Level II"
    dotted = normalize_icd10cm(text)
    if dotted[:1].isalpha() and dotted[1:2].isdigit() and _in_icd10cm(dotted):
        return "ICD-10-CM"
    if HCPCS2_SHAPE.match(text):
        return "HCPCS Level II"
    if PCS_SHAPE.match(text) and text[0] in PCS_SECTIONS:
        return "ICD-10-PCS"
    return None
