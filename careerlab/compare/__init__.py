"""The side-by-side comparison of medical coding and medical billing: data, table, chart, exercise.
Chart and widget modules load only when used, so ``import careerlab.compare`` stays light."""
from __future__ import annotations

from typing import Any

from careerlab._lazy import lazy_getattr

from careerlab.compare.data import (
    ONET_ATTRIBUTION, RIASEC, Aspect, CompareDataError, Task, load_pay_outlook, load_riasec,
    load_side_by_side, load_tasks)
from careerlab.compare.grading import TaskResult, grade_task_sort
from careerlab.compare.table import (pay_outlook_lines, riasec_difference_table, riasec_differences,
                                    side_by_side_html)

_LAZY = {
    "riasec_chart": "careerlab.compare.charts",
    "riasec_summary": "careerlab.compare.charts",
    "task_sort_exercise": "careerlab.compare.widgets",
    "TaskSortWidget": "careerlab.compare.widgets",
}

__all__ = ["Aspect", "CompareDataError", "ONET_ATTRIBUTION", "RIASEC", "Task", "TaskResult",
           "grade_task_sort", "load_pay_outlook", "load_riasec", "load_side_by_side", "load_tasks",
           "pay_outlook_lines", "riasec_chart", "riasec_difference_table", "riasec_differences", "riasec_summary", "show_side_by_side", "side_by_side_html",
           "task_sort_exercise", "TaskSortWidget"]


def show_side_by_side() -> Any:
    """The comparison table, ready to display in a notebook (a $ amount is never typeset as maths)."""
    from IPython.display import HTML

    from careerlab.ui import no_maths
    return HTML(no_maths(side_by_side_html()))


__getattr__ = lazy_getattr(__name__, _LAZY)
