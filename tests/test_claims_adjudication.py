"""The payer's side: remittance values checked by hand, the money identity, posting, statement, appeal."""
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerlab.claims.adjudication import adjudicate
from careerlab.claims.data import default_tables
from careerlab.claims.model import ClaimError, claim_from_dict, claim_to_dict, replace_line
from careerlab.claims.posting import draft_appeal, patient_statement, post_payment, rate_percent
from careerlab.claims.tables import remittance_table
from careerlab.claims.text import adjustment_text, explain_adjustments, remittance_summary
from claims_helpers import visit


def row(remit, n):
    return remit[remit["line"] == n].iloc[0]


def test_v01_matches_the_brief():
    remit = adjudicate(visit("V01"))
    first = row(remit, 1)
    # 99213 in locality B: 2.65 RVUs x 33.4009 = 88.51 allowed; billed 150.00 -> CO-45 61.49
    # deductible 50.00 (PR-1); 20 % of 38.51 = 7.70 (PR-2); payer's part 88.51 - 57.70 = 30.81;
    # sequestration 2 % x 30.81 = 0.6162 -> 0.62 (CO-253, halves up); paid 30.81 - 0.62 = 30.19
    assert (first["billed"], first["allowed"], first["paid"], first["patient_share"]) == (
        D("150.00"), D("88.51"), D("30.19"), D("57.70"))
    assert first["adjustments"] == [("CO", "45", D("61.49")), ("PR", "1", D("50.00")), ("PR", "2", D("7.70")),
                                    ("CO", "253", D("0.62"))]
    assert (first["sequestration"], first["written_off"]) == (D("0.62"), D("62.11"))  # 61.49 + 0.62
    second = row(remit, 2)
    # 36415: 0.09 x 1.05 + 0.01 x 0.90 = 0.1035 RVUs x 33.4009 = 3.457 -> 3.46; CO-45 25.00 - 3.46 = 21.54
    # lab line under the Medicare-like payer: no deductible, no coinsurance -> patient 0.00, payer's part 3.46;
    # 2 % x 3.46 = 0.0692 -> 0.07 (CO-253); paid 3.39; written off 21.54 + 0.07 = 21.61
    assert (second["allowed"], second["deductible"], second["coinsurance"], second["paid"], second["written_off"]) == (
        D("3.46"), D("0.00"), D("0.00"), D("3.39"), D("21.61"))
    assert second["adjustments"] == [("CO", "45", D("21.54")), ("CO", "253", D("0.07"))]


def test_sequestration_only_on_the_medicare_like_payer_and_only_since_july_2022():
    commercial = adjudicate(visit("V01"), "NWPPO")
    assert list(commercial["sequestration"]) == [D("0.00"), D("0.00")]
    assert all(code != "253" for adj in commercial["adjustments"] for _, code, _ in adj)
    # a visit on 30 June 2022 (before the 2 % cut), filed in time: no CO-253; the day after the cut starts: 2 %
    before = adjudicate(visit("V01", filed_on="2022-07-15",
                              line_changes={1: {"date_of_service": "2022-06-30"}, 2: {"date_of_service": "2022-06-30"}}))
    assert row(before, 1)["paid"] == D("30.81") and row(before, 1)["sequestration"] == D("0.00")
    after = adjudicate(visit("V01", filed_on="2022-07-15",
                             line_changes={1: {"date_of_service": "2022-07-01"}, 2: {"date_of_service": "2022-07-01"}}))
    assert row(after, 1)["paid"] == D("30.19")


def test_lab_line_first_leaves_the_medicare_like_deductible_untouched():
    claim = visit("V01", lines=list(reversed(claim_to_dict(visit("V01"))["lines"])))  # blood draw first
    remit = adjudicate(claim)
    # line 1 (36415): allowed 3.46, patient 0.00 -> the 50.00 deductible is still all left for the visit
    assert (row(remit, 1)["patient_share"], row(remit, 1)["paid"]) == (D("0.00"), D("3.39"))  # 3.46 - 0.07 CO-253
    # line 2 (99213): 88.51 allowed; deductible 50.00 + 20 % x 38.51 = 7.70 -> patient 57.70
    assert (row(remit, 2)["deductible"], row(remit, 2)["patient_share"]) == (D("50.00"), D("57.70"))


def test_commercial_payer_still_shares_the_lab_line():
    remit = adjudicate(visit("V01"), "NWPPO")
    # 36415 fee 3.46 x 125 % = 4.325 -> 4.33; deductible used up by line 1; 20 % x 4.33 = 0.866 -> 0.87; paid 3.46
    assert (row(remit, 2)["allowed"], row(remit, 2)["coinsurance"], row(remit, 2)["paid"]) == (
        D("4.33"), D("0.87"), D("3.46"))


def test_v02_commercial_with_out_of_pocket_cap():
    remit = adjudicate(visit("V02"))
    # 99213 locality A: 2.60 x 33.4009 = 86.84; x 125 % = 108.55; coinsurance 21.71; OOP left 30.00 - 21.71 = 8.29
    # 20610: 1.74 x 33.4009 = 58.12; x 125 % = 72.65; coinsurance 14.53 capped to 8.29; paid 72.65 - 8.29 = 64.36
    assert list(remit["allowed"]) == [D("108.55"), D("72.65")]
    assert list(remit["patient_share"]) == [D("21.71"), D("8.29")]
    assert list(remit["paid"]) == [D("86.84"), D("64.36")]


