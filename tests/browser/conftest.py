"""Fixtures for the real-browser tests: one JupyterLab server and one headless Chromium for the
whole tests/browser package, a fresh browser page per test, and Voilà on demand.

Without Chromium these tests skip with a message saying how to enable them; with
CAREERLAB_REQUIRE_BROWSER=1 (set by .ci/run) they fail instead, so CI never skips them.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .servers import REPO, start_lab, start_voila

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    # Without these Chromium tries to reach Google services, which this closed network refuses.
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
HOW_TO_ENABLE = (
    "the browser tests need Chromium and the Python playwright package. To run them, install "
    "Debian's chromium (sudo apt-get install chromium) or set CAREERLAB_CHROMIUM to a Chromium "
    "executable. Never `playwright install`: the tests use the system browser."
)
VOILA_NOTEBOOK = "app/self-assessment.ipynb"  # what `make app` serves
TIMEOUT_MS = int(float(os.environ.get("CAREERLAB_BROWSER_TIMEOUT", "120")) * 1000)


def find_chromium() -> str | None:
    """The Chromium to drive: $CAREERLAB_CHROMIUM if set (only that), else `chromium` on PATH,
    else /usr/bin/chromium."""
    override = os.environ.get("CAREERLAB_CHROMIUM", "").strip()
    candidates = [override] if override else [shutil.which("chromium"), "/usr/bin/chromium"]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def pytest_collection_modifyitems(config, items):
    """Every test in tests/browser/ carries the `browser` marker (so `-m "not browser"` works)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)


def require_chromium() -> str:
    """The Chromium to drive; skip (or, with CAREERLAB_REQUIRE_BROWSER=1, fail) when there is none
    or playwright is missing. Also used by the class-hub walk (tests/hub/test_hub_browser.py)."""
    required = os.environ.get("CAREERLAB_REQUIRE_BROWSER", "").strip() == "1"
    path = find_chromium()
    problem = None if path else "Chromium was not found"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problem = "the playwright package is not installed"
    if problem:
        message = f"{problem}; {HOW_TO_ENABLE}"
        if required:
            pytest.fail(f"CAREERLAB_REQUIRE_BROWSER=1 but {message}", pytrace=False)
        pytest.skip(message)
    return path


@pytest.fixture(scope="package")
def chromium_path() -> str:
    """Skip (or, with CAREERLAB_REQUIRE_BROWSER=1, fail) when there is no browser to drive."""
    return require_chromium()


@pytest.fixture(scope="package")
def browser(chromium_path, tmp_path_factory):
    """One headless Chromium for the package; always closed, also when a test fails. Downloads
    (the kiosk's results files) go to the test's temporary folder."""
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        chromium = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True,
                                      downloads_path=str(tmp_path_factory.mktemp("downloads")))
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        pw.stop()


@pytest.fixture(scope="package")
def lab_server(chromium_path, tmp_path_factory):
    """One JupyterLab for the package (loopback, free port, random token); always stopped."""
    tmp = tmp_path_factory.mktemp("careerlab-browser-lab")
    server = start_lab(tmp, timeout=TIMEOUT_MS / 1000)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="package")
def browser_context(browser):
    """One browser context for the package, so JupyterLab's scripts are loaded once and cached."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture(scope="package")
def lab_tab(browser_context, lab_server):
    """One browser tab with JupyterLab loaded, shared by the JupyterLab tests (the lab takes
    several seconds to start in a browser; loading it once keeps the suite fast)."""
    from .lab import load_lab

    tab = browser_context.new_page()
    try:
        load_lab(tab, lab_server, TIMEOUT_MS)
        yield tab
    finally:
        tab.close()


def forget_saved_work(server) -> None:
    """Empty the server's CAREERLAB_HOME and my-results folder (no kernel runs: reset_lab shut them)."""
    for folder in (server.home, server.home.parent / "my-results"):
        for child in folder.iterdir() if folder.is_dir() else ():
            shutil.rmtree(child) if child.is_dir() else child.unlink()


@pytest.fixture
def lab_page(lab_tab, lab_server):
    """The JupyterLab tab with nothing open and no kernel running, before and after the test, and a
    learner with nothing saved: each test starts as a new learner, whatever ran before it (lesson 05
    would otherwise open with the answers an earlier test saved)."""
    from .lab import reset_lab

    reset_lab(lab_tab, lab_server, TIMEOUT_MS)
    forget_saved_work(lab_server)
    try:
        yield lab_tab
    finally:
        try:
            reset_lab(lab_tab, lab_server, TIMEOUT_MS)
        except Exception:  # noqa: BLE001 - the next test resets (or reloads) again anyway
            pass


@pytest.fixture
def page(browser_context):
    """A fresh tab at the standard size (for Voilà); closed afterwards."""
    pg = browser_context.new_page()
    pg.set_viewport_size({"width": 1280, "height": 900})
    try:
        yield pg
    finally:
        pg.close()


@pytest.fixture
def voila_app(chromium_path, tmp_path_factory):
    """Voilà serving the self-assessment page like `make app` (another port); always stopped."""
    notebook = VOILA_NOTEBOOK
    tmp = tmp_path_factory.mktemp("careerlab-browser-voila")
    server = start_voila(tmp, notebook, timeout=TIMEOUT_MS / 1000)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)

# The fixture notebooks are broken on purpose: nbval must not run them.
collect_ignore = ["fixtures"]
