"""The codes area's records and fixed names: a row of the CPT/HCPCS tables, a visit note (no I/O).
CPT® is a registered trademark of the American Medical Association."""
from __future__ import annotations

from dataclasses import dataclass, field

LESSON = "02-the-medical-coder"
CPT_NOTICE = "CPT® is a registered trademark of the American Medical Association."


@dataclass(frozen=True)
class TableCode:
    """One row of the CPT or HCPCS Level II table."""

    code: str
    code_set: str  # "CPT" or "HCPCS Level II"
    description: str  # our own plain words
    detail: str  # CPT category (I/II/III) or HCPCS kind (service, drug, supply)
    source: str


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
