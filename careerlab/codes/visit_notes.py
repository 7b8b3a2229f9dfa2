"""The synthetic visit notes of the coding exercises: load and check data/codes/visit_notes.json."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from careerlab.errors import CareerlabError


class VisitNoteError(CareerlabError):
    """data/codes/visit_notes.json is missing, unreadable or inconsistent."""


@dataclass(frozen=True)
class VisitNote:
    """One synthetic visit note with its answer key."""

    id: str
    title: str
    text: str
    patient: str  # "new" or "established"
    total_minutes: int
    diagnoses: tuple[str, ...]
    services: tuple[str, ...]
    optional: tuple[str, ...] = ()
    less_specific: dict = field(default_factory=dict)
    hints: dict = field(default_factory=dict)
    why: dict = field(default_factory=dict)


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
    from careerlab.paths import data_path

    try:
        data = json.loads(data_path("codes", "visit_notes.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise VisitNoteError(f"Could not read data/codes/visit_notes.json: {exc}") from exc
    return parse_notes(data)
