"""Read a folder of learners' results files (read only: nothing in the folder is ever changed)."""
from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from careerlab.quiz import QuizBankError, lesson_bank_path, load_bank

from .folder import MAX_BYTES, SkippedFile, read_results_file, results_files
from .activities import ACTIVITY_COLUMN
from .results_file import QUIZ_COLUMN, ROLES, TRAITS, ResultsFileError, export_time, parse_results
from .safe import file_label

__all__ = ["LoadProblem", "load_class_documents", "load_class_results", "question_prompts", "read_folder",
           "results_files", "MAX_BYTES"]
log = logging.getLogger("careerlab")
BASE_COLUMNS = (["file", "learner", "exported_at"] + [f"trait:{t}" for t in TRAITS]
                + [f"fit:{r}" for r in ROLES])
UNEXPECTED = "it could not be used as a results file"  # only if a check above missed something
_EARLIEST = datetime.min.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class LoadProblem:
    """One file the dashboard skipped (or partly used), and why, in plain words."""

    file: str
    reason: str
    folder: bool = False  # the folder itself (missing, a file, unreadable): not one of its files

    def __str__(self) -> str:
        return f"{self.file}: {self.reason}"


def _folder_problem(folder: Path) -> list[LoadProblem] | None:
    """The one problem of a folder that is not there or not a folder (named, never its path), else None."""
    if folder.is_dir():
        return None
    reason = "this is a file, not a folder" if folder.exists() else "this folder does not exist"
    return [LoadProblem(file_label(folder.name or str(folder)), reason, folder=True)]


def _unreadable(folder: Path, exc: OSError) -> list[LoadProblem]:
    return [LoadProblem(file_label(folder.name or str(folder)),
                        f"this folder could not be read ({exc.strerror or type(exc).__name__})", folder=True)]


def _when(text: str) -> datetime:
    try:
        return export_time(text) or _EARLIEST
    except ResultsFileError:
        return _EARLIEST


def _empty() -> pd.DataFrame:
    return pd.DataFrame(columns=BASE_COLUMNS + ["answers"])


def _record(label: str, data: bytes, problems: list[LoadProblem]) -> dict[str, Any] | None:
    """The record of one file's bytes, or None (and the reason in ``problems``)."""
    try:
        record = parse_results(data)
    except ResultsFileError as exc:
        problems.append(LoadProblem(label, f"{exc}; skipped"))
        return None
    except Exception:  # noqa: BLE001 - one odd file must never stop the whole class loading
        log.exception("careerlab: unexpected error reading a results file")
        problems.append(LoadProblem(label, f"{UNEXPECTED}; skipped"))
        return None
    notes = record.pop("notes")
    if notes:
        problems.append(LoadProblem(label, "; ".join(notes) + " (the rest of the file was used)"))
    record["file"] = label
    return record


def load_class_results(folder: str | os.PathLike[str]) -> tuple[pd.DataFrame, list[LoadProblem]]:
    """One row per learner from a folder of results files, and the problems found.

    Empty, damaged, foreign, wrong-version, duplicated and hostile files (links, pipes, huge
    or deeply nested files...) are skipped and listed; a file with one bad value is kept
    without that value and listed too. Never raises for a bad file; never changes the folder.
    Problems name a file by its name only, never by its path.
    """
    folder = Path(folder).expanduser()
    missing = _folder_problem(folder)
    if missing:
        return _empty(), missing
    try:
        paths = results_files(folder)
    except OSError as exc:
        return _empty(), _unreadable(folder, exc)
    problems: list[LoadProblem] = []

    def contents():
        for path in paths:
            try:
                yield file_label(path.name), read_results_file(path)
            except SkippedFile as exc:
                problems.append(LoadProblem(file_label(path.name), str(exc)))

    return _load(contents(), problems, one_per_name=True)


