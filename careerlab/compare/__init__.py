"""Lesson 04 (``04-side-by-side``): the medical coder and the medical biller side by side: the data,
the task-sorting exercise and its grading, the sentences (pay, O*NET attribution, chart summary),
and the tables, the interest chart and the widget (loaded only when used, so
``import careerlab.compare`` stays light)."""
from __future__ import annotations

from careerlab._lazy import lazy_getattr
from careerlab.compare.data import CompareDataError, load_pay_outlook, load_riasec, load_side_by_side, load_tasks
from careerlab.compare.grading import TaskResult, grade_task_sort
from careerlab.compare.model import LESSON, RIASEC, TASK_ANSWERS, Aspect, Task
from careerlab.compare.text import ONET_ATTRIBUTION, pay_outlook_lines, riasec_summary

_LAZY = {
    "side_by_side_html": "careerlab.compare.tables",
    "show_side_by_side": "careerlab.compare.tables",
    "riasec_differences": "careerlab.compare.tables",
    "riasec_difference_table": "careerlab.compare.tables",
    "riasec_chart": "careerlab.compare.charts",
    "task_sort_exercise": "careerlab.compare.widgets",
    "TaskSortWidget": "careerlab.compare.widgets",
}

__all__ = sorted([
    "Aspect", "CompareDataError", "LESSON", "ONET_ATTRIBUTION", "RIASEC", "TASK_ANSWERS", "Task", "TaskResult",
    "grade_task_sort", "load_pay_outlook", "load_riasec", "load_side_by_side", "load_tasks", "pay_outlook_lines",
    "riasec_summary", *_LAZY,
])

__getattr__ = lazy_getattr(__name__, _LAZY)


def __dir__() -> list[str]:
    return __all__
