"""The self-assessment of lesson 05 (``05-self-assessment``) and the kiosk page (``app/``): traits,
items and role profiles (data), scoring and fit (pure logic), the sentences about them (text), and
the tables, charts and widget (loaded only when used, so ``import careerlab.assessment`` stays light)."""
from __future__ import annotations

from careerlab._lazy import lazy_getattr
from careerlab.assessment.data import (
    AssessmentDataError, ResponseError, check_responses, load_example_responses, load_items, load_next_steps,
    load_profile_details, load_role_profiles, load_traits, trait_labels)
from careerlab.assessment.model import CLOSE_MARGIN, ROLES, SCALE, TRAIT_IDS, Item, Trait
from careerlab.assessment.scoring import FitExplanation, TraitPull, explain_fit, role_fit, score
from careerlab.assessment.text import fit_headline, pull_lines, radar_summary, summary_lines, trait_summary

_LAZY = {
    "show_traits": "careerlab.assessment.tables",
    "show_profiles": "careerlab.assessment.tables",
    "show_app_footer": "careerlab.assessment.tables",
    "trait_bar_chart": "careerlab.assessment.charts",
    "radar_chart": "careerlab.assessment.charts",
    "radar_chart_widget": "careerlab.assessment.chart_widgets",
    "results_widget": "careerlab.assessment.results_widgets",
    "show_assessment": "careerlab.assessment.widgets",
    "AssessmentWidget": "careerlab.assessment.widgets",
}

__all__ = sorted([
    "AssessmentDataError", "CLOSE_MARGIN", "FitExplanation", "Item", "ROLES", "ResponseError", "SCALE",
    "TRAIT_IDS", "Trait", "TraitPull", "check_responses", "explain_fit", "fit_headline", "load_example_responses",
    "load_items", "load_next_steps", "load_profile_details", "load_role_profiles", "load_traits", "pull_lines",
    "radar_summary", "role_fit", "score", "summary_lines", "trait_labels", "trait_summary", *_LAZY,
])

__getattr__ = lazy_getattr(__name__, _LAZY)


def __dir__() -> list[str]:
    return __all__
