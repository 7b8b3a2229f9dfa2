"""Reading and checking a progress file's contents (pure logic: bytes in, sections out).

Whatever the bytes, ``parse`` either returns sections that can be written back unchanged or raises
``Unreadable`` with a reason in plain words; no other exception gets out.
"""
from __future__ import annotations

import json
import re
from typing import Any

from careerlab.datafiles import loads_strict
from careerlab.errors import CareerlabError
from careerlab.progress.record import PROGRESS_FORMAT as FORMAT
from careerlab.progress.record import VERSION

MAX_BYTES = 16 * 1024 * 1024  # a real progress file is a few kilobytes
MAX_DEPTH = 32  # sections -> key -> value: far deeper than any lesson saves, far below Python's limits
_SURROGATE = re.compile("[\ud800-\udfff]")
# What ``loads_strict`` refuses, in the words a learner reads. A key twice in one object is not
# refused here: the last value counts, as it always has for a saved-progress file.
REFUSALS = {
    "constant": "it contains {}, which is not a number JSON allows",
    "huge": "it contains a number too large to use",
    "long": "it contains a number too long to use",
    "deep": "it is nested far too deeply to be a progress file",
}


class Unreadable(CareerlabError):
    """The progress file exists but is not a progress file we can use; the message says why."""


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def depth(value: Any) -> int:
    """How deeply lists and dicts nest in ``value`` (found without recursion).

    >>> depth(1), depth([]), depth({"a": [1, {"b": 2}]})
    (0, 1, 3)
    """
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, (list, tuple)):
            deepest = max(deepest, level + 1)
            stack.extend((child, level + 1) for child in item)
    return deepest


def encode(doc: dict[str, Any]) -> bytes:
    """The bytes written for a document (UTF-8 JSON); raises ValueError for anything not plain JSON."""
    return json.dumps(doc, indent=1, ensure_ascii=False, sort_keys=True, allow_nan=False).encode("utf-8")


def clean_text(value: Any) -> Any:
    """A copy with broken characters (lone surrogates) in every string replaced by U+FFFD.

    >>> clean_text({"a\\ud800": ["ok", "x\\udfff"]})
    {'a\ufffd': ['ok', 'x\ufffd']}
    """
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {clean_text(k): clean_text(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_text(v) for v in value]
    return value


def check_value(section: Any, key: Any, value: Any) -> Any:
    """Return ``value`` cleaned, ready to save; raise ValueError/TypeError for a misuse."""
    for name, text in (("section", section), ("key", key)):
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"The progress {name} must be a non-empty string, not {_short(text)}.")
    problem = TypeError(f"Cannot save {_short(section)}/{_short(key)}: the value must be plain data "
                        f"(text, numbers, lists, dicts, at most {MAX_DEPTH - 2} deep), "
                        f"not {type(value).__name__}.")
    if depth(value) > MAX_DEPTH - 2:
        raise problem
    value = clean_text(value)
    try:
        encode({"v": value})
    except (TypeError, ValueError) as exc:
        raise problem from exc
    return value


def parse(data: bytes) -> dict[str, dict[str, Any]]:
    """Return the sections of a progress file's bytes, or raise ``Unreadable`` saying why."""
    if len(data) > MAX_BYTES:
        raise Unreadable("it is far too large to be a progress file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Unreadable("it could not be read (its text is not in the UTF-8 encoding)") from exc
    try:
        doc = loads_strict(text, Unreadable, REFUSALS, duplicate_keys=True)
    except Unreadable:
        raise
    except json.JSONDecodeError as exc:
        raise Unreadable(f"it is not valid JSON (line {exc.lineno}, column {exc.colno})") from exc
    except ValueError as exc:  # anything else json refuses: a plain reason, never a traceback
        raise Unreadable(REFUSALS["long"]) from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise Unreadable("it is not a careerlab progress file")
    version = doc.get("version")
    if type(version) is not int or version != VERSION:
        raise Unreadable(f"it has version {_short(version)}; this careerlab reads version {VERSION}")
    sections = doc.get("sections")
    if not isinstance(sections, dict) or not all(isinstance(v, dict) for v in sections.values()):
        raise Unreadable("its 'sections' part is damaged")
    if depth(sections) > MAX_DEPTH:
        raise Unreadable("it is nested far too deeply to be a progress file")
    try:  # the compact (C) encoder: the same check as ``encode``, many times faster
        json.dumps(doc, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except ValueError as exc:
        raise Unreadable("it contains broken characters that cannot be saved again") from exc
    return sections
