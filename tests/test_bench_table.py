"""bench/results.md's notes: a re-measured area replaces every older note about it, one note per area
(a combined note "Rows for notebooks, browser" was left behind, half stale, by a later `browser` run)."""
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run_module():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_note_names_the_areas_it_is_about():
    names = _run_module()._names_an_area
    combined = "Rows for notebooks, browser re-measured on 2026-12-03 13:37 UTC with `python bench/run.py notebooks browser`."
    assert names(combined, ["browser"]) and names(combined, ["notebooks"])
    assert not names(combined, ["hub"]) and not names("| notebook 00 | 1 s |", ["notebooks"])
    assert not names("Rows for codes re-measured on 2026-12-02", ["notebooks"])


def test_re_measuring_one_area_leaves_one_note_for_it(tmp_path, monkeypatch):
    run = _run_module()
    table = tmp_path / "results.md"
    table.write_text("# Benchmarks\n\nWritten by make bench.\n"
                     "Rows for notebooks, browser re-measured on 2026-12-01 10:00 UTC with `x`.\n\n"
                     "| what | measured |\n|---|---|\n| browser: old | 9 s |\n| codes: kept | 1 s |\n",
                     encoding="utf-8")
    monkeypatch.setattr(run, "BENCH", tmp_path)
    monkeypatch.setattr(run, "area_rows", lambda areas: [{"name": "browser: new", "value": 2.0, "unit": "s",
                                                           "target": "", "floor": None, "ok": None}])
    run.update_areas(["browser"])
    lines = table.read_text(encoding="utf-8").splitlines()
    notes = [line for line in lines if line.startswith("Rows for ")]
    assert len(notes) == 1 and notes[0].startswith("Rows for browser re-measured")
    assert "| codes: kept | 1 s |" in lines and not any("browser: old" in line for line in lines)
    assert any(line.startswith("| browser: new") for line in lines)
