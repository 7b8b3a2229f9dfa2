"""Knowledge checks: banks as data (``load_bank``), grading (``grade``) and the widget (``show_quiz``)."""
from __future__ import annotations

from typing import Any

from careerlab.quiz.data import Bank, Option, Question, QuizBankError, lesson_bank_path, load_bank, parse_bank
from careerlab.quiz.grading import Grade, grade

__all__ = ["Bank", "Grade", "Option", "Question", "QuizBankError", "grade", "lesson_bank_path",
           "load_bank", "parse_bank", "quiz_widget", "show_quiz"]


def quiz_widget(bank: Bank, store: Any = None) -> Any:
    """Build the widget for a loaded bank (ipywidgets is imported only here)."""
    from careerlab.quiz.widgets import QuizWidget

    return QuizWidget(bank, store)


def show_quiz(lesson_id: str, store: Any = None) -> Any:
    """The knowledge check of a lesson, e.g. ``show_quiz("01-two-roles")``.

    A broken bank shows a plain message instead of a traceback.
    """
    try:
        bank = load_bank(lesson_bank_path(lesson_id))
    except QuizBankError as exc:
        import ipywidgets as W

        from careerlab.ui import message_html

        return W.HTML(message_html(f"This knowledge check could not be loaded: {exc}", "warn"))
    return quiz_widget(bank, store)
