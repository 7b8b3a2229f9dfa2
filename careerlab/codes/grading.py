"""Grade a learner's two code boxes against an answer key, with feedback on every entry.

One grader serves the lesson's visit notes (``exercises.grade_note``) and the shift's practice
cases (``grade_case``): each is first turned into an ``AnswerKey``.

Per typed entry the grader says one of: correct; valid but not what the note supports; not
specific enough (a header code or a less specific sibling); right code, wrong code set; not a
code at all; right code with a wrong or missing modifier. Partial credit: each answer-key code is
worth 1 point (½ when only a less specific code was given, ½ when a service's modifiers are not
the key's); each extra entry adds 1 to the total the score is out of: a code the note does not
support, a code in the wrong box, or a less specific code typed beside the full one (E11 beside
E11.9: a category heading is not billable, and E11.9 already says it). When the key's order
matters (a practice case), the first-listed diagnosis gets its own feedback; its order costs no
point but is said.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field

from careerlab.codes.codesets import code_set_of
from careerlab.codes.model import PracticeCase
from careerlab.codes.normalize import (HCPCS2_SHAPE, normalize_icd10cm, shorten, split_codes, split_modifiers, tidy,
                                      typed_units)
from careerlab.codes.placement import service_shapes, visit_hint, wrong_set_advice

__all__ = ["AnswerKey", "CodeFeedback", "GradeResult", "OK_STATUSES", "STATUS_WORDS", "case_key", "check_entry",
           "grade", "grade_case", "percent_text", "rationale"]

STATUS_WORDS = {
    "correct": "Correct",
    "optional": "Accepted (optional)",
    "not_specific": "Not specific enough",
    "modifier": "Right code, modifier or units to check",
    "not_supported": "Valid, but not what the note supports",
    "wrong_set": "Right code, wrong code set",
    "not_a_code": "Not a code",
    "duplicate": "Typed twice",
    "extra_heading": "Extra code: already said more specifically",
}
OK_STATUSES = ("correct", "optional")
BOX_NAMES = {"diagnosis": "Diagnosis box", "service": "Service box"}


@dataclass(frozen=True)
class AnswerKey:
    """What a note or case supports, in the grader's terms (codes already normalised)."""

    diagnoses: tuple[str, ...]  # in order: the first is the first-listed diagnosis
    services: tuple[str, ...]
    modifiers: dict = field(default_factory=dict)  # service code -> its modifiers, in order
    units: dict = field(default_factory=dict)  # service code -> its units, when more than 1
    optional: tuple[str, ...] = ()
    less_specific: dict = field(default_factory=dict)  # key code -> less specific codes (half a point)
    hints: dict = field(default_factory=dict)  # a likely wrong code -> why it is wrong
    patient: str = ""  # "new" or "established" when it decides the E/M code
    first_listed: bool = False  # whether the first diagnosis must come first
    service_sets: tuple[str, ...] = ("CPT", "HCPCS Level II")
    setting: str = ""  # "outpatient", "emergency" or "inpatient" ("" for an office visit note)


@dataclass
class CodeFeedback:
    """What the grader says about one typed entry."""

    typed: str
    code: str
    box: str  # "diagnosis" or "service"
    status: str
    message: str
    points: float = 0.0
    counts_as_extra: bool = False


