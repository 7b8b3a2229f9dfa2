"""Display tables for the lesson: small, readable views of simulated claims (dollars, yes/no,
chosen columns), the denial reasons, and the KPI table beside the typical targets (HTML)."""
from __future__ import annotations

import html
from typing import Any, Mapping

from .kpis import format_kpi, meets_target
from .model import KPI_KEYS

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


def kpi_table_html(kpis: Mapping[str, float], benchmarks: Mapping[str, Mapping[str, Any]],
                   *, short_note: bool = False) -> str:
    """An HTML table: each KPI, its value, its typical target and whether it meets it (in words).

    ``short_note`` gives a one-line source under a table that repeats one shown above it."""
    rows = []
    for key in KPI_KEYS:
        b = benchmarks[key]
        ok = meets_target(key, kpis[key], b)
        verdict = "✔ meets the typical target" if ok else "✖ misses the typical target"
        rows.append(f"<tr><td>{html.escape(b['label'])}</td>"
                    f"<td style='text-align:right'><b>{format_kpi(key, kpis[key])}</b></td>"
                    f"<td>{html.escape(b['target_text'])}</td><td>{verdict}</td></tr>")
    first = benchmarks[KPI_KEYS[0]]
    source = f"{first['source']}, {first['year']}"
    if short_note:
        source = source.split(" (")[0] + f", {first['year']}"
    note = html.escape(f"Typical targets from {source}. "
                       "The claims are synthetic (a teaching model), not a real practice.")
    return ("<table style='font-size:14px;border-collapse:collapse' cellpadding='4'>"
            "<caption style='text-align:left'><b>Billing KPIs for the simulated year</b></caption>"
            "<tr><th>KPI</th><th>This year</th><th>Typical target</th><th>Verdict</th></tr>"
            + "".join(rows) + f"</table><p style='font-size:12px'>{note}</p>")
