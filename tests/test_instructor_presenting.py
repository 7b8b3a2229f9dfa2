"""instructors/presenting.md is short and tested: every command it gives runs here, every menu name
it gives exists in the JupyterLab the series installs, and the figures it quotes are the check's own."""
from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from careerlab.progress import ProgressStore

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "instructors" / "presenting.md"
TEXT = PAGE.read_text(encoding="utf-8")
COMMANDS = [line.strip() for block in re.findall(r"```bash\n(.*?)```", TEXT, re.S)
            for line in block.splitlines() if line.strip() and not line.strip().startswith("#")]
ASSIGNMENT = re.compile(r"^[A-Z_][A-Z0-9_]*=\S+$")


def split(command: str) -> tuple[dict[str, str], list[str]]:
    words = shlex.split(command)
    env = {}
    while words and ASSIGNMENT.match(words[0]):
        name, _, value = words.pop(0).partition("=")
        env[name] = value
    return env, words


def run(command: str, home: Path) -> subprocess.CompletedProcess:
    venv_bin = ROOT / ".venv" / "bin"
    if not (venv_bin / "python").exists():  # run from another environment: the same commands, this Python
        command = command.replace(".venv/bin/python", shlex.quote(sys.executable))
    env = {**os.environ, "HOME": str(home), "PYTHONPATH": str(ROOT),
           "PATH": f"{venv_bin if venv_bin.exists() else Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("CAREERLAB_HOME", None)
    return subprocess.run(["bash", "-c", command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_the_page_gives_commands():
    assert len(COMMANDS) >= 4


@pytest.mark.parametrize("command", [c for c in COMMANDS if split(c)[1][:1] == ["make"]])
def test_make_commands_name_real_targets_and_settings(command):
    env, words = split(command)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in words[1:]:
        assert re.search(rf"^{re.escape(target)}:", makefile, re.M), f"make {target} is not a Makefile target"
    for name in env:
        assert name in {"CAREERLAB_HOME"}, f"{name} is not a setting the series reads"
        assert name in (ROOT / "careerlab" / "paths.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [c for c in COMMANDS if split(c)[1][:1] != ["make"]])
def test_every_command_runs(command, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    demos = [home / m for m in re.findall(r"~/(\S+)", command)]
    for folder in demos:  # a demo learner with answers to reset
        store = ProgressStore(folder / "progress.json")
        store.record("learner", "name", "Demo")
        store.record("quiz:01-two-roles", "q-roles-1", {"answer": "a", "correct": True})
    done = run(command, home)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    for folder in demos:
        assert ProgressStore(folder / "progress.json").sections() == {}
        backups = list(folder.glob("progress.reset-*.json"))
        assert len(backups) == 1 and json.loads(backups[0].read_text())["sections"]["learner"]["name"] == "Demo"
        assert "starts again from empty" in done.stdout and str(home) not in done.stdout
    if "prepare check" in command:
        lines = done.stdout.strip().splitlines()
        assert len(lines) == 4 and lines[0].startswith("ICD-10-CM look-up")
        learners, problems = re.search(r"(\d+) learners loaded, (\d+) problem files", done.stdout).groups()
        sharing = re.search(r"(\d+) learners share live", done.stdout).group(1)
        assert f"({learners} learners, {problems} problem files" in TEXT.replace("\n   ", " ")
        assert f"share answers live ({sharing})" in TEXT.replace("\n   ", " ")


def test_reset_demo_with_nothing_to_reset_and_a_bad_call(tmp_path):
    from careerlab.classroom.prepare import main, reset_demo_learner

    assert reset_demo_learner(tmp_path / "nobody") is None
    assert main(["reset-demo"]) == 2 and main(["what"]) == 2


def _lab_labels() -> set[str]:
    import jupyterlab  # noqa: F401  (the installed JupyterLab: its schemas and its built bundle)

    share = Path(sys.prefix) / "share" / "jupyter" / "lab"
    labels = set()
    for path in (share / "schemas").rglob("*.json"):
        labels |= set(re.findall(r'"label":\s*"([^"]+)"', path.read_text(encoding="utf-8", errors="replace")))
    for path in (share / "static").glob("*.js"):
        labels |= set(re.findall(r'__\("([^"]{2,80})"\)', path.read_text(encoding="utf-8", errors="replace")))
    return {label.rstrip("…").rstrip(".").strip() for label in labels}


def test_every_menu_name_is_jupyterlabs_own():
    labels = _lab_labels()
    if not labels:
        pytest.skip("this environment has no built JupyterLab to check the menu names against")
    paths = re.findall(r"\*\*([^*]+?→[^*]+?)\*\*", TEXT.replace("\n  ", " "))
    named = [part.strip().rstrip("…").strip() for path in paths for part in path.split("→")]
    named += re.findall(r"\*\*((?:Increase|Decrease) [A-Za-z ]+Font Size)\*\*", TEXT)
    assert len(paths) >= 6 and "Presentation Mode" in named and "Simple Interface" in named
    missing = sorted({n for n in named if n not in labels})
    assert not missing, f"not a JupyterLab menu name: {missing}"
