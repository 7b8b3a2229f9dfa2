"""The claim as the file a practice sends: an ASC X12 837P professional claim (005010X222A1).

It writes what the claim holds, gaps included, so a validator (``check_x12``) can say what is missing;
it never checks the billing rules (that is the scrubber's job). What the file has no room for (a 13th
diagnosis, a 51st line, a 5th modifier, a modifier or place of service that is not 2 characters) is
refused in plain words rather than cut to fit, so the file never says less than the claim. No I/O, no clock: the date comes from the claim.
"""
from __future__ import annotations

from datetime import date

from careerlab.claims.data import get_payer
from careerlab.claims.model import SLOT_LETTERS, Claim, ClaimError
from careerlab.claims.x12 import DEFAULT, Separators, amount, composite, d8, envelope, segment, text
from careerlab.claims.x12_parties import (BILLING_PROVIDER, FILING_INDICATOR, PATIENT_ADDRESS, RECEIVER,
                                          RELATIONSHIP, RENDERING, SUBMITTER)

VERSION = "005010X222A1"


def claim_date(claim: Claim) -> date:
    """The day the file is dated: the claim's date sent, else its latest date of service."""
    days = [line.date_of_service for line in claim.lines if line.date_of_service]
    if claim.filed_on or days:
        return claim.filed_on or max(days)
    raise ClaimError("The claim has no date sent and no date of service, so the file cannot be dated; "
                     "give created=date(...) or fill box 24A.")


def _fits_the_file(claim: Claim) -> None:
    """Refuse, in plain words, what an 837P has no room for (never write a shortened claim)."""
    problems = []
    if len(claim.diagnoses) > 12:
        problems.append(f"{len(claim.diagnoses)} diagnoses (an 837P, like box 21, holds 12)")
    if len(claim.lines) > 50:
        problems.append(f"{len(claim.lines)} service lines (one 837P claim holds 50)")
    for n, line in enumerate(claim.lines, 1):
        if len(line.modifiers) > 4:
            problems.append(f"line {n} has {len(line.modifiers)} modifiers (at most 4)")
        if any(len(text(m)) != 2 for m in line.modifiers):
            problems.append(f"line {n} has a modifier that is not 2 characters")
        if len(line.pointers) > 4:
            problems.append(f"line {n} points to {len(line.pointers)} diagnoses (at most 4)")
        place = text(line.place_of_service)
        if place and len(place) != 2:
            problems.append(f"line {n}'s place of service is not 2 characters")
    if problems:
        raise ClaimError("This claim does not fit an 837P: " + "; ".join(problems) + ". Fix the claim, "
                         "then make the file again.")


def person(name: str) -> tuple[str, str]:
    """(last name, first name) from 'First Last' as the visits write it."""
    words = text(name).split()
    return (words[-1], " ".join(words[:-1])) if words else ("", "")


def _pointers(pointers: tuple[str, ...], sep: Separators) -> str:
    """Box 24E letters as the 837P's diagnosis pointers: A -> 1 ... L -> 12 (at most four)."""
    numbers = [str(SLOT_LETTERS.index(p) + 1) if p in SLOT_LETTERS else text(p, 2) for p in pointers[:4]]
    return composite(*numbers, sep=sep)


def _people(claim: Claim, sep: Separators) -> list[str]:
    """Loops 2000B-2010BB (insured and payer) and, when the patient is not the insured, 2000C-2010CA."""
    s = lambda *e: segment(*e, sep=sep)  # noqa: E731
    payer = get_payer(claim.payer_id)
    is_self = claim.relationship.strip().lower() in ("self", "")
    addr = [s("N3", PATIENT_ADDRESS["address"]),
            s("N4", PATIENT_ADDRESS["city"], PATIENT_ADDRESS["state"], PATIENT_ADDRESS["zip"])]
    dmg = [s("DMG", "D8", d8(claim.patient_dob), "U")] if claim.patient_dob else []
    out = [s("HL", 2, 1, 22, 0 if is_self else 1),
           s("SBR", "P", "18" if is_self else "", "", "", "", "", "", "", FILING_INDICATOR.get(payer.kind, "CI")),
           s("NM1", "IL", 1, *person(claim.insured_name if not is_self and claim.insured_name else claim.patient_name),
             "", "", "", "MI", text(claim.member_id, 80))]
    out += (addr + dmg) if is_self else []
    out += [s("NM1", "PR", 2, text(payer.name), "", "", "", "", "PI", text(payer.payer_id, 80))]
    if not is_self:
        out += [s("HL", 3, 2, 23, 0), s("PAT", RELATIONSHIP.get(claim.relationship.strip().lower(), "G8")),
                s("NM1", "QC", 1, *person(claim.patient_name)), *addr, *dmg]
    return out


