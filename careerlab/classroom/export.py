"""Write the class summary as a CSV file an instructor can open in a spreadsheet."""
from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pandas as pd

from careerlab.paths import careerlab_home

from .summary import class_table

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe_text(value: object) -> object:
    """Text a spreadsheet would run as a formula gets a leading apostrophe.

    >>> _safe_text("=HYPERLINK()"), _safe_text("Learner 1")
    ("'=HYPERLINK()", 'Learner 1')
    """
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def export_class_summary(df: pd.DataFrame, path: str | os.PathLike[str] | None = None, *,
                         names: bool = False) -> Path:
    """Save ``class_table(df)`` as CSV (default: a new file in $CAREERLAB_HOME/exports/)."""
    if path is None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = careerlab_home() / "exports" / f"class-summary-{stamp}.csv"
    target = Path(path).expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    table = class_table(df, names=names)
    table["learner"] = table["learner"].map(_safe_text)
    table.to_csv(target, index=False, encoding="utf-8")
    return target
