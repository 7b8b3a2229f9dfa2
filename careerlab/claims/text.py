"""Sentences for lesson 03: rule names, what the scrubber found, the locality, and the remittance in
words (the text summary of the remittance chart, and each adjustment explained)."""
from __future__ import annotations

from decimal import Decimal

from careerlab.claims.data import ClaimTables, default_tables
from careerlab.claims.model import Claim
from careerlab.claims.money import fmt_money, parse_money, parse_rate
from careerlab.claims.posting import post_payment
from careerlab.claims.pricing import share_breakdown
from careerlab.claims.queue_work import QueueMetrics
from careerlab.claims.queue_model import ACTIONS, Decision, WorkQueue
from careerlab.claims.scrubber import Finding

# Plain labels for what the data files store as short ids (the ids stay in the data and the tests).
KIND_LABELS = {"em": "office visit (E/M)", "procedure": "procedure", "injection": "injection",
               "lab": "lab (blood draw)", "test": "test"}
RULE_NAMES = {
    "missing-field": "Required boxes filled",
    "diagnosis-code": "Diagnosis codes valid and billable",
    "pointer": "Diagnosis pointers",
    "service-code": "Known service code",
    "bundled-pair": "Bundled services",
    "modifier-25": "Modifier 25 or 57 on a same-day visit",
    "units-charge": "Units and charge",
    "timely-filing": "Sent in time",
}


def rule_name(rule: str) -> str:
    """A scrub rule's id in plain words (an unknown id is shown as it is).

    >>> rule_name("modifier-25")
    'Modifier 25 or 57 on a same-day visit'
    """
    return RULE_NAMES.get(rule, rule)


def findings_summary(findings: list[Finding]) -> str:
    """One sentence saying what the scrubber found, so an empty list never shows as ``[]``.

    >>> findings_summary([])
    'No findings: this claim is clean, so it can be sent.'
    """
    if not findings:
        return "No findings: this claim is clean, so it can be sent."
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    parts = [f"{n} {word}{'' if n == 1 else 's'}" for n, word in ((errors, "error"), (warnings, "warning")) if n]
    verdict = "fix the errors before sending the claim" if errors else "check the warnings before sending the claim"
    return f"{len(findings)} finding{'' if len(findings) == 1 else 's'} ({' and '.join(parts)}): {verdict}."


def locality_text(claim: Claim, tables: ClaimTables | None = None) -> str:
    """The claim's pricing locality and its GPCIs (teaching values), in words.

    >>> from careerlab.claims.data import load_visits
    >>> locality_text(load_visits()["V01"])
    'locality B (teaching GPCIs: work 1.000, practice expense 1.050, malpractice 0.900)'
    """
    tables = tables or default_tables()
    gpci = tables.localities.get(claim.locality)
    if gpci is None:
        return f"locality {claim.locality or '(none)'} (unknown: choose one of {', '.join(sorted(tables.localities))})"
    work, pe, mp = gpci
    return f"locality {claim.locality} (teaching GPCIs: work {work}, practice expense {pe}, malpractice {mp})"


def adjustment_text(adjustments: list[tuple[str, str, Decimal]]) -> str:
    """'CO-45 $61.49; PR-1 $50.00' from a row's adjustments.

    >>> adjustment_text([("CO", "45", Decimal("61.49")), ("PR", "1", Decimal("50"))])
    'CO-45 $61.49; PR-1 $50.00'
    """
    return "; ".join(f"{g}-{c} {fmt_money(a)}" for g, c, a in adjustments) or "none"


def explain_adjustments(remit: "pandas.DataFrame", tables: ClaimTables | None = None) -> list[str]:
    """One plain-words sentence per adjustment: the group, what the reason code means, and the next step."""
    tables = tables or default_tables()
    out = []
    for _, row in remit.iterrows():
        for group, code, amount in row["adjustments"]:
            carc = tables.carc.get(code, {"plain_words": "A reason code not covered in this lesson.", "next_step": ""})
            group_name = tables.groups.get(group, {"name": group})["name"].lower()
            out.append(f"Line {row['line']} ({row['code']}): {group}-{code} {fmt_money(amount)}: {group_name}. "
                       f"{carc['plain_words']} Next: {carc['next_step']}")
    return out


def remittance_summary(remit: "pandas.DataFrame") -> str:
    """What the remittance (and its chart) shows, in words: the totals, then for each line what the payer
    paid, what the patient owes and what was adjusted off, to the cent (one paragraph, no line breaks)."""
    t = post_payment(remit)
    lines = "1 line" if len(remit) == 1 else f"{len(remit)} lines"
    text = (f"Of {fmt_money(t['billed'])} billed on {lines}, the payer paid {fmt_money(t['paid'])}, "
            f"the patient owes {fmt_money(t['patient_PR'])}, and {fmt_money(t['contractual_CO'] + t['other_OA_PI'])} "
            "was adjusted off (written off or denied).")
    for row in remit.itertuples():
        status = ", denied" if row.status == "denied" else ""
        text += (f" Line {row.line} ({row.code}{status}): {fmt_money(row.billed)} billed; paid {fmt_money(row.paid)}, "
                 f"the patient owes {fmt_money(row.patient_share)}, adjusted off {fmt_money(row.written_off)}.")
    return text


