"""Drive a notebook in JupyterLab the way a learner would: open it, Restart Kernel and Run All
Cells, wait for the kernel, and list what a learner would see go wrong."""
from __future__ import annotations

import os
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from . import labjs as js

def screenshots_dir() -> Path:
    """This run's screenshot folder: $CAREERLAB_SCREENSHOTS, which tests/conftest.py sets under
    pytest's temp folder (tests write nowhere else); the run's summary prints where it is."""
    folder = os.environ.get("CAREERLAB_SCREENSHOTS", "").strip()
    if not folder:
        raise RuntimeError("CAREERLAB_SCREENSHOTS is not set: run these tests through pytest (tests/conftest.py)")
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path
MAX_SHOT_HEIGHT = 16000  # px per image; longer notebooks are saved in parts


@dataclass
class RunReport:
    """What one Restart-and-Run-All left on the page."""

    notebook: str
    seconds: float
    code_cells: int
    errors: list[str] = field(default_factory=list)  # a cell failed, a widget did not draw
    display: list[str] = field(default_factory=list)  # it ran, but the page shows something wrong
    warnings: list[str] = field(default_factory=list)  # stderr a learner sees (not a failure)
    widgets: int = 0
    images: int = 0
    screenshots: list[Path] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)

    def text(self) -> str:
        """A plain summary (saved next to the screenshots, printed by the tests)."""
        lines = [f"{self.notebook}: {self.code_cells} code cells ran in {self.seconds:.1f} s; "
                 f"{self.widgets} widgets, {self.images} images; "
                 + ", ".join(f"{k} {v:.1f} s" for k, v in self.phases.items())]
        lines += [f"ERROR: {e}" for e in self.errors] + [f"DISPLAY: {d}" for d in self.display]
        lines += [f"warning: {w}" for w in self.warnings]
        lines += [f"screenshot: {p.name}" for p in self.screenshots]
        return "\n".join(lines) + "\n"


def lab_url(server) -> str:
    """JupyterLab in a fresh, throw-away workspace (nothing reopens from an earlier run)."""
    return f"{server.url}/lab/workspaces/t{uuid.uuid4().hex[:8]}?reset&token={server.token}"


def load_lab(page, server, timeout_ms: int) -> None:
    """Load JupyterLab in this tab and wait until it has started (done once per test session)."""
    page.goto(lab_url(server), timeout=timeout_ms)
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.started", timeout=timeout_ms)
    page.evaluate("() => window.jupyterapp.restored")


def reset_lab(page, server, timeout_ms: int) -> None:
    """Close every open document and shut down every kernel; reload the lab if the tab broke."""
    page.set_viewport_size({"width": 1280, "height": 900})
    try:
        if page.evaluate("() => !!(window.jupyterapp && window.jupyterapp.shell)"):
            page.evaluate(js.RESET_JS)
            return
    except Exception:  # noqa: BLE001 - a crashed or navigated tab: start again below
        pass
    load_lab(page, server, timeout_ms)


def open_notebook(page, server, rel_path: str, timeout_ms: int) -> None:
    """Open the notebook (File → Open) and wait until its kernel is connected and idle,
    choosing the default kernel if the lab asks which one."""
    if not page.evaluate("() => !!window.jupyterapp"):
        load_lab(page, server, timeout_ms)
    page.evaluate("(path) => { window.jupyterapp.commands.execute('docmanager:open', "
                  "{path, factory: 'Notebook'}); }", rel_path)
    deadline = time.monotonic() + timeout_ms / 1000
    state = None
    while time.monotonic() < deadline:
        dialog = page.locator(".jp-Dialog")
        if dialog.count() and "kernel" in dialog.first.inner_text().lower():
            dialog.locator(".jp-mod-accept").first.click()  # "Select Kernel": take the default
        state = page.evaluate(js.STATE_JS)
        if state and state["ready"] and state["path"] == rel_path and state["kernel"] == "idle":
            return
        time.sleep(0.25)
    raise AssertionError(f"{rel_path}: the notebook or its kernel did not become ready; last state {state}")


def restart_and_run_all(page, rel_path: str, timeout_ms: int) -> float:
    """Kernel → Restart Kernel and Run All Cells…, accept the dialog, wait until everything ran.

    Returns the seconds until everything had run: the first poll that found the kernel idle and every
    cell done (the polls after it only confirm that it stays so, and are not the learner's wait). Stops
    waiting early when a cell raised an error (Run All stops there too)."""
    start = time.monotonic()
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:restart-run-all'); }")
    accept = page.locator(".jp-Dialog .jp-mod-accept")
    accept.wait_for(state="visible", timeout=30_000)
    accept.click()
    page.locator(".jp-Dialog").wait_for(state="detached", timeout=30_000)
    deadline = start + timeout_ms / 1000
    settled, state, finished_at = 0, None, None
    while time.monotonic() < deadline:
        state = page.evaluate(js.STATE_JS)
        now = time.monotonic()
        finished = state and state["kernel"] == "idle" and state["running"] == 0 and (
            state["done"] == state["code"] or state["errors"] > 0)
        settled = settled + 1 if finished else 0
        finished_at = (finished_at or now) if finished else None
        if settled >= 3:  # idle on three polls in a row: not a pause between two cells
            return finished_at - start
        time.sleep(0.2)
    raise AssertionError(f"{rel_path}: Run All did not finish within {timeout_ms / 1000:.0f} s; last state {state}")


