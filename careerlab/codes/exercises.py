"""Coding exercises of lesson 02: grade a learner's codes for one of the visit notes.

The grader itself is ``careerlab.codes.grading`` (shared with the shift's practice cases); here a
visit note becomes its answer key. See that module for the statuses and the partial credit.
"""
from __future__ import annotations

from careerlab.codes.grading import (STATUS_WORDS, AnswerKey, CodeFeedback, GradeResult, grade)
from careerlab.codes.grading import check_entry as _check
from careerlab.codes.model import VisitNote

__all__ = ["CodeFeedback", "GradeResult", "STATUS_WORDS", "check_entry", "explain", "grade_note", "note_key"]


def note_key(note: VisitNote) -> AnswerKey:
    """The answer key of a visit note: its services with the modifiers and units it supports (J3301 x4 for
    40 mg); the order of the diagnoses is not graded."""
    return AnswerKey(note.diagnoses, note.services, modifiers=note.modifiers, units=note.units,
                     optional=note.optional, less_specific=note.less_specific, hints=note.hints,
                     patient=note.patient)


def check_entry(typed: str, box: str, note: VisitNote) -> CodeFeedback:
    """Feedback for one typed entry in the diagnosis or service box of a visit note."""
    return _check(typed, box, note_key(note))


def grade_note(note: VisitNote, diagnoses_text: object, services_text: object) -> GradeResult:
    """Grade the two boxes of one note: per-code feedback, partial credit, missing codes."""
    return grade(note_key(note), diagnoses_text, services_text)


def explain(note: VisitNote) -> list[tuple[str, str]]:
    """The "show me why" list: (code, explanation) for every answer-key and optional code."""
    return [(c, note.why.get(c, "")) for c in note.diagnoses + note.services + note.optional]
