"""The payer's answer as a file: an ASC X12 835 remittance (005010X221A1) from what ``adjudicate`` returns.

Every adjustment the remittance carries (any group code and reason code, e.g. CO-45, PR-1, CO-253) goes into
CAS segments on its service line; the file balances: the payment = the claims' payments, and on each claim and
line, charge - paid = the adjustments. No I/O, no clock: the date comes from the claims or from ``paid_on``.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from careerlab.claims.data import get_payer
from careerlab.claims.model import Claim, ClaimError
from careerlab.claims.money import ZERO
from careerlab.claims.x12 import DEFAULT, Separators, amount, composite, d8, envelope, segment, text
from careerlab.claims.x12_837p import claim_date, line_control, person
from careerlab.claims.x12_parties import BILLING_PROVIDER, FILING_INDICATOR, PAYER_ADDRESS, RECEIVER

VERSION = "005010X221A1"
CAS_TRIPLETS = 6  # one CAS segment holds up to six reason/amount pairs of one group


def _cas(adjustments: list, sep: Separators) -> list[str]:
    """CAS segments: one per group code (in the order first met), at most six reasons each."""
    by_group: dict[str, list] = {}
    for group, code, value in adjustments:
        if Decimal(value) != 0:
            by_group.setdefault(text(group, 2), []).append((text(code, 5), Decimal(value)))
    out = []
    for group, items in by_group.items():
        for start in range(0, len(items), CAS_TRIPLETS):
            parts = [x for code, value in items[start:start + CAS_TRIPLETS] for x in (code, amount(value), "")]
            out.append(segment("CAS", group, *parts, sep=sep))
    return out


def _rows(claim: Claim, remit) -> list[dict]:
    """The remittance rows as plain dicts, each checked to balance (charge - paid = adjustments)."""
    rows = remit.to_dict("records") if hasattr(remit, "to_dict") else list(remit)
    for row in rows:
        total = sum((Decimal(a[2]) for a in row["adjustments"]), ZERO)
        if Decimal(row["billed"]) - Decimal(row["paid"]) != total:
            raise ClaimError(f"Claim {claim.claim_id} line {row['line']}: billed - paid is not the sum of its "
                             "adjustments, so no valid 835 can carry it.")
        if not 1 <= int(row["line"]) <= len(claim.lines):
            raise ClaimError(f"Claim {claim.claim_id}: the remittance names line {row['line']}, which the claim lacks.")
    return rows


def payer_claim_number(claim: Claim) -> str:
    """The payer's own number for a claim (CLP07 of the 835), which a replacement claim names (REF*F8).

    >>> from careerlab.claims.data import load_visits
    >>> payer_claim_number(load_visits()["V02"])
    'PCNV02'
    """
    return text(f"PCN{claim.claim_id}", 50)


def _claim_loop(claim: Claim, remit, kind: str, sep: Separators) -> tuple[list[str], Decimal]:
    """Loop 2100 (CLP, the patient, the claim's dates) and its 2110 service lines; also the claim's payment."""
    s = lambda *e: segment(*e, sep=sep)  # noqa: E731
    rows = _rows(claim, remit)
    charge = sum((Decimal(r["billed"]) for r in rows), ZERO)
    paid = sum((Decimal(r["paid"]) for r in rows), ZERO)
    patient = sum((a[2] for r in rows for a in r["adjustments"] if a[0] == "PR"), ZERO)
    denied = paid == 0 and all(r["status"] == "denied" for r in rows)
    place = next((text(l.place_of_service, 2) for l in claim.lines if text(l.place_of_service, 2)), "11")
    out = [s("CLP", text(claim.claim_id, 38), "4" if denied else "1", amount(charge), amount(paid), amount(patient),
             FILING_INDICATOR.get(kind, "CI"), payer_claim_number(claim), place, "1")]
    is_self = claim.relationship.strip().lower() in ("self", "")
    out.append(s("NM1", "QC", 1, *person(claim.patient_name), "", "", "", *(("MI", text(claim.member_id, 80))
                                                                             if is_self else ())))
    if not is_self:
        out.append(s("NM1", "IL", 1, *person(claim.insured_name), "", "", "", "MI", text(claim.member_id, 80)))
    if claim.filed_on:
        out.append(s("DTM", "050", d8(claim.filed_on)))
    for r in rows:
        line = claim.lines[int(r["line"]) - 1]
        procedure = composite("HC", text(line.code, 48), *(text(m, 2) for m in line.modifiers[:4]), sep=sep)
        out.append(s("SVC", procedure, amount(Decimal(r["billed"])), amount(Decimal(r["paid"])), "", line.units))
        if line.date_of_service:
            out.append(s("DTM", "472", d8(line.date_of_service)))
        out += _cas(list(r["adjustments"]), sep)
        out.append(s("REF", "6R", line_control(claim, int(r["line"]))))  # echoes the 837P's 2400 REF*6R
        out.append(s("AMT", "B6", amount(Decimal(r["allowed"]))))
    return out, paid


def to_835(pairs, *, control_number: int = 1, paid_on: date | None = None, trace_number: str = "",
           sep: Separators = DEFAULT) -> str:
    """An 835 for [(claim, remittance), ...] from one payer; the same input gives the same text."""
    pairs = list(pairs or [])
    if not pairs or not all(isinstance(p, (tuple, list)) and len(p) == 2 and isinstance(p[0], Claim) for p in pairs):
        raise ClaimError("to_835() needs a list of (claim, remittance) pairs, the remittance as adjudicate() returns it.")
    payer_ids = {claim.payer_id for claim, _ in pairs}
    if len(payer_ids) != 1:
        raise ClaimError(f"One 835 comes from one payer; these claims go to {', '.join(sorted(payer_ids))}.")
    payer = get_payer(payer_ids.pop())
    paid_on = paid_on or max(claim_date(claim) for claim, _ in pairs)
    body: list[str] = []
    total = ZERO
    for number, (claim, remit) in enumerate(pairs, start=1):
        loop, paid = _claim_loop(claim, remit, payer.kind, sep)
        body += [segment("LX", number, sep=sep), *loop] if number == 1 else loop
        total += paid
    s = lambda *e: segment(*e, sep=sep)  # noqa: E731
    pay = (("I", amount(total), "C", "CHK") if total > 0 else ("H", "0", "C", "NON"))
    trace = text(trace_number, 50) or f"{control_number:09d}"
    npi = text(pairs[0][0].billing_npi, 80)
    bp, pa = BILLING_PROVIDER, PAYER_ADDRESS
    header = [s("BPR", *pay, *[""] * 11, d8(paid_on)),
              s("TRN", "1", trace, "1" + pa["ein"]),
              s("N1", "PR", text(payer.name)), s("N3", pa["address"]), s("N4", pa["city"], pa["state"], pa["zip"]),
              s("REF", "2U", text(payer.payer_id, 50)),
              s("PER", "BL", "PROVIDER SERVICES", "TE", pa["phone"]),
              s("N1", "PE", bp["name"], "XX", npi), s("N3", bp["address"]), s("N4", bp["city"], bp["state"], bp["zip"])]
    return envelope(header + body, functional_id="HP", version=VERSION, transaction="835",
                    control_number=control_number, created=paid_on, sender=RECEIVER["etin"],
                    receiver="CARELABSUB01", st03=False, sep=sep)
