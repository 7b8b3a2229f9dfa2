"""Hostile input against this session's additions: hand-edited notes, visits, quiz banks and task
lists; a hand-edited §8 progress score; odd typing in the service box; Remove clicked twice, on the
last line, after a submit; Pause before Next or Submit. Each must load or say what is wrong in plain
words (never a traceback or a server path), and saved work is never lost."""
from __future__ import annotations

import copy
import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerlab.claims.data import ClaimsDataError, load_visits
from careerlab.claims.widgets import claim_builder
from careerlab.codes.data import VisitNoteError, parse_notes
from careerlab.codes.exercise_widgets import _best_score, exercise_widget
from careerlab.codes.grading import AnswerKey, grade
from careerlab.codes.model import KeyCode, PracticeCase
from careerlab.codes.shift_widgets import shift_widget
from careerlab.paths import data_path
from careerlab.progress import ProgressStore
from careerlab.quiz.grading import grade as grade_answer
from careerlab.quiz.model import Question
from careerlab.roles.data import RolesDataError, load_exercise

NOTES = json.loads(data_path("codes", "visit_notes.json").read_text(encoding="utf-8"))
VISITS = json.loads(data_path("claims", "visits.json").read_text(encoding="utf-8"))
TASKS = json.loads(data_path("roles", "who_does_it.json").read_text(encoding="utf-8"))
ODD = st.one_of(st.none(), st.booleans(), st.integers(-10 ** 30, 10 ** 30),
                st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=8),
                st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=4), st.lists(st.integers(), max_size=2)),
                         max_size=3),
                st.dictionaries(st.text(max_size=6), st.one_of(st.none(), st.integers(), st.text(max_size=4),
                                                               st.lists(st.text(max_size=3), max_size=2)), max_size=2))
NOTE_FIELDS = ("id", "patient", "total_minutes", "diagnoses", "services", "optional", "less_specific", "hints",
               "modifiers", "units", "why")
KNEE_KEY = AnswerKey(("M17.11",), ("20610", "J3301"), modifiers={"20610": ("RT",)}, units={"J3301": 4})


# -- visit_notes.json: "modifiers" and "units" ---------------------------------------------------
@pytest.mark.parametrize("field, value", [
    ("total_minutes", math.inf), ("total_minutes", math.nan), ("diagnoses", [[1]]), ("services", [["99213"]]),
    ("services", "99213"), ("optional", "E11"), ("less_specific", {"E11.9": "E11"}), ("modifiers", {"99213": "25"}),
    ("modifiers", None), ("units", {"99213": True}), ("units", {"99213": 1e309}), ("units", {"99213": 100}),
])
def test_a_hand_edited_note_is_refused_in_plain_words(field, value):
    data = copy.deepcopy(NOTES)
    data["notes"][0][field] = value
    with pytest.raises(VisitNoteError) as err:
        parse_notes(data)
    assert "visit_notes.json" in str(err.value) and "Traceback" not in str(err.value)


@settings(max_examples=150, deadline=None)
@given(field=st.sampled_from(NOTE_FIELDS), value=ODD)
def test_any_value_in_any_note_field_loads_or_gives_the_notes_own_error(field, value):
    data = copy.deepcopy(NOTES)
    data["notes"][0][field] = value
    try:
        notes = parse_notes(data)
    except VisitNoteError as exc:
        assert str(exc).startswith("visit_notes.json")
        return
    note = notes[0]  # what loads is what the grader can use: codes as text, units whole numbers 1-99
    assert all(isinstance(c, str) for c in note.diagnoses + note.services + note.optional)
    assert all(isinstance(u, int) and 1 <= u <= 99 for u in note.units.values())


# -- §8 keeps the best score: a hand-edited progress file ---------------------------------------
@pytest.mark.parametrize("score", ["0.9", True, False, math.nan, math.inf, -0.5, 1.5, None, [1], {"s": 1}])
def test_a_hand_edited_saved_score_is_never_taken_as_the_best(score):
    assert _best_score({"answer": {}, "score": score}) is None


@pytest.mark.parametrize("score", [0, 1, 0.5])
def test_a_real_saved_score_is_the_best(score):
    assert _best_score({"score": score}) == score


@pytest.mark.parametrize("text", ['{"format": 1, "sections": {"x": {"y": NaN}}}', '{"sections": 1e309}', "{" * 5000])
def test_a_damaged_progress_file_is_kept_aside_and_the_exercise_still_grades(tmp_path, text):
    path = tmp_path / "progress.json"
    path.write_text(text, encoding="utf-8")
    w = exercise_widget("vn-01-diabetes-check", store=ProgressStore(path))
    _, _, dx, svc, buttons, result = w.children
    dx.value, svc.value = "E11.9, Z79.84", "99213"
    buttons.children[0].click()
    assert "100%" in result.value and "Traceback" not in result.value and str(tmp_path) not in result.value
    backups = [p for p in tmp_path.iterdir() if "unreadable" in p.name]
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == text  # the old file is never lost


