"""Sentences for lesson 02's learner: the text summary under each chart."""
from __future__ import annotations

from careerlab.codes.explore import code_family, hits_by_chapter

__all__ = ["code_family_summary", "search_hits_summary"]


def search_hits_summary(text: str) -> str:
    """One sentence that says what the search chart (``search_hits_chart``) shows."""
    rows = hits_by_chapter(text)
    if not rows:
        return f"No billable code description contains every word of “{text}”."
    total = sum(c for *_, c in rows)
    top = max(rows, key=lambda r: r[2])
    return (f"“{text}” matches {total} billable codes in {len(rows)} chapter(s); the most ({top[2]}) are in "
            f"chapter {top[0]}, {top[1]}.")


def code_family_summary(code: str) -> str:
    """One sentence that says what the family chart (``code_family_chart``) shows."""
    family = code_family(code)
    if not family:
        return f"“{code}” is not in the release, so there is no family to draw."
    steps = " → ".join(f"Chapter {c.code}" if c.kind == "chapter" else f"{c.code} ({c.kind})" for c in family)
    last = family[-1]
    verdict = "is billable" if last.billable else "is a header and not billable"
    return f"{steps}. Only the last box {verdict}."
