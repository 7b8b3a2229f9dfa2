"""The class hub walked in headless Chromium: three learners sign in, run lesson 00 and press
**Hand in** in their progress panel; the instructor runs lesson 07 and its hub dashboard lists
exactly those three (and the fourth as not yet); a learner cannot open another learner's server,
never sees another learner's name, and lesson 07's dashboard shows them nobody's hand-in.

Shares the hub with test_class_hub.py and passes before or after it: it uses the same display
names, takes learner 3 out of the culled group and starts its server again (that file's last test
has the culler stop it), and asserts only what holds whichever file ran first.

Needs root (the class_hub fixture) and Chromium (skips without it, fails with
CAREERLAB_REQUIRE_BROWSER=1, like tests/browser/).
"""
from __future__ import annotations

import os
import pwd
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from browser.conftest import CHROMIUM_ARGS, TIMEOUT_MS, require_chromium
from browser.lab import screenshots_dir, collect_problems, open_notebook, restart_and_run_all, wait_widgets_settled
from browser import labjs as js
from browser.servers import REPO, write_lab_settings

from .conftest import ClassHub
from .test_class_hub import LEARNER_NAMES  # the same display names: both files may run in either order

pytestmark = pytest.mark.browser

LESSONS = "coding-or-billing/notebooks"  # where the README's nbgitpuller link puts the lessons (targetpath)
START = f"{LESSONS}/00-start-here.ipynb"
DASHBOARD = f"{LESSONS}/07-instructor-dashboard.ipynb"
RECEIPT = re.compile(r"Handed in at .+ as (\S+)\. Handing in again replaces this one\.")
# The hub's servers do not set --LabApp.expose_app_in_browser (tests/browser's lab does). Before
# JupyterLab's scripts run (they are deferred: they start after readyState turns "interactive"),
# this flips that one flag in the page's config, so the lab helpers can reach window.jupyterapp.
# Nothing else of the page, and nothing on the server, is changed.
EXPOSE_APP_JS = """document.addEventListener('readystatechange', () => {
  const el = document.getElementById('jupyter-config-data');
  if (document.readyState !== 'interactive' || !el) return;
  const config = JSON.parse(el.textContent);
  config.exposeAppInBrowser = true;
  el.textContent = JSON.stringify(config);
  window.hubTestExposed = true;
});"""

# Mark the code cells whose source starts with one of ``prefixes`` (data-hub-test = the prefix's
# position) and return their indices.
MARK_CELLS_JS = """(prefixes) => {
  const w = window.jupyterapp.shell.currentWidget; const found = [];
  w.content.widgets.forEach((cell, i) => {
    const source = cell.model.sharedModel.getSource().trim();
    const k = prefixes.findIndex(p => source.startsWith(p));
    if (cell.model.type === 'code' && k >= 0) { cell.node.dataset.hubTest = String(k); found.push(i); }
  });
  return found;
}"""
RUN_CELLS_JS = """async (indices) => {
  const app = window.jupyterapp; const w = app.shell.currentWidget;
  for (const i of indices) { w.content.activeCellIndex = i; await app.commands.execute('notebook:run-cell'); }
}"""
CELLS_DONE_JS = """(indices) => {
  const w = window.jupyterapp.shell.currentWidget;
  return indices.every(i => !!w.content.widgets[i].model.executionCount);
}"""
SHUTDOWN_JS = """async () => {
  const app = window.jupyterapp; if (!app) return;
  await app.serviceManager.sessions.refreshRunning(); await app.serviceManager.sessions.shutdownAll();
}"""


