"""Load and check the data files in ``data/codes/``: the small code tables (CPT in our own words,
HCPCS Level II, E/M levels) and the synthetic visit notes of the exercises, all read through
``careerlab.datafiles``. CPT® is a registered trademark of the American Medical Association."""
from __future__ import annotations

from functools import lru_cache

import re
from pathlib import Path

from careerlab.codes.model import CODE_SET_NAMES, CPT_NOTICE, KeyCode, PracticeCase, PracticeChart, TableCode, VisitNote
from careerlab.codes.normalize import HCPCS2_SHAPE, ICD10CM_SHAPE, PCS_SHAPE, cpt_category
from careerlab.datafiles import read_csv_rows, read_json_object
from careerlab.errors import DataFileError
from careerlab.paths import data_path

__all__ = ["CodesDataError", "PracticeChartError", "VisitNoteError", "cpt_table", "em_table", "hcpcs_table",
           "load_notes", "load_practice_charts", "parse_notes", "parse_practice_charts"]


class CodesDataError(DataFileError):
    """A data file in data/codes/ is missing, unreadable or inconsistent."""


class VisitNoteError(CodesDataError):
    """data/codes/visit_notes.json is missing, unreadable or inconsistent."""


def _rows(name: str, columns: tuple[str, ...]) -> list[dict]:
    return read_csv_rows(data_path("codes", name), columns, CodesDataError, required=())


@lru_cache(maxsize=1)
def cpt_table() -> dict[str, TableCode]:
    """The CPT codes the lessons use, keyed by code."""
    out: dict[str, TableCode] = {}
    for row in _rows("cpt_codes.csv", ("code", "category", "plain_description")):
        code = (row.get("code") or "").strip()
        category = cpt_category(code)
        if category is None or category != (row.get("category") or "").strip():
            raise CodesDataError(f"cpt_codes.csv: {code!r} does not have the shape of CPT category {row.get('category')}")
        if not (row.get("plain_description") or "").strip():
            raise CodesDataError(f"cpt_codes.csv: {code} has no description")
        out[code] = TableCode(code, "CPT", row["plain_description"].strip(), category, CPT_NOTICE)
    return out


@lru_cache(maxsize=1)
def hcpcs_table() -> dict[str, TableCode]:
    """The HCPCS Level II codes the lessons use, keyed by code."""
    out: dict[str, TableCode] = {}
    for row in _rows("hcpcs_level2.csv", ("code", "plain_description", "kind", "source", "year")):
        code = (row.get("code") or "").strip()
        if not HCPCS2_SHAPE.match(code):
            raise CodesDataError(f"hcpcs_level2.csv: {code!r} is not a letter A-V (not D) plus four digits")
        if not (row.get("source") or "").strip() or not (row.get("year") or "").strip().isdigit():
            raise CodesDataError(f"hcpcs_level2.csv: {code} needs a source and a year")
        source = f"{row['source'].strip()} ({row['year'].strip()})"
        out[code] = TableCode(code, "HCPCS Level II", row["plain_description"].strip(), row.get("kind", ""), source)
    return out


@lru_cache(maxsize=1)
def em_table() -> dict:
    """Office-visit E/M levels and time thresholds, checked for consistency."""
    data = read_json_object(data_path("codes", "em_office_visits.json"), CodesDataError)
    try:
        levels = data["mdm_levels"]
        for group in ("new_patient", "established_patient"):
            if list(data[group]) != levels:
                raise CodesDataError(f"em_office_visits.json: {group} must list the levels {levels}")
            times = data["time_minutes"][group]
            if list(times) != list(data[group].values()):
                raise CodesDataError(f"em_office_visits.json: time_minutes.{group} must follow the level codes")
            minutes = list(times.values())
            if minutes != sorted(minutes) or not all(isinstance(m, int) and m > 0 for m in minutes):
                raise CodesDataError(f"em_office_visits.json: {group} minutes must be whole numbers, rising")
        if not data.get("source"):
            raise CodesDataError("em_office_visits.json: the source is missing")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        if isinstance(exc, CodesDataError):
            raise
        raise CodesDataError(f"Could not read data/codes/em_office_visits.json: {exc}") from exc
    return data


