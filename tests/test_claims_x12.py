"""Claims as files (issue 14): the 837P and 835 the package writes pass pyx12's validator, a broken file is
rejected, the 835's money balances, and reading an 835 back gives the same amounts to the cent."""
import re
from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerlab.claims import (ClaimError, X12Error, adjudicate, check_x12, claim_builder, era_remittance,
                              load_visits, post_payment, read_835, rejection_text, to_835, to_837p, x12_map_table)
from careerlab.claims.data import default_tables
from careerlab.claims.model import claim_from_dict, claim_to_dict
from careerlab.claims.x12 import Separators
from claims_helpers import visit

VISITS = load_visits()
TODAY = date(2026, 12, 1)  # the remittances are decided on a fixed day, so V05 stays late and nothing moves


def segments(text, seg="~", ele="*"):
    """The file's segments as lists of elements, split here independently of the package's reader."""
    return [s.strip().split(ele) for s in text.split(seg) if s.strip()]


def first(segs, tag, qualifier=None):
    return next(s for s in segs if s[0] == tag and (qualifier is None or s[1] == qualifier))


def without(text, prefix):
    """The file with every segment starting with ``prefix`` dropped, the SE count kept right."""
    segs = [s for s in segments(text) if not "*".join(s).startswith(prefix)]
    st_at = next(i for i, s in enumerate(segs) if s[0] == "ST")
    se_at = next(i for i, s in enumerate(segs) if s[0] == "SE")
    segs[se_at][1] = str(se_at - st_at + 1)
    return "".join("*".join(s) + "~\n" for s in segs)


def remit(claim):
    return adjudicate(claim, today=TODAY)


# --- the 837P ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("visit_id", sorted(VISITS))
def test_every_teaching_visit_837p_passes_pyx12(visit_id):
    assert check_x12(to_837p(VISITS[visit_id])) == []


def test_the_837p_carries_the_claim_box_by_box():
    claim = VISITS["V01"]
    segs = segments(to_837p(claim))
    assert first(segs, "NM1", "85")[-2:] == ["XX", claim.billing_npi]  # box 33a
    assert first(segs, "NM1", "82")[-1] == claim.rendering_npi  # 24J
    assert first(segs, "NM1", "IL")[-2:] == ["MI", claim.member_id]  # box 1a
    clm = first(segs, "CLM")
    assert clm[1] == claim.claim_id and D(clm[2]) == D("175.00")  # box 28: 150 + 25
    assert first(segs, "HI")[1:] == ["ABK:I10", "ABF:E119"]  # box 21, no dots, A then B
    sv1 = [s for s in segs if s[0] == "SV1"]
    assert [s[1] for s in sv1] == ["HC:99213", "HC:36415"]
    assert [D(s[2]) for s in sv1] == [D("150"), D("25")]
    assert [s[7] for s in sv1] == ["1:2", "2"]  # pointers A, B -> 1, 2
    assert [s[3] for s in segs if s[0] == "DTP" and s[1] == "472"] == ["20261006", "20261006"]
    st_at = next(i for i, s in enumerate(segs) if s[0] == "ST")
    se = first(segs, "SE")
    assert int(se[1]) == segs.index(se) - st_at + 1  # the count covers ST to SE


def test_modifiers_and_a_patient_who_is_not_the_insured():
    v02 = segments(to_837p(VISITS["V02"]))
    assert [s[1] for s in v02 if s[0] == "SV1"] == ["HC:99213:25", "HC:20610:RT"]
    assert first(v02, "SBR")[-1] == "12"  # the commercial PPO
    v04 = segments(to_837p(VISITS["V04"]))  # Drew is insured through a spouse, Dana
    assert first(v04, "SBR")[2] == "" and first(v04, "PAT")[1] == "01"
    assert first(v04, "NM1", "IL")[3:5] == ["FICTIONAL", "DANA"]
    assert first(v04, "NM1", "QC")[3:5] == ["FICTIONAL", "DREW"]
    assert first(v04, "HL")[0] == "HL" and [s[1:4] for s in v04 if s[0] == "HL"][-1] == ["3", "2", "23"]


def test_the_837p_is_the_same_for_the_same_claim_and_takes_its_date_and_number_as_given():
    claim = VISITS["V01"]
    assert to_837p(claim) == to_837p(claim)
    assert first(segments(to_837p(claim)), "BHT")[4] == "20261008"  # the date the claim was sent
    other = segments(to_837p(claim, control_number=42, created=date(2026, 10, 9)))
    assert first(other, "ISA")[13] == "000000042" and first(other, "GS")[6] == "42"
    assert first(other, "BHT")[4] == "20261009"
    undated = claim_from_dict({**claim_to_dict(claim), "filed_on": "",
                               "lines": [{**l, "date_of_service": ""} for l in claim_to_dict(claim)["lines"]]})
    with pytest.raises(ClaimError, match="date"):
        to_837p(undated)
    with pytest.raises(ClaimError):
        to_837p({"visit_id": "V01"})


