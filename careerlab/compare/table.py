"""The side-by-side table and the pay figures as text and HTML (pure string building)."""
from __future__ import annotations

import html

from careerlab.compare.data import Aspect, load_pay_outlook, load_side_by_side


def side_by_side_html(aspects: list[Aspect] | None = None) -> str:
    """An HTML table: one row per aspect, a column per role, and the source of each row."""
    aspects = aspects if aspects is not None else load_side_by_side()
    head = "<thead><tr>" + "".join(
        f"<th scope='col' style='text-align:left'>{name}</th>"
        for name in ("Aspect", "Medical coder", "Medical biller", "Source")) + "</tr></thead>"
    rows = "".join(
        f"<tr><th scope='row' style='text-align:left'>{html.escape(a.aspect)}</th>"
        f"<td style='text-align:left'>{html.escape(a.coder)}</td>"
        f"<td style='text-align:left'>{html.escape(a.biller)}</td>"
        f"<td style='text-align:left;font-size:0.9em'><i>{html.escape(a.source)}</i></td></tr>"
        for a in aspects)
    return (f"<table class='careerlab-compare-table' style='border-collapse:collapse;font-size:14px'>"
            f"<caption>Medical coder and medical biller, side by side</caption>{head}<tbody>{rows}</tbody></table>")


def pay_outlook_lines() -> list[str]:
    """One sentence per BLS figure with its period and source, then what was left out and why."""
    data = load_pay_outlook()
    lines = []
    for f in data["figures"]:
        value = f["value"]
        shown = (f"${value:,}" if f["unit"].startswith("USD") else
                 f"+{value} %" if f["unit"] == "percent" else f"about {value:,}")
        lines.append(f"{f['occupation']} (SOC {f['soc']}, includes {f['includes']}): {f['measure'].lower()} "
                     f"{shown} ({f['period']}). Source: {f['source']}.")
    for gap in data.get("left_out", []):
        lines.append(f"Left out: {gap['occupation']} (SOC {gap['soc']}). {gap['why']}")
    return lines
