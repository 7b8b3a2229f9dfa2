"""The knowledge-check widget: a question bank with Check buttons, feedback, a score and "try again"."""
from __future__ import annotations

import dataclasses
import html
import re
from dataclasses import dataclass
from typing import Any

import ipywidgets as W
from ipywidgets.widgets.widget_bool import CheckboxStyle
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

from careerlab.handin.live_share import share_answer
from careerlab.progress import ProgressStore, default_store
from careerlab.progress.record import LEARNER, QUIZ_ORDER_SALT, SCORE_KEY, quiz_section
from careerlab.quiz.data import QuizBankError, lesson_bank_path, load_bank
from careerlab.quiz.grading import grade, numeric_hint
from careerlab.quiz.model import Bank, Question
from careerlab.quiz.order import new_salt, option_order
from careerlab.ui import message_html, readable, safe_callback

_TYPE_HINT = {
    "single": "Choose one answer.",
    "multiple": "Tick every answer that is right (there may be more than one).",
    "text": "Type a short answer (capitals, spaces and hyphens do not matter).",
}
# A long option wraps beside its own radio button: ipywidgets draws each option as a one-line
# label of fixed height, so in a narrow notebook (file browser open) a long option ran over the
# next one and its button seemed to vanish.
OPTION_WRAP = ("<style>.careerlab-quiz .widget-radio-box label {height: auto; white-space: normal; "
               "display: flex; align-items: flex-start; line-height: 1.35; margin: 2px 0}"
               ".careerlab-quiz .widget-radio-box label input {flex: none; order: -1; height: 1.35em; margin: 0 6px 0 0}</style>")
# The radio button's box is one text line high (1.35em, no top margin), so the button sits level with
# the first line of its label; JupyterLab's 20 px box with a 3 px margin put it 4-5 px low.
RIGHT, WRONG = "Correct", "Not quite"  # the heading of the feedback box
STALE = "You changed your answer. Press Check to see whether the new one is right."


def _hint(q: Question) -> str:
    return numeric_hint(q) if q.type == "numeric" else _TYPE_HINT[q.type]


def _without_heading(text: str, heading: str) -> str:
    """'Not quite. E11 is…' under the heading 'Not quite' reads 'E11 is…': the label is said once."""
    match = re.match(rf"\s*{re.escape(heading)}\s*[.:,!]\s*", text, flags=re.IGNORECASE)
    if not match:
        return text
    rest = text[match.end():]
    return rest[:1].upper() + rest[1:]


def order_salt(store: ProgressStore) -> str | None:
    """This learner's salt for the options' order, saved once; None when it cannot be saved
    (then every question's order comes from its id alone, so it is still the same next time)."""
    salt = store.read(LEARNER, QUIZ_ORDER_SALT, str, None)
    if salt:
        return salt
    salt = new_salt()
    return salt if store.record(LEARNER, QUIZ_ORDER_SALT, salt) else None


def shuffled(q: Question, salt: str | None) -> Question:
    """The question with its options in this learner's order (grading is by option id)."""
    if not q.options:
        return q
    by_id = {o.id: o for o in q.options}
    return dataclasses.replace(q, options=tuple(by_id[i] for i in option_order(q, salt)))


# The shape of a saved answer, by question type (see careerlab.progress.shapes).
_SAVED_ANSWER = {"single": (str, None), "multiple": ([str], None),
                 "numeric": (str, int, float, None), "text": (str, None)}


@dataclass
class QuestionView:
    """The widgets of one question (tests drive ``input`` and ``check`` and read ``feedback``)."""

    question: Question
    input: Any
    check: W.Button
    feedback: W.HTML
    box: W.VBox
    tries: int = 0
    correct: bool | None = None
    checked: tuple[Any, str] | None = None  # the answer last checked and the feedback it got
    auto: bool = False  # that check came from Enter (or leaving the box), not from Check
    quiet: bool = False  # set while the widget itself changes the answer (restore, clear)

    def value(self) -> Any:
        """The learner's current answer in the form ``grade`` takes."""
        if self.question.type == "multiple":
            return tuple(cb.option_id for cb in self.input.children if cb.value)
        return self.input.value

    def clear(self) -> None:
        self.quiet = True
        try:
            self._clear()
        finally:
            self.quiet = False
        self.feedback.value = ""
        self.tries, self.correct, self.checked = 0, None, None

    def _clear(self) -> None:
        if self.question.type == "multiple":
            for cb in self.input.children:
                cb.value = False
        elif self.question.type == "single":
            self.input.value = None
        else:
            self.input.value = ""

    def restore(self, answer: Any) -> None:
        self.quiet = True
        try:
            self._restore(answer)
        finally:
            self.quiet = False

    def _restore(self, answer: Any) -> None:
        if self.question.type == "multiple":
            for cb in self.input.children:
                cb.value = cb.option_id in (answer or ())
        elif self.question.type == "single":
            ids = {o.id for o in self.question.options}
            self.input.value = answer if answer in ids else None
        else:
            self.input.value = "" if answer is None else str(answer)


