"""Scoring answers into trait scores, and trait scores into a fit for each role (pure logic)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from careerlab.assessment.data import check_responses, load_items, load_role_profiles
from careerlab.assessment.model import CLOSE_MARGIN, ROLES, Item

def _items(items: Sequence[Item] | None) -> Sequence[Item]:
    return load_items() if items is None else items


def _profiles(profiles: Mapping[str, Mapping[str, float]] | None) -> Mapping[str, Mapping[str, float]]:
    return load_role_profiles() if profiles is None else profiles


def item_points(answer: int, reverse: bool) -> float:
    """One answer on the 0-100 scale: 1 -> 0, 3 -> 50, 5 -> 100 (flipped when reverse-keyed).

    >>> item_points(4, False), item_points(4, True)
    (75.0, 25.0)
    """
    keyed = 6 - int(answer) if reverse else int(answer)
    return (keyed - 1) * 25.0


def score(responses: Mapping[str, object], items: Sequence[Item] | None = None) -> dict[str, float]:
    """Trait id -> 0-100: the mean of that trait's item points.

    >>> from careerlab.assessment.model import Item
    >>> bank = [Item("a", "t", "x"), Item("b", "t", "y", reverse=True)]
    >>> score({"a": 5, "b": 2}, bank)  # (100 + 75) / 2
    {'t': 87.5}
    """
    items = _items(items)
    check_responses(responses, items)
    totals: dict[str, list[float]] = {}
    for item in items:
        totals.setdefault(item.trait, []).append(item_points(int(responses[item.id]), item.reverse))
    return {trait: sum(points) / len(points) for trait, points in totals.items()}


def role_fit(trait_scores: Mapping[str, float],
             profiles: Mapping[str, Mapping[str, float]] | None = None) -> dict[str, float]:
    """Role -> 0-100 fit: 100 minus the mean distance between the scores and the role's profile.

    >>> role_fit({"t": 80}, {"coder": {"t": 90}, "biller": {"t": 20}})
    {'coder': 90.0, 'biller': 40.0}
    """
    return explain_fit(trait_scores, profiles).fit


@dataclass(frozen=True)
class TraitPull:
    """How far one trait pulled toward coding (positive) or billing (negative), in fit points."""

    trait: str
    score: float
    coder: float
    biller: float
    pull: float

    @property
    def toward(self) -> str | None:
        """'coder', 'biller', or None when the trait pulls neither way."""
        if abs(self.pull) < 0.05:
            return None
        return "coder" if self.pull > 0 else "biller"


@dataclass(frozen=True)
class FitExplanation:
    """The fit for each role, which traits pulled which way, and whether the fits are close."""

    fit: dict[str, float]
    pulls: tuple[TraitPull, ...]
    close: bool
    leaning: str | None

    @property
    def gap(self) -> float:
        """Coder fit minus biller fit (equals the sum of the pulls)."""
        return self.fit["coder"] - self.fit["biller"]


def explain_fit(trait_scores: Mapping[str, float],
                profiles: Mapping[str, Mapping[str, float]] | None = None) -> FitExplanation:
    """Fit for each role plus each trait's pull; the pulls add up to the coder-minus-biller gap."""
    profiles = _profiles(profiles)
    missing_roles = [r for r in ROLES if r not in profiles]
    if missing_roles:
        raise ValueError("role profiles missing for: " + ", ".join(missing_roles))
    traits = list(profiles["coder"])
    bad = [t for t in traits if not isinstance(trait_scores.get(t), (int, float))
           or isinstance(trait_scores.get(t), bool) or not 0 <= trait_scores[t] <= 100]
    if bad:
        raise ValueError("trait scores must be numbers from 0 to 100; check: " + ", ".join(bad))
    n = len(traits)
    fit = {role: 100.0 - sum(abs(trait_scores[t] - profiles[role][t]) for t in traits) / n
           for role in ROLES}
    pulls = tuple(
        TraitPull(t, float(trait_scores[t]), float(profiles["coder"][t]), float(profiles["biller"][t]),
                  (abs(trait_scores[t] - profiles["biller"][t])
                   - abs(trait_scores[t] - profiles["coder"][t])) / n)
        for t in traits)
    gap = fit["coder"] - fit["biller"]
    close = abs(gap) < CLOSE_MARGIN
    leaning = None if close else ("coder" if gap > 0 else "biller")
    return FitExplanation(fit=fit, pulls=pulls, close=close, leaning=leaning)