def wait_widgets_settled(page, settle_s: float = 20.0) -> None:
    """Give widget views time to load; after that, "Loading widget…" left on the page is a failure."""
    deadline = time.monotonic() + settle_s
    while time.monotonic() < deadline and "Loading widget" in page.inner_text("body"):
        time.sleep(0.5)


def collect_problems(page, rel_path: str, seconds: float) -> RunReport:
    """List errors (tracebacks, widget failures) and warnings (other stderr) on the page."""
    state = page.evaluate(js.STATE_JS)
    report = RunReport(rel_path, seconds, state["code"])
    if state["done"] < state["code"]:
        report.errors.append(f"only {state['done']} of {state['code']} code cells ran")
    for o in page.evaluate(js.OUTPUTS_JS):
        if o["type"] == "error":
            report.errors.append(f"cell {o['cell']}: {o['ename']}: {o['evalue']}")
        elif o["type"] == "stream" and o["name"] == "stderr":
            target = report.errors if "Traceback" in o["text"] else report.warnings
            target.append(f"cell {o['cell']} wrote to stderr: {o['text'].strip()[:300]}")
        if "application/vnd.jupyter.widget-view+json" in o["mimes"]:
            report.widgets += 1
        if "image/png" in o["mimes"] or "image/svg+xml" in o["mimes"]:
            report.images += 1
    body = page.inner_text("body")
    for phrase in ("Error displaying widget", "Loading widget", "Something went wrong with this exercise"):
        if phrase in body:
            report.errors.append(f'the page shows "{phrase}"')
    for cell, kind, snippet in page.evaluate(js.MATHS_JS):
        report.display.append(f"cell {cell}: {kind} shows a maths formula where the text has "
                             f"{snippet!r}: JupyterLab reads a pair of $ signs as a formula; in markdown write \\\\$ (two "
                              "backslashes: JupyterLab 4 ignores one, jupyterlab#8645); in HTML output "
                              "give the table or its wrapper class=\"mathjax_ignore\" (or write \\$ in the HTML)")
    for cell, word in page.evaluate(js.STARS_JS):
        report.display.append(f"cell {cell}: markdown turns the * in {word!r} into italics; write it with a "
                              "backslash before the star (O\\*NET)")
    rendered = page.locator(".jp-OutputArea-output .jupyter-widgets").count()
    if report.widgets and not rendered:
        report.errors.append(f"{report.widgets} widget outputs but no widget drawn on the page")
    return report


def _scroll_to(page, top: int) -> None:
    page.evaluate(f"""() => {{ const w = window.jupyterapp.shell.currentWidget;
        (w.content.node.querySelector('.jp-WindowedPanel-outer') || w.content.node).scrollTop = {top}; }}""")
    time.sleep(0.5)


def screenshot_notebook(page, name: str) -> list[Path]:
    """Save the whole notebook (not just the visible part) as PNGs in this run's screenshot folder (screenshots_dir)."""
    shots = screenshots_dir()
    for old in shots.glob(f"{name}-part*.png"):
        old.unlink()
    page.evaluate("() => { const s = window.jupyterapp.shell; s.collapseLeft(); s.collapseRight(); }")
    _scroll_to(page, 0)
    size = page.evaluate(js.SCROLLER_JS)
    chrome = size["inner"] - size["client"]
    width = page.viewport_size["width"] if page.viewport_size else 1280
    page.set_viewport_size({"width": width, "height": min(size["content"] + chrome, MAX_SHOT_HEIGHT)})
    time.sleep(0.8)  # let the lab re-layout at the new size
    size = page.evaluate(js.SCROLLER_JS)
    paths, top = [], 0
    while True:
        path = shots / (f"{name}.png" if not paths else f"{name}-part{len(paths) + 1}.png")
        page.screenshot(path=str(path))
        paths.append(path)
        top += size["client"]
        if top >= size["content"]:
            return paths
        _scroll_to(page, top)


def run_notebook(page, server, rel_path: str, timeout_ms: int, shot_name: str | None = None) -> RunReport:
    """Open, Restart and Run All, wait, collect problems, take screenshots."""
    t0 = time.monotonic()
    open_notebook(page, server, rel_path, timeout_ms)
    t1 = time.monotonic()
    seconds = restart_and_run_all(page, rel_path, timeout_ms)
    t2 = time.monotonic()
    wait_widgets_settled(page)
    report = collect_problems(page, rel_path, seconds)
    t3 = time.monotonic()
    if shot_name:
        report.screenshots = screenshot_notebook(page, shot_name)
    report.phases = {"open": t1 - t0, "run": t2 - t1, "check": t3 - t2, "screenshot": time.monotonic() - t3}
    if shot_name:
        (screenshots_dir() / f"{shot_name}.txt").write_text(report.text(), encoding="utf-8")
    return report
