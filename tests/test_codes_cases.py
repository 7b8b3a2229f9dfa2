"""The case bank of the coder's shift (issue 13): every key of every case, hand-written and variant,
checked against the shipped ICD-10-CM 2026 release and the project's code-set tables; the variants
really vary what they say; a damaged practice_charts.json gives a clear PracticeChartError.

Expectations are derived here from the code sets and the E/M table, not from cases.py."""
import csv
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerlab.codes import case_by_id, cpt_table, describe, em_table, hcpcs_table, is_billable, practice_cases
from careerlab.codes.cases import cases_from
from careerlab.codes.data import CodesDataError, PracticeChartError, load_practice_charts
from careerlab.codes.icd10cm import get_index
from careerlab.codes.model import CODE_SET_NAMES, PracticeCase
from careerlab.paths import data_path

CASES = practice_cases()
HAND = [c for c in CASES if c.chart == c.id]
VARIANTS = [c for c in CASES if c.chart != c.id]
RAW = json.loads(data_path("codes", "practice_charts.json").read_text(encoding="utf-8"))
# Modifiers a key may carry: CPT (25, 24, 26, 50, 57, 59, 76, 77, 91) and HCPCS Level II (X{EPSU}, LT/RT, TC, GA/GY/GZ).
KNOWN_MODIFIERS = {"24", "25", "26", "50", "57", "59", "76", "77", "91", "XE", "XP", "XS", "XU", "LT", "RT", "TC",
                   "GA", "GY", "GZ"}
# Medicare's G2212 starts at these totals (CMS CY 2021 PFS final rule; HCPCS table row G2212).
G2212_FIRST_UNIT = {"99205": 89, "99215": 69}
ENCOUNTER_WORDS = {"A": ("first", "initial", "active"), "D": ("routine healing", "follow-up"),
                   "S": ("sequela", "late effect")}
SPECIALTIES_WANTED = 8


def every_key(case: PracticeCase):
    return case.diagnoses + case.services


def pcs_table() -> dict[str, str]:
    with data_path("codes", "icd10pcs.csv").open(encoding="utf-8", newline="") as fh:
        return {row["code"]: row for row in csv.DictReader(fh)}


def test_bank_size_and_variety():
    assert len(HAND) >= 30, f"only {len(HAND)} hand-written charts"
    assert len({c.specialty for c in HAND}) >= SPECIALTIES_WANTED
    assert len({c.id for c in CASES}) == len(CASES) >= 300
    keys = {(c.text, tuple((k.code, k.modifiers, k.units) for k in every_key(c))) for c in CASES}
    assert len(keys) == len(CASES), "two cases read the same and have the same key"
    assert sum(c.setting == "inpatient" for c in HAND) >= 1


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_every_key_code_is_real_and_explained(case):
    assert case.diagnoses, "a case needs at least one diagnosis"
    for key in every_key(case):
        assert key.code_set in CODE_SET_NAMES
        assert key.why.strip() and key.guideline.strip(), f"{key.code}: no rationale or no guideline"
        assert re.search(r"(?<!\d)20\d\d(?!\d)", key.guideline), f"{key.code}: the guideline needs its year"
        assert re.search(r"ICD-10-CM|ICD-10-PCS|CPT|CMS|HCPCS", key.guideline), f"{key.code}: guideline names no source"
        assert key.units >= 1
        if key.code_set == "ICD-10-CM":
            assert is_billable(key.code), f"{case.id}: {key.code} is not a billable code of the 2026 release"
            assert get_index().lookup(key.code).description == describe(key.code)
            assert not key.modifiers
        elif key.code_set == "CPT":
            assert key.code in cpt_table(), f"{case.id}: {key.code} is not in data/codes/cpt_codes.csv"
        elif key.code_set == "HCPCS Level II":
            assert key.code in hcpcs_table(), f"{case.id}: {key.code} is not in data/codes/hcpcs_level2.csv"
        else:
            assert key.code in pcs_table() and case.setting == "inpatient"
        assert set(key.modifiers) <= KNOWN_MODIFIERS, f"{case.id}: unknown modifier on {key.code}"
    assert all(k.code_set == "ICD-10-CM" for k in case.diagnoses)
    assert all(k.code_set != "ICD-10-CM" for k in case.services)


