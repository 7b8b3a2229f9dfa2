"""Accessibility in the real browser (issue 16, item 5): axe-core on every lesson's output after
Restart Kernel and Run All finds no serious or critical violation.

Counts of every impact, per lesson, are printed and written to axe-counts.json in the run's
screenshot folder (under pytest's temp folder; the run's summary says where), for the closing note."""
from __future__ import annotations

import json

import pytest

from .axedriver import OUTPUT_AREAS, audit_outputs
from .conftest import TIMEOUT_MS
from .lab import screenshots_dir, run_notebook
from .servers import REPO

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))
UNNAMED_IMAGES_JS = """(areas) => [...document.querySelectorAll(areas)].flatMap(a => [...a.querySelectorAll('img')])
  .filter(i => !(i.getAttribute('alt') || i.getAttribute('title') || '').trim())
  .map(i => i.outerHTML.slice(0, 120))"""


def record_counts(lesson: str, counts: dict) -> None:
    counts_file = screenshots_dir() / "axe-counts.json"
    known = json.loads(counts_file.read_text(encoding="utf-8")) if counts_file.exists() else {}
    known[lesson] = counts
    counts_file.write_text(json.dumps(known, indent=2, sort_keys=True) + "\n", encoding="utf-8")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_lesson_output_has_no_serious_accessibility_violation(lab_page, lab_server, notebook):
    rel = f"notebooks/{notebook.name}"
    report = run_notebook(lab_page, lab_server, rel, TIMEOUT_MS)
    assert not report.errors, "\n".join(report.errors)
    audit = audit_outputs(lab_page, rel)
    counts = {**audit.counts(), "output_areas": audit.nodes_checked, "allowed": len(audit.allowed)}
    record_counts(notebook.stem, counts)
    print(f"axe {rel}: {counts}\n{audit.describe()}\n" + "\n".join(f"allowed: {a}" for a in audit.allowed))
    # Every chart has a text alternative: each <img> in the output is named (alt or title) and
    # points to the summary sentence next to it.
    unnamed = lab_page.evaluate(UNNAMED_IMAGES_JS, OUTPUT_AREAS)
    assert not unnamed, f"{rel}: images without alt text in the output: {unnamed[:3]}"
    blocking = audit.blocking()
    assert not blocking, f"{rel}: axe finds serious or critical violations in the output:\n" + audit.describe(blocking)
