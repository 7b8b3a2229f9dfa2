"""The files in data/claims/: they load, agree with each other, and stay synthetic and licensed."""
import json
import re
import shutil

import pytest

from careerlab.claims.npi import is_valid_npi

from careerlab.claims.model import claim_from_dict
from careerlab.claims.model import ClaimError
from careerlab.claims.data import ClaimsDataError, load_tables, load_visits
from careerlab.codes import code_family
from careerlab.paths import data_path

FOLDER = data_path("claims")


def test_tables_load_and_cross_check():
    tables = load_tables()
    assert set(tables.payers) == {"FEDMED", "NWPPO", "LKHMO"}
    assert set(tables.carc) == {"1", "2", "3", "16", "18", "29", "45", "50", "97", "253"}
    assert set(tables.groups) == {"CO", "PR", "OA", "PI"}
    assert tables.payers["FEDMED"].no_patient_share_kinds == ("lab",)
    assert tables.payers["NWPPO"].no_patient_share_kinds == ()
    assert tables.localities["B"] == tuple(map(__import__("decimal").Decimal, ("1.000", "1.050", "0.900")))


def test_visits_use_known_payers_codes_and_fictional_npis():
    tables = load_tables()
    visits = load_visits()
    assert len(visits) >= 7
    for claim in visits.values():
        assert claim.payer_id in tables.payers and claim.locality in tables.localities
        assert all(line.code in tables.services for line in claim.lines)
        assert all(code_family(code) for code in claim.diagnoses), claim.claim_id  # in the ICD-10-CM release
        for npi in (claim.rendering_npi, claim.billing_npi):
            assert npi == "" or npi.startswith("9"), "fictional NPIs start with 9 (NPIs are issued starting with 1 or 2)"
            assert npi == "" or is_valid_npi(npi), f"{claim.claim_id}: {npi} fails the NPI check digit"


def test_readme_lists_every_file_with_source_and_licence():
    readme = (FOLDER / "README.md").read_text(encoding="utf-8")
    for path in FOLDER.iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in readme, f"{path.name} is not described in data/claims/README.md"
    assert "CPT® is a registered trademark of the American Medical Association." in readme
    assert "33.4009" in readme and "synthetic" in readme.lower()


def test_service_codes_are_few_and_in_own_words():
    rows = load_tables().services
    assert len(rows) <= 12  # a handful of CPT codes for teaching, never a bulk list
    assert all(re.fullmatch(r"\d{5}|[A-V]\d{4}", code) for code in rows)


@pytest.mark.parametrize("file, bad, words", [
    ("payers.csv", "payer_id,name\nX,Y\n", "missing column"),
    ("gpci.csv", "locality,work_gpci,pe_gpci,mp_gpci\nA,1,one,1\n", "not a number"),
    ("carc.csv", "code,usual_group,plain_words,next_step\n1,PR,a,b,extra\n", "number of cells"),
    ("bundled_pairs.csv", "column1,column2,modifier_indicator,teaching_note\n20610,11111,1,x\n", "unknown code"),
    ("payers.csv", "payer_id,name,kind,percent_of_fee_schedule,coinsurance,copay,filing_limit,no_patient_share_kinds,"
                   "sequestration,note\nFEDMED,F,medicare-like,100,0.20,0.00,12m,labs,0.02,x\n", "unknown service kind"),
])
def test_broken_tables_give_a_message_naming_the_file(tmp_path, file, bad, words):
    copy = tmp_path / "claims"
    shutil.copytree(FOLDER, copy)
    (copy / file).write_text(bad, encoding="utf-8")
    with pytest.raises(ClaimsDataError) as err:
        load_tables(copy)
    assert file in str(err.value) and words in str(err.value)


def test_broken_visits_file(tmp_path):
    path = tmp_path / "visits.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ClaimsDataError, match="visits.json"):
        load_visits(path)
    raw = json.loads((FOLDER / "visits.json").read_text(encoding="utf-8"))
    raw["visits"][0]["lines"][0]["charge"] = "ten dollars"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ClaimsDataError, match=r"visit 1: Line 1 charge \(box 24F\)"):
        load_visits(path)


@pytest.mark.parametrize("change, words", [
    ({"lines": "none"}, "expected a list"),
    ({"patient_dob": "14/03/1956"}, "YYYY-MM-DD"),
    ({"deductible_remaining": "-3"}, "Deductible remaining"),
    ({"oop_remaining": "lots"}, "Out-of-pocket"),
])
def test_claim_from_dict_names_the_field(change, words):
    raw = json.loads((FOLDER / "visits.json").read_text(encoding="utf-8"))["visits"][0]
    raw.update(change)
    with pytest.raises(ClaimError, match=words):
        claim_from_dict(raw)


def test_patients_do_not_borrow_names_from_other_lessons():
    # Sam (lesson 01 patient; lesson 04 biller), Jordan (lesson 04 coder), Robin (lesson 05 learner)
    taken = {"Sam", "Jordan", "Robin"}
    for claim in load_visits().values():
        for name in (claim.patient_name, claim.insured_name):
            assert name.split()[0] not in taken, name


def test_injection_pair_note_matches_the_codes():
    note = next(p for p in load_tables().bundled_pairs if p["column2"] == "96372")["teaching_note"]
    assert "muscle or under the skin" in note  # what 96372 is: never an injection into a joint
    assert "do not bill 96372" in note and "59 or XS" in note
