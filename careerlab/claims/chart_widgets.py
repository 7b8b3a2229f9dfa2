"""Lesson 03's remittance chart, drawn when the learner presses **Draw the chart**; the sentence that
says what it shows (``remittance_summary``) is there at once."""
from __future__ import annotations

from careerlab.chart_widgets import ChartOnDemand

from .text import remittance_summary


def remittance_chart_widget(remit: "pandas.DataFrame") -> ChartOnDemand:
    """Where each billed dollar of ``remit`` went: the sentence now, the chart on a button press."""
    from .charts import remittance_chart

    return ChartOnDemand(lambda ax: remittance_chart(remit, ax=ax), remittance_summary(remit),
                         (8, max(3.0, 1.2 + 0.7 * len(remit))), "where each billed dollar went",
                         "careerlab-remittance-chart")
