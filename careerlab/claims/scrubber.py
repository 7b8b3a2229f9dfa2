"""The claim scrubber: the checks a biller (or clearinghouse) runs before a claim goes to the payer."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from careerlab.claims.data import ClaimTables, default_tables, get_payer
from careerlab.claims.model import SLOT_LETTERS, Claim, ClaimError
from careerlab.claims.npi import npi_problem
from careerlab.claims.pricing import filing_deadline, limit_words
from careerlab.codes import describe, is_billable

DISTINCT_MODIFIERS = {"59", "XE", "XS", "XP", "XU"}  # 59 and its more specific X{EPSU} subsets (CMS, 2015)


@dataclass(frozen=True)
class Finding:
    """One problem the scrubber found: which rule, which field, how bad, what is wrong and how to fix it."""

    rule: str
    field: str
    severity: str  # "error" blocks the claim; "warning" is worth a look
    message: str
    fix: str
    line: int | None = None


def diagnosis_problem(code: str) -> tuple[str, str] | None:
    """None when ``code`` is a billable ICD-10-CM code (lesson 02's code tools, the 2026 release), else
    ("error", an explanation that says what the code set has there and which codes to use instead)."""
    if is_billable(code):
        return None
    return "error", f"{code} is not a valid, billable ICD-10-CM code. The code set says: {describe(code)}"


def _required(claim: Claim, tables: ClaimTables) -> list[Finding]:
    """Rule missing-field: every required box is filled (and each NPI has 10 digits and the right check digit)."""
    out = []

    def need(ok: bool, field: str, fix: str, line: int | None = None) -> None:
        if not ok:
            out.append(Finding("missing-field", field, "error", f"{field} is empty or incomplete.", fix, line))

    need(bool(claim.patient_name), "Patient name (box 2)", "Type the name exactly as on the insurance card.")
    need(claim.patient_dob is not None, "Patient birth date (box 3)", "Add the birth date from registration.")
    need(bool(claim.member_id), "Insured's ID number (box 1a)", "Copy the member ID from the insurance card.")
    need(bool(claim.insured_name), "Insured's name (box 4)", "Add the policy holder's name.")
    need(bool(claim.relationship), "Patient relationship to insured (box 6)", "Choose self, spouse, child or other.")
    need(claim.payer_id in tables.payers, "Payer", f"Choose one of the payers: {', '.join(sorted(tables.payers))}.")
    need(bool(claim.diagnoses), "Diagnoses (box 21)", "Add at least one diagnosis code from the coder.")
    need(bool(claim.lines), "Service lines (box 24)", "Add at least one service line.")
    for label, npi in (("Rendering provider NPI (box 24J)", claim.rendering_npi),
                       ("Billing provider NPI (box 33a)", claim.billing_npi)):
        if problem := npi_problem(npi):
            out.append(Finding("missing-field", label, "error", f"{label}: {problem}",
                               "Copy the 10-digit NPI from the provider's record (in this lesson the fictional ones "
                               "start with 9, e.g. 9990000017).", None))
    for n, line in enumerate(claim.lines, start=1):
        need(line.date_of_service is not None, f"Line {n} date of service (box 24A)", "Add the visit date.", n)
        need(bool(line.place_of_service), f"Line {n} place of service (box 24B)", "Use 11 for a doctor's office.", n)
        need(bool(line.code), f"Line {n} service code (box 24D)", "Add the CPT or HCPCS code from the coder.", n)
    return out


def _diagnoses(claim: Claim, tables: ClaimTables) -> list[Finding]:
    """Rule diagnosis-code: every diagnosis in box 21 is valid and billable; at most 12."""
    out = []
    if len(claim.diagnoses) > len(SLOT_LETTERS):
        out.append(Finding("diagnosis-code", "Diagnoses (box 21)", "error",
                           f"The claim lists {len(claim.diagnoses)} diagnoses; box 21 holds 12 (A-L).",
                           "Keep the 12 that the services point to; the rest go on a second claim."))
    for letter, code in zip(SLOT_LETTERS, claim.diagnoses):
        problem = diagnosis_problem(code)
        if problem:
            out.append(Finding("diagnosis-code", f"Diagnosis {letter} (box 21)", problem[0], problem[1],
                               "Replace it with the billable code the coder confirms, then scrub again."))
    return out


def _filled_slots_fix(filled: int) -> str:
    """What to do about a pointer to an empty slot, given how many diagnosis slots are filled.

    >>> _filled_slots_fix(0)
    'Box 21 has no diagnosis yet: fill a diagnosis slot first (A), then point to it.'
    >>> _filled_slots_fix(1), _filled_slots_fix(3)
    ('Point to slot A or add the missing diagnosis.', 'Point to a filled slot (A-C) or add the missing diagnosis.')
    """
    if filled <= 0:
        return "Box 21 has no diagnosis yet: fill a diagnosis slot first (A), then point to it."
    if filled == 1:
        return "Point to slot A or add the missing diagnosis."
    return f"Point to a filled slot (A-{SLOT_LETTERS[min(filled, len(SLOT_LETTERS)) - 1]}) or add the missing diagnosis."


def _pointers(claim: Claim, tables: ClaimTables) -> list[Finding]:
    """Rule pointer: each line points to 1-4 filled diagnosis slots (letters A-L)."""
    out = []
    for n, line in enumerate(claim.lines, start=1):
        field = f"Line {n} diagnosis pointer (box 24E)"
        if not line.pointers:
            out.append(Finding("pointer", field, "error", "The line does not point to any diagnosis.",
                               "Add the letter (A-L) of the diagnosis that explains this service.", n))
        if len(line.pointers) > 4:
            out.append(Finding("pointer", field, "error", f"The line has {len(line.pointers)} pointers; the form allows 4.",
                               "Keep the (up to) four most relevant letters, the main reason first.", n))
        for p in line.pointers:
            if len(p) != 1 or p not in SLOT_LETTERS:
                out.append(Finding("pointer", field, "error", f"'{p}' is not a slot letter; pointers are letters A-L.",
                                   "Use the letter shown next to the diagnosis in box 21.", n))
            elif claim.slot(p) is None:
                out.append(Finding("pointer", field, "error", f"Pointer {p} points to an empty diagnosis slot.",
                                   _filled_slots_fix(len(claim.diagnoses)), n))
    return out


def _codes(claim: Claim, tables: ClaimTables) -> list[Finding]:
    """Rule service-code: every service code is in the practice's code table."""
    return [Finding("service-code", f"Line {n} service code (box 24D)", "error",
                    f"{line.code} is not a service code this practice bills.",
                    "Check the code for a typo against the coder's list (the lesson's table of service codes).", n)
            for n, line in enumerate(claim.lines, start=1) if line.code and line.code not in tables.services]


def _bundled(claim: Claim, tables: ClaimTables) -> list[Finding]:
    """Rule bundled-pair: no teaching-table pair on the same day without an allowed modifier."""
    out = []
    for pair in tables.bundled_pairs:
        for n, line in enumerate(claim.lines, start=1):
            if line.code != pair["column2"]:
                continue
            same_day = any(o.code == pair["column1"] and o.date_of_service == line.date_of_service
                           for o in claim.lines if o is not line)
            if not same_day:
                continue
            field = f"Line {n} modifiers (box 24D)"
            if pair["modifier_indicator"] == "0":
                out.append(Finding("bundled-pair", field, "error",
                                   f"{line.code} is bundled into {pair['column1']} on the same day and is never paid with it.",
                                   f"Remove line {n}; {pair['teaching_note']}", n))
            elif DISTINCT_MODIFIERS & set(line.modifiers) and line.code in claim.not_separate:
                used = ", ".join(sorted(DISTINCT_MODIFIERS & set(line.modifiers)))
                out.append(Finding("bundled-pair", field, "error",
                                   f"{line.code} carries {used}, which says it was a separate service, but the visit's "
                                   "notes describe none: a modifier must be backed by the notes.",
                                   f"Take {used} off and remove line {n} (the button beside the line). "
                                   f"{pair['teaching_note']}", n))
            elif not DISTINCT_MODIFIERS & set(line.modifiers):
                out.append(Finding("bundled-pair", field, "error",
                                   f"{line.code} is bundled into {pair['column1']} unless it was a separate service.",
                                   f"If the notes show a separate service, add 59 or XS; otherwise remove line {n}. "
                                   f"{pair['teaching_note']}", n))
    return out


def _modifier_25(claim: Claim, tables: ClaimTables) -> list[Finding]:
    """Rule modifier-25: an E/M on the day of a minor procedure (0- or 10-day global period) carries 25; on the
    day of (or the day before) a major one (90-day global) the visit that decided on the surgery carries 57, and 57
    beside a minor procedure (or 25 beside a major one) is wrong (CMS, Medicare Claims
    Processing Manual ch. 12 s. 30.6.6; MLN Global Surgery booklet). Tests and blood draws have no global period,
    so a visit with only those needs no modifier."""
    services = tables.services
    out = []
    for n, line in enumerate(claim.lines, start=1):
        if services.get(line.code, {}).get("kind") != "em":
            continue
        globals_today = {services[o.code].get("global_days", "") for o in claim.lines
                         if o.code in services and o.date_of_service == line.date_of_service} - {""}
        field = f"Line {n} modifiers (box 24D)"
        has = {"25", "57"} & set(line.modifiers)
        minor, major = bool(globals_today & {"0", "10"}), "90" in globals_today
        if "57" in has and minor and not major:
            out.append(Finding("modifier-25", field, "error",
                               f"Office visit {line.code} carries modifier 57, which is only for the decision on a "
                               "major procedure (90-day global period); the procedure today is a minor one.",
                               "Use modifier 25 instead of 57 if the notes show a significant, separate problem; "
                               "if not, remove the visit line.", n))
        elif "25" in has and major and not minor:
            out.append(Finding("modifier-25", field, "error",
                               f"Office visit {line.code} carries modifier 25, but the procedure today is a major "
                               "one (90-day global period).",
                               "If this visit is where the decision for surgery was made, use modifier 57 instead "
                               "of 25; otherwise the visit is part of the surgery's payment: remove the line.", n))
        elif has:
            continue
        elif minor:
            out.append(Finding("modifier-25", field, "error",
                               f"Office visit {line.code} is on the same day as a minor procedure (0- or 10-day "
                               "global period) but has no modifier 25.",
                               "If the notes show a significant, separate problem was handled, add modifier 25; "
                               "if not, remove the visit line.", n))
        elif major:
            out.append(Finding("modifier-25", field, "error",
                               f"Office visit {line.code} is on the day of a major procedure (90-day global period) "
                               "with no modifier 57.",
                               "If this visit is where the decision for surgery was made, add modifier 57 (not 25); "
                               "otherwise the visit is part of the surgery's payment: remove the line.", n))
    return out


def _units_charge(claim: Claim, tables: ClaimTables) -> list[Finding]:
    """Rule units-charge: units of at least 1 and a charge above zero on every line."""
    out = []
    for n, line in enumerate(claim.lines, start=1):
        if line.units <= 0:
            out.append(Finding("units-charge", f"Line {n} units (box 24G)", "error", f"Units are {line.units}.",
                               "Enter how many times the service was given (usually 1).", n))
        if line.charge <= 0:
            out.append(Finding("units-charge", f"Line {n} charge (box 24F)", "error", f"The charge is {line.charge}.",
                               "Enter the practice's charge for this service (from its fee list).", n))
    return out


def _timely(claim: Claim, tables: ClaimTables, today: date) -> list[Finding]:
    """Rule timely-filing: sent within the payer's filing limit from each date of service."""
    try:
        payer = get_payer(claim.payer_id, tables)
    except ClaimError:
        return []  # reported by missing-field
    sent = claim.filed_on or today
    out = []
    for n, line in enumerate(claim.lines, start=1):
        if line.date_of_service is None:
            continue
        deadline = filing_deadline(line.date_of_service, payer.filing_limit)
        if sent > deadline:
            out.append(Finding("timely-filing", f"Line {n} date of service (box 24A)", "error",
                               f"Sent {sent.isoformat()}, after the {limit_words(payer.filing_limit)} filing limit ended on "
                               f"{deadline.isoformat()}.",
                               "The payer will deny it (reason 29). Medicare gives no appeal rights for that; a commercial "
                               "payer takes an appeal only with proof of timely filing. Otherwise write it off.", n))
    return out


RULES = {
    "missing-field": _required, "diagnosis-code": _diagnoses, "pointer": _pointers, "service-code": _codes,
    "bundled-pair": _bundled, "modifier-25": _modifier_25, "units-charge": _units_charge,
}


def scrub(claim: Claim, *, today: date | None = None, tables: ClaimTables | None = None) -> list[Finding]:
    """Every problem found on the claim; an empty list means the claim is clean.

    The filing date is `claim.filed_on`, else `today`, else the real date.
    """
    if not isinstance(claim, Claim):
        raise ClaimError("scrub() needs a Claim; build one with claim_from_dict() or pick a visit.")
    tables = tables or default_tables()
    findings = [f for check in RULES.values() for f in check(claim, tables)]
    return findings + _timely(claim, tables, today or date.today())


def blocking(findings: list[Finding]) -> list[Finding]:
    """Only the findings that stop a claim (severity 'error')."""
    return [f for f in findings if f.severity == "error"]
