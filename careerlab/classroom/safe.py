"""Untrusted text made safe to show (pure logic, no files).

A results file comes from a learner's machine and may have been edited by hand, so everything in
it is untrusted: names and ids become one short, printable line. (Its JSON is read strictly by
``careerlab.datafiles.loads_strict``: see ``results_file.decode``.)
"""
from __future__ import annotations

import os
import unicodedata
from typing import Any

# Direction overrides and isolates can make a name display as something else ("Trojan source").
_BIDI = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                               "\u200e\u200f\u061c"))


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
