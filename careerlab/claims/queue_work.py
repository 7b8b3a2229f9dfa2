"""The A/R and denials work queue, working one claim: whether the action is right and, if not, why; what it
does to the money; and open A/R, money collected and days in A/R after each decision.

Days in A/R here = total open A/R ÷ average daily charges, where average daily charges = the practice's
charges of the last 90 days ÷ 90 (the usual KPI formula; a teaching simplification: the queue is taken to
be the practice's whole A/R, and a right action is taken to bring its money in at once).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from careerlab.claims.money import ZERO, fmt_money
from careerlab.claims.queue import APPEAL_ACTIONS, URGENT_DAYS, age_days, deadline, plain_date, short_name
from careerlab.claims.queue_model import (ACTIONS, AGE_BUCKETS, MEDICARE_ONLY, WRITE_OFFS, Decision, QueueClaim,
                                          QueueError, WorkQueue)


@dataclass(frozen=True)
class QueueMetrics:
    """The queue's money after the decisions so far."""

    open_claims: int
    ar_total: Decimal
    collected: Decimal
    written_off: Decimal
    days_in_ar: Decimal
    buckets: dict[str, Decimal]


def why_not(queue: WorkQueue, claim: QueueClaim, action: str) -> str:
    """Why ``action`` is not the right one for this claim, in one or two sentences."""
    payer, right = queue.payer(claim), claim.right
    rejected = claim.status in ("rejected", "unprocessable")
    clock = deadline(queue, claim)
    if action == "hold":
        if clock and (clock[0] - queue.as_of).days <= URGENT_DAYS:
            return f"Holding lets {clock[1]} pass on {plain_date(clock[0])}."
        return f"Holding leaves {fmt_money(claim.balance)} sitting in A/R when there is something to do now."
    fixes = ("replacement-claim", "corrected-new-claim", "payer-appeal") + MEDICARE_ONLY
    if claim.status == "no-response" and action in fixes + WRITE_OFFS:
        return (f"The payer has not answered yet, so there is no decision to correct, appeal or write off; "
                f"{fmt_money(claim.balance)} is still due.")
    if claim.status == "paid-balance" and action in fixes:
        owner = "the patient's share" if claim.group == "PR" else "a contractual amount"
        return (f"The payer has paid its part and nothing on the claim is wrong: the {fmt_money(claim.balance)} left "
                f"is {claim.group}-{claim.carc}, {owner}.")
    if payer.is_medicare and claim.carc == "29" and action in fixes:
        return ("There are no appeal rights: a Medicare timely-filing denial is not an initial determination, so it cannot be "
                "appealed or reopened, and sending it again arrives later still (Medicare Claims Processing Manual "
                "ch. 1, s. 70). Write it off as CO-29 unless one of Medicare's narrow exceptions applies.")
    if rejected and action in ("payer-appeal",) + MEDICARE_ONLY:
        return ("There are no appeal rights: a claim that was rejected or returned as unprocessable (MA130) was never a "
                "decision, so it cannot be appealed or reopened: correct it and send it as a new claim.")
    if action == "replacement-claim" and claim.carc == "50":
        return "Nothing on the claim was keyed wrong: the payer questions medical necessity, which is disputed by appeal, with the notes."
    if action == "replacement-claim" and claim.carc == "29":
        return ("A corrected claim would arrive later still. With a commercial payer the way back is an appeal, and only "
                "with proof of timely filing (such as the payer's or clearinghouse's acceptance report).")
    if action == "replacement-claim" and claim.carc == "97" and not payer.is_medicare:
        return "The notes do not support modifier 25: a replacement claim adding it would bill for a visit that was not documented."
    if action in MEDICARE_ONLY and not payer.is_medicare:
        return f"Reopenings and the five appeal levels are Medicare's processes; {short_name(payer.name)} has its own."
    if claim.carc == "29" and action in APPEAL_ACTIONS + ("reopening",):
        return "A Medicare timely-filing denial is not an initial determination, so it has no appeal rights."
    if action in MEDICARE_ONLY and rejected:
        return "A claim that was rejected or returned as unprocessable cannot be appealed or reopened: correct it and send it as a new claim."
    if action in ("replacement-claim", "corrected-new-claim") and payer.is_medicare and not rejected:
        return "Medicare has already processed this claim: sending it again is denied as a duplicate (CARC 18)."
    if action == "corrected-new-claim" and not rejected:
        return "The payer has this claim on file, so a new claim would be a duplicate; changes go on a replacement claim (frequency code 7)."
    if action == "replacement-claim" and rejected:
        return "There is no processed claim to replace: the payer never accepted this one, so send it as a new claim."
    if action in APPEAL_ACTIONS and "reopening" in right:
        return "A missing modifier is a clerical error: a reopening fixes it without an appeal."
    if action in APPEAL_ACTIONS and any(a in APPEAL_ACTIONS for a in right):
        need, chose = (APPEAL_ACTIONS.index(a) + 1 for a in (next(a for a in right if a in APPEAL_ACTIONS), action))
        return (f"Appeals go one level at a time: this claim has finished level {need - 1}, so the next is level {need}."
                if need > 1 else "Appeals go one level at a time, and this claim has not had level 1 yet.")
    if action == "reopening" and any(a in APPEAL_ACTIONS for a in right):
        return "A reopening fixes clerical errors; a decision about medical necessity is disputed by appeal, with the records."
    if action == "bill-patient":
        if claim.group == "CO":
            return "A CO amount may never be billed to the patient."
        if claim.secondary_id and payer.is_medicare and queue.payers[claim.secondary_id].kind == "medicaid-like":
            return "A Qualified Medicare Beneficiary may not be billed for Medicare deductibles, coinsurance or copays."
        if claim.secondary_id:
            return "A secondary plan is on file: it is billed before the patient."
        return "Nothing on this claim is the patient's to pay yet."
    if action == "bill-secondary":
        return ("No secondary plan is on file for this patient." if not claim.secondary_id
                else "A secondary plan pays only after the primary has paid; the primary has not paid yet.")
    if action in WRITE_OFFS:
        if set(right) <= set(WRITE_OFFS):
            return ("This loss comes from filing late: post it as CO-29, not as a contractual adjustment, so the practice sees what late billing costs."
                    if action == "write-off-contractual" else
                    "This claim was not filed late: a timely-filing write-off would misreport why the money was adjusted.")
        return f"Writing it off gives up {fmt_money(claim.collects)} that the right action would collect."
    if action == "payer-appeal" and payer.is_medicare:
        return "Medicare appeals go through its own levels (redetermination first); choose the level."
    if action == "check-status":
        return ("The payer has already answered: the remittance says what to do." if claim.status != "no-response"
                else f"{age_days(queue, claim)} days is within normal processing time; follow up after {queue.follow_up_after_days} days.")
    if action == "payer-appeal":
        return ("There is nothing to appeal: no decision has been made yet." if claim.status == "no-response"
                else "A missing code, modifier or number is fixed with a corrected claim, not an appeal."
                if "replacement-claim" in right or "corrected-new-claim" in right
                else "There is nothing to dispute here: the notes or the remittance support the payer.")
    return "That action does not fit this claim's status."


