"""Lesson 01 data: every file loads, is consistent, and uses only billable 2026 ICD-10-CM codes."""
from __future__ import annotations

import json
import re

import pytest

from careerlab.paths import data_path
from careerlab.roles import OWNERS, RolesDataError, load_contacts, load_exercise, load_stages, load_visit

# The lifecycle exactly as the content brief (section 4) lists it, typed by hand.
BRIEF_LIFECYCLE = [
    "registration", "eligibility and benefits check", "encounter and documentation", "charge capture",
    "coding", "claim creation", "claim scrubbing", "submission through a clearinghouse", "adjudication",
    "remittance and payment", "payment posting", "denial management and appeals", "secondary claims",
    "patient statements", "collections", "kpi reporting",
]


def test_stages_follow_the_brief_lifecycle_in_order():
    stages = load_stages()
    assert [s.stage.lower() for s in stages] == BRIEF_LIFECYCLE
    assert [s.step for s in stages] == list(range(1, 17))


def test_stage_owners_match_the_duties_in_the_brief():
    owner = {s.stage: s.owner for s in load_stages()}
    assert owner["Coding"] == "coder"
    for stage in ("Claim creation", "Submission through a clearinghouse", "Payment posting", "Patient statements"):
        assert owner[stage] == "biller"
    assert owner["Adjudication"] == "payer"
    assert owner["Encounter and documentation"] == "front"
    assert set(owner.values()) == set(OWNERS)  # every owner category is used at least once


def test_every_stage_has_a_source_and_its_year():
    for s in load_stages():
        assert "2026" in s.source or "source article" in s.source, s.stage


def test_contacts_match_the_source_article():
    pairs = {(c.role, c.contact) for c in load_contacts()}
    assert {("coder", "Clinicians"), ("coder", "Biller"), ("coder", "Facility staff"),
            ("biller", "Insurance companies"), ("biller", "Patients")} == pairs


@pytest.fixture(scope="module")
def icd():
    return pytest.importorskip("simple_icd_10_cm")


def test_visit_diagnoses_are_billable_2026_codes(icd):
    visit = load_visit()
    for dx in visit["diagnoses"]:
        assert icd.is_valid_item(dx["code"]) and icd.is_leaf(dx["code"]), dx["code"]
    # The categories the lesson warns about are really not billable.
    assert not icd.is_leaf("E11") and not icd.is_leaf("M54.5")
    # The release tells coders to add Z79.84 for oral diabetes drugs, as the lesson says.
    assert "Z79.84" in icd.get_use_additional_code("E11")


def test_check_codes_reports_bad_input_without_raising():
    from careerlab.roles.coding import check_codes, descriptions

    rows = {r["code"]: r for r in check_codes(["e11.9 ", "E11", "4", "", "hello", "M54.5"])}
    assert rows["E11.9"]["billable"] == "yes"
    assert rows["E11.9"]["description or note"] == "Type 2 diabetes mellitus without complications"
    assert rows["E11"]["in ICD-10-CM"] == "yes" and rows["E11"]["billable"] == "no"
    assert rows["M54.5"]["billable"] == "no"
    assert rows["4"]["in ICD-10-CM"] == "no"  # a chapter number, not a code
    assert rows["(empty)"]["billable"] == "no" and rows["HELLO"]["billable"] == "no"
    assert set(descriptions(["E11.9", "E11", "nonsense"])) == {"E11.9"}


def test_a_code_typed_without_its_dot_is_read_and_the_learner_is_told():
    """Lesson 01's check reads E119 as E11.9 (as a claim file writes it), and now says so instead of silently."""
    from careerlab.roles.coding import check_codes

    e119, m545, dotted, spaced = check_codes(["E119", "m545", "E11.9", "E11 .9"])
    assert e119["code"] == "E11.9" and e119["billable"] == "yes"
    assert e119["description or note"] == ("Read as E11.9: you typed E119 without its dot. "
                                           "Type 2 diabetes mellitus without complications")
    assert m545["code"] == "M54.5" and m545["description or note"].startswith("Read as M54.5: you typed M545 without its dot.")
    assert "Read as" not in dotted["description or note"]  # typed as ICD-10-CM writes it: nothing to say
    assert spaced["description or note"].startswith("Read as E11.9: you typed “E11 .9”.")


def test_visit_is_clearly_synthetic_and_cites_its_figures():
    visit = load_visit()
    assert "made up" in visit["synthetic_notice"].lower()
    assert "(fictional)" in visit["patient"]["name"] and "(fictional)" in visit["practice"]["clinician"]
    # Same style as data/claims/visits.json: 10 digits starting with 9, labelled fictional (never a real NPI).
    npi = visit["practice"]["npi"]
    assert len(npi) == 10 and npi.isdigit() and npi.startswith("9")
    assert "fictional" in visit["practice"]["npi_note"].lower()
    assert "Robin" not in visit["practice"]["clinician"]  # Robin is lesson 05's example learner
    assert "2026" in visit["pricing"]["conversion_factor_source"]
    assert "American Medical Association" in visit["cpt_notice"]
    assert "NOT the published" in visit["pricing"]["rvu_note"]


