"""`make bench`: measure the series' speed and memory and write bench/results.md.

Every number sits beside a floor measured in the same run on the same machine, so the table says
how much each part adds rather than how fast this computer happens to be. Nothing here is asserted
in the tests (timings vary); the targets are shown next to the measurements.
"""
from __future__ import annotations

import importlib
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
FLOOR_SOURCE = (
    "import ipywidgets, pandas, numpy\n"
    "import matplotlib.pyplot as plt\n"
    "import careerlab\n"
    "fig, ax = plt.subplots()\nax.bar(['a', 'b'], [1, 2])\nplt.show()"
)


def _kernel_peak_mb(km) -> float | None:
    """Peak resident memory (VmHWM) of the kernel process, in MB, from /proc (Linux)."""
    pid = getattr(getattr(km, "provisioner", None), "pid", None)
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, TypeError):
        return None
    return None


def run_notebook(nb) -> tuple[float, float | None]:
    """Execute a notebook in a fresh kernel of this environment; return (seconds, peak MB)."""
    from jupyter_client import KernelManager
    from nbclient import NotebookClient
    from nbval.kernel import CURRENT_ENV_KERNEL_NAME, NbvalKernelspecManager

    km = KernelManager(kernel_name=CURRENT_ENV_KERNEL_NAME, kernel_spec_manager=NbvalKernelspecManager())
    client = NotebookClient(nb, km=km, timeout=600)
    start = time.perf_counter()
    with client.setup_kernel(cwd=str(ROOT / "notebooks")):
        client.execute()
        seconds = time.perf_counter() - start
        peak = _kernel_peak_mb(km)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    if errors:
        raise RuntimeError(f"{errors[0].ename}: {errors[0].evalue}")
    return seconds, peak


ROUNDS = 5  # each lesson is run this many times, each time right after a floor run (3 left ±0.15x of noise on 2 cores)


def notebook_rows(rounds: int = ROUNDS) -> list[dict]:
    """Each lesson's Run All as a ratio to the floor notebook. A floor runs just before every lesson run
    and the ratio is the median over ``rounds`` such pairs: a machine that speeds up or slows down during
    the run (other work on it, a CPU that warms up) then moves both sides of each ratio alike."""
    import nbformat

    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    floor = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)])
    run_notebook(nbformat.from_dict(floor))  # warm the disk cache, so the first pair is not the slowest
    floors: list[tuple[float, float | None]] = []
    lessons = []
    for path in notebooks:
        pairs = []
        for _ in range(rounds):
            floors.append(run_notebook(nbformat.from_dict(floor)))
            pairs.append((floors[-1][0], *run_notebook(nbformat.read(path, as_version=4))))
        lessons.append((path, pairs))
    floor_s = statistics.median(s for s, _ in floors)
    floor_mb = statistics.median(m for _, m in floors if m is not None) if floors[0][1] else None
    rows = [{"name": f"trivial notebook (floor: imports the same stack, draws one chart; median of {len(floors)})",
             "value": floor_s, "unit": "s", "target": "", "floor": None, "ok": None,
             "memory": floor_mb}]
    for path, pairs in lessons:
        # a ratio holds from machine to machine; "floor + 1 s" did not
        ratio = statistics.median(seconds / floor_run for floor_run, seconds, _ in pairs)
        seconds = statistics.median(seconds for _, seconds, _ in pairs)
        peak = max((p for _, _, p in pairs if p is not None), default=None)
        rows.append({"name": f"notebook {path.name}: Run All, as a multiple of the floor notebook run just "
                             f"before it (median of {rounds})",
                     "value": ratio, "unit": "×", "target": "≤ 1.5×", "floor": None, "ok": ratio <= 1.5,
                     "memory": peak})
        rows.append({"name": f"notebook {path.name}: Run All (median of {rounds})", "value": seconds, "unit": "s",
                     "target": "", "floor": floor_s, "ok": None, "memory": None})
    return rows


def import_rows() -> list[dict]:
    code = "import time; t = time.perf_counter(); import careerlab; print(time.perf_counter() - t)"
    base = "import time; t = time.perf_counter(); import json; print(time.perf_counter() - t)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
             for _ in range(7)]
    floor = [float(subprocess.run([sys.executable, "-c", base], capture_output=True, text=True, check=True).stdout)
             for _ in range(7)]
    value = statistics.median(times)
    return [{"name": "import careerlab (median of 7 fresh interpreters)", "value": value, "unit": "s",
             "target": "≤ 0.3 s", "floor": statistics.median(floor), "ok": value <= 0.3}]


