"""The readable views: the claim form and the lesson's tables."""
import pytest

from careerlab.claims import diagnoses
from careerlab.claims.model import ClaimError, replace_line
from careerlab.claims.scrubber import scrub
from careerlab.claims.tables import load_visits
from careerlab.claims.views import (claim_form_html, findings_table, payers_table, posting_table, reason_codes_table,
                                    rules_table, services_table)
from claims_helpers import visit


def test_claim_form_shows_the_boxes_and_escapes_text():
    html = claim_form_html(visit("V01", patient_name="<b>Alex</b>"))
    for text in ("Box 1a", "Box 21", "24E pointer", "A.</b> I10", "B.</b> E11.9", "$175.00", "fictional"):
        assert text in html
    assert "&lt;b&gt;Alex&lt;/b&gt;" in html and "<b>Alex</b>" not in html
    assert html.count("<tr>") == 1 + 2  # header + two service lines


def test_tables_have_one_row_per_entry():
    assert list(rules_table().index) == ["missing-field", "diagnosis-code", "pointer", "service-code",
                                         "bundled-pair", "modifier-25", "units-charge", "timely-filing"]
    payers = payers_table()
    assert payers.loc["FEDMED", "Filing limit"] == "12 months" and payers.loc["LKHMO", "Copay"] == "$25.00"
    assert payers.loc["FEDMED", "No patient share on"] == "lab" and payers.loc["NWPPO", "No patient share on"] == "-"
    assert payers.loc["NWPPO", "% of fee schedule"] == "125 %"
    assert len(services_table()) == 10 and str(services_table().loc["99213", "Work RVU"]) == "1.30"
    codes = reason_codes_table()
    assert len(codes) == 4 + 8 and codes.loc["45", "Kind"] == "reason (CARC)"


def test_findings_table(monkeypatch):
    monkeypatch.setattr(diagnoses, "_billable_checker", lambda: None)
    table = findings_table(scrub(visit("V07")))
    assert list(table.columns) == ["Rule", "Field", "Severity", "Problem", "How to fix"] and len(table) == 2
    assert findings_table([]).empty


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
    assert table.loc["Paid by the payer", "Amount"] == "$34.27"
    assert table.loc["Contractual write-off (CO)", "Amount"] == "$83.03"
    assert table.loc["Balance after posting (the patient owes)", "Amount"] == "$57.70"
    assert not any("Decimal" in v for v in table["Amount"])