def test_v03_denial_then_corrected_claim():
    claim = visit("V03")
    remit = adjudicate(claim)
    assert row(remit, 1)["status"] == "denied" and row(remit, 1)["adjustments"] == [("CO", "97", D("150.00"))]
    # 20610 in locality B (like V01): 0.79 x 1.000 + 0.85 x 1.050 + 0.10 x 0.900 = 1.7725 RVUs;
    # x 33.4009 = 59.2031 -> 59.20 allowed; coinsurance 20 % = 11.84; payer's part 47.36;
    # sequestration 2 % x 47.36 = 0.9472 -> 0.95; paid 46.41
    assert row(remit, 2)["allowed"] == D("59.20") and row(remit, 2)["paid"] == D("46.41")
    fixed = adjudicate(replace_line(claim, 1, modifiers=("25",)))
    # 99213 in locality B: 88.51 allowed, the same as V01's visit; coinsurance 17.702 -> 17.70; payer's part 70.81;
    # sequestration 2 % x 70.81 = 1.4162 -> 1.42; paid 69.39
    assert list(fixed["status"]) == ["paid", "paid"] and row(fixed, 1)["allowed"] == D("88.51")
    assert row(fixed, 1)["paid"] == D("69.39")


def test_v04_copay_plan_after_fixing_the_diagnosis():
    remit = adjudicate(visit("V04"))
    assert row(remit, 1)["adjustments"] == [("CO", "16", D("220.00"))]
    fixed = adjudicate(visit("V04", diagnoses=["M54.50"]))
    # 99214: 3.61 RVUs x 33.4009 = 120.58; x 110 % = 132.64; copay 25.00 (PR-3); paid 107.64; CO-45 87.36
    assert row(fixed, 1)["adjustments"] == [("CO", "45", D("87.36")), ("PR", "3", D("25.00"))]
    assert row(fixed, 1)["paid"] == D("107.64")


def test_copay_only_once_per_claim():
    claim = visit("V04", diagnoses=["M54.50"], lines=[
        {"date_of_service": "2026-11-10", "place_of_service": "11", "code": "99214", "pointers": ["A"], "charge": "220"},
        {"date_of_service": "2026-11-10", "place_of_service": "11", "code": "99212", "pointers": ["A"], "charge": "95"}])
    remit = adjudicate(claim)
    assert list(remit["copay"]) == [D("25.00"), D("0.00")]


@pytest.mark.parametrize("visit_id, code", [("V05", "29"), ("V06", "97"), ("V07", "16")])
def test_denial_reason_codes(visit_id, code):
    remit = adjudicate(visit(visit_id))
    denied = remit[remit["status"] == "denied"]
    assert len(denied) >= 1 and all(adj[0][:2] == ("CO", code) for adj in denied["adjustments"])


def test_medical_necessity_denial():
    claim = visit("V01", lines=[
        {"date_of_service": "2026-10-06", "place_of_service": "11", "code": "93000", "pointers": ["B"], "charge": "75"}])
    assert row(adjudicate(claim), 1)["adjustments"] == [("CO", "50", D("75.00"))]  # ECG for diabetes only
    assert row(adjudicate(replace_line(claim, 1, pointers=("A",))), 1)["status"] == "paid"  # hypertension (I10)


def test_charge_below_the_contract_is_allowed_in_full():
    remit = adjudicate(visit("V01", line_changes={2: {"charge": "2.00"}}))
    # no CO-45 at all; only the sequestration cut of the payer's 2.00: 2 % = 0.04 (CO-253)
    assert row(remit, 2)["allowed"] == D("2.00") and row(remit, 2)["written_off"] == D("0.04")
    assert row(remit, 2)["adjustments"] == [("CO", "253", D("0.04"))]


def test_payer_argument_and_errors():
    claim = visit("V01")
    assert adjudicate(claim, "nwppo")["allowed"].iloc[0] == D("110.64")  # 88.51 x 1.25 = 110.6375 -> 110.64
    with pytest.raises(ClaimError, match="Payer 'XYZ'.*FEDMED"):
        adjudicate(claim, "XYZ")
    with pytest.raises(ClaimError, match="no lines"):
        adjudicate(visit("V01", lines=[]))
    with pytest.raises(ClaimError, match="Locality"):
        adjudicate(visit("V01", locality="Q"))
    with pytest.raises(ClaimError, match="needs a Claim"):
        adjudicate("V01")


codes = sorted(default_tables().services)
line_strategy = st.fixed_dictionaries({
    "date_of_service": st.sampled_from(["2026-10-06", "2026-10-07", "2025-01-02"]),
    "place_of_service": st.sampled_from(["11", ""]),
    "code": st.sampled_from(codes + ["99999"]),
    "modifiers": st.lists(st.sampled_from(["25", "59", "RT"]), max_size=2),
    "pointers": st.lists(st.sampled_from(["A", "B", "C"]), max_size=2),
    "units": st.integers(0, 3),
    "charge": st.decimals(min_value=0, max_value=900, places=2).map(str),
})


