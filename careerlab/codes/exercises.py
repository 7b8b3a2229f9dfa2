"""Coding exercises: grade a learner's codes with feedback.

Per typed code the grader says one of: correct; valid but not what the note supports; not
specific enough (a header code or a less specific sibling); right code, wrong code set; not a
code at all. Partial credit: each answer-key code is worth 1 point (½ when only a less specific
code was given); each extra entry adds 1 to the total the score is out of: a code the note does
not support, a code in the wrong box, or a less specific code typed beside the full one (E11 beside
E11.9: a category heading is not billable, and E11.9 already says it).
"""
from __future__ import annotations

from dataclasses import dataclass

from careerlab.codes.codesets import code_set_of
from careerlab.codes.normalize import normalize_icd10cm, split_codes, tidy
from careerlab.codes.data import em_table
from careerlab.codes.model import VisitNote

__all__ = ["CodeFeedback", "GradeResult", "STATUS_WORDS", "check_entry", "explain", "grade_note"]

STATUS_WORDS = {
    "correct": "Correct",
    "optional": "Accepted (optional)",
    "not_specific": "Not specific enough",
    "not_supported": "Valid, but not what the note supports",
    "wrong_set": "Right code, wrong code set",
    "not_a_code": "Not a code",
    "duplicate": "Typed twice",
    "extra_heading": "Extra code: already said more specifically",
}
OK_STATUSES = ("correct", "optional")


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


@dataclass
class GradeResult:
    """All feedback for one attempt, the score (0-1) and the missing key codes."""

    feedback: list[CodeFeedback]
    score: float
    points: float
    out_of: int
    missing: list[str]

    def score_text(self) -> str:
        """The score in plain words, without a "Score:" label (for a box that has its own title)."""
        pct = round(self.score * 100)
        extra = sum(1 for fb in self.feedback if fb.counts_as_extra)
        marked = f"{self.points:g} of {self.out_of} points"
        if extra:
            marked += (f": {_count(self.out_of - extra, 'code')} from the answer key + "
                       f"{_count(extra, 'extra code')} you typed that should not be on this claim")
        n = len(self.missing)
        return (f"{pct}% ({marked}). "
                + ("All the codes the note supports are there." if not n
                   else f"{_count(n, 'code')} from the answer key {'is' if n == 1 else 'are'} "
                        "still missing or not specific enough."))

    def summary(self) -> str:
        """One plain sentence about the score, starting "Score:"."""
        return f"Score: {self.score_text()}"


def _canonical(typed: str, box: str) -> str:
    text = tidy(typed)
    if box == "diagnosis" and text[:1].isalpha() and text[1:2].isdigit():
        return normalize_icd10cm(text)
    return text


def _article(word: str) -> str:
    return "an" if word[:1] in "AEIOU" or word.startswith("HCPCS") else "a"


def _em_hint(code: str, note: VisitNote) -> str:
    table = em_table()
    new_codes, est_codes = set(table["new_patient"].values()), set(table["established_patient"].values())
    if code in new_codes and note.patient == "established":
        return f" {code} is for a new patient; this patient has been seen here before (established)."
    if code in est_codes | {"99211"} and note.patient == "new":
        return f" {code} is for an established patient; this is the patient's first visit here (new)."
    if code in new_codes | est_codes:
        return " Compare the total time in the note with each code's minimum minutes."
    return ""


