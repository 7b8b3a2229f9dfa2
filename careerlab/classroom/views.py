"""Tables and labels of the class results as an instructor reads them: plain words, percentages."""
from __future__ import annotations

import textwrap

import pandas as pd

from .summary import TRAIT_LABELS, most_missed, results_preview

_FIT = {"coder": "Coding fit", "biller": "Billing fit"}
_PLAIN = {"learner": "Learner", "exported_at": "Exported", "lesson": "Lesson",
          "question": "Question id", "prompt": "Question", "attempts": "Answered",
          "missed": "Missed", "missed_share": "Missed (%)"}


def column_label(column: str) -> str:
    """A results-table column in plain words.

    >>> column_label("trait:numbers_money"), column_label("fit:coder"), column_label("quiz:02-the-medical-coder")
    ('Numbers and money', 'Coding fit', 'Quiz 02 (%)')
    """
    kind, _, name = column.partition(":")
    if kind == "trait" and name in TRAIT_LABELS:
        return TRAIT_LABELS[name]
    if kind == "fit" and name in _FIT:
        return _FIT[name]
    if kind == "quiz" and name:
        return f"Quiz {name[:2]} (%)"
    return _PLAIN.get(column, column)


def results_table(df: pd.DataFrame, rows: int = 3) -> pd.DataFrame:
    """The first ``rows`` learners (see ``results_preview``) with plain column names, rows from 1."""
    out = results_preview(df, rows=rows)
    out.columns = [column_label(str(c)) for c in out.columns]
    out.index = range(1, len(out) + 1)
    return out


def short_prompt(text: str, width: int = 60) -> str:
    """A question's prompt short enough for a chart label ("Choose all that apply." dropped).

    >>> short_prompt("Which of these are HCPCS Level II codes? Choose all that apply.")
    'Which of these are HCPCS Level II codes?'
    """
    text = " ".join(str(text).replace("Choose all that apply.", "").split())
    return textwrap.shorten(text, width, placeholder="…") if text else ""


def missed_table(df: pd.DataFrame, top: int = 5, prompts: dict[str, str] | None = None) -> pd.DataFrame:
    """The most-missed questions with plain headings, the share missed as a percentage, rows from 1."""
    m = most_missed(df, top=top, prompts=prompts)
    m["missed_share"] = [f"{100 * s:.0f} %" for s in m["missed_share"]]
    order = [c for c in ("lesson", "prompt", "missed_share", "missed", "attempts", "question") if c in m]
    m = m[order]
    m.columns = [column_label(str(c)) for c in m.columns]
    m.index = range(1, len(m) + 1)
    return m
