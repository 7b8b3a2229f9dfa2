"""The readable views: the claim form and the lesson's tables."""
import pytest

from careerlab.claims.data import load_visits
from careerlab.claims.model import ClaimError, replace_line
from careerlab.claims.scrubber import Finding, scrub
from careerlab.claims.tables import (claim_form_html, findings_table, payers_table, posting_table, reason_codes_table,
                                     rules_table, services_table)
from careerlab.claims.text import findings_summary, locality_text, rule_name
from claims_helpers import column_alignment, visit


def test_claim_form_shows_the_boxes_and_escapes_text():
    html = claim_form_html(visit("V01", patient_name="<b>Alex</b>"))
    for text in ("Box 1a", "Box 21", "24E pointer", "A.</b> I10", "B.</b> E11.9", "$175.00", "fictional"):
        assert text in html
    assert "&lt;b&gt;Alex&lt;/b&gt;" in html and "<b>Alex</b>" not in html
    assert html.count("<tr") == 1 + 2  # header + two service lines
    assert "locality B" in html and "practice expense 1.050" in html


def test_the_claim_forms_box_24_is_a_house_table_words_left_charge_right():
    """Box 24 aligned as every lesson table is in JupyterLab: one header row, words left, the charge right."""
    html = claim_form_html(visit("V01"))
    assert column_alignment(html) == {"Line": "left", "24A date": "left", "24B place": "left", "24D code": "left",
                                      "24D modifiers": "left", "24E pointer": "left", "24F charge": "right",
                                      "24G units": "left", "24J rendering NPI": "left"}
    assert 'aria-label="Box 24 service lines"' in html and "border: 1px solid" in html


def test_locality_text_names_the_gpcis():
    assert locality_text(visit("V03")) == ("locality B (teaching GPCIs: work 1.000, practice expense 1.050, "
                                           "malpractice 0.900)")
    assert locality_text(visit("V02")).startswith("locality A (teaching GPCIs: work 1.000, practice expense 1.000")
    assert "unknown: choose one of A, B" in locality_text(visit("V01", locality="Q"))


def test_tables_have_one_row_per_entry():
    rules = rules_table()
    assert list(rules.index) == ["Required boxes filled", "Diagnosis codes valid and billable", "Diagnosis pointers",
                                 "Known service code", "Bundled services", "Modifier 25 or 57 on a same-day visit",
                                 "Units and charge", "Sent in time"]
    assert not any(".csv" in text for text in rules["What it checks"])  # no file names for the learner
    payers = payers_table()
    assert payers.loc["FEDMED", "Filing limit"] == "12 months" and payers.loc["LKHMO", "Copay"] == "$25.00"
    assert payers.loc["FEDMED", "No patient share on"] == "lab (blood draw)"
    assert payers.loc["NWPPO", "No patient share on"] == "-"
    assert payers.loc["NWPPO", "% of fee schedule"] == "125 %"
    services = services_table()
    assert len(services) == 10 and str(services.loc["99213", "Work RVU"]) == "1.30"
    assert services.loc["99213", "Kind"] == "office visit (E/M)" and services.loc["36415", "Kind"] == "lab (blood draw)"
    codes = reason_codes_table()
    assert len(codes) == 4 + 10 and codes.loc["45", "Kind"] == "reason (CARC)"


def test_findings_table():
    table = findings_table(scrub(visit("V07")))
    assert list(table.columns) == ["Rule", "Field", "Severity", "Problem", "How to fix"] and len(table) == 2
    assert list(table.index) == [1, 2] and set(table["Rule"]) == {"Required boxes filled"}
    assert findings_table([]).empty


def test_rule_name_and_findings_summary():
    assert rule_name("bundled-pair") == "Bundled services" and rule_name("new-rule") == "new-rule"
    assert findings_summary(scrub(visit("V01"))) == "No findings: this claim is clean, so it can be sent."
    assert findings_summary(scrub(visit("V07"))) == ("2 findings (2 errors): fix the errors before sending the claim.")
    # no scrub rule of the lesson gives a warning any more (the diagnosis check is the real code set): one by hand
    one_warning = [Finding("diagnosis-code", "Diagnosis B (box 21)", "warning", "Look it up.", "Check the code.")]
    assert [f.severity for f in one_warning] == ["warning"]
    assert findings_summary(one_warning) == "1 finding (1 warning): check the warnings before sending the claim."


def test_replace_line_checks_the_line_number():
    claim = load_visits()["V03"]
    assert replace_line(claim, 1, modifiers=("25",)).lines[0].modifiers == ("25",)
    assert claim.lines[0].modifiers == ()  # the original is unchanged
    with pytest.raises(ClaimError, match="choose 1 to 2"):
        replace_line(claim, 3, units=2)


def test_posting_table_labels_the_totals_in_dollars():
    from careerlab.claims.adjudication import adjudicate
    from careerlab.claims.posting import post_payment

    remit = adjudicate(visit("V01"))
    table = posting_table(remit)
    assert list(table.columns) == ["Amount"] and len(table) == len(post_payment(remit))
    assert table.loc["Charges billed", "Amount"] == "$175.00"
    assert table.loc["Paid by the payer", "Amount"] == "$33.58"  # 30.19 + 3.39, after CO-253
    assert table.loc["Contractual write-off (CO)", "Amount"] == "$83.72"  # CO-45 83.03 + CO-253 0.69
    assert table.loc["Balance after posting (the patient owes)", "Amount"] == "$57.70"
    assert not any("Decimal" in v for v in table["Amount"])


def test_adjustments_text_is_one_block_for_say():
    from careerlab.claims.adjudication import adjudicate
    from careerlab.claims.text import adjustments_text, remittance_summary

    remit = adjudicate(visit("V01"))
    text = adjustments_text(remit)
    lines = text.split("\n")
    assert lines[0] == remittance_summary(remit) and len(lines) == 1 + 6  # CO-45, PR-1, PR-2, CO-253 on line 1; CO-45, CO-253 on line 2
    assert lines[1].startswith("- Line 1 (99213): CO-45 $61.49")
    assert adjustments_text(remit, summary=False) == "\n".join(lines[1:])