def test_a_better_saved_score_survives_a_worse_try_in_a_second_widget(tmp_path):
    """Two widgets on one store: the second one's worse try does not replace the first one's best."""
    store = ProgressStore(tmp_path / "progress.json")
    first, second = (exercise_widget("vn-01-diabetes-check", store=store) for _ in range(2))
    for w, dx_text in ((first, "E11.9, Z79.84"), (second, "E11")):
        _, _, dx, svc, buttons, _ = w.children
        dx.value, svc.value = dx_text, "99213"
        buttons.children[0].click()
    saved = ProgressStore(tmp_path / "progress.json").get("exercise:02-the-medical-coder", "vn-01-diabetes-check")
    assert saved["score"] == 1.0 and saved["answer"]["diagnoses"] == "E11.9, Z79.84"
    assert second.children[3].value == "99213" and first.children[2].value == "E11.9, Z79.84"


# -- the service box: glued modifiers and units --------------------------------------------------
@pytest.mark.parametrize("typed", ["20610RT", "20610rt", "20610RTx1", "20610-RTx1", "20610RT x1", "20610\u200bRT",
                                   "２０６１０RT"])
def test_a_right_service_typed_glued_or_with_odd_characters_is_right(typed):
    fb = next(f for f in grade(KNEE_KEY, "M17.11", typed).feedback if f.box == "service")
    assert fb.status == "correct", fb.message


@pytest.mark.parametrize("typed, said", [("20610RTRT", "RT is typed more than once"),
                                         ("20610-RT-RT x0", "RT is typed more than once"),
                                         ("20610RTLT", "modifier LT does not fit")])
def test_a_wrong_modifier_glued_on_is_named_as_typed_not_as_a_four_letter_modifier(typed, said):
    fb = next(f for f in grade(KNEE_KEY, "M17.11", typed).feedback if f.box == "service")
    assert fb.status == "modifier" and said in fb.message and "needs modifier RT" not in fb.message, fb.message


def test_a_code_the_key_does_not_hold_is_never_split():
    fb = next(f for f in grade(KNEE_KEY, "", "99213RT").feedback)
    assert fb.code == "99213RT" and fb.status not in ("correct", "modifier")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("20610RTLJ3x -4\u200b\u00a0,")), max_size=40))
def test_any_service_box_text_grades_between_0_and_1(typed):
    result = grade(KNEE_KEY, "M17.11", typed)
    assert 0 <= result.score <= 1 and result.points <= result.out_of
    assert all(len(fb.message) < 600 for fb in result.feedback)


# -- quiz: known_wrong ---------------------------------------------------------------------------
@settings(max_examples=100, deadline=None)
@given(st.one_of(st.none(), st.integers(), st.floats(), st.text(max_size=200), st.binary(max_size=8)))
def test_a_text_question_with_known_wrong_answers_grades_any_answer(answer):
    q = Question("q", "text", "Which group?", "CO is contractual.", accepted=("CO",), wrong="Think again.",
                 known_wrong=(("PR", "PR is the patient's share."),))
    result = grade_answer(q, answer)
    assert isinstance(result.feedback, str) and result.feedback
    assert not (result.correct and str(answer).strip().upper() == "PR")


@pytest.mark.parametrize("typed", ["pr", " P-R ", "ＰＲ", "PR."])
def test_a_known_wrong_answer_is_recognised_however_it_is_typed(typed):
    q = Question("q", "text", "Which group?", "CO is contractual.", accepted=("CO",), wrong="Think again.",
                 known_wrong=(("PR", "PR is the patient's share."),))
    result = grade_answer(q, typed)
    assert not result.correct and result.feedback.startswith("PR is the patient's share.")


# -- roles: "also" --------------------------------------------------------------------------------
@pytest.mark.parametrize("also", [None, "biller", {"biller": 1}, 5, ["nobody"], ["front"], [None]])
def test_a_hand_edited_also_list_is_refused_in_plain_words(tmp_path, also):
    doc = copy.deepcopy(TASKS)
    doc["tasks"][0]["also"] = also
    path = tmp_path / "who_does_it.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(RolesDataError) as err:
        load_exercise(path)
    assert str(err.value).startswith("who_does_it.json") and str(tmp_path) not in str(err.value)