class _Shared:
    """One Layout and one Style model per kind of widget, shared by every question of a quiz: each
    model is a message to the browser, and a quiz of 13 questions made about 200 of them. Nothing
    changes these shared models after they are made (``try_again`` keeps a layout of its own)."""

    def __init__(self) -> None:
        self.auto = W.Layout(width="auto")
        self.plain = W.Layout()
        self.html, self.button = HTMLStyle(), W.ButtonStyle()
        self.radio, self.checkbox = DescriptionStyle(), CheckboxStyle()
        self.text = TextStyle(description_width="initial")


def _input_for(q: Question, shared: _Shared) -> Any:
    if q.type == "single":
        widget = W.RadioButtons(options=[(o.text, o.id) for o in q.options], value=None,
                                layout=shared.auto, style=shared.radio, description="")
    elif q.type == "multiple":
        boxes = []
        for o in q.options:
            cb = W.Checkbox(value=False, description=o.text, indent=False, layout=shared.auto,
                            style=shared.checkbox)
            cb.option_id = o.id
            boxes.append(cb)
        widget = W.VBox(boxes, layout=shared.plain)
    else:
        unit = f" ({q.unit})" if q.unit else ""
        # continuous_update=False: the answer reaches Python when the learner presses Enter (or
        # leaves the box), and the quiz checks it then (Text.on_submit is deprecated in ipywidgets 8).
        widget = W.Text(description=f"Your answer{unit}", placeholder="type here, then Enter",
                        style=shared.text, layout=shared.plain, continuous_update=False)
    widget.add_class("careerlab-quiz-input")
    return widget


