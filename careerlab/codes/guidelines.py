"""The coding rules lesson 02 teaches, each in our own words with an example and its source
(pure data). The ICD-10-CM Official Guidelines for Coding and Reporting (OGCR) are CMS and NCHS's,
approved by the Cooperating Parties (AHA, AHIMA, CMS, NCHS); FY2026 runs 1 October 2025 to
30 September 2026."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["GUIDELINES", "OGCR", "Guideline"]

OGCR = "ICD-10-CM Official Guidelines for Coding and Reporting FY2026"


@dataclass(frozen=True)
class Guideline:
    """One rule: its name, what it says, an example, and where it is written."""

    name: str
    rule: str
    example: str
    source: str


GUIDELINES = (
    Guideline("Uncertain diagnosis (outpatient)",
              "In an office or outpatient visit, do not code a diagnosis written as probable, suspected, "
              "likely, questionable or \u201crule out\u201d: code the signs, symptoms or findings that are certain.",
              "\u201cCough and fever, probable pneumonia, chest X-ray ordered\u201d: code the cough (R05.1) and the "
              "fever (R50.9), not pneumonia.", f"{OGCR}, Section IV.H"),
    Guideline("First-listed diagnosis and sequencing",
              "In an outpatient visit, list first the condition chiefly responsible for the visit; list the "
              "other conditions that were addressed or affect the care after it. (In a hospital stay the "
              "principal diagnosis follows its own rules, Section II.)",
              "A patient comes for a planned knee injection for osteoarthritis and also has a cough "
              "examined: the osteoarthritis is first-listed for the injection.", f"{OGCR}, Section IV.G (and II)"),
    Guideline("Combination codes",
              "When one code describes two conditions together, or a condition with its complication, use that "
              "one code rather than two separate codes.",
              "Type 2 diabetes with diabetic chronic kidney disease is E11.22 (then N18.1–N18.6 for the stage, "
              "as its note asks), not E11.9 plus a kidney code alone.", f"{OGCR}, Section I.B.9"),
    Guideline("Excludes1 and Excludes2",
              "Excludes1 means \u201cnot coded here\u201d: the two conditions are never reported together (rare "
              "exceptions when they are unrelated). Excludes2 means \u201cnot included here\u201d: the patient may "
              "have both, and both may be coded.",
              "Low back pain (M54.5-) has an Excludes1 note for a low back strain (S39.012-): code the "
              "strain only.", f"{OGCR}, Section I.A.12.a and I.A.12.b"),
    Guideline("Signs and symptoms integral to a diagnosis",
              "Do not code a sign or symptom that is a routine part of a confirmed diagnosis; do code one that "
              "is not routinely part of it.",
              "Confirmed strep throat (J02.0): the sore throat is part of it and is not coded separately.",
              f"{OGCR}, Sections I.B.4 and I.B.5 (outpatient: IV.D)"),
    Guideline("\u201cUse additional code\u201d notes",
              "Where the Tabular List says \u201cuse additional code\u201d, add the second code it asks for, sequenced "
              "after the first; \u201ccode first\u201d notes say which goes first.",
              "E11.22 has a note to use an additional code for the stage of chronic kidney disease (N18.1–N18.6). "
              "Long-term use of insulin is added as Z79.4 when documented.", f"{OGCR}, Section I.A.13 and I.B.7"),
    Guideline("A medically appropriate history and exam for E/M",
              "Since 2021 the office-visit level is set by decision making or time, not by counting history and "
              "exam elements; the visit must still include a history and exam that are medically appropriate, "
              "when performed, and the note must show them.",
              "A 99214 chosen by moderate decision making still needs the note's history and exam, even "
              "though they do not decide the level.",
              "AMA CPT 2021 office E/M guidelines; CMS fact sheet on office/outpatient E/M visits (January 2021)"),
)
