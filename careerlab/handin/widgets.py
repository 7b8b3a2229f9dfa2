"""The "Hand in" row shown at the end of an activity (the coder's shift, the biller's work queue).

One button and its message: on a class hub it hands in the learner's whole record under the hub's
name for them; off a hub it exports the results file and offers it as a download
(``careerlab.handin.button.hand_in_html``). Each row belongs to one widget and one store.
"""
from __future__ import annotations

from typing import Any

import ipywidgets as W

from careerlab.handin.button import hand_in_html
from careerlab.ui import safe_callback


def hand_in_row(store: Any, what: str = "your results") -> W.VBox:
    """A "Hand in" button with its message; ``row.button`` and ``row.message`` for tests."""
    button = W.Button(description="Hand in", icon="paper-plane", button_style="primary",
                      tooltip=f"Send {what} to your instructor (on a class hub) or download them",
                      layout=W.Layout(width="auto"))
    message = W.HTML()

    @safe_callback(message)
    def on_click(_button: Any = None) -> None:
        message.value = hand_in_html(store)[1]

    button.on_click(on_click)
    row = W.VBox([W.HTML(f"<p style='margin:6px 0 2px'>Done? Press <b>Hand in</b> to send {what} to your "
                         "instructor: on a class hub it goes to the course; elsewhere you get the one "
                         "file to hand in.</p>"), W.HBox([button]), message])
    row.add_class("careerlab-handin-row")
    row.button, row.message = button, message
    return row
