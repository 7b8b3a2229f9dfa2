"""Notebook hygiene (no committed outputs, the house frame, listed in the README) and a run of
every notebook from a working directory outside the project. nbval runs them in place."""
import json
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
IDS = [p.name for p in NOTEBOOKS]
APP_PAGES = sorted((ROOT / "app").glob("*.ipynb"))  # served by `make app` (Voila), not lessons


def test_there_are_notebooks():
    assert any(p.name == "00-start-here.ipynb" for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS + APP_PAGES, ids=IDS + [f"app/{p.name}" for p in APP_PAGES])
def test_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    dirty = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and (c.outputs or c.execution_count)]
    assert not dirty, f"{path.name}: cells {dirty} carry outputs; clear them before committing"


@pytest.mark.parametrize("path", NOTEBOOKS + APP_PAGES, ids=IDS + [f"app/{p.name}" for p in APP_PAGES])
def test_every_cell_has_its_own_id(path):
    """nbformat 4.5 cells carry an id; without one, JupyterLab and nbformat warn and add ids of their
    own, so the file changes on disk the first time a learner opens and saves it."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    ids = [c.get("id") for c in raw["cells"]]
    missing = [i for i, cell_id in enumerate(ids) if not cell_id]
    assert not missing, f"{path.name}: cells {missing} have no id (nbformat.validator.normalize adds them)"
    assert len(set(ids)) == len(ids), f"{path.name}: two cells share an id"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_follows_the_house_frame(path):
    assert re.fullmatch(r"\d\d-[a-z0-9]+(-[a-z0-9]+)*\.ipynb", path.name)
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.lstrip().startswith("# "), "starts with an H1"
    title = first.source.lstrip().splitlines()[0][2:].strip().lower()
    words = path.stem.split("-")[1:]
    assert all(w in re.sub(r"[^a-z0-9 ]", " ", title).split() for w in words), (
        f"{path.name}: the H1 {title!r} should match the file name")
    text = "\n".join(c.source for c in nb.cells)
    for heading in ("Key points", "What's next"):
        assert heading.lower() in text.lower(), f"{path.name} lacks a '{heading}' section"
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    for banned in ("sys.path", "!pip", "%pip", "autoreload", "matplotlib.use(", "plt.switch_backend"):
        assert banned not in code, f"{path.name} uses {banned!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_listed_in_the_readme(path):
    assert path.name in (ROOT / "README.md").read_text()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_runs_from_another_working_directory(path, tmp_path):
    from jupyter_client import KernelManager
    from nbclient import NotebookClient
    from nbval.kernel import CURRENT_ENV_KERNEL_NAME, NbvalKernelspecManager

    nb = nbformat.read(path, as_version=4)
    elsewhere = tmp_path / "somewhere-else"
    elsewhere.mkdir()
    # The kernel of this very environment (as nbval's --nbval-current-env), started elsewhere.
    km = KernelManager(kernel_name=CURRENT_ENV_KERNEL_NAME, kernel_spec_manager=NbvalKernelspecManager())
    client = NotebookClient(nb, km=km, timeout=300, resources={"metadata": {"path": str(elsewhere)}})
    client.execute(cwd=str(elsewhere))
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, f"{path.name} failed outside notebooks/: {errors[0].ename}: {errors[0].evalue}"
    assert not list(elsewhere.iterdir()), "a notebook wrote files into the working directory"


def test_readme_lesson_times_match_the_notebooks():
    readme = (ROOT / "README.md").read_text()
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        head = "\n".join(c.source for c in nb.cells[:3])
        minutes = re.search(r"[Aa]bout \**(\d+)\s*minutes", head)
        assert minutes, f"{path.name} does not say how long it takes ('about N minutes')"
        row = next(line for line in readme.splitlines() if f"`{path.name}`" in line)
        assert f"| {minutes.group(1)} min |" in row, f"README gives another time for {path.name}: {row}"


def test_lesson_00s_map_gives_each_lessons_own_time_and_the_right_total():
    """Lesson 00's table of lessons says how long each takes: the same minutes as each lesson's
    header, and a total for 00 to 06 that adds them up."""
    def header_minutes(path):
        head = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells[:3])
        return int(re.search(r"[Aa]bout \**(\d+)\s*minutes", head).group(1))

    start = next(p for p in NOTEBOOKS if p.name.startswith("00-"))
    text = "\n".join(c.source for c in nbformat.read(start, as_version=4).cells if c.cell_type == "markdown")
    learners = 0
    for path in NOTEBOOKS:
        number = path.name[:2]
        row = next(line for line in text.splitlines() if line.startswith(f"| {number} |"))
        assert f"| {header_minutes(path)} min |" in row, f"lesson 00 gives another time for {path.name}: {row}"
        learners += header_minutes(path) if number != "07" else 0
    assert f"({learners} minutes)" in text, f"lesson 00's total should be {learners} minutes"
