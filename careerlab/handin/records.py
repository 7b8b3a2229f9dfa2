"""What the hand-in service accepts and what it stores (pure logic: no files, no network).

A hand-in is one learner's results document (the ``careerlab-results`` format that
``ProgressStore.export`` writes). The service stamps it with the hub's name for the learner and
the time it arrived; whatever the request says about who sent it is overwritten.
"""
from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from careerlab.errors import CareerlabError
from careerlab.progress.record import RESULTS_FORMAT
from careerlab.progress.record import VERSION as RESULTS_VERSION

MAX_BYTES = 1_000_000  # a results file is a few kilobytes; anything this big is something else
# Hub names become file names: letters, digits and . _ @ + - only, never a leading dot.
_USERNAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.@+-]{0,127}")


class HandinRejected(CareerlabError):
    """The hand-in cannot be stored; the message says why in plain words."""


def check_username(name: Any) -> str:
    """The hub name, if it is safe to use as a file name; HandinRejected otherwise.

    >>> check_username("ada")
    'ada'
    >>> check_username("../bob")
    Traceback (most recent call last):
    ...
    careerlab.handin.records.HandinRejected: the hub name '../bob' cannot be used for a hand-in
    """
    if not isinstance(name, str) or not _USERNAME.fullmatch(name):
        raise HandinRejected(f"the hub name {name!r} cannot be used for a hand-in")
    return name


def parse_handin(body: bytes) -> dict[str, Any]:
    """The results document in a request body, checked; HandinRejected saying why not.

    >>> doc = parse_handin(b'{"format": "careerlab-results", "version": 1, "progress": {}}')
    >>> doc["format"]
    'careerlab-results'
    """
    if len(body) > MAX_BYTES:
        raise HandinRejected("it is far too large to be a results file")
    if not body.strip():
        raise HandinRejected("it is empty")
    try:
        doc = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise HandinRejected("it is not readable JSON") from None
    if not isinstance(doc, dict) or doc.get("format") != RESULTS_FORMAT:
        raise HandinRejected("it is not a careerlab results file")
    if doc.get("version") != RESULTS_VERSION:
        raise HandinRejected(f"it is a version {doc.get('version')!r} results file; "
                             f"the class hub takes version {RESULTS_VERSION}")
    progress = doc.get("progress")
    if not isinstance(progress, dict) or not all(isinstance(v, dict) for v in progress.values()):
        raise HandinRejected("its progress part is missing or damaged")
    return doc


def stamp(doc: dict[str, Any], username: str, when: datetime) -> dict[str, Any]:
    """The document as stored: a copy with the hub's name and the hand-in time set.

    >>> from datetime import datetime, timezone
    >>> s = stamp({"handed_in_by": "eve"}, "ada", datetime(2026, 1, 5, 9, 30, tzinfo=timezone.utc))
    >>> s["handed_in_by"], s["handed_in_at"]
    ('ada', '2026-01-05T09:30:00+00:00')
    """
    stored = dict(doc)
    stored["handed_in_by"] = check_username(username)
    stored["handed_in_at"] = when.isoformat(timespec="seconds")
    return stored
