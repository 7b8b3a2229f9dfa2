"""Untrusted text made safe to show, and JSON read strictly (pure logic, no files).

A results file comes from a learner's machine and may have been edited by hand, so everything in
it is untrusted: names and ids become one short, printable line, and JSON that Python would
accept but no careerlab export ever contains (NaN, 1e400, a 5,000-digit number, a key twice,
nesting 100,000 deep) is refused with a plain reason instead of crashing something later.
"""
from __future__ import annotations

import json
import math
import os
import unicodedata
from typing import Any

from careerlab.errors import CareerlabError

# Direction overrides and isolates can make a name display as something else ("Trojan source").
_BIDI = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                               "\u200e\u200f\u061c"))


class UnsafeJSON(CareerlabError):
    """JSON a results file never holds; the message says why in plain words."""


def clean_text(text: str, limit: int = 80) -> str:
    """One printable line of at most ``limit`` characters: lone surrogates become U+FFFD,
    control and direction-override characters go, runs of white space become one space.

    >>> clean_text("  Ana\\n\\u202eSample\\ud800 ")
    'Ana Sample\ufffd'
    >>> clean_text("x" * 10, limit=5)
    'xxxx…'
    """
    text = str(text)[: limit * 4 + 16]
    if text.isprintable():  # the usual case, checked in C: no control, format or surrogate
        line = " ".join(text.split())
        return line if len(line) <= limit else line[: limit - 1] + "…"
    text = text.translate(_BIDI)
    chars = ("\ufffd" if "\ud800" <= c <= "\udfff" else
             " " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text)
    line = " ".join("".join(chars).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def file_label(name: str) -> str:
    """A file name as it may be shown: undecodable bytes as U+FFFD, one clean line.

    >>> file_label("bad\\udcff\\nname.json")
    'bad\ufffd name.json'
    """
    try:
        name = os.fsencode(name).decode("utf-8", "replace")
    except (UnicodeError, TypeError):
        pass
    return clean_text(name, 120) or "(no name)"


def short_repr(value: Any, limit: int = 40) -> str:
    """``repr(value)`` cut to ``limit`` characters, for a message.

    >>> short_repr("1"), short_repr(list(range(100)), 12)
    ("'1'", '[0, 1, 2, 3…')
    """
    if isinstance(value, (list, dict)) and len(value) > limit:
        value = list(value)[:limit] if isinstance(value, list) else dict(list(value.items())[:limit])
    try:
        text = repr(value)
    except RecursionError:
        text = "(nested very deeply)"
    return clean_text(text, limit)


def _refuse_constant(name: str) -> Any:
    raise UnsafeJSON(f"it holds {name} (NaN or Infinity), which a results file never holds")


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise UnsafeJSON("it holds a number too large to be a score")
    return value


def _object(pairs: list[tuple[str, Any]], dict: type = dict, len: Any = len) -> dict[str, Any]:
    obj = dict(pairs)  # (dict and len bound as locals: this runs for every object in a file)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        twice = next(k for k, _ in pairs if k in seen or seen.add(k))
        raise UnsafeJSON(f"the key {short_repr(twice, 30)} appears twice in one place, so it is "
                         "not clear which value counts")
    return obj


def loads_strict(text: str) -> Any:
    """``json.loads`` that refuses what a results file never holds (raises ``UnsafeJSON``;
    damaged JSON still raises ``json.JSONDecodeError``).

    >>> loads_strict('{"a": [1, 2.5]}')
    {'a': [1, 2.5]}
    >>> loads_strict('[NaN]')
    Traceback (most recent call last):
    ...
    careerlab.classroom.safe.UnsafeJSON: it holds NaN (NaN or Infinity), which a results file never holds
    """
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_float,
                          object_pairs_hook=_object)
    except RecursionError:
        raise UnsafeJSON("it is nested far too deeply to be a results file") from None
    except json.JSONDecodeError:
        raise
    except ValueError as exc:  # Python's own limit: an integer over 4,300 digits
        if "digits" not in str(exc):
            raise
        raise UnsafeJSON("it holds a number thousands of digits long, far too long to be a "
                         "score") from None
