"""Saved values of the wrong shape (hand-edited files, older versions) are ignored with a note:
every widget that restores saved work still builds, and nothing shows a traceback."""
import json

import pytest

from careerlab.assessment import load_items
from careerlab.assessment.widgets import show_assessment
from careerlab.claims.widgets import claim_builder, share_exercise
from careerlab.codes import code_set_drill, exercise_widget, modifier_drill, shift_widget
from careerlab.codes.model import KeyCode, PracticeCase
from careerlab.codes.data import load_notes
from careerlab.compare import task_sort_exercise
from careerlab.paths import data_path
from careerlab.progress import ProgressStore, progress_panel
from careerlab.progress.record import DRAFT_RESPONSES as DRAFT_KEY
from careerlab.quiz import lesson_bank_path, load_bank, show_quiz
from careerlab.roles import load_exercise
from careerlab.roles.widgets import who_does_it

LESSONS = sorted(p.stem for p in data_path("quizzes").glob("*.json"))
ITEMS = load_items()
TASKS = load_exercise().tasks

_deep = 0
for _ in range(20):  # deep, but within what a progress file may hold
    _deep = [_deep, {"x": _deep}] if isinstance(_deep, int) else [_deep]

HOSTILE = [None, [], {}, [1, "a", None], {"a": {"b": []}}, "", "some text", "\x00\u202e💥", 10 ** 4000,
           -10 ** 4000, 1e308, -0.0, 3.5, True, False, 0, 7, _deep, ["a", ["b"], {"c": None}]]


def _wrapped(value):
    """The shapes the widgets expect, filled with junk at every level."""
    return [value,
            {"answer": value, "correct": value, "score": value},
            {"answer": {t.id: value for t in TASKS}, "score": value},
            {"answer": [value, value]},
            {"correct": value, "total": value, "answered": value}]


def _keys():
    """Every (section, key) a widget reads or writes."""
    for lesson in LESSONS:
        bank = load_bank(lesson_bank_path(lesson))
        yield from ((f"quiz:{lesson}", q.id) for q in bank.questions)
        yield f"quiz:{lesson}", "_score"
    yield "exercise:01-two-roles", "who-does-it"
    yield from (("exercise:02-the-medical-coder", n.id) for n in load_notes())
    yield "exercise:02-the-medical-coder", "code-set-drill"
    yield "exercise:02-the-medical-coder", "modifier-drill"
    yield "exercise:02-the-medical-coder", "coder-shift"
    yield from (("exercise:03-the-medical-biller", k) for k in ("claim-V01", "share-1"))
    yield "exercise:04-side-by-side", "task-sort"
    yield from (("assessment", k) for k in ("responses", DRAFT_KEY, "trait_scores", "role_fit"))
    yield "learner", "name"


def _sections(fill):
    sections = {}
    for n, (section, key) in enumerate(_keys()):
        sections.setdefault(section, {})[key] = fill(n)
    return sections


def _cases():
    # Each hostile value under every key (in every wrapper, turn about), and each wrapper with
    # every hostile value (turn about): the shapes reach every key without 95 slow cases.
    for i, value in enumerate(HOSTILE):
        yield pytest.param(lambda n, v=value: _wrapped(v)[n % 5], id=f"value-{i}")
    for j in range(5):
        yield pytest.param(lambda n, j=j: _wrapped(HOSTILE[n % len(HOSTILE)])[j], id=f"shape-{j}")
    for name, bad in (("huge", 10 ** 4000), ("huge-float", 1e308), ("list", [3])):
        yield pytest.param(lambda n, b=bad: {i.id: b for i in ITEMS}, id=f"{name}-answers")


@pytest.mark.parametrize("fill", list(_cases()))
def test_every_widget_builds_whatever_was_saved(tmp_path, monkeypatch, fill):
    from careerlab.progress import widgets as panel_module

    shown = []
    monkeypatch.setattr(panel_module, "show_message", lambda _out, text, *a, **k: shown.append(text))
    path = tmp_path / "progress.json"
    doc = {"format": "careerlab-progress", "version": 1, "sections": _sections(fill)}
    path.write_text(json.dumps(doc), encoding="utf-8")
    store = ProgressStore(path)
    assert store.warning is None  # the file itself is fine; only values are odd
    for lesson in LESSONS:
        show_quiz(lesson, store)
    roles = who_does_it(store)
    assert all(d.value is None or isinstance(d.value, str) for d in roles.dropdowns.values())
    task_sort_exercise(store)
    exercise_widget(store=store)
    code_set_drill(store=store)
    modifier_drill(store=store).children[2].children[0].click()
    shift = shift_widget(n=5, store=store, cases=[PracticeCase("c", "c", "Primary care", "outpatient", "t", "n",
                                                               (KeyCode("I10", "ICD-10-CM"),))])
    shift.children[1].children[1].click()  # Start: reads the saved shift count, whatever it holds
    assert "Chart 1 of 1" in shift.children[2].children[0].value
    claim_builder(store=store)
    share_exercise("share-1", "How much?", "100.00", "0.00", "0.2", store=store)
    w = show_assessment(store)
    assert all(q.value is None or q.value in range(1, 6) for q in w.questions.values())
    assert isinstance(w.name.value, str)
    panel = progress_panel(store)
    assert isinstance(panel.children_by_role["name"].value, str)
    panel.children_by_role["export"].click()
    assert "Saved as my-results/careerlab-results-" in panel.children_by_role["handin_message"].value


def test_a_wrong_shape_is_noted_in_plain_words(tmp_path):
    store = ProgressStore(tmp_path / "progress.json")
    store.record("exercise:01-two-roles", "who-does-it", ["not", "a", "dict"])
    store.record("learner", "name", {"first": "Ada"})
    who_does_it(store)
    panel = progress_panel(store)
    assert panel.children_by_role["name"].value == ""
    assert store.notes and all("could not be used" in n for n in store.notes)
    assert store.get("learner", "name") == {"first": "Ada"}  # ignored, never deleted


def test_typed_read_returns_the_default_and_notes_it(tmp_path):
    store = ProgressStore(tmp_path / "progress.json")
    store.record("s", "k", [1, 2])
    assert store.read("s", "k", [int]) == [1, 2]
    assert store.read("s", "k", str, "none") == "none"
    assert store.read("s", "missing", str, "none") == "none"
    assert len(store.notes) == 1  # a missing value is not worth a note
