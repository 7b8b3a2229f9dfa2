"""The coder's toolkit for lesson 02: ICD-10-CM look-ups, code sets, E/M levels, exercises.

Light to import: the ICD-10-CM index loads on first use (from a disk cache), pandas only inside
``search_icd10cm``, and widgets and charts only when one of them is asked for.
CPT® is a registered trademark of the American Medical Association.
"""
from __future__ import annotations

from careerlab._lazy import lazy_getattr

from careerlab.codes.codesets import CODE_SETS, WHO_MAINTAINS, code_set_of
from careerlab.codes.em import MDM_LEVELS, em_code_by_mdm, em_code_by_time, em_level_by_mdm, time_thresholds
from careerlab.codes.data import CodesDataError, VisitNoteError, cpt_table, em_table, hcpcs_table, load_notes
from careerlab.codes.exercises import GradeResult, explain, grade_note
from careerlab.codes.model import CPT_NOTICE, VisitNote
from careerlab.codes.explore import (code_family, describe, hits_by_chapter, is_billable, release_label,
                                     search_icd10cm, search_table)
from careerlab.codes.normalize import normalize_icd10cm

_LAZY = {
    "lookup_widget": "careerlab.codes.widgets", "search_widget": "careerlab.codes.widgets",
    "em_time_widget": "careerlab.codes.widgets", "em_mdm_widget": "careerlab.codes.widgets",
    "exercise_widget": "careerlab.codes.exercise_widgets", "code_set_drill": "careerlab.codes.exercise_widgets",
    "search_hits_chart": "careerlab.codes.charts", "search_hits_summary": "careerlab.codes.charts",
    "code_family_chart": "careerlab.codes.charts", "code_family_summary": "careerlab.codes.charts",
    "excludes1": "careerlab.codes.notes", "seven_character_options": "careerlab.codes.notes",
    "excludes1_table": "careerlab.codes.notes", "seven_character_table": "careerlab.codes.notes",
}

__all__ = sorted([
    "CODE_SETS", "CPT_NOTICE", "CodesDataError", "GradeResult", "MDM_LEVELS", "VisitNote", "WHO_MAINTAINS", "code_family",
    "code_set_of", "cpt_table", "describe", "em_code_by_mdm", "em_code_by_time", "em_level_by_mdm", "em_table",
    "explain", "grade_note", "hcpcs_table", "hits_by_chapter", "is_billable", "load_notes", "normalize_icd10cm",
    "release_label", "search_icd10cm", "search_table", "time_thresholds", "VisitNoteError", *_LAZY,
])


__getattr__ = lazy_getattr(__name__, _LAZY)  # widgets, charts and notes load on first use
