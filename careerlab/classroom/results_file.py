"""Check one learner's results file (already read as bytes) and turn it into one flat record.

Pure logic: no file access here. ``parse_results`` raises ``ResultsFileError`` with a plain
reason when the whole file is unusable, and lists smaller problems (a value out of range) in
the record's ``notes`` while keeping the rest.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from careerlab.datafiles import loads_strict
from careerlab.errors import CareerlabError
from careerlab.progress import record
from careerlab.progress.record import RESULTS_FORMAT, ROLES
from careerlab.progress.record import TRAIT_IDS as TRAITS
from careerlab.progress.record import VERSION as RESULTS_VERSION

from .activities import activity_scores
from .safe import clean_text, short_repr

DEFAULT_NAMES = {"", "learner"}  # what an export says when the learner typed no name
MAX_LESSONS = 30  # knowledge-check sections in one file; the course has fewer than ten
NAME_CHARS, ID_CHARS = 80, 60  # longer names and ids are cut (a label has to fit a chart)


QUIZ_COLUMN = record.QUIZ_PREFIX  # a lesson's quiz score in the class table: "quiz:<lesson>", as in the record
# JSON that Python would accept but no careerlab export ever holds (NaN, 1e400, a 5,000-digit
# number, a key twice, nesting 100,000 deep) is refused with these reasons.
REFUSALS = {
    "constant": "it holds {} (NaN or Infinity), which a results file never holds",
    "huge": "it holds a number too large to be a score",
    "long": "it holds a number thousands of digits long, far too long to be a score",
    "deep": "it is nested far too deeply to be a results file",
    "twice": "the key {} appears twice in one place, so it is not clear which value counts",
}


class ResultsFileError(CareerlabError):
    """The file cannot be used at all; the message says why in plain words."""


def _key(key: str) -> str:
    return short_repr(key, 30)


def _score(value: Any) -> float | None:
    """A 0–100 score, or None when the value is not one."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if 0 <= value <= 100 else None


