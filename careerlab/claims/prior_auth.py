"""Prior authorisation: checking that an approval on file covers the service as it will be billed."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Authorization:
    """An approval from the payer (synthetic): its number, the service, how many units, and the dates it covers."""

    number: str
    code: str
    units: int
    valid_from: date
    valid_to: date


def auth_problem(auth: Authorization | None, code: str, units: int, day: date) -> str | None:
    """None when ``auth`` covers ``units`` of ``code`` on ``day``; else why the payer would deny the line.

    >>> a = Authorization("PA-1", "20610", 1, date(2026, 3, 1), date(2026, 3, 31))
    >>> auth_problem(a, "20610", 1, date(2026, 4, 2))
    'The authorisation ended on 2026-03-31; ask the payer to extend it before the visit.'
    """
    if auth is None:
        return "No authorisation is on file; request one from the payer before the service."
    if auth.code != code:
        return f"The authorisation is for {auth.code}, not {code}; ask the payer to update it before the visit."
    if not auth.valid_from <= day <= auth.valid_to:
        edge = "ended on " + auth.valid_to.isoformat() if day > auth.valid_to else "starts on " + auth.valid_from.isoformat()
        return f"The authorisation {edge}; ask the payer to extend it before the visit."
    if units > auth.units:
        return f"The authorisation covers {auth.units} unit(s), not {units}; ask for more before the visit."
    return None