def work_claim(queue: WorkQueue, done: tuple[Decision, ...], claim_id: str, action: str) -> Decision:
    """Work one claim with one action: right or wrong, the reason, and what it does to the money."""
    claim = queue.claim(claim_id)
    if action not in ACTIONS:
        raise QueueError(f"'{str(action)[:40]}' is not an action; choose one of the list.")
    if any(d.claim_id == claim.claim_id for d in done):
        raise QueueError(f"{claim.claim_id} has already been worked; choose another claim.")
    if action in claim.right:
        resolved = action != "hold"
        collected = claim.collects if resolved else ZERO
        written = claim.balance - claim.collects if resolved else ZERO
        return Decision(claim.claim_id, action, True, collected, written, resolved, claim.why)
    written = claim.balance if action in WRITE_OFFS else ZERO  # a wrong write-off still takes it out of A/R
    return Decision(claim.claim_id, action, False, ZERO, written, action in WRITE_OFFS,
                    why_not(queue, claim, action))


def queue_metrics(queue: WorkQueue, done: tuple[Decision, ...] = ()) -> QueueMetrics:
    """Open A/R, money collected and written off, days in A/R and A/R by age bucket after ``done``."""
    resolved = {d.claim_id for d in done if d.resolved}
    open_claims = [c for c in queue.claims if c.claim_id not in resolved]
    ar_total = sum((c.balance for c in open_claims), ZERO)
    daily = queue.charges_last_90_days / 90
    buckets = {label: ZERO for label, _, _ in AGE_BUCKETS}
    for claim in open_claims:
        age = age_days(queue, claim)
        label = next(lab for lab, low, high in AGE_BUCKETS if age >= low and (high is None or age <= high))
        buckets[label] += claim.balance
    return QueueMetrics(len(open_claims), ar_total, sum((d.collected for d in done), ZERO),
                        sum((d.written_off for d in done), ZERO),
                        (ar_total / daily).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), buckets)


def queue_result(queue: WorkQueue, done: tuple[Decision, ...]) -> dict:
    """What the learner record keeps of a worked queue (record.QUEUE_SHAPE plus the 0-1 "score")."""
    metrics = queue_metrics(queue, done)
    right = sum(d.right for d in done)
    return {"claims": len(queue.claims), "worked": len(done), "right": right, "collected": float(metrics.collected),
            "days_in_ar": float(metrics.days_in_ar), "score": right / len(queue.claims)}
