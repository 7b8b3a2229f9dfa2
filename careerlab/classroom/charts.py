"""Charts of a class's results: traits, role-fit split, quiz scores, questions most missed."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from careerlab.charting import BLUE, GREEN, GREY, ORANGE, SKY, VERMILLION, axes

from .summary import LEANINGS, most_missed, quiz_summary, role_fit_split, trait_summary
from .text import short_prompt

SIZE = (7, 4)  # inches, for a chart drawn on its own
# Lesson and question ids come from learners' files: shown as typed, never read as maths
# ("$x$" would be typeset, and "$\frac{$" would stop the chart from drawing at all).
PLAIN = {"parse_math": False}
LABEL_WIDTH = 36  # characters on each of the two lines of a missed question's label


def _no_data(ax: Any, title: str, what: str) -> Any:
    ax.set_title(title, fontsize=12)
    ax.text(0.5, 0.5, f"No {what} in these results yet", ha="center", va="center",
            fontsize=11, transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def trait_chart(df: pd.DataFrame, ax: Any = None) -> Any:
    """Each learner's trait scores as dots, one row per trait, with the class mean as a diamond and, in a
    column at the right, as a number."""
    ax = axes(ax, SIZE)
    s = trait_summary(df)
    title = "Trait scores across the class"
    if s["learners"].sum() == 0:
        return _no_data(ax, title, "self-assessment scores")
    rng = np.random.default_rng(0)  # a fixed jitter so dots on the same score stay visible
    for i, trait in enumerate(s.index):
        scores = df[f"trait:{trait}"].astype(float).dropna().to_numpy()
        ax.scatter(scores, i + rng.uniform(-0.22, 0.22, scores.size), s=22, color=SKY,
                   edgecolor=BLUE, linewidth=0.6, label="One learner" if i == 0 else None)
    y = np.arange(len(s))
    ax.scatter(s["mean"], y, marker="D", s=70, color=ORANGE, edgecolor="black", zorder=3,
               label="Class mean")
    # The means as numbers in a column of their own at the right of the chart: above the diamond they
    # sat among the row's dots (scores near the mean are the commonest), and were hard to read.
    beside = ax.get_yaxis_transform()  # x in axes fractions, y in rows
    ax.text(1.03, -0.7, "Mean", transform=beside, ha="left", va="bottom", fontsize=10, clip_on=False)
    for yi, m in zip(y, s["mean"]):
        if pd.notna(m):
            ax.text(1.03, yi, f"{m:.0f}", transform=beside, ha="left", va="center", fontsize=10,
                    fontweight="bold", clip_on=False)
    ax.set_yticks(y, s["label"], fontsize=10)
    ax.set_ylim(len(s) - 0.5, -0.7)
    ax.set_xlim(0, 100)
    ax.tick_params(axis="x", labelsize=10)
    ax.grid(axis="x", alpha=0.3)
    ax.set_xlabel("Score (0–100)", fontsize=11)
    ax.set_title(title, fontsize=12)
    ax.legend(fontsize=10, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2)
    return ax


def role_fit_chart(df: pd.DataFrame, ax: Any = None) -> Any:
    """How many learners lean to coding, to billing, neither, or have no result yet."""
    ax = axes(ax, SIZE)
    split = role_fit_split(df)
    colours, hatches = (BLUE, GREEN, ORANGE, GREY), ("//", "..", "\\\\", "")
    labels = ["Leans to\ncoding", "About\nequal", "Leans to\nbilling", "Not taken\nyet"]
    bars = ax.bar(labels, split.to_numpy(), color=colours, hatch=hatches, edgecolor="white")
    ax.bar_label(bars, fontsize=10, padding=2)
    ax.set_ylabel("Learners", fontsize=11)
    ax.set_xlabel("Role-fit result", fontsize=11)
    ax.tick_params(labelsize=10)
    ax.set_title("Which role the class leans to", fontsize=12)
    ax.set_ylim(0, max(1, split.max()) * 1.2)
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    return ax


def _lesson_label(lesson: str) -> str:
    """A lesson id as short lines under a bar: its number, then its words wrapped."""
    import textwrap

    def short(word: str, width: int) -> str:  # an id from a file may hold one very long word
        return word if len(word) <= width else word[: width - 1] + "…"

    number, _, words = lesson.partition("-")
    words = " ".join(short(w, 11) for w in words.replace("-", " ").split())
    lines = textwrap.wrap(words, 9, break_long_words=False)
    lines = lines if len(lines) <= 3 else lines[:2] + [short(lines[2], 9) + "…"]
    return "\n".join([short(number, 6)] + lines)


def quiz_chart(df: pd.DataFrame, ax: Any = None) -> Any:
    """Mean quiz score per lesson, each bar labelled with the score and how many learners."""
    ax = axes(ax, SIZE)
    q = quiz_summary(df)
    title = "Knowledge-check scores by lesson"
    if q.empty:
        return _no_data(ax, title, "quiz answers")
    bars = ax.bar(range(len(q)), q["mean"].fillna(0), width=0.6, color=BLUE, hatch="//",
                  edgecolor="white")
    ax.set_xlim(-0.7, max(len(q), 4) - 0.3)
    size = 10 if len(q) <= 8 else 7  # the course has 8 lessons; more bars need smaller labels
    ax.bar_label(bars, labels=[f"{m:.0f} %\n(n={n})" for m, n in zip(q["mean"], q["learners"])],
                 fontsize=size, padding=2)
    ax.set_xticks(range(len(q)), [_lesson_label(lesson) for lesson in q.index], fontsize=size,
                  **PLAIN)
    ax.set_ylim(0, 120)
    ax.set_yticks(range(0, 101, 20))
    ax.set_ylabel("Mean score (%)", fontsize=11)
    ax.set_xlabel("Lesson", fontsize=11)
    ax.set_title(title, fontsize=12)
    return ax


def missed_chart(df: pd.DataFrame, ax: Any = None, top: int = 8,
                 prompts: dict[str, str] | None = None) -> Any:
    """The questions most often missed: share of attempts that were wrong, labelled with the
    lesson number and the question's short text (its id when ``prompts`` does not have it)."""
    ax = axes(ax, SIZE)
    m = most_missed(df, top=top)
    title = "Questions most often missed"
    if m.empty:
        return _no_data(ax, title, "missed questions")
    y = np.arange(len(m))
    bars = ax.barh(y, 100 * m["missed_share"], color=VERMILLION, hatch="xx", edgecolor="white")
    # The bars are the share wrong, so the labels count the wrong answers too ("21 of 31 wrong").
    ax.bar_label(bars, labels=[f"{b} of {a} wrong" for a, b in zip(m["attempts"], m["missed"])],
                 fontsize=10, padding=2)
    ax.set_yticks(y, [_question_label(les, q, prompts) for les, q in zip(m["lesson"], m["question"])],
                  fontsize=9 if prompts else 10, **PLAIN)
    ax.invert_yaxis()
    ax.set_xlim(0, 125)
    ax.set_xticks(range(0, 101, 25))
    ax.set_xlabel("Learners who answered wrongly (%)", fontsize=11)
    ax.set_title(title, fontsize=12)
    return ax


