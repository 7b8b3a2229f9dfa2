"""The self-assessment data files load, agree with each other, and fail clearly when damaged."""
import json

import pytest

from careerlab.assessment import (
    TRAIT_IDS, AssessmentDataError, load_example_responses, load_items, load_next_steps,
    load_profile_details, load_role_profiles, load_traits)
from careerlab.assessment import data as data_mod
from careerlab.paths import data_path


def test_traits_are_the_seven_fixed_ids_with_definitions():
    traits = load_traits()
    assert tuple(t.id for t in traits) == TRAIT_IDS == (
        "numbers_money", "anatomy_medicine", "decoding_detail", "people_service",
        "independence", "clinical_team", "rules_persistence")
    assert all(len(t.definition.split()) >= 8 for t in traits)


def test_item_bank_size_and_balance():
    items = load_items()
    assert len(items) >= 24
    assert len({i.id for i in items}) == len(items)
    for trait in TRAIT_IDS:
        mine = [i for i in items if i.trait == trait]
        assert len(mine) >= 3, trait
    assert any(i.reverse for i in items) and not all(i.reverse for i in items)


def test_items_are_short_plain_statements():
    for item in load_items():
        assert len(item.text.split()) <= 20, item.id
        assert item.text.endswith("."), item.id


def test_every_profile_value_has_a_justification_and_a_listed_source():
    details = load_profile_details()
    sources = json.loads(data_path("assessment", "role_profiles.json").read_text())["sources"]
    for role in ("coder", "biller"):
        assert set(details[role]) == set(TRAIT_IDS)
        for trait, v in details[role].items():
            assert 0 <= v.value <= 100
            assert len(v.justification) > 40
            assert v.sources and all(s in sources for s in v.sources)


def test_onet_figures_quoted_in_profiles_match_the_attributed_data():
    text = data_path("assessment", "role_profiles.json").read_text()
    # Figures from ../shared/reference/onet (29.3 interests, knowledge, legacy work styles), quoted by hand.
    for figure in ("4.33", "1.68", "3.38", "1.49", "6.97", "7.00", "3.53", "3.49", "2.33", "4.24", "4.42",
                   "3.86"):
        assert figure in text
    assert "CC BY 4.0" in text and "USDOL/ETA" in text


def test_every_onet_citation_states_both_roles_with_its_release():
    """Seen in lesson 05: the profiles cited O*NET selectively (the biller's people value left out
    the billers' lower Social interest; independence had no coder figure)."""
    doc = json.loads(data_path("assessment", "role_profiles.json").read_text())
    for role, profile in doc["roles"].items():
        for trait, entry in profile["traits"].items():
            text = entry["justification"]
            if "O*NET" in text:
                assert "29-2072.00" in text and "43-3021.00" in text, (role, trait)
                assert "O*NET 29.3 Database (May 2025)" in text, (role, trait)
    biller, coder = doc["roles"]["biller"]["traits"], doc["roles"]["coder"]["traits"]
    assert "1.49" in biller["people_service"]["justification"] and "3.38" in biller["people_service"]["justification"]
    assert "29-2072.00" in coder["independence"]["justification"]


def test_profiles_differ_on_every_trait():
    p = load_role_profiles()
    assert all(p["coder"][t] != p["biller"][t] for t in TRAIT_IDS)


def test_next_steps_name_awarding_bodies():
    steps = load_next_steps()
    assert {c.body for c in steps["coder"].certifications} >= {"AAPC", "AHIMA"}
    assert any("AMBA" in c.body for c in steps["biller"].certifications)
    assert any("CBCS" in c.name for c in steps["close"].certifications)


def test_every_certification_cites_the_awarding_body_page_not_the_brief():
    text = data_path("assessment", "next_steps.json").read_text()
    assert "CONTENT_BRIEF" not in text and "content brief" not in text.lower()
    for steps in load_next_steps().values():
        for cert in steps.certifications:
            assert "https://" in cert.source and "2026" in cert.source, cert.name
    bodies = {c.name.split()[0]: c.source for s in load_next_steps().values() for c in s.certifications}
    assert "aapc.com" in bodies["CPC"] and "aapc.com" in bodies["CPB"]
    assert "ahima.org" in bodies["CCA"] and "ahima.org" in bodies["CCS"]
    assert "americanmedicalbillingassociation.com" in bodies["CMRS"] and "National Healthcareer" in bodies["CBCS"]


def test_onet_attribution_names_the_releases_like_the_data_files():
    """Only releases that can be named: the work-style rows dated 12/2025 came from an unconfirmed
    30.x point release, so their figures were dropped (issue 16)."""
    doc = json.loads(data_path("assessment", "role_profiles.json").read_text())
    assert doc["onet_attribution"].startswith(
        "This product includes information from the O*NET 29.3 Database by the U.S. Department of "
        "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.")
    text = json.dumps(doc)
    assert "O*NET 29.3 (2025)" not in text and "30.x" not in text and "12/2025" not in text
    assert "O*NET 29.3 Database (May 2025)" in json.dumps(doc["roles"])
    readme = data_path("assessment", "README.md").read_text()
    assert "30.x" not in readme and "O*NET 29.3 Database" in readme and "CC BY 4.0" in readme


def test_example_profile_is_complete():
    ex = load_example_responses()
    assert set(ex) == {i.id for i in load_items()}


@pytest.mark.parametrize("content, words", [
    ("{not json", "cannot be read"),
    ("[]", "JSON object"),
    ('{"items": [{"id": "x", "trait": "nope", "text": "t"}]}', "unknown trait"),
    ('{"items": [{"id": "x", "trait": "numbers_money", "text": "t"}]}', "at least 3"),
    ('{"items": [{"id": "x", "trait": "numbers_money", "text": "t", "reverse": "yes"}]}', "true or false"),
    ('{"items": [{"id": "x", "trait": "numbers_money", "text": "a"},'
     ' {"id": "x", "trait": "numbers_money", "text": "b"}]}', "used twice"),
])
def test_a_damaged_item_file_gives_a_clear_error(tmp_path, content, words):
    bad = tmp_path / "items.json"
    bad.write_text(content)
    with pytest.raises(AssessmentDataError, match=words):
        data_mod.load_items(bad)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(AssessmentDataError, match="not found"):
        data_mod.load_traits(tmp_path / "traits.json")


def test_a_profile_value_out_of_range_is_refused(tmp_path):
    doc = json.loads(data_path("assessment", "role_profiles.json").read_text())
    doc["roles"]["coder"]["traits"]["independence"]["value"] = 140
    bad = tmp_path / "role_profiles.json"
    bad.write_text(json.dumps(doc))
    with pytest.raises(AssessmentDataError, match="coder/independence"):
        data_mod.load_profile_details(bad)


def test_a_profile_citing_an_unlisted_source_is_refused(tmp_path):
    doc = json.loads(data_path("assessment", "role_profiles.json").read_text())
    doc["roles"]["biller"]["traits"]["numbers_money"]["sources"] = ["a-blog"]
    bad = tmp_path / "role_profiles.json"
    bad.write_text(json.dumps(doc))
    with pytest.raises(AssessmentDataError, match="sources"):
        data_mod.load_profile_details(bad)


def test_readme_lists_every_data_file():
    readme = data_path("assessment", "README.md").read_text()
    for f in data_path("assessment").glob("*.json"):
        assert f"`{f.name}`" in readme