def test_pyx12_rejects_an_837p_without_its_billing_provider():
    problems = check_x12(without(to_837p(VISITS["V01"]), "NM1*85"))
    assert problems
    assert any("2010AA" in p.message for p in problems)
    assert any("2010AA" in p.plain and "missing" in p.plain for p in problems)


def test_pyx12_rejects_an_837p_with_a_date_that_does_not_exist():
    text = to_837p(VISITS["V01"]).replace("DTP*472*D8*20261006", "DTP*472*D8*20261399", 1)
    problems = check_x12(text)
    assert [p.segment for p in problems] == ["DTP"]
    assert "20261399" in problems[0].plain and "not a real date" in problems[0].plain


def test_a_claim_with_no_diagnoses_makes_a_file_pyx12_rejects():
    text = to_837p(visit("V01", diagnoses=[]))
    assert "HI" not in [s[0] for s in segments(text)]
    assert any('"Health Care Diagnosis Code" (HI) missing' in p.message for p in check_x12(text))
    assert "missing" in rejection_text(text)


def test_rejection_text_says_a_good_file_passes_and_a_non_file_gets_a_plain_error():
    assert "accepts" in rejection_text(to_837p(VISITS["V03"]))
    with pytest.raises(X12Error, match="ISA"):
        check_x12("hello")


def test_without_pyx12_the_check_says_so_and_the_builder_still_shows_the_file(monkeypatch, tmp_path):
    import sys

    from careerlab.progress import ProgressStore

    for name in ("pyx12", "pyx12.params", "pyx12.x12n_document"):
        monkeypatch.setitem(sys.modules, name, None)  # import fails as if pyx12 were not installed
    with pytest.raises(X12Error, match="make lab"):
        check_x12(to_837p(VISITS["V01"]))
    builder = claim_builder(store=ProgressStore(tmp_path / "progress.json"))
    builder.file_button.click()
    assert "make lab" in builder.result.value and "ISA*00*" in builder.result.value
    assert "Traceback" not in builder.result.value


def test_the_map_lines_up_loops_with_cms1500_boxes():
    table = x12_map_table(to_837p(VISITS["V01"]))
    assert table.index.is_unique and list(table["Loop"]).count("2400") == 4
    boxes = dict(zip(table.index, table["CMS-1500 box"]))
    assert boxes["HI"] == "21" and boxes["DTP*472"] == "24A" and "33" in boxes["NM1*85, N3, N4"]
    assert "24D" in boxes["SV1"] and "28" in boxes["CLM"]
    examples = dict(zip(table.index, table["In this file"]))
    assert examples["REF*6R"].startswith("REF*6R*V01-1")
    assert examples["HI"] == "HI*ABK:I10*ABF:E119" and examples["NM1*85, N3, N4"].startswith("NM1*85*")
    assert "In this file" not in x12_map_table().columns


def test_the_claim_builder_shows_the_file_with_a_download_and_the_validator_verdict(tmp_path):
    from careerlab.progress import ProgressStore

    builder = claim_builder(store=ProgressStore(tmp_path / "progress.json"))
    builder.visit.value = "V02"
    builder.file_button.click()
    shown = builder.result.value
    assert "ISA*00*" in shown and "SV1*HC:20610:RT" in shown
    assert 'download="V02-837P.txt"' in shown and "accepts" in shown
    builder.fields["diagnoses"].value = ""  # no diagnoses: no HI segment, so the file is rejected
    builder.file_button.click()
    assert "Rejected" in builder.result.value and "Traceback" not in builder.result.value


# --- the 835 ----------------------------------------------------------------------------------------------

def balance(text):
    """BPR total, and for each claim: (charge, paid, patient, CAS sum, [(line charge, line paid, line CAS)])."""
    segs = segments(text)
    claims, total = [], D(first(segs, "BPR")[2])
    for seg in segs:
        if seg[0] == "CLP":
            claims.append([D(seg[3]), D(seg[4]), D(seg[5]), D(0), D(0), []])
        elif seg[0] == "SVC":
            claims[-1][5].append([D(seg[2]), D(seg[3]), D(0)])
        elif seg[0] == "CAS":
            for i in range(2, len(seg), 3):
                if seg[i]:
                    claims[-1][3] += D(seg[i + 1])
                    claims[-1][4] += D(seg[i + 1]) if seg[1] == "PR" else 0
                    claims[-1][5][-1][2] += D(seg[i + 1])
    return total, claims


