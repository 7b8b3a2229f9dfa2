"""Where a code goes on a chart, by the chart's setting: which code set carries its services, and
which family of visit (E/M) codes fits it (pure logic and fixed text for the grader).

Code numbers are facts; what they stand for is in our own words. Emergency-department visits
99281-99285 are levelled by medical decision making only since 2023 and make no difference
between new and established patients (AMA CPT 2023 E/M guidelines, as explained by ACEP's 2023
ED E/M FAQ and AAPC's Emergency Medicine Coding Alert, checked 2026). A hospital's inpatient
claim codes its procedures in ICD-10-PCS and carries no E/M code: visits are billed by the
clinicians on their own claims. CPT® is a registered trademark of the American Medical Association.
"""
from __future__ import annotations

__all__ = ["ED_VISITS", "facility_inpatient", "is_em_code", "office_visits", "service_shapes", "visit_hint",
           "wrong_set_advice"]

ED_VISITS = frozenset(f"9928{n}" for n in range(1, 6))
ED_RANGE = "99281–99285"
OFFICE_RANGE = "99202–99215"
PCS = "ICD-10-PCS"


def office_visits() -> tuple[frozenset, frozenset]:
    """(new-patient, established-patient) office-visit codes, 99211 with the established ones."""
    from careerlab.codes.data import em_table

    table = em_table()
    return (frozenset(table["new_patient"].values()),
            frozenset(table["established_patient"].values()) | {"99211"})


def is_em_code(code: str) -> bool:
    """A code of CPT's evaluation and management (E/M) section, 99202-99499.

    >>> is_em_code("99284"), is_em_code("99397"), is_em_code("93000")
    (True, True, False)
    """
    return len(code) == 5 and code.isdigit() and 99202 <= int(code) <= 99499


def facility_inpatient(service_sets: tuple[str, ...]) -> bool:
    """Whether a chart is a hospital's inpatient claim: its procedures are coded in ICD-10-PCS."""
    return PCS in service_sets


def service_shapes(service_sets: tuple[str, ...]) -> str:
    """What the codes of this chart's services box look like, for a "not a code" message."""
    if facility_inpatient(service_sets):
        return (f"on this inpatient face sheet, procedures are {PCS} codes: exactly 7 letters and digits "
                "(no I or O).")
    return "CPT codes are 5 digits (or 4 digits + F/T), HCPCS Level II codes are a letter and 4 digits."


def wrong_set_advice(code: str, code_set: str, service_sets: tuple[str, ...]) -> str:
    """Where a code typed in a box that does not take its code set goes on THIS chart, if anywhere."""
    if code_set == "ICD-10-CM":
        return "ICD-10-CM diagnosis codes go in the diagnosis box."
    if code_set in service_sets:
        return f"{code_set} codes go in the services box."
    takes = " or ".join(service_sets)
    if facility_inpatient(service_sets):
        visit = (" The hospital's inpatient claim has no visit (E/M) code either: the clinicians bill their "
                 "visits on their own claims." if is_em_code(code) else "")
        return (f"This is a hospital inpatient face sheet: its procedures are coded in {PCS} (7 letters and "
                f"digits), not in CPT or HCPCS Level II, and they go in the services box.{visit}")
    if code_set == PCS:
        return (f"{PCS} is only for procedures on a hospital's inpatient claim; this chart's services are "
                f"coded in {takes}, in the services box.")
    return f"This chart's services are coded in {takes}, in the services box."


NO_ED_VISIT = ("No separate emergency-department visit is billed for this chart: nothing in the note is a "
               "significant evaluation apart from the procedure.")


def _ed_hint(code: str, office: frozenset, billed: set) -> str:
    visit = billed & ED_VISITS
    if code in office:
        said = (f"{code} is an office-visit code; in the emergency department a visit is coded with the ED "
                f"family, {ED_RANGE}, for new and established patients alike.")
        return said if visit else f"{said} {NO_ED_VISIT}"
    if not visit:
        return NO_ED_VISIT
    return ("Emergency-department (ED) visit levels are chosen by medical decision making only, never by time: "
            "compare the problems, the data and the risk the note documents with each level.")


def visit_hint(code: str, setting: str, patient: str, services: tuple[str, ...]) -> str:
    """Why a visit (E/M) code that is not the key's does not fit, for the chart's setting; "" otherwise.

    ``setting`` is "outpatient", "emergency" or "inpatient" ("" for an office visit note).
    """
    new, est = office_visits()
    office, billed = new | est, set(services)
    if setting == "emergency" and code in office | ED_VISITS:
        return _ed_hint(code, office, billed)
    if code in ED_VISITS:
        said = f"{code} is an emergency-department visit code, and this chart is not an emergency-department visit"
        if billed & office:
            return f"{said}: an office or other outpatient visit is coded {OFFICE_RANGE}."
        return f"{said}. No visit is billed for this chart: nothing in the note is a significant, separate visit."
    if code in new and patient == "established":
        return f"{code} is for a new patient; this patient has been seen here before (established)."
    if code in est and patient == "new":
        return f"{code} is for an established patient; this is the patient's first visit here (new)."
    if code in office and billed and not billed & office:
        return "No office visit is billed for this chart: nothing in the note is a significant, separate visit."
    if code in office - {"99211"}:
        return "Compare the total time in the note with each code's minimum minutes."
    return ""
