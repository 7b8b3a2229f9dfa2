"""Load and check the self-assessment data files in ``data/assessment/``, and check a learner's
answers against the item bank (``check_responses``)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from careerlab.assessment.model import (
    ROLES, TRAIT_IDS, Certification, Item, NextSteps, ProfileValue, Trait, valid_answer)
from careerlab.datafiles import read_json_object
from careerlab.errors import CareerlabError, DataFileError
from careerlab.paths import data_path

MIN_ITEMS_PER_TRAIT = 3


class AssessmentDataError(DataFileError):
    """A data file of the self-assessment is missing, unreadable or inconsistent."""


def _read(name: str, path: Path | None = None) -> dict[str, Any]:
    return read_json_object(path or data_path("assessment", name), AssessmentDataError)


def _text(obj: dict, key: str, where: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value.strip():
        raise AssessmentDataError(f"{where}: '{key}' must be non-empty text")
    return value


@lru_cache(maxsize=None)
def load_traits(path: Path | None = None) -> tuple[Trait, ...]:
    """The seven traits, in the fixed order of ``TRAIT_IDS``."""
    rows = _read("traits.json", path).get("traits")
    if not isinstance(rows, list):
        raise AssessmentDataError("traits.json: 'traits' must be a list")
    traits = {}
    for n, row in enumerate(rows, 1):
        where = f"traits.json, trait {n}"
        if not isinstance(row, dict):
            raise AssessmentDataError(f"{where}: expected an object")
        trait = Trait(_text(row, "id", where), _text(row, "label", where), _text(row, "definition", where))
        traits[trait.id] = trait
    if set(traits) != set(TRAIT_IDS) or len(rows) != len(TRAIT_IDS):
        raise AssessmentDataError(
            f"traits.json: expected exactly the traits {', '.join(TRAIT_IDS)}; found {', '.join(traits)}")
    return tuple(traits[t] for t in TRAIT_IDS)


def trait_labels() -> dict[str, str]:
    """Trait id -> short label."""
    return {t.id: t.label for t in load_traits()}


@lru_cache(maxsize=None)
def load_items(path: Path | None = None) -> tuple[Item, ...]:
    """The item bank, in display order; checks ids, traits and at least 3 items per trait."""
    rows = _read("items.json", path).get("items")
    if not isinstance(rows, list):
        raise AssessmentDataError("items.json: 'items' must be a list")
    items, seen = [], set()
    for n, row in enumerate(rows, 1):
        where = f"items.json, item {n}"
        if not isinstance(row, dict):
            raise AssessmentDataError(f"{where}: expected an object")
        item_id = _text(row, "id", where)
        if item_id in seen:
            raise AssessmentDataError(f"{where}: id '{item_id}' is used twice")
        seen.add(item_id)
        trait = _text(row, "trait", where)
        if trait not in TRAIT_IDS:
            raise AssessmentDataError(f"{where}: unknown trait '{trait}'")
        reverse = row.get("reverse", False)
        if not isinstance(reverse, bool):
            raise AssessmentDataError(f"{where}: 'reverse' must be true or false")
        items.append(Item(item_id, trait, _text(row, "text", where), reverse))
    for trait in TRAIT_IDS:
        count = sum(1 for i in items if i.trait == trait)
        if count < MIN_ITEMS_PER_TRAIT:
            raise AssessmentDataError(
                f"items.json: trait '{trait}' has {count} items; it needs at least {MIN_ITEMS_PER_TRAIT}")
    return tuple(items)


@lru_cache(maxsize=None)
def load_profile_details(path: Path | None = None) -> dict[str, dict[str, ProfileValue]]:
    """Role -> trait -> value with its justification and sources (every source id must be listed)."""
    data = _read("role_profiles.json", path)
    roles, sources = data.get("roles"), data.get("sources")
    if not isinstance(roles, dict) or not isinstance(sources, dict):
        raise AssessmentDataError("role_profiles.json: needs 'roles' and 'sources' objects")
    out: dict[str, dict[str, ProfileValue]] = {}
    for role in ROLES:
        traits = (roles.get(role) or {}).get("traits")
        if not isinstance(traits, dict) or set(traits) != set(TRAIT_IDS):
            raise AssessmentDataError(f"role_profiles.json: role '{role}' must give a value for each of the 7 traits")
        out[role] = {}
        for trait in TRAIT_IDS:
            row, where = traits[trait], f"role_profiles.json, {role}/{trait}"
            value = row.get("value") if isinstance(row, dict) else None
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
                raise AssessmentDataError(f"{where}: 'value' must be a number from 0 to 100")
            cited = row.get("sources")
            if not isinstance(cited, list) or not cited or any(s not in sources for s in cited):
                raise AssessmentDataError(f"{where}: 'sources' must list ids from 'sources'")
            out[role][trait] = ProfileValue(float(value), _text(row, "justification", where), tuple(cited))
    return out


def load_role_profiles() -> dict[str, dict[str, float]]:
    """Role ("coder", "biller") -> trait -> 0-100."""
    return {role: {t: v.value for t, v in traits.items()} for role, traits in load_profile_details().items()}


def profile_sources() -> tuple[dict[str, str], str]:
    """(source id -> citation, the O*NET attribution text) for the role profiles."""
    data = _read("role_profiles.json")
    return dict(data["sources"]), _text(data, "onet_attribution", "role_profiles.json")


@lru_cache(maxsize=None)
def load_next_steps(path: Path | None = None) -> dict[str, NextSteps]:
    """Outcome ("coder", "biller", "close") -> what to study next and certifications to look at."""
    outcomes = _read("next_steps.json", path).get("outcomes")
    if not isinstance(outcomes, dict) or set(outcomes) != {"coder", "biller", "close"}:
        raise AssessmentDataError("next_steps.json: 'outcomes' needs exactly coder, biller and close")
    out = {}
    for key, row in outcomes.items():
        where = f"next_steps.json, {key}"
        study, certs = row.get("study"), row.get("certifications")
        if not isinstance(study, list) or not study or not isinstance(certs, list) or not certs:
            raise AssessmentDataError(f"{where}: needs non-empty 'study' and 'certifications' lists")
        out[key] = NextSteps(
            _text(row, "heading", where), tuple(str(s) for s in study),
            tuple(Certification(_text(c, "name", where), _text(c, "body", where), _text(c, "focus", where),
                                _text(c, "source", where))
                  for c in certs))
    return out


def validated_tool() -> dict[str, str]:
    """Where to find a validated interest inventory (the O*NET Interest Profiler)."""
    return dict(_read("next_steps.json")["validated_tool"])


def load_example_responses() -> dict[str, int]:
    """The worked example learner's answers (a made-up person), checked against the item bank."""
    data = _read("example_profile.json")
    responses = data.get("responses")
    if not isinstance(responses, dict):
        raise AssessmentDataError("example_profile.json: 'responses' must be an object")
    try:
        check_responses(responses)
    except ValueError as exc:
        raise AssessmentDataError(f"example_profile.json: {exc}") from None
    return {k: int(v) for k, v in responses.items()}


