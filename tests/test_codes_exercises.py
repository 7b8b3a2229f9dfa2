"""Grading of visit-note answers: one status per typed code, partial credit, explanations."""
import pytest

from careerlab.codes import explain, grade_note, load_notes

NOTES = {n.id: n for n in load_notes()}
DIABETES = NOTES["vn-01-diabetes-check"]  # key: E11.9, Z79.84 | 99213 (24 min, established)
WRIST = NOTES["vn-04-wrist-fracture"]  # key: S52.521A | 99204 (47 min, new); optional W19.XXXA
STREP = NOTES["vn-03-strep-throat"]  # key: J02.0 | 99212, 87880


def statuses(result):
    return [(fb.code, fb.status) for fb in result.feedback]


def test_all_correct_scores_one():
    r = grade_note(DIABETES, "E11.9, Z79.84", "99213")
    assert statuses(r) == [("E11.9", "correct"), ("Z79.84", "correct"), ("99213", "correct")]
    assert r.score == 1.0 and r.missing == []


@pytest.mark.parametrize("typed", ["e11.9", "E119", "  e119 ", "e11 .9"])
def test_lower_case_missing_dot_and_spaces_are_accepted(typed):
    r = grade_note(DIABETES, f"{typed}; z7984", "99213")
    assert [fb.status for fb in r.feedback] == ["correct", "correct", "correct"]
    assert "read as E11.9" in r.feedback[0].message


def test_header_is_not_specific_enough_with_half_credit():
    r = grade_note(DIABETES, "E11, Z79.84", "99213")
    msg = r.feedback[0].message
    assert r.feedback[0].status == "not_specific" and "category" in msg and "add characters" in msg
    # issue 13: it points down the key's own family, never to E11.00/E11.01/E11.10; and (the walk's finding)
    # when the next step down is the key code itself, it is not named: the hint would give the answer away
    assert "E11.9" not in msg and "codes under E11" in msg
    assert not any(c in msg for c in ("E11.00", "E11.01", "E11.10"))
    wrist = grade_note(WRIST, "S52", "99204").feedback[0].message
    assert "S52.5" in wrist and "S52.521A" not in wrist  # a step on the way is named, the key is not
    assert not msg.startswith("Not specific enough")  # the widget's title says that once
    # E11.9 earns 1/2, Z79.84 1, 99213 1 -> 2.5 of 3
    assert r.points == 2.5 and r.out_of == 3 and r.score == pytest.approx(2.5 / 3)


def test_seventh_character_missing_is_not_specific():
    r = grade_note(WRIST, "S52.521", "99204")
    assert r.feedback[0].status == "not_specific" and "7th character" in r.feedback[0].message


def test_less_specific_sibling():
    r = grade_note(STREP, "J02.9", "99212, 87880")
    assert r.feedback[0].status == "not_specific" and "less specific" in r.feedback[0].message
    assert r.points == 2.5  # 1/2 + 1 + 1


def test_cpt_typed_in_both_boxes_the_diagnosis_copy_is_an_extra():
    r = grade_note(DIABETES, "e11, Z79.84, 99213", "99213")
    assert statuses(r) == [("E11", "not_specific"), ("Z79.84", "correct"), ("99213", "wrong_set"),
                           ("99213", "correct")]
    assert "already in the services box" in r.feedback[2].message and r.feedback[2].counts_as_extra
    # points: E11.9 1/2 + Z79.84 1 + 99213 1 = 2.5; out of 3 key codes + 1 extra = 4
    assert r.points == 2.5 and r.out_of == 4 and r.score == pytest.approx(0.625)


def test_cpt_typed_only_as_diagnosis_is_told_to_move_and_costs_one_point():
    r = grade_note(DIABETES, "E11.9, Z79.84, 99213", "")
    assert "move it to the services box" in r.feedback[2].message and not r.feedback[2].counts_as_extra
    assert r.points == 2 and r.out_of == 3 and r.misplaced == ("99213",)


def test_diagnosis_typed_as_service():
    r = grade_note(WRIST, "", "S52.521A")
    assert r.feedback[0].status == "wrong_set" and "ICD-10-CM" in r.feedback[0].message


def test_valid_but_not_supported_with_em_hints():
    r = grade_note(WRIST, "S52.521A, E11.9", "99214")
    assert [fb.status for fb in r.feedback] == ["correct", "not_supported", "not_supported"]
    assert "established patient" in r.feedback[2].message  # 99214 is for established; this patient is new
    # S52.521A 1 of (2 key + 2 extras) = 0.25
    assert r.score == pytest.approx(0.25)


def test_note_specific_hint():
    r = grade_note(NOTES["vn-07-bladder-infection"], "R30.0", "")
    assert r.feedback[0].status == "not_supported" and "symptom" in r.feedback[0].message


def test_not_a_code_and_nonexistent_code():
    r = grade_note(DIABETES, "hello, E11.99", "12")
    assert [fb.status for fb in r.feedback] == ["not_a_code", "not_a_code", "not_a_code"]
    assert "is not a code" in r.feedback[0].message
    assert "not in the April 1, 2026 release" in r.feedback[1].message
    assert r.score == 0.0


def test_optional_code_is_neutral_and_duplicates_are_flagged():
    r = grade_note(WRIST, "S52.521A, w19xxxa, s52521a", "99204")
    assert [fb.status for fb in r.feedback] == ["correct", "optional", "duplicate", "correct"]
    assert r.score == 1.0


