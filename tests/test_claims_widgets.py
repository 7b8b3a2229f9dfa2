"""Drive the claim builder and the share exercise as a learner would: set values, click buttons."""
import pytest

from careerlab.claims import parse_money

from careerlab.claims.widgets import SECTION, claim_builder, share_exercise
from careerlab.progress import ProgressStore
from claims_helpers import column_alignment


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path / "progress.json")


def test_builder_scrubs_a_clean_visit(store):
    b = claim_builder(store=store)
    assert b.visit.value == "V01" and len(b.line_rows) == 2
    assert "99213" in b.form.value and "Box 21" in b.form.value
    b.scrub_button.click()
    assert b.last_findings == [] and "clean" in b.result.value


def test_builder_visit_names_do_not_give_the_answer_away(store):
    """The learner finds what is wrong by scrubbing: the visit list names the visit, not its outcome."""
    b = claim_builder(store=store)
    outcome_words = ("clean", "denial", "denied", "modifier", "billable", "heading", "late", "twice",
                     "bundled", "missing", "gaps", "without", "(")
    for label, visit_id in b.visit.options:
        b.visit.value = visit_id
        b.scrub_button.click()
        rules = {w for f in b.last_findings for w in f.rule.replace("-", " ").split() if not w.isdigit()}
        words = set(label.lower().replace(",", " ").split())
        assert not words & rules, (label, rules)
        assert not [w for w in outcome_words if w in label.lower()], label


def test_scrub_counts_its_problems_in_plain_words(store):
    b = claim_builder(store=store)
    b.visit.value = "V03"
    b.scrub_button.click()
    assert "1 problem found. Fix it and scrub again." in b.result.value
    b.visit.value = "V07"
    b.scrub_button.click()
    n = len(b.last_findings)
    assert n > 1 and f"{n} problems found. Fix them and scrub again." in b.result.value
    assert "(s)" not in b.result.value


def test_builder_fix_a_denial_and_resubmit(store):
    b = claim_builder(store=store)
    b.visit.value = "V03"
    b.scrub_button.click()
    assert [f.rule for f in b.last_findings] == ["modifier-25"] and "modifier 25" in b.result.value
    b.submit_button.click()
    assert list(b.last_remittance["status"]) == ["denied", "paid"] and "CO-97" in b.result.value
    assert store.get(SECTION, "claim-V03")["score"] == 0.0
    b.line_rows[0]["modifiers"].value = "25"
    b.scrub_button.click()
    assert b.last_findings == []
    b.submit_button.click()  # FEDMED already has the claim: the fix goes as a reopening (lesson section 8)
    assert "Reopening: paid" in b.result.value and "duplicate" in b.result.value
    assert list(b.last_remittance["status"]) == ["paid", "paid"]
    # 69.39 + 46.41 = 115.80 after sequestration (see test_claims_adjudication)
    assert store.get(SECTION, "claim-V03") == {"answer": {"denied_lines": 0, "paid": "115.80"}, "score": 1.0}


def _remove_button(builder, n):
    return builder.lines_box.children[n - 1].children[-1]


def test_a_bundled_line_the_notes_do_not_support_can_be_removed_and_the_claim_is_clean(store):
    """The walk's blocker: V06's scrub says "otherwise remove line 2", and the form had no way to do it, so
    only adding 59 (not backed by the notes) gave a clean claim."""
    b = claim_builder(store=store)
    b.visit.value = "V06"
    b.scrub_button.click()
    assert [f.rule for f in b.last_findings] == ["bundled-pair"] and "remove line 2" in b.result.value
    # 59 is not backed by V06's notes: still an error, and the fix says to remove the line
    b.line_rows[1]["modifiers"].value = "59"
    b.scrub_button.click()
    assert [f.rule for f in b.last_findings] == ["bundled-pair"] and "notes describe none" in b.result.value
    b.line_rows[1]["modifiers"].value = ""
    _remove_button(b, 2).click()
    assert len(b.line_rows) == 1 and len(b.lines_box.children) == 1 and "Line 2 is off the claim" in b.result.value
    assert "96372" not in b.form.value
    b.scrub_button.click()
    assert b.last_findings == [] and "clean" in b.result.value
    b.submit_button.click()
    assert list(b.last_remittance["code"]) == ["20610"]
    # all of the allowed amount went to the deductible: processed, not "Paid", when the payer paid $0.00
    assert sum(b.last_remittance["paid"]) == 0 and "Processed, $0.00 paid" in b.result.value
    assert "<b>Paid:</b>" not in b.result.value
    _remove_button(b, 1).click()  # the last line stays
    assert len(b.line_rows) == 1 and "at least one service line" in b.result.value
    b.reset_button.click()  # Start this visit over brings the line back
    assert len(b.line_rows) == 2 and "96372" in b.form.value


