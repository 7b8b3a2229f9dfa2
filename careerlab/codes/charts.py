"""Charts for lesson 02: where a word search lands across chapters, and a code's family tree.

Functions take ``ax=None``, return the Axes and never call ``plt.show()``; their text summaries
are in ``careerlab.codes.text``.
"""
from __future__ import annotations

import textwrap

from careerlab.charting import BLUE, GREEN, axes
from careerlab.codes.explore import code_family, hits_by_chapter


def search_hits_chart(text: str, ax=None, billable_only: bool = True):
    """Horizontal bars: how many billable codes matching ``text`` fall in each chapter."""
    ax = axes(ax, (8, 4))
    rows = hits_by_chapter(text, billable_only=billable_only)
    if not rows:
        ax.text(0.5, 0.5, f"No codes match “{text}”", ha="center", va="center", fontsize=12, transform=ax.transAxes)
        ax.set_axis_off()
        ax.set_title(f"Search: “{text}”", fontsize=13)
        return ax
    # Whole chapter names on at most two lines, so none is cut short ("perinatal" is the newborn chapter).
    labels = [textwrap.fill(textwrap.shorten(f"Ch. {n}: " + title.split(" (")[0], 84, placeholder="…"), 42)
              for n, title, _ in rows]
    counts = [c for *_, c in rows]
    bars = ax.barh(labels, counts, color=BLUE, edgecolor="black", hatch="//")
    ax.bar_label(bars, labels=[str(c) for c in counts], padding=3, fontsize=11)
    ax.invert_yaxis()
    ax.set_xlabel("Number of billable codes whose description matches", fontsize=11)
    ax.set_title(f"Where “{text}” lands across ICD-10-CM chapters", fontsize=13)
    ax.tick_params(labelsize=10)
    ax.set_xlim(0, max(counts) * 1.15)
    return ax


def code_family_chart(code: str, ax=None):
    """The path from chapter to ``code`` as a staircase of boxes; billable: solid thick border, headers dashed."""
    family = code_family(code)
    ax = axes(ax, (8, 0.8 + 0.85 * max(len(family), 1)))
    ax.set_axis_off()
    if not family:
        ax.text(0.5, 0.5, f"“{code}” is not in the ICD-10-CM release", ha="center", va="center", fontsize=12)
        ax.set_title("Code family", fontsize=13)
        return ax
    n = len(family)
    boxes = []
    for depth, item in enumerate(family):
        y = n - depth - 1
        billable = item.billable
        label_code = f"Chapter {item.code}" if item.kind == "chapter" else item.code
        status = "BILLABLE" if billable else "header (not billable)"
        desc = textwrap.fill(textwrap.shorten(item.description, 110, placeholder="…"), 62)
        text = f"{label_code}  [{item.kind}, {status}]\n{desc}"
        boxes.append(ax.text(0.02 + 0.045 * depth, y, text, va="center", ha="left", fontsize=10,
                             bbox={"boxstyle": "round,pad=0.4", "facecolor": "#CDEBDD" if billable else "#F2F2F2",
                                   "edgecolor": GREEN if billable else "black", "linewidth": 2.5 if billable else 1,
                                   "linestyle": "-" if billable else "--"}))
        if depth:  # an elbow from under the box above to the left edge of this one, whatever their sizes
            ax.annotate("", xy=(0, 0.5), xycoords=boxes[-1], xytext=(0.02, 0), textcoords=boxes[-2],
                        arrowprops={"arrowstyle": "->", "color": "black", "shrinkA": 6, "shrinkB": 6,
                                    "connectionstyle": "angle,angleA=-90,angleB=180,rad=0"})
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_title(f"The family of {family[-1].code}: from chapter to code", fontsize=13)
    return ax
