"""Modifiers and NCCI edits for lesson 02: what each modifier says, a drill with feedback, and a
small TEACHING table of procedure-to-procedure (PTP) edits and medically unlikely edits (MUEs).

Pure logic and fixed text. Meanings are in our own words, each with its source. The NCCI values
here are made up for teaching and are NOT CMS's numbers: the real PTP and MUE tables are files
CMS publishes every quarter. CPT® is a registered trademark of the American Medical Association.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MODIFIERS", "MODIFIER_DRILL", "MUE_TEACHING", "NCCI_SOURCE", "OTHER_MODIFIERS", "PTP_TEACHING",
           "Modifier", "ModifierQuestion", "check_modifier", "mue_check", "ptp_check"]

GLOBAL = "CMS, MLN booklet “Global Surgery” (MLN907166, checked 2026); Medicare Claims Processing Manual, ch. 12, §40"
X_MODS = "CMS, MLN fact sheet “Proper Use of Modifiers 59 & -X{EPSU}” (MLN1783722, February 2024); X-modifiers since 1 January 2015 (CR 8863)"
ABN = "CMS, Medicare Claims Processing Manual, ch. 30 (financial liability protections), checked 2026"
PC_TC = ("CMS, Medicare Claims Processing Manual (Pub. 100-04), ch. 13, §20 (professional and technical components "
         "of radiology services) and ch. 23 addendum (the fee schedule's PC/TC indicator), checked 2026")


@dataclass(frozen=True)
class Modifier:
    """One modifier: who defines it, what it says in our words, and where the rule is written."""

    code: str
    owner: str  # "CPT (AMA)" or "HCPCS Level II (CMS)"
    meaning: str
    source: str


MODIFIERS = {m.code: m for m in (
    Modifier("25", "CPT (AMA)", "a significant, separately identifiable E/M visit by the same clinician on the "
             "same day as a minor procedure (0- or 10-day global period) or another service", GLOBAL),
    Modifier("57", "CPT (AMA)", "the E/M visit at which the decision for a major operation (90-day global "
             "period) was made, on the day of or the day before that operation", GLOBAL),
    Modifier("24", "CPT (AMA)", "an E/M visit during another operation's postoperative period, for a problem "
             "unrelated to that operation", GLOBAL),
    Modifier("59", "CPT (AMA)", "a distinct procedure, not an E/M, that would otherwise be bundled with another "
             "on the same day; use it only when no X-modifier fits", X_MODS),
    Modifier("XE", "HCPCS Level II (CMS)", "separate encounter: the service was done at another encounter the same day", X_MODS),
    Modifier("XS", "HCPCS Level II (CMS)", "separate structure: another organ or site of the body", X_MODS),
    Modifier("XP", "HCPCS Level II (CMS)", "separate practitioner: a different clinician did it", X_MODS),
    Modifier("XU", "HCPCS Level II (CMS)", "unusual non-overlapping service: it does not overlap the main service's usual parts", X_MODS),
    Modifier("76", "CPT (AMA)", "the same procedure repeated on the same day by the same clinician", "CMS and MAC guidance on repeat procedures (NGS Medicare, checked 2026)"),
    Modifier("77", "CPT (AMA)", "the same procedure repeated on the same day by another clinician", "CMS and MAC guidance on repeat procedures (NGS Medicare, checked 2026)"),
    Modifier("91", "CPT (AMA)", "a clinical laboratory test repeated on the same day to get new results (not a "
             "re-run because the first failed)", "CMS and MAC guidance on repeat laboratory tests (checked 2026)"),
    Modifier("26", "CPT (AMA)", "the professional component only: the clinician's reading of a test, such as an "
             "X-ray, and the written report, when someone else (often the hospital) owns the equipment and bills "
             "the technical part with modifier TC", PC_TC),
    Modifier("LT", "HCPCS Level II (CMS)", "the left side of the body", "CMS, HCPCS Level II modifier list (2026)"),
    Modifier("RT", "HCPCS Level II (CMS)", "the right side of the body", "CMS, HCPCS Level II modifier list (2026)"),
    Modifier("GA", "HCPCS Level II (CMS)", "Medicare is expected to deny the service as not reasonable and necessary, "
             "and the patient signed an Advance Beneficiary Notice (ABN), so they can be billed", ABN),
    Modifier("GZ", "HCPCS Level II (CMS)", "Medicare is expected to deny the service as not reasonable and necessary, "
             "and no ABN was signed, so the patient cannot be billed", ABN),
    Modifier("GY", "HCPCS Level II (CMS)", "the service is never a Medicare benefit by law (statutorily excluded), "
             "such as routine eyeglasses; no ABN is needed", ABN),
)}

OTHER_MODIFIERS = ("CPT also has modifiers beyond these: Category II modifiers (1P, 2P, 3P, 8P) say why a "
                   "quality measure was not met, and anaesthesia uses physical-status modifiers (P1–P6) and "
                   "HCPCS modifiers such as AA and QK for who gave the anaesthesia. Source: AMA CPT 2026 "
                   "appendix A and CMS anaesthesia billing guidance, checked 2026.")


@dataclass(frozen=True)
class ModifierQuestion:
    """One drill question: a situation, the modifier that fits, and the choices shown."""

    id: str
    situation: str
    answer: str
    choices: tuple[str, ...]
    why: str  # why the answer fits, in our words


MODIFIER_DRILL = (
    ModifierQuestion("m-25", "A patient comes for a planned knee injection (a minor procedure, 0-day global). The "
                     "doctor also examines and treats a new, unrelated cough at the same visit. Which modifier goes "
                     "on the office-visit code?", "25", ("25", "57", "24", "59"),
                     "The cough visit is significant and separately identifiable from the injection's own brief "
                     "check, on the same day as a minor procedure: 25."),
    ModifierQuestion("m-57", "In the emergency department a surgeon examines a patient and decides to remove the "
                     "appendix that evening (a 90-day global operation). Which modifier goes on the surgeon's "
                     "visit code?", "57", ("25", "57", "24", "XE"),
                     "The visit led to the decision for a major operation on the same day: 57. (25 is for a "
                     "minor procedure, 0 or 10 days.)"),
    ModifierQuestion("m-24", "Two weeks after a hip replacement (90-day global), the same surgeon sees the patient "
                     "for a new rash unrelated to the operation. Which modifier goes on the visit?", "24",
                     ("24", "25", "57", "76"),
                     "A visit during the postoperative period for an unrelated problem: 24. Visits about the "
                     "operation itself are part of its global package and are not billed."),
    ModifierQuestion("m-xs", "Two skin lesions are removed at the same visit, one on the back and one on the "
                     "left arm, and the two codes would otherwise be bundled. Medicare prefers the most specific "
                     "modifier. Which one?", "XS", ("XS", "XE", "XU", "25"),
                     "Different sites of the body: XS (separate structure), the specific form of 59."),
    ModifierQuestion("m-xe", "A patient has a procedure in the morning and comes back in the afternoon, at a "
                     "separate visit, for a second procedure that is normally bundled with the first. Which "
                     "modifier?", "XE", ("XE", "XS", "76", "91"),
                     "A separate encounter on the same day: XE."),
    ModifierQuestion("m-76", "The same doctor orders and reads a second chest X-ray later the same day because the "
                     "patient's breathing got worse. Which modifier goes on the second X-ray?", "76",
                     ("76", "77", "91", "59"),
                     "The same procedure repeated the same day by the same clinician: 76 (77 if another "
                     "clinician repeated it)."),
    ModifierQuestion("m-91", "A patient's blood potassium is tested in the morning and tested again in the evening "
                     "to follow a treatment. Which modifier goes on the second test?", "91", ("91", "76", "XU", "59"),
                     "A laboratory test repeated the same day for a new result: 91. Laboratory tests do not take "
                     "76 or 77."),
    ModifierQuestion("m-rt", "A steroid is injected into the patient's right knee joint. Which modifier shows the "
                     "side?", "RT", ("RT", "LT", "XS", "59"), "The right side of the body: RT."),
    ModifierQuestion("m-ga", "A Medicare patient wants a test that Medicare will probably deny as not medically "
                     "necessary for their condition. They read and sign an ABN before the test. Which modifier?",
                     "GA", ("GA", "GZ", "GY", "25"),
                     "An expected medical-necessity denial with a signed ABN on file: GA, and the patient may "
                     "be billed if Medicare denies."),
    ModifierQuestion("m-gy", "A Medicare patient buys routine eyeglasses, which the law never lets Medicare cover, "
                     "and wants a denial to send to a second insurer. Which modifier?", "GY", ("GY", "GA", "GZ", "XU"),
                     "A service excluded by law: GY. An ABN is not needed for it."),
)


def check_modifier(question: ModifierQuestion, chosen: str | None) -> tuple[bool, str]:
    """(right?, feedback): why the answer fits, and what a wrong choice would have said instead."""
    if not chosen:
        return False, "Choose a modifier first, then press Check."
    right = chosen == question.answer
    if right:
        return True, f"{question.why} Source: {MODIFIERS[question.answer].source}."
    wrong = MODIFIERS.get(chosen)
    said = f"{chosen} would say: {wrong.meaning}." if wrong else f"{chosen} is not one of the modifiers here."
    return False, f"{said} The one that fits: {question.why}"


# --- NCCI: a small TEACHING table (values made up for the lesson, not CMS's) ---------------

NCCI_SOURCE = ("The real NCCI procedure-to-procedure (PTP) and medically unlikely edit (MUE) tables are files "
               "CMS publishes every quarter (1 January, 1 April, 1 July, 1 October) for practitioners, "
               "hospital outpatient services and equipment suppliers (CMS, National Correct Coding Initiative "
               "for Medicare pages, checked 2026; modifier indicators 0, 1 and 9 as in MLN1783722, 2024).")

# (column 1 code, column 2 code, modifier indicator, what it means here) — TEACHING VALUES
PTP_TEACHING = (
    ("20610", "99213", "1", "An office visit on the day of a joint injection is bundled into the injection "
                            "unless it is significant and separate: then modifier 25 on the visit lets both pay."),
    ("99213", "99211", "0", "Two office visits by the same clinician on one day: never both. No modifier "
                            "unbundles an indicator-0 pair; only the column 1 code is paid."),
    ("87880", "81002", "9", "Indicator 9: the edit was deleted, so the pair is no longer checked."),
)

# (code, most units per day for one patient, why) — TEACHING VALUES
MUE_TEACHING = (
    ("20610", 2, "one large joint on each side at most in a day"),
    ("J3301", 8, "per 10 mg of drug: 8 units would be 80 mg"),
    ("81002", 2, "a dipstick urine test is rarely repeated more than once a day"),
)


def ptp_check(column1: str, column2: str, modifiers: tuple[str, ...] = ()) -> str:
    """What the teaching PTP table says about billing two codes together on one day."""
    for one, two, indicator, why in PTP_TEACHING:
        if {one, two} == {column1, column2}:
            if indicator == "9":
                return f"{one} + {two}: no edit (deleted). {why}"
            if indicator == "0":
                return f"{one} + {two}: only {one} is paid, whatever the modifier. {why}"
            fits = {"25", "59", "XE", "XS", "XP", "XU"} & set(modifiers)
            return (f"{one} + {two}: both may be paid with {', '.join(sorted(fits))} when the note supports it. {why}"
                    if fits else f"{one} + {two}: {two} is bundled into {one} without a modifier. {why}")
    return f"{column1} + {column2}: the teaching table has no edit for this pair."


def mue_check(code: str, units: int) -> str:
    """What the teaching MUE table says about ``units`` of ``code`` for one patient on one day."""
    for mue_code, most, why in MUE_TEACHING:
        if mue_code == code:
            if units <= most:
                return f"{units} unit(s) of {code}: within the teaching MUE of {most} ({why})."
            return (f"{units} unit(s) of {code}: above the teaching MUE of {most} ({why}); the units above it "
                    "would be denied unless the record supports an appeal.")
    return f"The teaching table has no MUE for {code}."