def check_entry(typed: str, box: str, note: VisitNote) -> CodeFeedback:
    """Feedback for one typed entry in the diagnosis or service box (pure apart from lookups)."""
    from careerlab.codes.explore import describe, header_hint, is_billable
    from careerlab.codes.icd10cm import get_index

    code = _canonical(typed, box)
    key = note.diagnoses if box == "diagnosis" else note.services
    other = note.services if box == "diagnosis" else note.diagnoses
    reread = f" (read as {code})" if code != typed.strip() else ""
    if code in key:
        return CodeFeedback(typed, code, box, "correct", f"{code} is right{reread}.", 1.0)
    if code in note.optional:
        return CodeFeedback(typed, code, box, "optional", f"{code} is acceptable here, but not required{reread}.")
    code_set = code_set_of(code)
    wanted = ("ICD-10-CM",) if box == "diagnosis" else ("CPT", "HCPCS Level II")
    if code_set is None:
        msg = describe(typed) if box == "diagnosis" else (
            f"“{typed.strip()}” is not a code a claim can carry: CPT codes are 5 digits (or 4 digits + F/T), "
            "HCPCS Level II codes are a letter and 4 digits.")
        return CodeFeedback(typed, code, box, "not_a_code", msg, counts_as_extra=True)
    if code_set not in wanted:
        where = "service" if box == "diagnosis" else "diagnosis"
        extra = " It belongs to this note — move it to the other box." if _canonical(typed, where) in other else ""
        return CodeFeedback(typed, code, box, "wrong_set",
                            f"{code} is {_article(code_set)} {code_set} code, but this box takes {' or '.join(wanted)} codes.{extra}",
                            counts_as_extra=True)
    for k in key:
        index = get_index()
        if code in note.less_specific.get(k, ()) or (box == "diagnosis" and code in [c.code for c in index.family(k)[:-1]]):
            if box == "diagnosis" and not is_billable(code):
                info = index.lookup(code)
                msg = f"Not specific enough{reread}: " + (header_hint(info, index) if info else f"{code} is not billable.")
            else:
                msg = f"{code} is a less specific code{reread}: the note supports a more specific one."
            return CodeFeedback(typed, code, box, "not_specific", msg, 0.5)
    hint = note.hints.get(code, "")
    if box == "diagnosis" and not is_billable(code):
        return CodeFeedback(typed, code, box, "not_supported",
                            f"{code} is not what the note supports, and it is not billable either: {hint or describe(code)}",
                            counts_as_extra=True)
    if box == "service":
        hint = hint or _em_hint(code, note).strip()
    return CodeFeedback(typed, code, box, "not_supported",
                        f"{code} is a valid {code_set} code, but it is not what the note supports. {hint}".strip(),
                        counts_as_extra=True)


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


def _credit(note: VisitNote, feedback: list[CodeFeedback]) -> dict[str, float]:
    """Points per answer-key code: 1 for the code, ½ for a less specific one (each key code once).

    A less specific entry whose key code is already credited becomes an extra (it is replaced
    in ``feedback``): E11 beside E11.9 costs a point, as a certified coder would mark it.
    """
    credit = {fb.code: 1.0 for fb in feedback if fb.status == "correct"}
    keys = note.diagnoses + note.services
    for i, fb in enumerate(feedback):
        if fb.status != "not_specific":
            continue
        heads = [k for k in keys if fb.code in note.less_specific.get(k, ()) or k.startswith(fb.code)]
        free = next((k for k in heads if credit.get(k, 0) == 0), None)
        if free is not None:
            credit[free] = 0.5
        elif heads:
            feedback[i] = _extra_heading(fb, heads[0])
    return credit


def grade_note(note: VisitNote, diagnoses_text: object, services_text: object) -> GradeResult:
    """Grade the two boxes of one note: per-code feedback, partial credit, missing codes."""
    feedback: list[CodeFeedback] = []
    for box, text in (("diagnosis", diagnoses_text), ("service", services_text)):
        seen: set[str] = set()
        for typed in split_codes(text):
            fb = check_entry(typed, box, note)
            if fb.code in seen:
                fb = CodeFeedback(typed, fb.code, box, "duplicate", f"{fb.code} is already in this box; once is enough.")
            seen.add(fb.code)
            feedback.append(fb)
    credit = _credit(note, feedback)
    key = list(note.diagnoses + note.services)
    points = sum(credit.get(k, 0.0) for k in key)
    out_of = len(key) + sum(1 for fb in feedback if fb.counts_as_extra)
    missing = [k for k in key if credit.get(k, 0.0) < 1.0]
    return GradeResult(feedback, points / out_of if out_of else 0.0, points, out_of, missing)


def explain(note: VisitNote) -> list[tuple[str, str]]:
    """The "show me why" list: (code, explanation) for every answer-key and optional code."""
    return [(c, note.why.get(c, "")) for c in note.diagnoses + note.services + note.optional]
