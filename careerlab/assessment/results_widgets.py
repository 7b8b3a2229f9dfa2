"""The self-assessment's results: the panel (charts as images, the fit and what to do next) and
the row under it that exports the results or hands them in."""
from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Callable

import ipywidgets as W
from matplotlib.figure import Figure

from careerlab.assessment.charts import radar_chart, trait_bar_chart
from careerlab.assessment.data import load_role_profiles, trait_labels
from careerlab.assessment.export import chart_paths, downloads_html, export_results, unique_results_path
from careerlab.assessment.message_widgets import StatusMessage
from careerlab.assessment.scoring import FitExplanation
from careerlab.assessment.text import READY, fit_html, nothing_yet, radar_summary, trait_summary
from careerlab.charting import figure_png
from careerlab.handin.client import on_class_hub
from careerlab.kiosk.page import NOTHING_KEPT
from careerlab.progress.fileio import atomic_write
from careerlab.progress.record import LEARNER, NAME
from careerlab.progress.text import export_html, has_name
from careerlab.progress.widgets import NAME_BOX_WIDTH, NAME_PLACEHOLDER
from careerlab.ui import chart_alt, chart_html, download_link, message_html, readable

CHART_NAMES = ("trait-scores", "radar")


def render_charts(scores: Mapping[str, float]) -> dict[str, Figure]:
    """Draw both charts on fresh Figures (no pyplot, so nothing depends on the backend)."""
    bars = Figure(figsize=(9, 5.5), layout="constrained")
    trait_bar_chart(scores, ax=bars.add_subplot())
    radar = Figure(figsize=(7, 7), layout="constrained")
    radar_chart(scores, ax=radar.add_subplot(projection="polar"))
    return {"trait-scores": bars, "radar": radar}


class ResultsPanel(W.VBox):
    """Shows a learner's results; keeps ``figures`` (Axes for tests) and ``pngs`` (for export)."""

    def __init__(self) -> None:
        super().__init__()
        self.add_class("careerlab-assessment-results")
        self.figures: dict[str, Figure] = {}
        self.pngs: dict[str, bytes] = {}
        self.fit = W.HTML()
        self.fit.add_class("careerlab-assessment-fit")

    def clear(self) -> None:
        """Hide the results (for a retake)."""
        self.figures, self.pngs = {}, {}
        self.fit.value = ""
        self.children = ()

    def show(self, scores: Mapping[str, float], expl: FitExplanation, heading: str = "Your results") -> None:
        """Draw the charts and the fit for these scores."""
        labels, profiles = trait_labels(), load_role_profiles()
        self.figures = render_charts(scores)
        self.pngs = {name: figure_png(fig) for name, fig in self.figures.items()}
        # An <img> with alt text (a W.Image has none a screen reader can use); the sentence under
        # each chart is its text alternative, and the alt text says so.
        images = {name: W.HTML(chart_html(png, chart_alt(self.figures[name]), 760,
                                          f"careerlab-assessment-chart-{name}"))
                  for name, png in self.pngs.items()}
        self.fit.value = readable(fit_html(expl))
        self.children = (
            W.HTML(f"<h2>{html.escape(heading)}</h2>"),
            images["trait-scores"],
            W.HTML(readable(f"<p>{html.escape(trait_summary(scores, profiles, labels))}</p>")),
            images["radar"],
            W.HTML(readable(f"<p>{html.escape(radar_summary(scores, profiles, labels))}</p>")),
            self.fit,
        )


def results_widget(scores: Mapping[str, float], expl: FitExplanation, heading: str = "Results") -> Any:
    """A stand-alone results panel (e.g. for the worked example)."""
    panel = ResultsPanel()
    panel.show(scores, expl, heading)
    return panel


def action_button(text: str, icon: str, css: str, style: str = "") -> W.Button:
    """A button that shows its whole label, with the stable CSS class ``careerlab-assessment-<css>``."""
    button = W.Button(description=text, icon=icon, button_style=style, tooltip=text, layout=W.Layout(width="auto"))
    button.add_class(f"careerlab-assessment-{css}")
    return button


