"""Lesson 07's four class charts as tabs: the first is drawn at once, each other one the first
time its tab is opened (drawing a chart is most of a lesson's Run All), then kept."""
from __future__ import annotations

import html
from typing import Any, Callable

import ipywidgets as widgets
from ipywidgets.widgets.widget_string import HTMLStyle

from careerlab.charting import figure_png
from careerlab.errors import CareerlabError
from careerlab.ui import chart_alt, chart_html, readable, safe_callback

from .charts import missed_chart, quiz_chart, role_fit_chart, trait_chart
from .text import describe_missed, describe_quizzes, describe_split, describe_traits

TITLES = ("Traits", "Role fit", "Quiz scores", "Most missed")
SIZES = ((8, 4.5), (7, 4), (8, 4), (8, 4.5))  # inches, as the lesson drew them one cell each
DPI = 100  # 800 pixels wide: readable on a projector, shrunk to fit a narrow notebook
# The first tab is drawn at Run All: fixed margins (its labels and legend never change) spare it the
# constrained layout's time. The others fit their labels (question texts, lesson ids) when opened.
FIRST_MARGINS = {"left": 0.23, "right": 0.92, "bottom": 0.19, "top": 0.935}  # right: the column of means
# How to read each chart (the words the lesson's markdown held under each chart).
READING = (
    "The self-assessment (lesson 05) scores seven traits from 0 to 100. Each blue dot is one "
    "learner; the orange diamond is the class mean, and the Mean column at the right gives it as "
    "a number. A wide spread of dots is normal: a class holds people with different strengths.",
    "Each learner has two role-fit scores, one for coding and one for billing. The dashboard "
    "counts a learner as <b>leaning</b> to a role when that score is at least 5 points higher; a "
    "smaller gap counts as <b>about equal</b>. A self-assessment suggests; it does not decide "
    "anyone's career. Learners who are about equal are good candidates to try both kinds of task "
    "(lesson 04 puts them side by side).",
    "Each bar is the mean score of the learners who did that lesson's knowledge check; <i>n</i> is "
    "how many did. A lesson with a small <i>n</i> may simply not have been reached yet. A lesson "
    "nobody has answered has no bar; the sentence under the chart names every such lesson. In the "
    "sample class, lessons 06 and 07 have no bar: its invented learners only took the knowledge "
    "checks of lessons 00–05. In a real class, learners may simply not have reached the last "
    "lessons yet.",
    "This is often the most useful view for teaching: which questions should you go over "
    "together? Each bar is the share of learners who answered that question wrongly; the words at "
    "its end count them (for example \"21 of 31 wrong\": 21 of the 31 learners who answered it "
    "got it wrong). Each question's name starts with the lesson number, then the start of the "
    "question; the table under these tabs gives the questions in full.",
)
NOT_RESULTS = ("class_charts needs the class's results table: run results, problems = "
               "load_class_results(folder) first, then class_charts(results, prompts).")
_TEXT = "careerlab-classroom-text mathjax_ignore tex2jax_ignore"  # learners' ids are text, not maths
# The tab labels at 13 px (ipywidgets' widget font) were hard to read on a projector: the tabs take
# the lesson text's size and more, through ipywidgets' own variables, set on these tabs alone (a
# <style> in every page, like the quiz's; a hidden page's <style> still applies).
TAB_CSS = ("<style>.careerlab-class-charts {--jp-widgets-font-size: 16px; "
           "--jp-widgets-horizontal-tab-height: 32px; --jp-widgets-horizontal-tab-width: 160px}</style>")


def _traits(df: Any, prompts: dict[str, str], ax: Any) -> str:
    trait_chart(df, ax=ax)
    return describe_traits(df)


def _role_fit(df: Any, prompts: dict[str, str], ax: Any) -> str:
    role_fit_chart(df, ax=ax)
    return describe_split(df)


def _quizzes(df: Any, prompts: dict[str, str], ax: Any) -> str:
    quiz_chart(df, ax=ax)
    return describe_quizzes(df, lessons=sorted({key.split("/")[0] for key in prompts}))


def _missed(df: Any, prompts: dict[str, str], ax: Any) -> str:
    missed_chart(df, ax=ax, prompts=prompts)
    return describe_missed(df, prompts=prompts)


# Each draws its chart on ``ax`` and returns the sentence that says what it shows.
DRAWERS: tuple[Callable[[Any, dict[str, str], Any], str], ...] = (_traits, _role_fit, _quizzes, _missed)


def page_html(png: bytes, alt: str, sentence: str, reading: str, width: int) -> str:
    """One tab: the chart (an <img> with alt text), the sentence saying what it shows, how to read it."""
    return TAB_CSS + readable(f"{chart_html(png, alt, width)}<p style='margin:6px 0'>{html.escape(sentence)}</p>"
                    f"<p style='margin:6px 0'><b>How to read it:</b> {reading}</p>", _TEXT)


class ClassCharts(widgets.Tab):
    """Four tabs (Traits, Role fit, Quiz scores, Most missed), each chart drawn when first opened."""

    def __init__(self, results: Any, prompts: dict[str, str] | None = None) -> None:
        # One layout and one style for the four pages: every widget model costs Run All time.
        layout, style = widgets.Layout(), HTMLStyle()
        self.pages = [widgets.HTML(TAB_CSS + readable(f"<p>Drawing the {title.lower()} chart…</p>"),
                                   layout=layout, style=style) for title in TITLES]
        super().__init__(self.pages)
        self.titles = TITLES
        self.add_class("careerlab-class-charts")
        if prompts is None:
            from .load import question_prompts

            prompts = question_prompts()
        self.results, self.prompts = results, prompts
        self.pngs: dict[int, bytes] = {}  # the tabs drawn so far, kept
        self.observe(self._opened, names="selected_index")
        self._show(0)

    def _opened(self, change: dict[str, Any]) -> None:
        if change["new"] is not None:
            self._show(change["new"])

    def _show(self, index: int) -> None:
        """Draw tab ``index`` unless it is drawn already; a failure shows as a message in that tab."""
        if index not in self.pngs:
            safe_callback(self.pages[index])(self._draw)(index)

    def _draw(self, index: int) -> None:
        from matplotlib.figure import Figure  # no pyplot: nothing to close, nothing shown twice

        if not hasattr(self.results, "columns"):
            raise CareerlabError(NOT_RESULTS)
        fig = Figure(figsize=SIZES[index], layout=None if index == 0 else "constrained")
        if index == 0:
            fig.subplots_adjust(**FIRST_MARGINS)
        sentence = DRAWERS[index](self.results, self.prompts, fig.add_subplot())
        png = figure_png(fig, DPI, fast=True)
        self.pages[index].value = page_html(png, chart_alt(fig), sentence, READING[index],
                                            int(SIZES[index][0] * DPI))
        self.pngs[index] = png


def class_charts(results: Any, prompts: dict[str, str] | None = None) -> ClassCharts:
    """The class's four charts as tabs (``results`` from ``load_class_results``; ``prompts`` from
    ``question_prompts``, read when not given)."""
    return ClassCharts(results, prompts)
