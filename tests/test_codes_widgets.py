"""Widget tests: drive the widgets from code and read the resulting values."""
import re

import ipywidgets as W

from careerlab.codes import code_set_drill, em_mdm_widget, em_time_widget, exercise_widget, lookup_widget, search_widget
from careerlab.progress import default_store


def test_lookup_widget_billable_header_and_bad_input():
    w = lookup_widget("E11.9")
    box, button = w.children[0].children
    result = w.children[1]
    assert "E11.9 — Billable" in result.value
    box.value = "m54.5"
    button.click()
    assert "Not billable" in result.value and "M54.50" in result.value
    box.value = "99213"
    button.click()
    assert "CPT" in result.value
    box.value = ""
    button.click()
    assert "type a diagnosis code" in result.value


def test_search_widget_table_and_empty_input():
    w = search_widget("streptococcal pharyngitis")
    box, billable, button = w.children[0].children
    result = w.children[1]
    assert "J02.0" in result.value and "<table" in result.value
    box.value = "   "
    button.click()
    assert "Type one or more words" in result.value
    box.value = "strep throat"
    button.click()
    assert "No code descriptions" in result.value


def test_em_time_widget_slider_and_toggle():
    w = em_time_widget(minutes=25, new_patient=False)
    slider, who, result, _style = w.children
    assert "99213" in result.value
    slider.value = 30
    assert "99214" in result.value
    who.value = True  # new patient: 30 minutes meets 99203
    assert "99203" in result.value
    slider.value = 14  # below the new-patient minimum of 15
    assert "No code by time" in result.value


def test_em_mdm_widget_two_of_three():
    w = em_mdm_widget()
    problems, data, risk, who, result, _style = w.children
    problems.value, data.value, risk.value = "high", "straightforward", "moderate"
    assert "moderate" in result.value and "99214" in result.value
    who.value = True
    assert "99204" in result.value


def test_exercise_widget_checks_saves_and_explains():
    w = exercise_widget("vn-01-diabetes-check")
    picker, note_box, dx, svc, buttons, result = w.children
    check, why = buttons.children
    assert "Frankie Sample" in note_box.value
    dx.value, svc.value = "e11, Z79.84", "99213"
    check.click()
    assert "Not specific enough" in result.value and "Correct" in result.value
    saved = default_store().get("exercise:02-the-medical-coder", "vn-01-diabetes-check")
    assert saved["score"] == round(2.5 / 3, 3)
    why.click()
    assert "E11.9" in result.value and "Z79.84" in result.value
    assert "CPT® is a registered trademark of the American Medical Association." in result.value
    picker.value = "vn-06-nurse-bp-check"
    assert dx.value == "" and "nurse" in note_box.value.lower()


def test_exercise_widget_empty_check_loses_nothing():
    w = exercise_widget("vn-02-low-back-pain")
    check = w.children[4].children[0]
    check.click()
    assert "Both boxes are empty" in w.children[5].value
    assert "Score" not in w.children[5].value  # no "0% (0 of 2 points)" for an attempt not made
    assert default_store().get("exercise:02-the-medical-coder", "vn-02-low-back-pain") is None


def test_exercise_widget_keeps_the_best_score_and_says_so():
    """The lesson says the score is saved: a later, worse attempt never replaces a perfect one."""
    section, note = "exercise:02-the-medical-coder", "vn-01-diabetes-check"
    w = exercise_widget(note)
    _, _, dx, svc, buttons, result = w.children
    check = buttons.children[0]
    dx.value, svc.value = "E11.9, Z79.84", "99213"
    check.click()
    assert default_store().get(section, note)["score"] == 1.0 and "Saved as your best score" in result.value
    dx.value = "E11"  # a worse try
    check.click()
    saved = default_store().get(section, note)
    assert saved["score"] == 1.0 and saved["answer"]["diagnoses"] == "E11.9, Z79.84"
    assert "best score on this note, 100%, stays saved" in result.value
    default_store().record(section, note, {"answer": {}, "score": "lots"})  # hand-edited: ignored, then replaced
    check.click()
    assert default_store().get(section, note)["answer"]["diagnoses"] == "E11"


def test_code_set_drill():
    w = code_set_drill()
    prompt, choice, buttons, result = w.children
    check, nxt = buttons.children
    assert "E11.9" in prompt.value
    check.click()
    assert "Choose a code set first" in result.value
    choice.value = "ICD-10-CM"
    check.click()
    assert "Correct" in result.value and "1 of 1" in result.value
    nxt.click()
    assert "99213" in prompt.value and choice.value is None
    choice.value = "HCPCS Level II"
    check.click()
    assert "Not quite" in result.value and "1 of 2" in result.value
    assert isinstance(w, W.VBox)