def _code_list(value: object, name: str) -> tuple[str, ...]:
    """A note's list of codes: a hand-edited [[1]] or "E11" (read letter by letter) is refused."""
    if not isinstance(value, (list, tuple)) or not all(isinstance(c, str) for c in value):
        raise TypeError(f"{name} must be a list of codes written as text")
    return tuple(value)


def _note_from(raw: dict) -> VisitNote:
    return VisitNote(
        id=str(raw["id"]), title=str(raw["title"]), text=str(raw["text"]), patient=str(raw["patient"]),
        total_minutes=int(raw.get("total_minutes", 0)), diagnoses=_code_list(raw["diagnoses"], "diagnoses"),
        services=_code_list(raw["services"], "services"), optional=_code_list(raw.get("optional", ()), "optional"),
        less_specific={str(c): _code_list(v, "less_specific") for c, v in dict(raw.get("less_specific", {})).items()},
        hints=dict(raw.get("hints", {})), why=dict(raw.get("why", {})),
        modifiers={str(c): tuple(m) for c, m in dict(raw.get("modifiers", {})).items()},
        units={str(c): u for c, u in dict(raw.get("units", {})).items()},
    )


def parse_notes(data: object) -> list[VisitNote]:
    """Turn the JSON of visit_notes.json into VisitNotes; VisitNoteError on a bad shape."""
    try:
        notes = [_note_from(raw) for raw in data["notes"]]  # type: ignore[index]
    except (KeyError, TypeError, ValueError, OverflowError) as exc:  # OverflowError: total_minutes 1e999
        raise VisitNoteError(f"visit_notes.json is not in the expected shape: {exc}") from exc
    ids = [n.id for n in notes]
    if len(set(ids)) != len(ids):
        raise VisitNoteError("visit_notes.json: two notes share an id")
    for n in notes:
        if n.patient not in ("new", "established") or not n.diagnoses or not n.services:
            raise VisitNoteError(f"visit_notes.json: note {n.id} needs a patient type, diagnoses and services")
        odd = [c for c in (*n.modifiers, *n.units) if c not in n.services]
        bad_mods = [c for c, mods in n.modifiers.items() if not all(isinstance(m, str) and _MODIFIER.match(m) for m in mods)]
        bad_units = [c for c, u in n.units.items() if isinstance(u, bool) or not isinstance(u, int) or not 1 <= u <= 99]
        if odd or bad_mods or bad_units:
            raise VisitNoteError(f"visit_notes.json: note {n.id}: modifiers and units must be for its own services "
                                 f"(two-character modifiers, 1 to 99 units); check {sorted({*odd, *bad_mods, *bad_units})}")
        missing_why = [c for c in n.diagnoses + n.services if c not in n.why]
        if missing_why:
            raise VisitNoteError(f"visit_notes.json: note {n.id} has no explanation for {missing_why}")
    return notes


def load_notes() -> list[VisitNote]:
    """The visit notes shipped in data/codes/visit_notes.json."""
    return parse_notes(read_json_object(data_path("codes", "visit_notes.json"), VisitNoteError))


class PracticeChartError(CodesDataError):
    """data/codes/practice_charts.json is missing, unreadable or inconsistent."""


SETTINGS = ("outpatient", "emergency", "inpatient")
PAYERS = ("", "Medicare", "commercial")
SEVENTH = ("A", "D", "S")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{2,60}$")
_MODIFIER = re.compile(r"^[0-9A-Z]{2}$")
_SHAPES = {"ICD-10-CM": ICD10CM_SHAPE, "ICD-10-PCS": PCS_SHAPE, "HCPCS Level II": HCPCS2_SHAPE}


def _text(raw: dict, key: str, where: str, empty: bool = False) -> str:
    value = raw.get(key, "" if empty else None)
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise PracticeChartError(f"practice_charts.json: {where} needs {key!r} as a non-empty text")
    return value