def read_folder(folder: str | os.PathLike[str]) -> tuple[list[tuple[str, bytes]], list[LoadProblem]]:
    """(name, bytes) of every results file in a folder, read as ``load_class_results`` reads them
    (links, pipes and huge files skipped), and the problems; a missing folder is one problem."""
    folder = Path(folder).expanduser()
    missing = _folder_problem(folder)
    if missing:
        return [], missing
    items, problems = [], []
    try:
        paths = results_files(folder)
    except OSError as exc:
        return [], _unreadable(folder, exc)
    for path in paths:
        try:
            items.append((file_label(path.name), read_results_file(path)))
        except SkippedFile as exc:
            problems.append(LoadProblem(file_label(path.name), str(exc)))
    return items, problems


def load_class_documents(items: Iterable[tuple[str, bytes]], *, one_per_name: bool = True
                         ) -> tuple[pd.DataFrame, list[LoadProblem]]:
    """One row per learner from (label, bytes) pairs, e.g. the class hub's hand-ins, through the
    same checks as a folder's files: a bad one is skipped (or partly used) and named by its label.

    ``one_per_name`` keeps only the newest of several results under the same learner name (a
    folder of files); the hub's hand-ins are one per hub account already, so it passes False.
    """
    return _load(items, [], one_per_name=one_per_name)


def _load(items: Iterable[tuple[str, bytes]], problems: list[LoadProblem], *, one_per_name: bool
          ) -> tuple[pd.DataFrame, list[LoadProblem]]:
    records: list[dict[str, Any]] = []
    seen_bytes: dict[str, str] = {}
    for label, data in items:
        label = file_label(label)
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen_bytes:
            problems.append(LoadProblem(label, f"it is an identical copy of "
                                               f"{seen_bytes[digest]}; skipped"))
            continue
        seen_bytes[digest] = label
        record = _record(label, data, problems)
        if record is not None:
            records.append(record)
    if one_per_name:
        records = _drop_same_learner(records, problems)
    if not records:
        return _empty(), problems
    df = pd.DataFrame.from_records(records)
    quiz_cols = sorted(c for c in df.columns if c.startswith(QUIZ_COLUMN))
    activity_cols = sorted(c for c in df.columns if c.startswith(ACTIVITY_COLUMN))
    df = df.reindex(columns=BASE_COLUMNS + quiz_cols + activity_cols + ["answers"])
    no_name = df["learner"] == ""
    df.loc[no_name, "learner"] = "(no name) " + df.loc[no_name, "file"]
    return df.reset_index(drop=True), problems


def _drop_same_learner(records: list[dict[str, Any]],
                       problems: list[LoadProblem]) -> list[dict[str, Any]]:
    """Keep the newest export of each named learner; list the older ones as problems."""
    newest: dict[str, dict[str, Any]] = {}
    for rec in records:
        key = rec["learner"].casefold()
        if not key:
            continue
        if key not in newest or _when(rec["exported_at"]) > _when(newest[key]["exported_at"]):
            newest[key] = rec
    kept = []
    for rec in records:
        best = newest.get(rec["learner"].casefold())
        if best is None or best is rec:
            kept.append(rec)
        else:
            problems.append(LoadProblem(rec["file"], f"another file for the same learner "
                                        f"({rec['learner']}); kept the newer export "
                                        f"{best['file']} and skipped this one"))
    return kept


def question_prompts(quiz_dir: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """{"lesson/question id": prompt} from the question banks (``careerlab.quiz.load_bank``: the
    lessons' banks, or those in ``quiz_dir``); a bank that does not load is skipped."""
    prompts: dict[str, str] = {}
    # Without quiz_dir: the folder the lessons' banks are in (where the quiz package keeps them).
    folder = Path(quiz_dir) if quiz_dir is not None else lesson_bank_path("00").parent
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            bank = load_bank(path)
        except (OSError, QuizBankError):
            continue
        for question in bank.questions:
            prompts[f"{bank.lesson}/{question.id}"] = " ".join(question.prompt.split())
    return prompts
