"""The O*NET interest (RIASEC) chart for the two occupations (``ax=None`` in, Axes out)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from careerlab.compare.data import RIASEC, load_riasec

STYLE = {
    "coder": {"color": "#0072B2", "hatch": "//", "label": "Medical Records Specialists (coders), 29-2072.00"},
    "biller": {"color": "#E69F00", "hatch": "..", "label": "Billing and Posting Clerks (billers), 43-3021.00"},
}
FONT = 11


def riasec_chart(scores: Mapping[str, Mapping[str, float]] | None = None, ax: Any = None) -> Any:
    """Grouped bars: the six O*NET interest scores (1-7) for the coder and biller occupations."""
    scores = scores if scores is not None else load_riasec()
    if ax is None:
        import matplotlib.pyplot as plt
        _, ax = plt.subplots(figsize=(9, 5))
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


def riasec_summary(scores: Mapping[str, Mapping[str, float]] | None = None) -> str:
    """A text summary of the chart: each occupation's top interests and the biggest difference."""
    scores = scores if scores is not None else load_riasec()
    parts = []
    for role, name in (("coder", "coders"), ("biller", "billers")):
        top = sorted(RIASEC, key=lambda i: -scores[role][i])[:2]
        parts.append(f"for {name} the highest are {top[0]} ({scores[role][top[0]]:.2f}) "
                     f"and {top[1]} ({scores[role][top[1]]:.2f})")
    gap = max(RIASEC, key=lambda i: abs(scores["coder"][i] - scores["biller"][i]))
    higher = "coders" if scores["coder"][gap] > scores["biller"][gap] else "billers"
    return (f"On O*NET's 1-7 interest scale, {parts[0]}; {parts[1]}. Both are very high on Conventional "
            f"(organised work with rules and records). The biggest difference is {gap}: higher for {higher} "
            f"({scores['coder'][gap]:.2f} against {scores['biller'][gap]:.2f}). "
            "Source: O*NET 29.3 Database (May 2025), estimates dated 11/2023.")
