"""ICD-10-CM look-ups for the lesson: is_billable, describe, search, family, chapter counts."""
from __future__ import annotations

from careerlab.codes.codesets import SHAPE_SETS
from careerlab.codes.data import hcpcs_table
from careerlab.codes.icd10cm import CodeInfo, Icd10cmIndex, get_index
from careerlab.codes.normalize import (CodeShape, code_shape, cpt_category, normalize_icd10cm, shape_readings,
                                      shorten, tidy)


def is_billable(code: object) -> bool:
    """True only for a billable (leaf) ICD-10-CM code of the shipped release.

    Accepts any case, with or without the dot, with spaces around; False for "4", "99213", "".
    """
    if not tidy(code):
        return False
    return get_index().is_billable(code)


def header_hint(info: CodeInfo, index: Icd10cmIndex) -> str:
    """Plain words on why a header code is not billable and where to go next."""
    children = index.children(info.code)
    if children and all(c.kind == "code with 7th character" for c in children):
        where, table = index.seven_character_options(info.code)
        sample = ", ".join(f"{k} = {v}" for k, v in list(table.items())[:3])
        return (f"{info.code} is not billable on its own: it needs a 7th character ({sample} …), "
                f"for example {children[0].code}.")
    steps = [c.code for c in children]
    shown = ", ".join(steps[:12]) + (f" … {steps[-1]}" if len(steps) > 13 else f", {steps[12]}" if len(steps) == 13 else "")
    return (f"{info.code} is a header (a heading with {len(children)} more specific codes under it), "
            f"so it is not billable: add characters. The next level down is {shown}; "
            "pick the one the note supports, and go on until the code has nothing under it.")


def describe(code: object) -> str:
    """The ICD-10-CM description of a code, or a plain-words message saying what is wrong.

    A code the HCPCS table or the release holds is described from them; anything else by what
    it looks like (``code_shape``, the same reading as the look-up's heading).
    """
    text = tidy(code)
    if not text:
        return "Nothing to look up yet: type a diagnosis code such as E11.9."
    shape = code_shape(text)
    if shape is CodeShape.CPT:
        category = cpt_category(text)
        what = {"I": "a service or procedure", "II": "a quality-reporting code", "III": "an emerging-technology code"}
        return (f"{text} looks like a CPT code (category {category}: {what[category]}), "
                "not an ICD-10-CM diagnosis code. Diagnosis codes start with a letter, e.g. E11.9.")
    index = get_index()
    if text in hcpcs_table():
        item = hcpcs_table()[text]
        dotted = index.lookup(text)
        maybe = f" If you meant the diagnosis {dotted.code} ({dotted.description}), type its dot." if dotted else ""
        return (f"{text} is a HCPCS Level II code ({item.description}), not an ICD-10-CM diagnosis code: "
                f"it belongs in the services box.{maybe}")
    info = index.lookup(text)
    if info is not None and info.kind == "block":
        return f"{info.code} is a block (a range of categories): {info.description}. It is a heading, not a code."
    if info is not None and info.billable:
        return info.description
    if info is not None:
        return f"{info.description}. {header_hint(info, index)}"
    return _not_in_release(code, text, shape, index)


def _not_in_release(code: object, text: str, shape: CodeShape, index: Icd10cmIndex) -> str:
    """``describe``'s message for a tidied code neither the release nor the HCPCS table holds."""
    if shape is CodeShape.HCPCS:
        return (f"{text} looks like a HCPCS Level II code (supplies, drugs, some services), not an "
                "ICD-10-CM diagnosis code. If you meant a diagnosis, type the dot, e.g. J11.00.")
    if shape is CodeShape.ICD10CM:
        dotted = normalize_icd10cm(text)
        near = index.nearest_existing(dotted)
        hint = f" The closest existing code it starts with is {near.code} ({near.description})." if near else ""
        procedure = (f" If you meant a procedure, {text} also has the shape of an ICD-10-PCS code (inpatient "
                     "hospital procedures)." if CodeShape.ICD10PCS in shape_readings(text) else "")
        return (f"{dotted} has the shape of an ICD-10-CM code but is not in the {index.release} "
                f"release.{hint} Check for a typo.{procedure}")
    if shape is CodeShape.ICD10PCS:
        return f"{text} looks like an ICD-10-PCS code (inpatient hospital procedures), not a diagnosis code."
    return (f"“{shorten(code)}” is not a code. ICD-10-CM codes start with a letter and a digit, "
            "then 1 to 5 more characters, e.g. E11.9 or S52.521A.")


def lookup_family(code: object) -> list[CodeInfo]:
    """The family the look-up shows: none for a HCPCS Level II code of the lesson's table typed
    without a dot (G0439 is the Medicare wellness visit, not G04.39; ``describe`` offers both)."""
    return [] if tidy(code) in hcpcs_table() else code_family(code)


def lookup_heading(code: object) -> tuple[str, str, str]:
    """For a code the release does not hold: the look-up's title, message kind and a closing line.

    An empty box asks for a code; a CPT, HCPCS Level II or ICD-10-PCS code is named for what it
    looks like (``code_shape``, as in ``describe``); anything else, a mistyped diagnosis included,
    is not a billable diagnosis.

    >>> lookup_heading("99213")[0], lookup_heading(" ")[0]
    ('99213 — Looks like a CPT code, not a diagnosis', 'Type a code')
    """
    text = tidy(code)
    if not text:
        return "Type a code", "info", ""
    code_set = SHAPE_SETS.get(code_shape(text))
    if code_set is None:
        return f"{shorten(code)} — Not a billable diagnosis code", "warn", ""
    article = "an" if code_set.startswith("ICD") else "a"
    return (f"{text} — Looks like {article} {code_set} code, not a diagnosis", "info",
            "This look-up is for ICD-10-CM diagnosis codes only.")


def code_family(code: object) -> list[CodeInfo]:
    """Chapter → block → category → … → the code (empty when the code is not in the release)."""
    return get_index().family(code)


def search_icd10cm(text: str, limit: int = 20, billable_only: bool = False):
    """Word search of the release: a DataFrame with code, description, billable, chapter."""
    import pandas as pd

    index = get_index()
    hits = index.search(text, billable_only=billable_only)
    try:
        limit = max(0, int(limit))
    except (TypeError, ValueError):
        limit = 20
    rows = [index.info(i) for i in hits[:limit]]
    return pd.DataFrame(
        {"code": [r.code for r in rows], "description": [r.description for r in rows],
         "billable": [r.billable for r in rows], "chapter": [r.chapter for r in rows]},
        columns=["code", "description", "billable", "chapter"],
    )


def hits_by_chapter(text: str, billable_only: bool = True) -> list[tuple[int, str, int]]:
    """(chapter number, chapter title, number of hits) for every chapter a word search touches."""
    index = get_index()
    counts: dict[int, int] = {}
    for i in index.search(text, billable_only=billable_only):
        number = index.info(i).chapter
        counts[number] = counts.get(number, 0) + 1
    return [(n, index.chapter_title(n), counts[n]) for n in sorted(counts)]


def release_label() -> str:
    """The CDC release the index was built from, e.g. 'April 1, 2026'."""
    return get_index().release
