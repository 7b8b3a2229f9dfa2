"""Tables for lesson 01, shown in full (pandas imported only when a table is asked for).

Each function returns a ``careerlab.ui.Table``: unlike a DataFrame's own display, it never cuts long
sentences short with "...". The numbers and texts are in ``.data`` (a DataFrame).
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from careerlab.roles.model import Contact, Stage
from careerlab.roles.visit import claim_rows, diagnosis_rows, remittance_rows
from careerlab.ui import show_table


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
