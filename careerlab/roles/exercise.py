"""The "who does it?" exercise: grade a learner's choices (no widgets here; the tasks load in ``data``)."""
from __future__ import annotations

from typing import Mapping

from careerlab.roles.model import Result, Task


def grade(tasks: tuple[Task, ...], answers: Mapping[str, str | None]) -> Result:
    """Compare the learner's choice for each task (None or missing = not answered) with the key.

    >>> t = (Task("a", "x", "coder", ""), Task("b", "y", "biller", ""), Task("c", "z", "payer", ""))
    >>> r = grade(t, {"a": "coder", "b": "coder"})
    >>> r.right, r.wrong, r.unanswered, round(r.score, 3)
    (('a',), ('b',), ('c',), 0.333)
    >>> grade((Task("a", "x", "front", "", also=("biller",)),), {"a": "biller"}).right
    ('a',)
    """
    right, wrong, unanswered = [], [], []
    for task in tasks:
        choice = answers.get(task.id)
        if not choice:
            unanswered.append(task.id)
        elif task.accepts(choice):
            right.append(task.id)
        else:
            wrong.append(task.id)
    return Result(tuple(right), tuple(wrong), tuple(unanswered))
