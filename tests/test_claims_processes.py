"""Lesson 03's processes around the claim: eligibility, prior authorisation, coordination of benefits and the
secondary claim, Medicare Secondary Payer, the ABN and GA/GZ, the MSN and the appeal levels, checked by hand;
the widgets are driven as a learner would."""
from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerlab.claims.adjudication import adjudicate
from careerlab.claims.appeals import LEVELS, filing_limit, reopening_limit
from careerlab.claims.eligibility import Benefits, estimate_share, front_desk_actions, is_active
from careerlab.claims.notices import abn_modifier, liable_if_denied
from careerlab.claims.prior_auth import Authorization, auth_problem
from careerlab.claims.process_text import PRIMARY, exercises
from careerlab.claims.process_widgets import SECTION, process_exercise
from careerlab.claims.secondary import msp_primary, secondary_payment
from careerlab.claims.tables import appeals_table, notices_table
from careerlab.progress import ProgressStore
from careerlab.ui import show_table
from claims_helpers import column_alignment, visit


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path / "progress.json")

PLAN = Benefits("M1", "Plan", date(2026, 1, 1), date(2026, 12, 31), D("40.00"), D("0.20"),
                auth_required=("20610",), other_coverage="a spouse's plan")


def test_front_desk_reads_the_271():
    assert front_desk_actions(PLAN, date(2026, 11, 16), ("99213", "20610")) == ["prior-auth", "coordinate"]
    assert front_desk_actions(PLAN, date(2027, 1, 2), ("99213",)) == ["not-active"]  # coverage ended 31 Dec
    assert is_active(PLAN, date(2026, 12, 31)) and not is_active(PLAN, date(2025, 12, 31))
    # deductible 40.00 first, then 20 % of 88.51 - 40.00 = 48.51 -> 9.702 -> 9.70; patient 49.70
    assert estimate_share(PLAN, "88.51") == D("49.70")


def test_prior_authorisation_covers_code_units_and_dates():
    auth = Authorization("PA-1", "20610", 1, date(2026, 10, 1), date(2026, 10, 31))
    assert auth_problem(auth, "20610", 1, date(2026, 10, 31)) is None  # last day included
    assert "ended on 2026-10-31" in auth_problem(auth, "20610", 1, date(2026, 11, 1))
    assert "starts on" in auth_problem(auth, "20610", 1, date(2026, 9, 30))
    assert "not 20611" in auth_problem(auth, "20611", 1, date(2026, 10, 5))
    assert "1 unit(s), not 2" in auth_problem(auth, "20610", 2, date(2026, 10, 5))
    assert "No authorisation" in auth_problem(None, "20610", 1, date(2026, 10, 5))


def test_the_worked_secondary_claim_starts_from_lesson_03s_primary_remittance():
    # NWPPO primary on 99213 in locality A, deductible met: 2.60 RVUs x 33.4009 = 86.84; x 125 % = 108.55;
    # CO-45 150.00 - 108.55 = 41.45; PR-2 20 % = 21.71; paid 86.84 (no sequestration on a commercial payer)
    primary = adjudicate(visit("V02", lines=[{"date_of_service": "2026-10-14", "place_of_service": "11",
                                              "code": "99213", "pointers": ["A"], "charge": "150.00"}],
                               oop_remaining=None, deductible_remaining="0")).iloc[0]
    assert (primary["allowed"], primary["paid"], primary["coinsurance"]) == (PRIMARY["allowed"], PRIMARY["paid"], PRIMARY["pr2"])
    assert primary["written_off"] == PRIMARY["co45"] and PRIMARY["billed"] == primary["billed"]


def test_secondary_pays_the_lesser_of_its_normal_benefit_and_what_is_left():
    # normal benefit: 108.55 - 100.00 deductible = 8.55; 20 % = 1.71; 8.55 - 1.71 = 6.84 < 21.71 left
    r = secondary_payment("108.55", "86.84", "21.71", "100.00", "0.20")
    assert (r.normal_benefit, r.secondary_paid, r.patient_balance) == (D("6.84"), D("6.84"), D("14.87"))
    # deductible met: normal benefit 108.55 - 21.71 = 86.84 > 21.71 left -> pays all 21.71, patient 0
    r = secondary_payment("108.55", "86.84", "21.71", "0", "0.20")
    assert (r.secondary_paid, r.patient_balance) == (D("21.71"), D("0.00"))


