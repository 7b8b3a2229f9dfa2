"""Display tables for lesson 02: a word search as a learner reads it, a code's Excludes1 notes and
7th characters (DataFrames), any of them as a plain HTML table for a widget, and a code's family
from chapter to code as a staircase of boxes in HTML."""
from __future__ import annotations

import html
import re

from careerlab.codes.explore import code_family, search_icd10cm
from careerlab.codes.icd10cm import get_index
from careerlab.codes.normalize import looks_like_icd10cm, normalize_icd10cm
from careerlab.codes.notes import excludes1

__all__ = ["code_family_html", "excludes1_table", "guidelines_table", "modifier_table", "mue_table", "ptp_table", "search_table", "seven_character_table",
           "table_html"]

_NOTE = re.compile(r"^(?P<text>.*?)\s*\((?P<codes>[^()]+)\)\s*$")
CELL = "padding:4px 12px 4px 0;text-align:left;vertical-align:top"


def code_family_html(code: str) -> "Diagram":
    """The path from chapter to ``code`` as a staircase of boxes, each one step further in: a header
    (not billable) in a dashed grey box, the billable code in a solid green one. Real text, so a learner
    can read it aloud or select a code (it used to be a matplotlib chart, a third of a second to draw)."""
    from careerlab.ui import Diagram, no_maths, readable

    family = code_family(code)
    if not family:
        return Diagram(readable(f"<p>“{html.escape(str(code))}” is not in the ICD-10-CM release.</p>"))
    items = []
    for depth, item in enumerate(family):
        name = f"Chapter {item.code}" if item.kind == "chapter" else item.code
        status = "billable" if item.billable else "header (not billable)"
        box = ("border:3px solid #009E73;background:#CDEBDD" if item.billable
               else "border:1px dashed #000;background:#F2F2F2")
        arrow = '<span aria-hidden="true" style="margin-right:6px">↳</span>' if depth else ""
        items.append(f'<li style="margin:4px 0 4px {1.6 * depth:.1f}em">{arrow}'
                     f'<span style="display:inline-block;vertical-align:top;max-width:36em;padding:3px 8px;'
                     f'border-radius:6px;{box}"><strong>{html.escape(name)}</strong> '
                     f"[{html.escape(item.kind)}, {'<strong>BILLABLE</strong>' if item.billable else status}]"
                     f"<br>{html.escape(item.description)}</span></li>")
    title = f"The family of {family[-1].code}: from chapter to code"
    return Diagram(no_maths(readable(
        f'<figure style="margin:6px 0" aria-label="{html.escape(title)}">'
        f'<figcaption style="font-weight:600;margin-bottom:2px">{html.escape(title)}</figcaption>'
        f'<ol class="careerlab-family" style="list-style:none;padding:0;margin:0">{"".join(items)}</ol></figure>')))


def search_table(text: str, limit: int = 20, billable_only: bool = False):
    """The search as a learner reads it: Code, Description, Billable ("yes" / "no (header)"),
    Chapter, rows numbered from 1 (the same table the search widget shows)."""
    df = search_icd10cm(text, limit=limit, billable_only=billable_only)
    df = df.assign(billable=df["billable"].map({True: "yes", False: "no (header)"}))
    df.columns = [str(c).capitalize() for c in df.columns]
    df.index = range(1, len(df) + 1)
    return df


def _shown(code: object) -> str:
    """The code as the learner will recognise it: normalised if it is one, else as typed."""
    code_text = normalize_icd10cm(code)
    return code_text if looks_like_icd10cm(code_text) else str(code).strip()


def excludes1_table(code: object) -> "pandas.DataFrame":
    """The Excludes1 notes at ``code`` as a table to show: one row per excluded condition, its codes first.

    The index holds the excluded codes (as the release writes them, e.g. ``M54.4-``); the one column
    says which condition they are. Empty (no rows) when the code has no Excludes1 note.
    """
    import pandas as pd

    rows = []
    for note in excludes1(code):
        match = _NOTE.match(note)
        rows.append((match["codes"], match["text"]) if match else ("", note))
    column = f"Never coded together with {_shown(code)}"
    return pd.DataFrame([text for _, text in rows], index=[codes for codes, _ in rows] or None,
                        columns=[column])


def seven_character_table(code: object) -> "pandas.DataFrame":
    """The 7th characters a code can take, as a table to show: the character, then what it means."""
    import pandas as pd

    where, options = get_index().seven_character_options(code)
    column = f"Meaning (7th characters defined at {where})" if where else "Meaning"
    return pd.DataFrame(list(options.values()), index=list(options) or None, columns=[column])


def table_html(frame, label: str) -> str:
    """A DataFrame as a plain, padded, left-aligned HTML table (text escaped), for an ``HTML`` widget."""
    head = "".join(f"<th style='{CELL};border-bottom:1px solid #888'>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = "".join("<tr>" + "".join(f"<td style='{CELL}'>{html.escape(str(v))}</td>" for v in row) + "</tr>"
                   for row in frame.itertuples(index=False))
    return (f"<table style='border-collapse:collapse;margin:6px 0' aria-label='{html.escape(label)}'>"
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")


def modifier_table():
    """The modifiers lesson 02 teaches: who defines each, what it says (our words), the source."""
    import pandas as pd

    from careerlab.codes.modifiers import MODIFIERS

    return pd.DataFrame([(m.owner, m.meaning, m.source) for m in MODIFIERS.values()], index=list(MODIFIERS),
                        columns=["Defined by", "What it says", "Source"]).rename_axis("Modifier")


def ptp_table():
    """The TEACHING table of procedure-to-procedure edits (made-up values, not CMS's)."""
    import pandas as pd

    from careerlab.codes.modifiers import PTP_TEACHING

    return pd.DataFrame([r[1:] for r in PTP_TEACHING], index=[r[0] for r in PTP_TEACHING],
                        columns=["Column 2 code", "Modifier indicator (TEACHING VALUE)", "What it means here"]) \
        .rename_axis("Column 1 code")


def mue_table():
    """The TEACHING table of medically unlikely edits (made-up values, not CMS's)."""
    import pandas as pd

    from careerlab.codes.modifiers import MUE_TEACHING

    return pd.DataFrame([r[1:] for r in MUE_TEACHING], index=[r[0] for r in MUE_TEACHING],
                        columns=["Most units a day (TEACHING VALUE)", "Why"]).rename_axis("Code")


def guidelines_table():
    """The coding rules of lesson 02: rule, an example, and its source (section of the guidelines)."""
    import pandas as pd

    from careerlab.codes.guidelines import GUIDELINES

    return pd.DataFrame([(g.rule, g.example, g.source) for g in GUIDELINES], index=[g.name for g in GUIDELINES],
                        columns=["What it says", "Example", "Source"]).rename_axis("Rule")
