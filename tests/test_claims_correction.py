"""How a claim the payer has answered is corrected (lesson 03, section 8), and the replacement claim as a file."""
import pytest

from careerlab.claims import ClaimError, check_x12, get_payer, load_visits, to_837p
from careerlab.claims.correction import correction_route, denied_codes
from careerlab.claims.adjudication import adjudicate


@pytest.mark.parametrize("payer, codes, route", [
    ("FEDMED", ["97"], "reopening"), ("FEDMED", [], "reopening"), ("FEDMED", ["16", "16"], "new-claim"),
    ("FEDMED", ["16", "97"], "reopening"), ("FEDMED", ["29", "29"], "none"),
    ("NWPPO", ["97"], "replacement"), ("LKHMO", ["16"], "replacement"), ("NWPPO", ["29"], "none"),
])
def test_each_payer_takes_a_correction_its_own_way(payer, codes, route):
    correction = correction_route(get_payer(payer), codes, "PCNX")
    assert correction.route == route
    assert correction.frequency == ("7" if route == "replacement" else "1")
    if route == "reopening":
        assert "duplicate" in correction.why and "reopening" in correction.button.lower()
    if route == "replacement":
        assert "frequency code 7" in correction.why and "PCNX" in correction.why


def test_denied_codes_reads_the_remittance():
    visits = load_visits()
    assert denied_codes(adjudicate(visits["V03"])) == ["97"]
    assert denied_codes(adjudicate(visits["V01"])) == []


def test_a_replacement_claim_file_carries_code_7_and_the_first_claims_number():
    claim = load_visits()["V02"]
    original, replacement = to_837p(claim), to_837p(claim, frequency="7", payer_claim_number="PCNV02")
    assert "*11:B:1*" in original and "REF*F8" not in original
    assert "*11:B:7*" in replacement and "REF*F8*PCNV02~" in replacement
    assert check_x12(replacement) == []  # the validator accepts the layout (SE counts the extra segment)
    with pytest.raises(ClaimError, match="payer's claim number"):
        to_837p(claim, frequency="7")
    with pytest.raises(ClaimError, match="use 1"):
        to_837p(claim, frequency="5")
