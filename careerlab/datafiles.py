"""Read the project's data files, with plain-words errors that name the file (used by every
lesson's loaders, which then check what the rows mean). Nothing else in the package opens a file
under ``data/``.

``loads_strict`` is the one strict JSON parser for files that come from a learner's machine (a
saved-progress file, a handed-in results file): each caller passes its own error class and words.
"""
from __future__ import annotations

import csv
import json
import math
from pathlib import Path
from typing import Any, Mapping

from careerlab.errors import DataFileError


def read_json(path: str | Path, error: type[Exception] = DataFileError) -> Any:
    """Return the JSON value in ``path``; raise ``error`` saying what is wrong with the file."""
    path = Path(path)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(f"{path.name}: file not found in the folder {path.parent.name}/") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise error(f"{path.name}: cannot be read: not valid JSON ({exc})") from None
    except RecursionError:  # a hand-edited file nested thousands of levels deep
        raise error(f"{path.name}: cannot be read: its lists or objects are nested too deeply") from None
    except ValueError:  # e.g. a number with thousands of digits (Python's int limit)
        raise error(f"{path.name}: cannot be read: it holds a number too long to read") from None


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
        raise error(f"{path.name}: file not found in the folder {path.parent.name}/") from None
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


#: What ``loads_strict`` refuses, as the keys of its ``messages``: "constant" (NaN or Infinity,
#: ``{}`` is the word found), "huge" (a number too large for a float), "long" (an integer over
#: Python's 4,300 digits), "deep" (nesting beyond Python's recursion limit) and "twice" (a key
#: twice in one object, ``{}`` is the key; checked, and needed in ``messages``, only when
#: ``duplicate_keys=False``).
STRICT_REFUSALS = ("constant", "huge", "long", "deep", "twice")


def loads_strict(text: str, error: type[Exception], messages: Mapping[str, str], *,
                 duplicate_keys: bool = False, show_key: Any = repr) -> Any:
    """``json.loads`` that refuses JSON Python would accept but no careerlab file ever holds:
    NaN and Infinity, numbers too large or too long, nesting too deep, and (unless
    ``duplicate_keys``) a key twice in one object. Each refusal raises ``error`` with the message
    ``messages[<refusal>]`` (see ``STRICT_REFUSALS``; ``show_key`` turns a repeated key into
    text). Damaged JSON still raises ``json.JSONDecodeError``, for the caller to word.

    >>> words = dict.fromkeys(STRICT_REFUSALS, "refused: {}")
    >>> loads_strict('{"a": [1, 2.5]}', ValueError, words)
    {'a': [1, 2.5]}
    >>> loads_strict('{"a": 1, "a": 2}', ValueError, words)
    Traceback (most recent call last):
    ...
    ValueError: refused: 'a'
    >>> loads_strict('{"a": 1, "a": 2}', ValueError, words, duplicate_keys=True)
    {'a': 2}
    """

    def constant(name: str) -> Any:
        raise error(messages["constant"].format(name))

    def finite(number: str) -> float:
        value = float(number)
        if not math.isfinite(value):
            raise error(messages["huge"])
        return value

    def unique(pairs: list[tuple[str, Any]], dict: type = dict, len: Any = len) -> dict[str, Any]:
        obj = dict(pairs)  # (dict and len bound as locals: this runs for every object in a file)
        if len(obj) != len(pairs):
            seen: set[str] = set()
            twice = next(k for k, _ in pairs if k in seen or seen.add(k))
            raise error(messages["twice"].format(show_key(twice)))
        return obj

    hooks: dict[str, Any] = {"parse_constant": constant, "parse_float": finite}
    if not duplicate_keys:
        hooks["object_pairs_hook"] = unique
    try:
        return json.loads(text, **hooks)
    except RecursionError:
        raise error(messages["deep"]) from None
    except json.JSONDecodeError:
        raise
    except ValueError as exc:  # Python's own limit: an integer over 4,300 digits
        if isinstance(exc, error) or "digits" not in str(exc):
            raise
        raise error(messages["long"]) from None