def assert_balances(text):
    total, claims = balance(text)
    assert total == sum(c[1] for c in claims)  # BPR02 = the claims' payments
    for charge, paid, patient, cas, pr, lines in claims:
        assert charge - paid == cas  # CLP03 - CLP04 = every adjustment
        assert patient == pr  # CLP05 = the PR adjustments
        assert charge == sum(l[0] for l in lines) and paid == sum(l[1] for l in lines)
        for line_charge, line_paid, line_cas in lines:
            assert line_charge - line_paid == line_cas


@pytest.mark.parametrize("visit_id", sorted(VISITS))
def test_every_teaching_remittance_835_passes_pyx12_and_balances(visit_id):
    claim = VISITS[visit_id]
    text = to_835([(claim, remit(claim))])
    assert check_x12(text) == []
    assert_balances(text)


@pytest.mark.parametrize("payer_id", ["FEDMED", "NWPPO", "LKHMO"])
def test_one_835_per_payer_with_all_its_claims_passes_pyx12(payer_id):
    pairs = [(c, remit(c)) for c in VISITS.values() if c.payer_id == payer_id]
    text = to_835(pairs)
    assert check_x12(text) == []
    assert_balances(text)
    assert len([s for s in segments(text) if s[0] == "CLP"]) == len(pairs)


def sequestered(rows):
    """What Medicare sequestration (CO-253) took from each line, if the payer applies it (0 otherwise)."""
    return [sum((a for g, c, a in r["adjustments"] if (g, c) == ("CO", "253")), D(0)) for r in rows.to_dict("records")]


def test_the_v01_835_says_what_the_lesson_says():
    rows = remit(VISITS["V01"])
    cut = sequestered(rows)
    segs = segments(to_835([(VISITS["V01"], rows)]))
    clp = first(segs, "CLP")
    # 150 + 25 billed; allowed 88.51 + 3.46; the patient owes 50.00 deductible + 7.70 coinsurance on line 1;
    # the payer pays the rest of the allowed amount (30.81 + 3.46) less any sequestration
    paid = D("30.81") + D("3.46") - sum(cut)
    assert (D(clp[3]), D(clp[4]), D(clp[5]), clp[6]) == (D("175"), paid, D("57.70"), "MB")
    assert D(first(segs, "BPR")[2]) == paid
    cas = [s for s in segs if s[0] == "CAS"]
    assert cas[0][:4] == ["CAS", "CO", "45", "61.49"] and ["CAS", "PR", "1", "50", "", "2", "7.7"] in cas
    assert [D(s[2]) for s in segs if s[0] == "AMT" and s[1] == "B6"] == [D("88.51"), D("3.46")]


def test_a_denied_claim_pays_nothing_and_says_so():
    text = to_835([(VISITS["V05"], remit(VISITS["V05"]))])
    segs = segments(text)
    assert first(segs, "CLP")[2] == "4" and D(first(segs, "CLP")[4]) == 0
    assert first(segs, "BPR")[1] == "H" and first(segs, "BPR")[4] == "NON"  # nothing paid: a notice only
    assert [s[1:3] for s in segs if s[0] == "CAS"] == [["CO", "29"], ["CO", "29"]]
    assert check_x12(text) == []


def test_to_835_refuses_what_no_valid_835_can_carry():
    claim = VISITS["V01"]
    with pytest.raises(ClaimError, match="one payer"):
        to_835([(claim, remit(claim)), (VISITS["V02"], remit(VISITS["V02"]))])
    with pytest.raises(ClaimError):
        to_835([])
    broken = remit(claim)
    broken.at[0, "paid"] = D("31.00")  # no longer billed - paid = adjustments
    with pytest.raises(ClaimError, match="line 1"):
        to_835([(claim, broken)])


# --- any adjustment, e.g. sequestration (CO-253), goes into the file as given ----------------------------

CARCS = {"CO": ["45", "253", "97", "16"], "PR": ["1", "2", "3"], "OA": ["23"], "PI": ["45"]}
cents = st.integers(min_value=1, max_value=50_000).map(lambda n: D(n) / 100)