def adjustments_text(remit: "pandas.DataFrame", *, summary: bool = True) -> str:
    """The remittance in words for ``say``: the summary (optional), then one "- " line per adjustment."""
    lines = [remittance_summary(remit)] if summary else []
    return "\n".join(lines + [f"- {sentence}" for sentence in explain_adjustments(remit)])


def share_wrong_reason(given: Decimal, allowed: object, deductible_remaining: object, coinsurance_rate: object,
                       copay: object = 0, oop_remaining: object = None) -> str:
    """What to look at again after a first wrong patient share: a hint, never the working or the answer.

    A share that is right before the out-of-pocket cap is told so, and told what the cap does.

    >>> share_wrong_reason(Decimal("21.71"), "108.55", "0", "0.20", oop_remaining="15.00")[:44]
    '$21.71 is the coinsurance before the cap: 20'
    """
    free = share_breakdown(allowed, deductible_remaining, coinsurance_rate, copay)
    capped = share_breakdown(allowed, deductible_remaining, coinsurance_rate, copay, oop_remaining)
    if free.patient != capped.patient and given == free.patient:
        rate = parse_rate(coinsurance_rate, "Coinsurance rate") * 100
        return (f"{fmt_money(given)} is the coinsurance before the cap: {rate:.0f} % of the allowed amount is worked "
                "out right. But the out-of-pocket maximum caps what a patient pays in a year: once it is reached, the "
                "plan pays everything else. Read how much this patient has left before reaching it, and try again."
                if free.coinsurance == given and free.deductible == 0 else
                f"{fmt_money(given)} is the share before the cap. The out-of-pocket maximum caps what a patient pays "
                "in a year: read how much this patient has left before reaching it, and try again.")
    hint = "Hint: the deductible comes first (whatever is left of it), then "
    hint += "the copay" if parse_money(copay, "Copay") > 0 else "the coinsurance percentage of what is left"
    if oop_remaining is not None and str(oop_remaining).strip() != "":
        hint += ", and the total can never be more than what is left before the out-of-pocket maximum"
    return hint + ". Try again; the full working appears after a second try."


# --- the A/R and denials work queue ---------------------------------------------------------------------------

def days_in_ar_text(queue: WorkQueue, metrics: QueueMetrics) -> str:
    """Days in A/R with its working, and what the figure leaves out."""
    daily = queue.charges_last_90_days / 90
    return (f"Days in A/R = open A/R ÷ average daily charges = {fmt_money(metrics.ar_total)} ÷ {fmt_money(daily)} "
            f"(the practice's {fmt_money(queue.charges_last_90_days)} of charges in the last 90 days ÷ 90) "
            f"= {metrics.days_in_ar} days. A teaching simplification: the queue stands for the practice's whole A/R, "
            "and a right action is counted as bringing its money in at once (in real life it takes weeks).")


def decision_text(queue: WorkQueue, decision: Decision) -> str:
    """The feedback on one worked claim: right or not, why, and what the money did."""
    claim = queue.claim(decision.claim_id)
    parts = ([f"collected {fmt_money(decision.collected)}"] if decision.collected else []) + \
            ([f"adjusted off {fmt_money(decision.written_off)}"] if decision.written_off else [])
    said = "; ".join(parts)
    money = f" {said[:1].upper()}{said[1:]}." if said else ""  # its own sentence, after the reason's full stop
    if decision.right:
        kept = " The claim stays in the queue for now." if not decision.resolved else money
        return f"{claim.why}{kept}"
    right = " or ".join(ACTIONS[a] for a in claim.right)
    lost = f" {fmt_money(decision.written_off)} left A/R with nothing collected." if decision.written_off else \
        " The claim stays in A/R, still unpaid."
    return f"{decision.message} The right action: {right}. {claim.why}{lost}"


def aging_summary(before: QueueMetrics, after: QueueMetrics, worked: int = 0) -> str:
    """The text summary of the A/R aging chart: each bucket before and after, and the totals (or, while the
    money has not moved, why: no claim worked yet, or ``worked`` decisions that collected and wrote off nothing)."""
    if after == before:
        same = (f"Open A/R by age since first billed: {'; '.join(f'{label} days {fmt_money(v)}' for label, v in before.buckets.items())}; "
                f"in all {fmt_money(before.ar_total)}, {before.days_in_ar} days in A/R. ")
        if worked:
            decisions = "Your decision" if worked == 1 else f"Your {worked} decisions"
            stay = "the claim stays" if worked == 1 else "the claims stay"
            return same + (f"{decisions} so far collected nothing and adjusted nothing off: {stay} in A/R (a claim "
                           "held, or worked with an action that was not the right one, does not move its money), so "
                           "the two bars of each age are the same. Work more claims in part 2, then press Draw the A/R "
                           "by age again.")
        return same + ("Nothing has changed yet (no money collected or adjusted off), so the two bars of each age are "
                       "the same: work some claims in part 2, then press Draw the A/R by age again to see what your "
                       "decisions changed.")
    parts = "; ".join(f"{label} days {fmt_money(before.buckets[label])} → {fmt_money(after.buckets[label])}"
                      for label in before.buckets)
    return (f"Open A/R by age since first billed, before and after your decisions: {parts}. In all "
            f"{fmt_money(before.ar_total)} → {fmt_money(after.ar_total)}, days in A/R {before.days_in_ar} → "
            f"{after.days_in_ar}; collected {fmt_money(after.collected)}, adjusted off {fmt_money(after.written_off)}. "
            "Writing claims off also lowers A/R, so watch the money collected too.")
