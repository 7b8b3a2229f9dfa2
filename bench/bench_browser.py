"""Benchmark: time to interactive in the browser, as a learner meets lessons 00 and 01.

JupyterLab is started as the browser tests start it (tests/browser/servers.py: the project's lab
settings, a fresh CAREERLAB_HOME, loopback), and driven in Debian's Chromium. For each lesson:

- first run: a fresh learner (nothing saved yet) opens the lesson and runs Kernel → Restart Kernel
  and Run All; seconds from the command to the last cell done and the kernel idle;
- later run: the same learner runs it again (the kernel restarts, the learner's files are there).

The ICD-10-CM look-up comes from the cache built at install (`make bench` builds it first), as it
does for a learner. Without Chromium one row says it was not measured.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LESSONS = ("notebooks/00-start-here.ipynb", "notebooks/01-two-roles.ipynb")
TARGET_S = 3.0  # issue 16: the first lesson's Run All on a fresh install
TIMEOUT_MS = 300_000


def _chromium() -> str | None:
    for candidate in (shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def run() -> list[dict]:
    chromium = _chromium()
    if chromium is None:
        return [{"name": "browser: not measured (Debian's chromium is not installed)", "value": None,
                 "unit": "", "target": "", "floor": None, "ok": None}]
    sys.path.insert(0, str(ROOT / "tests"))
    from playwright.sync_api import sync_playwright

    from browser.conftest import CHROMIUM_ARGS
    from browser.lab import load_lab, open_notebook, reset_lab, restart_and_run_all
    from browser.servers import start_lab

    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="careerlab-bench-browser-") as tmp:
        server = start_lab(Path(tmp))
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                load_lab(page, server, TIMEOUT_MS)
                for lesson in LESSONS:
                    open_notebook(page, server, lesson, TIMEOUT_MS)
                    first = restart_and_run_all(page, lesson, TIMEOUT_MS)
                    later = restart_and_run_all(page, lesson, TIMEOUT_MS)
                    name = Path(lesson).name
                    rows.append({"name": f"browser: {name}, Run All, a new learner's first run", "value": first,
                                 "unit": "s", "target": f"≤ {TARGET_S:.0f} s", "floor": None,
                                 "ok": first <= TARGET_S})
                    rows.append({"name": f"browser: {name}, Run All, a later run", "value": later,
                                 "unit": "s", "target": "", "floor": None, "ok": None})
                    reset_lab(page, server, TIMEOUT_MS)  # close it (unsaved) and shut its kernel down
                browser.close()
        finally:
            server.stop()
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
