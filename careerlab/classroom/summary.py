"""Class-level summaries of the learners' results (pure pandas, no files, no widgets)."""
from __future__ import annotations

import pandas as pd

from .records import TRAITS

TRAIT_LABELS = {
    "numbers_money": "Numbers and money", "anatomy_medicine": "Anatomy and medicine",
    "decoding_detail": "Decoding detail", "people_service": "People and service",
    "independence": "Working independently", "clinical_team": "Clinical team setting",
    "rules_persistence": "Rules and persistence",
}  # the self-assessment's labels (data/assessment/traits.json); a test keeps them in step
LEANINGS = ("leans to coding", "about equal", "leans to billing", "not taken yet")
LEAN_MARGIN = 5.0  # role-fit points; a smaller gap is "about equal", as in the self-assessment


def quiz_lessons(df: pd.DataFrame) -> list[str]:
    """The quiz lessons that appear in the class's results, in lesson order."""
    return sorted(c[len("quiz:"):] for c in df.columns if c.startswith("quiz:"))


def leaning(coder: float | None, biller: float | None, margin: float = LEAN_MARGIN) -> str:
    """Which role a learner's role-fit scores lean to.

    >>> leaning(72, 60), leaning(50, 53), leaning(None, 40)
    ('leans to coding', 'about equal', 'not taken yet')
    """
    if coder is None or biller is None or pd.isna(coder) or pd.isna(biller):
        return LEANINGS[3]
    gap = float(coder) - float(biller)
    return LEANINGS[0] if gap >= margin else LEANINGS[2] if gap <= -margin else LEANINGS[1]


def trait_summary(df: pd.DataFrame) -> pd.DataFrame:
    """Per trait: how many learners have a score, and the class mean, lowest and highest."""
    rows = []
    for t in TRAITS:
        col = df.get(f"trait:{t}", pd.Series(dtype=float)).astype(float)
        rows.append({"trait": t, "label": TRAIT_LABELS[t], "learners": int(col.notna().sum()),
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
        col = df[f"quiz:{lesson}"].astype(float)
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
                  + [f"quiz:{lesson}" for lesson in quiz_lessons(src)])
    for col in score_cols:
        table[col] = src[col].astype(float).round(1)
    mean = {"learner": "Class mean", "leaning": ""}
    mean.update({col: round(float(src[col].astype(float).mean()), 1) for col in score_cols})
    return pd.concat([table, pd.DataFrame([mean])], ignore_index=True)


def results_preview(df: pd.DataFrame, rows: int = 3) -> pd.DataFrame:
    """The first ``rows`` learners of the results table as it reads best on screen: no file or
    answers columns, scores to one decimal ("–" if not done yet), export time to the minute."""
    out = df.drop(columns=["file", "answers"], errors="ignore").head(rows).copy()
    if "exported_at" in out:
        out["exported_at"] = [str(t)[:16].replace("T", " ") for t in out["exported_at"]]
    for col in out.columns:
        if col.startswith(("trait:", "fit:", "quiz:")):
            out[col] = ["–" if pd.isna(v) else f"{float(v):.1f}" for v in out[col]]
    return out


def describe_traits(df: pd.DataFrame) -> str:
    """One sentence: the traits with the highest and lowest class mean."""
    s = trait_summary(df).dropna(subset=["mean"])
    if s.empty:
        return "No learner in these results has taken the self-assessment yet."
    hi, lo = s["mean"].idxmax(), s["mean"].idxmin()
    return (f"{int(s['learners'].max())} learners have trait scores. The class is highest on "
            f"{s.loc[hi, 'label']} (mean {s.loc[hi, 'mean']:.0f} of 100) and lowest on "
            f"{s.loc[lo, 'label']} (mean {s.loc[lo, 'mean']:.0f}); each dot is one learner.")


def describe_split(df: pd.DataFrame) -> str:
    """One sentence giving the role-fit split in numbers."""
    n = role_fit_split(df)
    return (f"Of {int(n.sum())} learners: leaning to coding {n[LEANINGS[0]]}, leaning to "
            f"billing {n[LEANINGS[2]]}, about equal {n[LEANINGS[1]]} (fits less than "
            f"{LEAN_MARGIN:.0f} points apart), self-assessment not taken yet {n[LEANINGS[3]]}.")


def describe_quizzes(df: pd.DataFrame, lessons: list[str] | None = None) -> str:
    """One sentence per quiz lesson: mean score and how many learners took it; with ``lessons``
    (every lesson that has a knowledge check), also the ones nobody has answered yet."""
    q = quiz_summary(df)
    if q.empty:
        return "No learner in these results has answered a knowledge check yet."
    parts = [f"{r.Index}: mean {r.mean:.0f} % ({r.learners} learners)" for r in q.itertuples()]
    text = "Knowledge-check scores by lesson: " + "; ".join(parts) + "."
    absent = sorted(set(lessons or ()) - set(q.index))
    if absent:
        text += (f" No learner in these results has answered the knowledge check of "
                 f"{' and '.join([', '.join(absent[:-1]), absent[-1]] if len(absent) > 1 else absent)} yet, so the chart has no bar for "
                 f"{'it' if len(absent) == 1 else 'them'}.")
    return text


def describe_missed(df: pd.DataFrame, top: int = 3, prompts: dict[str, str] | None = None) -> str:
    """One sentence naming the questions most often missed (by their text when ``prompts`` has it)."""
    from .views import short_prompt

    m = most_missed(df, top=top, prompts=prompts)
    if m.empty:
        return "No question was missed by anyone."
    names = ([f"“{short_prompt(p, 80)}” ({q})" if p else q for q, p in zip(m["question"], m["prompt"])]
             if prompts is not None else list(m["question"]))
    parts = [f"{name} in {r.lesson} ({r.missed} of {r.attempts} missed it)"
             for name, r in zip(names, m.itertuples())]
    return "Most often missed: " + "; ".join(parts) + ". Go over these together in class."
