"""One reading of what a typed code looks like (``code_shape``): the look-up's message
(``describe``), its heading (``lookup_heading``) and ``code_set_of`` all follow it, so they
cannot drift apart again."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, strategies as st

from careerlab.codes import code_set_of, describe, hcpcs_table
from careerlab.codes.explore import lookup_family, lookup_heading
from careerlab.codes.normalize import CodeShape, code_shape, shape_readings, tidy

CPT, HCPCS, CM, PCS, UNKNOWN = (CodeShape.CPT, CodeShape.HCPCS, CodeShape.ICD10CM, CodeShape.ICD10PCS,
                                CodeShape.UNKNOWN)

# describe's message families, read from the message itself (the typed code, tidied, comes first).
MESSAGE_FAMILIES = (
    ("empty", r"Nothing to look up yet: "),
    ("table", r"\S+ is a HCPCS Level II code \(.+\), not an ICD-10-CM diagnosis code: it belongs in the services box"),
    (CPT, r"\S+ looks like a CPT code \(category I{1,3}: "),
    (HCPCS, r"\S+ looks like a HCPCS Level II code \(supplies, drugs, some services\)"),
    (CM, r"\S+ has the shape of an ICD-10-CM code but is not in the .+ release\."),
    (PCS, r"\S+ looks like an ICD-10-PCS code \(inpatient hospital procedures\), not a diagnosis code\.$"),
    (UNKNOWN, r"“.*” is not a code\. ICD-10-CM codes start with a letter and a digit"),
)
# what the heading says for each shape: the code set it names, or "not billable"
HEADINGS = {CPT: "Looks like a CPT code, not a diagnosis", HCPCS: "Looks like a HCPCS Level II code, not a diagnosis",
            PCS: "Looks like an ICD-10-PCS code, not a diagnosis", CM: "Not a billable diagnosis code",
            UNKNOWN: "Not a billable diagnosis code"}


def message_family(message: str) -> str:
    """Which family a describe message belongs to; "release" for the release's own text."""
    found = [family for family, pattern in MESSAGE_FAMILIES if re.match(pattern, message, re.S)]
    assert len(found) <= 1, f"{message!r} reads as {found}"
    return found[0] if found else "release"


def heading_family(code: object) -> str:
    title, kind, note = lookup_heading(code)
    if title == "Type a code":
        return "empty"
    said = title.rsplit(" — ", 1)[-1]
    assert kind == ("warn" if said == "Not a billable diagnosis code" else "info"), title
    assert bool(note) == (kind == "info"), title
    return said


def held_by(code: object) -> str:
    """Where the lesson's own lists hold the code: "table" (HCPCS), "release" (ICD-10-CM) or ""."""
    if tidy(code) in hcpcs_table():
        return "table"
    return "release" if lookup_family(code) else ""


def assert_agree(typed: object) -> None:
    """describe, lookup_heading and code_set_of say what code_shape says, unless a list holds the code."""
    shape = code_shape(typed)
    family, held, readings = message_family(describe(typed)), held_by(typed), shape_readings(typed)
    if not tidy(typed):
        assert (family, heading_family(typed), held, code_set_of(typed)) == ("empty", "empty", "", None)
        return
    if held == "release":  # the release's own text; the widget shows the family, not the heading
        assert family == "release" and code_set_of(typed) in ("ICD-10-CM", None)
        return
    assert heading_family(typed) == HEADINGS[shape], typed
    if held == "table":  # G0439 is the wellness visit; describe offers the dotted diagnosis too
        assert (family, shape, code_set_of(typed)) == ("table", HCPCS, "HCPCS Level II")
        return
    assert family == shape, (typed, family, shape)
    # a diagnosis shape that is also a PCS shape says so, as code_set_of names it ICD-10-PCS
    assert ("ICD-10-PCS" in describe(typed)) == (PCS in readings), typed
    # code_set_of knows the release has ruled ICD-10-CM out: the next reading names the set, if any
    others = [r for r in readings if r is not CM]
    assert code_set_of(typed) == ({CPT: "CPT", HCPCS: "HCPCS Level II", PCS: "ICD-10-PCS"}[others[0]]
                                  if others else None), typed


