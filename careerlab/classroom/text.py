"""The class results in words for an instructor: column labels, short prompts, and the sentence
that says what each chart of the dashboard shows (``describe_*``)."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pandas as pd

from careerlab.assessment import trait_labels
from careerlab.assessment.model import CLOSE_MARGIN

from .activities import LABELS as ACTIVITY_LABELS
from .results_file import QUIZ_COLUMN
from .summary import LEANINGS, most_missed, quiz_summary, role_fit_split, trait_summary

_FIT = {"coder": "Coding fit", "biller": "Billing fit"}
_PLAIN = {"learner": "Learner", "exported_at": "Exported", "lesson": "Lesson",
          "question": "Question id", "prompt": "Question", "attempts": "Answered",
          "missed": "Missed", "missed_share": "Missed (%)"}


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """A count with its noun in the right number.

    >>> counted(1, "learner"), counted(2, "learner"), counted(0, "file")
    ('1 learner', '2 learners', '0 files')
    """
    n = int(n)
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


def describe_loaded(df: pd.DataFrame, folder_name: str = "") -> str:
    """The sentence after loading: how many learners, and from which folder.

    >>> describe_loaded(pd.DataFrame({"learner": ["Ana"]}), "class-sample")
    'Loaded 1 learner from the folder class-sample.'
    """
    where = f" from the folder {folder_name}" if folder_name else ""
    return f"Loaded {counted(len(df), 'learner')}{where}."


def column_label(column: str) -> str:
    """A results-table column in plain words.

    >>> column_label("trait:numbers_money"), column_label("fit:coder"), column_label("quiz:02-the-medical-coder")
    ('Numbers and money', 'Coding fit', 'Quiz 02 (%)')
    """
    kind, _, name = column.partition(":")
    labels = trait_labels() if kind == "trait" else {}
    if name in labels:
        return labels[name]
    if kind == "fit" and name in _FIT:
        return _FIT[name]
    if column in ACTIVITY_LABELS:
        return f"{ACTIVITY_LABELS[column]} (%)"
    if kind + ":" == QUIZ_COLUMN and name:
        return f"Quiz {name[:2]} (%)"
    return _PLAIN.get(column, column)


def short_prompt(text: str, width: int = 60) -> str:
    """A question's prompt short enough for a chart label ("Choose all that apply." dropped).

    >>> short_prompt("Which of these are HCPCS Level II codes? Choose all that apply.")
    'Which of these are HCPCS Level II codes?'
    """
    text = " ".join(str(text).replace("Choose all that apply.", "").split())
    return textwrap.shorten(text, width, placeholder="…") if text else ""


def saved_summary_text(saved: Path, hidden: bool = True) -> str:
    """Where the class summary went, as the instructor finds it (never the server's path).

    >>> saved_summary_text(Path("/srv/x/my-results/class-summary-1.csv"))
    'Saved the class summary (names hidden) as my-results/class-summary-1.csv, in the my-results folder beside this notebook (the file browser on the left shows it).'
    """
    names = "names hidden" if hidden else "names shown"
    return (f"Saved the class summary ({names}) as {saved.parent.name}/{saved.name}, in the "
            f"{saved.parent.name} folder beside this notebook (the file browser on the left shows it).")


def describe_traits(df: pd.DataFrame, dots: bool = True) -> str:
    """One sentence: the traits with the highest and lowest class mean; ``dots`` (the trait chart is
    shown beside it) adds that each dot is one learner."""
    each = "; each dot is one learner." if dots else "."
    s = trait_summary(df).dropna(subset=["mean"])
    if s.empty:
        return "No learner in these results has taken the self-assessment yet."
    hi, lo = s["mean"].idxmax(), s["mean"].idxmin()
    n = int(s["learners"].max())
    if len(s) == 1:
        return (f"{counted(n, 'learner')} {'has' if n == 1 else 'have'} trait scores, on "
                f"{s.loc[hi, 'label']} only (class mean {s.loc[hi, 'mean']:.0f} of 100){each}")
    if round(s.loc[hi, "mean"]) == round(s.loc[lo, "mean"]):  # "highest on X and lowest on X" says nothing
        return (f"{counted(n, 'learner')} {'has' if n == 1 else 'have'} trait scores. The class mean is "
                f"{s.loc[hi, 'mean']:.0f} of 100 on every trait{each}")
    return (f"{counted(n, 'learner')} {'has' if n == 1 else 'have'} trait scores. The class is highest on "
            f"{s.loc[hi, 'label']} (mean {s.loc[hi, 'mean']:.0f} of 100) and lowest on "
            f"{s.loc[lo, 'label']} (mean {s.loc[lo, 'mean']:.0f}){each}")


def describe_split(df: pd.DataFrame) -> str:
    """One sentence giving the role-fit split in numbers."""
    n = role_fit_split(df)
    return (f"Of {counted(n.sum(), 'learner')}: leaning to coding {n[LEANINGS[0]]}, leaning to "
            f"billing {n[LEANINGS[2]]}, about equal {n[LEANINGS[1]]} (fits less than "
            f"{CLOSE_MARGIN:.0f} points apart), self-assessment not taken yet {n[LEANINGS[3]]}.")


def describe_quizzes(df: pd.DataFrame, lessons: list[str] | None = None) -> str:
    """One sentence per quiz lesson: mean score and how many learners took it; with ``lessons``
    (every lesson that has a knowledge check), also the ones nobody has answered yet."""
    q = quiz_summary(df)
    if q.empty:
        return "No learner in these results has answered a knowledge check yet."
    parts = [f"{r.Index}: mean {r.mean:.0f} % ({counted(r.learners, 'learner')})" for r in q.itertuples()]
    text = "Knowledge-check scores by lesson: " + "; ".join(parts) + "."
    absent = sorted(set(lessons or ()) - set(q.index))
    if absent:
        text += (f" No learner in these results has answered the knowledge check of "
                 f"{' and '.join([', '.join(absent[:-1]), absent[-1]] if len(absent) > 1 else absent)} yet, so the chart has no bar for "
                 f"{'it' if len(absent) == 1 else 'them'}.")
    return text


def describe_missed(df: pd.DataFrame, top: int = 3, prompts: dict[str, str] | None = None) -> str:
    """One sentence naming the questions most often missed (by their text when ``prompts`` has it)."""
    m = most_missed(df, top=top, prompts=prompts)
    if m.empty:
        return "No question was missed by anyone."
    names = ([f"“{short_prompt(p, 80)}” ({q})" if p else q for q, p in zip(m["question"], m["prompt"])]
             if prompts is not None else list(m["question"]))
    parts = [f"{name} in {r.lesson} ({r.missed} of {r.attempts} missed it)"
             for name, r in zip(names, m.itertuples())]
    return "Most often missed: " + "; ".join(parts) + ". Go over these together in class."


def describe_live(counts) -> str:
    """One sentence on the class's live answers to one question (``live.count_answers``), no names."""
    from .live import MIN_ANSWERS

    if not counts.enough:
        have = "No learner has" if counts.answered == 0 else (
            f"{counts.answered} learner{' has' if counts.answered == 1 else 's have'}")
        return (f"Not enough answers yet: {have} shared an answer to this question. The counts "
                f"show from {MIN_ANSWERS} answers, so that no one's answer can be picked out.")
    tick = " (each learner may tick several)" if counts.multiple else ""
    return (f"{counts.answered} learners shared an answer{tick}; {counts.correct} of {counts.answered} "
            "answered it right.")
