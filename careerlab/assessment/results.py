"""The results panel of the self-assessment: charts as images, the fit and what to do next."""
from __future__ import annotations

import html
import io
import re
from collections.abc import Mapping
from typing import Any

import ipywidgets as W
from matplotlib.figure import Figure

from careerlab.assessment.charts import radar_chart, trait_bar_chart
from careerlab.assessment.data import load_next_steps, load_role_profiles, trait_labels, validated_tool
from careerlab.assessment.report import fit_headline, pull_lines, radar_summary, trait_summary
from careerlab.assessment.scoring import FitExplanation
from careerlab.ui import readable

CHART_NAMES = ("trait-scores", "radar")


def render_charts(scores: Mapping[str, float]) -> dict[str, Figure]:
    """Draw both charts on fresh Figures (no pyplot, so nothing depends on the backend)."""
    bars = Figure(figsize=(9, 5.5), layout="constrained")
    trait_bar_chart(scores, ax=bars.add_subplot())
    radar = Figure(figsize=(7, 7), layout="constrained")
    radar_chart(scores, ax=radar.add_subplot(projection="polar"))
    return {"trait-scores": bars, "radar": radar}


def figure_png(fig: Figure, dpi: int = 100) -> bytes:
    """The figure as PNG bytes."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


def _list(lines: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in lines) + "</ul>"


def _cited(text: str) -> str:
    """Escape ``text`` and turn the web addresses in it into links that open in a new tab."""
    parts = re.split(r"(https?://\S+?)(?=[\s,;)]|$)", text)
    return "".join(
        f"<a href='{html.escape(p)}' target='_blank' rel='noopener'>{html.escape(p)}</a>" if i % 2 else html.escape(p)
        for i, p in enumerate(parts))


def fit_html(expl: FitExplanation) -> str:
    """The fit for each role, the traits that pulled each way, and what to study next, as HTML."""
    labels = trait_labels()
    pulls = pull_lines(expl, labels)
    steps = load_next_steps()["close" if expl.close else expl.leaning or "close"]
    tool = validated_tool()
    parts = ["<h3>Your fit for each role</h3>",
             f"<p class='careerlab-assessment-headline'>{html.escape(fit_headline(expl))}</p>"]
    for role, words in (("coder", "coding"), ("biller", "billing")):
        if pulls[role]:
            parts.append(f"<p><b>Traits that pulled toward {words}:</b></p>{_list(pulls[role])}")
    parts.append(f"<p><b>What to study next</b> ({html.escape(steps.heading.lower())}):</p>"
                 f"{_list(list(steps.study))}")
    certs = "".join(f"<li>{html.escape(f'{c.name}, awarded by {c.body} ({c.focus}).')} "
                    f"<small>Source: {_cited(c.source)}</small></li>" for c in steps.certifications)
    parts.append("<p><b>Certifications to look at</b> (check the awarding body for current exam details):</p>"
                 f"<ul>{certs}</ul>")
    parts.append(
        "<p><i>This is a reflection tool written for this course, not a validated psychological test. "
        f"For a validated interest inventory, try the {html.escape(tool['name'])} on "
        f"<a href='{html.escape(tool['url'])}' target='_blank' rel='noopener'>{html.escape(tool['site'])}</a>, "
        f"from the {html.escape(tool['by'])}.</i></p>")
    return "".join(parts)


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
        images = {name: W.Image(value=png, format="png", layout=W.Layout(max_width="760px", width="100%"))
                  for name, png in self.pngs.items()}
        for name, img in images.items():
            img.add_class(f"careerlab-assessment-chart-{name}")
        self.fit.value = readable(fit_html(expl))
        self.children = (
            W.HTML(f"<h2>{html.escape(heading)}</h2>"),
            images["trait-scores"],
            W.HTML(readable(f"<p>{html.escape(trait_summary(scores, profiles, labels))}</p>")),
            images["radar"],
            W.HTML(readable(f"<p>{html.escape(radar_summary(scores, profiles, labels))}</p>")),
            self.fit,
        )


def summary_lines(scores: Mapping[str, float], expl: FitExplanation, who: str = "You") -> list[str]:
    """Plain text of the results (for printing in a notebook); ``who`` names the person."""
    labels = trait_labels()
    lines = [fit_headline(expl, who)]
    for role, lines_for_role in pull_lines(expl, labels).items():
        lines += [f"  toward {role}: {line}" for line in lines_for_role]
    return lines


def results_widget(scores: Mapping[str, float], expl: FitExplanation, heading: str = "Results") -> Any:
    """A stand-alone results panel (e.g. for the worked example)."""
    panel = ResultsPanel()
    panel.show(scores, expl, heading)
    return panel
