"""Fee schedule, payer contracts and the patient's share, checked by hand."""
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerlab.claims.money import MoneyError
from careerlab.claims.pricing import (CONVERSION_FACTOR_2026, Payer, contracted_amount, explain_split,
                                      fee_schedule_amount, filing_deadline, share_breakdown, split_allowed)


def test_conversion_factor_is_the_2026_one():
    assert CONVERSION_FACTOR_2026 == Decimal("33.4009")  # CMS CY2026 PFS final rule (non-APM)


def test_brief_worked_example():
    # work 1.30 x 1.000 = 1.300; PE 1.20 x 1.050 = 1.260; MP 0.10 x 0.900 = 0.090 -> 2.650 RVUs
    # 2.65 x 33.4009 = 88.512385 -> $88.51
    assert fee_schedule_amount(1.30, 1.20, 0.10, gpci=(1.000, 1.050, 0.900)) == Decimal("88.51")


def test_default_gpci_and_other_conversion_factor():
    # 1.30 + 1.20 + 0.10 = 2.60 RVUs; x 33.4009 = 86.84234 -> 86.84; x 32.3465 (2025) = 84.1009 -> 84.10
    assert fee_schedule_amount("1.30", "1.20", "0.10") == Decimal("86.84")
    assert fee_schedule_amount("1.30", "1.20", "0.10", conversion_factor="32.3465") == Decimal("84.10")


@pytest.mark.parametrize("args", [("x", 1, 1), (-1, 1, 1), (1, 1, 1, (1, 1))])
def test_fee_schedule_bad_input(args):
    with pytest.raises(MoneyError):
        fee_schedule_amount(*args)


def test_contracted_amount():
    payer = Payer("P", "p", "commercial", Decimal("125"), Decimal("0.2"), Decimal("0"), "180d")
    assert contracted_amount(Decimal("86.84"), payer) == Decimal("108.55")  # 86.84 x 1.25 = 108.55


def test_brief_patient_share_example():
    # deductible 50.00 first; rest 88.51 - 50 = 38.51; 20 % = 7.702 -> 7.70; patient 57.70; payer 88.51 - 57.70 = 30.81
    assert split_allowed("88.51", "50", "0.20") == (Decimal("57.70"), Decimal("30.81"))


def test_copay_replaces_coinsurance():
    # deductible 0; copay 25.00 on 95.52 -> patient 25.00, payer 70.52
    assert split_allowed("95.52", 0, "0.20", copay="25") == (Decimal("25.00"), Decimal("70.52"))
    # copay larger than what is left: the patient pays only the allowed amount
    assert split_allowed("10.00", 0, 0, copay="25") == (Decimal("10.00"), Decimal("0.00"))


def test_deductible_larger_than_allowed():
    assert split_allowed("40.00", "283", "0.20") == (Decimal("40.00"), Decimal("0.00"))


def test_out_of_pocket_cap():
    # without a cap: 50 + 7.70 = 57.70; cap 30 -> deductible part 30, coinsurance 0; payer 58.51
    share = share_breakdown("88.51", "50", "0.20", oop_remaining="30")
    assert (share.deductible, share.coinsurance, share.payer) == (Decimal("30.00"), Decimal("0.00"), Decimal("58.51"))
    # cap 55: deductible 50 + coinsurance capped at 5 -> 55
    assert split_allowed("88.51", "50", "0.20", oop_remaining="55") == (Decimal("55.00"), Decimal("33.51"))
    assert split_allowed("88.51", "50", "0.20", oop_remaining="0") == (Decimal("0.00"), Decimal("88.51"))


@pytest.mark.parametrize("kwargs, field", [
    ({"allowed": "", "deductible_remaining": 0, "coinsurance_rate": 0.2}, "Allowed"),
    ({"allowed": "12", "deductible_remaining": "-1", "coinsurance_rate": 0.2}, "Deductible"),
    ({"allowed": "12", "deductible_remaining": "0", "coinsurance_rate": "abc"}, "Coinsurance"),
    ({"allowed": "12", "deductible_remaining": "0", "coinsurance_rate": 0.2, "copay": "x"}, "Copay"),
])
def test_split_allowed_names_the_bad_field(kwargs, field):
    with pytest.raises(MoneyError, match=field):
        split_allowed(**kwargs)


money = st.decimals(min_value=0, max_value=5000, places=2)


@settings(max_examples=300, deadline=None)
@given(money, money, st.sampled_from(["0", "0.1", "0.2", "0.3", "0.5", "1"]), money, st.none() | money)
def test_shares_always_add_up_to_allowed(allowed, deductible, rate, copay, oop):
    patient, payer = split_allowed(allowed, deductible, rate, copay, oop)
    assert patient + payer == allowed
    assert patient >= 0 and payer >= 0
    if oop is not None:
        assert patient <= oop


def test_explain_split_shows_the_working():
    text = explain_split("88.51", "50", "0.20")
    assert "$50.00" in text and "$7.70" in text and "$57.70" in text and "$30.81" in text


def test_explain_split_under_a_cap_is_true_at_every_step():
    # 20 % of 108.55 = 21.71 (the false working said $15.00 here); the 15.00 left then caps it
    text = explain_split("108.55", "0", "0.20", oop_remaining="15.00")
    assert "Coinsurance 20 % of that: $21.71." in text
    assert "only $15.00 is left" in text and "Patient pays $15.00; the payer pays $93.55" in text
    roomy = explain_split("108.55", "0", "0.20", oop_remaining="100.00")
    assert "the cap changes nothing" in roomy and "Patient pays $21.71" in roomy


@pytest.mark.parametrize("dos, limit, deadline", [
    (date(2025, 9, 15), "12m", date(2026, 9, 15)),
    (date(2024, 2, 29), "12m", date(2025, 2, 28)),  # no 29 Feb in 2025
    (date(2026, 1, 31), "1m", date(2026, 2, 28)),
    (date(2026, 11, 5), "90d", date(2027, 2, 3)),  # 25 days left in Nov + 31 + 31 + 3 = 90
])
def test_filing_deadline(dos, limit, deadline):
    assert filing_deadline(dos, limit) == deadline


def test_filing_deadline_bad_format():
    with pytest.raises(ValueError, match="12m"):
        filing_deadline(date(2026, 1, 1), "one year")


def test_sequestration_rounding_and_the_quiz_agree():
    from careerlab.claims.pricing import sequestration_cut
    from careerlab.quiz import load_bank
    from careerlab.paths import data_path

    # 2 % of 30.81 = 0.6162 -> 0.62; of 3.46 = 0.0692 -> 0.07; a half cent rounds up: 2 % of 0.25 = 0.005 -> 0.01
    assert sequestration_cut("30.81", "0.02") == Decimal("0.62")
    assert sequestration_cut("3.46", "0.02") == Decimal("0.07")
    assert sequestration_cut("0.25", "0.02") == Decimal("0.01")
    assert sequestration_cut("30.81", "0.02", date(2022, 6, 30)) == Decimal("0.00")
    bank = load_bank(data_path("quizzes", "03-the-medical-biller.json"))
    q = next(q for q in bank.questions if q.id == "q-biller-8")
    assert Decimal(str(q.answer)) == Decimal("30.81") - sequestration_cut("30.81", "0.02")
