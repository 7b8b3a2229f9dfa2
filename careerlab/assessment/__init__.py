"""The self-assessment: traits, items and role profiles (data), scoring and fit (pure logic),
charts and the widget (loaded only when used, so ``import careerlab.assessment`` stays light)."""
from __future__ import annotations

from careerlab._lazy import lazy_getattr

from careerlab.assessment.data import (
    AssessmentDataError, load_example_responses, load_items, load_next_steps, load_profile_details,
    load_role_profiles, load_traits, trait_labels)
from careerlab.assessment.model import ROLES, SCALE, TRAIT_IDS, Item, Trait
from careerlab.assessment.report import fit_headline, pull_lines, radar_summary, trait_summary
from careerlab.assessment.scoring import (
    FitExplanation, ResponseError, TraitPull, check_responses, explain_fit, role_fit, score)

_LAZY = {
    "trait_bar_chart": "careerlab.assessment.charts",
    "radar_chart": "careerlab.assessment.charts",
    "show_assessment": "careerlab.assessment.widgets",
    "AssessmentWidget": "careerlab.assessment.widgets",
    "results_widget": "careerlab.assessment.results",
    "summary_lines": "careerlab.assessment.results",
    "show_traits": "careerlab.assessment.display",
    "show_profiles": "careerlab.assessment.display",
    "show_app_footer": "careerlab.assessment.display",
}

__all__ = [
    "AssessmentDataError", "FitExplanation", "Item", "ROLES", "ResponseError", "SCALE", "TRAIT_IDS",
    "Trait", "TraitPull", "check_responses", "explain_fit", "fit_headline", "load_example_responses",
    "load_items", "load_next_steps", "load_profile_details", "load_role_profiles", "load_traits",
    "pull_lines", "radar_summary", "role_fit", "score", "trait_labels", "trait_summary", *_LAZY,
]


__getattr__ = lazy_getattr(__name__, _LAZY)
