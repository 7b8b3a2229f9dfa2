"""Markdown cells never carry a bare $ or O*NET star: JupyterLab would read the text between two $ as a
maths formula, and two O*NET stars as italics (both seen in a real browser)."""
import importlib.util
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("escape_markdown", ROOT / "tools" / "escape_markdown.py")
escape_markdown_tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(escape_markdown_tool)
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_the_escaper_doubles_backslashes_outside_code_spans():
    text = "pay $50, see `$HOME`, already \\\\$7"
    assert escape_markdown_tool.escape_markdown(text) == "pay \\\\$50, see `$HOME`, already \\\\$7"
    assert escape_markdown_tool.unescaped_dollars(text) == ["pay $50, see , already \\\\"]
    assert escape_markdown_tool.unescaped_dollars(escape_markdown_tool.escape_markdown(text)) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_no_bare_dollar_signs_in_markdown(path):
    nb = nbformat.read(path, as_version=4)
    bad = [(i, snippet) for i, cell in enumerate(nb.cells) if cell.cell_type == "markdown"
           for snippet in escape_markdown_tool.unescaped_dollars(cell.source)]
    assert not bad, (f"{path.name}: write $ as \\\\$ in Markdown (run tools/escape_markdown.py); "
                     f"cells and text: {bad[:3]}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_onet_star_is_escaped_in_markdown(path):
    nb = nbformat.read(path, as_version=4)
    bad = [(i, s) for i, cell in enumerate(nb.cells) if cell.cell_type == "markdown"
           for s in escape_markdown_tool.unescaped_onet(cell.source)]
    assert not bad, f"{path.name}: write O\\*NET in Markdown (run tools/escape_markdown.py): {bad[:3]}"
