"""The four billing KPIs from a simulated year, and plain-words summaries of them."""
from __future__ import annotations

from typing import Any, Mapping

import numpy as np

from .simulate import YEAR_DAYS

KPI_KEYS = ("clean_claim_rate", "denial_rate", "days_in_ar", "net_collection_rate")


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
        return bool(np.isnan(float(x)))
    except (TypeError, ValueError):
        return False


def format_kpi(key: str, value: float) -> str:
    """Show a KPI the way a practice report would: rates as percentages, A/R in days.

    >>> format_kpi("days_in_ar", 31.26), format_kpi("denial_rate", 0.0712)
    ('31.3 days', '7.1 %')
    """
    return f"{value:.1f} days" if key == "days_in_ar" else f"{value * 100:.1f} %"


def describe_money(df: Any) -> str:
    """One sentence on where the year's expected money went."""
    m = money_summary(df)
    expected = m["charges_cents"] - m["contractual_cents"]
    share = m["collected_cents"] / expected if expected else 0.0
    return (f"Of {dollars(expected)} the payers agreed to pay for {len(df):,} claims, the practice "
            f"collects {dollars(m['collected_cents'])} ({share:.1%}) and writes off "
            f"{dollars(m['written_off_cents'])} after denials that were never paid. Under-coding "
            f"cost another {dollars(m['undercoded_cents'])} that was never billed at all.")


def compare_collections(base: Any, changed: Any) -> int:
    """Extra cents collected in ``changed`` compared with ``base`` (negative if less)."""
    return int(changed["paid_cents"].sum()) - int(base["paid_cents"].sum())


def describe_losses(df: Any, label: str) -> str:
    """One line: what a scenario writes off after denials and loses to under-coding."""
    m = money_summary(df)
    return (f"{label}: {dollars(m['written_off_cents'])} written off after denials, "
            f"{dollars(m['undercoded_cents'])} lost to under-coding, "
            f"{dollars(m['collected_cents'])} collected.")
