"""The coder's shift: a stable but varied draw, a clock per chart that belongs to one shift, the
pace and accuracy at the end, and what is saved."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerlab.codes.model import KeyCode, PracticeCase
from careerlab.codes.shift import Shift, draw_shift, shift_record
from careerlab.progress.record import SHIFT_SHAPE
from careerlab.progress.shapes import matches

SPECIALTIES = ["Primary care", "Emergency department", "Orthopaedics", "Cardiology", "Dermatology"]


def bank(n=40, charts=20):
    return [PracticeCase(f"case-{i}", f"chart-{i % charts}", SPECIALTIES[(i % charts) % len(SPECIALTIES)],
                         "outpatient", f"Case {i}", "A synthetic note.", (KeyCode("I10", "ICD-10-CM"),),
                         (KeyCode("99213", "CPT"),)) for i in range(n)]


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_the_draw_is_stable_per_learner_and_varies_between_learners_and_shifts():
    cases = bank()
    ids = lambda drawn: [c.id for c in drawn]  # noqa: E731
    assert ids(draw_shift(cases, "ada", 10)) == ids(draw_shift(list(reversed(cases)), "ada", 10))
    assert ids(draw_shift(cases, "ada", 10)) != ids(draw_shift(cases, "ben", 10))
    assert ids(draw_shift(cases, "ada", 10, shift_no=0)) != ids(draw_shift(cases, "ada", 10, shift_no=1))


@given(st.text(max_size=20), st.integers(0, 60), st.integers(0, 5))
def test_the_draw_is_varied_and_never_repeats_a_case(salt, n, shift_no):
    cases = bank()
    drawn = draw_shift(cases, salt, n, shift_no)
    assert len(drawn) == min(n, len(cases)) and len({c.id for c in drawn}) == len(drawn)
    if len(drawn) <= 20:  # 20 hand-written charts: no chart twice before each has been used
        assert len({c.chart for c in drawn}) == len(drawn)
    if len(drawn) >= len(SPECIALTIES):
        assert {c.specialty for c in drawn} == set(SPECIALTIES)


def test_each_chart_has_its_own_clock_and_the_pace_is_worked_out():
    clock = FakeClock()
    shift = Shift(draw_shift(bank(), "ada", 3), clock=clock)
    shift.start_case()
    clock.now += 90
    assert shift.elapsed() == 90
    first = shift.submit("I10", "99213")
    assert first.score == 1.0 and shift.submitted
    clock.now += 500  # reading the feedback is not coding time
    assert shift.elapsed() == 90 and shift.submit("nonsense", "") is first  # a second submit changes nothing
    shift.next()
    clock.now += 150
    shift.submit("E11.9", "99213")
    shift.next()
    clock.now += 120
    shift.submit("I10", "99213-25")
    assert shift.next() is None and shift.finished
    s = shift.summary()
    assert (s.cases, s.correct, s.seconds) == (3, 1, 360)
    assert s.charts_per_hour == pytest.approx(30.0)  # 3 charts in 6 minutes
    assert s.score == pytest.approx((1 + 1 / 3 + 0.75) / 3)


def test_a_pause_is_not_coding_time_and_a_forgotten_break_stops_at_the_cap():
    from careerlab.codes.shift import MAX_CHART_SECONDS

    clock = FakeClock()
    shift = Shift(draw_shift(bank(), "ada", 2), clock=clock)
    shift.start_case()
    clock.now += 40
    shift.pause()
    assert shift.paused
    clock.now += 3000  # a long break
    assert shift.elapsed() == 40
    shift.resume()
    clock.now += 20
    shift.pause()
    clock.now += 100
    shift.submit("I10", "99213")  # submitted while paused: counts up to the pause
    assert shift.results[-1].seconds == 60
    shift.next()
    clock.now += 4 * 3600  # a break without Pause
    assert shift.elapsed() == MAX_CHART_SECONDS
    shift.submit("I10", "99213")
    assert shift.summary().seconds == 60 + MAX_CHART_SECONDS


def test_next_before_submit_is_refused_and_two_shifts_share_nothing():
    a, b = Shift(bank()[:2], clock=FakeClock()), Shift(bank()[:2], clock=FakeClock())
    a.start_case()
    with pytest.raises(ValueError):
        a.next()
    a.submit("I10", "99213")
    assert b.results == [] and not b.submitted and a.results[0].case_id == "case-0"


def test_the_saved_record_has_the_learner_record_shape():
    clock = FakeClock()
    shift = Shift(bank()[:2], clock=clock)
    for _ in range(2):
        shift.start_case()
        clock.now += 60
        shift.submit("I10", "99213")
        shift.next()
    saved = shift_record(shift.summary(), 0)
    assert matches(saved, SHIFT_SHAPE) and saved["score"] == 1.0 and saved["charts_per_hour"] == 60.0


# --- the widget, driven as a learner would -------------------------------------------------

from careerlab.codes import shift_widget  # noqa: E402
from careerlab.codes.model import LESSON  # noqa: E402
from careerlab.progress import ProgressStore  # noqa: E402
from careerlab.progress.record import CODER_SHIFT, exercise_section  # noqa: E402


def parts(w):
    intro, (size, start), work, end, ticker = w.children[0], w.children[1].children, w.children[2], w.children[3], w.children[4]
    head, timer, note, dx, svc, buttons, feedback = work.children
    submit, nxt, pause = buttons.children
    return dict(size=size, start=start, work=work, end=end, ticker=ticker, head=head, timer=timer, note=note,
                dx=dx, svc=svc, submit=submit, next=nxt, pause=pause, feedback=feedback)


def keyed_bank():
    """Cases whose key is written in their title, so the test can type it."""
    out = []
    for i in range(12):
        dx = ("I10", "E11.9") if i % 2 else ("J02.0",)
        out.append(PracticeCase(f"k-{i}", f"k-{i}", SPECIALTIES[i % 5], "outpatient", f"Case {i}",
                                f"Synthetic note {i}.", tuple(KeyCode(c, "ICD-10-CM", why=f"why {c}",
                                                                      guideline="ICD-10-CM OGCR FY2026, IV") for c in dx),
                                (KeyCode("99213", "CPT", ("25",) if i % 3 == 0 else (), why="visit"),)))
    return out


def work_a_shift(p, clock, charts: int, seconds: int) -> None:
    """Start a shift and submit every chart (I10 / 99213) after ``seconds`` on the fake clock each."""
    p["start"].click()
    for _ in range(charts):
        clock.now += seconds
        p["dx"].value, p["svc"].value = "I10", "99213"
        p["submit"].click()
        p["next"].click()


def answer(case):
    mods = "".join("-" + m for m in case.services[0].modifiers)
    return ", ".join(k.code for k in case.diagnoses), "99213" + mods


def test_nothing_is_drawn_before_start_and_a_full_shift_is_scored_timed_and_saved(tmp_path):
    store = ProgressStore(tmp_path / "home")
    clock = FakeClock()
    bank = keyed_bank()
    by_title = {c.title: c for c in bank}
    w = shift_widget(n=5, store=store, cases=bank, clock=clock)
    p = parts(w)
    assert p["work"].layout.display == "none" and p["head"].value == ""
    p["start"].click()
    assert p["work"].layout.display == "" and "Chart 1 of 5" in p["head"].value and p["ticker"].playing
    seen = []
    for k in range(5):
        case = next(c for t, c in by_title.items() if f"<b>{t}</b>" in p["note"].value)
        seen.append(case.id)
        clock.now += 60
        p["ticker"].value += 1  # the browser's tick redraws the clock
        assert "1 min 00 s" in p["timer"].value
        dx, svc = answer(case)
        if k == 0:
            svc = "99213-59"  # a wrong modifier on the first chart: half a point there
        p["dx"].value, p["svc"].value = dx, svc
        p["submit"].click()
        assert "answer key, in order" in p["feedback"].value and "why " in p["feedback"].value
        assert p["submit"].disabled and not p["next"].disabled
        clock.now += 300  # reading feedback: not counted
        p["next"].click()
    assert len(set(seen)) == 5 and p["work"].layout.display == "none"
    assert "5 charts in 5 min 00 s" in p["end"].value and "60 charts an hour" in p["end"].value and "quicker than" not in p["end"].value
    assert "AAPC" in p["end"].value and "20–25 cases an hour" in p["end"].value
    saved = store.get(exercise_section(LESSON), CODER_SHIFT)
    assert saved["cases"] == 5 and saved["seconds"] == 300 and saved["charts_per_hour"] == 60.0
    first = bank[[c.id for c in bank].index(seen[0])]
    assert saved["correct"] == 4 and 0 < saved["score"] < 1
    points = len(first.diagnoses) + 1
    assert saved["score"] == pytest.approx((4 + (points - 0.5) / points) / 5, abs=1e-3)
    # the next shift is another draw
    p["start"].click()
    assert p["start"].disabled and "Chart 1 of 5" in p["head"].value


def test_pause_hides_the_chart_stops_the_clock_and_resume_gives_it_back(tmp_path):
    clock = FakeClock()
    p = parts(shift_widget(n=5, store=ProgressStore(tmp_path / "h"), cases=keyed_bank(), clock=clock))
    assert p["pause"].disabled  # nothing to pause before the shift starts
    p["start"].click()
    clock.now += 45
    p["dx"].value = "I10"  # typed before the break: kept
    p["pause"].click()
    assert p["note"].layout.display == "none" and p["dx"].disabled and p["submit"].disabled
    assert p["pause"].description == "Resume" and "paused" in p["timer"].value
    clock.now += 1200
    p["ticker"].value += 1
    assert "45 s" in p["timer"].value
    p["pause"].click()
    assert p["note"].layout.display == "" and not p["dx"].disabled and p["dx"].value == "I10"
    clock.now += 15
    p["svc"].value = "99213"
    p["submit"].click()
    assert "You took: <b>1 min 00 s</b>" in p["timer"].value and p["pause"].disabled


def test_empty_submit_loses_nothing_and_next_needs_a_submit(tmp_path):
    w = shift_widget(n=5, store=ProgressStore(tmp_path / "h"), cases=keyed_bank(), clock=FakeClock())
    p = parts(w)
    p["start"].click()
    head = p["head"].value
    p["submit"].click()
    assert "Both boxes are empty" in p["feedback"].value and not p["submit"].disabled
    p["next"].click()  # disabled in the page; even if clicked from code, it does not move on
    assert p["head"].value == head


def test_two_learners_widgets_share_no_state(tmp_path):
    clock_a, clock_b = FakeClock(), FakeClock()
    a = parts(shift_widget(n=5, store=ProgressStore(tmp_path / "a"), cases=keyed_bank(), clock=clock_a))
    b = parts(shift_widget(n=5, store=ProgressStore(tmp_path / "b"), cases=keyed_bank(), clock=clock_b))
    a["start"].click()
    b["start"].click()
    clock_a.now += 30
    a["ticker"].value += 1
    b["ticker"].value += 1
    assert "30 s" in a["timer"].value and "0 s" in b["timer"].value and "30 s" not in b["timer"].value
    a["dx"].value = "I10"
    a["submit"].click()
    assert b["feedback"].value == "" and not b["submit"].disabled


def test_a_missing_case_bank_is_a_message_not_a_traceback(tmp_path, monkeypatch):
    from careerlab.codes import shift_widgets

    def broken():
        raise ModuleNotFoundError("No module named 'careerlab.codes.cases'")

    monkeypatch.setattr(shift_widgets, "_bank", broken)
    p = parts(shift_widget(store=ProgressStore(tmp_path / "h")))
    p["start"].click()
    assert "careerlab-msg" in p["feedback"].value and "Traceback" not in p["feedback"].value


def test_a_finished_shift_is_in_the_exported_results_and_lesson_07_reads_it(tmp_path):
    """The shift is saved through the learner record, exported with the rest, and the class
    dashboard reads it (its activity column comes with the work-queue branch: skipped before)."""
    import json

    store = ProgressStore(tmp_path / "home" / "progress.json")
    clock = FakeClock()
    p = parts(shift_widget(n=5, store=store, cases=keyed_bank(), clock=clock))
    work_a_shift(p, clock, charts=5, seconds=30)
    path = store.export(tmp_path / "ada.json", learner="Ada Example")
    doc = json.loads(path.read_text(encoding="utf-8"))
    shift = doc["progress"][exercise_section(LESSON)][CODER_SHIFT]
    assert matches(shift, SHIFT_SHAPE) and 0 <= shift["score"] <= 1 and shift["cases"] == 5
    assert shift["seconds"] == 150 and shift["charts_per_hour"] == 120.0
    pytest.importorskip("careerlab.classroom.activities")
    from careerlab.classroom.results_file import parse_results

    row = parse_results(path.read_bytes())
    assert row[f"activity:{CODER_SHIFT}"] == pytest.approx(100 * shift["score"]) and row["notes"] == []


def test_a_shift_clicked_through_in_seconds_says_so_and_shows_a_whole_pace():
    from types import SimpleNamespace

    from careerlab.codes.text import shift_summary_text

    fast = shift_summary_text(SimpleNamespace(cases=10, seconds=28.0, charts_per_hour=3600 * 10 / 28,
                                              score=0.2, correct=1))
    assert "1286 charts an hour" in fast and "quicker than a note can be read" in fast
    slow = shift_summary_text(SimpleNamespace(cases=2, seconds=960.0, charts_per_hour=7.5, score=1.0, correct=2))
    assert "7.5 charts an hour" in slow and "quicker" not in slow