def test_empty_boxes():
    r = grade_note(DIABETES, "", None)
    assert r.feedback == [] and r.score == 0.0 and r.missing == ["E11.9", "Z79.84", "99213"]
    assert "3 codes from the answer key are still missing" in r.summary()
    assert r.summary() == "Score: " + r.score_text() and not r.score_text().startswith("Score")


def test_score_text_says_why_the_total_grew_with_an_extra_code():
    r = grade_note(DIABETES, "J45.909", "")  # one unsupported code, nothing from the key
    text = r.score_text()
    assert text.startswith("0% (0 of 4 points: 3 codes from the answer key + 1 extra code you typed")
    assert "3 codes from the answer key are still missing" in text
    one_left = grade_note(DIABETES, "E11.9, Z79.84", "")
    assert "1 code from the answer key is still missing" in one_left.score_text()
    assert "extra" not in one_left.score_text()


def test_explain_covers_key_and_optional_codes():
    codes = [c for c, _ in explain(WRIST)]
    assert codes == ["S52.521A", "99204", "W19.XXXA"] and all(text for _, text in explain(WRIST))


@pytest.mark.parametrize("typed", ["E11.9, E11, Z79.84", "E11, E11.9, Z79.84", "e11; e119; z7984"])
def test_a_heading_beside_its_own_billable_code_costs_a_point(typed):
    r = grade_note(DIABETES, typed, "99213")
    heading = next(fb for fb in r.feedback if fb.code == "E11")
    assert heading.status == "extra_heading" and heading.counts_as_extra and heading.points == 0
    assert "E11 is a category heading, not a billable code; E11.9 already says it" in heading.message
    # E11.9 1 + Z79.84 1 + 99213 1 = 3 points, out of 3 key codes + 1 extra = 4
    assert r.points == 3 and r.out_of == 4 and r.score == pytest.approx(0.75)
    assert "1 extra code" in r.score_text() and r.missing == []


def test_a_heading_alone_still_earns_half_a_point():
    r = grade_note(DIABETES, "E11, Z79.84", "99213")  # unchanged: E11 stands in for E11.9
    assert r.feedback[0].status == "not_specific" and not r.feedback[0].counts_as_extra and r.points == 2.5


def test_a_less_specific_sibling_beside_the_right_code_costs_a_point():
    r = grade_note(STREP, "J02.0, J02.9", "99212, 87880")
    assert r.feedback[1].status == "extra_heading" and "J02.0 already says it" in r.feedback[1].message
    assert r.points == 3 and r.out_of == 4


def test_a_code_missing_its_7th_character_beside_the_full_code_costs_a_point():
    r = grade_note(WRIST, "S52.521A, S52.521", "99204")
    assert r.feedback[1].status == "extra_heading" and "not a billable code" in r.feedback[1].message
    assert r.points == 2 and r.out_of == 3


def test_the_knee_injection_note_grades_its_units_and_side_as_its_own_key_explains():
    """The walk's finding: "20610-RT, J3301 x4" (right for 40 mg, J3301 being per 10 mg) got half credit,
    and plain "J3301" full marks, while Show me why said "40 mg is 4 units"."""
    from careerlab.codes.data import load_notes
    from careerlab.codes.exercises import explain

    knee = next(n for n in load_notes() if n.id == "vn-05-knee-injection")
    assert knee.units == {"J3301": 4} and knee.modifiers == {"20610": ("RT",)}
    why = dict(explain(knee))
    assert "4 units" in why["J3301"] and "RT" in why["20610"]  # the key says what the grader wants
    assert grade_note(knee, "M17.11", "20610-RT, J3301 x4").score == 1.0
    assert grade_note(knee, "M17.11", "20610RT J3301x4").score == 1.0  # a modifier typed without its dash
    plain = grade_note(knee, "M17.11", "20610, J3301")
    assert plain.score < 1 and set(plain.half) == {"20610", "J3301"}
    assert any("4 units, not 1" in fb.message for fb in plain.feedback)


def test_a_glued_modifier_is_read_only_for_a_code_the_key_holds():
    """"20610RT" is read as 20610-RT for a note that bills 20610; a 7-character entry that is not a key code
    with a modifier is left as typed."""
    from careerlab.codes.grading import AnswerKey, _unglue_modifier

    key = AnswerKey(("M17.11",), ("20610", "J3301"))
    assert _unglue_modifier("20610rt", key) == "20610-RT"
    assert _unglue_modifier("J3301JW x4", key) == "J3301-JW X4"
    assert _unglue_modifier("99213RT", key) == "99213RT" and _unglue_modifier("0DTJ4ZZ", key) == "0DTJ4ZZ"


def test_a_visit_note_with_odd_modifiers_or_units_is_refused_plainly():
    import json

    from careerlab.codes.data import VisitNoteError, parse_notes
    from careerlab.paths import data_path

    doc = json.loads(data_path("codes", "visit_notes.json").read_text(encoding="utf-8"))
    for change in ({"units": {"J3301": 0}}, {"units": {"99999": 2}}, {"modifiers": {"20610": ["RIGHT"]}},
                   {"modifiers": {"20610": "RT"}}, {"units": {"J3301": True}}):
        bad = json.loads(json.dumps(doc))
        note = next(n for n in bad["notes"] if n["id"] == "vn-05-knee-injection")
        note.update(change)
        with pytest.raises(VisitNoteError):
            parse_notes(bad)