def _count(value: Any) -> int | None:
    """A count of questions, or None (no bank has a million questions; 10**400 would overflow
    the percentage)."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 1_000_000:
        return None
    return value


def decode(data: bytes) -> Any:
    """The JSON document in ``data``, or ResultsFileError saying why it is unreadable."""
    if not data.strip():
        raise ResultsFileError("the file is empty")
    try:
        return loads_strict(data.decode("utf-8-sig"), ResultsFileError, REFUSALS, show_key=_key)
    except UnicodeDecodeError as exc:
        raise ResultsFileError("it is not a text file (it may be damaged)") from exc
    except json.JSONDecodeError as exc:
        raise ResultsFileError(
            f"it is not readable JSON (damaged near line {exc.lineno}); ask the learner to "
            "export again") from exc


def check_document(doc: Any) -> dict[str, Any]:
    """The ``progress`` part of a results document, or ResultsFileError (foreign, wrong version)."""
    if not isinstance(doc, dict):
        raise ResultsFileError("it is JSON but not a careerlab results file")
    fmt = doc.get("format")
    if fmt == record.PROGRESS_FORMAT:
        raise ResultsFileError("it is a learner's saved-progress file, not an exported results "
                               "file; ask the learner to use Export in their progress panel")
    if fmt != RESULTS_FORMAT:
        raise ResultsFileError("it is JSON but not a careerlab results file")
    version = doc.get("version")
    if type(version) is not int or version != RESULTS_VERSION:  # not True, not 1.0
        raise ResultsFileError(f"it is a version {short_repr(version, 30)} results file; this "
                               f"dashboard reads version {RESULTS_VERSION}")
    progress = doc.get("progress")
    if not isinstance(progress, dict) or not all(isinstance(v, dict) for v in progress.values()):
        raise ResultsFileError("its progress part is missing or damaged")
    lessons = sum(record.is_quiz(key) for key in progress)
    if lessons > MAX_LESSONS:
        raise ResultsFileError(f"it has {lessons} knowledge-check lessons, far more than the "
                               "course has")
    return progress


def export_time(text: Any) -> datetime | None:
    """When the file was exported, in UTC (a time without a zone is taken as UTC); None when
    the file does not say; ResultsFileError when it says something that is not a real time.

    >>> export_time("2026-11-20T10:00:00+01:00"), export_time("")
    (datetime.datetime(2026, 11, 20, 9, 0, tzinfo=datetime.timezone.utc), None)
    """
    if text is None or text == "":
        return None
    try:
        stamp = datetime.fromisoformat(text)
        if stamp.tzinfo is None:
            return stamp.replace(tzinfo=timezone.utc)
        return stamp.astimezone(timezone.utc)  # +23:59 at year 1 is before year 1: OverflowError
    except (TypeError, ValueError, OverflowError):
        raise ResultsFileError(f"its export time {short_repr(text, 40)} is not a real date and "
                               "time") from None


def learner_name(doc: dict[str, Any]) -> str:
    """The name the learner gave (top-level ``learner``, else ``learner/name``), or ''."""
    named = doc.get(record.LEARNER), doc.get("progress", {}).get(record.LEARNER, {}).get(record.NAME)
    for value in named:
        if isinstance(value, str) and value.strip().lower() not in DEFAULT_NAMES:
            return clean_text(value, NAME_CHARS)
    return ""


def lesson_id(text: str) -> str:
    """A lesson or question id as one short line ("/" would split "lesson/question" keys).

    >>> lesson_id("01-two/roles\\n")
    '01-two-roles'
    """
    return clean_text(text, ID_CHARS).replace("/", "-")


def parse_results(data: bytes) -> dict[str, Any]:
    """One flat record from a results file's bytes (see module docstring).

    >>> rec = parse_results(b'{"format": "careerlab-results", "version": 1, "learner": "A",'
    ...     b' "progress": {"assessment": {"role_fit": {"coder": 70, "biller": 40}}}}')
    >>> rec["learner"], rec["fit:coder"], rec["notes"]
    ('A', 70.0, [])
    """
    doc = decode(data)
    progress = check_document(doc)
    notes: list[str] = []
    exported = doc.get("exported_at")
    export_time(exported)
    row: dict[str, Any] = {"learner": learner_name(doc),
                           "exported_at": clean_text(exported, 40) if exported else ""}
    assessment = progress.get(record.ASSESSMENT, {})
    for part, ids, prefix in ((record.TRAIT_SCORES, TRAITS, "trait:"), (record.ROLE_FIT, ROLES, "fit:")):
        values = assessment.get(part, {})
        if not isinstance(values, dict):
            notes.append(f"its {part.replace('_', ' ')} are damaged and were ignored")
            continue
        for key in ids:
            if key in values and _score(values[key]) is None:
                notes.append(f"{part.replace('_', ' ')} {key} = {short_repr(values[key])} is not "
                             "a score from 0 to 100 and was ignored")
            row[prefix + key] = _score(values.get(key))
    answers: dict[str, bool] = {}
    for section, entries in progress.items():
        if not record.is_quiz(section):
            continue
        lesson = lesson_id(record.lesson_of(section))
        correct = answered = 0
        ids = "".join(entries)  # checked once per lesson (in C), not once per question
        plain = ids.isprintable() and " " not in ids and max(map(len, entries), default=0) <= ID_CHARS
        for qid, entry in entries.items():
            if qid.startswith("_"):  # SCORE_KEY and any other non-question key
                continue
            if isinstance(entry, dict) and isinstance(entry.get("correct"), bool):
                answers[f"{lesson}/{qid if plain else clean_text(qid, ID_CHARS)}"] = \
                    entry["correct"]
                answered += 1
                correct += entry["correct"]
        score = entries.get(record.SCORE_KEY)
        total = answered
        if isinstance(score, dict):
            c, a, t = (_count(score.get(k)) for k in record.SCORE_SHAPE)
            if None in (c, a, t) or not c <= a <= t or t == 0:
                notes.append(f"the quiz score for {lesson} is damaged; counted its answers instead")
            else:
                correct, total = c, t
        row[QUIZ_COLUMN + lesson] = 100.0 * correct / total if total else None
    row.update(activity_scores(progress, notes))
    row["answers"] = answers
    row["notes"] = notes
    return row
