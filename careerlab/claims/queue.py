"""The A/R and denials work queue, which claim first: each claim's deadline (the clock of the work it needs),
the priority order with its reasons, and a learner's first picks scored against it. Working a claim and the
money are in ``queue_work``."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from careerlab.claims.appeals import LEVELS, REOPENING_LIMIT
from careerlab.claims.money import fmt_money
from careerlab.claims.pricing import filing_deadline
from careerlab.claims.queue_model import WRITE_OFFS, QueueClaim, QueueError, WorkQueue

URGENT_DAYS = 30  # a deadline this close puts a claim at the top of the queue
APPEAL_ACTIONS = ("redetermination", "reconsideration", "alj")  # Medicare levels 1-3 (4 and 5 follow the ALJ)
# The Medicare clocks, from careerlab.claims.appeals (NGS Medicare, Levels of Appeals and Time Limits for Filing,
# checked 2026): each runs from the decision before it; counted here from the notice date, the safe reading.
CLOCKS = {action: (f"{level.days_to_file}d", f"the {words} window ({level.days_to_file} days)")
          for action, level, words in zip(APPEAL_ACTIONS, LEVELS, ("redetermination", "reconsideration", "ALJ hearing"))}
CLOCKS["reopening"] = (REOPENING_LIMIT, "the reopening window (1 year)")
TIERS = ("deadline within 30 days", "money to collect", "clean-up write-off", "nothing to do yet")


@dataclass(frozen=True)
class Ranked:
    """One claim's place in the priority order, with the reason in plain words."""

    rank: int
    claim: QueueClaim
    tier: int
    reason: str


def plain_date(d: date) -> str:
    """A date as the lesson writes it: 7 December 2026."""
    return f"{d.day} {d:%B %Y}"


def short_name(name: str) -> str:
    """A payer's name without its "(synthetic)" note."""
    return name.split(" (")[0]


def _after(start: date, limit: str) -> date:
    """The last day of a limit such as '120d' or '12m' counted from ``start``."""
    return filing_deadline(start, limit)


def deadline(queue: WorkQueue, claim: QueueClaim) -> tuple[date, str] | None:
    """The clock that matters for the claim's right action: (last day, what it is), or None when none runs."""
    payer = queue.payer(claim)
    for action in claim.right:
        if action in ("corrected-new-claim", "replacement-claim", "check-status"):
            return filing_deadline(claim.date_of_service, payer.filing_limit), f"{short_name(payer.name)}'s filing limit"
        if action in CLOCKS and claim.notice_date:
            limit, what = CLOCKS[action]
            return _after(claim.notice_date, limit), what
        if action == "payer-appeal" and claim.notice_date and payer.appeal_limit:
            return _after(claim.notice_date, payer.appeal_limit), f"{short_name(payer.name)}'s appeal limit"
        if action == "bill-secondary" and claim.notice_date and claim.secondary_id:
            second = queue.payers[claim.secondary_id]
            return _after(claim.notice_date, second.filing_limit), f"{short_name(second.name)}'s filing limit"
    return None


def age_days(queue: WorkQueue, claim: QueueClaim) -> int:
    """Days since the claim was first billed (the A/R age used for the buckets)."""
    return (queue.as_of - claim.billed_on).days


def _tier(queue: WorkQueue, claim: QueueClaim) -> tuple[int, tuple]:
    """The claim's tier (see TIERS) and its sort key inside the tier."""
    clock = deadline(queue, claim)
    left = (clock[0] - queue.as_of).days if clock else None
    if left is not None and 0 <= left <= URGENT_DAYS:
        return 0, (left, -claim.balance)
    if claim.collects > 0:
        return 1, (-claim.balance,)
    if set(claim.right) <= set(WRITE_OFFS):
        return 2, (-claim.balance,)
    return 3, (-age_days(queue, claim),)


def _reason(queue: WorkQueue, claim: QueueClaim, tier: int) -> str:
    """Why the claim sits where it does, in one sentence."""
    clock = deadline(queue, claim)
    if tier == 0:
        left = (clock[0] - queue.as_of).days
        what = clock[1][0].upper() + clock[1][1:]
        return f"{what} ends on {plain_date(clock[0])}, {left} days from now: miss it and the money is lost."
    if tier == 1:
        later = f" (the next deadline, {clock[1]}, is {plain_date(clock[0])})" if clock else ""
        return f"{fmt_money(claim.balance)} to collect and no deadline within {URGENT_DAYS} days{later}."
    if tier == 2:
        return f"Nothing to collect: a {fmt_money(claim.balance)} write-off to post when the urgent work is done."
    return f"Nothing to do yet: {age_days(queue, claim)} days is within the payer's normal processing time."


def priority_order(queue: WorkQueue) -> list[Ranked]:
    """Every claim in the order to work it: deadlines within 30 days (soonest first), then money to collect
    (largest first), then write-offs, then claims to hold."""
    keyed = sorted(((*_tier(queue, c), c.claim_id, c) for c in queue.claims), key=lambda t: t[:3])
    return [Ranked(n, c, tier, _reason(queue, c, tier)) for n, (tier, _, _, c) in enumerate(keyed, start=1)]


def check_top_picks(queue: WorkQueue, picks: list[str], count: int = 3) -> tuple[float, list[tuple[str, bool, str]]]:
    """Score the claims a learner would work first against the priority order: (share right, one
    (claim id, right, reason) per pick, then one per top claim missed)."""
    ids = [str(p).strip().upper() for p in picks if str(p).strip()]
    if len(ids) != count or len(set(ids)) != count:
        raise QueueError(f"Choose {count} different claims (you chose {len(set(ids))}).")
    for claim_id in ids:
        queue.claim(claim_id)
    order = priority_order(queue)
    top = {r.claim.claim_id: r for r in order[:count]}
    by_id = {r.claim.claim_id: r for r in order}
    lines = [(i, i in top, f"#{by_id[i].rank} in the order: {by_id[i].reason}") for i in ids]
    lines += [(i, False, f"missed: #{r.rank} in the order: {r.reason}") for i, r in top.items() if i not in ids]
    return sum(i in top for i in ids) / count, lines


def days_left(queue: WorkQueue, claim: QueueClaim) -> int | None:
    """Days from the queue's date to the claim's deadline (negative once passed), or None."""
    clock = deadline(queue, claim)
    return (clock[0] - queue.as_of).days if clock else None



def shown_deadline(queue: WorkQueue, claim: QueueClaim) -> date:
    """The deadline the queue table shows: the clock of the claim's work, else the payer's filing limit
    (the table never names the clock, so it does not give the action away)."""
    clock = deadline(queue, claim)
    return clock[0] if clock else filing_deadline(claim.date_of_service, queue.payer(claim).filing_limit)
