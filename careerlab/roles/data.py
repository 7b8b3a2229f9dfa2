"""Load and check lesson 01's data: revenue-cycle stages, who each role works with, the visit."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careerlab.datafiles import read_csv_rows, read_json_object
from careerlab.errors import DataFileError
from careerlab.paths import data_path

#: Who owns a stage: file value -> words a learner reads (the chart shows these words too).
OWNERS: dict[str, str] = {
    "front": "Front desk / clinician",
    "coder": "Coder",
    "biller": "Biller",
    "payer": "Payer (insurer)",
    "shared": "Shared",
}
ROLES: dict[str, str] = {"coder": "Coder", "biller": "Biller"}


class RolesDataError(DataFileError):
    """A lesson-01 data file is missing or broken; the message names the file and the problem."""


@dataclass(frozen=True)
class Stage:
    """One stage of the revenue cycle and who usually owns it."""

    step: int
    stage: str
    what_happens: str
    owner: str
    owner_note: str
    source: str

    @property
    def owner_label(self) -> str:
        """The owner in plain words, e.g. "Coder"."""
        return OWNERS[self.owner]


@dataclass(frozen=True)
class Contact:
    """One kind of person a role works with, and what passes between them."""

    role: str
    contact: str
    what_passes: str
    source: str


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


_VISIT_KEYS = ("synthetic_notice", "practice", "patient", "encounter", "diagnoses", "services",
               "pricing", "cpt_notice", "icd_source")


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


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
