"""The set-up files agree: one pinned list of versions, named by pyproject.toml and environment.yml,
and CI runs exactly the README's test command."""
import json
import re
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def pins() -> dict[str, str]:
    found = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, sep, version = line.partition("==")
        assert sep, f"requirements.txt: {line!r} is not pinned with =="
        found[canonicalize_name(name)] = version
    return found


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_every_pyproject_dependency_is_pinned_and_satisfied():
    project = pyproject()["project"]
    declared = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        declared += extra
    pinned = pins()
    for text in declared:
        req = Requirement(text)
        name = canonicalize_name(req.name)
        assert name in pinned, f"{req.name} is in pyproject.toml but not pinned in requirements.txt"
        assert req.specifier.contains(pinned[name], prereleases=True), (
            f"{req.name}=={pinned[name]} in requirements.txt does not satisfy {req.specifier} in pyproject.toml")


def test_environment_yml_installs_the_pinned_file_and_the_package():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    deps = env["dependencies"]
    python = next(d for d in deps if isinstance(d, str) and d.startswith("python"))
    version = python.split("=", 1)[1]
    assert SpecifierSet(pyproject()["project"]["requires-python"]).contains(version + ".0")
    pip_section = next(d["pip"] for d in deps if isinstance(d, dict) and "pip" in d)
    assert "-r requirements.txt" in pip_section and "-e ." in pip_section
    # Versions live only in requirements.txt: nothing else here pins a package.
    assert not [d for d in deps if isinstance(d, str) and re.search(r"[=<>]", d) and not d.startswith("python")]


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    assert "make test" in readme and "make lab" in readme
    commands = [line.strip() for line in (ROOT / ".ci/run").read_text().splitlines()
                if line.strip() and not line.strip().startswith("#")]
    assert commands[-1] == "make test"


def test_makefile_has_the_documented_targets():
    makefile = (ROOT / "Makefile").read_text()
    for target in ("lab:", "test:", "bench:", "app:"):
        assert re.search(rf"^{target}", makefile, re.M), f"Makefile lacks {target}"
    assert "notebooks/00-start-here.ipynb" in makefile


def _makefile_recipe(target: str) -> str:
    makefile = (ROOT / "Makefile").read_text()
    match = re.search(rf"^{re.escape(target)}:[^\n]*\n((?:\t[^\n]*\n)+)", makefile, re.M)
    assert match, f"Makefile has no recipe for {target}"
    return match.group(1)


def _variables() -> dict[str, str]:
    found = {}
    for line in (ROOT / "Makefile").read_text().splitlines():
        m = re.match(r"^([A-Z_0-9]+)\s*[:?]?=\s*(.*)$", line)
        if m:
            found[m.group(1)] = m.group(2).strip()
    return found


def test_make_lab_opens_and_prints_the_address_of_lesson_00():
    # jupyter_server prints (and `/` redirects to) ServerApp.default_url, which LabApp.default_url sets;
    # the file on the command line only picks what a browser opens and makes notebooks/ the root.
    recipe, variables = _makefile_recipe("lab"), _variables()
    assert "$(LAB_OPTIONS)" in recipe and "$(LESSON_00)" in recipe
    lesson = variables["LESSON_00"]
    assert (ROOT / lesson).is_file() and lesson.startswith("notebooks/00-")
    assert "--LabApp.default_url=/lab/tree/$(notdir $(LESSON_00))" in variables["LAB_OPTIONS"]


def test_the_news_popup_is_off_in_project_settings_valid_for_the_installed_jupyterlab():
    import sys

    overrides = json.loads((ROOT / "lab-settings" / "overrides.json").read_text())
    plugin = "@jupyterlab/apputils-extension:notification"
    assert overrides[plugin]["fetchNews"] == "false"
    schema_file = (Path(sys.prefix) / "share/jupyter/lab/schemas/@jupyterlab/apputils-extension/notification.json")
    if schema_file.exists():  # the installed JupyterLab's own schema: every key and value must be known
        props = json.loads(schema_file.read_text())["properties"]
        assert set(overrides[plugin]) <= set(props)
        assert "false" in [choice["const"] for choice in props["fetchNews"]["oneOf"]]
    # make lab and the browser tests read the project folder; the class hub's learners get a copy
    assert '--LabApp.app_settings_dir="$(CURDIR)/lab-settings"' in _variables()["LAB_OPTIONS"]
    assert _variables()["LAB_SETTINGS"] == "lab-settings/overrides.json"
    assert "$(LAB_SETTINGS) $(HUB_ENV)/share/jupyter/lab/settings/overrides.json" in _makefile_recipe("$(HUB_STAMP)")
    assert "~/.jupyter" not in (ROOT / "Makefile").read_text().replace("never the learner's ~/.jupyter", "")
    servers = (ROOT / "tests" / "browser" / "servers.py").read_text()
    assert 'PROJECT_LAB_SETTINGS = REPO / "lab-settings"' in servers and "fetchNews" not in servers


def test_the_install_step_builds_the_icd10cm_cache_into_the_environment():
    # lesson 01 must not build it on a learner's first run: make lab/test/bench and the hub's env do
    recipe = _makefile_recipe("$(ICD_STAMP)")
    assert "$(BIN)/python -m careerlab.codes.icd10cm_cache --shared" in recipe and "a+rX" in recipe
    assert "$(HUB_ENV)/bin/python -m careerlab.codes.icd10cm_cache --shared" in _makefile_recipe("$(HUB_ICD_STAMP)")
    assert _variables()["ICD_CACHE"] == "share/careerlab/cache"  # = shared_cache_dir() under sys.prefix
    makefile = (ROOT / "Makefile").read_text()
    for target, stamp in [("lab", "$(ICD_STAMP)"), ("test", "$(ICD_STAMP)"), ("bench", "$(ICD_STAMP)"),
                          ("hub-env", "$(HUB_ICD_STAMP)"), ("hub-deps", "$(HUB_ICD_STAMP)")]:
        assert re.search(rf"^{re.escape(target)}:[^\n]*{re.escape(stamp)}", makefile, re.M), target


def test_lab_test_and_bench_compile_careerlab_before_a_lesson_runs():
    # With PYTHONDONTWRITEBYTECODE (CI) or a read-only checkout (a hub), Python never keeps the bytecode
    # it makes, so each lesson's first cell would compile every careerlab module again.
    variables = _variables()
    assert variables["BYTECODE"] == "$(BIN)/python -m compileall -q careerlab"
    for target in ("lab", "test", "bench"):
        recipe = _makefile_recipe(target).splitlines()
        assert recipe[0].strip() == "$(BYTECODE)", f"make {target} runs {recipe[0]!r} first"
    assert "$(HUB_ENV)/bin/python -m compileall -q careerlab" in _makefile_recipe("$(HUB_STAMP)")
    assert (ROOT / "careerlab" / "__init__.py").is_file()  # the folder compileall is given
