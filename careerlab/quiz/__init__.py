"""Knowledge checks, the Self-check at the end of every lesson: banks as data (``load_bank``),
grading (``grade``), each learner's order of the options (``option_order``) and the widget (``show_quiz``).

Light to import: ipywidgets loads only when the widget is asked for.
"""
from __future__ import annotations

from careerlab._lazy import lazy_getattr
from careerlab.quiz.data import QuizBankError, lesson_bank_path, load_bank, parse_bank
from careerlab.quiz.grading import Grade, grade, numeric_hint
from careerlab.quiz.model import Bank, Option, Question
from careerlab.quiz.order import option_order

_LAZY = {"quiz_widget": "careerlab.quiz.widgets", "show_quiz": "careerlab.quiz.widgets"}

__all__ = sorted(["Bank", "Grade", "Option", "Question", "QuizBankError", "grade", "lesson_bank_path",
                  "load_bank", "numeric_hint", "option_order", "parse_bank", *_LAZY])

__getattr__ = lazy_getattr(__name__, _LAZY)  # the widget (and ipywidgets) loads on first use


def __dir__() -> list[str]:
    return __all__
