"""The revenue-cycle simulation (lesson 06): simulate a year of claims, measure the billing KPIs.

Light to import: numpy, pandas, matplotlib and ipywidgets load on first use of a name.
"""
from __future__ import annotations

from careerlab._lazy import lazy_getattr

_WHERE = {
    "simulate_claims": "simulate", "SimParams": "simulate", "default_params": "simulate",
    "revenue_kpis": "kpis", "money_summary": "kpis", "describe_money": "kpis",
    "compare_collections": "kpis", "describe_losses": "kpis", "dollars": "kpis",
    "format_kpi": "kpis", "KPI_KEYS": "kpis",
    "load_assumptions": "data", "load_kpi_benchmarks": "data", "SimulationDataError": "data",
    "revenue_chart": "charts", "money_chart": "charts", "monthly_collections": "charts",
    "show_kpis": "widgets", "revenue_cycle_explorer": "widgets", "RevenueExplorer": "widgets",
    "kpi_table_html": "widgets",
    "claims_preview": "tables", "denial_reasons": "tables", "describe_denials": "tables",
}
__all__ = sorted(_WHERE)


__getattr__ = lazy_getattr(__name__, _WHERE)


def __dir__() -> list[str]:
    return __all__
