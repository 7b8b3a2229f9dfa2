"""Lesson 01 money and claim logic, checked against the brief's worked example by hand."""
from __future__ import annotations

from decimal import Decimal

import pytest

from careerlab.roles import load_visit, price_visit
from careerlab.roles.visit import claim_rows, diagnosis_rows, note_markdown, remittance_rows


def test_the_visit_remittance_adds_up():
    # priced by lesson 03's payer (careerlab.claims.adjudicate): one remittance model for the series
    (rem,) = price_visit(load_visit()).to_dict("records")
    # billed $150.00 (synthetic); CO-45 write-off 150.00 - 88.51 = 61.49
    assert rem["billed"] == Decimal("150.00") and rem["allowed"] == Decimal("88.51")
    assert rem["status"] == "paid"
    # the insurer's part 88.51 - 57.70 = 30.81, then sequestration: 2 % x 30.81 = 0.6162 -> 0.62 (CO-253), paid 30.19
    assert rem["patient_share"] == Decimal("57.70") and rem["paid"] == Decimal("30.19")
    assert rem["sequestration"] == Decimal("0.62") and rem["written_off"] == Decimal("62.11")  # 61.49 + 0.62
    rows = {(r["group"], r["reason"]): r["amount"] for r in remittance_rows(price_visit(load_visit()))}
    assert rows[("CO", "45")] == Decimal("61.49") and rows[("CO", "253")] == Decimal("0.62")
    assert rows[("PR", "1")] + rows[("PR", "2")] == Decimal("57.70")


def test_allowed_never_exceeds_billed():
    visit = load_visit()
    visit["services"][0]["charge"] = 60.00  # charge below the fee schedule: allowed is capped at 60
    (rem,) = price_visit(visit).to_dict("records")
    # deductible 50.00, 20 % x 10.00 = 2.00 -> insurer's part 8.00; no CO-45, only CO-253: 2 % x 8.00 = 0.16
    assert rem["allowed"] == Decimal("60.00") and rem["written_off"] == Decimal("0.16")


def test_the_visit_pricing_is_lesson_03s():
    # The visit file states its pricing inputs; lesson 03's tables, which price the claim, hold the same values.
    from careerlab.claims import CONVERSION_FACTOR_2026, default_tables

    visit, tables = load_visit(), default_tables()
    pricing, claim = visit["pricing"], visit["claim"]
    service = tables.services[visit["services"][0]["code"]]
    assert [Decimal(str(pricing["rvus"][p])) for p in ("work", "pe", "mp")] == [
        service["work_rvu"], service["pe_rvu"], service["mp_rvu"]]
    assert [Decimal(str(pricing["gpcis"][p])) for p in ("work", "pe", "mp")] == list(tables.localities[claim["locality"]])
    assert Decimal(str(pricing["conversion_factor"])) == CONVERSION_FACTOR_2026
    assert Decimal(str(pricing["coinsurance_rate"])) == tables.payers[claim["payer_id"]].coinsurance
    assert Decimal(str(visit["services"][0]["charge"])) == service["usual_charge"]


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
    from careerlab.roles.tables import claim_table, remittance_advice_table, stages_table
    from careerlab.roles import load_stages

    assert list(stages_table(load_stages()).data.index[:2]) == [1, 2]
    assert claim_table(load_visit()).data.shape[0] == 1
    table = remittance_advice_table(price_visit(load_visit())).data
    assert "..." not in remittance_advice_table(price_visit(load_visit())).to_html()  # nothing cut short
    assert table["amount ($)"].tolist() == ["150.00", "61.49", "88.51", "50.00", "7.70", "30.81", "0.62", "30.19", "57.70"]
