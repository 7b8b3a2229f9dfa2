"""Class-level summaries of the learners' results (pure pandas, no files, no widgets).

The sentences that say them are in ``text.py``, the tables an instructor reads in ``tables.py``.
"""
from __future__ import annotations

import pandas as pd

from careerlab.assessment import trait_labels
from careerlab.assessment.model import CLOSE_MARGIN

from .activities import ACTIVITY_COLUMN
from .results_file import QUIZ_COLUMN, TRAITS

LEANINGS = ("leans to coding", "about equal", "leans to billing", "not taken yet")


def quiz_lessons(df: pd.DataFrame) -> list[str]:
    """The quiz lessons that appear in the class's results, in lesson order."""
    return sorted(c[len(QUIZ_COLUMN):] for c in df.columns if c.startswith(QUIZ_COLUMN))


def leaning(coder: float | None, biller: float | None, margin: float = CLOSE_MARGIN) -> str:
    """Which role a learner's role-fit scores lean to (less than ``margin`` apart: "about
    equal", the self-assessment's own margin).

    >>> leaning(72, 60), leaning(50, 53), leaning(None, 40)
    ('leans to coding', 'about equal', 'not taken yet')
    """
    if coder is None or biller is None or pd.isna(coder) or pd.isna(biller):
        return LEANINGS[3]
    gap = float(coder) - float(biller)
    return LEANINGS[0] if gap >= margin else LEANINGS[2] if gap <= -margin else LEANINGS[1]


def trait_summary(df: pd.DataFrame) -> pd.DataFrame:
    """Per trait: how many learners have a score, and the class mean, lowest and highest."""
    rows, labels = [], trait_labels()
    for t in TRAITS:
        col = df.get(f"trait:{t}", pd.Series(dtype=float)).astype(float)
        rows.append({"trait": t, "label": labels[t], "learners": int(col.notna().sum()),
                     "mean": col.mean(), "min": col.min(), "max": col.max()})
    return pd.DataFrame(rows).set_index("trait")


def role_fit_split(df: pd.DataFrame) -> pd.Series:
    """How many learners lean to coding, lean to billing, are about equal, or have no result."""
    leans = [leaning(c, b) for c, b in zip(df.get("fit:coder", []), df.get("fit:biller", []))]
    return pd.Series(leans, dtype=object).value_counts().reindex(LEANINGS, fill_value=0) \
        .astype(int).rename("learners")


def quiz_summary(df: pd.DataFrame) -> pd.DataFrame:
    """Per quiz lesson someone took: how many learners, their mean and median score (percent)."""
    rows = []
    for lesson in quiz_lessons(df):
        col = df[QUIZ_COLUMN + lesson].astype(float)
        if col.notna().sum() == 0:
            continue
        rows.append({"lesson": lesson, "learners": int(col.notna().sum()),
                     "mean": col.mean(), "median": col.median()})
    return pd.DataFrame(rows, columns=["lesson", "learners", "mean", "median"]).set_index("lesson")


def most_missed(df: pd.DataFrame, top: int = 10,
                prompts: dict[str, str] | None = None) -> pd.DataFrame:
    """The questions most often answered wrongly: lesson, question, attempts, missed, share
    (and the question's ``prompt`` when ``prompts`` maps "lesson/id" to its text)."""
    attempts: dict[str, int] = {}
    missed: dict[str, int] = {}
    for answers in df.get("answers", []):
        for key, correct in (answers or {}).items():
            attempts[key] = attempts.get(key, 0) + 1
            missed[key] = missed.get(key, 0) + (not correct)
    rows = [{"lesson": k.split("/", 1)[0], "question": k.split("/", 1)[1],
             "attempts": attempts[k], "missed": missed[k], "missed_share": missed[k] / attempts[k]}
            for k in attempts]
    table = pd.DataFrame(rows, columns=["lesson", "question", "attempts", "missed", "missed_share"])
    table = table[table["missed"] > 0]
    table = table.sort_values(["missed_share", "missed", "lesson", "question"],
                              ascending=[False, False, True, True]).head(top).reset_index(drop=True)
    if prompts is not None:
        table["prompt"] = [prompts.get(f"{les}/{q}", "") for les, q in
                           zip(table["lesson"], table["question"])]
    return table


def hide_names(df: pd.DataFrame) -> pd.DataFrame:
    """A copy with learners renamed "Learner 1", "Learner 2"... and file names removed."""
    out = df.copy()
    width = len(str(len(out)))
    out["learner"] = [f"Learner {i:0{width}d}" for i in range(1, len(out) + 1)]
    out["file"] = ""
    return out


def class_table(df: pd.DataFrame, *, names: bool = False) -> pd.DataFrame:
    """One row per learner (names hidden unless ``names``), then a "Class mean" row."""
    src = df if names else hide_names(df)
    table = pd.DataFrame({"learner": src["learner"]})
    table["leaning"] = [leaning(c, b) for c, b in zip(src["fit:coder"], src["fit:biller"])]
    score_cols = ([f"fit:{r}" for r in ("coder", "biller")] + [f"trait:{t}" for t in TRAITS]
                  + [QUIZ_COLUMN + lesson for lesson in quiz_lessons(src)]
                  + [c for c in src.columns if c.startswith(ACTIVITY_COLUMN)])
    for col in score_cols:
        table[col] = src[col].astype(float).round(1)
    mean = {"learner": "Class mean", "leaning": ""}
    mean.update({col: round(float(src[col].astype(float).mean()), 1) for col in score_cols})
    return pd.concat([table, pd.DataFrame([mean])], ignore_index=True)
