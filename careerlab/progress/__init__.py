"""Saved progress (every lesson, lesson 00 shows it): ``ProgressStore``, the shared
``default_store()``, the learner record's names (``careerlab.progress.record``) and the
``progress_panel()`` widget (ipywidgets loads on first use of it)."""
from __future__ import annotations

from careerlab._lazy import lazy_getattr

from careerlab.progress.store import RESULTS_FORMAT, VERSION, ProgressError, ProgressStore, default_store

_LAZY = {
    "progress_panel": "careerlab.progress.widgets",
}

__all__ = sorted(["ProgressError", "ProgressStore", "RESULTS_FORMAT", "VERSION", "default_store", *_LAZY])

__getattr__ = lazy_getattr(__name__, _LAZY)


def __dir__() -> list[str]:
    return __all__
