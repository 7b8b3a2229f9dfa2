"""Shared test set-up: every test (and every notebook nbval runs) writes only under pytest's
temporary folder, never into the learner's real ~/.careerlab, the home folder or the system temp."""
from __future__ import annotations

import os
import tempfile

import pytest
from hypothesis import settings

# Property tests: no example database in the project folder, and no deadline (the suite shares
# two cores with the notebook kernels, so timings say nothing; speed lives in bench/).
settings.register_profile("careerlab", database=None, deadline=None)
settings.load_profile("careerlab")

# Where the libraries the tests use write their caches and runtime files, under the session's
# temporary folder. nbval's notebook kernels inherit these variables.
_SESSION_DIRS = {
    "CAREERLAB_HOME": "careerlab-home",
    "CAREERLAB_RESULTS_DIR": "my-results",  # exports' copies, never beside the lessons in the repository
    "MPLCONFIGDIR": "matplotlib",
    "IPYTHONDIR": "ipython",
    "JUPYTER_RUNTIME_DIR": "jupyter-runtime",
    "JUPYTER_CONFIG_DIR": "jupyter-config",
    "XDG_CACHE_HOME": "cache",
    "HYPOTHESIS_STORAGE_DIRECTORY": "hypothesis",
    "TMPDIR": "tmp",  # what the code under test and its kernels make with tempfile
    "CAREERLAB_SCREENSHOTS": "screenshots",  # the browser and hub tests' screenshots and axe counts
}


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    # trylast: pytest's own tmpdir plugin has set up the session's base temporary folder by now.
    session = config._tmp_path_factory.mktemp("session", numbered=True)
    for variable, name in _SESSION_DIRS.items():
        path = session / name
        path.mkdir()
        os.environ[variable] = str(path)
    tempfile.tempdir = None  # tempfile re-reads TMPDIR on next use


def pytest_terminal_summary(terminalreporter):
    """Say where the browser tests left their screenshots, so a person can open them."""
    shots = os.environ.get("CAREERLAB_SCREENSHOTS", "")
    if shots and os.path.isdir(shots) and os.listdir(shots):
        terminalreporter.write_line(f"screenshots and axe counts of this run: {shots}")


@pytest.fixture(autouse=True)
def careerlab_home(tmp_path, monkeypatch):
    """A fresh, empty CAREERLAB_HOME for each test."""
    home = tmp_path / "careerlab-home"
    monkeypatch.setenv("CAREERLAB_HOME", str(home))
    monkeypatch.setenv("CAREERLAB_RESULTS_DIR", str(tmp_path / "my-results"))
    from careerlab.progress import store

    monkeypatch.setattr(store, "_default", None)  # no shared default_store() from an earlier test
    yield home