@settings(max_examples=80, deadline=None)
@given(lines=st.lists(line_strategy, min_size=1, max_size=5), payer=st.sampled_from(["FEDMED", "NWPPO", "LKHMO"]),
       deductible=st.decimals(min_value=0, max_value=400, places=2), oop=st.none() | st.decimals(0, 300, places=2),
       locality=st.sampled_from(["A", "B"]), dx=st.sampled_from([["I10", "M17.11"], ["R07.9"], ["M54.5", "E11.9"]]))
def test_every_dollar_is_accounted_for(lines, payer, deductible, oop, locality, dx):
    raw = {"visit_id": "P1", "patient_name": "Pat Property", "patient_dob": "1960-01-01", "member_id": "X1",
           "insured_name": "Pat Property", "relationship": "self", "payer_id": payer, "locality": locality,
           "rendering_npi": "9990000025", "billing_npi": "9990000017", "diagnoses": dx, "lines": lines,
           "filed_on": "2026-10-10", "deductible_remaining": str(deductible),
           "oop_remaining": None if oop is None else str(oop)}
    remit = adjudicate(claim_from_dict(raw))
    for r in remit.itertuples():
        assert r.paid + r.patient_share + r.written_off == r.billed  # to the cent, Decimal
        assert sum((a for _, _, a in r.adjustments), D(0)) == r.billed - r.paid
        assert min(r.paid, r.patient_share, r.written_off) >= 0
        if payer == "FEDMED" and r.code == "36415":
            assert r.patient_share == 0  # no cost sharing on lab lines under the Medicare-like payer
    if oop is not None:
        assert sum(remit["patient_share"], D(0)) <= oop
    totals = post_payment(remit)
    assert totals["paid"] + totals["contractual_CO"] + totals["patient_PR"] + totals["other_OA_PI"] == totals["billed"]


def test_posting_statement_and_explanations():
    claim = visit("V01")
    remit = adjudicate(claim)
    totals = post_payment(remit)
    # paid 30.19 + 3.39 = 33.58; CO 61.49 + 0.62 + 21.54 + 0.07 = 83.72; PR 57.70; 33.58 + 83.72 + 57.70 = 175.00
    assert (totals["billed"], totals["paid"], totals["contractual_CO"], totals["patient_PR"]) == (
        D("175.00"), D("33.58"), D("83.72"), D("57.70"))
    assert totals["balance_after_posting"] == D("57.70")  # 175.00 - 33.58 - 83.72
    statement = patient_statement(claim, remit)
    assert "Amount due from you: $57.70" in statement and "Avery Sample" in statement
    sentences = explain_adjustments(remit)
    # line 1: CO-45, PR-1, PR-2, CO-253; line 2 (lab): CO-45, CO-253 -> 6 sentences
    assert len(sentences) == 6 and sentences[0].startswith("Line 1 (99213): CO-45 $61.49")
    assert "deductible" in sentences[1] and sentences[4].startswith("Line 2 (36415): CO-45 $21.54")
    assert sentences[3].startswith("Line 1 (99213): CO-253 $0.62") and "Sequestration" in sentences[3]
    assert "$33.58" in remittance_summary(remit) and "Denied" not in remittance_summary(remit)
    assert adjustment_text(remit["adjustments"].iloc[0]) == "CO-45 $61.49; PR-1 $50.00; PR-2 $7.70; CO-253 $0.62"
    table = remittance_table(remit)
    assert list(table["Paid"]) == ["$30.19", "$3.39"]


def test_draft_appeal():
    claim = visit("V03")
    remit = adjudicate(claim)
    letter = draft_appeal(claim, remit, 1, "The notes show a separate problem was treated.")
    assert "CO-97" in letter and "line 1" in letter and "separate problem" in letter
    assert "redetermination" in letter and "120 days" in letter  # V03's payer is the Medicare-like FEDMED
    # 42 CFR 405.944(b): a redetermination request names the dates of service at issue
    assert f"Date of service: {claim.lines[0].date_of_service.isoformat()}" in letter
    commercial = draft_appeal(visit("V03", payer_id="NWPPO"), remit, 1, "The notes show a separate problem was treated.")
    assert commercial.startswith("Re: appeal of claim V03") and "redetermination" not in commercial
    with pytest.raises(ClaimError, match="was paid"):
        draft_appeal(claim, remit, 2, "x")
    with pytest.raises(ClaimError, match="Argument"):
        draft_appeal(claim, remit, 1, "  ")
    with pytest.raises(ClaimError, match="lines 1, 2"):
        draft_appeal(claim, remit, 7, "x")


def test_rate_percent():
    assert rate_percent(19, 20) == D("95.0")  # 19 / 20 = 95 %
    assert rate_percent(1, 3) == D("33.3")
    for bad in ((5, 0), (3, 2), (-1, 2), (1.5, 2), (True, 2)):
        with pytest.raises(ClaimError):
            rate_percent(*bad)
