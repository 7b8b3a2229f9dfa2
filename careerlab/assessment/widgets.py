"""The self-assessment questionnaire: statements a page at a time, Submit, Retake, and the results
and export row under it (``results_widgets``). Answers so far are saved on every change (the draft),
so a kernel restart loses nothing."""
from __future__ import annotations

from typing import Any

import ipywidgets as W

from careerlab.assessment.data import ResponseError, load_items
from careerlab.assessment.message_widgets import StatusMessage
from careerlab.assessment.model import SCALE, Item, valid_answer
from careerlab.assessment.results_widgets import ExportRow, ResultsPanel, action_button
from careerlab.assessment.scoring import explain_fit, score
from careerlab.assessment.text import (
    CLEARED, SAVED, draft_not_saved, saved_answers_unusable, unanswered_text, welcome_back)
from careerlab.kiosk import current_visit
from careerlab.kiosk.page import DRAFT_NOT_SAVED, kiosk_callback
from careerlab.progress import default_store
from careerlab.progress.record import ASSESSMENT, DRAFT_RESPONSES, RESPONSES, ROLE_FIT, TRAIT_SCORES
from careerlab.ui import message_html, safe_callback

PAGE_SIZE = 7


def _question(number: int, item: Item) -> W.RadioButtons:
    # The statement is the widget's own label, so a screen reader announces it with the choices.
    choice = W.RadioButtons(options=[(label, value) for value, label in SCALE.items()], value=None,
                            orientation="horizontal", description=f"{number}. {item.text}",
                            style={"description_width": "initial"},
                            layout=W.Layout(width="auto", margin="0 0 14px 0"))
    choice.add_class("careerlab-assessment-item")
    choice.add_class(f"careerlab-item-{item.id}")
    return choice


