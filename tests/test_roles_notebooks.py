"""Lessons 00 and 01: what their text must (and must not) say. The lesson frame of every lesson is
checked in tests/test_lesson_frame.py."""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str) -> dict:
    return json.loads((ROOT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))


def _text(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def test_lesson_01_carries_the_cpt_notice_and_its_sources():
    text = "\n".join(_text(c) for c in _load("01-two-roles")["cells"])
    assert "CPT® is a registered trademark of the American Medical Association." in text
    assert "$33.4009" in text and "2026 Medicare Physician Fee Schedule final rule" in text
    assert "not a licence required by law" in text
    assert "synthetic" in text.lower()


def test_lesson_01_wording_fixed_after_review():
    text = "\n".join(_text(c) for c in _load("01-two-roles")["cells"])
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
