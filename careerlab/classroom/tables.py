"""Tables of the class results as an instructor reads them: plain words, percentages."""
from __future__ import annotations

import pandas as pd

from .activities import ACTIVITY_COLUMN
from .results_file import QUIZ_COLUMN
from .summary import most_missed
from .text import column_label


def results_preview(df: pd.DataFrame, rows: int = 3) -> pd.DataFrame:
    """The first ``rows`` learners of the results table as it reads best on screen: no file or
    answers columns, scores to one decimal ("–" if not done yet), export time to the minute."""
    out = df.drop(columns=["file", "answers"], errors="ignore").head(rows).copy()
    if "exported_at" in out:
        out["exported_at"] = [str(t)[:16].replace("T", " ") for t in out["exported_at"]]
    for col in out.columns:
        if col.startswith(("trait:", "fit:", QUIZ_COLUMN, ACTIVITY_COLUMN)):
            out[col] = ["–" if pd.isna(v) else f"{float(v):.1f}" for v in out[col]]
    return out


def results_table(df: pd.DataFrame, rows: int = 3) -> pd.DataFrame:
    """The first ``rows`` learners (see ``results_preview``) with plain column names, rows from 1."""
    out = results_preview(df, rows=rows)
    out.columns = [column_label(str(c)) for c in out.columns]
    out.index = range(1, len(out) + 1)
    return out


def missed_table(df: pd.DataFrame, top: int = 5, prompts: dict[str, str] | None = None) -> pd.DataFrame:
    """The most-missed questions with plain headings, the share missed as a percentage, rows from 1."""
    m = most_missed(df, top=top, prompts=prompts)
    m["missed_share"] = [f"{100 * s:.0f} %" for s in m["missed_share"]]
    order = [c for c in ("lesson", "prompt", "missed_share", "missed", "attempts", "question") if c in m]
    m = m[order]
    m.columns = [column_label(str(c)) for c in m.columns]
    m.index = range(1, len(m) + 1)
    return m


def live_table(counts) -> pd.DataFrame:
    """The class's answers to one question as a table (empty below the threshold): answer,
    learners, share of the learners who answered, and whether it is the right answer."""
    rows = [(r.answer, r.learners, f"{100 * r.learners / counts.answered:.0f} %", "yes" if r.right else "")
            for r in counts.rows]
    out = pd.DataFrame(rows, columns=["Answer", "Learners", "Share", "Right answer"])
    out.index = range(1, len(out) + 1)
    return out
