"""Display tables: the side-by-side comparison (HTML) and the O*NET interest differences (a
DataFrame)."""
from __future__ import annotations

import html
from typing import Any

from careerlab.compare.data import load_riasec, load_side_by_side
from careerlab.compare.model import RIASEC, Aspect


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


def riasec_differences(scores: dict[str, dict[str, float]] | None = None) -> list[dict[str, Any]]:
    """One row per O*NET interest area: the coders' score, the billers' score and coders minus billers.

    >>> riasec_differences({"coder": {a: 4.0 for a in RIASEC}, "biller": {a: 3.5 for a in RIASEC}})[0]
    {'Interest area': 'Realistic', 'Coders (1-7)': 4.0, 'Billers (1-7)': 3.5, 'Coders minus billers': 0.5}
    """
    scores = scores if scores is not None else load_riasec()
    return [{"Interest area": area, "Coders (1-7)": scores["coder"][area], "Billers (1-7)": scores["biller"][area],
             "Coders minus billers": round(scores["coder"][area] - scores["biller"][area], 2)}
            for area in RIASEC]


def riasec_difference_table(scores: dict[str, dict[str, float]] | None = None) -> Any:
    """The differences as a pandas DataFrame of text (two decimals, difference signed), one row per
    interest area, to show with ``careerlab.ui.show_table``."""
    import pandas as pd

    rows = [{k: (f"{v:+.2f}" if k == "Coders minus billers" else f"{v:.2f}") if isinstance(v, float) else v
             for k, v in row.items()} for row in riasec_differences(scores)]
    return pd.DataFrame(rows).set_index("Interest area")


def show_side_by_side() -> Any:
    """The comparison table, ready to display in a notebook (a $ amount is never typeset as maths)."""
    from IPython.display import HTML

    from careerlab.ui import no_maths
    return HTML(no_maths(side_by_side_html()))