def test_59_stays_right_where_the_notes_show_a_separate_service(store):
    """The scrubber's 59 rule is per visit: a claim whose notes are silent still takes 59 as before."""
    from careerlab.claims.model import claim_from_dict, claim_to_dict
    from careerlab.claims.scrubber import scrub

    raw = claim_to_dict(claim_builder(store=store).visits["V06"])
    raw["lines"][1]["modifiers"] = ["59"]
    assert [f.rule for f in scrub(claim_from_dict(raw))] == ["bundled-pair"]
    raw["not_separate"] = []
    assert scrub(claim_from_dict(raw)) == []


def test_a_claim_the_payer_has_answered_is_never_sent_again_as_it_was(store):
    """Lesson section 8: Medicare denies a whole claim sent again as a duplicate. Once FEDMED has answered,
    the builder's button asks for a reopening and says why; Start this visit over sends a first claim again."""
    b = claim_builder(store=store)
    b.visit.value = "V03"
    assert b.submit_button.description == "Submit to the payer"
    b.submit_button.click()
    assert b.submit_button.description == "Ask for a reopening"
    assert "To correct it, change the fields and press Ask for a reopening." in b.result.value
    assert "Reopening" not in b.result.value.split("To correct it")[0]  # the first answer is a plain denial
    b.line_rows[0]["modifiers"].value = "25"
    b.submit_button.click()
    assert "Reopening: paid" in b.result.value and "clerical-error reopening" in b.result.value
    assert "reason code 18" in b.result.value and "Paid:" not in b.result.value
    b.reset_button.click()
    assert b.submit_button.description == "Submit to the payer" and b.line_rows[0]["modifiers"].value == ""


def test_a_commercial_payer_takes_a_replacement_claim_with_frequency_code_7(store):
    b = claim_builder(store=store)
    b.visit.value = "V06"  # NWPPO: line 2 is denied as bundled
    b.submit_button.click()
    assert b.submit_button.description == "Send a replacement claim"
    b.submit_button.click()
    assert "Replacement claim: still denied" in b.result.value and "frequency code 7" in b.result.value
    assert "PCNV06" in b.result.value  # the payer's number for the first claim, as the 835 gives it
    b.file_button.click()
    assert "CLM*V06*225***11:B:7*" in b.result.value and "REF*F8*PCNV06~" in b.result.value
    assert "replacement claim" in b.result.value and "Rejected" not in b.result.value
    b.reset_button.click()
    b.file_button.click()  # not yet sent: an original claim, frequency code 1, no REF*F8
    assert "11:B:1*" in b.result.value and "REF*F8" not in b.result.value


def test_an_unprocessable_medicare_claim_goes_again_as_a_new_claim(store):
    b = claim_builder(store=store)
    b.fields["diagnoses"].value = ""  # V01 to FEDMED: every line comes back CO-16
    b.submit_button.click()
    assert b.submit_button.description == "Send it as a new claim"
    b.fields["diagnoses"].value = "I10, E11.9"
    b.submit_button.click()
    assert "New claim: paid" in b.result.value and "unprocessable" in b.result.value
    assert store.get(SECTION, "claim-V01")["score"] == 1.0


def test_a_late_medicare_claim_is_not_reopened(store):
    b = claim_builder(store=store)
    b.visit.value = "V05"  # sent more than 12 months after the date of service: CO-29
    b.submit_button.click()
    first = b.last_remittance
    assert "cannot be appealed or reopened" in b.result.value and "press Ask for a reopening" not in b.result.value
    b.submit_button.click()
    assert "No reopening" in b.result.value and "cannot be appealed or reopened" in b.result.value
    assert b.last_remittance is first and store.get(SECTION, "claim-V05")["score"] == 0.0


