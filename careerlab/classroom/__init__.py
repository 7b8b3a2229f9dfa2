"""The instructor dashboard (lesson 07): load a folder of results files (or, on a class hub, the
course's hand-ins: ``hub_dashboard``), summarise the class.

Light to import: pandas, matplotlib and ipywidgets load on first use of a name.
"""
from __future__ import annotations

from careerlab._lazy import lazy_getattr

_WHERE = {
    "load_class_results": "load", "LoadProblem": "load", "question_prompts": "load",
    "parse_results": "records", "ResultsFileError": "records", "TRAITS": "records",
    "trait_summary": "summary", "role_fit_split": "summary", "quiz_summary": "summary",
    "most_missed": "summary", "hide_names": "summary", "class_table": "summary",
    "leaning": "summary", "results_preview": "summary", "describe_traits": "summary", "describe_split": "summary",
    "describe_quizzes": "summary", "describe_missed": "summary",
    "export_class_summary": "export",
    "column_label": "views", "results_table": "views", "missed_table": "views", "short_prompt": "views",
    "trait_chart": "charts", "role_fit_chart": "charts", "quiz_chart": "charts",
    "missed_chart": "charts", "dashboard_figure": "charts",
    "class_dashboard": "widgets", "ClassDashboard": "widgets", "show_problems": "widgets",
    "hub_dashboard": "hub", "HubDashboard": "hub", "load_handins": "hub",
    "load_class_documents": "load",
}
__all__ = sorted(_WHERE)


__getattr__ = lazy_getattr(__name__, _WHERE)


def __dir__() -> list[str]:
    return __all__