class AssessmentWidget(W.VBox):
    """The whole self-assessment; answers and results go to the progress store.

    ``fresh=True`` (the kiosk page) starts with empty questions and no name, so a visitor never sees
    the answers, results or name of the one before; with no ``store`` it keeps them in this visit's own
    private folder (``careerlab.kiosk``), never in a learner's progress, and its messages never name a
    folder on the server."""

    def __init__(self, store: Any = None, items: tuple[Item, ...] | None = None,
                 page_size: int = PAGE_SIZE, fresh: bool = False) -> None:
        super().__init__()
        self.fresh = fresh
        self.add_class("careerlab-assessment")
        if store is None:
            store = current_visit().store if fresh else default_store()
        self.store, self.items, self.page_size = store, tuple(items or load_items()), page_size
        # A live region from the start, so "Still unanswered: ..." is read out when it appears.
        self.message = StatusMessage("careerlab-assessment-message")
        self.questions: dict[str, W.RadioButtons] = {}
        self._quiet = True  # no draft saving while the widget fills itself in
        boxes = []
        for n, item in enumerate(self.items, 1):
            self.questions[item.id] = _question(n, item)
            self.questions[item.id].observe(self._on_answer, names="value")
            boxes.append(self.questions[item.id])
        # All pages are children and only the shown one is displayed, so their views stay alive in the
        # browser and the keyboard focus can move into a page the moment it is shown (``go``).
        self.pages = [W.VBox(boxes[i:i + page_size], layout=W.Layout(display="none"))
                      for i in range(0, len(boxes), page_size)]
        for page in self.pages:
            page.add_class("careerlab-assessment-page")
        self.page = 0
        self.page_box = W.VBox(self.pages)
        self.page_label = W.HTML()
        self.progress = W.IntProgress(min=0, max=len(self.items), description="Answered")
        self.progress_label = W.HTML()
        self.progress.add_class("careerlab-assessment-progress")
        self.prev_button = action_button("Previous page", "arrow-left", "prev")
        self.next_button = action_button("Next page", "arrow-right", "next")
        self.submit_button = action_button("Submit my answers", "check", "submit", style="primary")
        self.retake_button = action_button("Retake", "undo", "retake")
        self.results = ResultsPanel()
        safe = kiosk_callback if fresh else safe_callback
        self.export_row = ExportRow(store, self.results, safe, fresh)
        self.name, self.export_button = self.export_row.name, self.export_row.export_button
        self.handin_button, self.export_message = self.export_row.handin_button, self.export_row.message
        guard = safe(self.message)  # errors show as a message, never a traceback
        self.prev_button.on_click(guard(lambda _: self.go(self.page - 1, focus=True)))
        self.next_button.on_click(guard(lambda _: self.go(self.page + 1, focus=True)))
        self.submit_button.on_click(guard(lambda _: self.submit()))
        self.retake_button.on_click(guard(lambda _: self.retake()))
        self.children = (
            W.HBox([self.progress, self.progress_label]), self.page_label, self.page_box,
            W.HBox([self.prev_button, self.next_button, self.submit_button, self.retake_button]),
            self.message, self.results, self.export_row, self.export_message)
        if not fresh:
            self._resume()
        self._quiet = False
        self.go(0)

    # -- state -----------------------------------------------------------------------
    def answers(self) -> dict[str, int]:
        """The answers given so far: item id -> 1..5."""
        return {i: q.value for i, q in self.questions.items() if q.value is not None}

    def unanswered(self) -> list[int]:
        """Question numbers (1-based) still without an answer."""
        return [n for n, item in enumerate(self.items, 1) if self.questions[item.id].value is None]

    def _on_answer(self, change: Any = None) -> None:
        done = len(self.answers())
        self.progress.value = done
        self.progress_label.value = f"<b>{done} of {len(self.items)} answered</b>"
        if change is not None and not self._quiet:
            self._save_draft()

    def _save_draft(self) -> None:
        """Save the answers given so far (item id -> 1..5); a problem shows as a message, never a traceback."""
        try:
            self.store.record(ASSESSMENT, DRAFT_RESPONSES, self.answers())
        except Exception as exc:  # noqa: BLE001 - an observer must not raise into the front end
            self.message.value = message_html(
                "Your latest answer could not be saved. " + DRAFT_NOT_SAVED if self.fresh else draft_not_saved(str(exc)),
                "warn")

    def go(self, page: int, focus: bool = False) -> None:
        """Show page ``page`` (clamped to the first and last page) and hide the others; with
        ``focus=True`` the keyboard focus moves to its first question (Next/Previous page)."""
        self.page = max(0, min(page, len(self.pages) - 1))
        for n, box in enumerate(self.pages):
            box.layout.display = None if n == self.page else "none"
        self.page_label.value = f"<p>Page {self.page + 1} of {len(self.pages)}</p>"
        self.prev_button.disabled = self.page == 0
        self.next_button.disabled = self.page == len(self.pages) - 1
        self._on_answer()
        if focus:
            self.focus_question(self.page * self.page_size + 1)

    def focus_question(self, number: int) -> None:
        """Move the keyboard focus to question ``number``'s first choice, so a keyboard user goes on
        from there, not from the top of the notebook. Sent after the page is shown: the browser
        applies widget messages in order, and a hidden input cannot take the focus."""
        self.questions[self.items[number - 1].id].focus()

    # -- actions ---------------------------------------------------------------------
    def submit(self) -> bool:
        """Score the answers, save them and show the results; or say what is still unanswered."""
        missing = self.unanswered()
        if missing:
            self.message.value = message_html(unanswered_text(missing, self.page_size), "warn")
            self.go((missing[0] - 1) // self.page_size)
            self.focus_question(missing[0])  # straight to the first one still to answer
            return False
        responses = self.answers()
        scores = score(responses, self.items)
        expl = explain_fit(scores)
        self.store.record(ASSESSMENT, RESPONSES, responses)
        self.store.record(ASSESSMENT, TRAIT_SCORES, {t: round(v, 1) for t, v in scores.items()})
        self.store.record(ASSESSMENT, ROLE_FIT, {r: round(v, 1) for r, v in expl.fit.items()})
        self.store.record(ASSESSMENT, DRAFT_RESPONSES, {})  # submitted: nothing half-done is left to restore
        self.results.show(scores, expl)
        self.export_message.value = ""  # an earlier "Exported" belongs to earlier answers
        self.message.value = message_html(SAVED, "ok", title="Saved")
        return True

    def retake(self) -> None:
        """Clear the answers to start again (saved results stay until the next Submit); the keyboard
        focus moves to question 1, as the results it was near are gone."""
        self._quiet = True
        try:
            for q in self.questions.values():
                q.value = None
        finally:
            self._quiet = False
        self.store.record(ASSESSMENT, DRAFT_RESPONSES, {})
        self.results.clear()
        self.export_message.value = ""
        self.message.value = message_html(CLEARED, "info")
        self.go(0, focus=True)

    def export(self) -> list:
        """Write the results file to hand in and the charts as PNG; say where they are."""
        return self.export_row.export()

    def hand_in(self) -> bool:
        """Send these results to the course (class hub only); the receipt shows under the buttons."""
        return self.export_row.hand_in()

    def _resume(self) -> None:
        """Fill in answers saved last time and show their results; explain if they cannot be used.

        Submitted answers come first; answers given since (the draft) are laid over them."""
        if getattr(self.store, "warning", None):
            self.message.value = message_html(self.store.warning, "warn")
        saved = self.store.read(ASSESSMENT, RESPONSES, dict)  # another shape is left out, with a note
        if saved is not None:
            try:
                scores = score(saved, self.items)
            except (ResponseError, TypeError, AttributeError) as exc:
                self.message.value = message_html(saved_answers_unusable(str(exc)), "warn")
            else:
                for item_id, value in saved.items():
                    self.questions[item_id].value = int(value)
                self.results.show(scores, explain_fit(scores), heading="Your results from last time")
        self._restore_draft()

    def _restore_draft(self) -> None:
        """Show the answers on screen before a restart: the draft replaces the submitted answers.

        Unknown items and values outside 1-5 (a hand-edited file) are skipped."""
        draft = self.store.read(ASSESSMENT, DRAFT_RESPONSES, dict)
        if not draft:
            return
        usable = {i: int(v) for i, v in draft.items() if i in self.questions and valid_answer(v)}
        if not usable:
            return
        for item_id, question in self.questions.items():
            question.value = usable.get(item_id)
        if not self.message.value:
            self.message.value = message_html(welcome_back(len(usable)), "info")


def show_assessment(store: Any = None, fresh: bool = False) -> AssessmentWidget:
    """Build the self-assessment widget (display it as a cell's last line); ``fresh=True`` for the
    kiosk: start empty, keep this visit's answers to itself and remove them when the visit ends."""
    return AssessmentWidget(store, fresh=fresh)
