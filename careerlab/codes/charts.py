"""Chart for lesson 02: where a word search lands across chapters (a code's family is HTML:
``tables.code_family_html``).

Functions take ``ax=None``, return the Axes and never call ``plt.show()``; their text summaries
are in ``careerlab.codes.text``.
"""
from __future__ import annotations

import textwrap

from careerlab.charting import BLUE, axes
from careerlab.codes.explore import hits_by_chapter


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
