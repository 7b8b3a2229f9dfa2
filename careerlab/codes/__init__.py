"""The coder's toolkit for lesson 02 (The medical coder): ICD-10-CM look-ups, code sets, E/M levels,
exercises.

Light to import: the ICD-10-CM index loads on first use (from a disk cache), pandas only inside
``search_icd10cm`` and the tables, and widgets and charts only when one of them is asked for.
CPT® is a registered trademark of the American Medical Association.
"""
from __future__ import annotations

from careerlab._lazy import lazy_getattr
from careerlab.codes.cases import case_by_id, practice_cases
from careerlab.codes.codesets import CODE_SETS, WHO_MAINTAINS, code_set_of
from careerlab.codes.data import (CodesDataError, PracticeChartError, VisitNoteError, cpt_table, em_table, hcpcs_table,
                                  load_notes)
from careerlab.codes.em import MDM_LEVELS, em_code_by_mdm, em_code_by_time, em_level_by_mdm, time_thresholds
from careerlab.codes.exercises import GradeResult, explain, grade_note
from careerlab.codes.grading import grade_case, rationale
from careerlab.codes.explore import (code_family, describe, hits_by_chapter, is_billable, release_label,
                                     search_icd10cm)
from careerlab.codes.model import CPT_NOTICE, KeyCode, PracticeCase, VisitNote
from careerlab.codes.modifiers import NCCI_SOURCE, mue_check, ptp_check
from careerlab.codes.shift import Shift, draw_shift
from careerlab.codes.normalize import normalize_icd10cm
from careerlab.codes.notes import excludes1, seven_character_options
from careerlab.codes.text import code_family_summary, search_hits_summary, shift_summary_text

_LAZY = {
    "excludes1_table": "careerlab.codes.tables", "search_table": "careerlab.codes.tables",
    "seven_character_table": "careerlab.codes.tables", "modifier_table": "careerlab.codes.tables",
    "guidelines_table": "careerlab.codes.tables",
    "ptp_table": "careerlab.codes.tables", "mue_table": "careerlab.codes.tables",
    "search_hits_chart": "careerlab.codes.charts", "code_family_html": "careerlab.codes.tables",
    "search_hits_chart_widget": "careerlab.codes.chart_widgets",
    "lookup_widget": "careerlab.codes.widgets", "search_widget": "careerlab.codes.widgets",
    "em_time_widget": "careerlab.codes.widgets", "em_mdm_widget": "careerlab.codes.widgets",
    "exercise_widget": "careerlab.codes.exercise_widgets", "code_set_drill": "careerlab.codes.exercise_widgets",
    "shift_widget": "careerlab.codes.shift_widgets", "modifier_drill": "careerlab.codes.exercise_widgets",
}

__all__ = sorted([
    "CODE_SETS", "CPT_NOTICE", "CodesDataError", "GradeResult", "KeyCode", "MDM_LEVELS", "NCCI_SOURCE",
    "PracticeCase", "PracticeChartError", "Shift", "VisitNote", "VisitNoteError", "WHO_MAINTAINS", "case_by_id",
    "code_family", "code_family_summary", "code_set_of", "cpt_table", "describe", "draw_shift",
    "em_code_by_mdm", "em_code_by_time", "em_level_by_mdm", "em_table", "excludes1", "explain", "grade_case",
    "grade_note", "hcpcs_table", "hits_by_chapter", "is_billable", "load_notes", "mue_check",
    "normalize_icd10cm", "practice_cases", "ptp_check", "rationale", "release_label", "search_hits_summary",
    "search_icd10cm", "seven_character_options", "shift_summary_text", "time_thresholds", *_LAZY,
])

__getattr__ = lazy_getattr(__name__, _LAZY)  # tables, charts and widgets load on first use


def __dir__() -> list[str]:
    return __all__
