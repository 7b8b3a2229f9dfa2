"""Sentences for lesson 02's learner: the text summary under each chart."""
from __future__ import annotations

from careerlab.codes.explore import code_family, hits_by_chapter

__all__ = ["clock_text", "code_family_summary", "search_hits_summary", "shift_summary_text"]


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
    """One sentence that says what the family boxes (``code_family_html``) show."""
    family = code_family(code)
    if not family:
        return f"“{code}” is not in the release, so there is no family to draw."
    steps = " → ".join(f"Chapter {c.code}" if c.kind == "chapter" else f"{c.code} ({c.kind})" for c in family)
    last = family[-1]
    verdict = "is billable" if last.billable else "is a header and not billable"
    return f"{steps}. Only the last box {verdict}."


def clock_text(seconds: float) -> str:
    """'1 min 05 s', '42 s'."""
    seconds = int(round(max(0.0, seconds)))
    return f"{seconds // 60} min {seconds % 60:02d} s" if seconds >= 60 else f"{seconds} s"


QUICKER_THAN_READING = 15  # seconds a chart: less than it takes to read one of the lesson's notes


def shift_summary_text(summary) -> str:
    """The end of a shift in plain words: accuracy, fully right charts, time and pace."""
    from careerlab.codes.grading import percent_text

    if not summary.cases:
        return "No chart was submitted in this shift, so there is nothing to score yet."
    per = summary.seconds / summary.cases
    pace = summary.charts_per_hour
    pace_text = f"{pace:.0f}" if pace >= 10 else f"{pace:.1f}"  # "1297", never "1296.5"; "7.5" stays
    hurried = (" That is quicker than a note can be read: take the time a real chart needs."
               if per < QUICKER_THAN_READING else "")
    return (f"You coded {summary.cases} chart{'s' if summary.cases != 1 else ''} in {clock_text(summary.seconds)} "
            f"(about {clock_text(per)} a chart, so {pace_text} charts an hour).{hurried} "
            f"Accuracy: {percent_text(summary.score, 1)} of the points on average; "
            f"{summary.correct} of {summary.cases} chart{'s' if summary.cases != 1 else ''} fully right "
            "(every code, modifier and the first-listed diagnosis). On the job, accuracy comes first: "
            "coders' work is audited, and speed grows with practice.")
