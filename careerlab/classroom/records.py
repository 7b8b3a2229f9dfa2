"""Check one learner's results file (already read as bytes) and turn it into one flat record.

Pure logic: no file access here. ``parse_results`` raises ``ResultsFileError`` with a plain
reason when the whole file is unusable, and lists smaller problems (a value out of range) in
the record's ``notes`` while keeping the rest.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from .safe import UnsafeJSON, clean_text, loads_strict, short_repr
from careerlab.errors import CareerlabError
from careerlab.progress.record import RESULTS_FORMAT, ROLES
from careerlab.progress.record import TRAIT_IDS as TRAITS
from careerlab.progress.record import VERSION as RESULTS_VERSION

DEFAULT_NAMES = {"", "learner"}  # what an export says when the learner typed no name
MAX_LESSONS = 30  # knowledge-check sections in one file; the course has fewer than ten
NAME_CHARS, ID_CHARS = 80, 60  # longer names and ids are cut (a label has to fit a chart)


class ResultsFileError(CareerlabError):
    """The file cannot be used at all; the message says why in plain words."""


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
        return loads_strict(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ResultsFileError("it is not a text file (it may be damaged)") from exc
    except json.JSONDecodeError as exc:
        raise ResultsFileError(
            f"it is not readable JSON (damaged near line {exc.lineno}); ask the learner to "
            "export again") from exc
    except UnsafeJSON as exc:
        raise ResultsFileError(str(exc)) from exc


def check_document(doc: Any) -> dict[str, Any]:
    """The ``progress`` part of a results document, or ResultsFileError (foreign, wrong version)."""
    if not isinstance(doc, dict):
        raise ResultsFileError("it is JSON but not a careerlab results file")
    fmt = doc.get("format")
    if fmt == "careerlab-progress":
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
    lessons = sum(key.startswith("quiz:") for key in progress)
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
    for value in (doc.get("learner"), doc.get("progress", {}).get("learner", {}).get("name")):
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
    record: dict[str, Any] = {"learner": learner_name(doc),
                              "exported_at": clean_text(exported, 40) if exported else ""}
    assessment = progress.get("assessment", {})
    for part, ids, prefix in (("trait_scores", TRAITS, "trait:"), ("role_fit", ROLES, "fit:")):
        values = assessment.get(part, {})
        if not isinstance(values, dict):
            notes.append(f"its {part.replace('_', ' ')} are damaged and were ignored")
            continue
        for key in ids:
            if key in values and _score(values[key]) is None:
                notes.append(f"{part.replace('_', ' ')} {key} = {short_repr(values[key])} is not "
                             "a score from 0 to 100 and was ignored")
            record[prefix + key] = _score(values.get(key))
    answers: dict[str, bool] = {}
    for section, entries in progress.items():
        if not section.startswith("quiz:"):
            continue
        lesson = lesson_id(section[len("quiz:"):])
        correct = answered = 0
        ids = "".join(entries)  # checked once per lesson (in C), not once per question
        plain = ids.isprintable() and " " not in ids and max(map(len, entries), default=0) <= ID_CHARS
        for qid, entry in entries.items():
            if qid.startswith("_"):
                continue
            if isinstance(entry, dict) and isinstance(entry.get("correct"), bool):
                answers[f"{lesson}/{qid if plain else clean_text(qid, ID_CHARS)}"] = \
                    entry["correct"]
                answered += 1
                correct += entry["correct"]
        score = entries.get("_score")
        total = answered
        if isinstance(score, dict):
            c, a, t = (_count(score.get(k)) for k in ("correct", "answered", "total"))
            if None in (c, a, t) or not c <= a <= t or t == 0:
                notes.append(f"the quiz score for {lesson} is damaged; counted its answers instead")
            else:
                correct, total = c, t
        record[f"quiz:{lesson}"] = 100.0 * correct / total if total else None
    record["answers"] = answers
    record["notes"] = notes
    return record