def test_the_builders_tables_align_words_left_and_money_right(store):
    """The form, the findings and the remittance in the builder are drawn like every lesson table."""
    b = claim_builder(store=store)
    assert column_alignment(b.form.value)["24F charge"] == "right"
    b.visit.value = "V07"
    b.scrub_button.click()
    assert set(column_alignment(b.result.value).values()) == {"left"}  # findings: words only
    b.submit_button.click()
    aligned = column_alignment(b.result.value)
    assert {k for k, v in aligned.items() if v == "right"} == {"Billed", "Allowed", "Paid", "Patient owes"}
    assert aligned["Line"] == aligned["Status"] == aligned["Adjustments (group-reason amount)"] == "left"
    assert 'aria-label="The remittance"' in b.result.value and "border: 1px solid" in b.result.value
    # each adjustment explained, at a normal line height (a widget's 28 px rows read as double-spaced)
    assert '<div class="careerlab-text careerlab-adjustments" style="line-height:1.45' in b.result.value


def test_builder_fields_fix_missing_npi_and_diagnosis(store):
    b = claim_builder(store=store)
    b.visit.value = "V07"
    b.scrub_button.click()
    assert {f.field for f in b.last_findings} == {"Rendering provider NPI (box 24J)", "Line 2 place of service (box 24B)"}
    b.fields["rendering_npi"].value = "9990000033"
    b.scrub_button.click()
    assert [f.field for f in b.last_findings] == ["Line 2 place of service (box 24B)"]
    b.line_rows[1]["place_of_service"].value = "11"
    b.submit_button.click()
    assert list(b.last_remittance["status"]) == ["paid", "paid"]
    assert store.get(SECTION, "claim-V07")["score"] == 1.0
    b.visit.value = "V04"
    b.fields["diagnoses"].value = "M54.50"
    b.scrub_button.click()
    assert b.last_findings == []


def test_builder_bad_input_gets_a_message_not_a_traceback(store):
    b = claim_builder(store=store)
    b.line_rows[1]["charge"].value = "twenty"
    b.submit_button.click()
    assert "Line 2 charge (box 24F)" in b.result.value and "not a number" in b.result.value
    assert b.last_remittance is None and store.get(SECTION, "claim-V01") is None
    b.line_rows[1]["charge"].value = "25"
    b.line_rows[1]["pointers"].value = "Q"
    b.scrub_button.click()
    assert "not a slot letter" in b.result.value
    b.reset_button.click()
    assert b.line_rows[1]["pointers"].value == "B"


def test_units_typed_as_a_word_are_told_about_units_not_money(store):
    b = claim_builder(store=store)
    b.line_rows[1]["units"].value = "abc"
    b.submit_button.click()
    assert "Line 2 units (box 24G)" in b.result.value and "whole number" in b.result.value
    assert "1,057.70" not in b.result.value and "dollar" not in b.result.value
    assert b.last_remittance is None


def test_the_date_sent_is_called_one_thing(store):
    """The box says 'Date sent', so its message and the scrubber's finding say 'sent' too (not 'filed'),
    and a filing limit reads as words, not '12m'."""
    b = claim_builder(store=store)
    assert b.fields["filed_on"].description.startswith("Date sent")
    b.fields["filed_on"].value = "next Tuesday"
    b.scrub_button.click()
    assert "Date sent: &#x27;next Tuesday&#x27; is not a date" in b.result.value and "filed" not in b.result.value
    b.visit.value = "V05"
    b.scrub_button.click()
    assert "Sent 2026-11-20, after the 12-month filing limit ended on 2026-09-15." in b.result.value
    assert "12m" not in b.result.value


def test_a_pointer_with_no_diagnosis_to_point_to_says_fill_one_first(store):
    """With box 21 empty there is no 'filled slot (A-A)' to point to: the fix says to fill a slot first."""
    b = claim_builder(store=store)
    b.fields["diagnoses"].value = ""
    b.scrub_button.click()
    assert "fill a diagnosis slot first" in b.result.value and "(A-A)" not in b.result.value
    b.fields["diagnoses"].value = "I10"  # one slot filled: line 2 still points to B
    b.scrub_button.click()
    assert "Point to slot A or add the missing diagnosis." in b.result.value and "(A-A)" not in b.result.value


def test_builder_removing_all_diagnoses(store):
    b = claim_builder(store=store)
    b.fields["diagnoses"].value = ""
    b.submit_button.click()  # the payer denies every line for missing information
    assert list(b.last_remittance["status"]) == ["denied", "denied"] and "CO-16" in b.result.value