def _question_label(lesson: str, question: str, prompts: dict[str, str] | None) -> str:
    """ "02 · Which of these are HCPCS Level II codes?" on at most two lines, or "02 · q-coder-3"."""
    import textwrap

    text = short_prompt((prompts or {}).get(f"{lesson}/{question}", ""), 80)
    return textwrap.fill(f"{lesson[:2]} · {text or question}", LABEL_WIDTH, max_lines=2,
                         placeholder=" …")


def dashboard_figure(df: pd.DataFrame, fig: Any = None, prompts: dict[str, str] | None = None) -> Any:
    """All four charts on one 2×2 figure (a new one, or ``fig`` cleared and redrawn)."""
    if fig is None:
        import matplotlib.pyplot as plt

        fig = plt.figure(figsize=(14, 10))
    fig.clear()
    # A fixed layout: the constrained layout engine would make every redraw much slower. The
    # bottom row has its own grid with a wide gap: the missed questions' labels (two lines of
    # at most LABEL_WIDTH characters) sit in it, clear of the knowledge-check bars.
    top = fig.add_gridspec(1, 2, left=0.13, right=0.97, bottom=0.62, top=0.96, wspace=0.3)
    bottom = fig.add_gridspec(1, 2, left=0.06, right=0.97, bottom=0.1, top=0.44, wspace=0.8)
    grid = {(0, 0): fig.add_subplot(top[0, 0]), (0, 1): fig.add_subplot(top[0, 1]),
            (1, 0): fig.add_subplot(bottom[0, 0]), (1, 1): fig.add_subplot(bottom[0, 1])}
    trait_chart(df, ax=grid[0, 0])
    role_fit_chart(df, ax=grid[0, 1])
    quiz_chart(df, ax=grid[1, 0])
    missed_chart(df, ax=grid[1, 1], prompts=prompts)
    return fig


__all__ = ["trait_chart", "role_fit_chart", "quiz_chart", "missed_chart", "dashboard_figure",
           "LEANINGS"]


def live_chart(counts: Any, ax: Any = None) -> Any:
    """The class's answers to one question (``live.count_answers``): one bar per answer, the right
    one(s) striped and labelled "right", each bar labelled with its count; no bars below the threshold."""
    import textwrap

    from .live import MIN_ANSWERS

    ax = axes(ax, SIZE)
    title = "\n".join(textwrap.wrap(f"{counts.question_id}: {counts.prompt}", 62)[:3])
    if not counts.enough:
        ax.set_title(title, fontsize=12, **PLAIN)
        ax.text(0.5, 0.5, f"Not enough answers yet ({counts.answered} of the {MIN_ANSWERS} needed)", ha="center", va="center", fontsize=13,
                transform=ax.transAxes)
        ax.set_xticks([])
        ax.set_yticks([])
        return ax
    rows = counts.rows
    y = np.arange(len(rows))
    for yi, row in zip(y, rows):
        ax.barh(yi, row.learners, color=GREEN if row.right else GREY, edgecolor="black",
                hatch="//" if row.right else None, height=0.6)
        ax.annotate(f"{row.learners}" + ("  (right)" if row.right else ""), (row.learners, yi),
                    xytext=(4, 0), textcoords="offset points", va="center", fontsize=11,
                    fontweight="bold" if row.right else "normal")
    labels = ["\n".join(textwrap.wrap(r.answer, LABEL_WIDTH)[:2]) for r in rows]
    ax.set_yticks(y, labels, fontsize=10, **PLAIN)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(0, max(r.learners for r in rows) * 1.3 + 1)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("Learners who chose it", fontsize=11)
    ax.set_title(title, fontsize=12, **PLAIN)
    ax.grid(axis="x", alpha=0.3)
    return ax
