"""The O*NET interest (RIASEC) chart for the two occupations (``ax=None`` in, Axes out)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from careerlab.charting import BLUE, ORANGE, axes
from careerlab.compare.data import load_riasec
from careerlab.compare.model import RIASEC

STYLE = {
    "coder": {"color": BLUE, "hatch": "//", "label": "Medical Records Specialists (coders), 29-2072.00"},
    "biller": {"color": ORANGE, "hatch": "..", "label": "Billing and Posting Clerks (billers), 43-3021.00"},
}
FONT = 11


def riasec_chart(scores: Mapping[str, Mapping[str, float]] | None = None, ax: Any = None) -> Any:
    """Grouped bars: the six O*NET interest scores (1-7) for the coder and biller occupations."""
    scores = scores if scores is not None else load_riasec()
    ax = axes(ax, (9, 5))
    width = 0.38
    xs = range(len(RIASEC))
    for offset, role in ((-width / 2, "coder"), (width / 2, "biller")):
        st = STYLE[role]
        values = [scores[role][i] for i in RIASEC]
        # The scale starts at 1 (lowest possible score), so the bars start there too.
        bars = ax.bar([x + offset for x in xs], [v - 1 for v in values], bottom=1, width=width, color=st["color"], hatch=st["hatch"],
                      edgecolor="black", label=st["label"])
        ax.bar_label(bars, labels=[f"{v:.2f}" for v in values], padding=2, fontsize=FONT - 1)
    ax.set_xticks(list(xs), RIASEC, fontsize=FONT)
    ax.set_ylim(1, 8)
    ax.set_yticks(range(1, 8))
    ax.tick_params(axis="y", labelsize=FONT)
    ax.set_xlabel("Interest area (O*NET RIASEC)", fontsize=FONT)
    ax.set_ylabel("O*NET interest score (1 = low, 7 = high)", fontsize=FONT)
    ax.set_title("What kind of work each occupation involves: interest profiles (O*NET 29.3 Database, May 2025)",
                 fontsize=FONT + 1)
    ax.legend(loc="upper left", fontsize=FONT - 1, frameon=False)
    return ax