def test_broken_notes_file_gives_a_message_not_a_traceback(monkeypatch):
    from careerlab.codes import data, exercise_widgets

    def broken():
        raise data.VisitNoteError("Could not read data/codes/visit_notes.json: Expecting value")

    monkeypatch.setattr(exercise_widgets, "load_notes", broken)
    w = exercise_widget()
    assert len(w.children) == 1 and "could not be loaded" in w.children[0].value


def test_broken_em_table_shows_a_plain_message(monkeypatch):
    from careerlab.codes import data, em

    def broken():
        raise data.CodesDataError("em_office_visits.json: the source is missing")

    monkeypatch.setattr(em, "em_table", broken)
    w = em_time_widget()
    assert "Sorry" in w.children[2].value and "source is missing" in w.children[2].value


def test_code_table_checks_reject_hand_edited_files(monkeypatch, tmp_path):
    import pytest

    from careerlab.codes import data

    (tmp_path / "codes").mkdir()
    (tmp_path / "codes" / "cpt_codes.csv").write_text("code,category,plain_description\n9921,I,short code\n")
    monkeypatch.setattr(data, "data_path", lambda *parts: tmp_path.joinpath(*parts))
    data.cpt_table.cache_clear()
    try:
        with pytest.raises(data.CodesDataError, match="shape of CPT"):
            data.cpt_table()
    finally:
        data.cpt_table.cache_clear()


LINE_HEIGHT = 'style="line-height:1.45'  # JupyterLab's 28 px widget line height would double-space the text


def test_exercise_feedback_says_score_once():
    w = exercise_widget("vn-01-diabetes-check")
    dx, check, result = w.children[2], w.children[4].children[0], w.children[5]
    dx.value = "hello"
    check.click()
    assert result.value.count("Score") == 1 and "<b>Score:</b> 0% (0 of " in result.value


def test_html_boxes_read_as_ordinary_text():
    search = search_widget("streptococcal pharyngitis")
    table = search.children[1].value
    assert LINE_HEIGHT in table.split(">", 1)[0]  # the outer block sets its own line height
    assert "padding:4px 12px 4px 0" in table and "<th" in table and ">Description</th>" in table
    assert ">yes</td>" in table or ">no (header)</td>" in table  # billable in words, not True/False
    exercise = exercise_widget("vn-01-diabetes-check")
    assert LINE_HEIGHT in exercise.children[1].value  # the visit note
    exercise.children[4].children[1].click()  # Show me why
    assert LINE_HEIGHT in exercise.children[5].value
    lookup = lookup_widget("E11.9")
    assert LINE_HEIGHT in lookup.children[1].value and "Family:" in lookup.children[1].value


def test_stable_css_classes_for_the_browser_test():
    lookup = lookup_widget("E11.9")
    box, button = lookup.children[0].children
    assert "careerlab-codes-lookup" in lookup._dom_classes
    assert "careerlab-codes-lookup-input" in box._dom_classes
    assert "careerlab-codes-lookup-button" in button._dom_classes
    assert "careerlab-codes-lookup-result" in lookup.children[1]._dom_classes
    exercise = exercise_widget()
    picker, note, dx, svc, buttons, result = exercise.children
    check, why = buttons.children
    assert "careerlab-codes-exercise" in exercise._dom_classes
    for widget, part in ((picker, "picker"), (note, "note"), (dx, "diagnoses"), (svc, "services"),
                         (check, "check"), (why, "why"), (result, "feedback")):
        assert f"careerlab-codes-exercise-{part}" in widget._dom_classes


def test_code_set_drill_counts_each_code_once_however_often_check_is_pressed():
    w = code_set_drill()
    prompt, choice, buttons, result = w.children
    check, nxt = buttons.children
    choice.value = "ICD-10-CM"
    for _ in range(3):
        check.click()
    assert "1 of 1" in result.value and "3 of 3" not in result.value
    assert "first answer is the one that counts" in result.value
    saved = default_store().get("exercise:02-the-medical-coder", "code-set-drill")
    assert saved["answer"]["answered"] == 1 and saved["answer"]["right"] == 1 and saved["score"] == 1.0


def test_code_set_drill_a_wrong_first_answer_stays_wrong():
    w = code_set_drill()
    prompt, choice, buttons, result = w.children
    check, nxt = buttons.children
    choice.value = "CPT"  # E11.9 is ICD-10-CM
    check.click()
    choice.value = "ICD-10-CM"
    check.click()
    check.click()
    assert "0 of 1" in result.value
    saved = default_store().get("exercise:02-the-medical-coder", "code-set-drill")
    assert saved["score"] == 0.0 and saved["answer"]["choices"] == {"E11.9": "CPT"}


