"""Widgets for lesson 02: code look-up, word search, E/M levels, visit-note exercises, code-set drill.

Each function builds and returns a widget; callbacks are one step into the pure logic and go
through ``careerlab.ui.safe_callback`` so a learner never sees a traceback.
"""
from __future__ import annotations

import html

import ipywidgets as W

from careerlab.codes.em import MDM_LEVELS, em_code_by_mdm, em_code_by_time, em_level_by_mdm, time_thresholds
from careerlab.codes.explore import code_family, describe, is_billable
from careerlab.codes.tables import search_table, table_html
from careerlab.ui import message_html, readable, safe_callback, show_message


def block(inner: str, css_class: str = "careerlab-codes-text") -> str:
    """Wrap HTML for an ``HTML`` widget so its lines are spaced like ordinary text."""
    return readable(inner, css_class)


def lookup_widget(code: str = "E11.9") -> W.VBox:
    """Type a code, press Look up: its description, billable or not, and its family."""
    box = W.Text(value=code, description="Code:", placeholder="e.g. E11.9")
    button = W.Button(description="Look up", button_style="primary", tooltip="Look the code up in ICD-10-CM")
    result = W.HTML()
    for w, part in ((box, "input"), (button, "button"), (result, "result")):
        w.add_class(f"careerlab-codes-lookup-{part}")

    @safe_callback(result)
    def on_click(_=None):
        text = describe(box.value)
        family = code_family(box.value)
        if not family:
            result.value = message_html(text, "warn", title="Not a billable diagnosis code")
            return
        kind = "ok" if is_billable(box.value) else "warn"
        title = "Billable" if kind == "ok" else "Not billable"
        path = " → ".join(html.escape(f"{c.code}" if c.kind != "chapter" else f"chapter {c.code}") for c in family)
        result.value = message_html(text, kind, title=title) + block(f"Family: {path}")

    button.on_click(on_click)
    on_click()
    widget = W.VBox([W.HBox([box, button]), result])
    widget.add_class("careerlab-codes-lookup")
    return widget


def search_widget(text: str = "streptococcal pharyngitis", limit: int = 10) -> W.VBox:
    """Search the release by words; shows the first hits as a table."""
    box = W.Text(value=text, description="Words:", placeholder="e.g. fracture radius")
    billable = W.Checkbox(value=False, description="Billable codes only")
    button = W.Button(description="Search", button_style="primary")
    result = W.HTML()

    @safe_callback(result)
    def on_click(_=None):
        if not box.value.strip():
            show_message(result, "Type one or more words to search for, e.g. fracture radius.", "warn")
            return
        df = search_table(box.value, limit=limit, billable_only=billable.value)
        if df.empty:
            show_message(result, f"No code descriptions contain every word of “{box.value.strip()}”. "
                         "ICD-10-CM uses medical words: try “streptococcal pharyngitis” rather than “strep throat”.", "info")
            return
        result.value = block(table_html(df, f"ICD-10-CM codes matching {box.value.strip()}"))

    button.on_click(on_click)
    on_click()
    return W.VBox([W.HBox([box, billable, button]), result])


def em_time_widget(minutes: int = 25, new_patient: bool = False) -> W.VBox:
    """A slider for total minutes and a new/established toggle show the office-visit code."""
    slider = W.IntSlider(value=minutes, min=0, max=90, step=1, description="Minutes:",
                         style={"description_width": "initial"})
    who = W.ToggleButtons(options=[("New patient", True), ("Established patient", False)], value=new_patient,
                          description="Patient:", tooltips=["First visit to this practice", "Seen here before"])
    result = W.HTML()

    @safe_callback(result)
    def update(_=None):
        code = em_code_by_time(slider.value, who.value)
        table = ", ".join(f"{c} ≥ {m} min" for c, m in time_thresholds(who.value).items())
        if code is None:
            lowest = min(time_thresholds(who.value).values())
            text = f"{slider.value} minutes is below the lowest threshold ({lowest} min): choose the level by decision making instead."
            result.value = message_html(text, "warn", title="No code by time") + block(table)
        else:
            result.value = message_html(f"{slider.value} minutes → {code}", "info", title="Code") + block(table)

    slider.observe(update, names="value")
    who.observe(update, names="value")
    update()
    return W.VBox([slider, who, result])


def em_mdm_widget() -> W.VBox:
    """Pick the level of problems, data and risk: the 2-of-3 rule decides the MDM level."""
    options = [(lvl.capitalize(), lvl) for lvl in MDM_LEVELS]
    problems = W.ToggleButtons(options=options, value="low", description="Problems:")
    data = W.ToggleButtons(options=options, value="straightforward", description="Data:")
    risk = W.ToggleButtons(options=options, value="moderate", description="Risk:")
    who = W.ToggleButtons(options=[("New patient", True), ("Established patient", False)], value=False,
                          description="Patient:")
    result = W.HTML()

    @safe_callback(result)
    def update(_=None):
        level = em_level_by_mdm(problems.value, data.value, risk.value)
        code = em_code_by_mdm(level, who.value)
        met = [n for n, w in (("problems", problems), ("data", data), ("risk", risk))
               if MDM_LEVELS.index(w.value) >= MDM_LEVELS.index(level)]
        text = f"MDM level: {level} → {code}. Elements at or above {level}: {', '.join(met)} (2 of 3 needed)."
        result.value = message_html(text, "info", title="Result")

    for w in (problems, data, risk, who):
        w.observe(update, names="value")
    update()
    return W.VBox([problems, data, risk, who, result])