def _lines(claim: Claim, place: str, sep: Separators) -> list[str]:
    """Loop 2400, one LX/SV1/DTP/REF*6R per box 24 line."""
    out = []
    for n, line in enumerate(claim.lines, start=1):
        procedure = composite("HC", text(line.code, 48), *(text(m, 2) for m in line.modifiers[:4]), sep=sep)
        own_place = text(line.place_of_service, 2)
        out += [segment("LX", n, sep=sep),
                segment("SV1", procedure, amount(line.charge), "UN", line.units,
                        own_place if own_place and own_place != place else "", "", _pointers(line.pointers, sep),
                        sep=sep)]
        if line.date_of_service:
            out.append(segment("DTP", "472", "D8", d8(line.date_of_service), sep=sep))
        out.append(segment("REF", "6R", line_control(claim, n), sep=sep))
    return out


def line_control(claim: Claim, n: int) -> str:
    """The 2400 REF*6R line item control number, e.g. 'V01-1': the 835 echoes it so posting matches each line."""
    return f"{text(claim.claim_id, 46)}-{n}"


def to_837p(claim: Claim, *, control_number: int = 1, created: date | None = None,
            sep: Separators = DEFAULT, frequency: str = "1", payer_claim_number: str = "") -> str:
    """The claim as an 837P file, one segment a line; the same claim and arguments give the same text.

    ``frequency`` is the claim frequency code (box 22; the last part of CLM05): 1 an original claim, 7 a
    replacement, 8 a void. A replacement or void names the payer's number for the first claim
    (``payer_claim_number``, REF*F8 in loop 2300; NUCC 1500 instructions, box 22).
    """
    if not isinstance(claim, Claim):
        raise ClaimError("to_837p() needs a Claim; pick a visit or build one with claim_from_dict().")
    _fits_the_file(claim)
    if frequency not in ("1", "7", "8"):
        raise ClaimError(f"Claim frequency code '{str(frequency)[:10]}': use 1 (original), 7 (replacement) or 8 (void).")
    if frequency != "1" and not text(payer_claim_number):
        raise ClaimError("A replacement (7) or void (8) claim names the payer's claim number of the first claim.")
    created = created or claim_date(claim)
    s = lambda *e: segment(*e, sep=sep)  # noqa: E731
    places = [text(line.place_of_service, 2) for line in claim.lines if text(line.place_of_service, 2)]
    place = places[0] if places else ""
    bp = BILLING_PROVIDER
    body = [s("BHT", "0019", "00", text(claim.claim_id, 30) or f"{control_number:04d}", d8(created), "1200", "CH"),
            s("NM1", "41", 2, SUBMITTER["name"], "", "", "", "", "46", SUBMITTER["etin"]),
            s("PER", "IC", SUBMITTER["contact"], "TE", SUBMITTER["phone"]),
            s("NM1", "40", 2, RECEIVER["name"], "", "", "", "", "46", RECEIVER["etin"]),
            s("HL", 1, "", 20, 1),
            s("NM1", "85", 2, bp["name"], "", "", "", "", "XX", text(claim.billing_npi, 80)),
            s("N3", bp["address"]), s("N4", bp["city"], bp["state"], bp["zip"]), s("REF", "EI", bp["ein"]),
            *_people(claim, sep),
            s("CLM", text(claim.claim_id, 38), amount(claim.total_charge), "", "",
              composite(place, "B", frequency, sep=sep), "Y", "A", "Y", "Y")]
    if frequency != "1":  # box 22's original reference number
        body.append(s("REF", "F8", text(payer_claim_number, 50)))
    if claim.diagnoses:  # box 21; with none, the file has no HI segment and a validator says it is missing
        body.append(s("HI", *(composite("ABK" if i == 0 else "ABF", text(code, 30).replace(".", ""), sep=sep)
                              for i, code in enumerate(claim.diagnoses[:12]))))
    if text(claim.rendering_npi):
        body.append(s("NM1", "82", 1, RENDERING["last"], RENDERING["first"], "", "", "", "XX", text(claim.rendering_npi, 80)))
    body += _lines(claim, place, sep)
    return envelope(body, functional_id="HC", version=VERSION, transaction="837", control_number=control_number,
                    created=created, sender=SUBMITTER["etin"], receiver=RECEIVER["etin"], sep=sep)
