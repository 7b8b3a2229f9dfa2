"""Lessons 00 and 01 follow the series frame, carry no outputs, and keep heavy imports lazy."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = {"00-start-here": "Start here", "01-two-roles": "The two roles"}


def _load(name: str) -> dict:
    return json.loads((ROOT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))


def _text(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


@pytest.mark.parametrize("name, title", NOTEBOOKS.items())
def test_frame_and_no_outputs(name, title):
    cells = _load(name)["cells"]
    assert _text(cells[0]).splitlines()[0] == f"# {title}"
    assert re.search(r"\*\*You will:\*\*.*\*\*Questions:\*\*.*about \d+ minutes", _text(cells[0]), re.S)
    code = [c for c in cells if c["cell_type"] == "code"]
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in code)
    # exactly one imports cell, the first code cell, importing names explicitly
    imports = [c for c in code if re.search(r"^(from|import) ", _text(c), re.M)]
    assert imports == [code[0]]
    assert "import *" not in _text(code[0])
    headings = [line for c in cells if c["cell_type"] == "markdown" for line in _text(c).splitlines()
                if line.startswith("## ")]
    assert headings[-3:] == ["## Self-check", "## Key points", "## What's next"]
    assert any(f'show_quiz("{name}")' in _text(c) for c in code)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_no_backend_tricks_or_long_cells(name):
    for cell in _load(name)["cells"]:
        text = _text(cell)
        if cell["cell_type"] == "code":
            assert "agg" not in text.lower() and "sys.path" not in text and "!pip" not in text
            if not re.search(r"^(from|import) ", text, re.M):
                assert len(text.splitlines()) <= 5, text


def test_every_chart_has_a_text_summary():
    for cell in _load("01-two-roles")["cells"]:
        text = _text(cell)
        if "_chart(ax=ax" in text:
            assert "say(" in text and "_summary(" in text  # wrapped text, never split mid-word


def test_lesson_01_carries_the_cpt_notice_and_its_sources():
    text = "\n".join(_text(c) for c in _load("01-two-roles")["cells"])
    assert "CPT® is a registered trademark of the American Medical Association." in text
    assert "$33.4009" in text and "2026 Medicare Physician Fee Schedule final rule" in text
    assert "not a licence required by law" in text
    assert "synthetic" in text.lower()


def test_lesson_01_wording_fixed_after_review():
    text = "\n".join(_text(c) for c in _load("01-two-roles")["cells"])
    # 99213 in our own words, with the 2024 time wording
    assert "at least 20 minutes of the clinician's total time on the patient's care that day" in text
    # no near-copy of the source article's closing sentence
    assert "learning about the human body" not in text and "decoding complex" not in text
    # accurate coding is neither too low nor too high
    assert "up-coding" in text and "fraud" in text
    # a denial comes out of adjudication, not after it
    assert "decision after reviewing the claim" not in text and "adjudication" in text


def test_start_here_explains_saved_progress():
    text = "\n".join(_text(c) for c in _load("00-start-here")["cells"])
    for words in ("default_store()", "~/.careerlab/progress.json", "CAREERLAB_HOME", "progress_panel()",
                  "IntSlider", "make lab", "Shift+Enter", "not career advice", "07", "instructors"):
        assert words in text, words


def test_package_code_never_shows_or_sets_a_backend():
    for path in (ROOT / "careerlab" / "roles").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "plt.show" not in source and ".use(" not in source, path.name


def test_importing_the_lesson_package_stays_light():
    code = ("import sys, careerlab.roles; heavy = [m for m in ('matplotlib', 'ipywidgets', 'pandas', "
            "'simple_icd_10_cm') if m in sys.modules]; print(','.join(heavy))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == ""
