"""Load and check lesson 01's data (read through ``careerlab.datafiles``): revenue-cycle stages, who each
role works with, the visit, and the "who does it?" exercise."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from careerlab.datafiles import read_csv_rows, read_json_object
from careerlab.errors import DataFileError
from careerlab.paths import data_path
from careerlab.roles.model import OWNERS, ROLES, Contact, Exercise, Stage, Task


class RolesDataError(DataFileError):
    """A lesson-01 data file is missing or broken; the message names the file and the problem."""


def _read_csv(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    return read_csv_rows(path, columns, RolesDataError)


def load_stages(path: str | Path | None = None) -> list[Stage]:
    """The revenue-cycle stages in order, each with its owner; raises ``RolesDataError``."""
    path = Path(path) if path else data_path("roles", "revenue_cycle.csv")
    fields = ("step", "stage", "what_happens", "owner", "owner_note", "source")
    stages = []
    for number, row in enumerate(_read_csv(path, fields), start=2):
        if row["owner"] not in OWNERS:
            raise RolesDataError(f"{path.name}, line {number}: unknown owner {row['owner']!r}; "
                                 f"use one of {sorted(OWNERS)}")
        try:
            step = int(row["step"])
        except ValueError as exc:
            raise RolesDataError(f"{path.name}, line {number}: step {row['step']!r} is not a whole number") from exc
        stages.append(Stage(step, *(row[f].strip() for f in fields[1:])))
    if [s.step for s in stages] != list(range(1, len(stages) + 1)):
        raise RolesDataError(f"{path.name}: steps must run 1, 2, 3, ... in order")
    return stages


def load_contacts(path: str | Path | None = None) -> list[Contact]:
    """Who coders and billers work with; raises ``RolesDataError``."""
    path = Path(path) if path else data_path("roles", "contacts.csv")
    fields = ("role", "contact", "what_passes", "source")
    contacts = []
    for number, row in enumerate(_read_csv(path, fields), start=2):
        if row["role"] not in ROLES:
            raise RolesDataError(f"{path.name}, line {number}: role must be coder or biller, not {row['role']!r}")
        contacts.append(Contact(*(row[f].strip() for f in fields)))
    return contacts


_VISIT_KEYS = ("synthetic_notice", "practice", "patient", "encounter", "diagnoses", "services", "claim",
               "pricing", "cpt_notice", "icd_source")
_CLAIM_KEYS = ("payer_id", "locality", "member_id", "patient_dob", "insured_name", "relationship",
               "rendering_npi", "billing_npi", "filed_on")


def load_visit(path: str | Path | None = None) -> dict[str, Any]:
    """The synthetic visit followed through lesson 01, checked; raises ``RolesDataError``."""
    path = Path(path) if path else data_path("roles", "visit.json")
    doc = read_json_object(path, RolesDataError)
    if doc.get("format") != "careerlab-roles-visit":
        raise RolesDataError(f"{path.name}: not a careerlab visit file")
    missing = [k for k in _VISIT_KEYS if k not in doc]
    if missing:
        raise RolesDataError(f"{path.name}: missing {missing}")
    pointers = [d.get("pointer") for d in doc["diagnoses"]]
    if pointers != list("ABCDEFGHIJKL"[: len(pointers)]):
        raise RolesDataError(f"{path.name}: diagnosis pointers must be A, B, C, ... in order, not {pointers}")
    for service in doc["services"]:
        unknown = [p for p in service.get("pointers", []) if p not in pointers]
        if unknown or not 1 <= len(service.get("pointers", [])) <= 4:
            raise RolesDataError(f"{path.name}: service {service.get('code')} needs 1-4 known diagnosis pointers")
    claim = doc["claim"]
    if not isinstance(claim, dict) or not all(isinstance(claim.get(k), str) and claim[k] for k in _CLAIM_KEYS):
        raise RolesDataError(f"{path.name}: claim needs {', '.join(_CLAIM_KEYS)} (as text)")
    pricing = doc["pricing"]
    for part in ("rvus", "gpcis"):
        values = pricing.get(part, {})
        if set(values) != {"work", "pe", "mp"} or not all(_is_number(v) and v >= 0 for v in values.values()):
            raise RolesDataError(f"{path.name}: pricing.{part} needs numbers for work, pe and mp")
    for name in ("conversion_factor", "coinsurance_rate"):
        if not _is_number(pricing.get(name)):
            raise RolesDataError(f"{path.name}: pricing.{name} must be a number")
    if not 0 <= pricing["coinsurance_rate"] <= 1:
        raise RolesDataError(f"{path.name}: pricing.coinsurance_rate must be between 0 and 1")
    if not _is_number(doc["patient"].get("deductible_remaining")) or doc["patient"]["deductible_remaining"] < 0:
        raise RolesDataError(f"{path.name}: patient.deductible_remaining must be a number, 0 or more")
    return doc


def _also_right(value: Any) -> tuple[str, ...]:
    """A task's optional ``also`` list: other roles that are right too."""
    if not isinstance(value, list):
        raise TypeError("'also' must be a list of roles")
    return tuple(str(v) for v in value)


def load_exercise(path: str | Path | None = None) -> Exercise:
    """Read and check ``data/roles/who_does_it.json``; raises ``RolesDataError``."""
    path = Path(path) if path else data_path("roles", "who_does_it.json")
    doc = read_json_object(path, RolesDataError)
    try:
        choices = {str(k): str(v) for k, v in doc["choices"].items()}
        tasks = tuple(Task(str(t["id"]), str(t["text"]), str(t["answer"]), str(t["feedback"]),
                           _also_right(t.get("also", [])))
                      for t in doc["tasks"])
        title = str(doc["title"])
    except (KeyError, TypeError, AttributeError) as exc:
        raise RolesDataError(f"{path.name}: missing or malformed part ({exc})") from exc
    if not tasks:
        raise RolesDataError(f"{path.name}: no tasks")
    for task in tasks:
        for other in task.also:
            if other not in choices or other == task.answer:
                raise RolesDataError(f"{path.name}: task {task.id!r} lists {other!r} as also right, "
                                     "which is not another of the choices")
        if task.answer not in choices:
            raise RolesDataError(f"{path.name}: task {task.id!r} has answer {task.answer!r}, "
                                 f"not one of {sorted(choices)}")
    if len({t.id for t in tasks}) != len(tasks):
        raise RolesDataError(f"{path.name}: task ids repeat")
    return Exercise(title, choices, tasks)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
