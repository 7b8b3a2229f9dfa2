"""The live answers view of lesson 07: pick a lesson and a question, press Refresh, and see how the
class answered it, with no names and only once at least ``MIN_ANSWERS`` learners have shared.

On a class hub it reads the course's hand-ins (``class_handins()``, instructors only); elsewhere a
folder of handed-in results files (the sample class until another folder is given). Only learners
who ticked "Share my answers live" are counted (``live.count_answers``).
"""
from __future__ import annotations

import html
from pathlib import Path
from typing import Any, Callable

import ipywidgets as widgets

from careerlab.charting import figure_png
from careerlab.quiz import QuizBankError, lesson_bank_path, load_bank
from careerlab.ui import chart_html, message_html, no_maths, readable, safe_callback, show_table

from .live import count_answers, shared_records
from .load import LoadProblem, read_folder
from .text import counted, describe_live

Items = list[tuple[str, bytes]]
Source = Callable[[], tuple[Items, list[LoadProblem], bool, str]]  # items, problems, one per name, note


def lesson_banks(quiz_dir: Path | None = None) -> dict[str, Any]:
    """{lesson id: its question bank}, in lesson order; a bank that does not load is left out."""
    folder = Path(quiz_dir) if quiz_dir is not None else lesson_bank_path("00").parent
    banks = {}
    for path in sorted(folder.glob("[0-9][0-9]-*.json")):
        try:
            bank = load_bank(path)
        except (OSError, QuizBankError):
            continue
        banks[bank.lesson] = bank
    return banks


def folder_source(folder: str | Path) -> Source:
    """Read a folder of handed-in results files each time (newest export per learner)."""
    def read() -> tuple[Items, list[LoadProblem], bool, str]:
        items, problems = read_folder(folder)
        return items, problems, True, f"Read from the folder {html.escape(Path(folder).name)}."
    return read


def hub_source() -> tuple[Items, list[LoadProblem], bool, str]:
    """Read the class hub's hand-ins (one per hub account)."""
    import json

    from careerlab.handin import class_handins

    handins = class_handins()
    if not handins.ok:
        return [], [], False, html.escape(handins.message)
    items = [(f"hand-in {i}", json.dumps(h.doc, ensure_ascii=False).encode("utf-8"))
             for i, h in enumerate(handins, 1)]  # labels carry no hub name: the view never shows one
    return items, [], False, "Read from the class hub's hand-ins."


class LiveAnswers(widgets.VBox):
    """Lesson and question pickers, a Refresh button, and the class's answers as a chart and table."""

    def __init__(self, source: Source, banks: dict[str, Any] | None = None) -> None:
        self.source, self.banks = source, banks if banks is not None else lesson_banks()
        self.lesson = widgets.Dropdown(options=list(self.banks), description="Lesson",
                                       style={"description_width": "initial"}, layout=widgets.Layout(width="auto"))
        self.question = widgets.Dropdown(description="Question", style={"description_width": "initial"},
                                         layout=widgets.Layout(width="auto"))
        self.refresh_button = widgets.Button(description="Refresh", icon="refresh", button_style="primary",
                                             tooltip="Read the shared answers again")
        self.status, self.chart, self.table = widgets.HTML(), widgets.HTML(), widgets.HTML()
        self.counts: Any = None
        for w, cls in ((self.lesson, "lesson"), (self.question, "question"), (self.refresh_button, "refresh"),
                       (self.status, "status"), (self.chart, "chart"), (self.table, "table")):
            w.add_class(f"careerlab-live-{cls}")
        self.lesson.observe(safe_callback(self.status)(self._questions), names="value")
        self.question.observe(safe_callback(self.status)(lambda _c: self.refresh()), names="value")
        self.refresh_button.on_click(safe_callback(self.status)(lambda _b: self.refresh()))
        super().__init__([widgets.HBox([self.lesson, self.refresh_button]), self.question, self.status,
                          self.chart, self.table])
        self.add_class("careerlab-live-answers")
        self._questions()

    def _questions(self, _change: Any = None) -> None:
        bank = self.banks.get(self.lesson.value)
        self.question.options = [(f"{q.id}: {q.prompt[:70]}{'…' if len(q.prompt) > 70 else ''}", q.id)
                                 for q in (bank.questions if bank else ())]
        if self.question.options and self.question.value is None:  # never an empty picker: the first
            self.question.value = self.question.options[0][1]       # question is shown at once

    def refresh(self) -> None:
        """Read the shared answers again and show the chosen question's counts."""
        bank = self.banks.get(self.lesson.value)
        question = next((q for q in bank.questions if q.id == self.question.value), None) if bank else None
        if question is None:
            self.status.value = message_html("Choose a lesson and a question.", "info")
            return
        items, problems, one_per_name, note = self.source()
        records, not_shared, more = shared_records(items, one_per_name=one_per_name)
        self.counts = count_answers(records, bank.lesson, question)
        skipped = len([p for p in problems if not p.folder]) + len(more)
        extra = (f" {counted(not_shared, 'learner')} did not opt in to sharing: not counted."
                 if not_shared else "")
        extra += "".join(f" “{p.file}”: {p.reason}, so no answers were read." for p in problems if p.folder)
        extra += (f" {counted(skipped, 'file')} could not be read for live answers (the class dashboard "
                  "names them, among the files that need a look)." if skipped else "")
        self.status.value = no_maths(message_html(f"{describe_live(self.counts)}\n{note}{extra}",
                                                  "ok" if self.counts.enough else "info", title="Live answers"))
        self._draw()

    def _draw(self) -> None:
        from matplotlib.figure import Figure

        from .charts import live_chart
        from .tables import live_table

        fig = Figure(figsize=(8, 4), layout="constrained")
        live_chart(self.counts, ax=fig.add_subplot())
        self.chart.value = chart_html(figure_png(fig, 80), describe_live(self.counts), 640)
        table = live_table(self.counts)
        # framed: a widget's HTML gets none of JupyterLab's table styles, so the cells ran together
        self.table.value = (readable(show_table(table, "The class's answers", framed=True).to_html(),
                                     "careerlab-classroom-text mathjax_ignore tex2jax_ignore")
                            if len(table) else "")


def live_answers(folder: str | Path | None = None, *, source: Source | None = None) -> LiveAnswers:
    """The live answers view: the class hub's hand-ins on a hub, else ``folder`` (default: the
    sample class in data/class-sample/)."""
    if source is None:
        from careerlab.handin import on_class_hub
        from careerlab.paths import sample_class_folder

        source = hub_source if on_class_hub() and folder is None else folder_source(folder or sample_class_folder())
    return LiveAnswers(source)
