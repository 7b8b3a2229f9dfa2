"""The four billing KPIs of a simulated year, its money totals and its cash by month.

Light to import: numpy loads inside the functions that need it.
"""
from __future__ import annotations

import math
from typing import Any, Mapping

from .model import YEAR_DAYS


def revenue_kpis(df: Any, *, period_days: int = YEAR_DAYS) -> dict[str, float]:
    """Clean claim rate, denial rate, days in A/R and net collection rate of simulated claims.

    - clean claim rate = claims accepted on their first submission ÷ claims submitted
      (no clearinghouse rejections in the model: accepted = not denied the first time)
    - denial rate = denials ÷ payer decisions (first submissions and resubmissions)
    - days in A/R = charges still open at the end of the period ÷ average daily charges
    - net collection rate = payments ÷ (charges − contractual adjustments)

    >>> import pandas as pd
    >>> df = pd.DataFrame({"denied": [False, True], "resubmitted": [False, True],
    ...     "paid": [True, True], "charge_cents": [100, 100], "contractual_cents": [40, 40],
    ...     "paid_cents": [60, 60], "closed_day": [10, 400]})
    >>> revenue_kpis(df, period_days=365)["denial_rate"]  # 1 denial in 3 decisions
    0.3333333333333333
    """
    import numpy as np

    n = len(df)
    if n == 0:
        raise ValueError("there are no claims to measure")
    denied = df["denied"].to_numpy(bool)
    resub = df["resubmitted"].to_numpy(bool)
    paid = df["paid"].to_numpy(bool)
    decisions = n + int(resub.sum())
    denials = int(denied.sum()) + int((resub & ~paid).sum())
    charges = df["charge_cents"].to_numpy(np.int64)
    net_charges = int(charges.sum() - df["contractual_cents"].sum())
    open_at_end = df["closed_day"].to_numpy() >= period_days
    total_charges = int(charges.sum())
    return {
        "clean_claim_rate": float((~denied).sum() / n),
        "denial_rate": denials / decisions,
        # A/R ÷ average daily charges, computed as A/R × days ÷ charges: exact integers until the
        # one division, so a year with every claim still open is exactly the period, not 365.00000000000006.
        "days_in_ar": int(charges[open_at_end].sum()) * period_days / total_charges if total_charges else 0.0,
        "net_collection_rate": float(df["paid_cents"].sum() / net_charges) if net_charges else 0.0,
    }


def money_summary(df: Any) -> dict[str, int]:
    """Totals in cents: charges, contractual adjustments, collected, written off (denials),
    and the revenue lost to under-coding (never billed, so it shows in no KPI)."""
    return {
        "charges_cents": int(df["charge_cents"].sum()),
        "contractual_cents": int(df["contractual_cents"].sum()),
        "collected_cents": int(df["paid_cents"].sum()),
        "written_off_cents": int(df["written_off_cents"].sum()),
        "undercoded_cents": int(df["undercoded_cents"].sum()),
    }


def monthly_collections(df: Any) -> "numpy.ndarray":
    """Dollars collected in each of the 12 months of the year (payments after it excluded)."""
    import numpy as np

    paid_day = df["paid_day"].to_numpy()
    in_year = (paid_day >= 0) & (paid_day < YEAR_DAYS)
    month = np.minimum(paid_day[in_year] * 12 // YEAR_DAYS, 11)
    cents = np.bincount(month, weights=df["paid_cents"].to_numpy()[in_year], minlength=12)
    return cents / 100


def dollars(cents: float) -> str:
    """Format cents as whole dollars.

    >>> dollars(123456789)
    '$1,234,568'
    """
    sign = "-" if cents < 0 else ""
    return f"{sign}${abs(cents) / 100:,.0f}"


def meets_target(key: str, value: float, benchmark: Mapping[str, Any]) -> bool:
    """Whether a KPI value meets its typical target (``benchmark`` has low/high bounds).

    >>> meets_target("denial_rate", 0.04, {"low": None, "high": 0.10})
    True
    """
    low, high = benchmark.get("low"), benchmark.get("high")
    if low is not None and not _isnan(low) and value < float(low):
        return False
    if high is not None and not _isnan(high) and value > float(high):
        return False
    return True


def _isnan(x: Any) -> bool:
    try:
        return math.isnan(float(x))
    except (TypeError, ValueError):
        return False


def format_kpi(key: str, value: float) -> str:
    """Show a KPI the way a practice report would: rates as percentages, A/R in days.

    >>> format_kpi("days_in_ar", 31.26), format_kpi("denial_rate", 0.0712)
    ('31.3 days', '7.1 %')
    """
    return f"{value:.1f} days" if key == "days_in_ar" else f"{value * 100:.1f} %"


def compare_collections(base: Any, changed: Any) -> int:
    """Extra cents collected in ``changed`` compared with ``base`` (negative if less)."""
    return int(changed["paid_cents"].sum()) - int(base["paid_cents"].sum())
