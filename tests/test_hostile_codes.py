"""Hostile typing in the coder's shift boxes (diagnosis and services): pasted pages, thousands of
codes, units typed with spaces or as 0, a modifier typed three times, odd characters."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from careerlab.codes.exercise_widgets import feedback_html
from careerlab.codes.grading import MAX_ENTRIES, grade_case
from careerlab.codes.model import KeyCode, PracticeCase
from careerlab.codes.shift_widgets import shift_widget
from careerlab.progress import ProgressStore

# A made-up case, written here so these tests do not depend on the case bank's content.
KNEE = PracticeCase(
    id="t-knee", chart="t-knee", specialty="Orthopaedics", setting="outpatient", title="Knee injection",
    text="Established patient, right knee injection with 40 mg of the drug; a separate visit for a cough.",
    diagnoses=(KeyCode("M17.11", "ICD-10-CM", why="w", guideline="g"),),
    services=(KeyCode("99213", "CPT", ("25",), why="w", guideline="g"),
              KeyCode("J3301", "HCPCS Level II", why="w", guideline="g", units=4)),
)
ONE_UNIT = PracticeCase(
    id="t-one", chart="t-one", specialty="Family medicine", setting="outpatient", title="One drug unit",
    text="One unit of the drug.", diagnoses=(KeyCode("M17.11", "ICD-10-CM", why="w", guideline="g"),),
    services=(KeyCode("J3301", "HCPCS Level II", why="w", guideline="g"),))


def by_code(result):
    return {fb.code: fb for fb in result.feedback}


def test_units_typed_with_a_space_after_the_x_are_the_units_not_two_more_codes():
    tight = grade_case(KNEE, "M17.11", "99213-25, J3301 x4")
    for spaced in ("99213-25, J3301 x 4", "99213-25, J3301x 4", "99213 25 J3301 X 4", "99213-25, J3301 * 4"):
        result = grade_case(KNEE, "M17.11", spaced)
        assert [fb.status for fb in result.feedback] == ["correct"] * 3, (spaced, result.feedback)
        assert result.score == tight.score == 1.0


def test_zero_units_is_not_read_as_one():
    result = grade_case(ONE_UNIT, "M17.11", "J3301 x0")
    fb = by_code(result)["J3301"]
    assert fb.status == "modifier" and fb.points < 1.0 and "not 0" in fb.message
    assert result.score < 1.0


def test_a_modifier_typed_three_times_is_not_full_credit():
    fb = by_code(grade_case(KNEE, "M17.11", "99213-25-25-25, J3301 x4"))["99213"]
    assert fb.points < 1.0 and "more than once" in fb.message


def test_a_pasted_megabyte_is_not_echoed_whole():
    page = "x" * 1_000_000
    for dx, svc in ((page, ""), ("", page), ("M17.11 " + page, "99213-25 " + page)):
        html = feedback_html(grade_case(KNEE, dx, svc))
        assert len(html) < 20_000, len(html)


def test_thousands_of_codes_are_checked_only_up_to_the_limit_and_say_so():
    many_dx = ",".join(f"E11.{i % 10}{i // 10 % 10}" for i in range(3000))
    many_svc = ",".join(["99213-25"] * 5000)
    result = grade_case(KNEE, many_dx, many_svc)
    assert len(result.feedback) <= 2 * (MAX_ENTRIES + 1)
    notes = [fb.message for fb in result.feedback if "Only the first" in fb.message]
    assert len(notes) == 2 and "3000" in notes[0] and "5000" in notes[1]
    assert len(feedback_html(result)) < 200_000


def test_a_right_answer_buried_after_thousands_of_entries_earns_nothing_extra():
    # the limit must not turn spam into credit: junk first, the key after it
    junk = ",".join(["Q99.9"] * 200)
    assert grade_case(KNEE, junk + ",M17.11", "").score < grade_case(KNEE, "M17.11", "").score


ODD = st.text(alphabet=st.sampled_from(list("0123456789EJMxX×*-., ;\n\u200b\u200f\u202e\u0301😀ﾠ٣５")) | st.characters(),
              max_size=300)


@settings(max_examples=300, deadline=None)
@given(ODD, ODD)
def test_any_typed_text_grades_to_a_score_between_0_and_1_with_short_messages(dx, svc):
    result = grade_case(KNEE, dx, svc)
    assert 0.0 <= result.score <= 1.0
    assert len(result.feedback) <= 2 * (MAX_ENTRIES + 1)
    assert all(len(fb.message) < 1000 for fb in result.feedback)


def test_two_shift_widgets_on_one_store_and_on_two_stores_keep_their_own_clock_and_queue(tmp_path):
    now = {"t": 100.0}
    store = ProgressStore(tmp_path / "a" / "progress.json")
    a = shift_widget(5, store=store, cases=[KNEE, ONE_UNIT] * 3, clock=lambda: now["t"])
    b = shift_widget(5, store=store, cases=[KNEE, ONE_UNIT] * 3, clock=lambda: now["t"])
    c = shift_widget(5, store=ProgressStore(tmp_path / "c" / "progress.json"), cases=[KNEE, ONE_UNIT] * 3,
                     clock=lambda: now["t"])
    parts = {name: {cls: w for w in _walk(box) for cls in w._dom_classes} for name, box in (("a", a), ("b", b), ("c", c))}
    parts["a"]["careerlab-shift-start"].click()
    now["t"] += 30
    parts["b"]["careerlab-shift-start"].click()
    parts["a"]["careerlab-shift-diagnoses"].value = "M17.11"
    parts["a"]["careerlab-shift-submit"].click()
    assert parts["a"]["careerlab-shift-feedback"].value  # a was graded
    assert parts["b"]["careerlab-shift-feedback"].value == ""  # b's chart is untouched by a's submit
    assert not parts["b"]["careerlab-shift-submit"].disabled and parts["a"]["careerlab-shift-submit"].disabled
    assert parts["c"]["careerlab-shift-start"].description == "Start the shift"  # c never started


def _walk(w):
    yield w
    for child in getattr(w, "children", ()):
        yield from _walk(child)


def test_a_clock_that_goes_backwards_never_gives_negative_time(tmp_path):
    ticks = iter([1000.0, 10.0, 5.0, 5.0, 5.0, 5.0])
    store = ProgressStore(tmp_path / "progress.json")
    box = shift_widget(5, store=store, cases=[ONE_UNIT] * 5, clock=lambda: next(ticks, 5.0))
    parts = {cls: w for w in _walk(box) for cls in w._dom_classes}
    parts["careerlab-shift-start"].click()
    parts["careerlab-shift-services"].value = "J3301"
    parts["careerlab-shift-submit"].click()
    assert "-" not in parts["careerlab-shift-timer"].value.split("<b>")[1].split("</b>")[0]
