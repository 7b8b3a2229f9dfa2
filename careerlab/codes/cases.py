"""The coder's shift case bank (issue 13): the hand-written charts of data/codes/practice_charts.json
and their variants, built once per process (immutable) in well under a second.

A variant changes one thing a coder must notice and says so in the note: the side (right/left:
another ICD-10-CM code and RT/LT), the encounter (7th character A/D/S), the patient (new or
established) and the minutes of an office visit chosen by time, or the payer (Medicare or
commercial) where a HCPCS G-code decides the line. Time thresholds come from
``careerlab.codes.em`` (data/codes/em_office_visits.json). CPT® is a registered trademark of the
American Medical Association.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import replace
from functools import lru_cache
from types import MappingProxyType

from careerlab.codes.data import PracticeChartError, load_practice_charts
from careerlab.codes.em import em_code_by_time, time_thresholds
from careerlab.codes.model import KeyCode, PracticeCase, PracticeChart

__all__ = ["case_by_id", "cases_from", "practice_cases"]

OFFICE_VISITS = {f"9920{n}" for n in range(2, 6)} | {f"9921{n}" for n in range(1, 6)}
TIME_ADD_ONS = ("99417", "G2212", "G2211")
EM_TIME_RULE = ("AMA CPT 2026, E/M Services Guidelines: office or other outpatient visit, level chosen by the "
                "total time on the date of the encounter")
NEW_PATIENT_RULE = ("AMA CPT 2026, E/M Services Guidelines: new patient = no professional service from this "
                    "clinician or one of the same specialty in the same group in the past three years")
PROLONGED_CPT_RULE = ("AMA CPT 2026, prolonged service add-on 99417 (each full 15 minutes beyond the minimum "
                      "time of 99205/99215, level chosen by time)")
PROLONGED_MEDICARE_RULE = ("CMS, CY 2021 Medicare Physician Fee Schedule final rule, HCPCS G2212 (each full "
                           "15 minutes beyond the maximum time of the old 99205/99215 ranges), still in force in 2026")
G2211_RULE = ("CMS, CY 2024 Medicare Physician Fee Schedule final rule, HCPCS G2211 (visit complexity add-on "
              "for longitudinal care), with the CY 2025 rule: not on a visit with modifier 25 unless the other "
              "service is a preventive one")
# Prolonged time: CPT counts from the top code's minimum time; Medicare (G2212) from the end of the
# old time range, 14 minutes later (CMS CY 2021 PFS final rule: 89 min for 99205, 69 min for 99215).
CPT_PROLONGED_AFTER = 15
MEDICARE_PROLONGED_AFTER = 29
ENCOUNTER_WORDS = {"A": "initial encounter", "D": "subsequent encounter", "S": "sequela"}
PATIENT_LINE = re.compile(r"^Patient status:.*$", re.M)
TIME_LINE = re.compile(r"^Total clinician time on the day of the visit:.*$", re.M)
PAYER_LINE = re.compile(r"^Payer:.*$", re.M)
PAYER_WORDS = {"Medicare": "Payer: Medicare Part B (traditional Medicare).",
               "commercial": "Payer: Harbourview Health Plan, a commercial insurer (fictional), which does not "
                             "accept Medicare's G-codes for office visits."}


def _swap_pattern(stems: dict[str, str]) -> tuple[re.Pattern, dict[str, str]]:
    both = {**stems, **{new: old for old, new in stems.items()}}
    words = {"right": "left", "left": "right", "Right": "Left", "Left": "Right", "RT": "LT", "LT": "RT"}
    codes = sorted(both, key=len, reverse=True)
    pattern = "|".join([*(re.escape(c) for c in codes), *(rf"\b{w}\b" for w in words)])
    return re.compile(pattern), {**both, **words}


def _side(case: PracticeCase, stems: dict[str, str]) -> PracticeCase:
    """The same case on the other side: codes by stem, RT/LT, and the words right/left swapped."""
    pattern, table = _swap_pattern(stems)

    def swap(text: str) -> str:
        return pattern.sub(lambda m: table[m.group(0)], text)

    def key(k: KeyCode) -> KeyCode:
        code = swap(k.code) if k.code_set == "ICD-10-CM" else k.code
        return replace(k, code=code, why=swap(k.why), modifiers=tuple(table.get(m, m) if m in ("RT", "LT") else m
                                                                      for m in k.modifiers))

    return replace(case, text=swap(case.text), title=swap(case.title), diagnoses=tuple(map(key, case.diagnoses)),
                   services=tuple(map(key, case.services)))


def _option(case: PracticeCase, option: dict, where: str) -> PracticeCase:
    """Apply a vary option of the file: its text changes, then its own diagnoses/services if it has them."""
    text = case.text
    for old, new in option.get("text", []):
        if old not in text:
            raise PracticeChartError(f"practice_charts.json: {where}: the text to change {old[:40]!r} is not in the note")
        text = text.replace(old, new)
    return replace(case, text=text, diagnoses=option.get("diagnoses", case.diagnoses),
                   services=option.get("services", case.services))



def _minutes_to_try(new_patient: bool) -> list[int]:
    """One total time inside each level's band, then two beyond the top (prolonged time)."""
    levels = list(time_thresholds(new_patient).values())
    out = [low + 1 + 2 * i for i, low in enumerate(levels)]
    top = levels[-1]
    return out + [top + CPT_PROLONGED_AFTER + 2, top + CPT_PROLONGED_AFTER * 2 + 1]


