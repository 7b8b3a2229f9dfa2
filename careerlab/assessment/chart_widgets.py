"""Lesson 05's example radar chart (Robin's shape against the two role profiles), drawn when the
learner presses **Draw the chart**; the sentence that says what it shows (``radar_summary``) is there
at once. The bar chart above it, the lesson's first picture of a score, is drawn at Run All."""
from __future__ import annotations

from typing import Mapping

from careerlab.chart_widgets import ChartOnDemand

from .data import load_role_profiles, trait_labels
from .text import radar_summary


def radar_chart_widget(scores: Mapping[str, float], title: str, who: str) -> ChartOnDemand:
    """``who``'s radar chart against both role profiles: the sentence now, the chart on a press."""
    from .charts import radar_chart

    return ChartOnDemand(lambda ax: radar_chart(scores, ax=ax, title=title, who=who),
                         radar_summary(scores, load_role_profiles(), trait_labels()), (7, 7),
                         f"{who}'s shape against the coder and biller profiles", "careerlab-radar-chart", "polar")