def _count(n: int, word: str) -> str:
    """'1 code', '3 codes'."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def percent_text(part: float, whole: float) -> str:
    """A share as a percentage with no false rounding: '12.5%', '75%', '66.7%'.

    >>> percent_text(0.5, 4), percent_text(3, 4), percent_text(2, 3), percent_text(0, 0)
    ('12.5%', '75%', '66.7%', '0%')
    """
    if not whole:
        return "0%"
    value = round(100 * part / whole, 1)
    return f"{value:g}%"


@dataclass
class GradeResult:
    """All feedback for one attempt, the score (0-1) and the missing key codes."""

    feedback: list[CodeFeedback]
    score: float
    points: float
    out_of: int
    missing: list[str]
    order: str = ""  # what the grader says about the first-listed diagnosis ("" when it does not matter)
    half: tuple[str, ...] = ()  # key codes with half a point: less specific, or a modifier or units to fix
    misplaced: tuple[str, ...] = ()  # key codes typed only in the other box

    def score_text(self) -> str:
        """The score in plain words, without a "Score:" label (for a box that has its own title)."""
        extra = sum(1 for fb in self.feedback if fb.counts_as_extra)
        marked = f"{self.points:g} of {self.out_of} points"
        if extra:
            marked += (f": {_count(self.out_of - extra, 'code')} from the answer key + "
                       f"{_count(extra, 'extra code')} you typed that should not be on this claim")
        return f"{percent_text(self.points, self.out_of)} ({marked}). {self._missing_text()}"

    def _missing_text(self) -> str:
        """What is left to do, in three kinds: half-right codes, codes in the wrong box, codes not typed."""
        if not self.missing:
            return "All the codes the note supports are there."
        misplaced, half = len(self.misplaced), len(self.half)
        absent = len(self.missing) - half - misplaced
        parts = []
        if half:
            parts.append(f"{_count(half, 'code')} from the answer key {'is' if half == 1 else 'are'} there but "
                         "half right (not specific enough, or a modifier or units to fix)")
        if misplaced:
            parts.append(f"{_count(misplaced, 'code')} from the answer key {'is' if misplaced == 1 else 'are'} "
                         "in the wrong box: moved to the right box, it counts")
        if absent > 0:
            parts.append(f"{_count(absent, 'code')} from the answer key {'is' if absent == 1 else 'are'} "
                         "still missing")
        return "; ".join(parts)[0].upper() + "; ".join(parts)[1:] + "."

    def summary(self) -> str:
        """One plain sentence about the score, starting "Score:"."""
        return f"Score: {self.score_text()}"

    @property
    def all_right(self) -> bool:
        """Every key code, nothing extra, and the first-listed diagnosis first."""
        return self.score == 1.0 and not self.order.startswith("Order:")


def _canonical(typed: str, box: str, key: AnswerKey | None = None) -> str:
    """The code an entry stands for. In the diagnosis box a letter + 4 digits that is a HCPCS
    Level II code we know (the lesson's table, or a service of this key) stays that code: J3301
    is a drug, not J33.01 without its dot; E1165, which no table holds, is read as E11.65."""
    if box == "service":
        return split_modifiers(typed)[0]
    text = tidy(typed)
    if HCPCS2_SHAPE.match(text):
        from careerlab.codes.data import hcpcs_table

        if text in hcpcs_table() or (key is not None and text in key.services):
            return text
    if text[:1].isalpha() and text[1:2].isdigit():
        return normalize_icd10cm(text)
    return text


def _article(word: str) -> str:
    return "an" if word[:1] in "AEIOU" or word.startswith("HCPCS") else "a"


def _toward(code: str, key: AnswerKey) -> str:
    """For a header typed for a key code under it: the next step down toward that key code."""
    from careerlab.codes.icd10cm import get_index

    index = get_index()
    for k in key.diagnoses:
        family = [c.code for c in index.family(k)]
        if code in family[:-1]:
            step = index.lookup(family[family.index(code) + 1])
            if step.code == k:  # naming the next step would give the answer away
                return (f" Read the note again: it says more than {code} does. Look at the codes under {code} "
                        "(the look-up in section 4 lists them) for the one that says what the note says.")
            return f" Read the note again: what it says leads below {code} to {step.code} ({step.description})."
    return ""


def _header_message(code: str, reread: str, key: AnswerKey) -> str:
    from careerlab.codes.icd10cm import get_index

    info = get_index().lookup(code)
    if info is None:
        return f"{code}{reread} is not billable."
    children = get_index().children(code)
    if children and all(c.kind == "code with 7th character" for c in children):
        return f"{code}{reread} needs a 7th character (A, D, S …) to be billable.{_toward(code, key)}"
    kind = info.kind if info.kind in ("category", "subcategory") else "heading"
    return (f"{code}{reread} is a {kind} ({info.description}), not a billable code: add characters."
            f"{_toward(code, key)}")


def _service_entry(typed: str, code: str, reread: str, key: AnswerKey) -> CodeFeedback:
    """A service code that is in the key: its modifiers and units decide full or half credit."""
    typed_mods = split_modifiers(typed)[1]
    wanted = tuple(key.modifiers.get(code, ()))
    typed_n = typed_units(typed)
    units, wanted_units = 1 if typed_n is None else typed_n, key.units.get(code, 1)  # "x0" is 0 units, not 1
    shown = "-".join((code,) + typed_mods) + (f" × {units}" if units != 1 else "")
    twice = sorted({m for m in typed_mods if typed_mods.count(m) > 1})
    if set(typed_mods) == set(wanted) and units == wanted_units and not twice:
        return CodeFeedback(typed, code, "service", "correct", f"{shown} is right{reread}.", 1.0)
    missing = [m for m in wanted if m not in typed_mods]
    extra = [m for m in typed_mods if m not in wanted]
    said = []
    if missing:
        said.append(f"it needs modifier {', '.join(missing)}")
    if extra:
        said.append(f"modifier {', '.join(extra)} does not fit this line")
    if twice:
        said.append(f"modifier {', '.join(twice)} is typed more than once (once on a line is enough)")
    if units != wanted_units:
        said.append(f"the note supports {wanted_units} unit{'s' if wanted_units != 1 else ''}, not {units}")
    return CodeFeedback(typed, code, "service", "modifier",
                        f"{code} is the right code, but {' and '.join(said)}{reread}. "
                        "Type a modifier after a dash or a space and units after an x, e.g. 99213-25, J3301 x4.", 0.5)


def check_entry(typed: str, box: str, key: AnswerKey) -> CodeFeedback:
    """Feedback for one typed entry in the diagnosis or service box (pure apart from lookups)."""
    from careerlab.codes.explore import describe, is_billable
    from careerlab.codes.icd10cm import get_index

    code = _canonical(typed, box, key)
    keys = key.diagnoses if box == "diagnosis" else key.services
    other = key.services if box == "diagnosis" else key.diagnoses
    reread = f" (read as {code})" if code != typed.strip() and box == "diagnosis" else ""
    if code in keys:
        if box == "service":
            return _service_entry(typed, code, reread, key)
        return CodeFeedback(typed, code, box, "correct", f"{code} is right{reread}.", 1.0)
    if code in key.optional:
        return CodeFeedback(typed, code, box, "optional", f"{code} is acceptable here, but not required{reread}.")
    kept = box == "diagnosis" and HCPCS2_SHAPE.match(code)  # kept undotted by _canonical: HCPCS
    code_set = "HCPCS Level II" if kept else code_set_of(code)
    wanted = ("ICD-10-CM",) if box == "diagnosis" else key.service_sets
    if code_set is None:
        msg = describe(typed) if box == "diagnosis" else (
            f"“{shorten(typed)}” is not a code a claim can carry: {service_shapes(key.service_sets)}")
        return CodeFeedback(typed, code, box, "not_a_code", msg, counts_as_extra=True)
    if code_set not in wanted:
        where = "service" if box == "diagnosis" else "diagnosis"
        box_word = "services box" if where == "service" else "diagnosis box"
        belongs = _canonical(typed, where, key) in other  # the note supports it, in the other box
        extra = (f" It belongs to this note: move it to the {box_word}." if belongs
                 else f" {wrong_set_advice(code, code_set, key.service_sets)}")
        # A key code in the wrong box costs only its own point (it is missing where it belongs), not a
        # second one as an extra code: the learner is told to move it, not to take it off.
        return CodeFeedback(typed, code, box, "wrong_set",
                            f"{code} is {_article(code_set)} {code_set} code, but this box takes "
                            f"{' or '.join(wanted)} codes.{extra}", counts_as_extra=not belongs)
    index = get_index()
    for k in keys:
        family = [c.code for c in index.family(k)[:-1]] if box == "diagnosis" else []
        if code in key.less_specific.get(k, ()) or code in family:
            if box == "diagnosis" and not is_billable(code):
                msg = _header_message(code, reread, key)
            else:
                msg = f"{code} is a less specific code{reread}: the note supports a more specific one."
            return CodeFeedback(typed, code, box, "not_specific", msg, 0.5)
    hint = key.hints.get(code, "")
    if box == "diagnosis" and not is_billable(code):
        return CodeFeedback(typed, code, box, "not_supported",
                            f"{code} is not what the note supports, and it is not billable either: {hint or describe(code)}",
                            counts_as_extra=True)
    if box == "service":
        hint = hint or visit_hint(code, key.setting, key.patient, key.services)
    known = _in_a_shipped_list(code, code_set)
    said = (f"{code} is a valid {code_set} code, but it is not what the note supports." if known else
            f"{code} has the shape of {_article(code_set)} {code_set} code, but it is not in this lesson's code "
            "lists, so whether it exists cannot be checked here; either way it is not what the note supports.")
    return CodeFeedback(typed, code, box, "not_supported", f"{said} {hint}".strip(), counts_as_extra=True)


def _in_a_shipped_list(code: str, code_set: str) -> bool:
    """Whether a code is in the release or table this project ships for its set (only then is it called valid).

    ICD-10-CM codes reach here only when the release holds them; CPT and HCPCS Level II codes are
    checked against the lessons' tables; ICD-10-PCS against the procedure list the lessons use."""
    from careerlab.codes.data import cpt_table, hcpcs_table

    if code_set == "ICD-10-CM":
        return True
    if code_set == "CPT":
        return code in cpt_table()
    if code_set == "HCPCS Level II":
        return code in hcpcs_table()
    return False


def _extra_heading(fb: CodeFeedback, covered: str) -> CodeFeedback:
    """A less specific code typed beside the full code it heads: extra, so it costs a point."""
    from careerlab.codes.icd10cm import get_index

    info = get_index().lookup(fb.code) if fb.box == "diagnosis" else None
    if info is not None and not info.billable:
        kind = info.kind if info.kind in ("category", "subcategory") else "code"
        why = f"{fb.code} is a {kind} heading, not a billable code; {covered} already says it."
    else:
        why = f"{fb.code} is a less specific code for the same thing; {covered} already says it."
    return CodeFeedback(fb.typed, fb.code, fb.box, "extra_heading",
                        f"{why} Leave {fb.code} off: a claim lists each condition or service once.",
                        counts_as_extra=True)


def _credit(key: AnswerKey, feedback: list[CodeFeedback]) -> dict[str, float]:
    """Points per answer-key code: 1 for the code, ½ for a less specific one or a service with the
    wrong modifiers (each key code once).

    A less specific entry whose key code is already credited becomes an extra (it is replaced
    in ``feedback``): E11 beside E11.9 costs a point, as a certified coder would mark it.
    """
    credit = {fb.code: fb.points for fb in feedback if fb.status in ("correct", "modifier")}
    keys = key.diagnoses + key.services
    for i, fb in enumerate(feedback):
        if fb.status != "not_specific":
            continue
        heads = [k for k in keys if fb.code in key.less_specific.get(k, ()) or k.startswith(fb.code)]
        free = next((k for k in heads if credit.get(k, 0) == 0), None)
        if free is not None:
            credit[free] = 0.5
        elif heads:
            feedback[i] = _extra_heading(fb, heads[0])
    return credit


def _moved(key: AnswerKey, feedback: list[CodeFeedback], credit: dict[str, float]) -> set[str]:
    """Key codes typed in the wrong box and not also in the right one (they cost only their own point).

    One also typed in its right box is a second copy: it becomes an extra, replaced in ``feedback``.
    """
    moved = set()
    for i, fb in enumerate(feedback):
        if fb.status != "wrong_set" or fb.counts_as_extra:
            continue
        where = "service" if fb.box == "diagnosis" else "diagnosis"
        code = _canonical(fb.typed, where, key)
        if credit.get(code, 0.0) > 0:
            box_word = "services box" if where == "service" else "diagnosis box"
            feedback[i] = CodeFeedback(fb.typed, fb.code, fb.box, "wrong_set",
                                       f"{code} is already in the {box_word}: take it off here, once is enough.",
                                       counts_as_extra=True)
        else:
            moved.add(code)
    return moved


def _order(key: AnswerKey, feedback: list[CodeFeedback]) -> str:
    """What to say about the first-listed diagnosis ("" when the key's order does not matter)."""
    if not key.first_listed or not key.diagnoses:
        return ""
    first = key.diagnoses[0]
    typed = [fb for fb in feedback if fb.box == "diagnosis" and fb.status not in ("duplicate",)]
    if not typed:
        return ""
    if typed[0].code == first:
        return f"First-listed diagnosis: {first} is first, as it should be."
    if any(fb.code == first for fb in typed):
        return (f"Order: {first} should be listed first: it is the main reason for this encounter "
                f"(you listed {typed[0].code} first).")
    return f"Order: the first-listed diagnosis here is a code you have not typed yet (the main reason for the visit)."


_GLUED = re.compile(r"^(\d{4}[0-9FT]|[A-V]\d{4})((?:[A-Z]{2})+)(.*)$")
_GLUED_UNITS = re.compile(r"(?<=[\s\-][0-9A-Z]{2})([X×*]\d{1,3})$")  # "-RTx1": units glued to a modifier


def _unglue_modifier(typed: str, key: AnswerKey) -> str:
    """"20610RT" typed for the key's 20610 is read as 20610-RT (a letter modifier typed without its dash),
    not as a 7-character ICD-10-PCS shape; "20610RTRT" as 20610-RT-RT (RT twice, not a modifier "RTRT");
    "20610-RTx1" as 20610-RT x1 (units glued to the modifier). Only for a code the key holds, so no real
    code is split."""
    text = typed.strip().upper()
    match = _GLUED.match(text)
    if match and match.group(1) in key.services:
        pairs = "-".join(re.findall("..", match.group(2)))
        text = f"{match.group(1)}-{pairs}{match.group(3)}"
    elif split_modifiers(text)[0] not in key.services:
        return typed
    return _GLUED_UNITS.sub(r" \1", text)


MAX_ENTRIES = 60  # entries checked per box: more than any chart needs; a pasted page is not graded line by line


def grade(key: AnswerKey, diagnoses_text: object, services_text: object) -> GradeResult:
    """Grade the two boxes against ``key``: per-code feedback, partial credit, missing codes."""
    feedback: list[CodeFeedback] = []
    for box, text in (("diagnosis", diagnoses_text), ("service", services_text)):
        seen: set[str] = set()
        entries = split_codes(text, box)
        for typed in entries[:MAX_ENTRIES]:
            if box == "service":
                typed = _unglue_modifier(typed, key)
            fb = check_entry(typed, box, key)
            if fb.code in seen:
                fb = CodeFeedback(typed, fb.code, box, "duplicate", f"{fb.code} is already in this box; once is enough.")
            seen.add(fb.code)
            feedback.append(fb)
        if len(entries) > MAX_ENTRIES:
            feedback.append(CodeFeedback("", "", box, "not_a_code", (
                f"Only the first {MAX_ENTRIES} entries in this box were checked ({len(entries)} were typed); "
                "a chart needs far fewer codes than that.")))
    credit = _credit(key, feedback)
    moved = _moved(key, feedback, credit)
    codes = list(key.diagnoses + key.services)
    points = sum(credit.get(k, 0.0) for k in codes)
    out_of = len(codes) + sum(1 for fb in feedback if fb.counts_as_extra)
    missing = [k for k in codes if credit.get(k, 0.0) < 1.0]
    half = tuple(k for k in missing if credit.get(k, 0.0) > 0)
    misplaced = tuple(k for k in missing if k in moved)
    return GradeResult(feedback, points / out_of if out_of else 0.0, points, out_of, missing, _order(key, feedback),
                       half, misplaced)


def case_key(case: PracticeCase) -> AnswerKey:
    """The answer key of a practice case (the first diagnosis is first-listed)."""
    diagnoses = tuple(normalize_icd10cm(k.code) for k in case.diagnoses)
    services = tuple(tidy(k.code) for k in case.services)
    sets = tuple(dict.fromkeys(k.code_set for k in case.services)) or ("CPT", "HCPCS Level II")
    if set(sets) <= {"CPT", "HCPCS Level II"}:
        sets = ("CPT", "HCPCS Level II")
    return AnswerKey(diagnoses, services, {tidy(k.code): tuple(k.modifiers) for k in case.services},
                     units={tidy(k.code): k.units for k in case.services if getattr(k, "units", 1) != 1},
                     first_listed=len(diagnoses) > 1, service_sets=sets, setting=case.setting)


def grade_case(case: PracticeCase, diagnoses_text: object, services_text: object) -> GradeResult:
    """Grade one practice case of the shift (the diagnosis order and the modifiers count)."""
    return grade(case_key(case), diagnoses_text, services_text)


def rationale(case: PracticeCase) -> list[tuple[str, str, str, str]]:
    """After a case: (box, code as billed, why, guideline) for every key code, in order."""
    rows = [("diagnosis", k.code, k.why, k.guideline) for k in case.diagnoses]
    rows += [("service", "-".join((k.code,) + tuple(k.modifiers)) + (f" × {k.units}" if getattr(k, "units", 1) != 1 else ""),
              k.why, k.guideline) for k in case.services]
    return rows
