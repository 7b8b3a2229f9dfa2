"""Is a diagnosis code billable? Ask the series' ICD-10-CM tools, or fall back to the lesson's short table."""
from __future__ import annotations

from typing import Callable

from careerlab.claims.tables import ClaimTables


def _billable_checker() -> Callable[[str], bool] | None:
    """`careerlab.codes.is_billable` when the code tools are installed, else None (use the small fallback table)."""
    try:
        from careerlab.codes import is_billable
    except Exception:  # not written yet, or broken: fall back rather than fail the scrub
        return None
    return is_billable


def diagnosis_problem(code: str, tables: ClaimTables) -> tuple[str, str] | None:
    """None when `code` is a billable ICD-10-CM code, else (severity, explanation)."""
    row = tables.diagnoses.get(code)
    hint = (row or {}).get("hint") or "Ask the coder for the complete, most specific code the notes support."
    checker = _billable_checker()
    if checker is not None:
        try:
            if checker(code):
                return None
            return "error", f"{code} is not a valid, billable ICD-10-CM code. {hint}"
        except Exception:
            pass
    if row is None:
        return "warning", (f"{code} is not in this lesson's short list of diagnosis codes, so it could not be "
                           "checked here. Look it up in the ICD-10-CM code set before sending.")
    if row["billable"] != "yes":
        return "error", f"{code} is not a billable ICD-10-CM code. {hint}"
    return None
