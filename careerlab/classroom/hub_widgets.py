"""The class-hub dashboard widget of lesson 07: Refresh, the roster, the class's results.

``hub_dashboard()`` reads every learner's latest hand-in through ``class_handins()`` (the
instructor's own hub token) and shows who has handed in, when, and who has not (the hub's
``learners`` group). Off a hub it says so and shows nothing else: the folder dashboard
(``class_dashboard()``) is the one to use there.
"""
from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from careerlab.ui import message_html, no_maths, readable, safe_callback

from .hub import Roster, load_handins
from .load import LoadProblem
from .text import counted
from .widgets import ClassDashboard


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
        self.children = (widgets.HBox([self.refresh_button, self.hide, self.charts, self.export_button]),
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
        return no_maths(message_html(f"{self.handins.message} {counted(len(self.problems), 'hand-in')} "
                                     f"{'needs' if len(self.problems) == 1 else 'need'} a look:\n{lines}", "warn", title="Hand-ins skipped or partly used"))

    def _show_table(self, _change: Any = None) -> None:
        super()._show_table()
        self.roster_box.value = (readable(self.roster.html(names=not self.hide.value),
                                          "careerlab-classroom-text mathjax_ignore tex2jax_ignore")
                                 if self.handins is not None and self.handins.ok else "")


def hub_dashboard() -> HubDashboard:
    """Build the class-hub dashboard (instructors on a class hub; it loads the hand-ins at once)."""
    return HubDashboard()
