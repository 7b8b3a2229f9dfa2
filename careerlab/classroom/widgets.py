"""The instructor dashboard widget: pick a folder, load, look, hide names, export a CSV."""
from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from careerlab.charting import figure_png
from careerlab.paths import sample_class_folder
from careerlab.ui import chart_html, download_link, message_html, no_maths, readable, safe_callback, typed_path

from .charts import dashboard_figure
from .export import export_class_summary
from .load import LoadProblem, load_class_results, question_prompts
from .activities import ACTIVITY_COLUMN
from .activities import LABELS as ACTIVITY_LABELS
from .results_file import QUIZ_COLUMN
from .summary import class_table
from .text import (counted, describe_loaded, describe_missed, describe_quizzes, describe_split, describe_traits,
                   saved_summary_text)


_CELL = "padding:4px 10px;vertical-align:bottom"


def _block(inner: str) -> str:
    # Names and ids from learners' files are text, never maths: MathJax skips these classes.
    return readable(inner, "careerlab-classroom-text mathjax_ignore tex2jax_ignore")


def _heading(column: str) -> str:
    """A column name in words: fit:coder -> Coder fit, quiz:02-the-medical-coder -> Quiz 02 the medical coder (%)."""
    if column.startswith("fit:"):
        return f"{column[4:].capitalize()} fit"
    if column in ACTIVITY_LABELS:
        return f"{ACTIVITY_LABELS[column]} (%)"
    if column.startswith(QUIZ_COLUMN):
        number, _, rest = column[len(QUIZ_COLUMN):].partition("-")
        return f"Quiz {number} {rest.replace('-', ' ')} (%)"
    return column.capitalize()


def learners_table_html(df: Any, *, names: bool) -> str:
    """The per-learner table (role-fit, leaning, quiz scores) as HTML; names only if ``names``.

    Each header is aligned like its column: words on the left, numbers (and their headers) on
    the right; the last row, the class mean, is bold with a rule above it.
    """
    import pandas as pd

    table = class_table(df, names=names)
    keep = ["learner", "leaning", "fit:coder", "fit:biller"] + [
        c for c in table.columns if c.startswith((QUIZ_COLUMN, ACTIVITY_COLUMN))]
    align = {c: "left" if c in ("learner", "leaning") else "right" for c in keep}
    head = "".join(f"<th scope='col' style='{_CELL};text-align:{align[c]};"
                   f"border-bottom:1px solid #888'>{html.escape(_heading(c))}</th>" for c in keep)
    rows = []
    for i, row in enumerate(table[keep].itertuples(index=False)):
        last = i == len(table) - 1
        extra = ";font-weight:bold;border-top:1px solid #888" if last else ""
        cells = "".join(
            f"<td style='{_CELL};text-align:{align[c]};white-space:nowrap{extra}'>"
            f"{html.escape('–' if pd.isna(v) else v if isinstance(v, str) else f'{v:.0f}')}</td>"
            for c, v in zip(keep, row))
        rows.append(f"<tr>{cells}</tr>")
    # A class with many lessons' columns is wider than a laptop screen: the table scrolls sideways
    # in its own box (reachable with Tab, scrolled with the arrow keys) instead of running off the page.
    return (f"<div class='careerlab-class-table-box' tabindex='0' role='region' aria-label='Learners' "
            f"style='max-width:100%;overflow-x:auto'>"
            f"<table class='careerlab-class-table' style='border-collapse:collapse;margin:4px 0'>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")


def problems_html(problems: list[LoadProblem]) -> str:
    """The skipped files as one warning box (an info box when there are none)."""
    if not problems:
        return no_maths(message_html("Every results file in the folder was read.", "info"))
    # The folder itself (missing, a file, unreadable) is no file "needing a look": say what is wrong with it.
    boxes = [message_html(f"“{p.file}”: {p.reason}, so no results were read. Check the folder's name, "
                          "then load it again.", "warn",
                          title="Folder not found" if "does not exist" in p.reason else "Folder not read")
             for p in problems if p.folder]
    files = [p for p in problems if not p.folder]
    if files:
        lines = "\n".join(f"• {p}" for p in files)
        boxes.append(message_html(f"{counted(len(files), 'file')} {'needs' if len(files) == 1 else 'need'} a look "
                                  f"(nothing in the folder was changed):\n{lines}", "warn",
                                  title="Files skipped or partly used"))
    return no_maths("".join(boxes))


def show_problems(problems: list[LoadProblem]) -> widgets.HTML:
    """The load problems, ready to display in a notebook."""
    return widgets.HTML(problems_html(problems))