def test_share_exercise_is_exact_to_the_cent(store):
    """A cent off is not "right" (issue 16: 119.99 was told "$120.00 is right")."""
    ex = share_exercise("share-1", "How much?", "88.51", "50", "0.20", store=store)
    ex.answer.value = f"{ex.expected - parse_money('0.01')}"
    ex.check_button.click()
    assert "Not quite" in ex.feedback.value and "is right" not in ex.feedback.value
    ex.answer.value = f"{ex.expected}"
    ex.check_button.click()
    assert "is right" in ex.feedback.value


def test_share_exercise_right_wrong_and_blank(store):
    ex = share_exercise("share-1", "How much?", "88.51", "50", "0.20", store=store)
    ex.answer.value = ""
    ex.check_button.click()
    assert "empty" in ex.feedback.value and store.get(SECTION, "share-1") is None
    ex.answer.value = "fifty"
    ex.check_button.click()
    assert "not a number" in ex.feedback.value
    ex.answer.value = "50.00"
    ex.check_button.click()  # first wrong try: a hint, not the working (issue 16's walk)
    assert "Not quite" in ex.feedback.value and "Hint" in ex.feedback.value and "$7.70" not in ex.feedback.value
    assert store.get(SECTION, "share-1") == {"answer": "50.00", "score": 0.0}
    ex.answer.value = "38.51"
    ex.check_button.click()  # second wrong try: the working
    assert "$7.70" in ex.feedback.value and "$57.70" in ex.feedback.value
    ex.answer.value = "$57.70"  # 50.00 deductible + 20 % of 38.51
    ex.check_button.click()
    assert "Correct" in ex.feedback.value
    assert store.get(SECTION, "share-1") == {"answer": "57.70", "score": 1.0}


def test_builder_with_a_damaged_visits_file(monkeypatch, store):
    from careerlab.claims import widgets as claim_widgets
    from careerlab.claims.data import ClaimsDataError

    def broken():
        raise ClaimsDataError("visits.json: cannot be read as JSON (Expecting value).")

    monkeypatch.setattr(claim_widgets, "load_visits", broken)
    widget = claim_widgets.claim_builder(store=store)
    assert "Cannot open the claim builder" in widget.value and "visits.json" in widget.value


@pytest.mark.parametrize("typed, words", [
    ("1e999999999", "too large"), ("9" * 5000, "too large"), ("9" * 100, "too large"),
    ("57.705", "too many decimal places"), ("1,234,5", "could be read more than one way"), ("NaN", "not a usable"),
])
def test_share_exercise_huge_or_odd_amounts_get_plain_words_not_an_exception(store, typed, words):
    ex = share_exercise("share-1", "How much?", "88.51", "50", "0.20", store=store)
    ex.answer.value = typed
    ex.check_button.click()
    assert words in ex.feedback.value
    assert "Sorry" not in ex.feedback.value and "InvalidOperation" not in ex.feedback.value
    assert store.get(SECTION, "share-1") is None  # nothing saved for an answer that could not be read


def test_share_exercise_reads_a_comma_decimal_as_cents(store):
    ex = share_exercise("share-1", "How much?", "88.51", "50", "0.20", store=store)
    ex.answer.value = "57,70"  # not 5,770.00
    ex.check_button.click()
    assert "Correct" in ex.feedback.value and store.get(SECTION, "share-1") == {"answer": "57.70", "score": 1.0}


@pytest.mark.parametrize("charge, units, words", [
    ("1e999999999", "1", "too large"), ("25", "1e999999999", "too large"), ("25", "1000", "to 999 or less"),
    ("9" * 5000, "1", "too large"), ("20,00", "1.5", "not a whole number"),
])
def test_builder_huge_charges_and_units_get_plain_words(store, charge, units, words):
    b = claim_builder(store=store)
    b.line_rows[1]["charge"].value, b.line_rows[1]["units"].value = charge, units
    b.submit_button.click()
    assert words in b.result.value and "Sorry" not in b.result.value
    assert b.last_remittance is None


