"""Lesson 07 on a class hub, the pure part: the roster of who has handed in (and when) and the
hand-ins read as the class's results, checked like a folder's files (a hostile hand-in is skipped
and named). The dashboard widget, with its Refresh button, is ``hub_widgets.py``.
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .load import LoadProblem, load_class_documents


def handin_label(username: str) -> str:
    """How a hand-in is named in the table and in problems: by the hub's name for the learner."""
    return f"{username} (hand-in)"


def when_text(when: datetime | None) -> str:
    return f"{when.astimezone():%H:%M on %d %B %Y}" if when else "time unknown"


@dataclass
class Roster:
    """Who has handed in (hub name, when) and who has not (None when the class list is unknown)."""

    handed_in: list[tuple[str, datetime | None]] = field(default_factory=list)
    missing: list[str] | None = None
    note: str = ""

    def html(self, *, names: bool) -> str:
        total = "" if self.missing is None else f" of {len(self.handed_in) + len(self.missing)}"
        done = len(self.handed_in)
        of = done if self.missing is None else done + len(self.missing)  # "1 of 4 learners has"
        head = (f"<p><b>Roster</b>: {done}{total} learner{'' if of == 1 else 's'} "
                f"{'has' if done == 1 else 'have'} handed in.</p>")
        if not names:
            return head + "<p>Untick <b>Hide learner names</b> to see who.</p>"
        rows = "".join(f"<tr><td style='padding:2px 10px'>{html.escape(n)}</td>"
                       f"<td style='padding:2px 10px'>{html.escape(when_text(w))}</td></tr>"
                       for n, w in self.handed_in)
        table = (f"<table class='careerlab-roster'><thead><tr><th scope='col'>Hub name</th>"
                 f"<th scope='col'>Handed in at</th></tr></thead><tbody>{rows}</tbody></table>"
                 if rows else "")
        if self.missing is None:
            rest = f"<p>{html.escape(self.note)}</p>"
        else:
            who = ", ".join(self.missing) if self.missing else "nobody: everyone has handed in"
            rest = f"<p class='careerlab-roster-missing'><b>Not handed in yet:</b> {html.escape(who)}</p>"
        return head + table + rest


def load_handins(handins: Any) -> tuple[Any, list[LoadProblem]]:
    """The class's results table from hand-ins (``class_handins()``), checked like files."""
    pairs, problems = [], []
    for username, _when, doc in handins:
        try:
            pairs.append((handin_label(username), json.dumps(doc, ensure_ascii=False).encode("utf-8")))
        except (TypeError, ValueError, RecursionError):
            problems.append(LoadProblem(handin_label(username), "it could not be read; skipped"))
    df, more = load_class_documents(pairs, one_per_name=False)  # one per hub account already
    return df, problems + more
