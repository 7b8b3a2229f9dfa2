"""What a kiosk visitor is told: plain words, never a server path, a traceback or a notebook menu."""
from __future__ import annotations

import functools
import logging
from typing import Any, Callable

from careerlab.ui import message_html

log = logging.getLogger("careerlab")

NOTHING_KEPT = "Nothing is kept on this computer after you leave, so download your files now."
SORRY = ("Something went wrong, and your answers are still on the screen. Please try again; "
         "if it keeps happening, ask a member of staff for help.")
DRAFT_NOT_SAVED = "Your latest answer is on the screen; press Submit when you have answered everything."


def kiosk_callback(out: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Like ``careerlab.ui.safe_callback`` for the kiosk: an error shows one plain sentence in ``out``
    (an HTML widget) with no details, which could name a folder on the server; the details are logged."""

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except Exception:  # noqa: BLE001 - shown to the visitor, logged in full
                log.exception("careerlab kiosk callback failed")
                out.value = message_html(SORRY, "warn", title="Sorry")
                return None

        return wrapper

    return decorate
