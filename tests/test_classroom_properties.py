"""Property tests: whatever bytes sit in a results folder, the load, the summaries, the charts
and the CSV export raise nothing, the folder is unchanged and the good learners are kept."""
from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

import matplotlib.pyplot as plt
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerlab.classroom.charts import dashboard_figure
from careerlab.classroom.export import export_class_summary
from careerlab.classroom.load import UNEXPECTED, load_class_results
from careerlab.classroom.results_file import TRAITS
from careerlab.classroom.summary import class_table
from careerlab.classroom.tables import missed_table, results_table
from careerlab.classroom.text import describe_missed, describe_quizzes, describe_split, describe_traits
from careerlab.classroom.widgets import learners_table_html, problems_html
from careerlab.ui import show_table
from test_classroom_load import folder_fingerprint, results, write

GOOD = ["Ana Sample", "Ben Sample"]
SETTINGS = dict(deadline=None, database=None,  # no .hypothesis folder outside tmp_path
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])

ANY_CHAR = st.characters(exclude_categories=())  # lone surrogates and control characters too
TEXT = st.text(ANY_CHAR, max_size=30) | st.sampled_from(
    ["$x$", "$\\frac{$", "=1+1", "-", "@", "<b>", "&amp;", "\ud800", "quiz:", "_score", "/", ""])
LEAF = (st.none() | st.booleans() | st.integers(-10 ** 40, 10 ** 40) | st.floats() | TEXT)
JSON = st.recursive(LEAF, lambda kids: st.lists(kids, max_size=4)
                    | st.dictionaries(TEXT, kids, max_size=4), max_leaves=15)
BASE = results("Hal Hostile", quiz={"01-two-roles": {"q1": True, "q2": False}})


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, prefix + (key,))


PATHS = [p for p in _paths(BASE) if p]


HOLE = "@@hole@@"
RAW = st.sampled_from([  # JSON text that has crashed the loader or the charts before
    "[" * 100_000 + "]" * 100_000, '{"a": ' * 50_000 + "1" + "}" * 50_000, "9" * 5000,
    "-" + "1" * 4301, "1e400", "NaN", "-Infinity", '{"a": 1, "a": 2}', '"\\ud800"',
    '"$\\\\frac{$"', '"0001-01-01T00:00:00+23:59"', '"9999-12-31T23:59:59-23:59"', "true",
    "[]", '"' + "x" * 100_000 + '"'])


@st.composite
def mutated(draw):
    """A good results document with one value anywhere replaced by any JSON text (or one
    key renamed to any text)."""
    doc = json.loads(json.dumps(BASE))
    path = draw(st.sampled_from(PATHS))
    node = doc
    for key in path[:-1]:
        node = node[key]
    if draw(st.booleans()):
        node[draw(TEXT)] = node.pop(path[-1])
        return json.dumps(doc).encode()
    node[path[-1]] = HOLE
    return json.dumps(doc).replace(f'"{HOLE}"', draw(RAW | JSON.map(json.dumps))).encode()


@st.composite
def spliced(draw):
    """A good results file with some bytes inserted somewhere."""
    data = json.dumps(BASE).encode()
    at = draw(st.integers(0, len(data)))
    return data[:at] + draw(st.binary(min_size=1, max_size=20)) + data[at:]


ANY_FILE = st.one_of(st.binary(max_size=1000), JSON.map(lambda v: json.dumps(v).encode()),
                     mutated(), mutated(), spliced())


def everything_from(df, problems, out: Path) -> None:
    """Build every summary, table, chart and the CSV from what loaded."""
    for text in (describe_traits(df), describe_split(df), describe_quizzes(df, lessons=["01"]),
                 describe_missed(df, prompts={})):
        text.encode("utf-8")
    for frame in (class_table(df, names=True), results_table(df), missed_table(df, prompts={})):
        show_table(frame).to_html().encode("utf-8")
    learners_table_html(df, names=True).encode("utf-8")
    problems_html(problems).encode("utf-8")
    target = export_class_summary(df, out / "summary.csv", names=True)
    for row in csv.reader(io.StringIO(target.read_text(encoding="utf-8"))):
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


@pytest.mark.filterwarnings("ignore:Glyph")
@settings(max_examples=100, **SETTINGS)
@given(data=ANY_FILE)
def test_any_bytes_beside_good_files(tmp_path, data):
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    write(folder, "a-good.json", results(GOOD[0], quiz={"01-two-roles": {"q1": True}}))
    write(folder, "b-good.json", results(GOOD[1], fit=(30, 70)))
    (folder / "c-any.json").write_bytes(data)
    before = folder_fingerprint(folder)
    df, problems = load_class_results(folder)
    assert folder_fingerprint(folder) == before
    assert set(GOOD) <= set(df["learner"])
    assert all(UNEXPECTED not in p.reason and "\n" not in str(p) for p in problems)
    assert {p.file for p in problems} <= {"c-any.json"}
    everything_from(df, problems, Path(tempfile.mkdtemp(dir=tmp_path)))


SCORE = st.integers(-10 ** 6, 10 ** 6) | st.floats(-1e9, 1e9) | st.sampled_from([0, 100, 50.5])


@st.composite
def valid_document(draw):
    """A results document of the right shape with any text and numbers in it."""
    name = draw(TEXT)
    quiz = draw(st.dictionaries(TEXT, st.dictionaries(TEXT, st.booleans(), min_size=1,
                                                      max_size=4), max_size=4))
    doc = results(name, when=draw(st.datetimes()).isoformat(), quiz=quiz,
                  traits={t: draw(SCORE) for t in TRAITS}, fit=(draw(SCORE), draw(SCORE)))
    return json.dumps(doc).encode()


@pytest.mark.filterwarnings("ignore:Glyph")
@settings(max_examples=50, **SETTINGS)
@given(docs=st.lists(valid_document(), min_size=1, max_size=4))
def test_charts_and_csv_of_any_text_and_numbers(tmp_path, docs):
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    for i, data in enumerate(docs):
        (folder / f"{i}.json").write_bytes(data)
    df, problems = load_class_results(folder)
    assert all(UNEXPECTED not in p.reason for p in problems)
    everything_from(df, problems, folder.parent)
    fig = dashboard_figure(df, fig=plt.figure(figsize=(6, 4)),
                           prompts={"01/q": "Pay $1.00 or $2.00?"})
    try:
        fig.savefig(io.BytesIO(), format="png", dpi=20)
        for ax in fig.axes:
            for label in ax.get_xticklabels() + ax.get_yticklabels():
                assert "$" not in label.get_text() or not label.get_parse_math()
    finally:
        plt.close(fig)
