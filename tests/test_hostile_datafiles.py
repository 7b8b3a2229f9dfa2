"""Hand-edited and hostile copies of the shift's case bank (practice_charts.json) and the biller's
work queue (work_queue.json), loaded through their loaders: each must fail with the loader's own
error in plain words (never a traceback, never the server's folders), or load."""
from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerlab.claims.data import ClaimsDataError, QueueDataError, load_work_queue
from careerlab.codes.cases import cases_from
from careerlab.codes.data import PracticeChartError, load_practice_charts
from careerlab.errors import CareerlabError
from careerlab.paths import data_path

CHARTS = json.loads(data_path("codes", "practice_charts.json").read_text(encoding="utf-8"))
QUEUE = json.loads(data_path("claims", "work_queue.json").read_text(encoding="utf-8"))
LOADERS = {"charts": (load_practice_charts, PracticeChartError), "queue": (load_work_queue, QueueDataError)}


def _load(kind, path):
    loader, error = LOADERS[kind]
    try:
        out = loader(path)
        if kind == "charts":
            cases_from(out)
    except error as exc:
        text = str(exc)
        assert text and "Traceback" not in text and str(path.parent) not in text, text
        return text
    return None


@pytest.mark.parametrize("kind", sorted(LOADERS))
@pytest.mark.parametrize("body", ["[" * 100_000 + "]" * 100_000, '{"charts": ' + "[" * 50_000 + "]" * 50_000 + "}",
                                  '{"as_of": 1' + "0" * 5000 + "}", "", "\ufeff{}", "null", '"text"', "\x00\xff"])
def test_deep_long_and_empty_files_give_the_loaders_own_error(tmp_path, kind, body):
    path = tmp_path / "hostile.json"
    path.write_text(body, encoding="utf-8", errors="surrogateescape")
    assert _load(kind, path)


@pytest.mark.parametrize("kind", sorted(LOADERS))
def test_a_missing_file_does_not_name_the_servers_folders(tmp_path, kind):
    text = _load(kind, tmp_path / "deep" / "er" / "missing.json")
    assert "missing.json" in text and str(tmp_path) not in text


LEAF = (st.none() | st.booleans() | st.integers(-10 ** 20, 10 ** 20) | st.floats(allow_nan=True) | st.text(max_size=12)
        | st.sampled_from(["right", "left", "A", "D", "S", "Medicare", "commercial", "CPT", "ICD-10-CM", "HCPCS Level II",
                           "99213", "E11.9", "J3301", "25", "RT", "2026-01-01", "120.00", "$1,000.00", "-5", "1e9",
                           "<script>", "PAY-A", "CO", "45", "hold", "appeal"]))
VALUE = st.recursive(LEAF, lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=3),
                     max_leaves=8)


def _paths(obj, at=()):
    yield at
    items = obj.items() if isinstance(obj, dict) else enumerate(obj) if isinstance(obj, list) else ()
    for key, value in items:
        yield from _paths(value, (*at, key))


def _mutated(doc, changes):
    doc = copy.deepcopy(doc)
    for at, value in changes:
        obj = doc
        try:
            for key in at[:-1]:
                obj = obj[key]
            obj[at[-1]] = value
        except (KeyError, IndexError, TypeError):  # an earlier change replaced a parent: skip this one
            continue
    return doc


def _changes(doc):
    paths = [p for p in _paths(doc) if p]
    return st.lists(st.tuples(st.sampled_from(paths), VALUE), min_size=1, max_size=3)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(_changes(CHARTS))
def test_hand_edited_case_banks_load_or_say_what_is_wrong(tmp_path_factory, changes):
    path = tmp_path_factory.mktemp("charts") / "practice_charts.json"
    path.write_text(json.dumps(_mutated(CHARTS, changes)), encoding="utf-8")
    _load("charts", path)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(_changes(QUEUE))
def test_hand_edited_work_queues_load_or_say_what_is_wrong(tmp_path_factory, changes):
    path = tmp_path_factory.mktemp("queue") / "work_queue.json"
    path.write_text(json.dumps(_mutated(QUEUE, changes)), encoding="utf-8")
    _load("queue", path)


def test_duplicate_chart_ids_and_odd_characters_in_codes_are_refused(tmp_path):
    twice = {"charts": [CHARTS["charts"][0], CHARTS["charts"][0]]}
    odd = _mutated(CHARTS, [(("charts", 0, "diagnoses", 0, "code"), "E11.9\u200b"),])
    rtl = _mutated(CHARTS, [(("charts", 0, "id"), "pc-\u202ediabetes")])
    for n, doc in enumerate((twice, odd, rtl)):
        path = tmp_path / f"c{n}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        assert _load("charts", path), doc
    assert issubclass(QueueDataError, ClaimsDataError) and issubclass(PracticeChartError, CareerlabError)
