"""Grading the "whose task is it?" exercise (pure logic)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from careerlab.compare.model import TASK_ANSWERS, Task


@dataclass(frozen=True)
class TaskResult:
    """One task's outcome: the learner's answer (None if left blank) and whether it is right."""

    task: Task
    answer: str | None
    correct: bool


def grade_task_sort(answers: Mapping[str, str | None], tasks: Sequence[Task]) -> tuple[float, list[TaskResult]]:
    """Score 0-1 (share right; blanks count as wrong) and one result per task.

    >>> t = [Task("a", "x", "coder", "w"), Task("b", "y", "both", "w")]
    >>> grade_task_sort({"a": "coder", "b": "biller"}, t)[0]
    0.5
    """
    results = []
    for task in tasks:
        given = answers.get(task.id)
        given = given if given in TASK_ANSWERS else None
        results.append(TaskResult(task, given, given == task.answer))
    return (sum(r.correct for r in results) / len(results) if results else 0.0), results
