"""A knowledge check's records: a bank of questions, each with its options (no I/O)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

TYPES = ("single", "multiple", "numeric", "text")


@dataclass(frozen=True)
class Option:
    """One choice of a single- or multiple-choice question, with the feedback it earns."""

    id: str
    text: str
    feedback: str


@dataclass(frozen=True)
class Question:
    """One question of a bank. ``answer`` is an option id (single), a tuple of ids (multiple),
    a number (numeric); ``accepted`` lists the accepted texts of a text question."""

    id: str
    type: str
    prompt: str
    explanation: str
    options: tuple[Option, ...] = ()
    answer: Any = None
    tolerance: float = 0.0
    unit: str = ""
    accepted: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bank:
    """A lesson's knowledge check."""

    lesson: str
    title: str
    questions: tuple[Question, ...] = field(default_factory=tuple)
    source: str = ""
