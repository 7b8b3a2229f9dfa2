"""Modifiers drill (issue 13): every modifier taught, with its source; feedback on every choice;
first answers scored; NCCI tables labelled as teaching values."""
import re

import pytest

from careerlab.codes import modifier_drill, modifier_table, mue_check, mue_table, ptp_check, ptp_table
from careerlab.codes.model import LESSON
from careerlab.codes.modifiers import MODIFIER_DRILL, MODIFIERS, NCCI_SOURCE, OTHER_MODIFIERS, check_modifier
from careerlab.progress import ProgressStore
from careerlab.progress.record import exercise_section

TAUGHT = {"25", "59", "XE", "XS", "XP", "XU", "24", "57", "76", "77", "91", "LT", "RT", "GA", "GY", "GZ"}


def test_every_modifier_the_issue_names_is_taught_with_a_source_and_year():
    assert TAUGHT <= set(MODIFIERS)
    for m in MODIFIERS.values():
        assert m.meaning and re.search(r"\b20\d\d\b", m.source), m.code
    assert "Category II" in OTHER_MODIFIERS and "anaesthesia" in OTHER_MODIFIERS
    assert list(modifier_table().index) == list(MODIFIERS)


def test_25_and_57_follow_the_global_surgery_rule():
    assert "minor procedure (0- or 10-day" in MODIFIERS["25"].meaning
    assert "major operation (90-day" in MODIFIERS["57"].meaning
    assert "Global Surgery" in MODIFIERS["57"].source and "Global Surgery" in MODIFIERS["25"].source


def test_each_drill_question_has_its_answer_among_the_choices_and_every_wrong_choice_explained():
    answers = {q.answer for q in MODIFIER_DRILL}
    assert {"25", "57", "24", "76", "91", "RT", "GA", "GY"} <= answers and len(answers) >= 9
    for q in MODIFIER_DRILL:
        assert q.answer in q.choices and len(set(q.choices)) == len(q.choices)
        assert check_modifier(q, q.answer)[0]
        for wrong in set(q.choices) - {q.answer}:
            ok, text = check_modifier(q, wrong)
            assert not ok and MODIFIERS[wrong].meaning in text


def test_the_drill_widget_gives_feedback_and_counts_first_answers_once(tmp_path):
    store = ProgressStore(tmp_path / "h")
    w = modifier_drill(store=store)
    prompt, choice, (check, nxt), result = w.children[0], w.children[1], w.children[2].children, w.children[3]
    q = MODIFIER_DRILL[0]
    assert set(choice.options) == set(q.choices) and choice.value is None
    check.click()
    assert "Choose a modifier first" in result.value
    wrong = next(c for c in choice.options if c != q.answer)
    choice.value = wrong
    check.click()
    assert "careerlab-msg-error" in result.value and "0 of 1" in result.value
    choice.value = q.answer
    check.click()
    assert "careerlab-msg-ok" in result.value and "Only your first answer" in result.value and "0 of 1" in result.value
    nxt.click()
    assert "Situation 2 of" in prompt.value and choice.value is None
    choice.value = MODIFIER_DRILL[1].answer
    check.click()
    saved = store.get(exercise_section(LESSON), "modifier-drill")
    assert saved["answer"]["choices"] == {q.id: wrong, MODIFIER_DRILL[1].id: MODIFIER_DRILL[1].answer}
    assert saved["score"] == 0.5
    again = modifier_drill(store=store)  # rebuilt: the first answers still count
    again.children[1].value = q.answer
    again.children[2].children[0].click()
    assert "1 of 2" in again.children[3].value


def test_ncci_tables_say_they_are_teaching_values_and_the_real_ones_are_quarterly():
    assert any("TEACHING VALUE" in c for c in ptp_table().columns)
    assert any("TEACHING VALUE" in c for c in mue_table().columns)
    assert "every quarter" in NCCI_SOURCE and "CMS" in NCCI_SOURCE
    assert "only 99213 is paid" in ptp_check("99213", "99211", ("25",))
    assert "both may be paid with 25" in ptp_check("20610", "99213", ("25",))
    assert "bundled" in ptp_check("20610", "99213")
    assert "above the teaching MUE" in mue_check("J3301", 9) and "within" in mue_check("J3301", 8)


def test_the_guidelines_are_named_with_their_fy2026_section():
    from careerlab.codes import guidelines_table
    from careerlab.codes.guidelines import GUIDELINES

    table = guidelines_table()
    sources = " ".join(g.source for g in GUIDELINES)
    for section in ("IV.H", "IV.G", "I.B.9", "I.A.12.a", "I.A.12.b", "I.B.5", "I.A.13"):
        assert section in sources, section
    assert sum("FY2026" in g.source for g in GUIDELINES) >= 6 and "medically appropriate" in table.index[-1]
    assert len(table) == len(GUIDELINES) == 7 and all(g.example for g in GUIDELINES)


def test_the_codes_in_the_guideline_examples_are_in_the_release():
    from careerlab.codes import is_billable
    from careerlab.codes.guidelines import GUIDELINES

    examples = " ".join(g.example for g in GUIDELINES)
    for code in re.findall(r"\b[A-Z]\d\d\.[0-9A-Z]{1,4}\b(?!-)", examples):  # "M54.5-" is a group, said so
        assert is_billable(code), code


def test_every_modifier_the_shift_bills_is_taught_with_its_source():
    """Issue 16: the radiology charts bill 73610-26-RT, but 26 was not in the lesson's table."""
    from careerlab.codes import practice_cases

    used = {m for case in practice_cases() for key in case.services for m in key.modifiers}
    assert "26" in used and used <= set(MODIFIERS), sorted(used - set(MODIFIERS))
    assert "26" in modifier_table().index


def test_modifier_26_is_the_professional_component_with_a_cms_source():
    m = MODIFIERS["26"]
    assert m.owner == "CPT (AMA)"
    assert "professional component" in m.meaning and "TC" in m.meaning
    assert "CMS" in m.source and "ch. 13" in m.source and re.search(r"\b20\d\d\b", m.source)


def test_the_modifier_table_names_its_first_column():
    """Walk's finding (issue 16): lesson 02's modifier table had an empty first header cell."""
    from careerlab.ui import show_table

    shown = show_table(modifier_table()).to_html()
    head = re.search(r"<thead>(.*?)</thead>", shown, re.S).group(1)
    names = [re.sub(r"<[^>]+>", "", n).strip() for n in re.findall(r"<th[^>]*>(.*?)</th>", head, re.S)]
    assert names == ["Modifier", "Defined by", "What it says", "Source"]
