"""Before the visit: what an eligibility and benefits answer (the 270 question and 271 reply, as a concept)
tells the front desk, and what it must do about it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from careerlab.claims.money import ZERO
from careerlab.claims.pricing import share_breakdown


@dataclass(frozen=True)
class Benefits:
    """The parts of a 271 reply a front desk reads (synthetic): is the plan active on the day, what is left of
    the deductible and out-of-pocket maximum, the patient's share, which services need prior authorisation,
    and any other coverage on file (then benefits must be coordinated)."""

    member_id: str
    plan: str
    active_from: date
    active_to: date | None
    deductible_remaining: Decimal
    coinsurance: Decimal
    copay: Decimal = ZERO
    oop_remaining: Decimal | None = None
    auth_required: tuple[str, ...] = ()
    other_coverage: str = ""


def is_active(benefits: Benefits, day: date) -> bool:
    """True when the plan covers ``day`` (its first and last days included)."""
    return benefits.active_from <= day and (benefits.active_to is None or day <= benefits.active_to)


def front_desk_actions(benefits: Benefits, day: date, codes: tuple[str, ...]) -> list[str]:
    """What the reply asks the front desk to do before the visit, as ids: "not-active" (coverage ended or not
    begun: ask for current insurance), "prior-auth" (a planned service needs authorisation), "coordinate"
    (other coverage on file: find out which plan pays first), "collect-copay"; an empty list means go ahead.

    >>> b = Benefits("M1", "Plan", date(2026, 1, 1), None, Decimal("0"), Decimal("0.2"), auth_required=("20610",))
    >>> front_desk_actions(b, date(2026, 3, 2), ("99213", "20610"))
    ['prior-auth']
    """
    if not is_active(benefits, day):
        return ["not-active"]
    actions = []
    if set(codes) & set(benefits.auth_required):
        actions.append("prior-auth")
    if benefits.other_coverage:
        actions.append("coordinate")
    if benefits.copay > 0:
        actions.append("collect-copay")
    return actions


def estimate_share(benefits: Benefits, allowed: object) -> Decimal:
    """The patient's share of an expected allowed amount under these benefits (an estimate for the front desk).

    >>> b = Benefits("M1", "Plan", date(2026, 1, 1), None, Decimal("40"), Decimal("0.2"))
    >>> estimate_share(b, "88.51")  # 40.00 deductible + 20 % x 48.51 = 9.70
    Decimal('49.70')
    """
    return share_breakdown(allowed, benefits.deductible_remaining, benefits.coinsurance, benefits.copay,
                           benefits.oop_remaining).patient
