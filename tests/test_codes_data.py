"""Data checks: every code in an answer key exists in its code set; tables carry sources."""
import csv

import pytest

from careerlab.codes import code_set_of, cpt_table, hcpcs_table, is_billable, load_notes
from careerlab.codes.codesets import CODE_SETS
from careerlab.codes.data import VisitNoteError, parse_notes
from careerlab.codes.model import CPT_NOTICE
from careerlab.paths import data_path

NOTES = load_notes()


def test_at_least_six_notes():
    assert len(NOTES) >= 6


@pytest.mark.parametrize("note", NOTES, ids=[n.id for n in NOTES])
def test_answer_keys_are_valid(note):
    for code in note.diagnoses + tuple(c for c in note.optional if c[:1].isalpha() and "." in c):
        assert is_billable(code), f"{note.id}: {code} is not a billable ICD-10-CM code"
    for code in note.services:
        assert code in cpt_table() or code in hcpcs_table(), f"{note.id}: {code} not in the CPT/HCPCS tables"
    for key, weaker in note.less_specific.items():
        assert key in note.diagnoses + note.services
        assert all(code_set_of(c) == code_set_of(key) for c in weaker)
    assert all(code in note.why for code in note.diagnoses + note.services)


def test_cpt_table_in_own_words_with_notice():
    table = cpt_table()
    assert {"99202", "99211", "99215", "87880"} <= set(table)
    assert all(row.source == CPT_NOTICE for row in table.values())
    assert CPT_NOTICE == "CPT® is a registered trademark of the American Medical Association."
    assert len(table) <= 24  # only the handful of codes the lessons use (issue 13's case bank added a few)


def test_hcpcs_table_has_source_year_and_no_dental_codes():
    with open(data_path("codes", "hcpcs_level2.csv"), newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all(r["source"].strip() and r["year"].isdigit() for r in rows)
    assert not any(code.startswith("D") for code in hcpcs_table())


def test_readme_lists_every_file():
    readme = data_path("codes", "README.md").read_text(encoding="utf-8")
    for path in data_path("codes").iterdir():
        if path.name != "README.md":
            assert path.name in readme


@pytest.mark.parametrize("code,expected", [
    ("99213", "CPT"), ("3074F", "CPT"), ("1234T", "CPT"), ("E11.9", "ICD-10-CM"), ("e119", "ICD-10-CM"),
    ("E11", "ICD-10-CM"), ("S52521A", "ICD-10-CM"), ("G0008", "HCPCS Level II"), ("j3301", "HCPCS Level II"),
    ("E0114", "HCPCS Level II"), ("0DTJ4ZZ", "ICD-10-PCS"), ("BW03ZZZ", "ICD-10-PCS"), ("", None), ("hello", None),
    ("4", None), ("E11.99", None), ("A00-A09", None), ("D0120", None), ("Z9999", None), (None, None),
])
def test_code_set_of(code, expected):
    assert code_set_of(code) == expected
    assert expected is None or expected in CODE_SETS


def test_dotless_ambiguity_prefers_the_release():
    # J1100 is both a HCPCS drug code and, with the dot, ICD-10-CM J11.00: the release wins, the dot decides.
    assert code_set_of("J1100") == "ICD-10-CM" and code_set_of("J11.00") == "ICD-10-CM"


def test_parse_notes_rejects_bad_shapes():
    with pytest.raises(VisitNoteError):
        parse_notes({"notes": [{"id": "x"}]})
    with pytest.raises(VisitNoteError):
        parse_notes([])
    good = {"id": "a", "title": "t", "text": "x", "patient": "new", "diagnoses": ["I10"], "services": ["99202"],
            "why": {"I10": "r", "99202": "r"}}
    with pytest.raises(VisitNoteError, match="share an id"):
        parse_notes({"notes": [good, good]})
    with pytest.raises(VisitNoteError, match="explanation"):
        parse_notes({"notes": [{**good, "why": {}}]})
