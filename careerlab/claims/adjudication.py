"""The payer's side: price each line, apply the patient's benefits, deny what breaks the rules, and report it as a remittance."""
from __future__ import annotations

from datetime import date

from careerlab.claims.data import ClaimTables, default_tables, get_payer
from careerlab.claims.model import Claim, ClaimError
from careerlab.claims.money import ZERO
from careerlab.claims.pricing import (Payer, contracted_amount, fee_schedule_amount, filing_deadline, sequestration_cut,
                                      share_breakdown)
from careerlab.claims.scrubber import blocking, diagnosis_problem, scrub

LINE_DENIALS = {"missing-field": "16", "service-code": "16", "pointer": "16", "units-charge": "16",
                "diagnosis-code": "16", "bundled-pair": "97", "modifier-25": "97"}
COLUMNS = ["line", "code", "modifiers", "billed", "allowed", "deductible", "coinsurance", "copay",
           "patient_share", "paid", "sequestration", "written_off", "status", "adjustments", "reason"]


def _denial_reasons(claim: Claim, payer: Payer, tables: ClaimTables, today: date) -> dict[int, tuple[str, str]]:
    """For each line number that the payer denies: (reason code, plain-words reason)."""
    findings = [f for f in blocking(scrub(claim, today=today, tables=tables)) if f.rule != "timely-filing"]
    bad_slots = {letter for letter, code in zip("ABCDEFGHIJKL", claim.diagnoses)
                 if (p := diagnosis_problem(code)) and p[0] == "error"}
    sent = claim.filed_on or today
    reasons: dict[int, tuple[str, str]] = {}
    claim_level = [f for f in findings if f.line is None and f.rule == "missing-field"]
    for n, line in enumerate(claim.lines, start=1):
        if claim_level:
            reasons[n] = ("16", f"{claim_level[0].field} is missing or incomplete on the claim.")
        elif line.date_of_service and sent > filing_deadline(line.date_of_service, payer.filing_limit):
            reasons[n] = ("29", "The claim arrived after the filing limit.")
        elif mine := [f for f in findings if f.line == n]:
            first = min(mine, key=lambda f: LINE_DENIALS[f.rule] != "16")  # missing information first
            reasons[n] = (LINE_DENIALS[first.rule], first.message)
        elif bad := [p for p in line.pointers if p in bad_slots]:
            reasons[n] = ("16", f"The line points to diagnosis {bad[0]}, which is not a billable code.")
        elif line.code in tables.coverage:
            pointed = [claim.slot(p) or "" for p in line.pointers]
            if not any(dx.startswith(pre) for dx in pointed for pre in tables.coverage[line.code]):
                reasons[n] = ("50", f"The payer's policy does not cover {line.code} for {', '.join(pointed)}.")
    return reasons


def adjudicate(claim: Claim, payer: Payer | str | None = None, *, today: date | None = None,
               tables: ClaimTables | None = None) -> "pandas.DataFrame":
    """One remittance row per line: billed, allowed, patient share, paid, written off, and the adjustment codes.

    Every row satisfies paid + patient_share + written_off == billed, to the cent. A payer with sequestration
    (the Medicare-like one) then cuts its own part by its rate (CO-253, part of written_off); the allowed amount
    and the patient's share do not change.
    """
    import pandas as pd

    if not isinstance(claim, Claim):
        raise ClaimError("adjudicate() needs a Claim; pick a visit or build one with claim_from_dict().")
    if not claim.lines:
        raise ClaimError("Service lines (box 24): the claim has no lines, so there is nothing to pay. Add a line.")
    tables = tables or default_tables()
    payer = get_payer(claim.payer_id if payer is None else payer, tables)
    if claim.locality not in tables.localities:
        raise ClaimError(f"Locality '{claim.locality}' is unknown; choose one of {', '.join(sorted(tables.localities))}.")
    denials = _denial_reasons(claim, payer, tables, today or date.today())
    deductible_left, oop_left = claim.deductible_remaining, claim.oop_remaining
    copay_used = False
    rows = []
    for n, line in enumerate(claim.lines, start=1):
        billed = line.charge
        row = {"line": n, "code": line.code, "modifiers": " ".join(line.modifiers), "billed": billed,
               "deductible": ZERO, "coinsurance": ZERO, "copay": ZERO, "sequestration": ZERO}
        if n in denials:
            code, reason = denials[n]
            row.update(allowed=ZERO, paid=ZERO, written_off=billed, status="denied", reason=reason,
                       adjustments=[("CO", code, billed)])
        else:
            service = tables.services[line.code]
            fee = fee_schedule_amount(service["work_rvu"], service["pe_rvu"], service["mp_rvu"],
                                      gpci=tables.localities[claim.locality])
            allowed = min(billed, contracted_amount(fee, payer) * line.units)
            exempt = service["kind"] in payer.no_patient_share_kinds  # e.g. lab lines under a Medicare-like payer
            use_copay = payer.copay > 0 and service["kind"] == "em" and not copay_used and not exempt
            copay_used = copay_used or use_copay
            share = share_breakdown(allowed, ZERO if exempt else deductible_left, ZERO if exempt else payer.coinsurance,
                                    payer.copay if use_copay else 0, oop_left)
            deductible_left -= share.deductible
            oop_left = None if oop_left is None else oop_left - share.patient
            cut = sequestration_cut(share.payer, payer.sequestration, line.date_of_service)
            adjustments = [(g, c, a) for g, c, a in (("CO", "45", billed - allowed), ("PR", "1", share.deductible),
                                                     ("PR", "2", share.coinsurance), ("PR", "3", share.copay),
                                                     ("CO", "253", cut)) if a > 0]
            row.update(allowed=allowed, deductible=share.deductible, coinsurance=share.coinsurance,
                       copay=share.copay, paid=share.payer - cut, sequestration=cut, written_off=billed - allowed + cut,
                       status="paid", reason="Paid under the contract.", adjustments=adjustments)
        row["patient_share"] = row["deductible"] + row["coinsurance"] + row["copay"]
        rows.append(row)
    return pd.DataFrame(rows, columns=COLUMNS)