def test_code_set_drill_going_round_again_does_not_count_twice():
    from careerlab.codes.exercise_widgets import DRILL

    w = code_set_drill()
    prompt, choice, buttons, result = w.children
    check, nxt = buttons.children
    for _ in range(2 * len(DRILL)):  # twice round the whole drill, always the right answer
        choice.value = dict(DRILL)[prompt.value.split("<b>")[1].split("</b>")[0]]
        check.click()
        nxt.click()
    saved = default_store().get("exercise:02-the-medical-coder", "code-set-drill")
    assert saved["answer"]["answered"] == len(DRILL) and saved["answer"]["right"] == len(DRILL)


def test_exercise_widget_says_why_a_heading_beside_its_code_costs_a_point():
    w = exercise_widget("vn-01-diabetes-check")
    picker, note_box, dx, svc, buttons, result = w.children
    dx.value, svc.value = "E11.9, E11, Z79.84", "99213"
    buttons.children[0].click()
    assert "E11 is a category heading, not a billable code; E11.9 already says it" in result.value
    assert default_store().get("exercise:02-the-medical-coder", "vn-01-diabetes-check")["score"] == 0.75


def test_code_set_drill_rebuilt_keeps_the_saved_first_answers():
    from careerlab.codes.exercise_widgets import DRILL

    w = code_set_drill()
    prompt, choice, buttons, result = w.children
    check, nxt = buttons.children
    for code, key in DRILL:  # all eight right first time
        choice.value = key
        check.click()
        nxt.click()
    w = code_set_drill()  # the cell is run again
    prompt, choice, buttons, result = w.children
    check, nxt = buttons.children
    assert choice.value == "ICD-10-CM"  # the saved first answer for E11.9 is shown
    assert "first answer is the one that counts" in result.value and "8 of 8" in result.value
    choice.value = "CPT"  # now a wrong answer on a code already answered
    check.click()
    assert "first answer is the one that counts" in result.value and "8 of 8" in result.value
    saved = default_store().get("exercise:02-the-medical-coder", "code-set-drill")
    assert saved["answer"]["answered"] == 8 and saved["answer"]["right"] == 8 and saved["score"] == 1.0


def test_code_set_drill_rebuilt_counts_new_codes_on_top_of_saved_ones():
    store = default_store()
    store.record("exercise:02-the-medical-coder", "code-set-drill",
                 {"answer": {"answered": 2, "right": 1, "choices": {"E11.9": "ICD-10-CM", "99213": "HCPCS Level II",
                                                                    "J3301": 7, "NOPE": "CPT", "Z23": "Not a set"}},
                  "score": 0.5})
    w = code_set_drill()
    prompt, choice, buttons, result = w.children
    check, nxt = buttons.children
    nxt.click()
    assert choice.value == "HCPCS Level II" and "1 of 2" in result.value
    nxt.click()  # J3301: the saved junk was skipped, so it is still open
    assert choice.value is None and result.value == ""
    choice.value = "HCPCS Level II"
    check.click()
    assert "2 of 3" in result.value and "first answer" not in result.value
    saved = store.get("exercise:02-the-medical-coder", "code-set-drill")
    assert saved["answer"]["choices"] == {"E11.9": "ICD-10-CM", "99213": "HCPCS Level II", "J3301": "HCPCS Level II"}


def test_code_set_drill_ignores_a_saved_record_of_the_wrong_shape():
    store = default_store()
    store.record("exercise:02-the-medical-coder", "code-set-drill", {"answer": {"choices": ["E11.9"]}})
    w = code_set_drill()
    prompt, choice, buttons, result = w.children
    assert choice.value is None and result.value == ""


