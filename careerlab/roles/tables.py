"""Tables for lesson 01, shown in full (pandas imported only when a table is asked for).

Each function returns a ``careerlab.ui.Table``: unlike a DataFrame's own display, it never cuts long
sentences short with "...". The numbers and texts are in ``.data`` (a DataFrame).
"""
from __future__ import annotations

import html
from typing import Any, Iterable, Mapping, Sequence

from careerlab.charting import GREEN, ORANGE, PURPLE, SKY, YELLOW
from careerlab.roles.model import LANES, OWNERS, ROLE_LABELS, Contact, Stage
from careerlab.roles.visit import claim_rows, diagnosis_rows, remittance_rows
from careerlab.ui import Diagram, no_maths, readable, show_table

# Okabe-Ito colours, with black text on each (a contrast of 6:1 or more). Colour is never the only sign
# of the owner: each stage's owner is named in words, in the owner's own column.
STYLE = {"front": YELLOW, "coder": SKY, "shared": PURPLE, "biller": ORANGE, "payer": GREEN}
SHORT = {"coder": "Coder", "shared": "Shared", "biller": "Biller", "payer": "Payer"}
CYCLE_TITLE = "The revenue cycle: who owns each stage (typical physician practice)"
CONTACTS_TITLE = "Who coders and billers work with (source: the web article “Medical Billing Vs Medical Coding”)"


def _frame(rows: list[dict[str, Any]], index: str | None = None) -> Any:
    import pandas as pd

    frame = pd.DataFrame(rows)
    if index:
        frame = frame.set_index(index)
    else:
        frame.index = range(1, len(frame) + 1)
    return show_table(frame)


def stages_table(stages: Iterable[Stage]) -> Any:
    """The revenue cycle as a table: step, stage, what happens, who owns it."""
    return _frame([{"stage": s.stage, "what happens": s.what_happens, "owner": s.owner_label,
                    "in practice": s.owner_note} for s in stages])


def box_label(stage: Stage) -> str:
    """The owner's name written in a stage's box: the front-desk column holds the front desk's stages
    and the clinician's, so it says which of the two."""
    if stage.owner == "front":
        return "Clinician" if stage.owner_note.lower().startswith("clinician") else "Front desk"
    return SHORT[stage.owner]


def revenue_cycle_html(stages: Sequence[Stage]) -> Diagram:
    """The revenue cycle as a grid: one row per stage, top to bottom, and one column per owner; each
    stage's box sits in its owner's column, coloured and named. Real text, so a screen reader reads it as
    a table and a learner can select it (it used to be a matplotlib chart, 0.7 s of the lesson's Run All)."""
    cell = "border-bottom:1px solid #ddd;padding:3px 6px;text-align:center;vertical-align:middle"
    head = "".join(f'<th scope="col" style="{cell};font-weight:600">{html.escape(OWNERS[o])}</th>' for o in LANES)
    rows = []
    for s in stages:
        boxes = "".join(
            f'<td style="{cell}"><span style="display:inline-block;min-width:7em;padding:2px 6px;'
            f'border:1px solid #222;border-radius:3px;background:{STYLE[o]};color:#000">'
            f"{html.escape(box_label(s))}</span></td>" if s.owner == o else f'<td style="{cell}"></td>'
            for o in LANES)
        rows.append(f'<tr><th scope="row" style="{cell};text-align:left;font-weight:normal">'
                    f"{s.step}. {html.escape(s.stage)}</th>{boxes}</tr>")
    table = (f'<table class="careerlab-cycle mathjax_ignore" style="border-collapse:collapse;margin:6px 0">'
             f'<caption style="caption-side:top;text-align:left;font-weight:600;padding-bottom:4px">'
             f"{html.escape(CYCLE_TITLE)}</caption>"
             f'<thead><tr><th scope="col" style="{cell};text-align:left">Stage (in order)</th>{head}</tr></thead>'
             f"<tbody>{''.join(rows)}</tbody></table>")
    return Diagram(no_maths(readable(table)))


