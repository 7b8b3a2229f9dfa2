"""Lesson 01's fixed names and records: who owns a revenue-cycle stage, the two roles, the stages,
the contacts, and the "who does it?" exercise (no I/O here)."""
from __future__ import annotations

from dataclasses import dataclass

from careerlab.assessment.model import ROLES

#: Who owns a stage: file value -> words a learner reads (the chart shows these words too).
OWNERS: dict[str, str] = {
    "front": "Front desk / clinician",
    "coder": "Coder",
    "biller": "Biller",
    "payer": "Payer (insurer)",
    "shared": "Shared",
}
LANES = ("front", "coder", "shared", "biller", "payer")  # the owners in the order the chart's columns show them
#: The two roles of the series (ids from ``careerlab.assessment.model.ROLES``) in the words a learner reads.
ROLE_LABELS: dict[str, str] = {role: role.capitalize() for role in ROLES}


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


@dataclass(frozen=True)
class Task:
    """One task from the visit and the role that does it."""

    id: str
    text: str
    answer: str
    feedback: str
    also: tuple[str, ...] = ()  # other roles that are right too (eligibility: front desk or biller)

    def accepts(self, choice: str | None) -> bool:
        """True when ``choice`` is the key's role or one of the roles that are right too."""
        return choice == self.answer or choice in self.also


@dataclass(frozen=True)
class Exercise:
    """The exercise: its title, the roles to choose from (id -> words) and the tasks."""

    title: str
    choices: dict[str, str]
    tasks: tuple[Task, ...]


@dataclass(frozen=True)
class Result:
    """A graded attempt: which tasks were right, which were left empty, and the score 0-1."""

    right: tuple[str, ...]
    wrong: tuple[str, ...]
    unanswered: tuple[str, ...]

    @property
    def score(self) -> float:
        """Share of all tasks answered correctly."""
        total = len(self.right) + len(self.wrong) + len(self.unanswered)
        return len(self.right) / total if total else 0.0
