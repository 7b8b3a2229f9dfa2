"""Grading a practice case of the shift: both boxes, modifiers, first-listed order, partial credit,
and the typed-text fixes of issue 13 (spaces, zero-width spaces, J3301 in the diagnosis box)."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerlab.codes.grading import case_key, grade, grade_case, percent_text, rationale
from careerlab.codes.model import KeyCode, PracticeCase
from careerlab.codes.normalize import clean, split_codes, split_modifiers

OGCR = "ICD-10-CM Official Guidelines for Coding and Reporting FY2026"
# A made-up case, written here so these tests do not depend on the case bank's content.
KNEE = PracticeCase(
    id="t-knee", chart="t-knee", specialty="Orthopaedics", setting="outpatient", title="Knee injection and a cough",
    text="Established patient for a planned right knee injection; also a new cough examined and treated.",
    diagnoses=(KeyCode("M17.11", "ICD-10-CM", why="right knee osteoarthritis", guideline=f"{OGCR}, IV.G"),
               KeyCode("R05.1", "ICD-10-CM", why="acute cough, no diagnosis yet", guideline=f"{OGCR}, IV.D")),
    services=(KeyCode("99213", "CPT", ("25",), why="separate visit for the cough", guideline="CMS NCCI manual ch. XI"),
              KeyCode("20610", "CPT", ("RT",), why="injection of a large joint", guideline="CMS HCPCS modifiers"),
              KeyCode("J3301", "HCPCS Level II", why="the drug, 4 units of 10 mg", guideline="CMS HCPCS 2026")),
)
INPATIENT = PracticeCase(
    id="t-appy", chart="t-appy", specialty="Inpatient", setting="inpatient", title="Appendicitis face sheet",
    text="Admitted with acute appendicitis; laparoscopic appendectomy.",
    diagnoses=(KeyCode("K35.80", "ICD-10-CM"),), services=(KeyCode("0DTJ4ZZ", "ICD-10-PCS"),))


def statuses(result):
    return [(fb.code, fb.status) for fb in result.feedback]


def test_a_perfect_case_with_modifiers_in_both_typed_forms():
    for svc in ("99213-25, 20610-RT, J3301", "99213 25 20610 rt j3301", "99213\u201325; 20610-rt; J3301"):
        r = grade_case(KNEE, "M17.11, R05.1", svc)
        assert r.score == 1.0 and r.missing == [] and r.all_right, (svc, statuses(r))
        assert r.order.startswith("First-listed diagnosis: M17.11")


def test_a_missing_or_wrong_modifier_earns_half_and_says_which():
    r = grade_case(KNEE, "M17.11, R05.1", "99213, 20610-LT, J3301")
    by_code = {fb.code: fb for fb in r.feedback}
    assert by_code["99213"].status == "modifier" and "needs modifier 25" in by_code["99213"].message
    assert by_code["20610"].status == "modifier" and "LT does not fit" in by_code["20610"].message
    assert r.points == 4 and r.out_of == 5 and r.score == pytest.approx(0.8)
    assert set(r.missing) == {"99213", "20610"}


def test_first_listed_order_gets_its_own_feedback_but_costs_no_point():
    r = grade_case(KNEE, "R05.1, M17.11", "99213-25, 20610-RT, J3301")
    assert r.score == 1.0 and not r.all_right
    assert r.order.startswith("Order: M17.11 should be listed first") and "R05.1" in r.order


def test_one_diagnosis_has_no_order_to_check():
    assert grade_case(INPATIENT, "K35.80", "0DTJ4ZZ").order == ""


def test_inpatient_face_sheet_takes_pcs_in_the_procedure_box():
    r = grade_case(INPATIENT, "k3580", "0dtj4zz")
    assert r.score == 1.0
    wrong = grade_case(INPATIENT, "K35.80", "44970")
    assert wrong.feedback[1].status == "wrong_set" and "ICD-10-PCS" in wrong.feedback[1].message


def test_j3301_in_the_diagnosis_box_is_a_hcpcs_code_not_j33_01():
    r = grade_case(KNEE, "M17.11, R05.1, J3301", "99213-25, 20610-RT")
    fb = r.feedback[2]
    assert fb.code == "J3301" and fb.status == "wrong_set"
    assert "HCPCS Level II" in fb.message and "services box" in fb.message and "J33.01" not in fb.message


def test_a_hcpcs_shaped_entry_no_table_knows_is_still_read_as_a_diagnosis():
    key = case_key(PracticeCase("t", "t", "Primary care", "outpatient", "t", "t",
                                (KeyCode("E11.65", "ICD-10-CM"),), (KeyCode("99213", "CPT"),)))
    assert grade(key, "e1165", "99213").score == 1.0  # E1165 is E11.65 without its dot


def test_header_for_the_key_points_down_its_own_family():
    case = PracticeCase("t", "t", "Primary care", "outpatient", "t", "t", (KeyCode("E11.9", "ICD-10-CM"),))
    fb = grade_case(case, "E11", "").feedback[0]
    assert fb.status == "not_specific" and fb.points == 0.5
    assert "E11.9" not in fb.message and "E11.00" not in fb.message and "add characters" in fb.message
    deep = PracticeCase("t", "t", "Orthopaedics", "outpatient", "t", "t", (KeyCode("S52.521A", "ICD-10-CM"),))
    fb = grade_case(deep, "S52", "").feedback[0]
    assert "S52.5" in fb.message and "S52.521A" not in fb.message  # a step down is named, not the key


def test_an_honest_percentage():
    assert percent_text(0.5, 4) == "12.5%"
    case = PracticeCase("t", "t", "Primary care", "outpatient", "t", "t",
                        (KeyCode("E11.9", "ICD-10-CM"),), (KeyCode("99213", "CPT"),))
    r = grade_case(case, "E11, I10, J45.909", "")  # ½ point of 2 key + 2 extras = 4
    assert r.points == 0.5 and r.out_of == 4
    assert r.score_text().startswith("12.5% (0.5 of 4 points")


def test_rationale_lists_every_key_code_with_modifiers_and_guideline():
    rows = rationale(KNEE)
    assert [r[1] for r in rows] == ["M17.11", "R05.1", "99213-25", "20610-RT", "J3301"]
    assert rows[0][3].startswith("ICD-10-CM Official Guidelines") and all(r[2] for r in rows)


# --- the splitter and normaliser, as properties -----------------------------------------

CODES = st.sampled_from(["E11.9", "I10", "Z79.84", "S52.521A", "M54.50", "J02.0", "R05.1"])
SEPARATORS = st.sampled_from([",", ", ", ";", "\n", " ", "  ", "\t", " , ", "\u00a0"])
INVISIBLES = st.sampled_from(["", "\u200b", "\ufeff", "\u200d", "\u2060"])


@given(st.lists(st.tuples(CODES, INVISIBLES, SEPARATORS), min_size=1, max_size=6))
def test_any_separator_and_pasted_invisible_characters_keep_every_code(parts):
    typed = "".join(code[:2] + junk + code[2:] + sep for code, junk, sep in parts)
    assert [clean(t).upper() for t in split_codes(typed)] == [code for code, _, _ in parts]


@given(st.lists(st.tuples(st.sampled_from(["99213", "20610", "J3301", "87880"]),
                          st.lists(st.sampled_from(["25", "RT", "59", "XS", "lt"]), max_size=2),
                          st.sampled_from(["-", " ", " -", "\u2013"]), SEPARATORS), min_size=1, max_size=5))
def test_services_keep_their_modifiers_however_they_are_joined(lines):
    typed = "".join(code + "".join(join + m for m in mods) + sep for code, mods, join, sep in lines)
    got = [split_modifiers(t) for t in split_codes(typed, box="service")]
    assert got == [(code, tuple(m.upper() for m in mods)) for code, mods, _, _ in lines]


@given(st.text(max_size=60))
def test_any_text_grades_without_an_error(text):
    r = grade_case(KNEE, text, text)
    assert 0.0 <= r.score <= 1.0 and r.points <= r.out_of


def test_a_visit_typed_for_a_chart_with_no_visit_says_so():
    case = PracticeCase("t", "t", "Orthopaedics", "outpatient", "t", "t", (KeyCode("M17.11", "ICD-10-CM"),),
                        (KeyCode("20610", "CPT", ("RT",)),))
    fb = grade_case(case, "M17.11", "20610-RT, 99213").feedback[-1]
    assert fb.status == "not_supported" and "No office visit is billed for this chart" in fb.message


# --- where a code goes on THIS chart (issue 16: the message named the wrong box or code set) ---

OFFICE = PracticeCase("t-office", "t-office", "Primary care", "outpatient", "t", "Established patient, cough.",
                      (KeyCode("R05.1", "ICD-10-CM"),), (KeyCode("99213", "CPT"),))


def feedback_for(case, dx, svc, code):
    return next(fb for fb in grade_case(case, dx, svc).feedback if fb.code == code)


def test_a_cpt_code_on_an_inpatient_face_sheet_names_icd10pcs_for_the_procedure_not_the_diagnosis_box():
    fb = feedback_for(INPATIENT, "K35.80", "99213", "99213")
    assert fb.status == "wrong_set"
    assert "go in the diagnosis box" not in fb.message  # CPT never goes in the diagnosis box
    assert "ICD-10-PCS" in fb.message and "services box" in fb.message and "not in CPT" in fb.message
    assert "0DTJ4ZZ" not in fb.message  # the chart's own answer is not given away
    in_dx = feedback_for(INPATIENT, "K35.80, 99213", "", "99213")
    assert in_dx.status == "wrong_set" and "CPT codes go in the services box" not in in_dx.message
    assert "ICD-10-PCS" in in_dx.message


def test_an_inpatient_face_sheet_says_the_hospital_claim_has_no_visit_code():
    for visit in ("99213", "99284"):
        fb = feedback_for(INPATIENT, "K35.80", visit, visit)
        assert "no visit (E/M) code" in fb.message, fb.message
    assert "E/M" not in feedback_for(INPATIENT, "K35.80", "J3301", "J3301").message  # a drug is not a visit


def test_a_pcs_code_on_a_physician_chart_is_not_sent_to_the_diagnosis_box():
    fb = feedback_for(OFFICE, "R05.1", "99213, 0DTJ4ZZ", "0DTJ4ZZ")
    assert fb.status == "wrong_set" and "go in the diagnosis box" not in fb.message
    assert "inpatient" in fb.message and "CPT or HCPCS Level II" in fb.message and "services box" in fb.message


def test_codes_of_a_set_this_chart_takes_still_say_which_box():
    cpt = feedback_for(OFFICE, "R05.1, 99213", "", "99213")
    assert "move it to the services box" in cpt.message  # it is this chart's own service code
    other_cpt = feedback_for(OFFICE, "R05.1, 87880", "99213", "87880")
    assert "CPT codes go in the services box" in other_cpt.message
    dx = feedback_for(OFFICE, "", "99213, I10", "I10")
    assert "ICD-10-CM diagnosis codes go in the diagnosis box" in dx.message


def test_the_not_a_code_message_gives_the_shapes_this_chart_takes():
    fb = feedback_for(INPATIENT, "K35.80", "appendix", "APPENDIX")
    assert fb.status == "not_a_code" and "ICD-10-PCS" in fb.message and "7" in fb.message
    assert "ICD-10-PCS" not in feedback_for(OFFICE, "R05.1", "99213, hello", "HELLO").message


# --- the E/M hint fits the setting (issue 16: "No office visit is billed" on an ED chart) ---

ED = PracticeCase("t-ed", "t-ed", "Emergency department", "emergency", "t", "ED visit, moderate decision making.",
                  (KeyCode("N20.0", "ICD-10-CM"),), (KeyCode("99284", "CPT"),))
ED_REPAIR = PracticeCase("t-ed-repair", "t-ed-repair", "Emergency department", "emergency", "t",
                         "ED: only the wound was evaluated, then repaired.",
                         (KeyCode("S51.811A", "ICD-10-CM"),), (KeyCode("12002", "CPT"),))


def test_an_office_code_on_an_emergency_chart_points_to_the_ed_family():
    fb = feedback_for(ED, "N20.0", "99213", "99213")
    assert fb.status == "not_supported" and "office visit is billed" not in fb.message
    assert "99281" in fb.message and "99285" in fb.message and "emergency department" in fb.message


def test_another_ed_level_is_compared_by_decision_making_not_time():
    fb = feedback_for(ED, "N20.0", "99285", "99285")
    assert "decision making" in fb.message and "time" in fb.message and "minimum minutes" not in fb.message


def test_an_ed_chart_with_only_a_procedure_bills_no_separate_ed_visit():
    for visit in ("99284", "99213"):
        fb = feedback_for(ED_REPAIR, "S51.811A", f"12002, {visit}", visit)
        assert "No separate emergency-department visit" in fb.message, fb.message
        assert "office visit is billed" not in fb.message


def test_an_ed_code_on_an_office_chart_says_it_is_for_the_emergency_department():
    fb = feedback_for(OFFICE, "R05.1", "99284", "99284")
    assert "emergency-department visit code" in fb.message and "99202" in fb.message and "99215" in fb.message


def test_the_real_ed_and_inpatient_charts_of_the_shift_get_the_fitting_words():
    from careerlab.codes import case_by_id

    ed = feedback_for(case_by_id("ed-chest-pain-rule-out"), "R07.89", "99214", "99214")
    assert "99281" in ed.message and "office visit is billed" not in ed.message
    ip = feedback_for(case_by_id("ip-appendectomy-face-sheet"), "K35.30", "99213", "99213")
    assert "ICD-10-PCS" in ip.message and "go in the diagnosis box" not in ip.message


def test_a_key_code_in_the_wrong_box_costs_its_own_point_once_and_is_named_as_misplaced():
    """The walk's finding: a code told "move it" was also counted as "an extra code that should not be on
    this claim". It is missing where it belongs (one point), and the summary says it is in the wrong box."""
    right = grade_case(KNEE, "M17.11, R05.1", "99213-25, 20610-RT, J3301")
    moved = grade_case(KNEE, "M17.11, R05.1, J3301", "99213-25, 20610-RT")
    fb = next(f for f in moved.feedback if f.box == "diagnosis" and f.code == "J3301")
    assert "move it to the services box" in fb.message and not fb.counts_as_extra
    assert moved.out_of == right.out_of and moved.points == right.points - 1
    assert moved.misplaced == ("J3301",) and "extra code" not in moved.score_text()
    assert "in the wrong box" in moved.score_text() and "still missing" not in moved.score_text()
    # typed in both boxes, the wrong-box copy is an extra, and nothing is "in the wrong box"
    both = grade_case(KNEE, "M17.11, R05.1, J3301", "99213-25, 20610-RT, J3301")
    assert both.out_of == right.out_of + 1 and both.points == right.points and both.misplaced == ()
    assert "already in the services box" in next(f for f in both.feedback if f.box == "diagnosis" and f.code == "J3301").message


