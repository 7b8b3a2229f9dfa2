"""The instructor dashboard (lesson 07): load a folder of results files (or, on a class hub, the
course's hand-ins: ``hub_dashboard``), summarise the class (``class_charts``: its four charts as tabs, each drawn when first opened);
``live_answers`` shows the class's answers to one question, counted only for learners who opted in.

Light to import: everything that needs pandas, matplotlib or ipywidgets loads on first use of a
name (``_LAZY``).
"""
from __future__ import annotations

from careerlab._lazy import lazy_getattr

from careerlab.classroom.results_file import TRAITS, ResultsFileError, parse_results

_LAZY = {
    "load_class_results": "careerlab.classroom.load",
    "load_class_documents": "careerlab.classroom.load",
    "LoadProblem": "careerlab.classroom.load",
    "question_prompts": "careerlab.classroom.load",
    "trait_summary": "careerlab.classroom.summary",
    "role_fit_split": "careerlab.classroom.summary",
    "quiz_summary": "careerlab.classroom.summary",
    "most_missed": "careerlab.classroom.summary",
    "hide_names": "careerlab.classroom.summary",
    "class_table": "careerlab.classroom.summary",
    "leaning": "careerlab.classroom.summary",
    "describe_loaded": "careerlab.classroom.text",
    "saved_summary_text": "careerlab.classroom.text",
    "describe_traits": "careerlab.classroom.text",
    "describe_split": "careerlab.classroom.text",
    "describe_quizzes": "careerlab.classroom.text",
    "describe_missed": "careerlab.classroom.text",
    "column_label": "careerlab.classroom.text",
    "short_prompt": "careerlab.classroom.text",
    "results_preview": "careerlab.classroom.tables",
    "results_table": "careerlab.classroom.tables",
    "missed_table": "careerlab.classroom.tables",
    "export_class_summary": "careerlab.classroom.export",
    "trait_chart": "careerlab.classroom.charts",
    "role_fit_chart": "careerlab.classroom.charts",
    "quiz_chart": "careerlab.classroom.charts",
    "missed_chart": "careerlab.classroom.charts",
    "dashboard_figure": "careerlab.classroom.charts",
    "class_charts": "careerlab.classroom.chart_widgets",
    "ClassCharts": "careerlab.classroom.chart_widgets",
    "class_dashboard": "careerlab.classroom.widgets",
    "ClassDashboard": "careerlab.classroom.widgets",
    "show_problems": "careerlab.classroom.widgets",
    "hub_dashboard": "careerlab.classroom.hub_widgets",
    "HubDashboard": "careerlab.classroom.hub_widgets",
    "load_handins": "careerlab.classroom.hub",
    "MIN_ANSWERS": "careerlab.classroom.live",
    "count_answers": "careerlab.classroom.live",
    "shared_records": "careerlab.classroom.live",
    "describe_live": "careerlab.classroom.text",
    "live_chart": "careerlab.classroom.charts",
    "live_table": "careerlab.classroom.tables",
    "live_answers": "careerlab.classroom.live_widgets",
    "LiveAnswers": "careerlab.classroom.live_widgets",
}

__all__ = sorted(["ResultsFileError", "TRAITS", "parse_results", *_LAZY])

__getattr__ = lazy_getattr(__name__, _LAZY)


def __dir__() -> list[str]:
    return __all__
