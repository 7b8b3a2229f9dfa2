"""The scrubber: one claim that trips each rule, and claims that trip none."""
from datetime import date

import pytest

from careerlab.claims.data import default_tables
from careerlab.claims.model import ClaimError
from careerlab.claims.scrubber import RULES, scrub
from claims_helpers import visit


def rules_of(findings):
    return sorted({f.rule for f in findings})


@pytest.mark.parametrize("visit_id", ["V01", "V02"])
def test_clean_visits_have_no_findings(visit_id):
    assert scrub(visit(visit_id)) == []


@pytest.mark.parametrize("changes, field", [
    ({"rendering_npi": ""}, "Rendering provider NPI (box 24J)"),
    ({"billing_npi": "99900000"}, "Billing provider NPI (box 33a)"),  # 8 digits
    ({"billing_npi": "99900000AB"}, "Billing provider NPI (box 33a)"),
    ({"patient_name": ""}, "Patient name (box 2)"),
    ({"patient_dob": ""}, "Patient birth date (box 3)"),
    ({"member_id": " "}, "Insured's ID number (box 1a)"),
    ({"insured_name": ""}, "Insured's name (box 4)"),
    ({"relationship": ""}, "Patient relationship to insured (box 6)"),
    ({"payer_id": "NOPE"}, "Payer"),
    ({"diagnoses": []}, "Diagnoses (box 21)"),
    ({"lines": []}, "Service lines (box 24)"),
])
def test_missing_field(changes, field):
    findings = scrub(visit("V01", **changes))
    hits = [f for f in findings if f.rule == "missing-field"]
    assert [f.field for f in hits] == [field]
    assert hits[0].severity == "error" and hits[0].fix


@pytest.mark.parametrize("line_change, field", [
    ({"date_of_service": ""}, "Line 2 date of service (box 24A)"),
    ({"place_of_service": ""}, "Line 2 place of service (box 24B)"),
    ({"code": ""}, "Line 2 service code (box 24D)"),
])
def test_missing_line_field(line_change, field):
    hits = [f for f in scrub(visit("V01", line_changes={2: line_change})) if f.rule == "missing-field"]
    assert [(f.field, f.line) for f in hits] == [(field, 2)]


@pytest.mark.parametrize("code", ["M54.5", "E11"])
def test_non_billable_diagnosis(code):
    findings = scrub(visit("V01", diagnoses=["I10", code]))
    assert rules_of(findings) == ["diagnosis-code"]
    assert findings[0].field == "Diagnosis B (box 21)" and findings[0].severity == "error"
    assert code in findings[0].message


def test_v04_suggests_the_replacement_codes():
    (finding,) = scrub(visit("V04"))
    assert "M54.50" in finding.message


def test_real_code_tools_agree():
    assert scrub(visit("V01")) == []
    assert rules_of(scrub(visit("V04"))) == ["diagnosis-code"]


def test_thirteen_diagnoses():
    findings = scrub(visit("V01", diagnoses=["I10", "E11.9"] + ["I10"] * 11))
    assert any(f.rule == "diagnosis-code" and "12" in f.message for f in findings)


@pytest.mark.parametrize("pointers, words", [
    (["C"], "empty diagnosis slot"),  # V01 has two diagnoses, A and B
    (["M"], "not a slot letter"),
    (["AB"], "not a slot letter"),
    ([], "does not point"),
    (["A", "B", "A", "B", "A"], "allows 4"),
])
def test_pointer(pointers, words):
    findings = scrub(visit("V01", line_changes={2: {"pointers": pointers}}))
    assert rules_of(findings) == ["pointer"]
    assert all(f.line == 2 and f.field == "Line 2 diagnosis pointer (box 24E)" for f in findings)
    assert any(words in f.message for f in findings)


def test_unknown_service_code():
    findings = scrub(visit("V01", line_changes={2: {"code": "99999"}}))
    assert rules_of(findings) == ["service-code"] and findings[0].line == 2


def test_bundled_pair_without_modifier():
    findings = scrub(visit("V06"))
    assert rules_of(findings) == ["bundled-pair"] and findings[0].line == 2
    assert "59" in findings[0].fix


@pytest.mark.parametrize("modifier", ["59", "XS", "XU"])
def test_bundled_pair_with_a_distinct_modifier_passes_where_the_notes_show_a_separate_service(modifier):
    assert scrub(visit("V06", line_changes={2: {"modifiers": [modifier]}}, not_separate=[])) == []


@pytest.mark.parametrize("modifier", ["59", "XS", "XU"])
def test_a_distinct_modifier_the_notes_do_not_back_is_an_error(modifier):
    """V06's notes describe no other injection: 59 (or an X modifier) on 96372 would say there was one."""
    findings = scrub(visit("V06", line_changes={2: {"modifiers": [modifier]}}))
    assert rules_of(findings) == ["bundled-pair"] and findings[0].severity == "error"
    assert modifier in findings[0].message and "remove line 2" in findings[0].fix


def test_bundled_pair_on_different_days_passes():
    assert scrub(visit("V06", line_changes={2: {"date_of_service": "2026-11-06"}})) == []