def _key_code(raw: object, where: str) -> KeyCode:
    if not isinstance(raw, dict):
        raise PracticeChartError(f"practice_charts.json: {where}: each code must be an object")
    code, code_set = _text(raw, "code", where).strip(), _text(raw, "code_set", where)
    where = f"{where}, code {code}"
    if code_set not in CODE_SET_NAMES:
        raise PracticeChartError(f"practice_charts.json: {where}: code_set must be one of {', '.join(CODE_SET_NAMES)}")
    shape_ok = cpt_category(code) is not None if code_set == "CPT" else bool(_SHAPES[code_set].match(code))
    if not shape_ok:
        raise PracticeChartError(f"practice_charts.json: {where} does not have the shape of a {code_set} code")
    modifiers = raw.get("modifiers", [])
    if not isinstance(modifiers, list) or not all(isinstance(m, str) and _MODIFIER.match(m) for m in modifiers):
        raise PracticeChartError(f"practice_charts.json: {where}: modifiers must be a list of two-character codes")
    units = raw.get("units", 1)
    if isinstance(units, bool) or not isinstance(units, int) or not 1 <= units <= 99:
        raise PracticeChartError(f"practice_charts.json: {where}: units must be a whole number from 1 to 99")
    return KeyCode(code, code_set, tuple(modifiers), _text(raw, "why", where), _text(raw, "guideline", where), units)


def _codes(raw: dict, key: str, where: str, required: bool) -> tuple[KeyCode, ...]:
    items = raw.get(key, [])
    if not isinstance(items, list) or (required and not items):
        raise PracticeChartError(f"practice_charts.json: {where} needs {key!r} as a list"
                                 + (" with at least one code" if required else ""))
    return tuple(_key_code(item, where) for item in items)


def _pairs(raw: object, where: str) -> None:
    if not isinstance(raw, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(t, str) for t in p) and p[0] for p in raw):
        raise PracticeChartError(f"practice_charts.json: {where}: text changes must be [old, new] pairs of text")


def _option(raw: object, where: str) -> dict:
    if not isinstance(raw, dict):
        raise PracticeChartError(f"practice_charts.json: {where} must be an object")
    _pairs(raw.get("text", []), where)
    out: dict = {"text": tuple(tuple(p) for p in raw.get("text", []))}
    for key in ("diagnoses", "services"):
        if key in raw:
            out[key] = _codes(raw, key, where, required=key == "diagnoses")
    return out


def _check_vary(vary: object, where: str) -> dict:
    """Check the ``vary`` object of a chart (see data/codes/README.md); return it with its codes as KeyCodes."""
    if not isinstance(vary, dict) or set(vary) - {"side", "encounter", "payer", "em_time"}:
        raise PracticeChartError(f"practice_charts.json: {where}: vary may only hold side, encounter, payer, em_time")
    checked: dict = {}
    side = vary.get("side")
    if side is not None:
        side = side if isinstance(side, dict) else {}
        stems = side.get("codes")
        if side.get("base") not in ("right", "left") or not isinstance(stems, dict) \
                or not stems or not all(isinstance(k, str) and isinstance(v, str) and k != v for k, v in stems.items()):
            raise PracticeChartError(f"practice_charts.json: {where}: vary.side needs base right/left and codes {{old: new}}")
        checked["side"] = {"base": side["base"], "codes": dict(stems)}
    for axis, values in (("encounter", SEVENTH), ("payer", ("Medicare", "commercial"))):
        spec = vary.get(axis)
        if spec is None:
            continue
        if not isinstance(spec, dict):
            spec = {}
        options = spec.get("options")
        if spec.get("base") not in values or not isinstance(options, dict) or not options \
                or not set(options) <= set(values) - {spec.get("base")}:
            raise PracticeChartError(f"practice_charts.json: {where}: vary.{axis} needs a base and options from {values}")
        checked[axis] = {"base": spec["base"], "options": {
            value: _option(option, f"{where}, vary.{axis}.{value}") for value, option in options.items()}}
    em_time = vary.get("em_time")
    if em_time is not None and (not isinstance(em_time, dict) or set(em_time) - {"longitudinal", "medicare"} or not all(
            isinstance(em_time.get(k, True), bool) for k in ("longitudinal", "medicare"))):
        raise PracticeChartError(f"practice_charts.json: {where}: vary.em_time must be an object "
                                 "(longitudinal: true/false, medicare: true/false)")
    if em_time is not None and "payer" in vary:
        raise PracticeChartError(f"practice_charts.json: {where}: vary.em_time sets the payer itself; drop vary.payer")
    if em_time is not None:
        checked["em_time"] = {"longitudinal": em_time.get("longitudinal", False), "medicare": em_time.get("medicare", True)}
        if checked["em_time"]["longitudinal"] and not checked["em_time"]["medicare"]:
            raise PracticeChartError(f"practice_charts.json: {where}: vary.em_time: G2211 (longitudinal) is Medicare's")
    return checked


