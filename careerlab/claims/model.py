"""What a professional claim (CMS-1500 / 837P) holds: the claim, its service lines, and reading one from a dict."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from careerlab.claims.money import ZERO, MoneyError, parse_money, parse_units
from careerlab.errors import CareerlabError

SLOT_LETTERS = "ABCDEFGHIJKL"  # box 21 holds up to 12 diagnoses, lettered A-L


class ClaimError(CareerlabError):
    """A claim (or a request about one) cannot be used as given; the message says which field."""


@dataclass(frozen=True)
class ServiceLine:
    """One row of box 24: date (24A), place (24B), code and modifiers (24D), pointers (24E), charge (24F), units (24G)."""

    date_of_service: date | None
    place_of_service: str
    code: str
    modifiers: tuple[str, ...] = ()
    pointers: tuple[str, ...] = ()
    units: int = 1
    charge: Decimal = ZERO


@dataclass(frozen=True)
class Claim:
    """A professional claim built from one synthetic visit."""

    claim_id: str
    patient_name: str
    patient_dob: date | None
    member_id: str
    insured_name: str
    relationship: str
    payer_id: str
    locality: str
    rendering_npi: str
    billing_npi: str
    diagnoses: tuple[str, ...]
    lines: tuple[ServiceLine, ...]
    filed_on: date | None = None
    deductible_remaining: Decimal = ZERO
    oop_remaining: Decimal | None = None
    title: str = ""
    story: str = ""
    # Codes the visit's notes show were NOT a separate service (V06: no other injection): a distinct-service
    # modifier such as 59 on one of them is not backed by the notes, and the scrubber says so.
    not_separate: tuple[str, ...] = ()

    @property
    def total_charge(self) -> Decimal:
        """Box 28: the sum of the line charges."""
        return sum((line.charge for line in self.lines), ZERO)

    def slot(self, letter: str) -> str | None:
        """The diagnosis in box 21 slot `letter` (A-L), or None when that slot is empty."""
        index = SLOT_LETTERS.find(letter.strip().upper()) if len(letter.strip()) == 1 else -1
        if index < 0 or index >= len(self.diagnoses):
            return None
        return self.diagnoses[index] or None


def parse_date(value: object, field_name: str) -> date | None:
    """Read an ISO date (YYYY-MM-DD); blank gives None (the scrubber reports it)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ClaimError(f"{field_name}: '{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-10-06.") from None


def _codes(values: object, field_name: str) -> tuple[str, ...]:
    """A list (or comma-separated text) of codes, trimmed and upper-cased, blanks dropped."""
    if values is None:
        return ()
    if isinstance(values, str):
        values = values.split(",")
    if not isinstance(values, (list, tuple)):
        raise ClaimError(f"{field_name}: expected a list of codes.")
    return tuple(str(v).strip().upper() for v in values if str(v).strip())


class _Problems:
    """Every field of a form that cannot be read, so the learner hears of all of them at once."""

    def __init__(self) -> None:
        self.found: list[str] = []

    def read(self, fn, *args, default=None):
        """``fn(*args)``, or ``default`` after noting its ClaimError or MoneyError."""
        try:
            return fn(*args)
        except (ClaimError, MoneyError) as err:
            self.found.append(str(err))
            return default

    def raise_any(self) -> None:
        """One ClaimError naming every problem (its ``problems`` lists them one by one)."""
        if not self.found:
            return
        if len(self.found) == 1:
            err = ClaimError(self.found[0])
        else:
            err = ClaimError(f"{len(self.found)} fields cannot be read:\n" + "\n".join(f"• {p}" for p in self.found))
        err.problems = tuple(self.found)
        raise err


def _line(raw: dict, number: int, problems: _Problems) -> ServiceLine | None:
    if not isinstance(raw, dict):
        problems.found.append(f"Line {number}: expected the fields of a service line.")
        return None
    return ServiceLine(
        date_of_service=problems.read(parse_date, raw.get("date_of_service"), f"Line {number} date of service (box 24A)"),
        place_of_service=str(raw.get("place_of_service") or "").strip(),
        code=str(raw.get("code") or "").strip().upper(),
        modifiers=problems.read(_codes, raw.get("modifiers"), f"Line {number} modifiers (box 24D)", default=()),
        pointers=problems.read(_codes, raw.get("pointers"), f"Line {number} diagnosis pointers (box 24E)", default=()),
        units=problems.read(parse_units, raw.get("units", 1), f"Line {number} units (box 24G)", default=1),
        charge=problems.read(parse_money, raw.get("charge"), f"Line {number} charge (box 24F)", default=ZERO),
    )