def _em_lines(minutes: int, new_patient: bool, payer: str, longitudinal: bool, modifiers: tuple[str, ...]):
    thresholds = time_thresholds(new_patient)
    code = em_code_by_time(minutes, new_patient)
    codes = list(thresholds)
    status = "New" if new_patient else "Established"
    at = codes.index(code)
    above = (f"and {codes[at + 1]} needs {thresholds[codes[at + 1]]}, so {code}" if at + 1 < len(codes)
             else "and it is the top level")
    why = (f"{status} patient, {minutes} minutes of total time on the day, level chosen by time: {code} needs at "
           f"least {thresholds[code]} minutes {above}.")
    if at + 1 == len(codes):  # the top level: long for a simple problem, and auditors ask why
        why += (" The level follows the documented time, but the time must be medically necessary: an "
                "auditor would ask why this problem needed so long, so the note should say what the time was spent on.")
    rule = EM_TIME_RULE + ("; " + NEW_PATIENT_RULE if new_patient else "")
    lines = [KeyCode(code, "CPT", modifiers, why, rule)]
    top = thresholds[codes[-1]]
    if payer == "Medicare" and minutes >= top + MEDICARE_PROLONGED_AFTER:
        units = (minutes - top - MEDICARE_PROLONGED_AFTER) // 15 + 1
        lines.append(KeyCode("G2212", "HCPCS Level II", (), (
            f"Medicare does not take 99417: its own add-on G2212 starts {MEDICARE_PROLONGED_AFTER} minutes after "
            f"{code}'s minimum of {top} (at {top + MEDICARE_PROLONGED_AFTER} minutes); {minutes} minutes gives "
            f"{units} unit{'s' if units > 1 else ''}."), PROLONGED_MEDICARE_RULE, units))
    elif payer == "Medicare" and minutes >= top + CPT_PROLONGED_AFTER:
        pass  # past 99417's start but short of G2212's: Medicare pays no prolonged time yet (said in the why)
    elif minutes >= top + CPT_PROLONGED_AFTER:
        units = (minutes - top - CPT_PROLONGED_AFTER) // 15 + 1
        lines.append(KeyCode("99417", "CPT", (), (
            f"{minutes} minutes is past {code}'s minimum of {top} by at least 15: 99417 adds one unit for each "
            f"full 15 minutes beyond it ({units} unit{'s' if units > 1 else ''}); this payer uses CPT's add-on."),
            PROLONGED_CPT_RULE, units))
    if payer == "Medicare" and minutes >= top + CPT_PROLONGED_AFTER and minutes < top + MEDICARE_PROLONGED_AFTER:
        lines[0] = replace(lines[0], why=lines[0].why + (
            f" Medicare's prolonged add-on G2212 would need {top + MEDICARE_PROLONGED_AFTER} minutes, so no "
            "prolonged-time code yet (99417 is not used for Medicare)."))
    if payer == "Medicare" and longitudinal and "25" not in modifiers:
        lines.append(KeyCode("G2211", "HCPCS Level II", (), (
            "Medicare's visit-complexity add-on: the note says this practice is the patient's continuing focal "
            "point for care, and the visit carries no modifier 25."), G2211_RULE))
    return lines


def _em_time(case: PracticeCase, new_patient: bool, minutes: int, payer: str, longitudinal: bool) -> PracticeCase:
    visit = next((s for s in case.services if s.code in OFFICE_VISITS), None)
    if visit is None or not PATIENT_LINE.search(case.text) or not TIME_LINE.search(case.text):
        raise PracticeChartError(f"practice_charts.json: chart {case.chart}: vary.em_time needs an office visit and "
                                 "the 'Patient status:' and 'Total clinician time on the day of the visit:' lines")
    at = case.services.index(visit)
    others = [s for s in case.services if s is not visit and s.code not in TIME_ADD_ONS]
    services = others[:at] + _em_lines(minutes, new_patient, payer, longitudinal, visit.modifiers) + others[at:]
    status = ("Patient status: new: first visit to this practice; no clinician of the group has seen the patient "
              "in the past three years." if new_patient else
              "Patient status: established: seen by this practice within the past three years.")
    text = PATIENT_LINE.sub(status, case.text, count=1)
    text = TIME_LINE.sub(f"Total clinician time on the day of the visit: {minutes} minutes (the level is chosen "
                         "by total time).", text, count=1)
    words = PAYER_WORDS[payer]
    text = PAYER_LINE.sub(words, text, count=1) if PAYER_LINE.search(text) else f"{text}\n{words}"
    return replace(case, text=text, services=tuple(services), payer=payer)


