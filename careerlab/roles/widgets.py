"""The "who does it?" widget for lesson 01: pick a role for each task, then check."""
from __future__ import annotations

import html
from typing import Any

import ipywidgets as W

from careerlab.progress import default_store
from careerlab.progress.record import exercise_section
from careerlab.roles.data import load_exercise
from careerlab.roles.exercise import grade
from careerlab.roles.model import Exercise
from careerlab.ui import message_html, safe_callback

LESSON = "01-two-roles"
SECTION = exercise_section(LESSON)
EXERCISE_ID = "who-does-it"
PLACEHOLDER = "— choose —"


def who_does_it(store: Any = None, exercise: Exercise | None = None) -> W.VBox:
    """Build the exercise; a complete attempt is saved in the lesson's exercise section (``SECTION``)."""
    store = store or default_store()
    exercise = exercise or load_exercise()
    options = [(PLACEHOLDER, None)] + [(words, key) for key, words in exercise.choices.items()]
    saved = (store.read(SECTION, EXERCISE_ID, {"answer": dict}) or {"answer": {}})["answer"]
    dropdowns: dict[str, W.Dropdown] = {}
    rows = []
    for number, task in enumerate(exercise.tasks, start=1):
        start = saved.get(task.id) if isinstance(saved.get(task.id), str) and saved[task.id] in exercise.choices \
            else None
        dropdowns[task.id] = W.Dropdown(options=options, value=start, description=f"Task {number}:",
                                        style={"description_width": "initial"},
                                        tooltip=task.text, layout=W.Layout(width="260px", flex="0 0 auto"))
        if start is None:
            dropdowns[task.id].index = 0  # show "— choose —", not an empty box (the value stays None)
        rows.append(W.HBox([dropdowns[task.id],
                            # its own line height: an HTML widget's is 28 px, so a wrapped task looked double-spaced
                            W.HTML(f"<div style='font-size:14px;line-height:1.45;padding-top:4px'>"
                                   f"{html.escape(task.text)}</div>", layout=W.Layout(flex="1 1 auto"))]))
    check = W.Button(description="Check my answers", button_style="primary", icon="check",
                     tooltip="Compare your choices with the answer key",
                     layout=W.Layout(width="auto", align_self="flex-start"))  # whole label, not full width
    out = W.Output()  # only for the friendly message if something unexpected goes wrong
    feedback = W.HTML()
    by_id = {t.id: t for t in exercise.tasks}

    @safe_callback(out)
    def on_check(_: Any = None) -> None:
        answers = {tid: dd.value for tid, dd in dropdowns.items()}
        result = grade(exercise.tasks, answers)
        out.clear_output()
        if result.unanswered:
            numbers = [str(i) for i, t in enumerate(exercise.tasks, start=1) if t.id in result.unanswered]
            feedback.value = message_html(
                f"Choose a role for every task first (still empty: task {', '.join(numbers)}). "
                "Your other choices are kept.", "warn")
            return
        store.record(SECTION, EXERCISE_ID, {"answer": answers, "score": round(result.score, 3)})
        parts = [message_html(f"{len(result.right)} of {len(exercise.tasks)} right. Your answer is saved.",
                              "ok" if not result.wrong else "info", title="Result")]
        for i, task in enumerate(exercise.tasks, start=1):
            ok = task.id in result.right
            key = " or ".join(exercise.choices[r].lower() for r in (task.answer, *task.also))
            verdict = "Right" if ok else f"Not quite, it is the {key}"
            parts.append(message_html(f"{verdict}. {by_id[task.id].feedback}", "ok" if ok else "error",
                                      title=f"Task {i}"))
        feedback.value = "".join(parts)

    check.on_click(on_check)
    header = W.HTML(f"<b style='font-size:15px'>{html.escape(exercise.title)}</b>")
    box = W.VBox([header, *rows, check, feedback, out])
    box.dropdowns, box.check, box.feedback, box.out = dropdowns, check, feedback, out  # handles for tests
    return box
