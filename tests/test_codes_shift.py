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
