"""Escape what JupyterLab's Markdown would misread in the notebooks' Markdown cells: a literal dollar
sign (the text between two $ signs becomes a maths formula) and the star of O*NET (two of them turn
the text between into italics).

JupyterLab 4 needs two backslashes before the sign in the cell source (``\\$``): Markdown turns
them into ``\\$`` on the page, which MathJax then shows as a plain ``$`` (jupyterlab issue 8645).
Dollar signs inside `code spans` are left alone. Usage: python tools/escape_markdown.py notebooks/*.ipynb
"""
from __future__ import annotations

import re
import sys

import nbformat

_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
_BARE_DOLLAR = re.compile(r"(?<!\\)\\?\$")  # "$" or "\$", but not an already doubled "\\$"
_BARE_ONET = re.compile(r"O\*NET")


def _outside_code_spans(text: str, pattern: re.Pattern[str], replacement: str) -> str:
    parts, last = [], 0
    for match in _CODE_SPAN.finditer(text):
        parts.append(pattern.sub(replacement, text[last:match.start()]))
        parts.append(match.group(0))
        last = match.end()
    parts.append(pattern.sub(replacement, text[last:]))
    return "".join(parts)


def escape_markdown(text: str) -> str:
    """Return Markdown text with every literal $ outside code spans preceded by two backslashes."""
    return _outside_code_spans(text, _BARE_DOLLAR, r"\\\\$")


def escape_onet(text: str) -> str:
    """Write O*NET as O\\*NET outside code spans, so its star is not read as italics."""
    return _outside_code_spans(text, _BARE_ONET, r"O\\*NET")


def unescaped_onet(text: str) -> list[str]:
    """The snippets around each O*NET whose star Markdown would read as italics."""
    plain = _CODE_SPAN.sub("", text)
    return [plain[max(0, m.start() - 20):m.end() + 20] for m in _BARE_ONET.finditer(plain)]


def unescaped_dollars(text: str) -> list[str]:
    """The snippets around each $ that JupyterLab would misread (empty when all are escaped)."""
    plain = _CODE_SPAN.sub("", text)
    return [plain[max(0, m.start() - 20):m.end() + 20] for m in re.finditer(r"(?<!\\\\)\$", plain)]


def main(paths: list[str]) -> None:
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        changed = 0
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                new = escape_onet(escape_markdown(cell.source))
                changed += new != cell.source
                cell.source = new
        if changed:
            nbformat.write(nb, path)
        print(f"{path}: {changed} Markdown cells changed")


if __name__ == "__main__":
    main(sys.argv[1:])
