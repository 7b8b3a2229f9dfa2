"""The house: every area of the package follows the one template in CONTRIBUTING.md.

These checks read the package's own source, so a new area or module is held to the same rules
the day it is added.
"""
from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from careerlab.errors import CareerlabError, DataFileError

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "careerlab"
AREAS = sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py"))
HEAVY = ("matplotlib", "ipywidgets", "pandas", "numpy", "simple_icd_10_cm")
# file names that used to mean different things in different areas
RETIRED = {"views.py", "display.py", "report.py", "table.py", "widget.py", "bank.py", "results.py"}
DISPLAY_OR_IO = {"data", "datafiles", "paths", "fileio", "tables", "text", "charts", "widgets", "ui"}
RECORD = ROOT / "careerlab" / "progress" / "record.py"


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _dotted(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_every_area_is_checked():
    assert {"assessment", "claims", "classroom", "codes", "compare", "progress", "quiz", "roles",
            "simulation"} <= set(AREAS)


@pytest.mark.parametrize("area", AREAS)
def test_importing_an_area_stays_light(area):
    code = (f"import sys, careerlab.{area}; "
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "", f"import careerlab.{area} loads {result.stdout.strip()}"


@pytest.mark.parametrize("area", AREAS)
def test_file_names_mean_one_thing(area):
    names = {p.name for p in (PACKAGE / area).glob("*.py")}
    assert not names & RETIRED, f"careerlab/{area}: {sorted(names & RETIRED)}: see CONTRIBUTING's template"
    for name in names:
        source = (PACKAGE / area / name).read_text(encoding="utf-8")
        if name == "tables.py":
            assert "datafiles" not in source, f"{area}/tables.py is for display tables; loaders go in data.py"
        if name == "model.py":  # types and constants: no I/O, nothing to display
            imported = re.findall(r"^(?:from|import) (careerlab[\w.]*|\.\w+)", source, re.M)
            assert not [m for m in imported if m.rsplit(".", 1)[-1] in DISPLAY_OR_IO], \
                f"{area}/model.py imports {imported}"
        if name != "widgets.py" and not name.endswith("_widgets.py"):
            assert not re.search(r"^import ipywidgets|^from ipywidgets", source, re.M), \
                f"{area}/{name} imports ipywidgets: widgets go in widgets.py"


@pytest.mark.parametrize("area", AREAS)
def test_one_init_pattern(area):
    package = importlib.import_module(f"careerlab.{area}")
    public = package.__all__
    assert list(public) == sorted(public) and len(set(public)) == len(public)
    assert not [n for n in public if n.startswith("_")], "nothing private is exported"
    for name in public:
        assert getattr(package, name) is not None, name
    with pytest.raises(AttributeError):
        getattr(package, "no_such_name")


def test_notebooks_import_only_public_names():
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        assert not re.search(r"from careerlab\.\w+\.\w+ import", nb.read_text(encoding="utf-8")), nb.name


def _imports(path: Path) -> set[str]:
    """The careerlab modules a module imports (anywhere in it), by module name."""
    here = _dotted(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([node.module] if node.module else []))
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if (PACKAGE.parent / (f"{base}.{alias.name}".replace(".", "/")
                                                                         + ".py")).exists() else base)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m.startswith("careerlab") and m != here}


def test_no_import_circles_between_modules():
    """No module imports another that imports it back (directly or round a loop); a package's
    ``__init__`` is left out, since it only gathers its modules' names."""
    graph = {_dotted(p): _imports(p) for p in _modules() if p.name != "__init__.py"}
    graph = {m: {d for d in deps if d in graph} for m, deps in graph.items()}
    circles = []

    def visit(node: str, trail: list[str]) -> None:
        for dep in graph[node]:
            if dep in trail:
                circles.append(trail[trail.index(dep):] + [dep])
            elif dep not in done:
                visit(dep, trail + [dep])
        done.add(node)

    done: set[str] = set()
    for start in graph:
        if start not in done:
            visit(start, [start])
    assert not circles, " ; ".join(" -> ".join(c) for c in circles)


def test_every_error_we_raise_has_one_base():
    for path in _modules():
        module = importlib.import_module(_dotted(path))
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Exception) and value.__module__ == module.__name__:
                if value.__name__.startswith("_"):
                    continue
                assert issubclass(value, CareerlabError), f"{module.__name__}.{value.__name__}"
                if value.__name__.endswith("DataError"):
                    assert issubclass(value, DataFileError), f"{module.__name__}.{value.__name__}"


def test_only_datafiles_opens_the_data_folder():
    for path in _modules():
        source = path.read_text(encoding="utf-8")
        if path.name == "datafiles.py" or "data_path" not in source:
            continue
        for reading in ("json.load", "csv.reader", "csv.DictReader", "open(", ".read_text(", ".read_bytes("):
            assert reading not in source, f"{path.relative_to(ROOT)} reads a data file itself ({reading})"


def _strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and id(n) not in docstrings]


def test_the_learner_record_is_defined_once():
    names = ("careerlab-results", "careerlab-progress", "quiz:", "exercise:", "_score", "draft_responses",
             "trait_scores", "role_fit")
    for path in _modules():
        if path == RECORD or path.name == "__init__.py":  # an __init__'s strings are its names
            continue
        for text in _strings(path):
            assert text not in names, f"{path.relative_to(ROOT)} spells {text!r}: use careerlab.progress.record"


def test_package_code_never_shows_or_sets_a_backend():
    """Lessons call ``plt.show()``; package code draws on the Axes it is given."""
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                called = ast.unparse(node.func)
                assert called not in ("plt.show", "matplotlib.use", "plt.switch_backend"), \
                    f"{path.relative_to(ROOT)} calls {called}"


def test_one_axes_helper():
    for path in _modules():
        if path.name == "charting.py":
            continue
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^def _(new_)?ax(es)?\(", source, re.M), path.relative_to(ROOT)


def test_the_way_in_maps_every_area():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for area in AREAS:
        assert f"`careerlab/{area}/`" in readme, f"README's map has no line for careerlab/{area}/"
        assert area in contributing
    assert "../" not in contributing, "CONTRIBUTING points outside the repository"
