"""Excludes1 notes and 7th-character tables of the shipped release (from the disk cache)."""
from __future__ import annotations

import re

from careerlab.codes.icd10cm import get_index
from careerlab.codes.normalize import looks_like_icd10cm, normalize_icd10cm

_NOTE = re.compile(r"^(?P<text>.*?)\s*\((?P<codes>[^()]+)\)\s*$")


def excludes1(code: object) -> list[str]:
    """The Excludes1 notes written at ``code``: conditions that must never be coded together with it."""
    return get_index().excludes1(code)


def seven_character_options(code: object) -> dict[str, str]:
    """{7th character: meaning} for a code that needs one (found on the code or an ancestor), else {}."""
    return get_index().seven_character_options(code)[1]


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
