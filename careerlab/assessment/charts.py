"""Charts of trait scores against the two role profiles (take ``ax=None``, return the Axes)."""
from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping
from typing import Any

from careerlab.assessment.data import load_role_profiles, trait_labels
from careerlab.charting import BLUE, GREEN, ORANGE, axes

# Okabe-Ito colours; every series also has its own marker or hatch, never colour alone.
YOU_COLOUR = GREEN
ROLE_STYLE = {
    "coder": {"color": BLUE, "marker": "D", "linestyle": "--", "label": "Coder profile"},
    "biller": {"color": ORANGE, "marker": "^", "linestyle": ":", "label": "Biller profile"},
}
FONT = 11


def _defaults(profiles, labels):
    return (load_role_profiles() if profiles is None else profiles,
            trait_labels() if labels is None else labels)


def trait_bar_chart(scores: Mapping[str, float], profiles: Mapping[str, Mapping[str, float]] | None = None,
                    labels: Mapping[str, str] | None = None, ax: Any = None,
                    title: str = "Your trait scores and the two role profiles", who: str = "You") -> Any:
    """One horizontal bar per trait (``who``: the learner, or e.g. "Robin"), with a marker for each role's profile."""
    profiles, labels = _defaults(profiles, labels)
    ax = axes(ax, (8, 5))
    traits = list(scores)
    ys = list(range(len(traits)))
    values = [scores[t] for t in traits]
    ax.barh(ys, values, height=0.6, color=YOU_COLOUR, edgecolor="black", hatch="//",
                   alpha=0.55, label=who)
    tag = "you" if who == "You" else who
    for y, v in zip(ys, values):
        ax.text(1.5, y, f"{tag}: {v:.0f}", va="center", ha="left", fontsize=FONT - 1, fontweight="bold",
                bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.9})
    for offset, role in ((-0.17, "coder"), (0.17, "biller")):
        st = ROLE_STYLE[role]
        ax.plot([profiles[role][t] for t in traits], [y + offset for y in ys], linestyle="none",
                marker=st["marker"], markersize=10, color=st["color"], markeredgecolor="black",
                label=st["label"], gid=f"profile-{role}")
    ax.set_yticks(ys, [labels.get(t, t) for t in traits], fontsize=FONT)
    ax.invert_yaxis()
    ax.set_xlim(0, 108)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.tick_params(axis="x", labelsize=FONT)
    ax.axvline(50, color="grey", linewidth=0.8, linestyle="-", zorder=0)
    ax.set_xlabel("Score (0 = strongly disagree on every statement, 50 = neutral, 100 = strongly agree)",
                  fontsize=FONT)
    ax.set_ylabel("Trait", fontsize=FONT)
    ax.set_title(title, fontsize=FONT + 2)
    handles, names = ax.get_legend_handles_labels()
    order = [names.index(n) for n in (who, "Coder profile", "Biller profile")]
    ax.legend([handles[i] for i in order], [names[i] for i in order], loc="upper center",
              bbox_to_anchor=(0.5, -0.17), ncol=3, fontsize=FONT, frameon=False)
    return ax


def _outward(angle: float) -> str:
    """How a spoke's label aligns so it grows away from the circle (spoke 0 at the top, clockwise).

    >>> _outward(0.0), _outward(math.pi / 2), _outward(3 * math.pi / 2)
    ('center', 'left', 'right')
    """
    across = math.sin(angle)  # on screen: +1 on the right, -1 on the left
    return "center" if abs(across) < 0.3 else ("left" if across > 0 else "right")


def radar_chart(scores: Mapping[str, float], profiles: Mapping[str, Mapping[str, float]] | None = None,
                labels: Mapping[str, str] | None = None, ax: Any = None,
                title: str = "Your shape against the coder and biller profiles", who: str = "You") -> Any:
    """A radar (spider) chart of ``who`` (the learner by default) against both role profiles; needs polar Axes."""
    profiles, labels = _defaults(profiles, labels)
    ax = axes(ax, (7, 7), polar=True)
    if getattr(ax, "name", "") != "polar":
        raise ValueError("radar_chart needs polar axes: make them with "
                         "fig.add_subplot(projection='polar') or plt.subplots(subplot_kw={'projection': 'polar'})")
    traits = list(scores)
    angles = [2 * math.pi * i / len(traits) for i in range(len(traits))]
    loop = angles + angles[:1]

    def closed(values):
        values = list(values)
        return values + values[:1]

    for role in ("coder", "biller"):
        st = ROLE_STYLE[role]
        ax.plot(loop, closed(profiles[role][t] for t in traits), color=st["color"], linestyle=st["linestyle"],
                linewidth=2, marker=st["marker"], markersize=7, markeredgecolor="black", label=st["label"])
    you = closed(scores[t] for t in traits)
    ax.plot(loop, you, color="black", linewidth=2.2, marker="o", markersize=7, label=who)
    ax.fill(loop, you, color=YOU_COLOUR, alpha=0.25)
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_xticks(angles, [textwrap.fill(labels.get(t, t), 12, break_long_words=False) for t in traits], fontsize=FONT)
    ax.tick_params(axis="x", pad=8)
    for text, angle in zip(ax.get_xticklabels(), angles):
        text.set_horizontalalignment(_outward(angle))  # a side label grows away from the circle, not into it
    ax.set_ylim(0, 100)
    ax.set_yticks([25, 50, 75, 100], ["25", "50", "75", "100"], fontsize=FONT - 1)
    ax.set_rlabel_position(180 / len(traits))
    ax.set_title(title, fontsize=FONT + 2, pad=28)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=3, fontsize=FONT, frameon=False)
    return ax
