"""Excludes1 notes and 7th-character options of the shipped release (from the disk cache)."""
from __future__ import annotations

from careerlab.codes.icd10cm import get_index


def excludes1(code: object) -> list[str]:
    """The Excludes1 notes written at ``code``: conditions that must never be coded together with it."""
    return get_index().excludes1(code)


def seven_character_options(code: object) -> dict[str, str]:
    """{7th character: meaning} for a code that needs one (found on the code or an ancestor), else {}."""
    return get_index().seven_character_options(code)[1]
