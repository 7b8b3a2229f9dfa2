"""Markdown cells never carry a bare $: JupyterLab would read the text between two of them as a
maths formula (seen in a real browser: "$150 … $88.51" came out as garbled italics)."""
import importlib.util
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("escape_dollars", ROOT / "tools" / "escape_dollars.py")
escape_dollars = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(escape_dollars)
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_the_escaper_doubles_backslashes_outside_code_spans():
    text = "pay $50, see `$HOME`, already \\\\$7"
    assert escape_dollars.escape_markdown(text) == "pay \\\\$50, see `$HOME`, already \\\\$7"
    assert escape_dollars.unescaped_dollars(text) == ["pay $50, see , already \\\\"]
    assert escape_dollars.unescaped_dollars(escape_dollars.escape_markdown(text)) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_no_bare_dollar_signs_in_markdown(path):
    nb = nbformat.read(path, as_version=4)
    bad = [(i, snippet) for i, cell in enumerate(nb.cells) if cell.cell_type == "markdown"
           for snippet in escape_dollars.unescaped_dollars(cell.source)]
    assert not bad, (f"{path.name}: write $ as \\\\$ in Markdown (run tools/escape_dollars.py); "
                     f"cells and text: {bad[:3]}")
