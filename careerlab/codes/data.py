"""Load and check the data files in ``data/codes/``: the small code tables (CPT in our own words,
HCPCS Level II, E/M levels) and the synthetic visit notes of the exercises, all read through
``careerlab.datafiles``. CPT® is a registered trademark of the American Medical Association."""
from __future__ import annotations

from functools import lru_cache

from careerlab.codes.model import CPT_NOTICE, TableCode, VisitNote
from careerlab.codes.normalize import HCPCS2_SHAPE, cpt_category
from careerlab.datafiles import read_csv_rows, read_json_object
from careerlab.errors import DataFileError
from careerlab.paths import data_path

__all__ = ["CodesDataError", "VisitNoteError", "cpt_table", "em_table", "hcpcs_table", "load_notes", "parse_notes"]


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


def _note_from(raw: dict) -> VisitNote:
    return VisitNote(
        id=str(raw["id"]), title=str(raw["title"]), text=str(raw["text"]), patient=str(raw["patient"]),
        total_minutes=int(raw.get("total_minutes", 0)), diagnoses=tuple(raw["diagnoses"]),
        services=tuple(raw["services"]), optional=tuple(raw.get("optional", ())),
        less_specific=dict(raw.get("less_specific", {})), hints=dict(raw.get("hints", {})), why=dict(raw.get("why", {})),
    )


def parse_notes(data: object) -> list[VisitNote]:
    """Turn the JSON of visit_notes.json into VisitNotes; VisitNoteError on a bad shape."""
    try:
        notes = [_note_from(raw) for raw in data["notes"]]  # type: ignore[index]
    except (KeyError, TypeError, ValueError) as exc:
        raise VisitNoteError(f"visit_notes.json is not in the expected shape: {exc}") from exc
    ids = [n.id for n in notes]
    if len(set(ids)) != len(ids):
        raise VisitNoteError("visit_notes.json: two notes share an id")
    for n in notes:
        if n.patient not in ("new", "established") or not n.diagnoses or not n.services:
            raise VisitNoteError(f"visit_notes.json: note {n.id} needs a patient type, diagnoses and services")
        missing_why = [c for c in n.diagnoses + n.services if c not in n.why]
        if missing_why:
            raise VisitNoteError(f"visit_notes.json: note {n.id} has no explanation for {missing_why}")
    return notes


def load_notes() -> list[VisitNote]:
    """The visit notes shipped in data/codes/visit_notes.json."""
    return parse_notes(read_json_object(data_path("codes", "visit_notes.json"), VisitNoteError))