TABLE = [
    # typed, what it looks like, which list holds it
    ("99213", CPT, ""), (" 99213 ", CPT, ""), ("3074F", CPT, ""), ("3074f", CPT, ""), ("0042T", CPT, ""),
    ("0001U", UNKNOWN, ""),  # a CPT lab code (4 digits + U): not one of the three categories the lessons teach
    ("G0439", HCPCS, "table"), ("g0439", HCPCS, "table"), ("G 0439", HCPCS, "table"), ("G04.39", CM, "release"),
    ("J3301", HCPCS, "table"), ("J1100", HCPCS, "release"), ("E1165", HCPCS, "release"), ("E1199", HCPCS, ""),
    ("E119", CM, "release"), ("e11 9", CM, "release"), (" e11.9 ", CM, "release"), ("E11.99", CM, ""),
    ("Z9999", CM, ""), ("D0120", CM, ""), ("S52521A", CM, "release"), ("s52.521a", CM, "release"),
    ("0DTJ4ZZ", PCS, ""), ("0dtj4zz", PCS, ""), ("0DTJ 4ZZ", PCS, ""), ("BW03ZZZ", PCS, ""),
    ("B020ZZZ", CM, ""), ("H401119", CM, ""),  # a diagnosis shape first: the look-up is for diagnoses
    ("0DTJ4ZO", UNKNOWN, ""), ("0DTJ4ZI", UNKNOWN, ""), ("ADTJ4ZZ", UNKNOWN, ""), ("0DTJ4Z", UNKNOWN, ""),
    ("hello", UNKNOWN, ""), ("4", UNKNOWN, ""), ("99213-25", UNKNOWN, ""), ("A00-A09", UNKNOWN, "release"),
    ("", UNKNOWN, ""), ("   ", UNKNOWN, ""), (None, UNKNOWN, ""),
]


@pytest.mark.parametrize("typed,shape,held", TABLE, ids=[repr(t[0]) for t in TABLE])
def test_one_reading_of_a_typed_code(typed, shape, held):
    assert code_shape(typed) is shape
    assert held_by(typed) == held
    assert_agree(typed)


def test_readings_name_both_sides_of_an_ambiguous_code():
    assert shape_readings("E1165") == (HCPCS, CM) and shape_readings("B020ZZZ") == (CM, PCS)
    assert code_set_of("B020ZZZ") == "ICD-10-PCS"  # the release rules out B02.0ZZZ: the PCS reading stays
    assert "If you meant a procedure, B020ZZZ also has the shape of an ICD-10-PCS code" in describe("b020 zzz")
    assert "ICD-10-PCS" not in describe("E11.99") and "ICD-10-PCS" not in describe("Z9999")
    assert shape_readings("hello") == () and shape_readings("0DTJ4ZZ") == (PCS,)


CODE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .-"
TYPED = st.one_of(
    st.text(CODE_ALPHABET, max_size=9),
    st.from_regex(r"\A ?[A-Za-z][0-9]{4} ?\Z"),  # HCPCS Level II or a diagnosis without its dot
    st.from_regex(r"\A[0-9][0-9]{3}[0-9FTUftu]\Z"),  # CPT categories I-III, and lab codes
    st.from_regex(r"\A[0-9A-Za-z]{7}\Z"),  # ICD-10-PCS, 7-character diagnoses, or neither
    st.from_regex(r"\A[A-Za-z][0-9][0-9A-Za-z]\.?[0-9A-Za-z]{0,4}\Z"),  # diagnosis-shaped
)


@given(TYPED)
def test_describe_and_heading_follow_code_shape(typed):
    assert code_shape(typed) in CodeShape
    assert code_shape(typed.lower()) is code_shape(typed.upper())
    assert_agree(typed)


@given(st.text(max_size=30))
def test_code_shape_never_raises_on_any_text(typed):
    shape = code_shape(typed)
    assert shape in CodeShape and (shape is UNKNOWN) == (shape_readings(typed) == ())
    assert isinstance(describe(typed), str) and heading_family(typed)
