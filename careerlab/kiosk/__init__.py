"""The self-assessment kiosk (``make app``, the page ``app/self-assessment.ipynb``): each visit's own
private folder (``visit``), kiosk messages with no server details (``page``) and the Voilà guard and
settings (``server``, loaded only when ``app/voila.py`` asks for them, so a kernel never loads it)."""
from __future__ import annotations

from careerlab._lazy import lazy_getattr
from careerlab.kiosk.page import kiosk_callback
from careerlab.kiosk.visit import KIOSK_DIR_ENV, Visit, current_visit, end_visit

_LAZY = {
    "KioskSettings": "careerlab.kiosk.server",
    "capped_prelaunch_hook": "careerlab.kiosk.server",
}

__all__ = sorted(["KIOSK_DIR_ENV", "Visit", "current_visit", "end_visit", "kiosk_callback", *_LAZY])

__getattr__ = lazy_getattr(__name__, _LAZY)


def __dir__() -> list[str]:
    return __all__
