"""A year of a practice's claims, simulated claim by claim with numpy (vectorised, seeded).

Each claim goes: visit → coding (maybe wrong: a wrong code risks a denial, an under-coded
visit is paid less and nobody notices) → claim scrubber (catches some errors) →
submission → payer decision (denied for a coding error, missing information, late filing or
another reason) → a biller's follow-up after a delay → one resubmission → paid or written off.
Money is kept in integer cents so every claim's charge splits exactly into the contractual
adjustment, the payment and the write-off. All figures are teaching values (synthetic).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .model import DENIAL_REASONS, PARAM_NAMES, YEAR_DAYS, SimParams

# Synthetic visit charges in cents and how often each occurs (a small teaching fee list).
CHARGE_CENTS = np.array([9_500, 14_000, 21_000, 30_000, 45_000], dtype=np.int64)
CHARGE_WEIGHTS = np.array([0.15, 0.35, 0.30, 0.15, 0.05])
_BASE_LAG = SimParams().submit_lag_days  # the draws every submit lag is scaled from


def simulate_claims(n: int, *, coding_error_rate: float = 0.08, seed: int = 0,
                    **params: float) -> pd.DataFrame:
    """Simulate ``n`` claims over one year; one row per claim, the same rows for the same seed.

    >>> df = simulate_claims(1000, coding_error_rate=0.05, seed=1)
    >>> len(df), bool((df.charge_cents == df.contractual_cents + df.paid_cents
    ...                + df.written_off_cents).all())
    (1000, True)
    """
    unknown = set(params) - set(PARAM_NAMES)
    if unknown:
        raise TypeError(f"unknown simulation setting(s): {', '.join(sorted(unknown))}")
    n = int(n)
    if n < 1:
        raise ValueError(f"the number of claims must be at least 1; got {n}")
    p = SimParams(coding_error_rate=coding_error_rate, **params)
    rng = np.random.default_rng(seed)

    # Visits and the level the documentation supports.
    service_day = rng.integers(0, YEAR_DAYS, n)
    u = rng.random((7, n))
    level = np.searchsorted(np.cumsum(CHARGE_WEIGHTS), u[6] * CHARGE_WEIGHTS.sum(),
                            side="right")
    level = np.minimum(level, CHARGE_CENTS.size - 1)

    # Coding: a share of errors are under-coding (one level too low, paid less, never denied);
    # the rest are wrong codes that draw a denial unless the scrubber catches them.
    error = u[0] < p.coding_error_rate
    under = u[0] < p.coding_error_rate * p.undercode_share  # a subset of ``error``
    undercoded = under & (level > 0)  # the lowest level cannot be coded any lower
    coding_error = error & ~under
    billed_level = level - undercoded
    charge = CHARGE_CENTS[billed_level]
    allowed = np.rint(charge * p.allowed_fraction).astype(np.int64)
    contractual = charge - allowed
    missed = np.rint(CHARGE_CENTS[level] * p.allowed_fraction).astype(np.int64) - allowed

    # Missing information; the scrubber catches some errors before the claim is sent.
    missing_info = u[1] < p.missing_info_rate
    caught = (coding_error | missing_info) & (u[2] < p.scrubber_strength)
    late = u[3] < p.late_filing_rate
    other = u[4] < p.other_denial_rate
    # The lag is the default's draws scaled: a Poisson draw of another mean would use up a different
    # count of random numbers and change every later draw (the follow-up, the payer), so a slower
    # submission would seem to change how many claims are paid. Same numbers at the default.
    base_lag = rng.poisson(_BASE_LAG, n)
    lag = base_lag if p.submit_lag_days == _BASE_LAG else np.rint(base_lag * (p.submit_lag_days / _BASE_LAG))
    submit_day = service_day + lag.astype(np.int64) + caught  # a fix costs a day
    submit_day = submit_day + np.where(late, 90, 0)  # a late claim sat unnoticed for months

    # First payer decision: the first reason that applies, in this order.
    reason = np.select(
        [late, coding_error & ~caught, missing_info & ~caught, other],
        [3, 1, 2, 4], default=0,
    ).astype(np.int8)
    denied = reason > 0
    decided_day = submit_day + rng.poisson(p.payer_days, n)

    # Biller follow-up: one resubmission if the denial is worked inside the appeal window.
    # Scaled standard draws: every setting uses the same random numbers (fair comparisons).
    followup = np.rint(rng.standard_exponential(n) * p.followup_days).astype(np.int64)
    resubmitted = denied & (reason != 3) & (followup <= p.appeal_window_days)
    second_paid = resubmitted & (u[5] < p.resubmit_success)
    second_day = decided_day + followup + rng.poisson(p.payer_days, n)

    paid = ~denied | second_paid
    paid_day = np.where(~denied, decided_day, second_day)
    closed_day = np.where(paid, paid_day,
                          np.where(resubmitted, second_day, decided_day + followup))
    closed_day = np.where(reason == 3, decided_day, closed_day)  # late: written off at once
    paid_cents = np.where(paid, allowed, 0)

    return pd.DataFrame({
        "service_day": service_day,
        "charge_cents": charge,
        "allowed_cents": allowed,
        "contractual_cents": contractual,
        "undercoded": undercoded,
        "undercoded_cents": missed,
        "coding_error": coding_error,
        "missing_info": missing_info,
        "scrubber_caught": caught,
        "submit_day": submit_day,
        "denied": denied,
        "denial_reason": pd.Categorical.from_codes(reason, DENIAL_REASONS),
        "followup_days": np.where(denied, followup, 0),
        "resubmitted": resubmitted,
        "paid": paid,
        "paid_cents": paid_cents,
        "written_off_cents": allowed - paid_cents,
        "paid_day": np.where(paid, paid_day, -1),
        "closed_day": closed_day,
    })
