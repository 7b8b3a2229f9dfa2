"""After the remittance: post the payment, bill the patient, draft an appeal, and measure."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from careerlab.claims.data import default_tables
from careerlab.claims.model import Claim, ClaimError
from careerlab.claims.money import ZERO, fmt_money


def post_payment(remit: "pandas.DataFrame") -> dict[str, Decimal]:
    """Totals a biller posts to the account: charges, payment, write-offs by group, and what the patient owes."""
    totals = {"billed": ZERO, "paid": ZERO, "contractual_CO": ZERO, "patient_PR": ZERO, "other_OA_PI": ZERO}
    for _, row in remit.iterrows():
        totals["billed"] += row["billed"]
        totals["paid"] += row["paid"]
        for group, _code, amount in row["adjustments"]:
            key = {"CO": "contractual_CO", "PR": "patient_PR"}.get(group, "other_OA_PI")
            totals[key] += amount
    totals["balance_after_posting"] = totals["billed"] - totals["paid"] - totals["contractual_CO"] - totals["other_OA_PI"]
    return totals


def patient_statement(claim: Claim, remit: "pandas.DataFrame") -> str:
    """The bill the patient receives: what was charged, what insurance paid and adjusted, and what they owe."""
    lines = [f"Statement for {claim.patient_name} (synthetic), claim {claim.claim_id}", ""]
    for _, row in remit.iterrows():
        lines.append(f"  Line {row['line']} {row['code']:<6} charged {fmt_money(row['billed']):>9}  "
                     f"insurance paid {fmt_money(row['paid']):>9}  adjusted {fmt_money(row['written_off']):>9}  "
                     f"you owe {fmt_money(row['patient_share']):>8}")
    parts = {name: sum(remit[name], ZERO) for name in ("deductible", "coinsurance", "copay")}
    total = sum(parts.values(), ZERO)
    lines += ["", f"  Your deductible {fmt_money(parts['deductible'])}, coinsurance {fmt_money(parts['coinsurance'])}, "
              f"copay {fmt_money(parts['copay'])}.", f"  Amount due from you: {fmt_money(total)}"]
    return "\n".join(lines)


def draft_appeal(claim: Claim, remit: "pandas.DataFrame", line: int, argument: str) -> str:
    """A first draft of an appeal letter for one denied line; the biller adds the records it cites. To the
    Medicare-like payer it is a level 1 request, a redetermination, due within 120 days of the remittance."""
    rows = remit[remit["line"] == line]
    if rows.empty:
        raise ClaimError(f"Line {line}: the remittance has lines {', '.join(map(str, remit['line']))}.")
    row = rows.iloc[0]
    if row["status"] != "denied":
        raise ClaimError(f"Line {line} was paid, so there is nothing to appeal.")
    if not str(argument or "").strip():
        raise ClaimError("Argument: write one or two sentences saying why the denial is wrong.")
    codes = ", ".join(f"{g}-{c}" for g, c, _ in row["adjustments"])
    medicare = claim.payer_id in default_tables().payers and default_tables().payers[claim.payer_id].kind == "medicare-like"
    kind = "request for redetermination (Medicare appeal level 1, within 120 days of the remittance)" if medicare else "appeal"
    return "\n".join([
        f"Re: {kind} of claim {claim.claim_id}, line {line} (code {row['code']}), denied with {codes}",
        f"Patient: {claim.patient_name} (synthetic), member ID {claim.member_id}",
        f"Date of service: {_date_of_service(claim, line)}", "",  # a redetermination must name it (42 CFR 405.944(b))
        "We ask you to reconsider this denial.", str(argument).strip(), "",
        f"Amount in question: {fmt_money(row['billed'])}. Enclosed: the visit notes and any records cited above.",
        "Maple Street Family Practice (fictional), billing NPI " + claim.billing_npi + " (fictional)",
    ])


def _date_of_service(claim: Claim, line: int) -> str:
    day = claim.lines[line - 1].date_of_service if 0 < line <= len(claim.lines) else None
    return day.isoformat() if day else "(not on the claim)"


def rate_percent(part: int, whole: int, field: str = "rate") -> Decimal:
    """part / whole as a percentage to 0.1 %: clean claim rate = accepted on first submission / submitted;
    denial rate = denied / adjudicated.

    >>> rate_percent(19, 20)
    Decimal('95.0')
    """
    if isinstance(part, bool) or isinstance(whole, bool) or not isinstance(part, int) or not isinstance(whole, int):
        raise ClaimError(f"{field}: use whole numbers of claims.")
    if whole <= 0 or part < 0 or part > whole:
        raise ClaimError(f"{field}: need 0 <= {part} <= {whole} and more than 0 claims in all.")
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
