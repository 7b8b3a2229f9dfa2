"""Sentences for the learner of lesson 06: where the money went, the denials, two scenarios side
by side, and the text summary under each chart."""
from __future__ import annotations

from typing import Any

from .kpis import compare_collections, dollars, format_kpi, monthly_collections, money_summary, revenue_kpis

__all__ = ["describe_denials", "describe_followup", "describe_losses", "describe_money", "losses_summary",
           "revenue_summary"]


def describe_money(df: Any) -> str:
    """One sentence on where the year's expected money went."""
    m = money_summary(df)
    expected = m["charges_cents"] - m["contractual_cents"]
    share = m["collected_cents"] / expected if expected else 0.0
    return (f"Of {dollars(expected)} the payers agreed to pay for {len(df):,} claims, the practice "
            f"collects {dollars(m['collected_cents'])} ({share:.1%}) and writes off "
            f"{dollars(m['written_off_cents'])} after denials that were never paid. Under-coding "
            f"cost another {dollars(m['undercoded_cents'])} that was never billed at all.")


def describe_losses(df: Any, label: str) -> str:
    """One line: what a scenario writes off after denials and loses to under-coding."""
    m = money_summary(df)
    return (f"{label}: {dollars(m['written_off_cents'])} written off after denials, "
            f"{dollars(m['undercoded_cents'])} lost to under-coding, "
            f"{dollars(m['collected_cents'])} collected.")


def describe_denials(df: Any) -> str:
    """One sentence: how many claims were denied the first time, and the most common reason."""
    n = len(df)
    denied = df.loc[df["denied"].astype(bool), "denial_reason"]
    if denied.empty:
        return f"None of the {n:,} claims was denied the first time."
    counts = denied.astype(str).value_counts()
    top, top_n = str(counts.index[0]), int(counts.iloc[0])
    return (f"{len(denied):,} of {n:,} claims ({len(denied) / n:.1%}) were denied the first time; "
            f"the most common reason was {top} ({top_n:,} claims, {top_n / len(denied):.0%} of the "
            f"denials). The other {n - len(denied):,} were paid without a second try.")


def describe_followup(slow: Any, quick: Any, slow_label: str, quick_label: str) -> str:
    """Two years that differ only in the biller's follow-up: each one's days in A/R and net
    collection rate, one line each, then the extra collected with the quicker follow-up."""
    lines = []
    for name, year in ((slow_label, slow), (quick_label, quick)):
        k = revenue_kpis(year)
        lines.append(f"{name}: days in A/R {format_kpi('days_in_ar', k['days_in_ar'])}, "
                     f"net collection {format_kpi('net_collection_rate', k['net_collection_rate'])}")
    lines.append(f"Extra collected with quick follow-up: {dollars(compare_collections(slow, quick))}")
    return "\n".join(lines)


def _thousands(value: float) -> str:
    return f"${value / 1000:,.1f}k"


def revenue_summary(df: Any, *, baseline: Any = None, label: str = "Your settings",
                    baseline_label: str = "Default practice") -> str:
    """What the monthly cash chart (``revenue_chart``) shows, then where the year's money went."""
    months = monthly_collections(df)
    text = (f"Cash collected each month: {_thousands(months[0])} in January, then between "
            f"{_thousands(min(months[1:]))} and {_thousands(max(months[1:]))} a month from February to December.")
    if baseline is not None:
        text += (f" {label}: {_thousands(sum(months))} in the year; {baseline_label}: "
                 f"{_thousands(sum(monthly_collections(baseline)))}.")
    return f"{text} {describe_money(df)}"


def losses_summary(df: Any, *, baseline: Any = None, label: str = "Your settings",
                   baseline_label: str = "Default practice") -> str:
    """What the chart of money never collected (``money_chart``) shows, scenario by scenario."""
    parts = []
    for frame, name in ((df, label), (baseline, baseline_label)):
        if frame is not None:
            m = money_summary(frame)
            parts.append(f"{name}: {dollars(m['written_off_cents'])} written off after denials and "
                         f"{dollars(m['undercoded_cents'])} lost to under-coding.")
    return "Money the practice never collects. " + " ".join(parts)