@st.composite
def remittance_rows(draw, claim):
    """A balanced remittance for the claim's lines with any mix of group codes and reason codes."""
    rows = []
    for n, line in enumerate(claim.lines, start=1):
        adjustments = draw(st.lists(st.tuples(st.sampled_from(sorted(CARCS)), cents), max_size=5))
        adjustments = [(g, draw(st.sampled_from(CARCS[g])), a) for g, a in adjustments]
        paid = draw(st.integers(min_value=0, max_value=30_000).map(lambda c: D(c) / 100))
        billed = paid + sum((a for _, _, a in adjustments), D(0))
        share = sum((a for g, _, a in adjustments if g == "PR"), D(0))
        rows.append({"line": n, "billed": billed, "paid": paid, "allowed": paid + share, "adjustments": adjustments,
                     "status": "paid" if paid else "denied"})
    return rows


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_balanced_adjustments_make_a_valid_835_that_reads_back_to_the_cent(data):
    claims = [VISITS[v] for v in ("V01", "V03", "V05")]  # one payer (FEDMED)
    pairs = [(c, data.draw(remittance_rows(c))) for c in claims]
    text = to_835(pairs, control_number=data.draw(st.integers(1, 999_999_999)))
    assert check_x12(text) == []
    assert_balances(text)
    era = read_835(text)
    assert era.balance_problems() == []
    for (claim, rows), got in zip(pairs, era.claims):
        assert got.claim_id == claim.claim_id
        for row, line in zip(rows, got.lines):
            assert (line.line, line.charge, line.paid, line.allowed) == (row["line"], row["billed"], row["paid"],
                                                                         row["allowed"])
            assert sorted(line.adjustments) == sorted((g, c, a) for g, c, a in row["adjustments"] if a)


def test_sequestration_co253_rides_along_like_any_adjustment():
    claim = VISITS["V01"]
    rows = remit(claim).to_dict("records")
    for row in rows:  # start from the payment before any sequestration the payer already applied
        taken = sum((a for g, c, a in row["adjustments"] if (g, c) == ("CO", "253")), D(0))
        row.update(paid=row["paid"] + taken, adjustments=[a for a in row["adjustments"] if a[:2] != ("CO", "253")])
    cut = D("0.62")  # 2 % of the 30.81 the payer pays on line 1, as the brief's example gives it
    rows[0] = {**rows[0], "paid": rows[0]["paid"] - cut, "adjustments": rows[0]["adjustments"] + [("CO", "253", cut)]}
    text = to_835([(claim, rows)])
    assert check_x12(text) == []
    assert ["CAS", "CO", "45", "61.49", "", "253", "0.62"] in segments(text)
    line = read_835(text).claims[0].lines[0]
    assert line.paid == D("30.19") and ("CO", "253", D("0.62")) in line.adjustments


# --- reading an 835 back -------------------------------------------------------------------------------

services = sorted(default_tables().services)


@st.composite
def claims(draw):
    """A synthetic claim to one payer with random codes, charges, units and benefits left."""
    payer = draw(st.sampled_from(["FEDMED", "NWPPO", "LKHMO"]))
    lines = [{"date_of_service": "2026-11-02", "place_of_service": "11", "code": draw(st.sampled_from(services)),
              "modifiers": draw(st.sampled_from([[], ["25"], ["RT"]])), "pointers": ["A"],
              "units": draw(st.integers(1, 3)), "charge": str(draw(cents) + 100)}
             for _ in range(draw(st.integers(1, 4)))]
    return claim_from_dict({**claim_to_dict(VISITS["V02"]), "visit_id": f"T{draw(st.integers(1, 9999))}",
                            "payer_id": payer, "diagnoses": ["M17.11"], "lines": lines, "filed_on": "2026-11-04",
                            "deductible_remaining": str(draw(st.integers(0, 300))),
                            "oop_remaining": draw(st.sampled_from([None, "40.00", "500.00"]))})


@settings(max_examples=40, deadline=None)
@given(claim=claims(), sep=st.sampled_from([Separators(), Separators("|", ">", "^", "~"), Separators("*", ":", "^", "\\")]))
def test_round_trip_gives_the_same_amounts_to_the_cent(claim, sep):
    original = remit(claim)
    era = read_835(to_835([(claim, original)], sep=sep))  # the reader takes the separators from the ISA
    assert era.balance_problems() == []
    back = era_remittance(era.claims[0])
    for column in ("line", "billed", "allowed", "deductible", "coinsurance", "copay", "patient_share", "paid",
                   "sequestration", "written_off", "status"):
        assert list(back[column]) == list(original[column]), column
    assert [sorted(a) for a in back["adjustments"]] == [sorted(a) for a in original["adjustments"]]
    assert post_payment(back) == post_payment(original)
    assert era.total_paid == sum(original["paid"], D(0))


def test_the_reader_follows_the_separators_the_isa_declares():
    claim = VISITS["V02"]
    text = to_835([(claim, remit(claim))], sep=Separators("|", ">", "^", "~"))
    assert "SVC|HC>99213>25|" in text
    assert read_835(text).claims[0].lines[0].modifiers == ("25",)
    assert check_x12(text) == []


