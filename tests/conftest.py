"""Shared test set-up: every test (and every notebook nbval runs) saves into a temporary
CAREERLAB_HOME, never into the learner's real ~/.careerlab."""
from __future__ import annotations

import os
import tempfile

import pytest


def pytest_configure(config):
    # Notebook kernels started by nbval inherit this environment.
    os.environ["CAREERLAB_HOME"] = tempfile.mkdtemp(prefix="careerlab-test-home-")
    # Hypothesis keeps its caches in ./.hypothesis unless told otherwise: a temporary folder instead.
    os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", tempfile.mkdtemp(prefix="careerlab-test-hypothesis-"))


@pytest.fixture(autouse=True)
def careerlab_home(tmp_path, monkeypatch):
    """A fresh, empty CAREERLAB_HOME for each test."""
    home = tmp_path / "careerlab-home"
    monkeypatch.setenv("CAREERLAB_HOME", str(home))
    try:
        from careerlab import progress
    except ImportError:  # pragma: no cover - before the module exists
        yield home
        return
    progress._reset_default_store_for_tests()
    yield home
    progress._reset_default_store_for_tests()
