"""A lesson chart drawn when the learner asks for it: the sentence that says what it shows is there
at once, the chart itself comes on **Draw the chart**. Drawing is most of a lesson's Run All (the
first chart in a kernel also loads matplotlib and its fonts), and a learner who reads the sentence
first loses nothing. Shared by the areas' ``chart_widgets`` modules (lessons 02, 03 and 05).
"""
from __future__ import annotations

import html
from typing import Any, Callable

import ipywidgets as widgets
from ipywidgets.widgets.widget_string import HTMLStyle

from careerlab.ui import chart_alt, chart_html, no_maths, readable, safe_callback

DPI = 100  # pixels per inch of the figure: 800 px for an 8-inch chart, shrunk to fit a narrow notebook
BUTTON = "Draw the chart"


class ChartOnDemand(widgets.VBox):
    """A **Draw the chart** button, the chart (empty until pressed, then kept) and the sentence under it."""

    def __init__(self, draw: Callable[[Any], Any], sentence: str, size: tuple[float, float],
                 what: str, css: str = "", projection: str | None = None) -> None:
        self.draw, self.size, self.what, self.projection = draw, size, what, projection
        self.png: bytes | None = None
        self.alt = ""
        self.button = widgets.Button(description=BUTTON, icon="bar-chart", tooltip=f"Draw the chart: {what}",
                                     layout=widgets.Layout(width="220px"))
        plain, text = widgets.Layout(), HTMLStyle()  # shared by the two texts: each model costs Run All time
        self.chart = widgets.HTML(layout=plain, style=text)
        self.sentence = widgets.HTML(no_maths(readable(
            f"<p style='margin:4px 0'>{html.escape(sentence)}</p>", "careerlab-say")), layout=plain, style=text)
        self.button.on_click(safe_callback(self.chart)(lambda _b: self.show()))
        super().__init__([self.button, self.chart, self.sentence])
        if css:
            self.add_class(css)

    def show(self) -> None:
        """Draw the chart the first time (on a figure of its own: no pyplot, nothing shown twice),
        then show the same picture again."""
        if self.png is None:
            from matplotlib.figure import Figure

            from careerlab.charting import figure_png

            fig = Figure(figsize=self.size, layout="constrained")
            self.draw(fig.add_subplot(projection=self.projection))  # "polar" for a radar chart
            self.png, self.alt = figure_png(fig, DPI), chart_alt(fig)
        self.chart.value = chart_html(self.png, self.alt, int(self.size[0] * DPI))
