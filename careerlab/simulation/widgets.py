"""Widgets for lesson 06: a KPI table beside typical targets, and the slider explorer (its charts drawn
when the learner asks for them, then redrawn with every slider move; the Hand in row under it)."""
from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from careerlab.handin.widgets import hand_in_row
from careerlab.progress import default_store
from careerlab.ui import chart_html, safe_callback

from .charts import money_chart, revenue_chart, update_money_chart, update_revenue_chart
from .data import load_kpi_benchmarks
from .kpis import compare_collections, dollars, revenue_kpis
from .model import SimParams
from .simulate import simulate_claims
from .tables import kpi_table_html
from .text import describe_money

DEFAULT_CLAIMS = 20_000  # one synthetic year; a round teaching number, not a measured figure
DEFAULT_SEED = 6
CHART_ALT = ("Chart: cash collected each month and the money lost to denials and under-coding, for these "
             "settings. The text above the chart says what it shows.")


def show_kpis(df: Any) -> widgets.HTML:
    """The KPI table for a simulated year, ready to display in a notebook."""
    return widgets.HTML(kpi_table_html(revenue_kpis(df), load_kpi_benchmarks()))


class RevenueExplorer(widgets.VBox):
    """Four sliders (coding accuracy, scrubber strength, follow-up speed, days to send a claim) that redraw the KPI
    table, a sentence about the money and, once "Draw the charts" is pressed, one figure through one
    ``Output``; the Hand in row under it."""

    def __init__(self, n: int = DEFAULT_CLAIMS, seed: int = DEFAULT_SEED, store: Any = None) -> None:
        self.n, self.seed = int(n), int(seed)
        self.benchmarks = load_kpi_benchmarks()
        d = SimParams()
        style = {"description_width": "230px"}
        layout = widgets.Layout(width="560px")
        # A whole-number percent, read out like the other two sliders ("92", not "92.0"); the
        # value stays a percent of claims coded correctly.
        self.accuracy = widgets.FloatSlider(
            value=round(100 * (1 - d.coding_error_rate)), min=80, max=100, step=1,
            description="Coding accuracy (% of claims)", continuous_update=False,
            style=style, layout=layout, readout_format=".0f")
        self.scrubber = widgets.IntSlider(
            value=int(100 * d.scrubber_strength), min=0, max=100, step=5,
            description="Scrubber catches (% of errors)", continuous_update=False,
            style=style, layout=layout)
        self.followup = widgets.IntSlider(
            value=int(d.followup_days), min=1, max=60, step=1,
            description="Follow-up on denials (avg days)", continuous_update=False,
            style=style, layout=layout)
        # Days from the visit to sending the claim (coding backlog, charge entry): with the payer's own
        # days it sets most of the days in A/R, so it is the slider that can push A/R past its target.
        self.send_lag = widgets.IntSlider(
            value=int(d.submit_lag_days), min=1, max=30, step=1,
            description="Claim sent (avg days after visit)", continuous_update=False,
            style=style, layout=layout)
        self.kpi_html = widgets.HTML()
        self.summary = widgets.HTML()
        self.message = widgets.HTML()
        self.out = widgets.Output()
        # The charts are drawn when asked for (drawing them was most of the cell's cost at Run All);
        # once drawn, every slider move redraws them.
        self.chart_button = widgets.Button(description="Draw the charts", icon="bar-chart",
                                           tooltip="Draw the cash collected each month and the money lost, "
                                                   "for these settings", layout=widgets.Layout(width="220px"))
        self.fig: Any = None  # made by the first draw
        self.canvas: Any = None
        self._background: Any = None
        self.baseline = simulate_claims(self.n, seed=self.seed)
        self.kpis: dict[str, float] = {}
        self.df: Any = None
        self.png = b""
        self.chart = ""  # the <img> shown in self.out
        self.redraw = safe_callback(self.message)(self._redraw)
        for slider in (self.accuracy, self.scrubber, self.followup, self.send_lag):
            slider.observe(self.redraw, names="value")
        self.chart_button.on_click(safe_callback(self.message)(lambda _b: self.draw_charts()))
        self.handin = hand_in_row(store or default_store(), "your results")
        super().__init__([self.accuracy, self.scrubber, self.followup, self.send_lag, self.message,
                          self.kpi_html, self.summary, self.chart_button, self.out, self.handin])
        self.redraw()

    def settings(self) -> dict[str, float]:
        """The model settings the sliders stand for."""
        return {"coding_error_rate": round(1 - self.accuracy.value / 100, 4),
                "scrubber_strength": self.scrubber.value / 100,
                "followup_days": float(self.followup.value),
                "submit_lag_days": float(self.send_lag.value)}

    def _redraw(self, change: Any = None) -> None:
        self.df = df = simulate_claims(self.n, seed=self.seed, **self.settings())
        self.kpis = revenue_kpis(df)
        self.kpi_html.value = kpi_table_html(self.kpis, self.benchmarks, short_note=True)
        self.message.value = ""
        self._say()
        if self.fig is not None:
            self._show(df)

    def _say(self) -> None:
        """The sentence about the money; it speaks of the charts only when they are drawn."""
        extra = compare_collections(self.baseline, self.df)
        trend = "more" if extra >= 0 else "less"
        charts = (" The chart shows cash collected each month (bars: your settings; dashed line with dots: "
                  "the default practice) and the money lost to denials and under-coding (its scale stays "
                  "fixed so you can compare)." if self.fig is not None else
                  " Press Draw the charts to see the cash collected each month and the money lost.")
        self.summary.value = (
            f"<p style='font-size:14px'>{html.escape(describe_money(self.df))} Compared with the "
            f"default practice, these settings collect <b>{dollars(abs(extra))} {trend}</b> "
            f"in payments over the year.{charts}</p>")

    def draw_charts(self) -> None:
        """Draw the two charts for the current settings (from now on every slider move redraws them)."""
        if self.fig is None:
            from matplotlib.backends.backend_agg import FigureCanvasAgg
            from matplotlib.figure import Figure

            # A detached figure (pyplot never shows it) with a fixed layout: the constrained layout
            # engine would double the time of each redraw.
            self.fig = Figure(figsize=(12, 4.4), dpi=80)
            self.fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.1, 1]})
            self.fig.subplots_adjust(left=0.06, right=0.97, bottom=0.13, top=0.92, wspace=0.42)
            self.canvas = FigureCanvasAgg(self.fig)  # renders off-screen; the PNG goes to self.out
        self._say()
        self._show(self.df)

    def _show(self, df: Any) -> None:
        self.png = self._draw(df)
        self.chart = chart_html(self.png, CHART_ALT, int(self.fig.get_figwidth() * 80))
        from IPython.display import HTML, display

        self.out.clear_output(wait=True)
        with self.out:  # an <img> with alt text (an Image output has none in JupyterLab)
            display(HTML(self.chart))

    def _draw(self, df: Any) -> bytes:
        """Draw the figure for ``df`` and return it as PNG. The first call draws everything
        and keeps the still parts (axes, ticks, default practice) as a background; later calls
        paste that background and draw only the moving parts on it, several times faster."""
        left, right = self.fig.axes
        if self._background is None:
            revenue_chart(df, ax=left, baseline=self.baseline)
            money_chart(df, ax=right, baseline=self.baseline)
            worst = simulate_claims(self.n, seed=self.seed, coding_error_rate=0.2,
                                    scrubber_strength=0.0, followup_days=60.0, submit_lag_days=30.0)
            update_money_chart(right, worst)  # a scale wide enough for the worst settings
            xlim = right.get_xlim()
            update_money_chart(right, df)
            right.set_xlim(xlim)
            for artist in self._moving():
                artist.set_animated(True)
            self.canvas.draw()
            self._background = self.canvas.copy_from_bbox(self.fig.bbox)
        else:
            update_revenue_chart(left, df)
            xlim = right.get_xlim()
            update_money_chart(right, df)
            right.set_xlim(xlim)
            self.canvas.restore_region(self._background)
        for artist in self._moving():
            artist.set_animated(True)
            self.fig.draw_artist(artist)
        return _rgba_png(self.canvas)

    def _moving(self) -> list[Any]:
        """The artists a slider move changes, in drawing order (lines and legends on top)."""
        left, right = self.fig.axes
        current = right.containers[0]
        labels = [t for t in right.texts if t.xy[1] in {b.get_y() + b.get_height() / 2
                                                        for b in current}]
        return [*left.containers[0], *left.lines, left.get_legend(), *current, *labels,
                right.get_legend()]


def _rgba_png(canvas: Any) -> bytes:
    """The canvas's current pixels as PNG bytes (fast compression: the PNG is shown at once)."""
    import io

    from PIL import Image as PILImage

    buffer = io.BytesIO()
    width, height = canvas.get_width_height()
    PILImage.frombuffer("RGBA", (width, height), canvas.buffer_rgba()).save(
        buffer, format="png", compress_level=1)
    return buffer.getvalue()


def revenue_cycle_explorer(n: int = DEFAULT_CLAIMS, seed: int = DEFAULT_SEED, store: Any = None) -> RevenueExplorer:
    """Build the slider explorer for a practice with ``n`` claims a year (its charts drawn when asked)."""
    return RevenueExplorer(n=n, seed=seed, store=store)
