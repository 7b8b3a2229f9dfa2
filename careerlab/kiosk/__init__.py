"""The self-assessment kiosk (``make app``): each visit's own private folder (``visit``), kiosk
messages with no server details (``page``) and the Voilà guard and settings (``server``,
imported only by ``app/voila.py``, so a kernel never loads tornado for it)."""
from __future__ import annotations

from careerlab.kiosk.visit import KIOSK_DIR_ENV, Visit, current_visit, end_visit

__all__ = ["KIOSK_DIR_ENV", "Visit", "current_visit", "end_visit"]