# -- claims: "not_separate" -----------------------------------------------------------------------
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=ODD)
def test_any_not_separate_value_loads_or_gives_the_visits_own_error(tmp_path, value):
    doc = copy.deepcopy(VISITS)
    doc["visits"][5]["not_separate"] = value
    path = tmp_path / "visits.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    try:
        visits = load_visits(path)
    except ClaimsDataError as exc:
        assert str(exc).startswith("visits.json") and str(tmp_path) not in str(exc)
        return
    assert all(isinstance(c, str) for c in visits[doc["visits"][5]["visit_id"]].not_separate)


# -- the claim builder's Remove buttons -----------------------------------------------------------
def _remove(builder, n):
    return builder.lines_box.children[n - 1].children[-1]


def test_remove_clicked_twice_fast_takes_off_one_line_and_a_stale_button_does_nothing(tmp_path):
    b = claim_builder(store=ProgressStore(tmp_path / "p.json"))
    b.visit.value = "V06"
    stale = _remove(b, 2)
    stale.click()
    stale.click()  # the same button again, before the redraw reached the browser
    assert len(b.line_rows) == 1 and len(b.base["lines"]) == 1
    b.reset_button.click()
    stale.click()  # a button of the form before Start over
    assert len(b.line_rows) == 2 and "96372" in b.form.value


def test_remove_after_a_submit_then_send_again_goes_as_a_correction_and_keeps_the_visits(tmp_path):
    store = ProgressStore(tmp_path / "p.json")
    b = claim_builder(store=store)
    b.visit.value = "V06"
    b.submit_button.click()
    answered = b.submit_button.description
    _remove(b, 2).click()
    assert len(b.line_rows) == 1 and b.submit_button.description == answered  # still a correction, never resent as new
    b.submit_button.click()
    assert "Traceback" not in b.result.value and str(tmp_path) not in b.result.value
    assert len(b.visits["V06"].lines) == 2  # the visit itself is untouched: Start over brings the line back


def test_two_builders_never_share_their_lines(tmp_path):
    store = ProgressStore(tmp_path / "p.json")
    a, b = claim_builder(store=store), claim_builder(store=store)
    a.visit.value = b.visit.value = "V06"
    _remove(a, 2).click()
    assert len(a.line_rows) == 1 and len(b.line_rows) == 2 and len(b.base["lines"]) == 2


def test_removing_with_an_unreadable_field_says_so_at_the_next_scrub(tmp_path):
    b = claim_builder(store=ProgressStore(tmp_path / "p.json"))
    b.visit.value = "V06"
    b.line_rows[0]["charge"].value = "1e309"
    _remove(b, 2).click()
    assert "Line 2 is off the claim" in b.result.value
    b.scrub_button.click()
    assert "Cannot read the form" in b.result.value and "Traceback" not in b.result.value


# -- the coder's shift: Pause ---------------------------------------------------------------------
CASE = PracticeCase(id="t-one", chart="t-one", specialty="Family medicine", setting="outpatient", title="One",
                    text="One unit of the drug.", diagnoses=(KeyCode("M17.11", "ICD-10-CM", why="w", guideline="g"),),
                    services=(KeyCode("J3301", "HCPCS Level II", why="w", guideline="g"),))


def _shift_parts(w):
    start = w.children[1].children[1]
    head, timer, note, dx, svc, row, feedback = w.children[2].children
    submit, nxt, pause = row.children
    return start, timer, note, dx, svc, submit, nxt, pause, feedback


def test_pause_then_submit_next_and_start_change_nothing_and_the_break_is_not_counted(tmp_path):
    now = [0.0]
    cases = [CASE, PracticeCase(**{**CASE.__dict__, "id": "t-two", "chart": "t-two"})]
    w = shift_widget(5, store=ProgressStore(tmp_path / "p.json"), cases=cases, clock=lambda: now[0])
    start, timer, note, dx, svc, submit, nxt, pause, feedback = _shift_parts(w)
    start.click()
    dx.value, svc.value = "M17.11", "J3301"
    now[0] = 60.0
    pause.click()
    assert note.layout.display == "none" and dx.disabled and submit.disabled and start.disabled
    now[0] = 5000.0
    for button in (submit, nxt, start):
        button.click()  # a stray click (or a message from an old page) while paused
    assert feedback.value == "" and "Chart 1 of 2" in w.children[2].children[0].value and dx.value == "M17.11"
    pause.click()  # Resume
    now[0] = 90.0 + 4940.0
    submit.click()
    assert "1 min 30 s" in timer.value  # 60 s, then the break of 4,940 s is not counted, then 30 s
    pause.click()  # after a submit Pause is off: nothing changes
    assert "You took" in timer.value and "Resume" not in pause.description
