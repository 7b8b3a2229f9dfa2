"""Check ICD-10-CM codes against the shipped 2026 release.

Uses lesson 02's fast index (``careerlab.codes``, cached on disk after the first use); if that
package is unavailable it falls back to ``simple_icd_10_cm`` (a few seconds to load).
"""
from __future__ import annotations

from typing import Any, Callable, Iterable


def _lookup() -> Callable[[str], tuple[str, bool, bool, str]]:
    """Return a function code -> (code as listed, in the release, billable, description or note)."""
    try:
        from careerlab.codes.explore import describe
        from careerlab.codes.icd10cm import get_index

        index = get_index()

        def via_index(code: str) -> tuple[str, bool, bool, str]:
            info = index.lookup(code)
            if info is None or info.kind in ("chapter", "block"):
                return code, False, False, describe(code)
            return info.code, True, info.billable, info.description if info.billable else describe(code)

        return via_index
    except ImportError:  # pragma: no cover - only when lesson 02's package is missing
        import simple_icd_10_cm as icd

        def via_library(code: str) -> tuple[str, bool, bool, str]:
            # is_valid_item() also accepts chapter numbers such as "4": a real code starts with a letter.
            valid = bool(code) and code[0].isalpha() and icd.is_valid_item(code)
            if not valid:
                return code, False, False, "not an ICD-10-CM code"
            return code, True, icd.is_leaf(code), icd.get_description(code)

        return via_library


def check_codes(codes: Iterable[Any]) -> list[dict[str, object]]:
    """For each code: is it in ICD-10-CM, can it go on a claim (a leaf), and what it means.

    A category with sub-codes (like E11) exists but is not billable; only the most detailed
    codes are. Text that is not a code at all gets a plain-words note, never an error.
    """
    look = _lookup()
    rows = []
    for raw in codes:
        code = str(raw).strip().upper()
        shown, found, billable, text = look(code) if code else ("(empty)", False, False,
                                                                "empty: type a code such as E11.9")
        rows.append({"code": shown, "in ICD-10-CM": "yes" if found else "no",
                     "billable": "yes" if billable else "no", "description or note": text})
    return rows


def descriptions(codes: Iterable[str]) -> dict[str, str]:
    """Official descriptions of the billable codes given; other codes are left out."""
    return {str(r["code"]): str(r["description or note"]) for r in check_codes(codes) if r["billable"] == "yes"}
