"""Office-visit (E/M) level by total time or by medical decision making (pure logic).

Thresholds and level codes come from ``data/codes/em_office_visits.json`` (AMA CPT 2021 rules,
2024 time wording). CPT® is a registered trademark of the American Medical Association.
"""
from __future__ import annotations

import math
from decimal import Decimal

from careerlab.amounts import read_amount
from careerlab.codes.data import em_table

MAX_MINUTES = Decimal(24 * 60)
MDM_LEVELS = ("straightforward", "low", "moderate", "high")
# What each MDM element calls its four levels, lowest first, one per MDM level above: the level
# names of the AMA CPT 2021 "Levels of Medical Decision Making" table that CMS uses (names only, no
# descriptors; as laid out by the American College of Surgeons' E/M pages, checked 2026).
MDM_ELEMENT_LEVELS = {
    "problems": ("minimal", "low", "moderate", "high"),
    "data": ("minimal or none", "limited", "moderate", "extensive"),
    "risk": ("minimal", "low", "moderate", "high"),
}


def _table(table: dict | None) -> dict:
    if table is not None:
        return table
    return em_table()


def parse_minutes(minutes: object) -> float:
    """A number of minutes from an int, float or typed text; ValueError with a plain message.

    Text is read by ``careerlab.amounts.read_amount`` (no 1e3, at most a day: 1,440 minutes).
    """
    if isinstance(minutes, bool) or minutes is None:
        raise ValueError("Type the clinician's total time as a number of minutes, for example 25.")
    if isinstance(minutes, str):
        text = minutes.strip().lower().removesuffix("minutes").removesuffix("min").strip()
        if not text:
            raise ValueError("The minutes box is empty: type the total time, for example 25.")
        value = read_amount(text, places=2, signed=True, limit=MAX_MINUTES)
        if isinstance(value, str):
            raise ValueError(f"Minutes: {value}")
        minutes = float(value)
    if not isinstance(minutes, (int, float)) or math.isnan(minutes) or math.isinf(minutes):
        raise ValueError("Type the clinician's total time as a number of minutes, for example 25.")
    if minutes < 0:
        raise ValueError("Time cannot be negative: type the total minutes spent on the day of the visit.")
    return float(minutes)


def em_code_by_time(minutes: object, new_patient: bool, table: dict | None = None) -> str | None:
    """The office-visit code whose time threshold is met or exceeded; None below the lowest.

    Never 99211, which has no time threshold.

    >>> em_code_by_time(29, new_patient=False), em_code_by_time(30, new_patient=False)
    ('99213', '99214')
    """
    value = parse_minutes(minutes)
    group = "new_patient" if new_patient else "established_patient"
    best = None
    for code, threshold in _table(table)["time_minutes"][group].items():
        if value >= threshold:
            best = code
    return best


def _level(name: object, what: str) -> int:
    text = str(name or "").strip().lower()
    if text not in MDM_LEVELS:
        raise ValueError(f"Choose the {what} level from: {', '.join(MDM_LEVELS)} (got “{name}”).")
    return MDM_LEVELS.index(text)


def em_level_by_mdm(problems: str, data: str, risk: str) -> str:
    """The MDM level: the highest level that at least 2 of the 3 elements meet or exceed.

    With three elements that is simply the middle one once they are sorted.

    >>> em_level_by_mdm("high", "low", "straightforward")
    'low'
    """
    ranks = sorted([_level(problems, "problems"), _level(data, "data"), _level(risk, "risk")])
    return MDM_LEVELS[ranks[1]]


def em_code_by_mdm(level: str, new_patient: bool, table: dict | None = None) -> str:
    """The office-visit code for an MDM level and patient type (same level, new or established)."""
    group = "new_patient" if new_patient else "established_patient"
    return _table(table)[group][MDM_LEVELS[_level(level, "decision-making")]]


def time_thresholds(new_patient: bool, table: dict | None = None) -> dict[str, int]:
    """{code: minutes} for new or established patients."""
    group = "new_patient" if new_patient else "established_patient"
    return dict(_table(table)["time_minutes"][group])


def prolonged_units(minutes: object, new_patient: bool, table: dict | None = None) -> list[dict]:
    """Prolonged-service add-ons a time-levelled top visit reaches: for 99417 (most payers) and
    G2212 (Medicare), the units, the minutes the first unit needs and the source. Empty below
    the top level; a code whose first unit is not reached yet says so with 0 units.

    >>> [(p["code"], p["units"], p["first_at"]) for p in prolonged_units(89, new_patient=True)]
    [('99417', 1, 75), ('G2212', 1, 89)]
    >>> [(p["code"], p["units"]) for p in prolonged_units(70, new_patient=False)]
    [('99417', 2), ('G2212', 1)]
    """
    value = parse_minutes(minutes)
    data = _table(table)
    top = data["new_patient" if new_patient else "established_patient"]["high"]
    if em_code_by_time(value, new_patient, data) != top:
        return []
    out = []
    for code, rule in data.get("prolonged", {}).items():
        if not isinstance(rule, dict) or top not in rule.get("counts_after", {}):
            continue
        after, unit = rule["counts_after"][top], rule["unit_minutes"]
        out.append({"code": code, "payer": rule["payer"], "base": top, "units": max(0, int((value - after) // unit)),
                    "first_at": after + unit, "unit_minutes": unit, "source": rule["source"]})
    return out
