"""The codes area's records and fixed names: a row of the CPT/HCPCS tables, a visit note (no I/O).
CPT® is a registered trademark of the American Medical Association."""
from __future__ import annotations

from dataclasses import dataclass, field

LESSON = "02-the-medical-coder"
CPT_NOTICE = "CPT® is a registered trademark of the American Medical Association."


@dataclass(frozen=True)
class TableCode:
    """One row of the CPT or HCPCS Level II table."""

    code: str
    code_set: str  # "CPT" or "HCPCS Level II"
    description: str  # our own plain words
    detail: str  # CPT category (I/II/III) or HCPCS kind (service, drug, supply)
    source: str


@dataclass(frozen=True)
class VisitNote:
    """One synthetic visit note with its answer key."""

    id: str
    title: str
    text: str
    patient: str  # "new" or "established"
    total_minutes: int
    diagnoses: tuple[str, ...]
    services: tuple[str, ...]
    optional: tuple[str, ...] = ()
    less_specific: dict = field(default_factory=dict)
    hints: dict = field(default_factory=dict)
    why: dict = field(default_factory=dict)
    modifiers: dict = field(default_factory=dict)  # service code -> the modifiers the note supports
    units: dict = field(default_factory=dict)  # service code -> its units, when more than 1 (J3301: 4)


# The coder's shift (issue 13): practice cases, hand-written charts and their variants.
CODE_SET_NAMES = ("ICD-10-CM", "ICD-10-PCS", "CPT", "HCPCS Level II")


@dataclass(frozen=True)
class KeyCode:
    """One code of a case's answer key, with why it is right and the rule that decides it."""

    code: str  # as written: "S52.521A", "99213", "J1100", "0DTJ4ZZ"
    code_set: str  # one of CODE_SET_NAMES
    modifiers: tuple[str, ...] = ()  # CPT/HCPCS modifiers on this line, in order ("25", "RT")
    why: str = ""  # the rationale, in our own words
    guideline: str = ""  # the rule that decides it, named with its source ("ICD-10-CM OGCR IV.H, FY2026")
    units: int = 1  # service units on the line (J3301 x 4 for 40 mg; 99417 x 2); 1 for diagnoses


@dataclass(frozen=True)
class PracticeCase:
    """One case a learner codes in the shift: a hand-written chart, or a variant of one.

    ``diagnoses`` are in order: the first is the first-listed (or principal) diagnosis. A variant
    has ``chart`` set to the id of the hand-written chart it varies, and ``varied`` says what
    changed (("laterality", "left"), ("encounter", "D") ...); a hand-written case has ``chart == id``.
    """

    id: str
    chart: str
    specialty: str  # "Primary care", "Emergency department", "Orthopaedics" ...
    setting: str  # "outpatient", "emergency", "inpatient"
    title: str
    text: str  # the note, as the learner reads it
    diagnoses: tuple[KeyCode, ...]
    services: tuple[KeyCode, ...] = ()  # CPT/HCPCS lines (ICD-10-PCS for the inpatient face sheet)
    payer: str = ""  # "Medicare" or "commercial" where it decides a code (G-codes), else ""
    varied: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class PracticeChart:
    """A hand-written chart as read from practice_charts.json: its case and how it may vary.

    ``vary`` is the file's checked ``vary`` object (sides, encounters, payers, E/M by time);
    ``careerlab.codes.cases`` reads it and never changes it.
    """

    case: PracticeCase
    vary: dict = field(default_factory=dict)


@dataclass(frozen=True)
class PaceFigure:
    """A published figure a learner's shift is set beside, with its source and year."""

    what: str
    figure: str
    source: str


# Only figures we could trace to where they were published; each varies by employer, specialty
# and setting. No accuracy percentage is given: the "95 %" widely quoted by vendors has no
# AHIMA or AAPC standard behind it that we could find, so it is left out.
PACE_FIGURES = (
    PaceFigure("Emergency-department coder (an example AAPC gives)", "about 20–25 cases an hour (about 200 a day)",
               "AAPC, Career Development Program: “Practicode success” (web page, checked December 2026)"),
    PaceFigure("Office E/M encounters, poll of 255 coders", "median 12 an hour; half between 8 and 20",
               "ICD10monitor, “New coding study reveals E&M encounters per hour” (17 October 2017)"),
    PaceFigure("AAPC Practicode, to remove one year of the CPC-A apprentice status", "all 600 cases at 70 % or more",
               "AAPC, Career Development Program: “Practicode success” (web page, checked December 2026)"),
)
