"""Lesson 01 charts: the revenue cycle by owner, and who each role works with.

Functions take ``ax=None`` and return the Axes; they never display the figure or set a backend.
Their text summaries are in ``careerlab.roles.text``.
"""
from __future__ import annotations

from typing import Any, Sequence

from careerlab.charting import GREEN, ORANGE, PURPLE, SKY, YELLOW, axes
from careerlab.roles.data import load_contacts, load_stages
from careerlab.roles.model import LANES, OWNERS, ROLE_LABELS, Contact, Stage

# Okabe-Ito colours. Colour is never the only sign of the owner: each box sits in its owner's
# column and has the owner's name written in it. (Hatching, a third sign, cost two fifths of the
# chart's drawing time on Run All and made the names harder to read, so it went.)
STYLE = {"front": YELLOW, "coder": SKY, "shared": PURPLE, "biller": ORANGE, "payer": GREEN}
SHORT = {"front": "Front desk /\nclinician", "coder": "Coder", "shared": "Shared", "biller": "Biller",
         "payer": "Payer"}


def box_label(stage: Stage) -> str:
    """The owner's name written in a stage's box, short enough to fit it: the front-desk column
    holds the front desk's stages and the clinician's, so it says which of the two."""
    if stage.owner == "front":
        return "Clinician" if stage.owner_note.lower().startswith("clinician") else "Front desk"
    return SHORT[stage.owner]


def revenue_cycle_chart(ax: Any = None, stages: Sequence[Stage] | None = None) -> Any:
    """One row per stage, top to bottom; each stage's box sits in its owner's column."""
    from matplotlib.patches import Patch

    stages = list(stages) if stages is not None else load_stages()
    ax = axes(ax, (10, 8.5))
    lane_of = {owner: i for i, owner in enumerate(LANES)}
    xs, ys = [lane_of[s.owner] for s in stages], [s.step for s in stages]
    ax.plot(xs, ys, color="#555555", linewidth=1.2, zorder=1, label="_flow")
    ax.barh(ys, 0.84, left=[x - 0.42 for x in xs], height=0.72, color=[STYLE[s.owner] for s in stages],
            edgecolor="#222222", linewidth=0.8, zorder=2)
    for s, x in zip(stages, xs):  # black on each Okabe-Ito colour has a contrast of 6:1 or more
        ax.text(x, s.step, box_label(s), ha="center", va="center", fontsize=10, zorder=3)
    ax.set_yticks(ys, [f"{s.step}. {s.stage}" for s in stages], fontsize=10)
    ax.set_ylim(len(stages) + 0.6, 0.4)
    ax.set_xticks(range(len(LANES)), [SHORT[o] for o in LANES], fontsize=10)
    ax.set_xlim(-0.55, len(LANES) - 0.45)
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.set_xlabel("Who owns the stage", fontsize=11)
    ax.set_ylabel("Stage of the revenue cycle (in order)", fontsize=11)
    ax.set_title("The revenue cycle: who owns each stage (typical physician practice)", fontsize=12, pad=12)
    handles = [Patch(facecolor=STYLE[o], edgecolor="#222222", label=OWNERS[o]) for o in LANES]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=3, fontsize=10,
              title="Owner (column, colour and label)", title_fontsize=10, frameon=False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6, zorder=0)
    ax.set_axisbelow(True)
    return ax


ROLE_STYLE = {"coder": (SKY, "-", "o"), "biller": (ORANGE, "--", "s")}


def contacts_chart(ax: Any = None, contacts: Sequence[Contact] | None = None) -> Any:
    """Coder on the left, biller on the right, each joined to the people it works with."""
    contacts = list(contacts) if contacts is not None else load_contacts()
    ax = axes(ax, (10, 5.5))
    centre = {"coder": (-1.0, 0.0), "biller": (1.0, 0.0)}
    labels = {role.lower(): role for role in ROLE_LABELS.values()}
    for role in ROLE_LABELS:
        colour, style, marker = ROLE_STYLE[role]
        others = [c for c in contacts if c.role == role and c.contact.lower() not in labels]
        for i, c in enumerate(others):
            y = 1.2 - 2.4 * i / max(len(others) - 1, 1) if len(others) > 1 else 0.0
            x = -2.6 if role == "coder" else 2.6
            ax.plot([centre[role][0], x], [0, y], linestyle=style, color="#333333", linewidth=2,
                    marker=marker, markersize=7, label=f"{ROLE_LABELS[role]} works with")
            ax.text(x + (-0.1 if role == "coder" else 0.1), y, c.contact, fontsize=11,
                    ha="right" if role == "coder" else "left", va="center",
                    bbox={"boxstyle": "round,pad=0.35", "facecolor": "#f2f2f2", "edgecolor": "#555555"})
    if any(c.contact.lower() in labels for c in contacts):
        ax.plot([-1.0, 1.0], [0, 0], linestyle="-.", color="#333333", linewidth=2,
                label="Coder and biller work with each other")
    for role, (x, y) in centre.items():
        ax.text(x, y, ROLE_LABELS[role].upper(), fontsize=13, fontweight="bold", ha="center", va="center",
                bbox={"boxstyle": "round,pad=0.5", "facecolor": ROLE_STYLE[role][0], "edgecolor": "#222222"})
    ax.set_xlim(-4.6, 4.6)
    ax.set_ylim(-1.9, 1.7)
    ax.axis("off")
    handles, names = ax.get_legend_handles_labels()
    unique = dict(zip(names, handles))
    # Long legend lines so the dashes of "Biller works with" show as dashes, like the chart's.
    ax.legend(unique.values(), unique.keys(), loc="lower center", ncol=3, fontsize=10, frameon=False,
              handlelength=4.5)
    ax.set_title("Who coders and billers work with (source: the web article "
                 "“Medical Billing Vs Medical Coding”)", fontsize=12)
    return ax
