"""Load and check the side-by-side data in ``data/compare/``."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from careerlab.assessment.model import ROLES
from careerlab.compare.model import RIASEC, TASK_ANSWERS, Aspect, Task
from careerlab.datafiles import read_csv_rows, read_json_object
from careerlab.errors import DataFileError
from careerlab.paths import data_path


class CompareDataError(DataFileError):
    """A side-by-side data file is missing, unreadable or inconsistent."""


def _json(name: str, path: Path | None = None) -> dict[str, Any]:
    return read_json_object(path or data_path("compare", name), CompareDataError)


def _rows(data: dict, key: str, fields: tuple[str, ...], name: str) -> list[dict[str, str]]:
    rows = data.get(key)
    if not isinstance(rows, list) or not rows:
        raise CompareDataError(f"{name}: '{key}' must be a non-empty list")
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict) or any(not isinstance(row.get(f), str) or not row[f].strip() for f in fields):
            raise CompareDataError(f"{name}, row {n}: needs non-empty text for {', '.join(fields)}")
    return rows


def load_side_by_side(path: Path | None = None) -> list[Aspect]:
    """The comparison rows, each with a source."""
    fields = ("id", "aspect", "coder", "biller", "source")
    return [Aspect(*(r[f] for f in fields))
            for r in _rows(_json("side_by_side.json", path), "aspects", fields, "side_by_side.json")]


def load_tasks(path: Path | None = None) -> list[Task]:
    """The tasks of the sorting exercise; every answer is coder, biller or both."""
    fields = ("id", "task", "answer", "why")
    tasks = [Task(*(r[f] for f in fields))
             for r in _rows(_json("task_sort.json", path), "tasks", fields, "task_sort.json")]
    bad = [t.id for t in tasks if t.answer not in TASK_ANSWERS]
    if bad:
        raise CompareDataError(f"task_sort.json: answers must be coder, biller or both; check {', '.join(bad)}")
    return tasks


def load_pay_outlook(path: Path | None = None) -> dict[str, Any]:
    """BLS figures (each with period and source) and what was left out and why."""
    data = _json("pay_outlook.json", path)
    for n, row in enumerate(data.get("figures") or [], 1):
        if not all(row.get(k) for k in ("occupation", "measure", "value", "period", "source")):
            raise CompareDataError(f"pay_outlook.json, figure {n}: needs occupation, measure, value, period, source")
    return data


def load_riasec(path: Path | None = None) -> dict[str, dict[str, float]]:
    """Role ('coder', 'biller') -> RIASEC interest -> O*NET score (1-7)."""
    rows = read_csv_rows(path or data_path("compare", "onet_interests.csv"), ("role", "interest", "score"),
                         CompareDataError, required=())  # an empty score is "not a number" below
    out: dict[str, dict[str, float]] = {r: {} for r in ROLES}
    for n, row in enumerate(rows, 2):
        try:
            value = float(row["score"])
        except (KeyError, TypeError, ValueError):
            raise CompareDataError(f"onet_interests.csv, line {n}: 'score' must be a number") from None
        if row.get("role") not in ROLES or row.get("interest") not in RIASEC or not 1 <= value <= 7:
            raise CompareDataError(f"onet_interests.csv, line {n}: unknown role or interest, or score outside 1-7")
        out[row["role"]][row["interest"]] = value
    for role in ROLES:
        if set(out[role]) != set(RIASEC):
            raise CompareDataError(f"onet_interests.csv: role '{role}' needs all six interests")
    return {role: {i: out[role][i] for i in RIASEC} for role in ROLES}
