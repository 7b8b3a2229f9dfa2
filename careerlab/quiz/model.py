"""A knowledge check's records: a bank of questions, each with its options (no I/O)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

TYPES = ("single", "multiple", "numeric", "text")
# what a numeric question asks for: worked out from the figures in the prompt, or a figure to recall
CALCULATION, RECALL = "calculation", "recall"
KINDS = (CALCULATION, RECALL)
MONEY = "$"  # the unit of a money question: exact to the cent unless its tolerance (and prompt) say otherwise


@dataclass(frozen=True)
class Option:
    """One choice of a single- or multiple-choice question, with the feedback it earns."""

    id: str
    text: str
    feedback: str


@dataclass(frozen=True)
class Question:
    """One question of a bank. ``answer`` is an option id (single), a tuple of ids (multiple),
    a number (numeric); ``accepted`` lists the accepted texts of a text question; ``wrong`` is the
    reason shown for a wrong typed answer (numeric, text); ``kind`` says whether a numeric question
    is a calculation or a figure to recall."""

    id: str
    type: str
    prompt: str
    explanation: str
    options: tuple[Option, ...] = ()
    answer: Any = None
    tolerance: float = 0.0
    unit: str = ""
    accepted: tuple[str, ...] = ()
    wrong: str = ""
    kind: str = CALCULATION
    # text questions: a likely wrong answer -> why it is wrong ("PR": patient responsibility, the opposite)
    known_wrong: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Bank:
    """A lesson's knowledge check."""

    lesson: str
    title: str
    questions: tuple[Question, ...] = field(default_factory=tuple)
    source: str = ""
