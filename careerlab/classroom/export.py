"""Write the class summary as a CSV file an instructor can open in a spreadsheet."""
from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pandas as pd

from careerlab.progress import fileio
from careerlab.progress.store import results_folder

from .summary import class_table

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe_text(value: object) -> object:
    """Text a spreadsheet would run as a formula gets a leading apostrophe; a lone surrogate
    (which cannot be written as UTF-8) becomes U+FFFD. Numbers are left as they are.

    >>> _safe_text("=HYPERLINK()"), _safe_text(" -1+2"), _safe_text("Learner 1"), _safe_text(-2.5)
    ("'=HYPERLINK()", "' -1+2", 'Learner 1', -2.5)
    """
    if not isinstance(value, str):
        return value
    value = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in value)
    return "'" + value if value.lstrip(" ").startswith(_FORMULA_START) else value


def export_class_summary(df: pd.DataFrame, path: str | os.PathLike[str] | None = None, *,
                         names: bool = False) -> Path:
    """Save ``class_table(df)`` as CSV (default: a new file in ``my-results/`` beside the notebook,
    which the file browser shows; ``$CAREERLAB_RESULTS_DIR`` when set).

    Without ``path`` each export gets a name nobody has used yet (``class-summary-<time>.csv``,
    then ``-2``, ``-3``... within the same second). Either way the file is written atomically:
    a reader never sees half a table."""
    table = class_table(df, names=names)
    for column in ("learner", "leaning"):  # the text columns; the others hold numbers
        table[column] = table[column].map(_safe_text)
    for column in table.columns.difference(["learner", "leaning"]):
        table[column] = table[column] + 0.0  # a score of -0.0 is written as 0.0, never "-0.0"
    table.columns = [_safe_text(str(c)) for c in table.columns]
    data = table.to_csv(index=False).encode("utf-8", errors="replace")
    if path is None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        return fileio.write_new(results_folder(), f"class-summary-{stamp}", ".csv", data)
    target = Path(path).expanduser()
    fileio.atomic_write(fileio.target_of(target), data)
    return target