def _variants(chart: PracticeChart) -> list[PracticeCase]:
    """Every combination of the chart's side, encounter and payer options (the text changes and codes of
    an option first, then the side swap), each with its E/M-by-time variants when the chart has them."""
    base, vary = chart.case, chart.vary
    axes: list[list[tuple[str, str, dict | None]]] = []
    if "side" in vary:
        other = "left" if vary["side"]["base"] == "right" else "right"
        axes.append([("laterality", vary["side"]["base"], None), ("laterality", other, vary["side"]["codes"])])
    for axis in ("encounter", "payer"):
        if axis in vary:
            spec = vary[axis]
            axes.append([(axis, spec["base"], None), *((axis, v, o) for v, o in spec["options"].items())])
    out: list[PracticeCase] = []
    for combo in itertools.product(*axes):
        case = base
        for axis, value, option in combo:
            if option is not None and axis != "laterality":
                case = _option(case, option, f"chart {base.id}, vary.{axis}.{value}")
                if axis == "payer":
                    case = replace(case, payer=value)
        for axis, value, option in combo:
            if axis == "laterality" and option is not None:
                case = _side(case, option)
        changed = tuple((axis, value) for axis, value, option in combo if option is not None)
        if changed:
            out.append(_named(case, base, changed))
        if "em_time" in vary:
            out += _em_variants(case, base, changed, vary["em_time"]["longitudinal"], vary["em_time"]["medicare"])
    return out


def _em_variants(case: PracticeCase, base: PracticeCase, changed: tuple, longitudinal: bool,
                 medicare: bool) -> list[PracticeCase]:
    """New/established x one total time per level and two of prolonged time; Medicare as well where it
    changes a line (G2212 or G2211), unless the chart's patient could not be on Medicare (a child)."""
    out = []
    for new_patient in (False, True):
        top = list(time_thresholds(new_patient).values())[-1]
        for minutes in _minutes_to_try(new_patient):
            both = medicare and (longitudinal or minutes >= top + CPT_PROLONGED_AFTER)
            payers = ("commercial", "Medicare") if both else ("commercial",)
            for payer in payers:
                varied = (*changed, ("patient", "new" if new_patient else "established"), ("minutes", str(minutes)),
                          ("payer", payer))
                timed = _em_time(case, new_patient, minutes, payer, longitudinal)
                if timed.text != case.text:  # the chart itself already is this combination
                    out.append(_named(timed, base, varied))
    return out


def _named(case: PracticeCase, base: PracticeCase, varied: tuple[tuple[str, str], ...]) -> PracticeCase:
    label = ", ".join(ENCOUNTER_WORDS.get(v, f"{v} min" if a == "minutes" else v) for a, v in varied)
    case_id = "~".join([base.id, *(f"{v}min" if a == "minutes" else v for a, v in varied)])
    return replace(case, id=case_id, chart=base.id, title=f"{base.title} ({label})", varied=varied)


def cases_from(charts: tuple[PracticeChart, ...]) -> tuple[PracticeCase, ...]:
    """The hand-written cases of ``charts``, each followed by its variants; PracticeChartError if two
    cases would share an id or a variant cannot apply."""
    cases: list[PracticeCase] = []
    for chart in charts:
        cases.append(chart.case)
        cases += _variants(chart)
    ids = [case.id for case in cases]
    if len(set(ids)) != len(ids):
        twice = next(i for i in ids if ids.count(i) > 1)
        raise PracticeChartError(f"practice_charts.json: two cases would share the id {twice}")
    return tuple(cases)


@lru_cache(maxsize=1)
def _bank() -> tuple[tuple[PracticeCase, ...], MappingProxyType]:
    cases = cases_from(load_practice_charts())
    return cases, MappingProxyType({case.id: case for case in cases})


def practice_cases() -> tuple[PracticeCase, ...]:
    """Every case of the shift, hand-written charts first, each followed by its variants."""
    return _bank()[0]


def case_by_id(case_id: str) -> PracticeCase:
    """The case with this id (KeyError with plain words when there is none)."""
    try:
        return _bank()[1][case_id]
    except (KeyError, TypeError):
        raise KeyError(f"There is no practice case with the id {case_id!r}.") from None