def _contact_box(contact: Contact, colour: str) -> str:
    return (f'<div style="border:1px solid #222;border-left:6px solid {colour};border-radius:3px;padding:4px 8px;'
            f'margin:4px 0;background:#fff;color:#000"><b>{html.escape(contact.contact)}</b><br>'
            f'<span style="font-size:13px">{html.escape(contact.what_passes)}</span></div>')


def contacts_html(contacts: Sequence[Contact]) -> Diagram:
    """Who each role works with, as three columns of text: the people coders work with, the two roles and
    the hand-off between them, the people billers work with; each box says what passes between them.
    Real text, so a screen reader reads it as a table (it used to be a matplotlib chart; without it lesson
    01 needs no matplotlib at all)."""
    roles = {r.lower() for r in ROLE_LABELS.values()}
    side = {role: [c for c in contacts if c.role == role and c.contact.lower() not in roles] for role in ROLE_LABELS}
    links = [c for c in contacts if c.contact.lower() in roles]
    cell = "vertical-align:top;padding:4px 10px;width:33%"
    badge = ('<div style="display:inline-block;border:1px solid #222;border-radius:4px;padding:4px 14px;margin:4px 0;'
             'font-weight:700;background:{};color:#000">{}</div>')
    middle = badge.format(STYLE["coder"], "CODER") + "<br>" + "".join(
        f'<div style="font-size:13px;margin:4px 0">⇅ {html.escape(c.what_passes)}</div>' for c in links) + \
        badge.format(STYLE["biller"], "BILLER")
    head = "".join(f'<th scope="col" style="{cell};text-align:{a}">{t}</th>' for t, a in (
        ("Coders work with", "left"), ("The two roles" + (" and their hand-off" if links else ""), "center"),
        ("Billers work with", "left")))
    body = (f'<td style="{cell};text-align:left">{"".join(_contact_box(c, STYLE["coder"]) for c in side["coder"])}</td>'
            f'<td style="{cell};text-align:center">{middle}</td>'
            f'<td style="{cell};text-align:left">{"".join(_contact_box(c, STYLE["biller"]) for c in side["biller"])}</td>')
    table = (f'<table class="careerlab-contacts mathjax_ignore" style="border-collapse:collapse;margin:6px 0;'
             f'max-width:900px"><caption style="caption-side:top;text-align:left;font-weight:600;padding-bottom:4px">'
             f"{html.escape(CONTACTS_TITLE)}</caption><thead><tr>{head}</tr></thead><tbody><tr>{body}</tr></tbody>"
             "</table>")
    return Diagram(no_maths(readable(table)))


def contacts_table(contacts: Iterable[Contact]) -> Any:
    """Who each role works with and what passes between them."""
    return _frame([{"role": c.role.capitalize(), "works with": c.contact, "what passes": c.what_passes}
                   for c in contacts])


def diagnosis_table(visit: Mapping[str, Any], descriptions: Mapping[str, str] | None = None) -> Any:
    """Box 21 of the claim (diagnosis codes with pointer letters)."""
    return _frame(diagnosis_rows(visit, descriptions), index="pointer")


def claim_table(visit: Mapping[str, Any]) -> Any:
    """Box 24 of the claim (one line per service)."""
    return _frame(claim_rows(visit))


def remittance_advice_table(remit: Any) -> Any:
    """The remittance advice of the visit (``price_visit``), read top to bottom: each amount in dollars,
    its group-reason code and its meaning."""
    rows = []
    for row in remittance_rows(remit):
        code = f"{row['group']}-{row['reason']}" if row["group"] else ""
        rows.append({"amount ($)": f"{row['amount']:.2f}",
                     "group-reason code": code, "what it means": row["meaning"]})
    return _frame(rows)


def codes_table(rows: list[dict[str, object]]) -> Any:
    """The result of ``check_codes`` as a table."""
    return _frame(rows)