def area_rows(only: list[str] | None = None) -> list[dict]:
    rows: list[dict] = []
    sys.path.insert(0, str(BENCH))
    for path in sorted(BENCH.glob("bench_*.py")):
        if only and path.stem[len("bench_"):] not in only:
            continue
        module = importlib.import_module(path.stem)
        print(f"  {path.name} …", flush=True)
        for row in module.run():
            area = path.stem[len("bench_"):]
            name = row["name"] if row["name"].lower().startswith(area) else f"{area}: {row['name']}"
            rows.append({"memory": None, **row, "name": name})
    return rows


def _fmt(value, unit: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3g} {unit}".strip() if abs(value) < 1000 else f"{value:,.0f} {unit}".strip()
    return f"{value} {unit}".strip()


def row_lines(rows: list[dict]) -> list[str]:
    """One table line per measurement."""
    verdict = {True: "✔ met", False: "✘ not met", None: ""}
    lines = []
    for r in rows:
        mem = f"{r['memory']:.0f} MB" if r.get("memory") else "–"
        lines.append(f"| {r['name']} | {_fmt(r['value'], r['unit'])} | {_fmt(r.get('floor'), r['unit'])} "
                     f"| {mem} | {r.get('target', '')} | {verdict[r.get('ok')]} |")
    return lines


def write_table(rows: list[dict], path: Path) -> None:
    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; "
        f"Python {platform.python_version()}, {os.cpu_count()} CPU cores, {platform.machine()}.",
        "Each measurement sits beside a floor measured in the same run. Timings vary from run to run",
        "and machine to machine; compare a row with its floor, not with another machine.",
        "",
        "| what | measured | floor (same run) | peak memory | target | verdict |",
        "|---|---|---|---|---|---|",
        *row_lines(rows),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _names_an_area(line: str, areas: list[str]) -> bool:
    """Whether ``line`` is a "Rows for ... re-measured" note about one of ``areas``."""
    if not line.startswith("Rows for ") or " re-measured" not in line:
        return False
    named = line[len("Rows for "):line.index(" re-measured")].split(", ")
    return any(a in named for a in areas)


def update_areas(areas: list[str]) -> None:
    """Measure only ``areas`` (e.g. ``hub``) and put their rows in place of the old ones in results.md."""
    others = [a for a in areas if a != "notebooks"]
    rows = area_rows(others) if others else []  # area_rows([]) would measure every area
    starts = [f"| {a}:" for a in others]
    if "notebooks" in areas:  # `python bench/run.py notebooks`: the lessons' Run All and their floor
        rows += notebook_rows()
        starts += ["| notebook ", "| trivial notebook "]
    table = BENCH / "results.md"
    old = table.read_text(encoding="utf-8").splitlines() if table.exists() else []
    kept = [line for line in old if not any(line.startswith(s) for s in starts)]
    when = f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M}"
    # one note per area, so a later run of one area never leaves an older note about it behind
    notes = [f"Rows for {a} re-measured on {when} UTC with `python bench/run.py {' '.join(areas)}`." for a in areas]
    kept = [line for line in kept if not _names_an_area(line, areas)]
    if not kept:
        write_table(rows, table)
        return
    at = max(i for i, line in enumerate(kept) if line.startswith("|")) + 1
    header_end = next(i for i, line in enumerate(kept) if line.startswith("|")) - 1
    kept[at:at] = row_lines(rows)
    kept[header_end:header_end] = notes
    table.write_text("\n".join(kept) + "\n", encoding="utf-8")


def main() -> None:
    os.environ["CAREERLAB_HOME"] = tempfile.mkdtemp(prefix="careerlab-bench-")  # never the learner's own
    if len(sys.argv) > 1:  # `python bench/run.py hub` (or `notebooks`): those rows only, the rest kept
        update_areas(sys.argv[1:])
        print((BENCH / "results.md").read_text())
        return
    rows: list[dict] = []
    print("import time …", flush=True)
    rows += import_rows()
    print("area benchmarks …", flush=True)
    rows += area_rows()
    print("notebooks …", flush=True)
    # Lessons share one ICD-10-CM index cached under CAREERLAB_HOME (built once per learner);
    # build it before timing the notebooks, as a learner's second lesson would find it.
    # (In a fresh interpreter: the area benchmarks above leave an index in this process's memory.)
    subprocess.run([sys.executable, "-c", "from careerlab.codes import is_billable; is_billable('E11.9')"],
                   check=True)
    rows += notebook_rows()
    write_table(rows, BENCH / "results.md")
    print((BENCH / "results.md").read_text())


if __name__ == "__main__":
    main()
