"""The coder's check in lesson 01: is a code in ICD-10-CM, can it go on a claim, and what it means
(lesson 02's code tools, ``careerlab.codes``, on the shipped 2026 release)."""
from __future__ import annotations

from typing import Any, Iterable

from careerlab.codes import code_family, describe


def check_codes(codes: Iterable[Any]) -> list[dict[str, object]]:
    """For each code: is it in ICD-10-CM, can it go on a claim (a leaf), and what it means.

    A category with sub-codes (like E11) exists but is not billable; only the most detailed
    codes are. Text that is not a code at all gets a plain-words note, never an error. A code typed
    another way (E119, without its dot) is accepted, and its note says how it was read.
    """
    rows = []
    for raw in codes:
        code = str(raw).strip().upper()
        family = code_family(code) if code else []
        info = family[-1] if family and family[-1].kind not in ("chapter", "block") else None
        if not code:
            shown, found, billable, text = "(empty)", False, False, "empty: type a code such as E11.9"
        elif info is None:
            shown, found, billable, text = code, False, False, describe(code)
        else:
            shown, found, billable = info.code, True, info.billable
            text = info.description if info.billable else describe(code)
            if info.code != code:  # e.g. E119 typed without its dot: accepted, and the learner is told so
                typed = f"{code} without its dot" if "." not in code and "." in info.code else f"“{code}”"
                text = f"Read as {info.code}: you typed {typed}. {text}"
        rows.append({"code": shown, "in ICD-10-CM": "yes" if found else "no",
                     "billable": "yes" if billable else "no", "description or note": text})
    return rows


def descriptions(codes: Iterable[str]) -> dict[str, str]:
    """Official descriptions of the billable codes given; other codes are left out."""
    return {str(r["code"]): str(r["description or note"]) for r in check_codes(codes) if r["billable"] == "yes"}