def test_share_exercise_2_explains_the_out_of_pocket_cap(store):
    # allowed 108.55, deductible met, 20 % coinsurance = 21.71, but only 15.00 left to the out-of-pocket maximum
    ex = share_exercise("share-2", "How much?", "108.55", "0", "0.20", oop_remaining="15.00", store=store)
    ex.answer.value = "21.71"
    ex.check_button.click()
    text = ex.feedback.value
    assert "before the cap" in text and "out-of-pocket maximum caps" in text
    assert "$15.00" not in text  # the reason explains the cap without giving the answer away
    assert store.get(SECTION, "share-2") == {"answer": "21.71", "score": 0.0}
    ex.answer.value = "21.71"
    ex.check_button.click()  # second try: the true working, step by step
    assert "Coinsurance 20 % of that: $21.71." in ex.feedback.value
    assert "only $15.00 is left" in ex.feedback.value and "Patient pays $15.00" in ex.feedback.value
    ex.answer.value = "15"
    ex.check_button.click()
    assert "Correct" in ex.feedback.value and store.get(SECTION, "share-2") == {"answer": "15.00", "score": 1.0}


def test_each_share_exercise_counts_its_own_tries(store):
    first = share_exercise("share-1", "How much?", "88.51", "50", "0.20", store=store)
    other = share_exercise("share-3", "How much?", "132.64", "0", "0", copay="25.00", store=store)
    first.answer.value = other.answer.value = "1.00"
    first.check_button.click()
    first.check_button.click()
    other.check_button.click()  # this widget's first wrong try: still only a hint
    assert "Hint" in other.feedback.value and "copay" in other.feedback.value and "$25.00" not in other.feedback.value


def test_every_unreadable_field_is_named_at_once(store):
    """Walk's finding (issue 16): with the units and the charge of line 1 unreadable, only the charge was
    named; the learner fixed it, pressed Scrub, and only then heard about the units. All are named now."""
    b = claim_builder(store=store)
    b.line_rows[0]["units"].value = "two"
    b.line_rows[0]["charge"].value = ""
    b.fields["filed_on"].value = "yesterday"
    b.scrub_button.click()
    said = b.result.value
    assert "Cannot read the form" in said and "3 fields cannot be read" in said
    for named in ("Line 1 units (box 24G)", "Line 1 charge (box 24F)", "Date sent"):
        assert named in said, named
    assert b.last_findings is None  # nothing was scrubbed
    b.line_rows[0]["charge"].value = "150.00"
    b.fields["filed_on"].value = "2026-10-08"
    b.scrub_button.click()
    assert "Line 1 units (box 24G)" in b.result.value and "fields cannot be read" not in b.result.value


def test_the_claim_summary_says_it_is_out_of_date_while_the_form_cannot_be_read(store):
    """Walk's finding (issue 16): after an error the summary above the fields still showed the claim as
    read before, as if it were the current one. It says it is out of date until the form reads again."""
    b = claim_builder(store=store)
    b.line_rows[1]["pointers"].value = "A"
    b.scrub_button.click()
    assert "Not up to date" not in b.form.value
    before = b.form.value
    b.line_rows[0]["units"].value = "two"
    b.scrub_button.click()
    assert "Not up to date" in b.form.value and "as it was last read" in b.form.value
    assert before in b.form.value  # the last claim read, marked, not lost
    b.line_rows[0]["units"].value = "1"
    b.scrub_button.click()
    assert "Not up to date" not in b.form.value and b.form.value == before


def test_the_line_boxes_placeholders_fit_beside_their_labels(store):
    """Walk's finding (issue 16): "Charge in d…" was cut off. Each placeholder is a short example that fits
    its box beside the label (about 7.5 px a character at the widgets' 13 px font, 24 px of padding)."""
    b = claim_builder(store=store)
    for row in b.line_rows:
        for box in row.values():
            room = int(box.layout.width.removesuffix("px")) - 7.5 * len(box.description) - 24
            assert box.placeholder and 7.5 * len(box.placeholder) <= room, (box.description, box.placeholder)


def test_the_scrubbers_findings_table_is_not_double_spaced(store):
    """Walk's finding (issue 16): in a widget's HTML the findings table took the widget row's 28 px line
    height, so each wrapped cell looked double-spaced; a table in a widget has the house's 1.45."""
    import re

    b = claim_builder(store=store)
    b.visit.value = "V03"
    b.scrub_button.click()
    mark = re.search(r'<table id="(careerlab-t\w+)"', b.result.value).group(1)
    rule = re.search(rf"#{mark} {{([^}}]*)}}", b.result.value).group(1)
    assert "line-height: 1.45" in rule