def line_from_dict(raw: dict, number: int) -> ServiceLine:
    """Read one service line; money and units errors name the line and the box (all of them at once)."""
    problems = _Problems()
    line = _line(raw, number, problems)
    problems.raise_any()
    return line


def claim_from_dict(raw: dict) -> Claim:
    """Build a Claim from a visit record (as stored in data/claims/visits.json).

    Every field that cannot be read is named in the one ClaimError (e.g. a charge and a unit count).
    """
    if not isinstance(raw, dict):
        raise ClaimError("A visit record must be a set of named fields.")
    lines_raw = raw.get("lines")
    if not isinstance(lines_raw, list):
        raise ClaimError("Service lines (box 24): expected a list of lines.")
    oop = raw.get("oop_remaining")
    problems = _Problems()
    deductible = problems.read(parse_money, raw.get("deductible_remaining", "0"), "Deductible remaining", default=ZERO)
    oop_value = (None if oop is None or str(oop).strip() == ""
                 else problems.read(parse_money, oop, "Out-of-pocket remaining"))
    claim = Claim(
        claim_id=str(raw.get("visit_id") or raw.get("claim_id") or "").strip(),
        patient_name=str(raw.get("patient_name") or "").strip(),
        patient_dob=problems.read(parse_date, raw.get("patient_dob"), "Patient birth date (box 3)"),
        member_id=str(raw.get("member_id") or "").strip(),
        insured_name=str(raw.get("insured_name") or "").strip(),
        relationship=str(raw.get("relationship") or "").strip(),
        payer_id=str(raw.get("payer_id") or "").strip().upper(),
        locality=str(raw.get("locality") or "").strip().upper(),
        rendering_npi=str(raw.get("rendering_npi") or "").strip(),
        billing_npi=str(raw.get("billing_npi") or "").strip(),
        diagnoses=problems.read(_codes, raw.get("diagnoses"), "Diagnoses (box 21)", default=()),
        lines=tuple(_line(line, i, problems) for i, line in enumerate(lines_raw, start=1)),
        filed_on=problems.read(parse_date, raw.get("filed_on"), "Date sent"),
        deductible_remaining=deductible,
        oop_remaining=oop_value,
        title=str(raw.get("title") or ""),
        story=str(raw.get("story") or ""),
        not_separate=_codes(raw.get("not_separate") or [], "Services the notes show were not separate"),
    )
    problems.raise_any()
    return claim


def replace_line(claim: Claim, number: int, **changes: object) -> Claim:
    """A copy of the claim with line `number` (1-based) changed, e.g. modifiers=("25",)."""
    if not 1 <= number <= len(claim.lines):
        raise ClaimError(f"Line {number}: the claim has {len(claim.lines)} line(s); choose 1 to {len(claim.lines)}.")
    lines = list(claim.lines)
    lines[number - 1] = replace(lines[number - 1], **changes)
    return replace(claim, lines=tuple(lines))


def claim_to_dict(claim: Claim) -> dict:
    """The claim as plain fields (the inverse of claim_from_dict), e.g. to fill a form."""
    def iso(d: date | None) -> str:
        return d.isoformat() if d else ""

    return {
        "visit_id": claim.claim_id, "title": claim.title, "story": claim.story,
        "not_separate": list(claim.not_separate),
        "patient_name": claim.patient_name, "patient_dob": iso(claim.patient_dob), "member_id": claim.member_id,
        "insured_name": claim.insured_name, "relationship": claim.relationship, "payer_id": claim.payer_id,
        "locality": claim.locality, "rendering_npi": claim.rendering_npi, "billing_npi": claim.billing_npi,
        "diagnoses": list(claim.diagnoses), "filed_on": iso(claim.filed_on),
        "deductible_remaining": str(claim.deductible_remaining),
        "oop_remaining": None if claim.oop_remaining is None else str(claim.oop_remaining),
        "lines": [{"date_of_service": iso(l.date_of_service), "place_of_service": l.place_of_service, "code": l.code,
                   "modifiers": list(l.modifiers), "pointers": list(l.pointers), "units": l.units,
                   "charge": str(l.charge)} for l in claim.lines],
    }
