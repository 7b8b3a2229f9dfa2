"""The self-assessment widget: statements a page at a time, Submit, results, Retake and Export."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import ipywidgets as W

from careerlab.assessment.data import load_items
from careerlab.assessment.export import downloads_html, export_results, unique_results_path
from careerlab.assessment.model import SCALE, Item
from careerlab.assessment.report import unanswered_text
from careerlab.assessment.results import ResultsPanel
from careerlab.assessment.scoring import ResponseError, explain_fit, score
from careerlab.handin.client import on_class_hub
from careerlab.kiosk.page import DRAFT_NOT_SAVED, NOTHING_KEPT, kiosk_callback
from careerlab.ui import message_html, safe_callback, shown_path

PAGE_SIZE = 7
SECTION = "assessment"
DRAFT_KEY = "draft_responses"  # answers so far, saved on every change, so a kernel restart loses nothing


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
        if store is None and fresh:
            from careerlab.kiosk import current_visit
            store = current_visit().store
        elif store is None:
            from careerlab.progress import default_store
            store = default_store()
        self.store, self.items, self.page_size = store, tuple(items or load_items()), page_size
        self.message = W.HTML()
        self.message.add_class("careerlab-assessment-message")
        self.export_message = W.HTML()  # right under the Export button, where the learner looks
        self.export_message.add_class("careerlab-assessment-export-message")
        self.questions: dict[str, W.RadioButtons] = {}
        self._quiet = True  # no draft saving while the widget fills itself in
        boxes = []
        for n, item in enumerate(self.items, 1):
            self.questions[item.id] = _question(n, item)
            self.questions[item.id].observe(self._on_answer, names="value")
            boxes.append(self.questions[item.id])
        self.pages = [W.VBox(boxes[i:i + page_size]) for i in range(0, len(boxes), page_size)]
        self.page = 0
        self.page_box = W.VBox()
        self.page_label = W.HTML()
        self.progress = W.IntProgress(min=0, max=len(self.items), description="Answered")
        self.progress_label = W.HTML()
        self.progress.add_class("careerlab-assessment-progress")
        self.prev_button = self._button("Previous page", "arrow-left", "prev")
        self.next_button = self._button("Next page", "arrow-right", "next")
        self.submit_button = self._button("Submit my answers", "check", "submit", style="primary")
        self.retake_button = self._button("Retake", "undo", "retake")
        self.name = W.Text(description="Your name", placeholder="for the file you hand in (optional)",
                           value="" if fresh else self.store.read("learner", "name", str, ""),
                           style={"description_width": "initial"})
        self.name.add_class("careerlab-assessment-name")
        self.export_button = self._button("Export my results", "download", "export")
        # On a class hub (never the kiosk), "Hand in" sends the results to the course.
        self.handin_button = self._button("Hand in", "paper-plane", "handin") if not fresh \
            and on_class_hub() else None
        self.results = ResultsPanel()
        safe = kiosk_callback if fresh else safe_callback
        guard = safe(self.message)  # errors show as a message, never a traceback
        export_guard = safe(self.export_message)
        self.prev_button.on_click(guard(lambda _: self.go(self.page - 1)))
        self.next_button.on_click(guard(lambda _: self.go(self.page + 1)))
        self.submit_button.on_click(guard(lambda _: self.submit()))
        self.retake_button.on_click(guard(lambda _: self.retake()))
        self.export_button.on_click(export_guard(lambda _: self.export()))
        if self.handin_button is not None:
            self.handin_button.on_click(export_guard(lambda _: self.hand_in()))
        self.children = (
            W.HBox([self.progress, self.progress_label]), self.page_label, self.page_box,
            W.HBox([self.prev_button, self.next_button, self.submit_button, self.retake_button]),
            self.message, self.results, W.HBox([self.name, self.export_button, *filter(None, [self.handin_button])]),
            self.export_message)
        if not fresh:
            self._resume()
        self._quiet = False
        self.go(0)

    def _button(self, text: str, icon: str, css: str, style: str = "") -> W.Button:
        button = W.Button(description=text, icon=icon, button_style=style, tooltip=text,
                          layout=W.Layout(width="auto"))
        button.add_class(f"careerlab-assessment-{css}")
        return button

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
            self.store.record(SECTION, DRAFT_KEY, self.answers())
        except Exception as exc:  # noqa: BLE001 - an observer must not raise into the front end
            self.message.value = message_html(
                "Your latest answer could not be saved. " + DRAFT_NOT_SAVED if self.fresh else
                f"Your latest answer could not be saved ({exc}). It is still on the screen; "
                "press Submit when you have answered everything.", "warn")

    def go(self, page: int) -> None:
        """Show page ``page`` (clamped to the first and last page)."""
        self.page = max(0, min(page, len(self.pages) - 1))
        self.page_box.children = (self.pages[self.page],)
        self.page_label.value = f"<p>Page {self.page + 1} of {len(self.pages)}</p>"
        self.prev_button.disabled = self.page == 0
        self.next_button.disabled = self.page == len(self.pages) - 1
        self._on_answer()

    # -- actions ---------------------------------------------------------------------
    def submit(self) -> bool:
        """Score the answers, save them and show the results; or say what is still unanswered."""
        missing = self.unanswered()
        if missing:
            self.message.value = message_html(unanswered_text(missing, self.page_size), "warn")
            self.go((missing[0] - 1) // self.page_size)
            return False
        responses = self.answers()
        scores = score(responses, self.items)
        expl = explain_fit(scores)
        self.store.record(SECTION, "responses", responses)
        self.store.record(SECTION, "trait_scores", {t: round(v, 1) for t, v in scores.items()})
        self.store.record(SECTION, "role_fit", {r: round(v, 1) for r, v in expl.fit.items()})
        self.store.record(SECTION, DRAFT_KEY, {})  # submitted: nothing half-done is left to restore
        self.results.show(scores, expl)
        self.export_message.value = ""  # an earlier "Exported" belongs to earlier answers
        self.message.value = message_html(
            "Your answers and results are saved. Scroll down for your charts and what they mean.",
            "ok", title="Saved")
        return True

    def retake(self) -> None:
        """Clear the answers to start again (saved results stay until the next Submit)."""
        self._quiet = True
        try:
            for q in self.questions.values():
                q.value = None
        finally:
            self._quiet = False
        self.store.record(SECTION, DRAFT_KEY, {})
        self.results.clear()
        self.export_message.value = ""
        self.go(0)
        self.message.value = message_html(
            "Answers cleared. Your last saved results stay in your progress file until you submit again.",
            "info")

    def export(self) -> list:
        """Write the results file to hand in and the charts as PNG; say where they are."""
        if not self.results.pngs:
            self.export_message.value = message_html(
                "There is nothing to export yet: answer every statement and press Submit first.", "warn")
            return []
        name = self.name.value.strip()
        if name or self.fresh:  # on a shared computer an empty box must not reuse someone else's name
            self.store.record("learner", "name", name)
        # The kiosk: a name no other export shares, in this visit's folder, gone when the visit ends.
        path = unique_results_path(Path(self.store.path).parent / "exports", name) if self.fresh else None
        paths = export_results(self.store, self.results.pngs, path=path)
        # A browser download first: on the app page (Voila) the visitor cannot reach the server's folders.
        where = "Your results file and your two charts are ready: download them with the links below."
        where += (" " + NOTHING_KEPT if self.fresh else
                  " A copy is also saved on this computer:\n" + "\n".join(shown_path(p) for p in paths))
        self.export_message.value = (message_html(where, "ok", title="Exported")
                                     + downloads_html([(p.name, p.read_bytes()) for p in paths]))
        return paths

    def hand_in(self) -> bool:
        """Send these results to the course (class hub only); the receipt shows under the buttons."""
        from careerlab.handin.button import hand_in_html

        if not self.results.pngs:
            self.export_message.value = message_html(
                "There is nothing to hand in yet: answer every statement and press Submit first.", "warn")
            return False
        if self.name.value.strip():
            self.store.record("learner", "name", self.name.value.strip())
        done, self.export_message.value = hand_in_html(self.store)
        return done

    def _resume(self) -> None:
        """Fill in answers saved last time and show their results; explain if they cannot be used.

        Submitted answers come first; answers given since (the draft) are laid over them."""
        if getattr(self.store, "warning", None):
            self.message.value = message_html(self.store.warning, "warn")
        saved = self.store.read(SECTION, "responses", dict)  # another shape is left out, with a note
        if saved is not None:
            try:
                scores = score(saved, self.items)
            except (ResponseError, TypeError, AttributeError) as exc:
                why = str(exc) if len(str(exc)) <= 200 else str(exc)[:197] + "..."
                self.message.value = message_html(
                    f"Your saved answers could not be used ({why}), so the questions start empty. "
                    "Nothing in your progress file was deleted.", "warn")
            else:
                for item_id, value in saved.items():
                    self.questions[item_id].value = int(value)
                self.results.show(scores, explain_fit(scores), heading="Your results from last time")
        self._restore_draft()

    def _restore_draft(self) -> None:
        """Show the answers on screen before a restart: the draft replaces the submitted answers.

        Unknown items and values outside 1-5 (a hand-edited file) are skipped."""
        draft = self.store.read(SECTION, DRAFT_KEY, dict)
        if not draft:
            return
        usable = {i: int(v) for i, v in draft.items() if i in self.questions and _valid(v)}
        if not usable:
            return
        for item_id, question in self.questions.items():
            question.value = usable.get(item_id)
        if not self.message.value:
            n = len(usable)
            self.message.value = message_html(
                f"Welcome back: your {n} answer{'s' if n != 1 else ''} from last time "
                f"{'is' if n == 1 else 'are'} filled in. Carry on where you stopped.", "info")


def _valid(value: Any) -> bool:
    """True for a whole-number answer from 1 to 5 (as saved in the progress file)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return 1 <= value <= 5 and float(value).is_integer()  # range first: float() of a huge int overflows


def show_assessment(store: Any = None, fresh: bool = False) -> AssessmentWidget:
    """Build the self-assessment widget (display it as a cell's last line); ``fresh=True`` for the
    kiosk: start empty, keep this visit's answers to itself and remove them when the visit ends."""
    return AssessmentWidget(store, fresh=fresh)
