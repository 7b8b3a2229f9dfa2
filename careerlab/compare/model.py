"""Plain data types and fixed names of the side-by-side lesson (no I/O)."""
from __future__ import annotations

from dataclasses import dataclass

#: The lesson these exercises belong to (their section in the learner record).
LESSON = "04-side-by-side"

#: O*NET's six interest areas (RIASEC), in O*NET's order.
RIASEC: tuple[str, ...] = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional")

#: What a task of the sorting exercise can belong to.
TASK_ANSWERS: tuple[str, ...] = ("coder", "biller", "both")


@dataclass(frozen=True)
class Aspect:
    """One row of the comparison: what each role does on this aspect, and the source."""

    id: str
    aspect: str
    coder: str
    biller: str
    source: str


@dataclass(frozen=True)
class Task:
    """One task of the "whose task is it?" exercise."""

    id: str
    task: str
    answer: str
    why: str
