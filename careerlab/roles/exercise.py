"""The "who does it?" exercise: load its tasks and grade a learner's choices (no widgets here)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from careerlab.paths import data_path
from careerlab.roles.data import RolesDataError


@dataclass(frozen=True)
class Task:
    """One task from the visit and the role that does it."""

    id: str
    text: str
    answer: str
    feedback: str


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


def load_exercise(path: str | Path | None = None) -> Exercise:
    """Read and check ``data/roles/who_does_it.json``; raises ``RolesDataError``."""
    path = Path(path) if path else data_path("roles", "who_does_it.json")
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        choices = {str(k): str(v) for k, v in doc["choices"].items()}
        tasks = tuple(Task(str(t["id"]), str(t["text"]), str(t["answer"]), str(t["feedback"]))
                      for t in doc["tasks"])
        title = str(doc["title"])
    except FileNotFoundError as exc:
        raise RolesDataError(f"{path.name}: file not found in data/roles/") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise RolesDataError(f"{path.name}: not valid JSON ({exc})") from exc
    except (KeyError, TypeError, AttributeError) as exc:
        raise RolesDataError(f"{path.name}: missing or malformed part ({exc})") from exc
    if not tasks:
        raise RolesDataError(f"{path.name}: no tasks")
    for task in tasks:
        if task.answer not in choices:
            raise RolesDataError(f"{path.name}: task {task.id!r} has answer {task.answer!r}, not one of {sorted(choices)}")
    if len({t.id for t in tasks}) != len(tasks):
        raise RolesDataError(f"{path.name}: task ids repeat")
    return Exercise(title, choices, tasks)


def grade(tasks: tuple[Task, ...], answers: Mapping[str, str | None]) -> Result:
    """Compare the learner's choice for each task (None or missing = not answered) with the key.

    >>> t = (Task("a", "x", "coder", ""), Task("b", "y", "biller", ""), Task("c", "z", "payer", ""))
    >>> r = grade(t, {"a": "coder", "b": "coder"})
    >>> r.right, r.wrong, r.unanswered, round(r.score, 3)
    (('a',), ('b',), ('c',), 0.333)
    """
    right, wrong, unanswered = [], [], []
    for task in tasks:
        choice = answers.get(task.id)
        if not choice:
            unanswered.append(task.id)
        elif choice == task.answer:
            right.append(task.id)
        else:
            wrong.append(task.id)
    return Result(tuple(right), tuple(wrong), tuple(unanswered))
