"""Benchmark for the instructor dashboard (lesson 07): 1,000 results files loaded with every
check, beside reading the same files with the json module alone, in the same run (target ≤ 3×)."""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _json_only(folder: Path) -> None:
    for path in sorted(folder.glob("*.json")):
        json.loads(path.read_bytes())


def run() -> list[dict]:
    sys.path.insert(0, str(ROOT / "tools"))
    import make_sample_class

    from careerlab.classroom.load import load_class_results

    with tempfile.TemporaryDirectory(prefix="careerlab-bench-class-") as tmp:
        folder = Path(tmp)
        make_sample_class.main(["--learners", "1000", "--out", str(folder), "--no-problems"])
        load_class_results(folder)  # warm the file cache and the imports
        _json_only(folder)
        ours, floor = [], []
        for _ in range(5):  # alternate, so both see the same machine load
            start = time.perf_counter()
            df, problems = load_class_results(folder)
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            _json_only(folder)
            floor.append(time.perf_counter() - start)
        assert len(df) == 1000 and not problems
    ours_s, floor_s = min(ours), min(floor)  # least disturbed runs
    return [{"name": "classroom: load 1,000 results files with all checks (floor: json.loads of "
                     "the same files)", "value": ours_s * 1000, "unit": "ms",
             "target": "≤ 3× floor", "floor": floor_s * 1000, "ok": ours_s <= 3 * floor_s}]


if __name__ == "__main__":
    for row in run():
        print(row)
