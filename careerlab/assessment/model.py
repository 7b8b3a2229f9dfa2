"""Plain data types of the self-assessment: traits, items, role profiles (no I/O)."""
from __future__ import annotations

from dataclasses import dataclass, field

#: The seven trait ids, in display order (fixed: the instructor dashboard uses them).
TRAIT_IDS: tuple[str, ...] = (
    "numbers_money",
    "anatomy_medicine",
    "decoding_detail",
    "people_service",
    "independence",
    "clinical_team",
    "rules_persistence",
)

#: The two roles, in display order.
ROLES: tuple[str, ...] = ("coder", "biller")

#: Role fits closer than this many points (0-100 scale) are "about equal", for a learner and in
#: the class dashboard alike.
CLOSE_MARGIN = 5.0

#: The 5-point agree scale: answer value -> words shown to the learner.
SCALE: dict[int, str] = {
    1: "Strongly disagree",
    2: "Disagree",
    3: "Neither agree nor disagree",
    4: "Agree",
    5: "Strongly agree",
}


@dataclass(frozen=True)
class Trait:
    """One trait: a fixed id, a short label and a plain definition."""

    id: str
    label: str
    definition: str


@dataclass(frozen=True)
class Item:
    """One statement rated 1..5; ``reverse`` flips the answer before scoring."""

    id: str
    trait: str
    text: str
    reverse: bool = False


@dataclass(frozen=True)
class ProfileValue:
    """One role's value (0-100) for one trait, with why and where from."""

    value: float
    justification: str
    sources: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Certification:
    """A certification to look at, the body that awards it, and where that was checked."""

    name: str
    body: str
    focus: str
    source: str = ""


@dataclass(frozen=True)
class NextSteps:
    """What to study next and which certifications to look at for one outcome."""

    heading: str
    study: tuple[str, ...]
    certifications: tuple[Certification, ...]


def valid_answer(value: object) -> bool:
    """Whether ``value`` is a whole-number answer from 1 to 5 (``4`` or ``4.0``, never ``True``).

    >>> valid_answer(4), valid_answer(4.0), valid_answer(4.5), valid_answer(True), valid_answer("4")
    (True, True, False, False, False)
    """
    if isinstance(value, bool):
        return False
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return isinstance(value, int) and 1 <= value <= 5