@pytest.fixture(scope="module")
def library():
    import simple_icd_10_cm as cm

    return cm


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_first_diagnosis_may_be_listed_first(case, library):
    first = case.diagnoses[0].code
    assert not first.startswith("Z79"), "a long-term drug code is never first-listed"
    assert not first.startswith(("V", "W", "X", "Y")), "an external-cause code is never first-listed"
    for code in [first, *library.get_ancestors(first)]:
        if library.is_chapter_or_block(code):
            continue
        assert not library.get_code_first(code), f"{first}: '{code}' says code first {library.get_code_first(code)}"


def test_use_additional_code_notes_are_followed(library):
    """Where a key code's category asks for another code of a named family, the key has one."""
    checks = {"I12.9": "N18", "I11.0": "I50", "E11.22": "N18", "N39.0": "B9", "O": "Z3A"}
    for where, wanted in checks.items():
        assert where == "O" or wanted in library.get_use_additional_code(where)
    for case in CASES:
        codes = [k.code for k in case.diagnoses]
        for where, wanted in checks.items():
            if any(c.startswith(where) for c in codes) and where not in ("O", "N39.0"):
                assert any(c.startswith(wanted) for c in codes), f"{case.id}: {where} without a {wanted} code"
        if any(c.startswith("O") for c in codes) and "weeks" in case.text:
            assert any(c.startswith("Z3A") for c in codes), f"{case.id}: weeks of pregnancy documented, no Z3A"


@pytest.mark.parametrize("case", [c for c in VARIANTS if ("laterality" in dict(c.varied))],
                         ids=lambda c: c.id)
def test_laterality_variants_change_the_code_side(case):
    side = dict(case.varied)["laterality"]
    other = {"right": "left", "left": "right"}[side]
    sided = [describe(k.code).lower() for k in case.diagnoses if re.search(r"\b(right|left)\b", describe(k.code).lower())]
    assert sided, f"{case.id}: no diagnosis has a side"
    assert all(re.search(rf"\b{side}\b", d) and not re.search(rf"\b{other}\b", d) for d in sided)
    marks = {m for k in case.services for m in k.modifiers if m in ("RT", "LT")}
    assert marks <= {side[0].upper() + "T"}
    assert re.search(rf"\b{side}\b", case.text) and not re.search(rf"\b{other}\b", case.text)
    base = case_by_id(case.chart)
    assert [k.code for k in case.diagnoses] != [k.code for k in base.diagnoses] or "encounter" in dict(case.varied)


@pytest.mark.parametrize("case", [c for c in CASES if c.chart != c.id and "encounter" in dict(c.varied)] +
                         [c for c in HAND if any(len(k.code) == 8 and k.code[0] in "ST" for k in c.diagnoses)],
                         ids=lambda c: c.id)
def test_seventh_character_matches_the_encounter(case):
    injuries = [k.code for k in case.diagnoses if k.code[0] in "ST" and len(k.code.replace(".", "")) == 7]
    assert injuries
    values = {k.code[-1] for k in case.diagnoses if k.code in injuries}
    assert len(values) == 1
    value = dict(case.varied).get("encounter") or values.pop()
    assert all(code.endswith(value) for code in injuries)
    assert any(w in case.text.lower() for w in ENCOUNTER_WORDS[value]), f"{case.id}: the note does not say {value}"
    options = get_index().seven_character_options(injuries[0])[1]
    assert value in options


def _expected_visit(minutes: int, new: bool) -> str:
    table = em_table()["time_minutes"]["new_patient" if new else "established_patient"]
    met = [code for code, need in table.items() if minutes >= need]
    return met[-1]


