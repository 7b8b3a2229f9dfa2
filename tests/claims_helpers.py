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


def column_alignment(html, nth=0):
    """How the ``nth`` show_table table in ``html`` aligns each column, by header: {"Paid": "right", ...}.

    Read from the table's own id-scoped rules (as JupyterLab applies them); the table must have one header row.
    """
    import re

    marks = re.findall(r'<table id="(careerlab-t\w+)"', html)
    assert len(marks) > nth, "no show_table table here"
    mark = marks[nth]
    table = html[html.index(f'<table id="{mark}"'):]
    head = re.search(r"<thead>(.*?)</thead>", table, re.S).group(1)
    assert head.count("<tr") == 1, "more than one header row"
    names = [re.sub(r"<[^>]+>", "", n).strip() for n in re.findall(r"<th[^>]*>(.*?)</th>", head, re.S)]
    assert f"#{mark} th, #{mark} td {{text-align: left" in html
    right = {int(n) for n in re.findall(rf"#{mark} td:nth-child\((\d+)\) {{text-align: right}}", html)}
    return {name: "right" if i + 1 in right else "left" for i, name in enumerate(names)}
