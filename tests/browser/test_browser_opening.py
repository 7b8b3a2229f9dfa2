"""What a learner meets first in JupyterLab, started like `make lab`: the address leads to lesson 00
(not the Launcher), no "official Jupyter news?" pop-up (the project's own lab-settings, never the
learner's), and Export in lesson 00 saves a copy in my-results/ and offers the same file to download."""
from __future__ import annotations

import base64
import json
import re
import time

import pytest

from . import labjs as js
from .conftest import TIMEOUT_MS
from .lab import restart_and_run_all, wait_widgets_settled
from .servers import LESSON_00, REPO

pytestmark = pytest.mark.browser

NEWS = "official Jupyter news"


@pytest.fixture
def first_visit(browser_context, lab_server):
    """A new tab at the lab's bare address (what `make lab` prints leads there too); closed after."""
    tab = browser_context.new_page()
    try:
        tab.goto(f"{lab_server.url}/?token={lab_server.token}", timeout=TIMEOUT_MS)
        tab.wait_for_function("() => window.jupyterapp && window.jupyterapp.started", timeout=TIMEOUT_MS)
        tab.evaluate("() => window.jupyterapp.restored")
        yield tab
    finally:
        try:
            tab.evaluate(js.RESET_JS)  # close lesson 00 and stop its kernel
        except Exception:  # noqa: BLE001 - the tab may have crashed; the server stops its kernels anyway
            pass
        tab.close()


def _current_path(tab) -> str | None:
    return tab.evaluate("() => { const w = window.jupyterapp.shell.currentWidget;"
                        " return w && w.context ? w.context.path : null; }")


def test_the_lab_opens_at_lesson_00_with_no_news_popup(first_visit):
    tab = first_visit
    assert f"/lab/tree/{LESSON_00}" in tab.url
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while _current_path(tab) != LESSON_00 and time.monotonic() < deadline:
        time.sleep(0.25)
    assert _current_path(tab) == LESSON_00, "the lab did not open lesson 00"
    title = json.loads((REPO / LESSON_00).read_text())["cells"][0]
    heading = "".join(title["source"]).splitlines()[0].lstrip("# ").strip()
    tab.locator(".jp-NotebookPanel:not(.lm-mod-hidden) h1").filter(has_text=heading).first.wait_for(
        timeout=TIMEOUT_MS)
    assert not tab.locator(".jp-Launcher:visible").count(), "the Launcher is showing, not lesson 00"
    time.sleep(3)  # the news question, when asked, comes right after the lab is restored
    assert NEWS not in tab.inner_text("body"), "the 'official Jupyter news?' pop-up appeared"
    notification = tab.evaluate("async () => (await window.jupyterapp.serviceManager.settings.fetch("
                                "'@jupyterlab/apputils-extension:notification')).schema.properties.fetchNews.default")
    assert notification == "false"  # from lab-settings/overrides.json, not the tests' user settings


def test_export_in_lesson_00_saves_to_my_results_and_offers_the_same_file(first_visit, lab_server):
    tab = first_visit
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while (tab.evaluate(js.STATE_JS) or {}).get("kernel") != "idle":
        assert time.monotonic() < deadline, "lesson 00's kernel did not start"
        dialog = tab.locator(".jp-Dialog")
        if dialog.count() and "kernel" in dialog.first.inner_text().lower():
            dialog.locator(".jp-mod-accept").first.click()  # "Select Kernel": take the default
        time.sleep(0.25)
    restart_and_run_all(tab, LESSON_00, TIMEOUT_MS)
    wait_widgets_settled(tab)
    panel = tab.locator(".careerlab-progress-panel").first
    panel.scroll_into_view_if_needed()
    panel.locator(".careerlab-progress-name input").fill("Ada Example")
    panel.locator(".careerlab-progress-export").click()
    message = panel.locator(".careerlab-progress-message")
    message.filter(has_text="Saved as my-results/").wait_for(timeout=TIMEOUT_MS)
    text = message.inner_text()
    name = re.search(r"Saved as my-results/(careerlab-results-ada-example-[0-9-]+\.json)", text).group(1)
    assert "in the my-results folder beside this notebook" in text
    assert ".careerlab" not in text and str(lab_server.home) not in text  # no hidden or server path
    saved = lab_server.home.parent / "my-results" / name
    assert saved.exists(), f"no {name} in the results folder"
    link = message.locator("a.careerlab-download-results[download]")
    assert link.get_attribute("download") == name
    href = link.get_attribute("href")
    assert href.startswith("data:application/json;base64,")
    assert base64.b64decode(href.split(",", 1)[1]) == saved.read_bytes()
    assert json.loads(saved.read_text())["learner"] == "Ada Example"
    with tab.expect_download(timeout=TIMEOUT_MS) as info:
        link.click()
    assert info.value.suggested_filename == name