TIMED = [c for c in CASES if re.search(r"Total clinician time on the day of the visit: \d+ minutes \(the level is "
                                       r"chosen by total time\)", c.text)]


@pytest.mark.parametrize("case", TIMED, ids=[c.id for c in TIMED])
def test_timed_visits_follow_the_em_table(case):
    minutes = int(re.search(r"visit: (\d+) minutes", case.text).group(1))
    new = bool(re.search(r"^Patient status: new|^First visit to this", case.text, re.M))
    visits = [k for k in case.services if k.code[:4] in ("9920", "9921")]
    assert len(visits) == 1
    expected = _expected_visit(minutes, new)
    assert visits[0].code == expected, f"{minutes} min, {'new' if new else 'established'}: want {expected}"
    top = list(em_table()["time_minutes"]["new_patient" if new else "established_patient"].items())[-1]
    codes = {k.code: k for k in case.services}
    medicare = "Payer: Medicare" in case.text
    if "Payer:" in case.text:
        assert case.payer == ("Medicare" if medicare else "commercial")
    if medicare:
        assert "99417" not in codes
        first = G2212_FIRST_UNIT[top[0]]
        assert ("G2212" in codes) == (minutes >= first)
        if minutes >= first:
            assert codes["G2212"].units == (minutes - first) // 15 + 1
    else:
        assert "G2212" not in codes and "G2211" not in codes
        assert ("99417" in codes) == (minutes >= top[1] + 15)
        if minutes >= top[1] + 15:
            assert codes["99417"].units == (minutes - top[1] - 15) // 15 + 1
    if "G2211" in codes:
        assert "continuing focal point" in case.text or "ongoing care" in case.text
        assert "25" not in visits[0].modifiers


def test_variants_say_what_changed_and_read_differently():
    assert VARIANTS
    for case in VARIANTS:
        base = case_by_id(case.chart)
        assert case.varied and case.id.startswith(base.id + "~")
        assert case.text != base.text, f"{case.id} reads exactly like its chart"
        assert case.specialty == base.specialty and case.setting == base.setting
        assert {a for a, _ in case.varied} <= {"laterality", "encounter", "patient", "minutes", "payer"}
        for axis, value in case.varied:
            if axis == "payer":
                assert case.payer == value


def test_kinds_of_variant_are_all_there():
    axes = {a for c in VARIANTS for a, _ in c.varied}
    assert axes == {"laterality", "encounter", "patient", "minutes", "payer"}
    values = {v for c in VARIANTS for a, v in c.varied if a == "encounter"}
    assert values | {c.diagnoses[0].code[-1] for c in HAND if c.diagnoses[0].code[0] == "S"} >= {"A", "D", "S"}
    g_codes = {k.code for c in CASES for k in c.services if k.code.startswith("G")}
    assert {"G2211", "G2212"} <= g_codes


def test_case_by_id():
    for case in CASES[::25]:
        assert case_by_id(case.id) is case
    with pytest.raises(KeyError, match="no practice case"):
        case_by_id("no-such-case")


def test_synthetic_only():
    names = set(RAW["fictional_names"])
    for case in CASES:
        assert not re.search(r"(?<!\d)\d{10}(?!\d)", case.text), f"{case.id}: a 10-digit number (NPI-like)"
        for name in re.findall(r"Patient: ([A-Z][a-z]+ [A-Z][a-z]+)", case.text):
            assert name in names, f"{case.id}: {name} is not on the fictional list"
        assert "(fictional)" in case.text


def test_medicare_only_for_patients_it_could_cover():
    """Medicare variants only for patients aged 65 or more (no Medicare toddlers in the bank)."""
    medicare = [c for c in CASES if c.payer == "Medicare"]
    assert medicare
    for case in medicare:
        age = int(re.search(r"Patient: [A-Z][a-z]+ [A-Z][a-z]+, (\d+)", case.text).group(1))
        assert age >= 65, f"{case.id}: a Medicare case for a patient aged {age}"
        assert "Payer: Medicare" in case.text


