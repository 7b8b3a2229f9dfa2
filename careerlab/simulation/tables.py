"""Small, readable views of simulated claims for the lesson: dollars, yes/no, chosen columns."""
from __future__ import annotations

from typing import Any

# (column in the simulation, heading the learner reads, kind of value)
PREVIEW_COLUMNS = (
    ("service_day", "Visit day", "day"),
    ("charge_cents", "Charge ($)", "money"),
    ("allowed_cents", "Allowed ($)", "money"),
    ("coding_error", "Coding error?", "yesno"),
    ("denied", "Denied first time?", "yesno"),
    ("denial_reason", "Denial reason", "text"),
    ("paid_cents", "Paid ($)", "money"),
    ("written_off_cents", "Written off ($)", "money"),
    ("paid_day", "Paid on day", "day"),
)


def _cell(value: Any, kind: str) -> str:
    if kind == "money":
        return f"${int(value) / 100:,.2f}"
    if kind == "yesno":
        return "yes" if bool(value) else "no"
    if kind == "day":
        return "–" if value is None or value != value or int(value) < 0 else str(int(value))
    return str(value)


def claims_preview(df: Any, rows: int = 5) -> Any:
    """The first ``rows`` claims with a few chosen columns, money in dollars, yes/no for flags,
    rows numbered from 1.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"service_day": [3], "charge_cents": [14000], "allowed_cents": [8400],
    ...     "coding_error": [False], "denied": [True], "denial_reason": ["other"],
    ...     "paid_cents": [8400], "written_off_cents": [0], "paid_day": [40]})
    >>> claims_preview(df).loc[1, ["Charge ($)", "Denied first time?"]].tolist()
    ['$140.00', 'yes']
    """
    import pandas as pd

    head = df.head(rows)
    out = pd.DataFrame({label: [_cell(v, kind) for v in head[col]]
                        for col, label, kind in PREVIEW_COLUMNS if col in head})
    out.index = range(1, len(out) + 1)
    return out


def denial_reasons(df: Any) -> Any:
    """How many claims were denied the first time, by reason, with each reason's share of the
    denials; rows numbered from 1, most common first."""
    import pandas as pd

    denied = df.loc[df["denied"].astype(bool), "denial_reason"]
    counts = denied.astype(str).value_counts()
    total = int(counts.sum())
    out = pd.DataFrame({"Reason": [str(r) for r in counts.index],
                        "Claims denied": [f"{int(n):,}" for n in counts],
                        "Share of denials": [f"{n / total:.0%}" if total else "–" for n in counts]})
    out.index = range(1, len(out) + 1)
    return out


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
