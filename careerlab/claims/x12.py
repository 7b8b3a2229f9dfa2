"""The shared bits of an X12 file (837P, 835): separators, one segment, the envelope, amounts and dates,
and splitting a received file back into segments with the separators its ISA names. No I/O."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from careerlab.errors import CareerlabError

ISA_LENGTH = 106  # the ISA segment has fixed-width elements: 106 characters with its terminator
_NOT_SAFE = re.compile(r"[^A-Z0-9 .,&'()/-]+")  # keep the X12 basic character set, minus anything that could split


class X12Error(CareerlabError):
    """A received X12 file cannot be read; the message says which segment and what is wrong, in plain words."""


@dataclass(frozen=True)
class Separators:
    """The four characters that split an X12 file, as its ISA segment declares them."""

    element: str = "*"
    component: str = ":"
    repetition: str = "^"
    segment: str = "~"


DEFAULT = Separators()


def text(value: object, limit: int = 60) -> str:
    """A name or id made safe for an element: upper case, basic characters only, at most `limit` long.

    >>> text("Federal Program (Medicare-like; synthetic)")
    'FEDERAL PROGRAM (MEDICARE-LIKE SYNTHETIC)'
    """
    folded = unicodedata.normalize("NFKD", str(value or "")).encode("ascii", "ignore").decode("ascii")  # Zoë -> Zoe
    cleaned = " ".join(_NOT_SAFE.sub(" ", folded.upper()).split())
    return cleaned[:limit].rstrip()


def amount(value: Decimal) -> str:
    """A dollar amount as X12 writes it: no trailing zeros, no exponent.

    >>> amount(Decimal("150.00")), amount(Decimal("7.70")), amount(Decimal("0.00"))
    ('150', '7.7', '0')
    """
    normal = Decimal(value).quantize(Decimal("0.01")).normalize()
    return format(normal, "f") if normal != 0 else "0"


def d8(day: date) -> str:
    """A date as CCYYMMDD."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"  # strftime gives year 1 as "1", not "0001"


def segment(*elements: object, sep: Separators = DEFAULT) -> str:
    """One segment from its id and elements, trailing empty elements dropped (X12 never sends them)."""
    values = [str(e) if e is not None else "" for e in elements]
    while len(values) > 1 and values[-1] == "":
        values.pop()
    return sep.element.join(values)


def composite(*parts: object, sep: Separators = DEFAULT) -> str:
    """A composite element (e.g. HC:99213:25), trailing empty parts dropped."""
    values = [str(p) for p in parts if p is not None]
    while values and values[-1] == "":
        values.pop()
    return sep.component.join(values)


def envelope(body: list[str], *, functional_id: str, version: str, transaction: str, control_number: int,
             created: date, time: str = "1200", sender: str = "CAREERLABSUBMIT",
             receiver: str = "CAREERLABRECEIV", st03: bool = True, sep: Separators = DEFAULT) -> str:
    """Wrap one transaction's segments (BHT or BPR onward) in ST/SE, GS/GE and ISA/IEA; one segment a line.

    ``st03``: repeat the version in ST03 (the 837P does; the 835 has no ST03)."""
    if not 1 <= control_number <= 999_999_999:
        raise CareerlabError("Control number: use a whole number from 1 to 999999999.")
    icn, st = f"{control_number:09d}", f"{control_number % 10000:04d}"
    isa = sep.element.join(["ISA", "00", " " * 10, "00", " " * 10, "ZZ", f"{sender:<15.15}", "ZZ",
                            f"{receiver:<15.15}", created.strftime("%y%m%d"), time, sep.repetition, "00501", icn,
                            "0", "T", sep.component])
    inner = [segment("ST", transaction, st, version if st03 else "", sep=sep), *body]
    segments = [isa,
                segment("GS", functional_id, sender.strip(), receiver.strip(), d8(created), time, control_number,
                        "X", version, sep=sep),
                *inner, segment("SE", len(inner) + 1, st, sep=sep),
                segment("GE", 1, control_number, sep=sep), segment("IEA", 1, icn, sep=sep)]
    return "".join(s + sep.segment + "\n" for s in segments)


def separators_of(raw: str) -> Separators:
    """The separators a file declares in its fixed-width ISA segment; an X12Error if it has none."""
    if not isinstance(raw, str):
        raise X12Error("An X12 file is text; this is not.")
    start = raw.lstrip("\ufeff \t\r\n")
    if not start.startswith("ISA") or len(start) < ISA_LENGTH:
        raise X12Error("This is not an X12 file: it must start with an ISA segment of 106 characters.")
    seps = Separators(element=start[3], component=start[104], repetition=start[82], segment=start[105])
    chars = [seps.element, seps.component, seps.segment]
    if len(set(chars)) < 3 or any(c.isalnum() or c == " " for c in chars):
        raise X12Error("The ISA segment's separators are not usable (they repeat or are letters, digits or spaces).")
    return seps


def split_segments(raw: str) -> tuple[Separators, list[list[str]]]:
    """The file's separators and its segments, each a list of elements (element 0 is the segment id)."""
    seps = separators_of(raw)
    start = raw.lstrip("\ufeff \t\r\n")
    segments = []
    for chunk in start.split(seps.segment):
        chunk = chunk.strip("\r\n\t ")
        if chunk:
            segments.append(chunk.split(seps.element))
    return seps, segments
