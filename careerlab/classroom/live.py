"""Live class answers (lesson 07): for the question just asked, how many learners chose each answer.

Pure logic: the class's hand-ins (or a folder's results files) come in as (label, bytes) pairs and
go through the dashboard's own checks (``results_file.decode`` and ``check_document``), so a
damaged, foreign or hostile file is skipped with a plain reason. Only learners whose record says
``learner/share_live`` is exactly True are counted. What comes out holds counts and the texts of
the answers, never a name or a label, and no counts at all below ``MIN_ANSWERS`` answers.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any, Iterable, Mapping

from careerlab.progress.record import LEARNER, SHARE_LIVE, quiz_section
from careerlab.quiz import Question, grade
from careerlab.quiz.grading import read_number, show_number

from .load import LoadProblem
from .results_file import ResultsFileError, check_document, decode, export_time, learner_name
from .safe import file_label

__all__ = ["MIN_ANSWERS", "LiveCounts", "LiveRow", "count_answers", "shared_records", "shares_live"]

MIN_ANSWERS = 3  # fewer answers than this are never shown as counts: one answer would be one person's
OTHER_NUMBER = "another number"  # a number typed by only one learner is not shown as typed
OTHER_TEXT = "another answer"  # typed words are never shown (a learner may have typed anything)
_EARLIEST = datetime.min.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class LiveRow:
    """One answer and how many of the sharing learners gave it (``right``: it is the key, or in it)."""

    answer: str
    learners: int
    right: bool


@dataclass(frozen=True)
class LiveCounts:
    """The class's answers to one question: only counts, and only once ``enough``."""

    lesson: str
    question_id: str
    prompt: str
    answered: int  # learners who opted in and answered this question
    correct: int  # of them, how many answered it right (the whole answer, for a tick-all question)
    rows: tuple[LiveRow, ...]  # empty until ``enough``
    multiple: bool = False

    @property
    def enough(self) -> bool:
        return self.answered >= MIN_ANSWERS


def shares_live(progress: Mapping[str, Any]) -> bool:
    """Whether a record's learner opted in to the live view (exactly True; anything else is no)."""
    learner = progress.get(LEARNER)
    return isinstance(learner, dict) and learner.get(SHARE_LIVE) is True


def shared_records(items: Iterable[tuple[str, bytes]], *, one_per_name: bool = True
                   ) -> tuple[list[dict[str, Any]], int, list[LoadProblem]]:
    """(the progress of every learner who opted in, how many records did not opt in, problems).

    A file that cannot be used is skipped and named in ``problems`` (for the folder dashboard; the
    live view only says how many). An identical copy counts once; with ``one_per_name`` (a folder),
    only the newest export of each named learner counts, as in the dashboard.
    """
    problems: list[LoadProblem] = []
    seen: set[str] = set()
    kept: dict[str, tuple[datetime, dict[str, Any]]] = {}
    for number, (label, data) in enumerate(items):
        label = file_label(label)
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:
            problems.append(LoadProblem(label, "it is an identical copy of another file; skipped"))
            continue
        seen.add(digest)
        try:
            doc = decode(data)
            progress = check_document(doc)
            when = export_time(doc.get("exported_at")) or _EARLIEST
        except ResultsFileError as exc:
            problems.append(LoadProblem(label, f"{exc}; skipped"))
            continue
        name = learner_name(doc).casefold() if one_per_name else ""
        key = f"name:{name}" if name else f"record:{number}"
        if key not in kept or when > kept[key][0]:
            kept[key] = (when, progress)
    progresses = [progress for _when, progress in kept.values()]
    shared = [p for p in progresses if shares_live(p)]
    return shared, len(progresses) - len(shared), problems


def _number(answer: Any, unit: str) -> Decimal | None:
    value = read_number(answer, unit)
    return value if isinstance(value, Decimal) else None


def _given(question: Question, entry: Any) -> Any:
    """The saved answer if it has the shape the question's widget saves, else None."""
    if not isinstance(entry, dict) or "answer" not in entry:
        return None
    answer = entry["answer"]
    ids = {o.id for o in question.options}
    if question.type == "single":
        return answer if isinstance(answer, str) and answer in ids else None
    if question.type == "multiple":
        ok = isinstance(answer, list) and answer and all(isinstance(a, str) and a in ids for a in answer)
        return tuple(sorted(set(answer))) if ok else None
    if question.type == "numeric":
        return answer if isinstance(answer, (str, int, float)) and not isinstance(answer, bool) else None
    return answer if isinstance(answer, str) and answer.strip() else None


def _rows(question: Question, answers: list[Any]) -> tuple[LiveRow, ...]:
    if question.type in ("single", "multiple"):
        key = set(question.answer) if question.type == "multiple" else {question.answer}
        counts = {o.id: 0 for o in question.options}
        for answer in answers:
            for option in (answer if question.type == "multiple" else (answer,)):
                counts[option] += 1
        return tuple(LiveRow(o.text, counts[o.id], o.id in key) for o in question.options)
    if question.type == "numeric":
        right = _number(str(question.answer), question.unit)
        values: dict[Decimal | None, int] = {}
        for answer in answers:
            value = _number(answer, question.unit)
            values[value] = values.get(value, 0) + 1
        rows, other = [], 0
        for value, n in sorted(values.items(), key=lambda kv: (-kv[1], str(kv[0]))):
            if value is not None and (n >= 2 or value == right):
                rows.append(LiveRow(show_number(value, question.unit), n, grade(question, str(value)).correct))
            else:
                other += n
        return tuple(rows) + ((LiveRow(OTHER_NUMBER, other, False),) if other else ())
    good = sum(grade(question, a).correct for a in answers)
    return (LiveRow(question.accepted[0], good, True), LiveRow(OTHER_TEXT, len(answers) - good, False))


def count_answers(records: Iterable[Mapping[str, Any]], lesson: str, question: Question) -> LiveCounts:
    """How the sharing learners answered one question of a lesson (see ``LiveCounts``).

    >>> from careerlab.quiz import Option
    >>> q = Question("q-x-1", "single", "Pick", "", (Option("a", "A", ""), Option("b", "B", "")), "a")
    >>> rec = lambda ans: {"learner": {"share_live": True}, "quiz:L": {"q-x-1": {"answer": ans}}}
    >>> count_answers([rec("a"), rec("b")], "L", q).rows
    ()
    >>> [(r.answer, r.learners) for r in count_answers([rec("a"), rec("b"), rec("a")], "L", q).rows]
    [('A', 2), ('B', 1)]
    """
    section = quiz_section(lesson)
    answers = []
    for progress in records:
        if not shares_live(progress):
            continue
        entries = progress.get(section)
        given = _given(question, entries.get(question.id) if isinstance(entries, dict) else None)
        if given is not None:
            answers.append(given)
    correct = sum(grade(question, a).correct for a in answers)
    enough = len(answers) >= MIN_ANSWERS
    return LiveCounts(lesson, question.id, question.prompt, len(answers), correct if enough else 0,
                      _rows(question, answers) if enough else (), question.type == "multiple")
