"""careerlab: the helper package of the *Coding or Billing?* notebook series.

Each lesson area is a sub-package, imported on first use so that ``import careerlab`` stays
fast (the ICD-10-CM release, pandas, matplotlib and ipywidgets load only where needed)::

    from careerlab.quiz import show_quiz          # knowledge checks
    from careerlab.progress import default_store  # the learner's saved work
"""
from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_SUBPACKAGES = (
    "assessment", "claims", "classroom", "codes", "compare", "datafiles", "handin", "paths", "progress", "quiz",
    "roles", "simulation", "ui",
)
__all__ = ["__version__", *_SUBPACKAGES]


def __getattr__(name: str) -> Any:
    """Import a sub-package on first attribute access (``careerlab.codes``)."""
    if name in _SUBPACKAGES:
        return importlib.import_module(f"careerlab.{name}")
    raise AttributeError(f"module 'careerlab' has no attribute {name!r}")
