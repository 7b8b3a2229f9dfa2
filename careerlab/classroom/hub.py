"""Lesson 07 on a class hub: the dashboard fed by the course's hand-ins, with a roster.

``hub_dashboard()`` reads every learner's latest hand-in through ``class_handins()`` (the
instructor's own hub token), passes each through the same checks as a folder's files (a hostile
hand-in is skipped and named), and shows who has handed in, when, and who has not (the hub's
``learners`` group). **Refresh** reads them again. Off a hub it says so and shows nothing else:
the folder dashboard (``class_dashboard()``) is the one to use there.
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import ipywidgets as widgets

from careerlab.ui import message_html, no_maths, readable, safe_callback

from .load import LoadProblem, load_class_documents
from .widgets import ClassDashboard


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
        head = f"<p><b>Roster</b>: {len(self.handed_in)}{total} learners have handed in.</p>"
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


class HubDashboard(ClassDashboard):
    """The class dashboard on the hub: Refresh instead of a folder box, and a roster."""

    def __init__(self) -> None:
        self.refresh_button = widgets.Button(description="Refresh", icon="refresh",
                                             button_style="primary",
                                             tooltip="Read the class's hand-ins again")
        self.roster_box = widgets.HTML()
        self.roster = Roster()
        self.handins: Any = None
        super().__init__()
        self.refresh_button.on_click(safe_callback(self.status)(self._load))
        self.children = (widgets.HBox([self.refresh_button, self.hide, self.export_button]),
                         self.status, self.roster_box, self.summary, self.out, self.table)

    def _read(self) -> tuple[Any, list[LoadProblem]]:
        from careerlab.handin import class_handins
        from careerlab.handin.roster import class_members

        self.handins = class_handins()
        members = class_members() if self.handins.ok else None
        handed = [(h.username, h.handed_in_at) for h in self.handins]
        if members is None or members.names is None:
            self.roster = Roster(handed, None, members.message if members else "")
        else:
            done = {name for name, _ in handed}
            self.roster = Roster(handed, [n for n in members.names if n not in done])
        return load_handins(self.handins)

    def _status_html(self) -> str:
        if not self.handins.ok:
            kind = "info" if not self.handins.on_hub else "warn"
            return no_maths(message_html(self.handins.message, kind, title="Class hub"))
        if not self.problems:
            return no_maths(message_html(f"{self.handins.message} Every hand-in was read.", "info"))
        lines = "\n".join(f"• {p}" for p in self.problems)
        return no_maths(message_html(f"{self.handins.message} {len(self.problems)} hand-in(s) need "
                                     f"a look:\n{lines}", "warn", title="Hand-ins skipped or partly used"))

    def _show_table(self, _change: Any = None) -> None:
        super()._show_table()
        self.roster_box.value = (readable(self.roster.html(names=not self.hide.value),
                                          "careerlab-classroom-text mathjax_ignore tex2jax_ignore")
                                 if self.handins is not None and self.handins.ok else "")


def hub_dashboard() -> HubDashboard:
    """Build the class-hub dashboard (instructors on a class hub; it loads the hand-ins at once)."""
    return HubDashboard()
