"""Shared helper for the claims tests (no tests here): build claims from the synthetic visits with changes."""
from careerlab.claims.model import claim_from_dict, claim_to_dict
from careerlab.claims.data import load_visits


def visit(visit_id="V01", line_changes=None, **changes):
    """A claim from a synthetic visit, with top-level fields and per-line fields changed.

    line_changes: {line_number: {field: value}}.
    """
    raw = claim_to_dict(load_visits()[visit_id])
    raw.update(changes)
    for number, fields in (line_changes or {}).items():
        raw["lines"][number - 1].update(fields)
    return claim_from_dict(raw)
