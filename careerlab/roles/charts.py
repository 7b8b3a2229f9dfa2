"""Lesson 01 chart: who each role works with (the revenue cycle is a grid of text: ``tables.revenue_cycle_html``).

Functions take ``ax=None`` and return the Axes; they never display the figure or set a backend.
Their text summaries are in ``careerlab.roles.text``.
"""
from __future__ import annotations

from typing import Any, Sequence

from careerlab.charting import ORANGE, SKY, axes
from careerlab.roles.data import load_contacts
from careerlab.roles.model import ROLE_LABELS, Contact

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
