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
