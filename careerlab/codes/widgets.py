"""Widgets for lesson 02: code look-up, word search, E/M levels, visit-note exercises, code-set drill.

Each function builds and returns a widget; callbacks are one step into the pure logic and go
through ``careerlab.ui.safe_callback`` so a learner never sees a traceback.
"""
from __future__ import annotations

import html

import ipywidgets as W

from careerlab.codes.em import (MDM_ELEMENT_LEVELS, MDM_LEVELS, em_code_by_mdm, em_code_by_time, em_level_by_mdm,
                               prolonged_units, time_thresholds)
from careerlab.codes.explore import describe, is_billable, lookup_family, lookup_heading
from careerlab.codes.tables import search_table, table_html
from careerlab.ui import message_html, readable, safe_callback, show_message


def block(inner: str, css_class: str = "careerlab-codes-text") -> str:
    """Wrap HTML for an ``HTML`` widget so its lines are spaced like ordinary text."""
    return readable(inner, css_class)


# The chosen button of a choice row: dark blue with white bold text (contrast about 8:1), an
# inset border and a check mark, so it rests neither on a shade of grey nor on colour alone. It
# is all CSS, scoped to our class (the buttons are wide enough for the bold label and its mark,
# so nothing is cut to "Straightforw…"): changing the buttons' icons or labels from Python would make
# the page rebuild the buttons and lose the keyboard focus after each Space or Enter.
CHOICE_CLASS = "careerlab-choice"
CHOICE_CSS = (f"<style>.{CHOICE_CLASS} button.widget-toggle-button{{width:auto;min-width:180px}}"
              f".{CHOICE_CLASS} button.mod-active{{background:#0b4f8a;color:#fff;"
              "font-weight:bold;box-shadow:inset 0 0 0 2px #062c4d}"
              f".{CHOICE_CLASS} button.mod-active::before{{content:'\\2714\\00a0'}}"
              f".{CHOICE_CLASS} button:focus-visible{{outline:3px solid #e69f00;outline-offset:1px}}"
              "</style>")


def choice_style() -> W.HTML:
    """The style of the chosen buttons, shown once in each widget that has a choice row."""
    style = W.HTML(CHOICE_CSS)
    style.add_class("careerlab-choice-style")
    return style


def mark_choice(toggle: W.ToggleButtons) -> W.ToggleButtons:
    """Give ``toggle`` the high-contrast, check-marked look of ``CHOICE_CSS`` for its chosen button."""
    toggle.add_class(CHOICE_CLASS)
    return toggle


def _family_path(family) -> str:
    """Chapter 19 → S50-S59 → S52 → … → the code, one line."""
    return " → ".join(html.escape(f"Chapter {c.code}" if c.kind == "chapter" else c.code) for c in family)


def submit_on_enter(box: W.Text, run) -> None:
    """Enter (or leaving the box) in ``box`` runs ``run``, as its button does.

    ipywidgets 8 deprecates ``Text.on_submit``; instead the box sends its value only on Enter or
    blur (``continuous_update=False``) and a change of value runs the search. The button still
    runs it for the same text again."""
    box.continuous_update = False
    box.observe(lambda change: run(), names="value")


def lookup_widget(code: str = "E11.9") -> W.VBox:
    """Type a code, press Enter or Look up: its description, billable or not, and its family.

    Every answer names the code it is about, so an answer never sits under another code."""
    box = W.Text(value=code, description="Code:", placeholder="e.g. E11.9")
    button = W.Button(description="Look up", button_style="primary", tooltip="Look the code up in ICD-10-CM")
    result = W.HTML()
    for w, part in ((box, "input"), (button, "button"), (result, "result")):
        w.add_class(f"careerlab-codes-lookup-{part}")

    @safe_callback(result)
    def on_click(_=None):
        typed = box.value
        text = describe(typed)
        asked = html.escape(typed.strip()) or "(empty)"
        family = lookup_family(typed)
        if not family:
            title, kind, note = lookup_heading(typed)
            result.value = message_html(f"{text} {note}".strip(), kind, title=title)
            return
        kind = "ok" if is_billable(typed) else "warn"
        title = f"{family[-1].code} — {'Billable' if kind == 'ok' else 'Not billable'}"
        read = "" if family[-1].code == typed.strip() else f"You typed {asked}, read as {html.escape(family[-1].code)}. "
        result.value = message_html(text, kind, title=title) + block(f"{read}Family: {_family_path(family)}")

    button.on_click(on_click)
    submit_on_enter(box, on_click)
    on_click()
    widget = W.VBox([W.HBox([box, button]), result])
    widget.add_class("careerlab-codes-lookup")
    return widget


