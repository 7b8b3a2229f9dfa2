"""Charts for the revenue-cycle lesson: cash collected each month and where the money went."""
from __future__ import annotations

from typing import Any

import numpy as np

from careerlab.charting import BLUE, ORANGE, axes

from .kpis import monthly_collections, money_summary

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def revenue_chart(df: Any, ax: Any = None, *, baseline: Any = None,
                  label: str = "Your settings", baseline_label: str = "Default practice") -> Any:
    """Bars of cash collected each month; an optional baseline year as a marked dashed line."""
    ax = axes(ax, (7, 4))
    x = np.arange(12)
    ax.bar(x, monthly_collections(df) / 1000, color=BLUE, hatch="//", edgecolor="white",
           label=label)
    if baseline is not None:
        ax.plot(x, monthly_collections(baseline) / 1000, color=ORANGE, marker="o",
                linestyle="--", linewidth=2, label=baseline_label)
    ax.set_xticks(x, MONTHS, fontsize=10)
    ax.tick_params(axis="y", labelsize=10)
    ax.set_xlabel("Month of the year", fontsize=11)
    ax.set_ylabel("Cash collected (thousand $)", fontsize=11)
    ax.set_title("Cash collected each month", fontsize=12)
    ax.set_ylim(0, ax.get_ylim()[1] * 1.2)  # room for the legend above the bars
    if baseline is not None:
        ax.legend(fontsize=10, loc="upper center", ncol=2)
    return ax


def money_chart(df: Any, ax: Any = None, *, baseline: Any = None,
                label: str = "Your settings", baseline_label: str = "Default practice") -> Any:
    """Horizontal bars: dollars written off after denials and lost to under-coding."""
    ax = axes(ax, (7, 4))
    names = ("Written off after denials", "Lost to under-coding")
    keys = ("written_off_cents", "undercoded_cents")
    y = np.arange(len(names))
    rows = [(df, label, BLUE, "//")]
    if baseline is not None:
        rows.append((baseline, baseline_label, ORANGE, ".."))
    height = 0.8 / len(rows)
    for i, (frame, text, colour, hatch) in enumerate(rows):
        m = money_summary(frame)
        values = [m[k] / 100_000 for k in keys]
        bars = ax.barh(y + i * height, values, height=height, color=colour, hatch=hatch,
                       edgecolor="white", label=text)
        ax.bar_label(bars, labels=[f"${v:,.1f}k" for v in values], padding=3, fontsize=10)
    ax.set_yticks(y + height * (len(rows) - 1) / 2, names, fontsize=10)
    ax.invert_yaxis()
    ax.margins(x=0.25)
    ax.tick_params(axis="x", labelsize=10)
    ax.set_xlabel("Money lost in the year (thousand $)", fontsize=11)
    ax.set_title("Money the practice never collects", fontsize=12)
    ax.legend(fontsize=10, loc="lower right")
    return ax


def update_revenue_chart(ax: Any, df: Any) -> Any:
    """Move the bars of a chart drawn by ``revenue_chart`` to another year (a fast redraw)."""
    for bar, height in zip(ax.containers[0], monthly_collections(df) / 1000):
        bar.set_height(height)
    return ax


def update_money_chart(ax: Any, df: Any) -> Any:
    """Resize the first scenario's bars of a chart drawn by ``money_chart`` (a fast redraw)."""
    m = money_summary(df)
    values = [m["written_off_cents"] / 100_000, m["undercoded_cents"] / 100_000]
    bars = ax.containers[0]
    for bar, width in zip(bars, values):
        bar.set_width(width)
    for text in [t for t in ax.texts if t.xy[1] in {b.get_y() + b.get_height() / 2
                                                    for b in bars}]:
        text.remove()
    ax.bar_label(bars, labels=[f"${v:,.1f}k" for v in values], padding=3, fontsize=10)
    widest = max(b.get_width() for c in ax.containers for b in c)
    ax.set_xlim(0, max(widest, 0.1) * 1.25)
    return ax