def test_the_summary_tells_half_right_codes_from_missing_ones():
    r = grade_case(KNEE, "M17.11", "99213, 20610-RT, J3301")  # R05.1 not typed; 99213 lacks modifier 25
    text = r.score_text()
    assert r.half == ("99213",)
    assert "1 code from the answer key is there but half right" in text and "modifier" in text
    assert "1 code from the answer key is still missing" in text


def test_a_code_is_called_valid_only_when_a_shipped_list_holds_it():
    """E1199 has a HCPCS Level II shape but no shipped table holds it: the grader must not vouch for it."""
    from careerlab.codes.data import cpt_table, hcpcs_table

    unknown = next(f"E{n:04d}" for n in range(9999, 0, -1) if f"E{n:04d}" not in hcpcs_table())
    fb = feedback_for(OFFICE, "R05.1", f"99213, {unknown}", unknown)
    assert fb.status == "not_supported" and "is a valid" not in fb.message
    assert "cannot be checked here" in fb.message and "not what the note supports" in fb.message
    known = next(c for c in hcpcs_table() if c not in ("J3301",))
    fb = feedback_for(OFFICE, "R05.1", f"99213, {known}", known)
    assert f"{known} is a valid HCPCS Level II code" in fb.message
    other_cpt = next(c for c in cpt_table() if c not in ("99213",) and c.isdigit() and not c.startswith("99"))
    fb = feedback_for(OFFICE, "R05.1", f"99213, {other_cpt}", other_cpt)
    assert f"{other_cpt} is a valid CPT code" in fb.message