def _chart(raw: object, number: int) -> PracticeChart:
    if not isinstance(raw, dict):
        raise PracticeChartError(f"practice_charts.json: chart {number} is not an object")
    chart_id = _text(raw, "id", f"chart {number}")
    if not _ID.match(chart_id):
        raise PracticeChartError(f"practice_charts.json: chart {number}: the id {chart_id!r} must be lower-case letters, digits and -")
    where = f"chart {chart_id}"
    setting, payer = _text(raw, "setting", where), _text(raw, "payer", where, empty=True)
    if setting not in SETTINGS or payer not in PAYERS:
        raise PracticeChartError(f"practice_charts.json: {where}: setting must be one of {SETTINGS}, payer one of {PAYERS}")
    case = PracticeCase(
        id=chart_id, chart=chart_id, specialty=_text(raw, "specialty", where), setting=setting,
        title=_text(raw, "title", where), text=_text(raw, "text", where),
        diagnoses=_codes(raw, "diagnoses", where, required=True), services=_codes(raw, "services", where, False),
        payer=payer)
    if any(k.code_set not in ("ICD-10-CM",) for k in case.diagnoses):
        raise PracticeChartError(f"practice_charts.json: {where}: diagnoses must be ICD-10-CM codes")
    vary = _check_vary(raw.get("vary", {}), where)
    _check_applies(case, vary, where)
    return PracticeChart(case, vary)


def _check_applies(case: PracticeCase, vary: dict, where: str) -> None:
    """Each text change of a vary option must find its words in the note; E/M by time needs its lines."""
    for axis in ("encounter", "payer"):
        for value, option in vary.get(axis, {}).get("options", {}).items():
            missing = [old for old, _ in option["text"] if old not in case.text]
            if missing:
                raise PracticeChartError(f"practice_charts.json: {where}, vary.{axis}.{value}: the text to change "
                                         f"{missing[0][:40]!r} is not in the note")
    if "em_time" in vary:
        lines = ("Patient status:", "Total clinician time on the day of the visit:", "Payer:")
        visits = [k for k in case.services if k.code_set == "CPT" and re.match(r"^992(0[2-5]|1[2-5])$", k.code)]
        if len(visits) != 1 or not all(f"\n{line}" in case.text for line in lines):
            raise PracticeChartError(f"practice_charts.json: {where}: vary.em_time needs one office visit (99202-99215) "
                                     "and the lines 'Patient status:', 'Total clinician time on the day of the visit:' "
                                     "and 'Payer:' in the note")


def parse_practice_charts(data: object) -> tuple[PracticeChart, ...]:
    """Turn the JSON of practice_charts.json into checked charts; PracticeChartError on a bad file."""
    charts = data.get("charts") if isinstance(data, dict) else None
    if not isinstance(charts, list) or not charts:
        raise PracticeChartError("practice_charts.json: expected an object with a non-empty list of charts")
    try:
        out = tuple(_chart(raw, number) for number, raw in enumerate(charts, start=1))
    except (AttributeError, TypeError, ValueError) as exc:  # a shape no check above foresaw
        if isinstance(exc, PracticeChartError):
            raise
        raise PracticeChartError(f"practice_charts.json is not in the expected shape ({type(exc).__name__})") from None
    ids = [c.case.id for c in out]
    if len(set(ids)) != len(ids):
        raise PracticeChartError("practice_charts.json: two charts share an id")
    return out


def load_practice_charts(path: str | Path | None = None) -> tuple[PracticeChart, ...]:
    """The hand-written charts of the coder's shift, from data/codes/practice_charts.json (or ``path``)."""
    return parse_practice_charts(read_json_object(path or data_path("codes", "practice_charts.json"), PracticeChartError))
