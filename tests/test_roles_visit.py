"""Lesson 01 money and claim logic, checked against the brief's worked example by hand."""
from __future__ import annotations

from decimal import Decimal

import pytest

from careerlab.roles import fee_schedule_amount, load_visit, price_visit, split_allowed
from careerlab.roles.visit import claim_rows, diagnosis_rows, note_markdown

RVUS = {"work": 1.30, "pe": 1.20, "mp": 0.10}
GPCIS = {"work": 1.000, "pe": 1.050, "mp": 0.900}


def test_fee_schedule_matches_the_brief_worked_example():
    # 1.30*1.000 + 1.20*1.050 + 0.10*0.900 = 1.30 + 1.26 + 0.09 = 2.65
    # 2.65 * 33.4009 = 88.512385 -> $88.51 (CONTENT_BRIEF section 4)
    assert fee_schedule_amount(RVUS, GPCIS, 33.4009) == Decimal("88.51")


def test_fee_schedule_with_the_2025_factor():
    # 2.65 * 32.3465 = 85.718225 -> $85.72
    assert fee_schedule_amount(RVUS, GPCIS, 32.3465) == Decimal("85.72")


def test_patient_share_matches_the_brief_example():
    # deductible 50.00 first; rest 88.51-50 = 38.51; 20 % of it = 7.702 -> 7.70; payer 38.51-7.70 = 30.81
    share = split_allowed(Decimal("88.51"), 50, 0.20)
    assert (share.deductible, share.coinsurance, share.patient, share.payer) == (
        Decimal("50.00"), Decimal("7.70"), Decimal("57.70"), Decimal("30.81"))


def test_deductible_larger_than_allowed_means_patient_pays_all():
    # allowed 40 with 283 of deductible left: patient pays 40, no coinsurance, payer 0
    share = split_allowed(40, 283, 0.20)
    assert (share.patient, share.payer, share.coinsurance) == (Decimal("40.00"), Decimal("0.00"), Decimal("0.00"))


def test_deductible_met_means_only_coinsurance():
    # 100 allowed, nothing left: patient 20 % = 20.00, payer 80.00
    share = split_allowed(100, 0, 0.20)
    assert (share.patient, share.payer) == (Decimal("20.00"), Decimal("80.00"))


@pytest.mark.parametrize("allowed, deductible, rate", [(-1, 0, 0.2), (10, -5, 0.2), (10, 0, 1.5)])
def test_nonsense_amounts_are_refused(allowed, deductible, rate):
    with pytest.raises(ValueError):
        split_allowed(allowed, deductible, rate)


def test_the_visit_remittance_adds_up():
    rem = price_visit(load_visit())
    # billed $150.00 (synthetic); CO-45 write-off 150.00 - 88.51 = 61.49
    assert rem.billed == Decimal("150.00") and rem.allowed == Decimal("88.51")
    assert rem.contractual == Decimal("61.49")
    assert rem.share.patient == Decimal("57.70") and rem.share.payer == Decimal("30.81")
    rows = {(r["group"], r["reason"]): r["amount"] for r in rem.rows()}
    assert rows[("CO", "45")] == Decimal("61.49")
    assert rows[("PR", "1")] + rows[("PR", "2")] == Decimal("57.70")


def test_allowed_never_exceeds_billed():
    visit = load_visit()
    visit["services"][0]["charge"] = 60.00  # charge below the fee schedule: allowed is capped at 60
    rem = price_visit(visit)
    assert rem.allowed == Decimal("60.00") and rem.contractual == Decimal("0.00")


def test_visit_time_supports_the_chosen_level():
    visit = load_visit()
    minutes = visit["encounter"]["total_time_minutes"]
    # established-patient thresholds since 2024 (brief section 3): 99213 >= 20, 99214 >= 30
    assert 20 <= minutes < 30
    assert visit["services"][0]["code"] == "99213"


def test_claim_and_diagnosis_rows():
    visit = load_visit()
    (line,) = claim_rows(visit)
    assert line["diagnosis pointers"] == "ABC" and line["charge ($)"] == "150.00"
    assert line["place of service"] == "11" and line["modifiers"] == "none"
    dx = diagnosis_rows(visit, {"E11.9": "Type 2 diabetes mellitus without complications"})
    assert [d["code"] for d in dx] == ["E11.9", "Z79.84", "M54.50"]
    assert dx[0]["ICD-10-CM description"].startswith("Type 2") and dx[1]["ICD-10-CM description"] == ""


def test_note_is_labelled_synthetic():
    text = note_markdown(load_visit())
    assert text.startswith("**Synthetic record")
    assert text.count("\n> ") == len(load_visit()["encounter"]["note"])


def test_tables_render():
    from careerlab.roles.tables import claim_table, remittance_table, stages_table
    from careerlab.roles import load_stages

    assert list(stages_table(load_stages()).data.index[:2]) == [1, 2]
    assert claim_table(load_visit()).data.shape[0] == 1
    table = remittance_table(price_visit(load_visit())).data
    assert "..." not in remittance_table(price_visit(load_visit())).to_html()  # nothing cut short
    assert table["amount ($)"].tolist() == ["150.00", "61.49", "88.51", "50.00", "7.70", "30.81", "57.70"]


def test_lesson_01_and_lesson_03_price_the_visit_the_same_way():
    claims = pytest.importorskip("careerlab.claims")
    visit = load_visit()
    p = visit["pricing"]
    theirs = claims.fee_schedule_amount(p["rvus"]["work"], p["rvus"]["pe"], p["rvus"]["mp"],
                                        (p["gpcis"]["work"], p["gpcis"]["pe"], p["gpcis"]["mp"]),
                                        Decimal(str(p["conversion_factor"])))
    ours = price_visit(visit)
    assert theirs == ours.allowed
    assert claims.split_allowed(ours.allowed, visit["patient"]["deductible_remaining"],
                                p["coinsurance_rate"]) == (ours.share.patient, ours.share.payer)
