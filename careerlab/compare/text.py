"""Sentences for the learner: the pay figures, the O*NET attribution and the text summary of the
interest chart (pure logic)."""
from __future__ import annotations

from collections.abc import Mapping

from careerlab.compare.data import load_pay_outlook, load_riasec
from careerlab.compare.model import RIASEC

ONET_ATTRIBUTION = (
    "This product includes information from the O*NET 29.3 Database by the U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a "
    "trademark of USDOL/ETA. The authors have modified all or some of this information. USDOL/ETA has not "
    "approved, endorsed, or tested these modifications.")


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


def riasec_summary(scores: Mapping[str, Mapping[str, float]] | None = None) -> str:
    """A text summary of the chart: each occupation's top interests and the biggest difference."""
    scores = scores if scores is not None else load_riasec()
    parts = []
    for role, name in (("coder", "coders"), ("biller", "billers")):
        top = sorted(RIASEC, key=lambda i: -scores[role][i])[:2]
        parts.append(f"for {name} the highest are {top[0]} ({scores[role][top[0]]:.2f}) "
                     f"and {top[1]} ({scores[role][top[1]]:.2f})")
    gap = max(RIASEC, key=lambda i: abs(scores["coder"][i] - scores["biller"][i]))
    higher = "coders" if scores["coder"][gap] > scores["biller"][gap] else "billers"
    return (f"On O*NET's 1-7 interest scale, {parts[0]}; {parts[1]}. Both are very high on Conventional "
            f"(organised work with rules and records). The biggest difference is {gap}: higher for {higher} "
            f"({scores['coder'][gap]:.2f} against {scores['biller'][gap]:.2f}). "
            "Source: O*NET 29.3 Database (May 2025), estimates dated 11/2023.")