class QuizWidget(W.VBox):
    """A whole bank: one box per question, a running score and a try-again button."""

    def __init__(self, bank: Bank, store: ProgressStore | None = None, **kwargs: Any) -> None:
        self.bank, self.store = bank, store or default_store()
        self.section = quiz_section(bank.lesson)
        self.score_label = W.HTML()
        self.score_label.add_class("careerlab-quiz-score")
        self.try_again = W.Button(description="Try again", icon="refresh", tooltip="Clear every answer and start over")
        self.try_again.add_class("careerlab-quiz-retry")
        self.error = W.HTML()
        self.salt = order_salt(self.store)
        self._shared = _Shared()
        self.views = [self._build(i, shuffled(q, self.salt)) for i, q in enumerate(bank.questions, 1)]
        self.try_again.on_click(safe_callback(self.error)(self._reset))
        title = W.HTML(readable(f"<h3 style='margin:4px 0'>{html.escape(bank.title)}</h3>"
                                f"<p>{len(bank.questions)} questions. Answer, press <b>Check</b>, read the "
                                "feedback. Your answers are saved as you go.</p>") + OPTION_WRAP)
        super().__init__([title, *[v.box for v in self.views],
                          W.HBox([self.score_label, self.try_again]), self.error], **kwargs)
        self.add_class("careerlab-quiz")
        self._restore()
        self._update_score(save=False)

    def _build(self, number: int, q: Question) -> QuestionView:
        shared = self._shared
        prompt = W.HTML(readable(f"<p style='font-size:15px;margin:8px 0 2px'><b>{number}.</b> "
                                 f"{html.escape(q.prompt)}</p>"
                                 f"<p style='margin:0;color:#444'><i>{html.escape(_hint(q))}</i></p>"),
                        layout=shared.plain, style=shared.html)
        check = W.Button(description="Check", icon="check", tooltip=f"Check your answer to question {number}",
                         layout=shared.plain, style=shared.button)
        check.add_class("careerlab-quiz-check")
        feedback = W.HTML(layout=shared.plain, style=shared.html)
        feedback.add_class("careerlab-quiz-feedback")
        input_ = _input_for(q, shared)
        box = W.VBox([prompt, input_, check, feedback], layout=shared.plain)
        box.add_class("careerlab-quiz-question")
        view = QuestionView(q, input_, check, feedback, box)
        check.on_click(safe_callback(feedback)(lambda _b, v=view: self.check(v)))
        on_change = safe_callback(feedback)(lambda _c, v=view: self._changed(v))
        for widget in (input_.children if q.type == "multiple" else (input_,)):
            widget.observe(on_change, "value")
        return view

    def _changed(self, view: QuestionView) -> None:
        """A typed answer is checked on Enter; a changed choice hides the feedback of the old one."""
        if view.quiet:
            return
        if view.question.type in ("text", "numeric"):
            self.check(view, auto=True)
        elif view.checked is not None and view.checked[0] == view.value():
            view.feedback.value = view.checked[1]  # back to the answer that was checked
        elif view.feedback.value:
            view.feedback.value = message_html(STALE, "info", title="Not checked yet")

    def check(self, view: QuestionView, *, save: bool = True, auto: bool = False) -> None:
        """Grade one question's current answer, show feedback, save it and update the score.

        ``auto``: the check of a typed answer on Enter. Pressing Check just after it, on the same
        answer, shows the same feedback and is not a second try (leaving the box for the Check
        button sends the answer first, so the learner's one press would otherwise count twice)."""
        answer = view.value()
        if not auto and view.auto and view.checked is not None and view.checked[0] == answer:
            view.auto = False
            view.feedback.value = view.checked[1]
            return
        view.auto = auto
        result = grade(view.question, answer)
        if not result.answered:
            view.feedback.value = message_html(result.feedback, "info", title="No answer yet")
            view.checked = None
            return
        view.tries += 1
        view.correct = result.correct
        heading = RIGHT if result.correct else WRONG
        text = _without_heading(result.feedback, heading)
        if result.correct or view.tries >= 2:
            text += "\n\nWhy: " + view.question.explanation
        view.feedback.value = message_html(text, "ok" if result.correct else "error", title=heading)
        if save:
            self.store.record(self.section, view.question.id,
                              {"answer": sorted(answer) if isinstance(answer, tuple) else answer,  # ids, whatever the order
                               "correct": result.correct})
        self._update_score(save=save)
        note = share_answer(self.store) if save else None  # only a learner who opted in, on a hub
        if note:
            view.feedback.value += message_html(note, "info")
        view.checked = (answer, view.feedback.value)

    def _update_score(self, *, save: bool) -> None:
        answered = [v for v in self.views if v.correct is not None]
        right = sum(1 for v in answered if v.correct)
        total = len(self.views)
        self.score = {"correct": right, "answered": len(answered), "total": total}
        if answered:
            self.score_label.value = (f"<p style='font-size:15px'><b>Score: {right} of {total} correct</b> "
                                      f"({len(answered)} of {total} answered)</p>")
        else:  # nothing to score or clear yet
            self.score_label.value = ("<p style='font-size:15px'>Your score shows here once you "
                                      "press <b>Check</b> on a question.</p>")
        self.try_again.layout.display = None if answered else "none"
        if save:
            self.store.record(self.section, SCORE_KEY, self.score)

    def _reset(self, _button: Any = None) -> None:
        for view in self.views:
            view.clear()
            self.store.record(self.section, view.question.id, None)
        self._update_score(save=True)

    def _restore(self) -> None:
        for view in self.views:  # a saved answer of the wrong shape is left out (the store notes it)
            entry = self.store.read(self.section, view.question.id,
                                    (None, {"answer": _SAVED_ANSWER[view.question.type]}))
            if entry is not None:
                view.restore(entry["answer"])
                self.check(view, save=False)


def quiz_widget(bank: Bank, store: ProgressStore | None = None) -> QuizWidget:
    """Build the widget for a loaded bank."""
    return QuizWidget(bank, store)


def show_quiz(lesson_id: str, store: ProgressStore | None = None) -> W.Widget:
    """The knowledge check of a lesson, e.g. ``show_quiz("01-two-roles")``.

    A broken bank shows a plain message instead of a traceback.
    """
    try:
        bank = load_bank(lesson_bank_path(lesson_id))
    except QuizBankError as exc:
        return W.HTML(message_html(f"This knowledge check could not be loaded: {exc}", "warn"))
    return quiz_widget(bank, store)