def test_bank_is_immutable():
    with pytest.raises(Exception):
        CASES[0].id = "changed"  # frozen dataclass
    assert isinstance(CASES, tuple) and all(isinstance(c.diagnoses, tuple) for c in CASES)


# --- a damaged practice_charts.json ---------------------------------------------------------------

def _mutations():
    paths = []
    for i, chart in enumerate(RAW["charts"][:6]):
        paths += [("charts", i, key) for key in chart]
        paths += [("charts", i, "diagnoses", 0, key) for key in chart["diagnoses"][0]]
    for i, chart in enumerate(RAW["charts"]):
        for axis, spec in chart.get("vary", {}).items():
            paths += [("charts", i, "vary", axis, key) for key in spec]
    return paths


JUNK = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=False), st.text(max_size=12),
                 st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=4), st.integers(), max_size=2))


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.sampled_from(_mutations()), value=JUNK, delete=st.booleans())
def test_mutated_file_gives_a_clear_error(tmp_path, where, value, delete):
    data = json.loads(json.dumps(RAW))
    node = data
    for step in where[:-1]:
        node = node[step]
    if delete:
        node.pop(where[-1], None)
    else:
        node[where[-1]] = value
    path = tmp_path / "practice_charts.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    try:
        cases = cases_from(load_practice_charts(path))  # read, then build every variant
    except PracticeChartError as exc:
        assert "practice_charts.json" in str(exc) and str(tmp_path) not in str(exc)
        return
    assert cases  # a harmless change (e.g. a new title) still loads


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, 4000), junk=st.binary(max_size=8))
def test_truncated_or_binary_file_gives_a_clear_error(tmp_path, cut, junk):
    path = tmp_path / "practice_charts.json"
    path.write_bytes(data_path("codes", "practice_charts.json").read_bytes()[:cut] + junk)
    with pytest.raises(CodesDataError, match="practice_charts.json"):
        load_practice_charts(path)


@pytest.mark.parametrize("data", [[], {}, {"charts": []}, {"charts": [1]}, {"charts": "x"},
                                  {"charts": [dict(RAW["charts"][0], id="Bad Id")]},
                                  {"charts": [RAW["charts"][0], RAW["charts"][0]]},
                                  {"charts": [dict(RAW["charts"][0], setting="moon")]},
                                  {"charts": [dict(RAW["charts"][0], vary={"side": "left"})]},
                                  {"charts": [dict(RAW["charts"][0], vary={"em_time": {}, "payer": {}})]}])
def test_bad_shapes_are_refused(tmp_path, data):
    path = tmp_path / "practice_charts.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(PracticeChartError):
        load_practice_charts(path)


def _chart(chart_id):
    return json.loads(json.dumps(next(c for c in RAW["charts"] if c["id"] == chart_id)))


def _without_payer_line():
    chart = _chart("pc-cough-probable-pneumonia")
    chart["text"] = chart["text"].replace("Payer:", "Insurer:")
    return chart


def _encounter_text_gone():
    chart = _chart("uc-ankle-sprain")
    chart["text"] = chart["text"].replace("First visit to this urgent care", "New here")
    return chart


@pytest.mark.parametrize("make, words", [(_without_payer_line, "'Payer:'"), (_encounter_text_gone, "is not in the note")])
def test_variants_that_cannot_apply_are_refused_at_load(tmp_path, make, words):
    path = tmp_path / "practice_charts.json"
    path.write_text(json.dumps({"charts": [make()]}), encoding="utf-8")
    with pytest.raises(PracticeChartError, match=words):
        load_practice_charts(path)


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(PracticeChartError, match="practice_charts.json") as info:
        load_practice_charts(tmp_path / "practice_charts.json")
    assert "file not found" in str(info.value)
