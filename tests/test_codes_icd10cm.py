"""ICD-10-CM look-ups against the shipped release (April 1, 2026, simple-icd-10-cm 1.5.0).

Expected descriptions and billable flags are the CDC release's own (checked by hand against the
library; see CONTENT_BRIEF section 2: E11 and M54.5 are headers, E11.9 and M54.50 billable).
"""
import pytest

from careerlab.codes import code_family, describe, is_billable, search_icd10cm
from careerlab.codes.icd10cm import get_index
from careerlab.codes import excludes1, excludes1_table, seven_character_options, seven_character_table


@pytest.mark.parametrize("typed", ["E11.9", "e11.9", "E119", " e119 ", "E11. 9", "\tE11.9\n"])
def test_billable_code_in_any_typing(typed):
    assert is_billable(typed) is True


@pytest.mark.parametrize("typed", ["E11", "M54.5", "S52.521", "A00-A09", "4", "99213", "", "   ", "E11.99",
                                   "hello", None, "G0008", "0DTJ4ZZ"])
def test_not_billable(typed):
    assert is_billable(typed) is False


@pytest.mark.parametrize("code", ["M54.50", "M54.51", "M54.59", "S52.521A", "I10", "Z23", "J02.0"])
def test_leaves_are_billable(code):
    assert is_billable(code)


def test_describe_billable_code_returns_the_release_text():
    assert describe("e119") == "Type 2 diabetes mellitus without complications"
    assert describe("S52.521A") == "Torus fracture of lower end of right radius, initial encounter for closed fracture"


def test_describe_empty():
    assert "type a diagnosis code" in describe("   ").lower()


def test_describe_header_says_not_billable_and_names_children():
    text = describe("M54.5")
    assert text.startswith("Low back pain.")
    assert "not billable" in text and "M54.50" in text


def test_describe_seventh_character_needed():
    text = describe("S52.521")
    assert "7th character" in text and "S52.521A" in text


def test_describe_placeholder_x_example():
    assert "S09.90XA" in describe("S09.90")


def test_describe_cpt_typed_as_diagnosis():
    text = describe("99213")
    assert "CPT" in text and "not an ICD-10-CM" in text


def test_describe_hcpcs_typed_as_diagnosis():
    assert "HCPCS Level II" in describe("G0008")


def test_describe_nonexistent_code_points_to_nearest():
    text = describe("E11.99")
    assert "not in the April 1, 2026 release" in text and "E11.9" in text


def test_describe_pcs_and_garbage():
    assert "ICD-10-PCS" in describe("0DTJ4ZZ")
    assert "is not a code" in describe("hello")
    assert "is not a code" in describe("4")  # a chapter number in the library, not a code


def test_family_walks_chapter_to_code():
    fam = code_family("s52521a")
    assert [c.code for c in fam] == ["19", "S50-S59", "S52", "S52.5", "S52.52", "S52.521", "S52.521A"]
    assert [c.billable for c in fam] == [False] * 6 + [True]
    assert code_family("E11.99") == []


def test_children_and_header():
    index = get_index()
    assert [c.code for c in index.children("M54.5")] == ["M54.50", "M54.51", "M54.59"]
    assert index.lookup("E11").billable is False and index.lookup("E11").kind == "category"


def test_block_with_same_name_as_category():
    # B99 is both a block and a category in the release; the code look-up must find the category.
    info = get_index().lookup("B99")
    assert info.kind == "category" and [c.code for c in get_index().children("B99")] == ["B99.8", "B99.9"]


def test_search_columns_and_phrase_first():
    df = search_icd10cm("type 2 diabetes", limit=5)
    assert list(df.columns[:3]) == ["code", "description", "billable"]
    assert len(df) == 5 and df.iloc[0]["code"] == "E11"
    assert bool(df.iloc[0]["billable"]) is False


def test_search_every_word_must_match_word_starts():
    df = search_icd10cm("pharyngitis streptococcal", limit=50)
    assert "J02.0" in set(df["code"])
    assert all("pharyngitis" in d.lower() and "streptococcal" in d.lower() for d in df["description"])


def test_search_bad_inputs_give_empty_frames():
    for text in ["", "   ", None, "xyzzyq"]:
        df = search_icd10cm(text)
        assert df.empty and list(df.columns[:3]) == ["code", "description", "billable"]


def test_search_billable_only_and_limit():
    df = search_icd10cm("low back pain", limit=3, billable_only=True)
    assert len(df) == 3 and df["billable"].all()
    assert search_icd10cm("diabetes", limit="lots").shape[0] == 20  # a bad limit falls back to 20


def test_excludes1_and_seven_characters():
    assert any("S39.012" in note for note in excludes1("M54.5"))  # low back strain is excluded
    table = seven_character_options("S52.521A")
    assert table["A"].startswith("initial encounter") and table["S"] == "sequela"
    assert seven_character_options("E11.9") == {}


def test_excludes1_and_seven_characters_as_tables_to_show():
    notes = excludes1_table("m54.5")  # typed loosely: the heading still names the code properly
    assert list(notes.columns) == ["Never coded together with M54.5"]
    assert len(notes) == len(excludes1("M54.5"))
    assert notes.loc["S39.012"].iloc[0] == "low back strain" and "M54.4-" in notes.index
    sevens = seven_character_table("S52.521A")
    assert list(sevens.index) == list(seven_character_options("S52.521A"))
    assert sevens.columns[0] == "Meaning (7th characters defined at S52.52)"
    assert sevens.loc["S"].iloc[0] == "sequela"
    assert seven_character_table("E11.9").empty and excludes1_table("S52.521A").empty


def test_search_table_reads_like_the_widget():
    from careerlab.codes import search_table

    t = search_table("type 2 diabetes", limit=5)
    assert list(t.columns) == ["Code", "Description", "Billable", "Chapter"]
    assert list(t.index) == [1, 2, 3, 4, 5]
    assert set(t["Billable"]) <= {"yes", "no (header)"} and "no (header)" in set(t["Billable"])