def test_chosen_mdm_buttons_have_a_high_contrast_check_marked_look():
    """Seen in lesson 02: the chosen buttons were pale grey, hard to tell from the others."""
    import re

    from careerlab.codes.widgets import CHOICE_CLASS

    for w in (em_mdm_widget(), em_time_widget()):
        *_, style = w.children
        toggles = [c for c in w.children if c.__class__.__name__ == "ToggleButtons"]
        assert toggles and all(CHOICE_CLASS in t._dom_classes for t in toggles)
        css = style.value
        rule = re.search(rf"\.{CHOICE_CLASS} button\.mod-active\{{([^}}]*)\}}", css).group(1)
        background = re.search(r"background:#([0-9a-f]{6})", rule).group(1)
        colour = re.search(r"(?<!-)color:#([0-9a-f]{3,6})", rule).group(1)
        assert contrast(background, colour) >= 7  # WCAG AAA for text
        assert contrast(background, "eeeeee") >= 3  # and far from the unchosen buttons' grey
        assert "font-weight:bold" in rule
        assert re.search(rf"\.{CHOICE_CLASS} button\.mod-active::before\{{content:'\\2714", css)
        assert "focus-visible" in css  # keyboard focus stays visible
        # the widget itself still works from keys and clicks alike: nothing rebuilds the buttons
        icons = [list(t.icons) for t in toggles]
        toggles[-1].value = toggles[-1].options[0][1]
        assert [list(t.icons) for t in toggles] == icons


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two hex colours."""
    def lum(h):
        h = "".join(c * 2 for c in h) if len(h) == 3 else h
        rgb = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_enter_in_the_lookup_box_runs_it_and_the_answer_names_the_code():
    w = lookup_widget("E11.9")
    box, _button = w.children[0].children
    result = w.children[1]
    assert box.continuous_update is False  # the value arrives on Enter (or leaving the box)
    box.value = "m54.5"  # what Enter sends: no button press
    assert "M54.5 — Not billable" in result.value and "E11.9" not in result.value
    box.value = "e119"
    assert "E11.9 — Billable" in result.value and "You typed e119, read as E11.9" in result.value
    box.value = "J3301"  # a HCPCS drug code, not J33.01 without its dot
    assert "HCPCS Level II" in result.value and "services box" in result.value
    assert "Chapter 4 →" in lookup_widget("E11.9").children[1].value


def test_enter_in_the_search_box_runs_it():
    w = search_widget("streptococcal pharyngitis")
    box, billable, _button = w.children[0].children
    result = w.children[1]
    assert box.continuous_update is False
    box.value = "fracture radius"
    assert "matching fracture radius" in result.value and "J02.0" not in result.value


def test_em_time_widget_shows_the_prolonged_rule_above_the_top_level():
    w = em_time_widget(minutes=40, new_patient=False)
    slider, who, result, _style = w.children
    assert "99215" in result.value and "99417 unit needs 55 minutes" in result.value
    assert "G2212 unit needs 69 minutes" in result.value
    slider.value = 70  # established: 99417 at 55 and 70, G2212 at 69
    assert "99215 + 99417 × 2" in result.value and "99215 + G2212 × 1" in result.value
    who.value = True  # new patient, 70 minutes: 99205, 99417 needs 75, G2212 needs 89
    assert "99205 only: the first 99417 unit needs 75 minutes" in result.value
    slider.value = 89
    assert "99205 + 99417 × 1" in result.value and "99205 + G2212 × 1" in result.value
    slider.value = 30
    assert "Prolonged" not in result.value


def test_a_header_lists_the_next_level_down_not_far_cousins():
    from careerlab.codes import describe

    text = describe("E11")
    assert "E11.9" in text and "add characters" in text and "E11.00" not in text


def test_lookup_titles_an_empty_box_and_a_service_code_for_what_they_are():
    """Issue 16: an empty box and 99213 were both titled "Not a billable diagnosis code"."""
    w = lookup_widget("E11.9")
    box, button = w.children[0].children
    result = w.children[1]
    box.value = "   "
    assert "Not a billable" not in result.value and "careerlab-msg-warn" not in result.value
    assert "Type a code" in result.value and "E11.9" in result.value
    for typed, code_set in (("99213", "CPT"), ("3074F", "CPT"), ("J3301", "HCPCS Level II"), ("g0439", "HCPCS Level II")):
        box.value = typed
        button.click()
        title = re.search(r"<b>([^<]*):</b>", result.value).group(1)
        assert "Not a billable" not in title, (typed, title)
        assert typed.upper() in title and f"Looks like a {code_set} code" in title, title
        assert "This look-up is for ICD-10-CM diagnosis codes" in result.value
    box.value = "E11.99"  # a typo of a diagnosis code keeps its own title
    assert "E11.99 — Not a billable diagnosis code" in result.value and "typo" in result.value


def test_mdm_elements_are_labelled_with_their_own_level_names():
    """Issue 16: every element offered "Straightforward … High", the names of the MDM level, not of
    the elements (AMA/CMS 2021 table: problems and risk minimal to high; data minimal or none,
    limited, moderate, extensive)."""
    w = em_mdm_widget()
    problems, data, risk, who, result, _style = w.children
    labels = {t.description: [label for label, _ in t.options] for t in (problems, data, risk)}
    assert labels == {"Problems:": ["Minimal", "Low", "Moderate", "High"],
                      "Data:": ["Minimal or none", "Limited", "Moderate", "Extensive"],
                      "Risk:": ["Minimal", "Low", "Moderate", "High"]}
    for t in (problems, data, risk):  # each label still stands for one MDM level, lowest first
        assert [value for _, value in t.options] == ["straightforward", "low", "moderate", "high"]
    who.value = False
    problems.label, data.label, risk.label = "Minimal", "Extensive", "High"
    assert "MDM level: high" in result.value and "99215" in result.value
    data.label = "Limited"
    problems.label = "Moderate"
    assert "MDM level: moderate" in result.value and "99214" in result.value
    assert "Elements that reach moderate: problems (moderate), risk (high) (2 of 3 needed)" in result.value