@given(allowed=st.decimals(0, 500, places=2), share=st.decimals(0, 1, places=2),
       ded=st.decimals(0, 300, places=2), rate=st.decimals(0, 1, places=2))
def test_secondary_never_pays_more_than_is_left(allowed, share, ded, rate):
    left = (allowed * share).quantize(D("0.01"))
    r = secondary_payment(allowed, allowed - left, left, ded, rate)
    assert 0 <= r.secondary_paid <= left and r.secondary_paid + r.patient_balance == left


def test_medicare_secondary_payer_working_aged():
    assert msp_primary(67, True, 20) == "employer plan"  # 20 or more employees
    assert msp_primary(67, True, 19) == "Medicare"
    assert msp_primary(67, False, 500) == "Medicare"  # retiree coverage: Medicare first


def test_abn_modifiers_and_liability():
    assert (abn_modifier(True, True), abn_modifier(True, False), abn_modifier(False, True)) == ("GA", "GZ", "")
    assert (liable_if_denied("ga"), liable_if_denied("GZ"), liable_if_denied("")) == ("patient", "practice", "practice")


def test_appeal_levels_and_limits():
    assert [lv.days_to_file for lv in LEVELS] == [120, 180, 60, 60, 60]
    assert LEVELS[2].minimum_2026 == D("200") and LEVELS[4].minimum_2026 == D("1960")  # 90 FR 55869 (2025)
    assert filing_limit(2, date(2026, 1, 1)) == date(2026, 6, 30)  # 180 days: 31+28+31+30+31+29
    assert reopening_limit(date(2024, 2, 29)) == date(2025, 2, 28)
    with pytest.raises(ValueError):
        filing_limit(6, date(2026, 1, 1))
    table = appeals_table()
    money = "Minimum amount in dispute, 2026 ($)"
    assert len(table) == 5 and table.loc[3, money] == "$200.00" and table.loc[1, money] == "no minimum"
    assert column_alignment(show_table(table).to_html())[money] == "right"  # a money column, drawn on the right
    assert "Remittance (835 / ERA)" in notices_table().columns


def test_every_choice_exercise_has_one_answer_and_a_reason_for_each_wrong_option():
    for name, spec in exercises().items():
        keys = [k for k, _, _ in spec["options"]]
        assert spec["answer"] in keys and len(set(keys)) == len(keys), name
        assert all(why for k, _, why in spec["options"] if k != spec["answer"]), name
        assert spec["situation"] and spec["explanation"], name


@pytest.mark.parametrize("name", sorted(exercises()))
def test_choice_widgets_grade_and_save(store, name):
    w = process_exercise(name, store=store)
    w.check_button.click()
    assert "Choose one" in w.feedback.value and store.get(SECTION, name) is None
    wrong = next(k for k, _, _ in w.spec["options"] if k != w.spec["answer"])
    w.choice.value = wrong
    w.check_button.click()
    assert "Try another" in w.feedback.value and store.get(SECTION, name) == {"answer": wrong, "score": 0.0}
    w.choice.value = w.spec["answer"]
    w.check_button.click()
    assert "Correct" in w.feedback.value and store.get(SECTION, name)["score"] == 1.0


def test_secondary_claim_widget_hint_then_working(store):
    w = process_exercise("secondary-claim", store=store)
    w.paid.value, w.balance.value = "21.71", "0"  # as if the secondary paid everything that was left
    w.check_button.click()
    assert "Hint" in w.feedback.value and "$6.84" not in w.feedback.value
    assert store.get(SECTION, "secondary-claim")["score"] == 0.0
    w.check_button.click()
    assert "$6.84" in w.feedback.value and "$14.87" in w.feedback.value
    w.paid.value, w.balance.value = "6.84", "abc"
    w.check_button.click()
    assert "not a number" in w.feedback.value
    w.balance.value = "14.87"
    w.check_button.click()
    assert "Both right" in w.feedback.value
    assert store.get(SECTION, "secondary-claim") == {"answer": {"secondary_paid": "6.84", "patient_balance": "14.87"},
                                                     "score": 1.0}


def test_an_unknown_exercise_name_gets_a_message(store):
    w = process_exercise("nope", store=store)
    assert "no exercise called &#x27;nope&#x27;" in w.children[0].value and "secondary-claim" in w.children[0].value