def example_name() -> str:
    """The worked example's name and one-line story."""
    data = _read("example_profile.json")
    return f"{data.get('name', 'Example learner')}: {data.get('story', '')}".strip(": ")


class ResponseError(CareerlabError):
    """Answers that cannot be scored; names every missing, unknown and out-of-range item."""

    def __init__(self, missing: Sequence[str] = (), unknown: Sequence[str] = (),
                 invalid: Mapping[str, object] | None = None) -> None:
        self.missing = list(missing)
        self.unknown = list(unknown)
        self.invalid = dict(invalid or {})
        parts = []
        if self.missing:
            parts.append("missing answers for: " + ", ".join(self.missing))
        if self.unknown:
            parts.append("unknown items: " + ", ".join(self.unknown))
        if self.invalid:
            shown = ", ".join(f"{k}={v!r}" for k, v in self.invalid.items())
            parts.append("answers must be whole numbers from 1 to 5, got: " + shown)
        super().__init__("; ".join(parts) or "answers cannot be scored")


def check_responses(responses: Mapping[str, object], items: Sequence[Item] | None = None) -> None:
    """Raise ``ResponseError`` naming every missing, unknown or out-of-range answer."""
    items = load_items() if items is None else items
    if not isinstance(responses, Mapping):
        raise ResponseError(invalid={"responses": type(responses).__name__})
    known = {item.id for item in items}
    missing = [i.id for i in items if responses.get(i.id) is None]
    unknown = sorted(str(k) for k in responses if k not in known)
    invalid = {i.id: responses[i.id] for i in items
               if responses.get(i.id) is not None and not valid_answer(responses[i.id])}
    if missing or unknown or invalid:
        raise ResponseError(missing, unknown, invalid)
