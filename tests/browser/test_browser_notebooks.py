"""Every notebook in notebooks/, opened in JupyterLab in headless Chromium: Restart Kernel and
Run All Cells must leave no error, every widget drawn, and the file on disk untouched."""
from __future__ import annotations

import pytest

from .conftest import TIMEOUT_MS
from .lab import collect_problems, open_notebook, restart_and_run_all, run_notebook, wait_widgets_settled
from .servers import REPO

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))
HARNESS = "tests/browser/fixtures/harness-check.ipynb"


def test_harness_notices_errors_warnings_and_widgets(lab_page, lab_server):
    """The checks can fail: a notebook that is broken on purpose is reported as broken."""
    open_notebook(lab_page, lab_server, HARNESS, TIMEOUT_MS)
    seconds = restart_and_run_all(lab_page, HARNESS, TIMEOUT_MS)
    wait_widgets_settled(lab_page)
    report = collect_problems(lab_page, HARNESS, seconds)
    # 5 code cells: a widget, a warning, HTML with $ amounts, an error, and one Run All never reaches.
    assert report.code_cells == 5
    assert "only 4 of 5 code cells ran" in report.errors
    assert "cell 5: ValueError: harness error on purpose" in report.errors
    assert any("harness warning on purpose" in w for w in report.warnings)
    assert report.widgets == 1
    # $ pairs drawn as formulas: cell 4's first HTML output and cell 7's markdown. The
    # mathjax_ignore paragraph (cell 4) and the \\$ markdown (cell 8) are fine.
    # Cell 9's two O*NET lose their stars to italics; cell 10 escapes them.
    assert [d.split(":")[0] for d in report.display] == ["cell 4", "cell 7", "cell 9"]
    assert "output shows" in report.display[0] and "markdown shows" in report.display[1]
    assert lab_page.locator(".harness-button").inner_text().strip() == "Harness button"
    # The quiet-lab settings worked: no "official Jupyter news?" question popped up.
    assert "Jupyter news" not in lab_page.inner_text("body")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_cleanly_in_jupyterlab(lab_page, lab_server, notebook):
    rel = f"notebooks/{notebook.name}"
    before = notebook.read_bytes()
    report = run_notebook(lab_page, lab_server, rel, TIMEOUT_MS, shot_name=f"lab-{notebook.stem}")
    print(report.text())
    problems = report.errors + report.display
    assert not problems, f"{rel} in JupyterLab:\n" + "\n".join(problems)
    assert notebook.read_bytes() == before, f"{rel} was changed on disk by running it (autosave?)"


def test_the_learners_table_stays_inside_the_page(lab_page, lab_server):
    """At a laptop's 1280 px, lesson 07's learners table scrolls in its own box instead of running
    past the notebook's right edge."""
    rel = "notebooks/07-instructor-dashboard.ipynb"
    report = run_notebook(lab_page, lab_server, rel, TIMEOUT_MS)
    assert not report.errors, report.errors
    boxes = lab_page.evaluate("""() => [...document.querySelectorAll('.careerlab-class-table-box')].map(b => {
        const area = b.closest('.jp-OutputArea-output').getBoundingClientRect();
        const r = b.getBoundingClientRect();
        return {right: r.right, areaRight: area.right, scrolls: getComputedStyle(b).overflowX};
    })""")
    assert boxes, "lesson 07 drew no learners table"
    for box in boxes:
        assert box["right"] <= box["areaRight"] + 1 and box["scrolls"] == "auto", box


def _table_alignment(page):
    """Every show_table cell on the page: words left, amounts right; every such table one header row."""
    import re

    cells = page.evaluate("""() => [...document.querySelectorAll('table.careerlab-table td')].map(td => {
        const head = td.closest('table').querySelectorAll('thead th')[td.cellIndex];
        return {text: td.innerText.trim(), column: head ? head.innerText.trim() : '',
                align: getComputedStyle(td).textAlign};
    })""")
    money = [c for c in cells if "($)" in c["column"] or re.fullmatch(r"-?\$[\d,]+\.\d\d", c["text"])]
    words = [c for c in cells if re.search(r"[A-Za-z]{3}", c["text"]) and c not in money]
    assert len(money) >= 3 and len(words) >= 3, cells
    assert {c["align"] for c in money} == {"right"}, money
    assert {c["align"] for c in words} == {"left"}, words
    heads = page.evaluate("""() => [...document.querySelectorAll('table.careerlab-table thead')]
        .map(h => h.querySelectorAll('tr').length)""")
    assert heads and set(heads) == {1}, heads  # one header row, a named index included
    return cells


