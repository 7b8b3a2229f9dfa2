"""The "whose task is it?" exercise widget: sort tasks into coder, biller or both."""
from __future__ import annotations

import html
from typing import Any

import ipywidgets as W

from careerlab.compare.data import load_tasks
from careerlab.compare.grading import grade_task_sort
from careerlab.compare.model import LESSON
from careerlab.progress import default_store
from careerlab.progress.record import exercise_section
from careerlab.ui import message_html, readable, safe_callback

SECTION, KEY = exercise_section(LESSON), "task-sort"
CHOICES = [("Coder", "coder"), ("Biller", "biller"), ("Both", "both")]


class TaskSortWidget(W.VBox):
    """One row of choices per task, a Check button and feedback; the score goes to the store."""

    def __init__(self, store: Any = None) -> None:
        super().__init__()
        self.add_class("careerlab-compare-tasksort")
        self.store, self.tasks = store if store is not None else default_store(), load_tasks()
        self.feedback = W.HTML()
        self.choices: dict[str, W.ToggleButtons] = {}
        rows = []
        for n, task in enumerate(self.tasks, 1):
            # The task is the widget's own label, so a screen reader announces it with the choices.
            choice = W.ToggleButtons(options=CHOICES, value=None, description=f"{n}. {task.task}",
                                     tooltips=["Medical coder", "Medical biller", "Both roles"],
                                     style={"button_width": "80px", "description_width": "initial"},
                                     layout=W.Layout(margin="0 0 10px 0"))
            choice.add_class(f"careerlab-task-{task.id}")
            self.choices[task.id] = choice
            rows.append(choice)
        # width auto shows the whole label; flex-start keeps the column from stretching it full width
        self.check_button = W.Button(description="Check my answers", icon="check", button_style="primary",
                                     tooltip="Compare your choices with the answer key",
                                     layout=W.Layout(width="auto", align_self="flex-start"))
        self.check_button.add_class("careerlab-compare-check")
        self.check_button.on_click(safe_callback(self.feedback)(lambda _: self.check()))
        self.children = (*rows, self.check_button, self.feedback)

    def check(self) -> float | None:
        """Grade, save and show feedback; if some are blank, say which and save nothing."""
        answers = {tid: c.value for tid, c in self.choices.items()}
        blank = [str(n) for n, t in enumerate(self.tasks, 1) if answers[t.id] is None]
        if blank:
            self.feedback.value = message_html(
                f"Choose Coder, Biller or Both for task{'s' if len(blank) > 1 else ''} {', '.join(blank)}, "
                "then press Check again.", "warn")
            return None
        share, results = grade_task_sort(answers, self.tasks)
        self.store.record(SECTION, KEY, {"answer": answers, "score": round(share, 3)})
        lines = "".join(
            f"<li>{'✔ Right' if r.correct else '✖ Not quite'}: task {n}. The answer is "
            f"<b>{r.task.answer}</b>. {html.escape(r.task.why)}</li>"
            for n, r in enumerate(results, 1))
        right = sum(r.correct for r in results)
        kind = "ok" if right == len(results) else "info"
        self.feedback.value = (message_html(f"{right} of {len(results)} right. Your result is saved.", kind,
                                            title="Checked")
                               + readable(f"<ul>{lines}</ul>"))
        return share


def task_sort_exercise(store: Any = None) -> TaskSortWidget:
    """Build the sorting exercise (display it as a cell's last line)."""
    return TaskSortWidget(store)
