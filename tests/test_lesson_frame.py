"""Every lesson follows the one series frame (see CONTRIBUTING.md, "The lesson frame")."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
RUN_FIRST = ("Run the cell below first (click on it, then press **Shift+Enter**). "
             "It loads the tools this lesson uses.")
IMPORT = re.compile(r"^(from|import) ", re.M)
# what a lesson may import: an area's public names, never one of its internal modules
ALLOWED_IMPORT = re.compile(r"^(import matplotlib\.pyplot as plt|from IPython\.display import .+"
                            r"|from careerlab\.[a-z_]+ import .+|from ipywidgets import .+)$")


def _cells(name: str) -> list[dict]:
    return json.loads((ROOT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]


def _text(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _code(name: str) -> list[str]:
    return [_text(c) for c in _cells(name) if c["cell_type"] == "code"]


def test_every_lesson_is_checked():
    assert len(LESSONS) == 8 and LESSONS[0].startswith("00-") and LESSONS[-1].startswith("07-")


@pytest.mark.parametrize("name", LESSONS)
def test_header(name):
    first = _text(_cells(name)[0])
    paragraphs = first.split("\n\n")
    assert paragraphs[0].startswith("# ") and "\n" not in paragraphs[0]
    assert paragraphs[1].startswith("**You will:** ")
    assert paragraphs[2].startswith("**Questions:** ") and paragraphs[2].rstrip().endswith("?")
    assert re.fullmatch(r"\*\*Time:\*\* about \d+ minutes\.", paragraphs[3].strip())


@pytest.mark.parametrize("name", LESSONS)
def test_no_outputs_are_committed(name):
    code = [c for c in _cells(name) if c["cell_type"] == "code"]
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in code)


@pytest.mark.parametrize("name", LESSONS)
def test_one_imports_cell_first_introduced_the_same_way(name):
    cells = _cells(name)
    code = [i for i, c in enumerate(cells) if c["cell_type"] == "code"]
    imports = [i for i in code if IMPORT.search(_text(cells[i]))]
    assert imports == [code[0]], "exactly one imports cell, the first code cell"
    before = cells[code[0] - 1]
    assert before["cell_type"] == "markdown" and _text(before).rstrip().endswith(RUN_FIRST)
    statements = re.split(r"\n(?=\S)", _text(cells[code[0]]).strip())
    for statement in statements:
        assert ALLOWED_IMPORT.match(" ".join(statement.split())), statement


@pytest.mark.parametrize("name", LESSONS)
def test_short_cells_and_no_tricks(name):
    for text in _code(name)[1:]:
        assert len(text.splitlines()) <= 5, text
        assert "print(" not in text, "lessons use say(...), which wraps like the lesson text"
        assert "agg" not in text.lower() and "sys.path" not in text and "!pip" not in text


@pytest.mark.parametrize("name", LESSONS)
def test_charts_are_laid_out_one_way_with_a_text_summary(name):
    for text in _code(name)[1:]:
        if not re.search(r"\w+_chart\(", text):
            continue
        lines = text.splitlines()
        assert re.match(r'fig, ax = plt\.subplots\(figsize=\([\d.]+, [\d.]+\)(, subplot_kw=\{.*\})?, '
                        r'layout="constrained"\)$', lines[0]), text
        assert "ax=ax" in lines[1] and lines[-2] == "plt.show()", text
        assert re.match(r"say\(\w*(summary|describe_)", lines[-1]), "a text summary under the chart: " + text


@pytest.mark.parametrize("name", LESSONS)
def test_ends_with_self_check_key_points_and_next(name):
    cells = _cells(name)
    headings = [line for c in cells if c["cell_type"] == "markdown" for line in _text(c).splitlines()
                if line.startswith("## ")]
    assert headings[-3:] == ["## Self-check", "## Key points", "## What's next"]
    assert any(f'show_quiz("{name}")' in text for text in _code(name))


# Lessons 00-05 each end by sending the learner on to the next lesson in order.
IN_ORDER = [name for name in LESSONS if name[:2] <= "05"]


@pytest.mark.parametrize("name", IN_ORDER)
def test_whats_next_is_a_link_to_the_next_lesson(name):
    """'What's next' names the next lesson as a link the learner can click, e.g.
    **[05 Self-assessment](05-self-assessment.ipynb)**, not as a file name in code format."""
    nxt = LESSONS[LESSONS.index(name) + 1]
    last = _text(_cells(name)[-1])
    section = last[last.index("## What's next"):]
    assert re.search(rf"\*\*\[{nxt[:2]} [^\]]+\]\({re.escape(nxt)}\.ipynb\)\*\*", section), section
    assert f"`{nxt}.ipynb`" not in section


@pytest.mark.parametrize("name", [n for n in LESSONS if not n.startswith("00-")])
def test_getting_started_says_shift_enter_once(name):
    """Lesson 00 teaches Shift+Enter; after it, the cell before the imports says it once (RUN_FIRST), not
    twice in two spellings."""
    cells = _cells(name)
    first_code = next(i for i, c in enumerate(cells) if c["cell_type"] == "code")
    assert _text(cells[first_code - 1]).count("Shift") == 1