def test_tables_align_text_left_and_money_right_in_jupyterlab(lab_page, lab_server):
    """As JupyterLab draws them (its own stylesheet right-aligns every table cell): in lesson 01's
    tables, a cell of words reads from the left and a dollar amount lines up on the right."""
    rel = "notebooks/01-two-roles.ipynb"
    report = run_notebook(lab_page, lab_server, rel, TIMEOUT_MS)
    assert not report.errors, report.errors
    _table_alignment(lab_page)


def test_lesson_03s_widget_tables_align_like_the_lessons_in_jupyterlab(lab_page, lab_server):
    """Lesson 03's claim form, work queue and the builder's remittance (tables inside widgets, out of
    JupyterLab's table styles' reach) read words left and amounts right, one header row each; the
    builder's adjustments and the queue's claim story are not double-spaced, nor any widget text."""
    import re

    rel = "notebooks/03-the-medical-biller.ipynb"
    report = run_notebook(lab_page, lab_server, rel, TIMEOUT_MS)
    assert not report.errors, report.errors
    button = lab_page.get_by_role("button", name="Submit to the payer")
    button.scroll_into_view_if_needed()
    button.click()
    lab_page.locator('table[aria-label="The remittance"]').wait_for(timeout=TIMEOUT_MS)
    for name in ("Box 24 service lines", "The work queue", "The remittance"):
        assert lab_page.locator(f'table.careerlab-table[aria-label="{name}"]').count() >= 1, name
    cells = _table_alignment(lab_page)
    assert {c["column"] for c in cells} >= {"24F charge", "Balance", "Patient owes"}
    shown = lab_page.evaluate("""() => [...document.querySelectorAll('.widget-html-content')]
        .map(w => w.innerText).join('\\n')""")
    spacing = lab_page.evaluate("""() => [...document.querySelectorAll(
        '.careerlab-adjustments li, .careerlab-queue-claim')].map(e => {
            const s = getComputedStyle(e); return parseFloat(s.lineHeight) / parseFloat(s.fontSize); })""")
    assert len(spacing) >= 2 and max(spacing) < 1.6, spacing  # not a widget's 28 px rows: no double spacing
    doubled = re.findall(r".{0,40}\S {2,}\S.{0,40}", shown)  # as the learner reads it (no-break spaces aside)
    assert not doubled, doubled


def test_lesson_07s_chart_tabs_open_with_the_keyboard_and_draw_when_opened(lab_page, lab_server):
    """Lesson 07's class charts: after Run All only the Traits tab holds a chart; Tab to the tab
    bar, the right arrow and Enter open Role fit, whose chart (with its alt text and sentence) is
    then drawn. A screenshot of the tabs is saved for a person to look at."""
    from .lab import screenshots_dir

    rel = "notebooks/07-instructor-dashboard.ipynb"
    report = run_notebook(lab_page, lab_server, rel, TIMEOUT_MS)
    assert not report.errors, report.errors
    tabs = lab_page.locator(".careerlab-class-charts")
    assert tabs.count() == 1
    names = tabs.get_by_role("tab")
    assert [n.strip() for n in names.all_inner_texts()] == ["Traits", "Role fit", "Quiz scores", "Most missed"]
    assert tabs.locator("img").count() == 1  # only the first tab is drawn at Run All
    assert tabs.locator('img[alt^="Chart: Trait scores across the class."]').is_visible()
    # readable on a projector: the labels at least 16 px (ipywidgets' own were 13 px), each on one line
    sizes = names.evaluate_all("els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert min(sizes) >= 16, sizes
    heights = names.evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    assert max(heights) < 2.6 * min(sizes), heights  # no label wrapped onto a second line
    names.first.scroll_into_view_if_needed()
    names.first.focus()  # where Tab lands: the selected tab is the one in the page's tab order
    assert names.first.get_attribute("tabindex") == "0"
    lab_page.keyboard.press("ArrowRight")
    lab_page.keyboard.press("Enter")
    chart = tabs.locator('img[alt^="Chart: Which role the class leans to."]')
    chart.wait_for(state="visible", timeout=TIMEOUT_MS)
    assert names.nth(1).get_attribute("aria-selected") == "true"
    assert not tabs.locator('img[alt^="Chart: Trait scores"]').is_visible()
    assert tabs.locator("img").count() == 2
    shown = tabs.inner_text()
    assert "Of 32 learners: leaning to coding 13" in shown and "How to read it:" in shown
    chart.evaluate("img => img.decode()")
    tabs.screenshot(path=str(screenshots_dir() / "lab-07-chart-tabs-role-fit.png"))