def search_widget(text: str = "streptococcal pharyngitis", limit: int = 10) -> W.VBox:
    """Search the release by words (Enter or Search); shows the first hits as a table."""
    box = W.Text(value=text, description="Words:", placeholder="e.g. fracture radius")
    billable = W.Checkbox(value=False, description="Billable codes only")
    button = W.Button(description="Search", button_style="primary")
    result = W.HTML()
    for w, part in ((box, "input"), (button, "button"), (result, "result")):
        w.add_class(f"careerlab-codes-search-{part}")

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
    submit_on_enter(box, on_click)
    billable.observe(lambda change: on_click(), names="value")
    on_click()
    widget = W.VBox([W.HBox([box, billable, button]), result])
    widget.add_class("careerlab-codes-search")
    return widget


def prolonged_html(minutes: int, new_patient: bool) -> str:
    """At the top level: the prolonged-service add-on each payer takes for these minutes."""
    rules = prolonged_units(minutes, new_patient)
    if not rules:
        return ""
    lines = []
    for r in rules:
        got = (f"{r['base']} + {r['code']} × {r['units']}" if r["units"]
               else f"{r['base']} only: the first {r['code']} unit needs {r['first_at']} minutes")
        lines.append(f"<li><b>{html.escape(r['payer'])}</b>: {html.escape(got)} (first unit at {r['first_at']} min, "
                     f"then one per further full {r['unit_minutes']} min)</li>")
    return block("<p style='margin:4px 0'>Prolonged time, only when the level was chosen by time:</p>"
                 f"<ul style='margin:0'>{''.join(lines)}</ul><p style='font-size:12px;margin:2px 0'>"
                 "Sources: AMA CPT prolonged-service rule (2024) for 99417; CMS CY 2021 Physician Fee Schedule "
                 "final rule and E/M fact sheet (January 2021) for G2212, still in force in 2026.</p>")


def em_time_widget(minutes: int = 25, new_patient: bool = False) -> W.VBox:
    """A slider for total minutes and a new/established toggle show the office-visit code."""
    slider = W.IntSlider(value=minutes, min=0, max=120, step=1, description="Minutes:",
                         style={"description_width": "initial"})
    who = mark_choice(W.ToggleButtons(options=[("New patient", True), ("Established patient", False)],
                                      value=new_patient, description="Patient:",
                                      tooltips=["First visit to this practice", "Seen here before"]))
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
            result.value = (message_html(f"{slider.value} minutes → {code}", "info", title="Code") + block(table)
                            + prolonged_html(slider.value, who.value))

    slider.observe(update, names="value")
    who.observe(update, names="value")
    update()
    box = W.VBox([slider, who, result, choice_style()])
    box.add_class("careerlab-codes-em-time")
    return box


def em_mdm_widget() -> W.VBox:
    """Pick the level of problems, data and risk: the 2-of-3 rule decides the MDM level."""
    def options(element: str) -> list[tuple[str, str]]:
        return [(name.capitalize(), lvl) for name, lvl in zip(MDM_ELEMENT_LEVELS[element], MDM_LEVELS)]

    problems = mark_choice(W.ToggleButtons(options=options("problems"), value="low", description="Problems:"))
    data = mark_choice(W.ToggleButtons(options=options("data"), value="straightforward", description="Data:"))
    risk = mark_choice(W.ToggleButtons(options=options("risk"), value="moderate", description="Risk:"))
    who = mark_choice(W.ToggleButtons(options=[("New patient", True), ("Established patient", False)],
                                      value=False, description="Patient:"))
    result = W.HTML()

    @safe_callback(result)
    def update(_=None):
        level = em_level_by_mdm(problems.value, data.value, risk.value)
        code = em_code_by_mdm(level, who.value)
        met = [f"{n} ({w.label.lower()})" for n, w in (("problems", problems), ("data", data), ("risk", risk))
               if MDM_LEVELS.index(w.value) >= MDM_LEVELS.index(level)]
        text = f"MDM level: {level} → {code}. Elements that reach {level}: {', '.join(met)} (2 of 3 needed)."
        result.value = message_html(text, "info", title="Result")

    for w in (problems, data, risk, who):
        w.observe(update, names="value")
    update()
    box = W.VBox([problems, data, risk, who, result, choice_style()])
    box.add_class("careerlab-codes-mdm")
    return box