class ExportRow(W.HBox):
    """The name box, "Export my results" and (on a class hub, never the kiosk) "Hand in"; what they
    did shows in ``message``, which the page puts right under this row, where the learner looks."""

    def __init__(self, store: Any, results: ResultsPanel, guard: Callable, fresh: bool = False) -> None:
        super().__init__()
        self.store, self.results, self.fresh = store, results, fresh
        self.message = StatusMessage("careerlab-assessment-export-message")  # read out when it changes
        # The lesson: the name saved in lesson 00's panel (the same record key); the kiosk: empty.
        self.name = W.Text(description="Your name",
                           placeholder="for the file you hand in (optional)" if fresh else NAME_PLACEHOLDER,
                           value="" if fresh else store.read(LEARNER, NAME, str, ""),
                           style={"description_width": "initial"}, layout=W.Layout(width=NAME_BOX_WIDTH))
        self.name.add_class("careerlab-assessment-name")
        self.export_button = action_button("Export my results", "download", "export")
        self.handin_button = action_button("Hand in", "paper-plane", "handin") if not fresh and on_class_hub() else None
        safe = guard(self.message)  # errors show as a message, never a traceback
        self.export_button.on_click(safe(lambda _: self.export()))
        if self.handin_button is not None:
            self.handin_button.on_click(safe(lambda _: self.hand_in()))
        self.children = (self.name, self.export_button, *filter(None, [self.handin_button]))

    def export(self) -> list:
        """Write the results file to hand in and the charts as PNG; say where they are."""
        if not self.results.pngs:
            self.message.value = message_html(nothing_yet("export"), "warn")
            return []
        name = self.name.value.strip()
        if name or self.fresh:  # on a shared computer an empty box must not reuse someone else's name
            self.store.record(LEARNER, NAME, name)
        else:  # the name saved since (lesson 00's panel), which the file carries, shows in the box
            self.name.value = self.store.read(LEARNER, NAME, str, "")
        if not self.fresh:  # the lesson: a copy in my-results beside the notebook, and the downloads
            return self._export_to_my_results()
        # The kiosk: a name no other export shares, in this visit's folder, gone when the visit ends;
        # a browser download, since the visitor cannot reach the server's folders.
        path = unique_results_path(Path(self.store.path).parent / "exports", name)
        paths = export_results(self.store, self.results.pngs, path=path)
        self.message.value = (message_html(READY + " " + NOTHING_KEPT, "ok", title="Exported")
                              + downloads_html([(p.name, p.read_bytes()) for p in paths]))
        return paths

    def _export_to_my_results(self) -> list[Path]:
        exported = self.store.export_copy()
        written = [exported.saved] if exported.saved else []
        if exported.saved is not None:
            for chart, path in chart_paths(exported.saved, list(self.results.pngs)).items():
                try:
                    atomic_write(path, self.results.pngs[chart])
                except OSError:
                    continue  # the charts are optional pictures; their download links are below
                written.append(path)
        stem = Path(exported.name).stem
        charts = "".join(
            f"<li>{download_link(f'{stem}-{chart}.png', png, f'Chart picture ({chart})', 'careerlab-download-chart')}"
            "</li>" for chart, png in self.results.pngs.items())
        self.message.value = (export_html(exported, "Hand in that one file; your two charts are optional "
                                          "pictures to keep.", named=has_name(self.store))
                              + f'<ul class="careerlab-downloads" style="margin:2px 0 6px 18px;padding:0">{charts}</ul>')
        return written

    def hand_in(self) -> bool:
        """Send these results to the course (class hub only); the receipt shows under the buttons."""
        from careerlab.handin.button import hand_in_html

        if not self.results.pngs:
            self.message.value = message_html(nothing_yet("hand in"), "warn")
            return False
        if self.name.value.strip():
            self.store.record(LEARNER, NAME, self.name.value.strip())
        done, self.message.value = hand_in_html(self.store)
        return done
