"""Read the project's data files, with plain-words errors that name the file (used by every
lesson's loaders, which then check what the rows mean). Nothing else in the package opens a file
under ``data/``."""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from careerlab.errors import DataFileError


def read_json(path: str | Path, error: type[Exception] = DataFileError) -> Any:
    """Return the JSON value in ``path``; raise ``error`` saying what is wrong with the file."""
    path = Path(path)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(f"{path.name}: file not found in {path.parent}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise error(f"{path.name}: cannot be read: not valid JSON ({exc})") from None


def read_json_object(path: str | Path, error: type[Exception] = DataFileError) -> dict[str, Any]:
    """Return the JSON object in ``path``; raise ``error`` saying what is wrong with the file."""
    path = Path(path)
    data = read_json(path, error)
    if not isinstance(data, dict):
        raise error(f"{path.name}: expected a JSON object at the top")
    return data


def read_csv_rows(path: str | Path, columns: tuple[str, ...], error: type[Exception] = DataFileError,
                  *, required: tuple[str, ...] | None = None) -> list[dict[str, str]]:
    """Return the rows of a CSV file that has ``columns``; every row must fill the ``required``
    columns (all of ``columns`` unless given). Raise ``error`` naming the file and the line."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
            if missing:
                raise error(f"{path.name}: missing column(s) {', '.join(missing)}")
            rows = list(reader)
    except FileNotFoundError:
        raise error(f"{path.name}: file not found in {path.parent}") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise error(f"{path.name}: could not be read as CSV ({exc})") from None
    needed = columns if required is None else required
    for number, row in enumerate(rows, start=2):
        empty = [c for c in needed if not (row.get(c) or "").strip()]
        if empty:
            raise error(f"{path.name}, line {number}: empty {', '.join(empty)}")
    if not rows:
        raise error(f"{path.name}: no rows")
    return rows
