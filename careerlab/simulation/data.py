"""Read and check the simulation's data files: the assumptions table and the KPI targets."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from careerlab.datafiles import read_csv_rows
from careerlab.errors import DataFileError
from careerlab.paths import data_path

from .model import KPI_KEYS

_ASSUMPTION_COLUMNS = ("parameter", "default", "unit", "meaning", "kind", "source", "year")
_BENCH_COLUMNS = ("kpi", "label", "target_text", "low", "high", "better", "source", "year")


class SimulationDataError(DataFileError):
    """A simulation data file is missing or damaged (the message says which and how)."""


def _read_csv(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    rows = read_csv_rows(path, columns, SimulationDataError, required=())
    for i, row in enumerate(rows, start=2):
        if not (row.get("source") or "").strip() or not (row.get("year") or "").strip():
            raise SimulationDataError(f"{path.name} line {i} has no source or year")
    return rows


def load_assumptions(path: Path | None = None) -> dict[str, dict[str, Any]]:
    """The assumptions table as {parameter: row}, with ``default`` as a number."""
    rows = _read_csv(path or data_path("simulation", "assumptions.csv"), _ASSUMPTION_COLUMNS)
    table: dict[str, dict[str, Any]] = {}
    for row in rows:
        try:
            row["default"] = float(row["default"])
        except ValueError as exc:
            raise SimulationDataError(
                f"assumption {row['parameter']!r} has a default that is not a number") from exc
        if row["kind"] not in ("synthetic", "real"):
            raise SimulationDataError(f"assumption {row['parameter']!r}: kind must be "
                                      "'synthetic' or 'real'")
        table[row["parameter"]] = row
    return table


def load_kpi_benchmarks(path: Path | None = None) -> dict[str, dict[str, Any]]:
    """The typical KPI targets as {kpi: row}, with ``low``/``high`` as floats or None."""
    rows = _read_csv(path or data_path("simulation", "kpi_benchmarks.csv"), _BENCH_COLUMNS)
    table: dict[str, dict[str, Any]] = {}
    for row in rows:
        for key in ("low", "high"):
            text = (row[key] or "").strip()
            try:
                row[key] = float(text) if text else None
            except ValueError as exc:
                raise SimulationDataError(
                    f"KPI {row['kpi']!r}: {key} bound {text!r} is not a number") from exc
        table[row["kpi"]] = row
    if set(table) != set(KPI_KEYS):
        raise SimulationDataError(
            f"kpi_benchmarks.csv must list exactly {', '.join(KPI_KEYS)}")
    return table
