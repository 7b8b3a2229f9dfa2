"""Hostile input for the X12 reader and checker: every refusal is an X12Error in plain words, never a crash."""
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerlab.claims import X12Error, adjudicate, check_x12, load_visits, read_835, to_835, to_837p

VISITS = load_visits()
VALID_835 = to_835([(VISITS["V01"], adjudicate(VISITS["V01"], today=date(2026, 12, 1)))])


@pytest.mark.parametrize("amount", ["1e999999999", "1_000", "1E2", "१२३", "+-1", "."])
def test_an_amount_that_is_not_plain_digits_is_refused_in_plain_words(amount):
    with pytest.raises(X12Error, match="CLP03"):
        read_835(VALID_835.replace("CLP*V01*1*175", f"CLP*V01*1*{amount}"))


@pytest.mark.parametrize("old, new, words", [("REF*6R*V01-1", "REF*6R*V01-²", "REF02"),
                                             ("DTM*472*20261006", "DTM*472*٢٠٢٦١٠٠٦", "date")])
def test_digits_that_are_not_ascii_are_refused_in_plain_words(old, new, words):
    with pytest.raises(X12Error, match=words):
        read_835(VALID_835.replace(old, new, 1))


def test_a_cas_with_more_than_six_adjustments_is_refused_not_cut_short():
    seven = "CAS*CO" + "*45*1*" * 7
    with pytest.raises(X12Error, match="six"):
        read_835(VALID_835.replace("CAS*CO*45*61.49", seven.rstrip("*"), 1))


def test_many_cas_segments_on_one_line_are_all_kept():
    extra = "CAS*OA*23*0.01~\n" * 3000
    era = read_835(VALID_835.replace("REF*6R*V01-1~", extra + "REF*6R*V01-1~", 1))
    assert sum(1 for a in era.claims[0].lines[0].adjustments if a[:2] == ("OA", "23")) == 3000


@pytest.mark.parametrize("text", ["\n".join(l for l in to_837p(VISITS["V01"]).splitlines() if not l.startswith("GS")),
                                  to_837p(VISITS["V01"]).replace("*00501*", "*99999*"),
                                  to_837p(VISITS["V01"]).replace("*1:2~", "*1:2:1:2:1~")])
def test_a_file_the_validator_chokes_on_gets_words_not_python_internals(text):
    try:
        messages = [p.plain for p in check_x12(text)]
    except X12Error as err:
        messages = [str(err)]
    for m in messages:
        assert "index out of range" not in m and "object at 0x" not in m and "StringIO" not in m


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2FFF), min_size=1, max_size=12))
def test_any_text_in_any_amount_or_number_is_read_or_refused_in_plain_words(junk):
    for old in ("CLP*V01*1*175", "REF*6R*V01-1", "DTM*472*20261006"):
        head = old.rsplit("*", 1)[0]
        try:
            read_835(VALID_835.replace(old, f"{head}*{junk}", 1))
        except X12Error as err:
            assert str(err)


def test_a_name_with_accents_keeps_its_letters_in_the_837p():
    from claims_helpers import visit

    lines = to_837p(visit("V01", patient_name="Zoë Ñandú")).splitlines()
    assert next(l for l in lines if l.startswith("NM1*IL")).startswith("NM1*IL*1*NANDU*ZOE*")


def test_a_date_before_the_year_1000_still_has_eight_digits():
    from careerlab.claims.x12 import d8

    assert d8(date(1, 2, 3)) == "00010203" and d8(date(2026, 10, 6)) == "20261006"


@pytest.mark.parametrize("changes, line_changes, words", [
    ({"diagnoses": [f"R{n:02d}.0" for n in range(13)]}, None, "13 diagnoses"),
    ({}, {1: {"modifiers": ["25", "59", "RT", "LT", "XS"]}}, "5 modifiers"),
    ({}, {1: {"modifiers": ["255"]}}, "not 2 characters"),
    ({}, {1: {"place_of_service": "111"}}, "place of service is not 2 characters"),
])
def test_what_an_837p_has_no_room_for_is_refused_never_cut_to_fit(changes, line_changes, words):
    """A 13th diagnosis, a 5th modifier, "255" for "25": cutting them would write a valid file that
    says less than the claim (or a different modifier), so the learner is told instead."""
    from claims_helpers import visit

    from careerlab.claims import ClaimError

    claim = visit("V01", line_changes=line_changes, **changes)
    with pytest.raises(ClaimError, match=words):
        to_837p(claim)