class ClassDashboard(widgets.VBox):
    """Folder box, "Hide names" tick box, Load and Export buttons, messages, one figure."""

    def __init__(self, folder: str | Path | None = None) -> None:
        import matplotlib.pyplot as plt

        start = Path(folder) if folder is not None else sample_class_folder()
        # The box shows the folder without the server's path; while its text is unchanged, the
        # folder it was given is the one read (the shown form may not lead back to it).
        self._given = (typed_path(start), start)
        self.folder = widgets.Text(value=self._given[0], description="Results folder",
                                   layout=widgets.Layout(width="640px"),
                                   style={"description_width": "120px"})
        self.hide = widgets.Checkbox(value=True, description="Hide learner names",
                                     indent=False)
        # The four charts are drawn when asked for (drawing them is most of the dashboard's cost)
        self.charts = widgets.Checkbox(value=False, description="Show charts", indent=False)
        self.load_button = widgets.Button(description="Load results", icon="folder-open",
                                          button_style="primary")
        self.export_button = widgets.Button(description="Export class summary (CSV)",
                                            icon="download", disabled=True,
                                            layout=widgets.Layout(width="260px"))
        self.status = widgets.HTML()
        self.summary = widgets.HTML()
        self.table = widgets.HTML()
        self.out = widgets.Output()
        self.fig = plt.figure(figsize=(14, 10))
        plt.close(self.fig)  # shown only through self.out
        self.prompts: dict[str, str] = {}
        self.results: Any = None
        self.problems: list[LoadProblem] = []
        self.exported: Path | None = None
        self.png = b""
        self.load_button.on_click(safe_callback(self.status)(self._load))
        self.export_button.on_click(safe_callback(self.status)(self._export))
        self.hide.observe(safe_callback(self.status)(self._show_table), names="value")
        self.charts.observe(safe_callback(self.status)(self._show_charts), names="value")
        super().__init__([self.folder, widgets.HBox([self.load_button, self.hide, self.charts,
                                                     self.export_button]),
                          self.status, self.summary, self.out, self.table])
        self._load()

    def _read(self) -> tuple[Any, list[LoadProblem]] | None:
        """(results, problems) from the folder, or None (and a message) when none is typed."""
        text = self.folder.value.strip()
        if not text:
            self.status.value = message_html("Type the folder that holds the learners' results "
                                             "files, then press Load results.", "warn")
            return None
        return load_class_results(self._given[1] if text == self._given[0] else text)

    def _status_html(self) -> str:
        return problems_html(self.problems)

    def _load(self, _button: Any = None) -> None:
        got = self._read()
        if got is None:
            return
        self.results, self.problems = got
        self.status.value = self._status_html()
        self.export_button.disabled = self.results.empty
        self._show_table()
        if self.results.empty:
            self.summary.value = _block("<p>No learner results to show.</p>")
            self.out.clear_output()
            return
        prompts = question_prompts()
        sentences = [describe_loaded(self.results), describe_traits(self.results, dots=False),
                     describe_split(self.results),
                     describe_quizzes(self.results, lessons=sorted({k.split("/")[0] for k in prompts})),
                     describe_missed(self.results, prompts=prompts)]
        self.summary.value = _block("".join(f"<p>{html.escape(s)}</p>" for s in sentences))
        self.prompts = prompts
        self._show_charts()

    def _show_charts(self, _change: Any = None) -> None:
        """Draw the four charts of the loaded class when "Show charts" is ticked; else clear them."""
        self.png = b""
        if not self.charts.value or self.results is None or self.results.empty:
            self.out.clear_output()
            return
        dashboard_figure(self.results, fig=self.fig, prompts=self.prompts)
        self.png = figure_png(self.fig, 72, fast=True)
        from IPython.display import HTML, display

        self.out.clear_output(wait=True)
        with self.out:  # an <img> with alt text (an Image output has none in JupyterLab)
            display(HTML(chart_html(self.png, "Charts of the class: trait scores, role fit, "
                                    "knowledge-check scores and the questions most often missed; in the "
                                    "trait chart each dot is one learner. The sentences above the "
                                    "charts say what they show.",
                                    int(self.fig.get_figwidth() * 72))))

    def _show_table(self, _change: Any = None) -> None:
        if self.results is None or self.results.empty:
            self.table.value = ""
            return
        self.table.value = _block("<p><b>Learners</b> (the last row is the class mean; scores "
                                  "out of 100; – means not done yet)</p>"
                                  + learners_table_html(self.results, names=not self.hide.value))

    def _export(self, _button: Any = None) -> None:
        if self.results is None or self.results.empty:
            self.status.value = message_html("Load some results first.", "warn")
            return
        try:
            self.exported = export_class_summary(self.results, names=not self.hide.value)
        except OSError as exc:  # disk full, no permission: say so without the server's path
            self.status.value = message_html(
                f"The class summary could not be saved ({exc.strerror or type(exc).__name__}). "
                "Nothing was changed; free some space or ask your administrator, then try "
                "again.", "warn", title="Not saved")
            return
        link = download_link(self.exported.name, self.exported.read_bytes(),
                             f"Download {self.exported.name}", "careerlab-download-summary")
        self.status.value = (message_html(saved_summary_text(self.exported, self.hide.value), "ok",
                                          title="Saved")
                             + f'<p class="careerlab-downloads" style="margin:4px 0">{link}</p>')


def class_dashboard(folder: str | Path | None = None) -> ClassDashboard:
    """Build the instructor dashboard (it loads the sample class unless given a folder)."""
    return ClassDashboard(folder)