VALID_835 = to_835([(VISITS["V01"], remit(VISITS["V01"])), (VISITS["V03"], remit(VISITS["V03"]))])


@pytest.mark.parametrize("text, words", [
    ("", "ISA"), ("ISA*00", "ISA"), (to_837p(VISITS["V01"]), "not an 835"),
    (re.sub(r"BPR\*I\*[0-9.]+", "BPR*I*lots", VALID_835), "BPR02"),
    (VALID_835.replace("CAS*CO*45*61.49", "CAS*XX*45*61.49"), "group code"),
    (VALID_835.replace("CLP*V01*1*175", "CLP*V01*1*1e999"), "CLP03"),
    (VALID_835.replace("SVC*HC:99213*150", "SVC*HC:99213*150.001"), "SVC02"),
    (VALID_835.replace("DTM*472*20261006", "DTM*472*20261306", 1), "date"),
    ("\n".join(l for l in VALID_835.splitlines() if not l.startswith("CLP*V01")), "no CLP"),
])
def test_a_corrupt_835_gets_a_plain_error(text, words):
    with pytest.raises(X12Error, match=words):
        read_835(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_read_or_refused_in_plain_words(text):
    try:
        read_835(text)
    except X12Error as err:
        assert str(err) and "Traceback" not in str(err)


@settings(max_examples=200, deadline=None)
@given(start=st.integers(0, len(VALID_835)), length=st.integers(0, 40), junk=st.text(max_size=8))
def test_a_damaged_835_is_read_or_refused_in_plain_words(start, length, junk):
    damaged = VALID_835[:start] + junk + VALID_835[start + length:]
    try:
        era = read_835(damaged)
    except X12Error as err:
        assert str(err)
        return
    assert all(isinstance(c.paid, D) for c in era.claims)


def test_the_era_table_and_the_file_as_shown():
    from careerlab.claims import era_table, show_document

    table = era_table(read_835(VALID_835))
    assert table.index.is_unique and len(table) == 4  # V01 and V03, two lines each
    row = table.loc[("V01", 1)]
    paid = D("30.81") - sequestered(remit(VISITS["V01"]))[0]  # 88.51 allowed - 57.70 patient, less any CO-253
    assert (row["Billed"], row["Allowed"], row["Paid"], row["Patient owes"]) == ("$150.00", "$88.51", f"${paid}",
                                                                                  "$57.70")
    assert row["Adjustments (group-reason amount)"].startswith("CO-45 $61.49")
    assert "PR-1 $50.00" in row["Adjustments (group-reason amount)"]
    assert table.loc[("V03", 1)]["Adjustments (group-reason amount)"].startswith("CO-97")
    shown = show_document(to_837p(VISITS["V01"])).data
    assert "monospace" in shown and "HI*ABK:I10*ABF:E119~\n" in shown


@pytest.mark.parametrize("visit_id", ["V01", "V03"])
def test_the_835_echoes_only_line_control_numbers_the_837p_sent(visit_id):
    # TR3 005010X221A1 2110 REF*6R: returned only when received on the 837 (X12 RFI 1684, 2012)
    claim = VISITS[visit_id]
    sent = re.findall(r"REF\*6R\*([^~*]+)~", to_837p(claim))
    echoed = re.findall(r"REF\*6R\*([^~*]+)~", to_835([(claim, adjudicate(claim))]))
    assert len(sent) == len(claim.lines) and len(set(sent)) == len(sent)
    assert echoed and set(echoed) <= set(sent)


def test_the_validator_runs_when_pressed_and_says_what_is_wrong_in_plain_words():
    """Lesson 03 checks its files with a button (pyx12 reads its maps first, which Run All does not wait for)."""
    from careerlab.claims import validator_check

    good = validator_check(to_837p(VISITS["V01"]))
    button, verdict = good.children
    assert verdict.value == ""  # nothing is checked before the learner asks
    button.click()
    assert "accepts" in verdict.value and "Rejected" not in verdict.value
    bad = validator_check(to_837p(VISITS["V01"]).replace("DTP*472*D8*20261006", "DTP*472*D8*20261306", 1))
    bad.children[0].click()
    assert "Rejected" in bad.children[1].value and "20261306" in bad.children[1].value
    junk = validator_check("this is not an X12 file")
    junk.children[0].click()
    assert "Sorry" in junk.children[1].value or "Check this" in junk.children[1].value or "X12" in junk.children[1].value
    assert "Traceback" not in junk.children[1].value and "/work" not in junk.children[1].value
