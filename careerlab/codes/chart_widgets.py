"""Lesson 02's search chart, drawn when the learner presses **Draw the chart**; the sentence that says
what it shows (``search_hits_summary``) is there at once."""
from __future__ import annotations

from careerlab.chart_widgets import ChartOnDemand

from .text import search_hits_summary


def search_hits_chart_widget(text: str) -> ChartOnDemand:
    """Where the billable codes matching ``text`` land across chapters: the sentence now, the chart on a press."""
    from .charts import search_hits_chart

    return ChartOnDemand(lambda ax: search_hits_chart(text, ax=ax), search_hits_summary(text), (9, 4.5),
                         f"where “{text}” lands across ICD-10-CM chapters", "careerlab-search-chart")
