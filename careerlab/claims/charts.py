"""Chart for the remittance: where each line's billed charge went (paid, patient share, adjusted off).

Its text summary is ``careerlab.claims.text.remittance_summary``.
"""
from __future__ import annotations

from careerlab.charting import BLUE, GREY, ORANGE, axes

# Okabe-Ito colours, each paired with a hatch so colour is never the only cue.
PARTS = (
    ("paid", "Paid by the payer", BLUE, ""),
    ("patient_share", "Owed by the patient (PR)", ORANGE, "//"),
    ("written_off", "Adjusted off (CO: written off or denied)", GREY, "xx"),
)


def remittance_chart(remit: "pandas.DataFrame", ax=None):
    """Horizontal stacked bars, one per line, splitting the billed charge three ways; returns the Axes."""
    ax = axes(ax, (8, 1.2 + 0.7 * len(remit)))
    labels = [f"Line {r.line}: {r.code}" + (" (denied)" if r.status == "denied" else "") for r in remit.itertuples()]
    left = [0.0] * len(remit)
    biggest = max([float(v) for v in remit["billed"]] + [1.0])
    min_label = 0.16 * biggest  # a "$123.45" label fits inside a segment at least this long
    for column, label, colour, hatch in PARTS:
        values = [float(v) for v in remit[column]]  # floats only for drawing; the money stays Decimal
        bars = ax.barh(labels, values, left=left, color=colour, hatch=hatch, edgecolor="black", label=label)
        for bar, value in zip(bars, values):
            if value >= min_label:
                ax.text(bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2, f"${value:,.2f}",
                        ha="center", va="center", fontsize=10,
                        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
        left = [a + b for a, b in zip(left, values)]
    ax.invert_yaxis()
    ax.set_xlabel("Dollars of the billed charge", fontsize=11)
    ax.set_title("Where each billed dollar went", fontsize=12)
    ax.tick_params(labelsize=10)
    ax.set_xlim(0, max(max(left, default=0.0), 1.0) * 1.6)  # room on the right for the legend
    ax.legend(fontsize=10, loc="lower right", framealpha=0.95)
    return ax


def ar_aging_chart(before: "QueueMetrics", after: "QueueMetrics", ax=None):
    """Open A/R by age bucket (0-30, 31-60, 61-90, 90+ days since first billed), before and after; the Axes.

    Its text summary is ``careerlab.claims.text.aging_summary``.
    """
    ax = axes(ax, (8, 4.5))
    labels = list(before.buckets)
    xs = range(len(labels))
    width = 0.38
    highest = max([float(v) for m in (before, after) for v in m.buckets.values()] + [1.0])
    for shift, metrics, name, colour, hatch in ((-width / 2, before, "Before", GREY, "xx"),
                                                (width / 2, after, "After your decisions", BLUE, "")):
        values = [float(metrics.buckets[label]) for label in labels]  # floats only to draw
        bars = ax.bar([x + shift for x in xs], values, width, color=colour, hatch=hatch, edgecolor="black", label=name)
        for bar, value in zip(bars, values):
            ax.text(bar.get_x() + bar.get_width() / 2, value + highest * 0.02, f"${value:,.0f}", ha="center",
                    va="bottom", fontsize=9)
    ax.set_xticks(list(xs), [f"{label} days" for label in labels])
    from matplotlib.ticker import StrMethodFormatter

    ax.yaxis.set_major_formatter(StrMethodFormatter("${x:,.0f}"))
    ax.set_ylabel("Open A/R", fontsize=11)
    ax.set_xlabel("Age since the claim was first billed", fontsize=11)
    ax.set_title(f"A/R by age: days in A/R {before.days_in_ar} → {after.days_in_ar}", fontsize=12)
    ax.set_ylim(0, highest * 1.2)
    ax.tick_params(labelsize=10)
    ax.legend(fontsize=10, loc="upper left", framealpha=0.95)
    return ax