def test_never_bypassable_pair():
    claim = visit("V05", filed_on="2025-09-20", line_changes={1: {"code": "93005", "modifiers": ["59"], "charge": "50.00"}})
    findings = scrub(claim)
    assert rules_of(findings) == ["bundled-pair"] and "never paid" in findings[0].message


def test_em_without_25_on_procedure_day():
    findings = scrub(visit("V03"))
    assert rules_of(findings) == ["modifier-25"]
    assert findings[0].field == "Line 1 modifiers (box 24D)"


def test_em_with_only_a_test_or_blood_draw_needs_no_modifier():
    # V01 is a 99213 with a blood draw (36415, no global period): clean without 25
    assert [l.code for l in visit("V01").lines] == ["99213", "36415"] and scrub(visit("V01")) == []
    ecg = visit("V01", line_changes={2: {"code": "93000", "pointers": ["A"], "charge": "75"}})
    assert scrub(ecg) == []


def test_major_procedure_day_asks_for_57_not_25(tmp_path):
    import shutil

    from careerlab.claims.data import load_tables
    from careerlab.paths import data_path

    folder = tmp_path / "claims"
    shutil.copytree(data_path("claims"), folder)
    path = folder / "service_codes.csv"
    text = path.read_text(encoding="utf-8").replace(",180.00,0\n", ",180.00,90\n")  # pretend 20610 had a 90-day global
    assert text != path.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    tables = load_tables(folder)
    findings = scrub(visit("V03"), tables=tables)
    assert rules_of(findings) == ["modifier-25"] and "57" in findings[0].fix and "major" in findings[0].message
    assert scrub(visit("V03", line_changes={1: {"modifiers": ["57"]}}), tables=tables) == []
    # 25 beside a major procedure is the wrong modifier: it asks for 57
    wrong = scrub(visit("V03", line_changes={1: {"modifiers": ["25"]}}), tables=tables)
    assert rules_of(wrong) == ["modifier-25"] and "use modifier 57" in wrong[0].fix
    # on a minor-procedure day, 25 clears it
    assert scrub(visit("V03", line_changes={1: {"modifiers": ["25"]}})) == []


def test_57_beside_a_minor_procedure_is_flagged():
    # V03: 99213 with the knee injection 20610 (0-day global) -> 57 is the wrong modifier, 25 is the right one
    findings = scrub(visit("V03", line_changes={1: {"modifiers": ["57"]}}))
    assert rules_of(findings) == ["modifier-25"] and findings[0].line == 1
    assert "major" in findings[0].message and "minor" in findings[0].message and "modifier 25" in findings[0].fix


def test_57_beside_a_minor_procedure_is_denied_not_paid():
    from careerlab.claims.adjudication import adjudicate

    remit = adjudicate(visit("V03", line_changes={1: {"modifiers": ["57"]}}))
    first = remit[remit["line"] == 1].iloc[0]
    assert first["status"] == "denied" and ("CO", "97") in [(g, r) for g, r, _ in first["adjustments"]]


def test_em_and_procedure_on_different_days_need_no_25():
    assert scrub(visit("V03", line_changes={1: {"date_of_service": "2026-10-13"}})) == []


@pytest.mark.parametrize("line_change, field", [
    ({"units": 0}, "Line 1 units (box 24G)"), ({"charge": "0"}, "Line 1 charge (box 24F)"),
])
def test_units_and_charge(line_change, field):
    findings = scrub(visit("V01", line_changes={1: line_change}))
    assert rules_of(findings) == ["units-charge"] and findings[0].field == field


def test_timely_filing_late():
    # date of service 2025-09-15 + 12 months = 2026-09-15; sent 2026-11-20 is later
    findings = scrub(visit("V05"))
    assert rules_of(findings) == ["timely-filing"] and [f.line for f in findings] == [1, 2]
    assert "2026-09-15" in findings[0].message


@pytest.mark.parametrize("sent, late", [("2026-09-15", False), ("2026-09-16", True)])
def test_timely_filing_boundary(sent, late):
    assert bool(scrub(visit("V05", filed_on=sent))) is late


def test_today_is_used_when_there_is_no_filing_date():
    claim = visit("V05", filed_on="")
    assert scrub(claim, today=date(2026, 1, 2)) == []
    assert rules_of(scrub(claim, today=date(2026, 9, 16))) == ["timely-filing"]


def test_commercial_payer_has_its_own_limit():
    # NWPPO allows 180 days: 2026-11-02 + 180 days = 2027-05-01
    assert scrub(visit("V02", filed_on="2027-05-01")) == []
    assert rules_of(scrub(visit("V02", filed_on="2027-05-02"))) == ["timely-filing"]


def test_every_rule_in_the_table_is_implemented():
    table = {r["rule"] for r in default_tables().rules}
    assert table == set(RULES) | {"timely-filing"}


def test_scrub_refuses_a_non_claim():
    with pytest.raises(ClaimError, match="needs a Claim"):
        scrub({"patient_name": "x"})
