"""Load and check the small code tables in ``data/codes/`` (CPT in our own words, HCPCS Level II,
E/M levels). CPT® is a registered trademark of the American Medical Association."""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache

from careerlab.errors import DataFileError
from careerlab.paths import data_path
from careerlab.codes.normalize import HCPCS2_SHAPE, cpt_category

CPT_NOTICE = "CPT® is a registered trademark of the American Medical Association."


class CodesDataError(DataFileError):
    """A data file in data/codes/ is missing, unreadable or inconsistent."""


@dataclass(frozen=True)
class TableCode:
    """One row of the CPT or HCPCS Level II table."""

    code: str
    code_set: str  # "CPT" or "HCPCS Level II"
    description: str  # our own plain words
    detail: str  # CPT category (I/II/III) or HCPCS kind (service, drug, supply)
    source: str


def _rows(name: str) -> list[dict]:
    path = data_path("codes", name)
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CodesDataError(f"Could not read data/codes/{name}: {exc}") from exc


@lru_cache(maxsize=1)
def cpt_table() -> dict[str, TableCode]:
    """The CPT codes the lessons use, keyed by code."""
    out: dict[str, TableCode] = {}
    for row in _rows("cpt_codes.csv"):
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
    for row in _rows("hcpcs_level2.csv"):
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
    try:
        data = json.loads(data_path("codes", "em_office_visits.json").read_text(encoding="utf-8"))
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
    except (OSError, ValueError, KeyError, TypeError) as exc:
        if isinstance(exc, CodesDataError):
            raise
        raise CodesDataError(f"Could not read data/codes/em_office_visits.json: {exc}") from exc
    return data
