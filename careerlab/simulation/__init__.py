"""The revenue-cycle simulation of lesson 06 (Revenue-cycle simulation): simulate a year of claims,
measure the billing KPIs, say where the money went.

Light to import: numpy, pandas, matplotlib and ipywidgets load on first use of a name that needs them.
"""
from __future__ import annotations

from careerlab._lazy import lazy_getattr

from .data import SimulationDataError, load_assumptions, load_kpi_benchmarks
from .kpis import (compare_collections, dollars, format_kpi, meets_target, money_summary, monthly_collections,
                   revenue_kpis)
from .model import KPI_KEYS, SimParams, default_params
from .text import (describe_denials, describe_followup, describe_losses, describe_money, losses_summary,
                   revenue_summary)

_LAZY = {
    "simulate_claims": "careerlab.simulation.simulate",
    "claims_preview": "careerlab.simulation.tables", "denial_reasons": "careerlab.simulation.tables",
    "kpi_table_html": "careerlab.simulation.tables",
    "revenue_chart": "careerlab.simulation.charts", "money_chart": "careerlab.simulation.charts",
    "show_kpis": "careerlab.simulation.widgets", "revenue_cycle_explorer": "careerlab.simulation.widgets",
    "RevenueExplorer": "careerlab.simulation.widgets",
}

__all__ = sorted([
    "KPI_KEYS", "SimParams", "SimulationDataError", "compare_collections", "default_params", "describe_denials",
    "describe_followup", "describe_losses", "describe_money", "dollars", "format_kpi", "load_assumptions",
    "load_kpi_benchmarks", "losses_summary", "meets_target", "money_summary", "monthly_collections",
    "revenue_kpis", "revenue_summary", *_LAZY,
])

__getattr__ = lazy_getattr(__name__, _LAZY)  # the engine, tables, charts and widgets load on first use


def __dir__() -> list[str]:
    return __all__
