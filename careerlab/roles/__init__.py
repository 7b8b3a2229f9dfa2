"""Lesson 01, the two roles: revenue-cycle stages, who each role works with, and one synthetic visit.

Light to import: the tables and widgets (pandas, ipywidgets) load on first use; lesson 01 draws no matplotlib chart.
"""
from __future__ import annotations

from careerlab._lazy import lazy_getattr
from careerlab.roles.coding import check_codes, descriptions
from careerlab.roles.data import RolesDataError, load_contacts, load_exercise, load_stages, load_visit
from careerlab.roles.exercise import grade
from careerlab.roles.model import LANES, OWNERS, ROLE_LABELS, Contact, Exercise, Result, Stage, Task
from careerlab.roles.text import contacts_summary, revenue_cycle_summary
from careerlab.roles.visit import claim_rows, diagnosis_rows, note_markdown, price_visit, remittance_rows, visit_claim

_LAZY = {
    **dict.fromkeys(["claim_table", "codes_table", "contacts_html", "contacts_table", "diagnosis_table",
                     "remittance_advice_table", "revenue_cycle_html", "stages_table"], "careerlab.roles.tables"),
    "who_does_it": "careerlab.roles.widgets",
}

__all__ = sorted([
    "Contact", "Exercise", "LANES", "OWNERS", "ROLE_LABELS", "Result", "RolesDataError", "Stage", "Task",
    "check_codes", "claim_rows", "contacts_summary", "descriptions", "diagnosis_rows", "grade", "load_contacts",
    "load_exercise", "load_stages", "load_visit", "note_markdown", "price_visit", "remittance_rows",
    "revenue_cycle_summary", "visit_claim", *_LAZY,
])

__getattr__ = lazy_getattr(__name__, _LAZY)


def __dir__() -> list[str]:
    return __all__
