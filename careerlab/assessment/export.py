"""Export the learner's results: the shared results file plus the charts as PNG next to it."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any


def chart_paths(results_file: Path, names: list[str]) -> dict[str, Path]:
    """Where each chart's PNG goes: next to the results file, e.g. ``<stem>-trait-scores.png``."""
    return {name: results_file.with_name(f"{results_file.stem}-{name}.png") for name in names}


def export_results(store: Any, pngs: Mapping[str, bytes], learner: str | None = None) -> list[Path]:
    """Write the results file (``store.export()``) and each chart's PNG; return every path written."""
    results_file = Path(store.export(learner=learner) if learner else store.export())
    written = [results_file]
    for name, path in chart_paths(results_file, list(pngs)).items():
        path.write_bytes(pngs[name])
        written.append(path)
    return written
