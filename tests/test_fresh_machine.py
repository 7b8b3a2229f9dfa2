"""A fresh machine has none of the folders this machine happens to have: tests name no absolute
machine path and make no temporary folders of their own outside pytest's ``tmp_path``."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CODE_DIRS = ("tests", "careerlab", "bench", "tools", "app", "notebooks")
# Absolute paths that exist only on some machines: temp folders, homes, this workplace, Windows drives.
MACHINE_PATH = re.compile(r"^(/(tmp|var/tmp|root|home|Users|work|mnt|private)(/|$)|[A-Za-z]:\\)")
# Ways of making a temporary folder that pytest does not clean up or place under tmp_path.
UNMANAGED_TEMP = {"mkdtemp", "mkstemp", "gettempdir", "TemporaryDirectory", "NamedTemporaryFile"}


def _python_sources() -> list[tuple[str, str]]:
    """(where, source) for every Python file and every notebook code cell in the project."""
    sources = []
    for folder in CODE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if ".venv" not in path.parts and path != Path(__file__).resolve():  # this file names some on purpose
                sources.append((str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")))
        for path in sorted((ROOT / folder).rglob("*.ipynb")):
            if ".ipynb_checkpoints" in path.parts:
                continue
            for n, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"], 1):
                if cell["cell_type"] == "code":
                    source = "".join(cell["source"])
                    lines = [ln for ln in source.splitlines() if not ln.lstrip().startswith(("%", "!"))]
                    sources.append((f"{path.relative_to(ROOT)} cell {n}", "\n".join(lines)))
    return sources


def machine_paths(source: str) -> list[str]:
    """The absolute machine paths that ``source`` hands to a call (to open, save, list…).

    >>> machine_paths('open("/tmp/x.png"); Path("data") / "a"; run("/usr/bin/env"); "/home/a" in text')
    ['/tmp/x.png']
    """
    return [arg.value for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Call)
            for arg in [*node.args, *(k.value for k in node.keywords)]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and MACHINE_PATH.match(arg.value)]


def unmanaged_temp_calls(source: str) -> list[str]:
    """Temporary-folder makers in ``source`` (``tempfile.mkdtemp`` and kin) not told ``dir=`` a folder.

    >>> unmanaged_temp_calls("tempfile.mkdtemp(); tempfile.mkdtemp(dir=tmp_path)")
    ['mkdtemp']
    """
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
            if name in UNMANAGED_TEMP and not any(k.arg == "dir" for k in node.keywords):
                found.append(name)
    return found


@pytest.mark.parametrize("where,source", _python_sources(), ids=lambda v: v if "\n" not in v else "")
def test_no_absolute_machine_path(where, source):
    assert not machine_paths(source), f"{where} names a path only this machine has: {machine_paths(source)}"


@pytest.mark.parametrize("where,source", [s for s in _python_sources() if s[0].startswith("tests")],
                         ids=lambda v: v if "\n" not in v else "")
def test_tests_make_temporary_folders_only_through_pytest(where, source):
    assert not unmanaged_temp_calls(source), (
        f"{where} makes temporary files outside pytest's tmp_path ({unmanaged_temp_calls(source)}); "
        "use the tmp_path or tmp_path_factory fixtures")


def test_the_checks_can_fail():
    assert machine_paths('fig.savefig("/tmp/simulation-png/a.png")') == ["/tmp/simulation-png/a.png"]
    assert machine_paths(r'open("C:\\Users\\x")') and machine_paths('Path("/home/learner/.careerlab")')
    assert unmanaged_temp_calls("import tempfile\nd = tempfile.mkdtemp()") == ["mkdtemp"]
    assert not machine_paths('which("/usr/bin/chromium")') and not unmanaged_temp_calls("tmp_path / 'x'")
