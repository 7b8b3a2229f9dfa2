"""What the hand-in service accepts: only results files, never too big, never a path as a name."""
import json
from datetime import datetime, timezone

import pytest

from careerlab.handin import MAX_BYTES, HandinRejected, check_username, parse_handin, stamp
from handin_helpers import results


def body(doc) -> bytes:
    return json.dumps(doc).encode()


def test_a_results_file_is_accepted_as_it_is():
    doc = results()
    assert parse_handin(body(doc)) == doc


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"\xff\xfe", "not readable JSON"),
    (b"{not json", "not readable JSON"),
    (b"[1, 2]", "not a careerlab results file"),
    (body({"format": "careerlab-progress", "version": 1, "sections": {}}), "not a careerlab results file"),
    (body({**results(), "version": 2}), "version 2"),
    (body({**results(), "progress": []}), "progress part"),
    (body({**results(), "progress": {"quiz:01": 3}}), "progress part"),
])
def test_anything_else_is_refused_with_a_reason(raw, reason):
    with pytest.raises(HandinRejected, match=reason):
        parse_handin(raw)


def test_a_body_over_the_cap_is_refused_before_it_is_parsed():
    doc = results(notes={"text": "x" * MAX_BYTES})
    with pytest.raises(HandinRejected, match="far too large"):
        parse_handin(body(doc))


@pytest.mark.parametrize("name", ["ada", "ada.lovelace", "a_b-c", "ada@example.org", "x" * 128])
def test_hub_names_that_make_safe_file_names(name):
    assert check_username(name) == name


@pytest.mark.parametrize("name", ["", ".", "..", ".hidden", "../bob", "a/b", "a\\b", "x" * 129,
                                  "a\x00b", "ada\n", None, 7])
def test_names_that_could_escape_the_store_or_hide_are_refused(name):
    with pytest.raises(HandinRejected):
        check_username(name)


def test_stamp_overwrites_whatever_the_request_claimed():
    doc = {**results(), "handed_in_by": "bob", "handed_in_at": "1999-01-01T00:00:00+00:00"}
    when = datetime(2026, 11, 27, 10, 5, tzinfo=timezone.utc)
    stored = stamp(doc, "ada", when)
    assert stored["handed_in_by"] == "ada" and stored["handed_in_at"] == "2026-11-27T10:05:00+00:00"
    assert doc["handed_in_by"] == "bob"  # the caller's copy is not changed
    assert stored["progress"] == doc["progress"]