def give_lessons(home: Path, name: str) -> None:
    """What the nbgitpuller link does on first use: the lessons in ~/coding-or-billing, the account's own.
    Also JupyterLab's quiet settings (tests/browser's): no news question, every cell attached."""
    account = pwd.getpwnam(name)
    shutil.copytree(REPO / "notebooks", home / LESSONS, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    write_lab_settings(home / ".jupyter" / "lab" / "user-settings")
    for top in (home / LESSONS.split("/")[0], home / ".jupyter"):
        for path in [top, *top.rglob("*")]:
            os.chown(path, account.pw_uid, account.pw_gid, follow_symlinks=False)
            os.chmod(path, 0o700 if path.is_dir() else 0o600)


def ensure_running(ch: ClassHub, name: str) -> None:
    """Start ``name``'s server if it is stopped (the culler test stops learner 3's)."""
    hub = ch.hub

    def ready() -> bool:
        if hub.server_ready(name):
            return True
        if not hub.user(name).get("pending"):
            hub.call("POST", f"users/{name}/server")
        return False

    hub.wait_for(f"{name}'s server to be running again", ready, 180)


@dataclass
class Walk:
    ch: ClassHub
    browser: object
    contexts: dict[str, object] = field(default_factory=dict)
    pages: list = field(default_factory=list)

    def sign_in(self, name: str, open_path: str):
        """A fresh browser (own cookies) for ``name``: the hub's login page, then the notebook."""
        if name not in self.contexts:
            context = self.browser.new_context(viewport={"width": 1280, "height": 900})
            context.set_default_timeout(TIMEOUT_MS)
            context.add_init_script(EXPOSE_APP_JS)
            page = context.new_page()
            page.goto(f"{self.ch.hub.url}/hub/login?next=%2Fhub%2Fhome")
            page.fill("#username_input", name)
            page.fill("#password_input", self.ch.password)
            page.click("#login_submit")
            page.wait_for_load_state()
            assert page.url.startswith(f"{self.ch.hub.url}/hub/home"), \
                f"{name} could not sign in ({page.url}): {page.inner_text('body')[:500]}"
            page.close()
            self.contexts[name] = context
        page = self.contexts[name].new_page()
        self.pages.append(page)
        response = page.goto(f"{self.ch.hub.url}/user/{name}/lab/tree/{open_path}")
        try:
            page.wait_for_function("() => window.jupyterapp && window.jupyterapp.started")
        except Exception as exc:
            raise AssertionError(
                f"{name}'s lab did not start in the browser: {page.url} answered "
                f"{response.status if response else '?'}, flag flipped: "
                f"{page.evaluate('() => !!window.hubTestExposed')}; the page says "
                f"{page.inner_text('body')[:600]!r}\n{self.ch.hub.tail(30)}") from exc
        open_notebook(page, None, open_path, TIMEOUT_MS)
        return page

    def close(self) -> None:
        for page in self.pages:  # end the walk's kernels, so the servers go back to idle
            try:
                page.evaluate(SHUTDOWN_JS)
            except Exception:  # noqa: BLE001 - a closed or broken tab: its server ends it anyway
                pass
        for context in self.contexts.values():
            context.close()


def shot(target, name: str) -> Path:
    path = screenshots_dir() / f"{name}.png"
    target.screenshot(path=str(path))
    return path


def run_all(page, path: str) -> None:
    """Restart Kernel and Run All Cells; no cell may fail and every widget must draw."""
    seconds = restart_and_run_all(page, path, TIMEOUT_MS)
    wait_widgets_settled(page)
    report = collect_problems(page, path, seconds)
    assert not report.errors, f"{path} on the hub:\n" + "\n".join(report.errors)


def run_cells(page, prefixes: list[str]) -> list[int]:
    indices = page.evaluate(MARK_CELLS_JS, prefixes)
    assert len(indices) == len(prefixes), f"cells starting with {prefixes} not found (found {indices})"
    page.evaluate(RUN_CELLS_JS, indices)
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while not page.evaluate(CELLS_DONE_JS, indices) or page.evaluate(js.STATE_JS)["kernel"] != "idle":
        assert time.monotonic() < deadline, f"the cells {indices} did not finish"
        time.sleep(0.3)
    wait_widgets_settled(page)
    return indices


def mark(page, prefixes: list[str]) -> None:
    assert len(page.evaluate(MARK_CELLS_JS, prefixes)) == len(prefixes)


@pytest.fixture(scope="package")
def chromium() -> str:
    return require_chromium()


@pytest.fixture(scope="module")
def walk(chromium, class_hub):
    from playwright.sync_api import sync_playwright

    ch = class_hub
    for name in [*ch.learners, ch.instructor]:
        give_lessons(Path(ch.homes[name]), name)
    # Learner 3: out of the culled group (the walk may leave it idle for a while), server running.
    status, _ = ch.hub.call("DELETE", "groups/cull-now/users", {"users": [ch.learners[2]]})
    assert status in (200, 204), f"could not take {ch.learners[2]} out of cull-now ({status})"
    ensure_running(ch, ch.learners[2])
    pw = sync_playwright().start()
    try:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        w = Walk(ch, browser)
        try:
            yield w
        finally:
            try:
                w.close()
            finally:
                browser.close()
    finally:
        pw.stop()


@pytest.fixture(scope="module")
def handed_in(walk):
    """Each learner signs in, runs lesson 00, types their name in the panel and presses Hand in."""
    receipts = {}
    for i, name in enumerate(walk.ch.learners):
        page = walk.sign_in(name, START)
        run_all(page, START)
        mark(page, ["progress_panel()"])
        cell = page.locator('.jp-Cell[data-hub-test="0"]')
        box = cell.locator(".careerlab-progress-name input")
        box.fill(LEARNER_NAMES[i])
        cell.locator("button.careerlab-progress-handin").click()
        message = cell.locator(".careerlab-progress-message", has_text="Handed in")
        message.wait_for()
        cell.scroll_into_view_if_needed()
        shot(page, f"hub-learner{i + 1}-handed-in")
        receipts[name] = {"message": message.inner_text(), "typed": box.input_value(), "page": page}
    return receipts


def test_each_learner_hands_in_from_the_progress_panel_as_themselves(walk, handed_in):
    for i, name in enumerate(walk.ch.learners):
        got = handed_in[name]
        who = RECEIPT.search(" ".join(got["message"].split()))
        assert who, got["message"]
        assert who.group(1) == name  # the hub's name for the learner, never the typed one
        assert got["typed"] == LEARNER_NAMES[i]
        stored = walk.ch.hub.store / f"{name}.json"
        assert stored.exists()


def test_the_instructor_sees_exactly_the_three_in_lesson_07(walk, handed_in):
    ch = walk.ch
    page = walk.sign_in(ch.instructor, DASHBOARD)
    run_all(page, DASHBOARD)
    mark(page, ["hub_dashboard()"])
    cell = page.locator('.jp-Cell[data-hub-test="0"] .jp-Cell-outputArea')
    assert "3 learners have handed in." in cell.inner_text()
    hide = cell.locator(".widget-checkbox", has_text="Hide learner names").locator("input")
    hide.uncheck()
    rows = cell.locator("table.careerlab-roster tbody tr")
    rows.first.wait_for()
    roster = [rows.nth(r).locator("td").first.inner_text().strip() for r in range(rows.count())]
    assert roster == sorted(ch.learners)
    assert cell.locator(".careerlab-roster-missing").inner_text().strip() == f"Not handed in yet: {ch.absent}"
    assert "3 of 4 learners have handed in" in cell.inner_text()
    text = cell.inner_text()
    for display in LEARNER_NAMES:
        assert display in text
    assert "Ada Again" not in text  # test_class_hub's second hand-in was replaced by the walk's
    shot(page, "hub-instructor-lesson07")
    page.set_viewport_size({"width": 1280, "height": 2400})  # the whole dashboard, table included
    cell.scroll_into_view_if_needed()
    time.sleep(0.5)
    shot(cell, "hub-instructor-roster")


def test_a_learner_cannot_open_another_learners_server(walk, handed_in):
    ch = walk.ch
    one, two = ch.learners[0], ch.learners[1]
    page = walk.contexts[one].new_page()
    walk.pages.append(page)
    response = page.goto(f"{ch.hub.url}/user/{two}/lab/tree/{START}")
    page.wait_for_load_state()
    body = page.inner_text("body")
    shot(page, "hub-learner1-opens-learner2")
    # JupyterHub's OAuth step refuses: a 403 page on the hub, never learner 2's lab.
    assert response.status == 403, (response.status, page.url, body[:500])
    assert page.url.startswith(f"{ch.hub.url}/hub/"), page.url
    assert "You do not have permission to access" in body and f"/user/{two}/" in body
    assert not page.evaluate("() => !!window.jupyterapp")
    assert "00-start-here" not in body and LEARNER_NAMES[1] not in body
    # Learner 1's own pages (lesson 00 with its panel) never show another learner's name.
    own = handed_in[one]["page"]
    shown = own.inner_text("body")
    assert LEARNER_NAMES[0] in own.locator(".careerlab-progress-name input").input_value()
    for other in (*ch.learners[1:], *LEARNER_NAMES[1:]):
        assert other not in shown


def test_a_learner_sees_no_hand_in_on_lesson_07s_hub_dashboard(walk, handed_in):
    ch = walk.ch
    one = ch.learners[0]
    page = walk.sign_in(one, DASHBOARD)
    run_cells(page, ["from IPython.display import display", "hub_dashboard()"])  # the imports cell, then the dashboard
    cell = page.locator('.jp-Cell[data-hub-test="1"] .jp-Cell-outputArea')
    text = cell.inner_text()
    cell.scroll_into_view_if_needed()
    shot(cell, "hub-learner1-dashboard")
    assert "Only the class's instructors can see other learners' hand-ins." in text
    assert not cell.locator("table").count()
    for other in (*ch.learners, ch.absent, *LEARNER_NAMES):
        assert other not in text
    for other in (*ch.learners[1:], *LEARNER_NAMES[1:]):
        assert other not in page.inner_text("body")


def test_a_notebook_opened_in_the_home_folder_still_finds_careerlab(walk, handed_in):
    """With the lessons cloned into the home folder (as the README's link does), a kernel started
    there, as a new notebook at the lab's root is, imports the installed package, not the folder."""
    from .kernel import execute, start_kernel

    ch = walk.ch
    name = ch.learners[0]
    assert (Path(ch.homes[name]) / LESSONS).is_dir()
    kernel = start_kernel(ch.server(name), ch.tokens[name])
    got = execute(ch.server(name), ch.tokens[name], kernel,
                  "import json, os, careerlab, careerlab.progress\n"
                  "print(json.dumps({'cwd': os.getcwd(), 'version': careerlab.__version__}))").last_json()
    assert got["cwd"] == ch.homes[name] and got["version"] == __import__("careerlab").__version__