def test_exercise_answers_are_among_the_choices():
    ex = load_exercise()
    assert len(ex.tasks) >= 6
    assert {t.answer for t in ex.tasks} <= set(ex.choices)
    assert {a for t in ex.tasks for a in t.also} <= set(ex.choices)


@pytest.mark.parametrize("also", ['"biller"', '["nobody"]', '["front"]'])
def test_a_bad_also_list_is_refused_plainly(tmp_path, also):
    doc = json.loads(data_path("roles", "who_does_it.json").read_text(encoding="utf-8"))
    text = json.dumps(doc).replace('"also": ["biller"]', f'"also": {also}')
    path = tmp_path / "who.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RolesDataError):
        load_exercise(path)


def test_readme_lists_every_data_file():
    readme = data_path("roles", "README.md").read_text(encoding="utf-8")
    for path in data_path("roles").iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in readme, path.name


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, problem", [
    ("step,stage,what_happens,owner,owner_note,source\n1,A,b,doctor,n,s\n", "unknown owner"),
    ("step,stage,what_happens,owner,owner_note,source\n2,A,b,coder,n,s\n", "in order"),
    ("step,stage,what_happens,owner,owner_note,source\none,A,b,coder,n,s\n", "whole number"),
    ("step,stage,owner\n1,A,coder\n", "missing column"),
    ("step,stage,what_happens,owner,owner_note,source\n1,A,,coder,n,s\n", "empty"),
    ("step,stage,what_happens,owner,owner_note,source\n", "no rows"),
])
def test_broken_stage_files_give_a_plain_message(tmp_path, text, problem):
    with pytest.raises(RolesDataError, match=problem):
        load_stages(_write(tmp_path, "revenue_cycle.csv", text))


def test_missing_file_and_bad_contact_role(tmp_path):
    with pytest.raises(RolesDataError, match="not found"):
        load_stages(tmp_path / "nope.csv")
    with pytest.raises(RolesDataError, match="coder or biller"):
        load_contacts(_write(tmp_path, "c.csv", "role,contact,what_passes,source\nnurse,X,y,z\n"))


def _visit_with(tmp_path, change):
    doc = json.loads(data_path("roles", "visit.json").read_text(encoding="utf-8"))
    change(doc)
    return _write(tmp_path, "visit.json", json.dumps(doc))


@pytest.mark.parametrize("change, problem", [
    (lambda d: d.pop("pricing"), "missing"),
    (lambda d: d["diagnoses"][0].update(pointer="Z"), "pointers"),
    (lambda d: d["services"][0].update(pointers=["A", "Q"]), "diagnosis pointers"),
    (lambda d: d["pricing"]["rvus"].update(work="1.3"), "rvus"),
    (lambda d: d["pricing"].update(coinsurance_rate=20), "between 0 and 1"),
    (lambda d: d["patient"].update(deductible_remaining=-1), "deductible"),
    (lambda d: d.update(format="something else"), "not a careerlab visit"),
])
def test_broken_visit_files_give_a_plain_message(tmp_path, change, problem):
    with pytest.raises(RolesDataError, match=problem):
        load_visit(_visit_with(tmp_path, change))


def test_corrupt_visit_and_exercise_json(tmp_path):
    with pytest.raises(RolesDataError, match="not valid JSON"):
        load_visit(_write(tmp_path, "v.json", "{not json"))
    with pytest.raises(RolesDataError, match="malformed"):
        load_exercise(_write(tmp_path, "e.json", json.dumps({"title": "t", "tasks": []})))
    bad = {"title": "t", "choices": {"coder": "Coder"}, "tasks": [{"id": "a", "text": "x", "answer": "biller",
                                                                   "feedback": "f"}]}
    with pytest.raises(RolesDataError, match="not one of"):
        load_exercise(_write(tmp_path, "e2.json", json.dumps(bad)))


def test_no_ama_descriptor_text_is_shipped():
    # Our own description of 99213 must not use the AMA's descriptor opening words.
    text = data_path("roles", "visit.json").read_text(encoding="utf-8")
    assert not re.search(r"which requires a medically appropriate history", text, re.I)
    assert not re.search(r"office or other outpatient visit for the evaluation and management", text, re.I)
    service = load_visit()["services"][0]
    assert "at least 20 minutes of the clinician's total time on the patient's care that day" in service["plain_words"]
    assert service["plain_words_notice"] == "CPT® is a registered trademark of the American Medical Association."


def test_a_denial_is_an_outcome_of_adjudication_not_after_it():
    stage = {s.stage: s for s in load_stages()}["Adjudication"]
    assert "outcomes of this step" in stage.what_happens and "after this step" not in stage.what_happens
    bank = json.loads(data_path("quizzes", "01-two-roles.json").read_text(encoding="utf-8"))
    assert "after adjudication" not in json.dumps(bank)
