"""The order a learner sees a question's options in: shuffled, and the same every time they come back.

The order comes from a hash of the learner's salt (a random text saved once in their progress,
``careerlab.progress.record.QUIZ_ORDER_SALT``), the question id and each option id, so it needs
nothing else saved, does not depend on the Python version, and two learners typically see
different orders. Without a salt the order comes from the question id alone (still stable).
Grading is always by option id, never by position.
"""
from __future__ import annotations

import hashlib
import secrets

from careerlab.quiz.model import Question

SALT_BYTES = 8  # 16 hex characters: plenty to tell a class's learners apart


def new_salt() -> str:
    """A fresh random salt for one learner, e.g. '9f86d081884c7d65'."""
    return secrets.token_hex(SALT_BYTES)


def _rank(salt: str, question_id: str, option_id: str) -> bytes:
    return hashlib.sha256("\x1f".join((salt, question_id, option_id)).encode("utf-8")).digest()


def option_order(question: Question, salt: str | None = None) -> tuple[str, ...]:
    """The option ids of ``question`` in the order this learner sees them (stable for a salt).

    >>> from careerlab.quiz.model import Option
    >>> q = Question("q-1", "single", "?", "!", tuple(Option(i, i.upper(), "-") for i in "abcd"), "a")
    >>> option_order(q, "s1") == option_order(q, "s1"), sorted(option_order(q, "s1"))
    (True, ['a', 'b', 'c', 'd'])
    """
    ids = [o.id for o in question.options]
    return tuple(sorted(ids, key=lambda option_id: _rank(salt or "", question.id, option_id)))
