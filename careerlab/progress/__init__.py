"""Saved progress: ``ProgressStore``, the shared ``default_store()`` and the ``progress_panel()`` widget."""
from __future__ import annotations

from typing import Any

from careerlab.progress.store import (
    RESULTS_FORMAT,
    VERSION,
    ProgressError,
    ProgressStore,
    _reset_default_store_for_tests,
    default_store,
)

__all__ = ["ProgressError", "ProgressStore", "default_store", "progress_panel", "RESULTS_FORMAT", "VERSION"]


def progress_panel(store: ProgressStore | None = None) -> Any:
    """Build the "My progress" widget (imports ipywidgets only when called)."""
    from careerlab.progress.widgets import progress_panel as build

    return build(store)
