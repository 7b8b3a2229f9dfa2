"""Which code set does a code belong to? (shape rules plus the shipped tables)"""
from __future__ import annotations

from careerlab.codes.data import hcpcs_table
from careerlab.codes.normalize import CodeShape, normalize_icd10cm, shape_readings, tidy

CODE_SETS = ("ICD-10-CM", "ICD-10-PCS", "CPT", "HCPCS Level II")

WHO_MAINTAINS = {
    "ICD-10-CM": "CDC's National Center for Health Statistics (NCHS); diagnoses in every U.S. setting",
    "ICD-10-PCS": "CMS; procedures for hospital inpatients only",
    "CPT": "the American Medical Association (AMA); services and procedures (also called HCPCS Level I)",
    "HCPCS Level II": "CMS; supplies, drugs, ambulance, equipment and services not in CPT",
}

# The code set a shape names, once the release has ruled ICD-10-CM out (the look-up's heading too).
SHAPE_SETS = {CodeShape.CPT: "CPT", CodeShape.HCPCS: "HCPCS Level II", CodeShape.ICD10PCS: "ICD-10-PCS"}


def _in_icd10cm(code: str) -> bool:
    from careerlab.codes.icd10cm import get_index

    info = get_index().lookup(code)
    return info is not None and info.kind != "block"


def code_set_of(code: object) -> str | None:
    """The code set a code belongs to, or None.

    Rules: a code in the shipped HCPCS table: HCPCS Level II. A code (any case, with or without
    dot) in the shipped ICD-10-CM release: ICD-10-CM. Otherwise its shape (``shape_readings``)
    without the ICD-10-CM reading, which the release has ruled out: 5 digits, or 4 digits + F/T:
    CPT; a letter A-V (not D) + 4 digits: HCPCS Level II; 7 characters of the PCS alphabet
    starting with a PCS section character: ICD-10-PCS (B020ZZZ too, which is also shaped like a
    diagnosis, B02.0ZZZ, that the release does not hold).

    >>> code_set_of("99213"), code_set_of("g0008")
    ('CPT', 'HCPCS Level II')
    """
    text = tidy(code)
    if not text:
        return None
    if text in hcpcs_table():
        return "HCPCS Level II"
    readings = shape_readings(text)
    if CodeShape.ICD10CM in readings and _in_icd10cm(normalize_icd10cm(text)):
        return "ICD-10-CM"
    others = [shape for shape in readings if shape is not CodeShape.ICD10CM]
    return SHAPE_SETS[others[0]] if others else None
