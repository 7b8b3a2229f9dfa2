"""Tidy what a learner typed into a code box, and recognise code shapes (pure logic)."""
from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

ICD10CM_SHAPE = re.compile(r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")
CPT_CAT1_SHAPE = re.compile(r"^[0-9]{5}$")
CPT_CAT2_SHAPE = re.compile(r"^[0-9]{4}F$")
CPT_CAT3_SHAPE = re.compile(r"^[0-9]{4}T$")
# HCPCS Level II: a letter A-V and four digits; D-codes are the ADA's CDT, not shipped here.
HCPCS2_SHAPE = re.compile(r"^[A-CE-V][0-9]{4}$")
# ICD-10-PCS: exactly 7 characters, digits and letters except I and O.
PCS_SHAPE = re.compile(r"^[0-9A-HJ-NP-Z]{7}$")
PCS_SECTIONS = "0123456789BCDFGHX"  # the first character of an ICD-10-PCS code: its section
# A CPT/HCPCS modifier: two letters or digits ("25", "RT", "XS").
MODIFIER_SHAPE = re.compile(r"^[0-9A-Z]{2}$")
# Characters a copy from a web page or a PDF brings along that no code holds: zero-width spaces
# and joiners, the word joiner, the byte-order mark, soft hyphens.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"))
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")


def clean(text: object) -> str:
    """What was typed, with invisible characters dropped, look-alike dashes made "-" and
    full-width letters made plain (Unicode NFKC).

    >>> clean("E11\\u200b.9"), clean("99213\\u201325")
    ('E11.9', '99213-25')
    """
    if text is None:
        return ""
    return unicodedata.normalize("NFKC", str(text)).translate(INVISIBLE).translate(DASHES)


def shorten(text: object, limit: int = 40) -> str:
    """What was typed, cleaned and cut to ``limit`` characters for a message (a pasted page is not echoed).

    >>> shorten("x" * 100, 5), shorten(" E11.9 ")
    ('xxxx…', 'E11.9')
    """
    shown = clean(text).strip()
    return shown if len(shown) <= limit else shown[:limit - 1] + "…"


def tidy(text: object) -> str:
    """Upper-case a typed code and drop every space (it does not add a dot).

    >>> tidy("  e11 .9 ")
    'E11.9'
    """
    return re.sub(r"\s+", "", clean(text)).upper()


def normalize_icd10cm(text: object) -> str:
    """Tidy a typed ICD-10-CM code and put the dot after the third character.

    >>> normalize_icd10cm(" m5450 ")
    'M54.50'
    >>> normalize_icd10cm("e11.9")
    'E11.9'
    """
    code = tidy(text)
    if len(code) > 3 and "." not in code and "-" not in code:
        code = code[:3] + "." + code[3:]
    return code.rstrip(".")


def looks_like_icd10cm(code: str) -> bool:
    """True when ``code`` (already normalised) has the shape of an ICD-10-CM code."""
    return bool(ICD10CM_SHAPE.match(code))


def cpt_category(code: str) -> str | None:
    """'I', 'II' or 'III' when a tidied code has a CPT shape, else None.

    >>> cpt_category("99213"), cpt_category("3074F"), cpt_category("0042T"), cpt_category("E11.9")
    ('I', 'II', 'III', None)
    """
    if CPT_CAT1_SHAPE.match(code):
        return "I"
    if CPT_CAT2_SHAPE.match(code):
        return "II"
    if CPT_CAT3_SHAPE.match(code):
        return "III"
    return None


class CodeShape(StrEnum):
    """What a typed code looks like from its characters alone; no code list is consulted."""
    CPT = "cpt"
    HCPCS = "hcpcs"
    ICD10CM = "icd10cm"
    ICD10PCS = "icd10pcs"
    UNKNOWN = "unknown"


def shape_readings(text: object) -> tuple[CodeShape, ...]:
    """Every code set whose shape the typed text fits, in the order a look-up reads them: CPT,
    HCPCS Level II, ICD-10-CM (dot optional), ICD-10-PCS (a section character first).

    Two readings at most: a letter and four digits is HCPCS Level II or a diagnosis without its
    dot (only the shipped tables and release can tell), and 7 characters can be a diagnosis
    or a PCS procedure.

    >>> [str(s) for s in shape_readings("e1165")], [str(s) for s in shape_readings("B020ZZZ")]
    (['hcpcs', 'icd10cm'], ['icd10cm', 'icd10pcs'])
    """
    code = tidy(text)
    fits = (
        (CodeShape.CPT, cpt_category(code) is not None),
        (CodeShape.HCPCS, bool(HCPCS2_SHAPE.match(code))),
        (CodeShape.ICD10CM, looks_like_icd10cm(normalize_icd10cm(code))),
        (CodeShape.ICD10PCS, bool(PCS_SHAPE.match(code)) and code[0] in PCS_SECTIONS),
    )
    return tuple(shape for shape, fit in fits if fit)


def code_shape(text: object) -> CodeShape:
    """What the typed text looks like: its first reading (see ``shape_readings``), else UNKNOWN.

    The one chain of shape checks behind ``describe``, the look-up's heading and ``code_set_of``.
    G0439 reads as HCPCS Level II, not G04.39; "e11 9" as ICD-10-CM; 3074F as CPT (category II).

    >>> [str(code_shape(t)) for t in ("99213", "3074F", "g0439", "e11 9", "0dtj4zz", "0001U", "")]
    ['cpt', 'cpt', 'hcpcs', 'icd10cm', 'icd10pcs', 'unknown', 'unknown']
    """
    readings = shape_readings(text)
    return readings[0] if readings else CodeShape.UNKNOWN


def _continues(token: str, box: str) -> bool:
    """Whether a space-separated ``token`` carries on the entry before it rather than starting one.

    In the diagnosis box: ".9" or a piece of at most two characters ("E11 9", "S52.521 A") — no
    diagnosis code is that short. In the service box: a modifier ("25", "-25", "RT").
    """
    if token.startswith((".", "-")):
        return True
    if box == "diagnosis":
        return len(token) <= 2
    return bool(MODIFIER_SHAPE.match(token.upper()) or UNITS_SHAPE.match(token.upper()))


def split_codes(text: object, box: str = "diagnosis") -> list[str]:
    """Split what a learner typed into separate entries: commas, semicolons, new lines or spaces.

    A piece that cannot be a code on its own stays with the entry before it (see ``_continues``),
    so "e11 .9" is one entry and, in the service box, "99213 25" is 99213 with modifier 25.

    >>> split_codes("e11.9,  i10 ;\\n")
    ['e11.9', 'i10']
    >>> split_codes("E11.9 I10  e11 .9"), split_codes("99213 25 20610-RT", box="service")
    (['E11.9', 'I10', 'e11.9'], ['99213-25', '20610-RT'])
    """
    out: list[str] = []
    for part in re.split(r"[,;\n]+", clean(text)):
        if box == "service":  # "J3301 x 4", "J3301x 4": the units go with the code, not as two more entries
            part = UNITS_SPACED.sub(r"\1", part)
        entry: list[str] = []
        for token in part.split():
            if entry and _continues(token, box):
                glue = "-" if box == "service" and not token.startswith("-") else ""
                entry.append(glue + token)
                continue
            if entry:
                out.append("".join(entry))
            entry = [token]
        if entry:
            out.append("".join(entry))
    return out


UNITS_SHAPE = re.compile(r"^[X×*](\d{1,3})$")
UNITS_SPACED = re.compile(r"(?<=\S)(\s*[xX×*])\s+(?=\d{1,3}(?!\S))")
# units written after a service code: "J3301 x4", "J3301-x4", "J3301x4", "J3301*4", "J3301 ×4"
UNITS_TAIL = re.compile(r"^(?P<rest>.+?)(?:[\s\-]+|(?<=\d))[X×*](?P<n>\d{1,3})$")


def _units_split(typed: object) -> tuple[str, int | None]:
    text = clean(typed).strip().upper()
    found = UNITS_TAIL.match(text)
    return (found["rest"], int(found["n"])) if found else (text, None)


def split_modifiers(typed: object) -> tuple[str, tuple[str, ...]]:
    """A service entry as (code, modifiers): "99213-25", "99213 25", "20610-rt-59" (units left out).

    >>> split_modifiers("99213-25"), split_modifiers(" 20610 -rt "), split_modifiers("J3301x4")
    (('99213', ('25',)), ('20610', ('RT',)), ('J3301', ()))
    """
    parts = [p for p in re.split(r"[\s\-]+", _units_split(typed)[0]) if p]
    if not parts:
        return "", ()
    return parts[0], tuple(parts[1:])


def typed_units(typed: object) -> int | None:
    """The units written on a service entry ("J3301 x4", "J3301x4", "J3301 ×4"), or None.

    >>> typed_units("J3301 x4"), typed_units("99213-25"), typed_units("j3301*2"), typed_units("99213-25 x2")
    (4, None, 2, 2)
    """
    return _units_split(typed)[1]
