"""How a claim the payer has already answered is corrected, payer by payer (pure logic, lesson 03's builder).

The rules, as section 8 of lesson 03 teaches them:

* Medicare Part B (and FEDMED, which copies it) treats every claim it receives as a new claim, so a whole
  claim sent again is denied as a duplicate (reason code 18). A clerical error such as a missing modifier
  is fixed by a clerical-error reopening (Noridian JF Part B customer-service FAQ; Palmetto GBA and CGS
  reopening pages; checked 2026).
* A claim Medicare returned as unprocessable (CO-16) never counted as filed: it is corrected and sent again
  as a new claim (First Coast and CGS Medicare pages, checked 2026).
* A Medicare timely-filing denial (CO-29) cannot be appealed or reopened (Medicare Claims Processing
  Manual ch. 1, s. 70); a commercial payer takes an appeal of one only with proof of timely filing.
* Commercial payers take a replacement claim: claim frequency code 7 with the payer's claim number of
  the first claim (NUCC 1500 claim form instructions, box 22; payers' corrected-claim guides, 2026).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from careerlab.claims.pricing import Payer

FIRST_SEND = "Submit to the payer"


@dataclass(frozen=True)
class Correction:
    """How this payer takes a correction of a claim it has answered: the route, the builder's button, why."""

    route: str  # "reopening", "replacement", "new-claim", or "none" (no correction can fix it)
    button: str  # what the send button says once the payer has answered
    done: str  # the word for what was sent, e.g. "Reopening"
    why: str  # the rule, in plain words

    @property
    def frequency(self) -> str:
        """The claim frequency code a file for this route carries (7 = replacement, else 1 = original)."""
        return "7" if self.route == "replacement" else "1"


def denied_codes(remit: "pandas.DataFrame") -> list[str]:
    """The reason code of every denied line of a remittance (adjudicate's), in line order."""
    return [code for status, adjustments in zip(remit["status"], remit["adjustments"]) if status == "denied"
            for _group, code, _amount in adjustments[:1]]


def correction_route(payer: Payer, codes: Iterable[str], claim_number: str = "") -> Correction:
    """How ``payer`` takes a correction after a remittance whose denied lines carry ``codes``.

    >>> from careerlab.claims.data import get_payer
    >>> correction_route(get_payer("FEDMED"), ["97"]).route
    'reopening'
    >>> correction_route(get_payer("NWPPO"), ["97"], "PCNV02").button
    'Send a replacement claim'
    """
    codes = list(codes)
    name = payer.payer_id
    late = bool(codes) and set(codes) == {"29"}
    if payer.kind == "medicare-like":
        if late:
            return Correction("none", "Ask for a reopening", "No reopening", (
                f"{name} denied the claim as filed too late (CO-29). Like a Medicare timely-filing denial, it "
                "cannot be appealed or reopened (Medicare Claims Processing Manual ch. 1, s. 70): the practice "
                "writes it off. Press Start this visit over to try the claim again as if it were first sent."))
        if codes and set(codes) == {"16"}:
            return Correction("new-claim", "Send it as a new claim", "New claim", (
                f"{name} returned the claim as unprocessable (CO-16: information missing or wrong). Like Medicare, "
                "it does not count an unprocessable claim as filed, so there is nothing to reopen or appeal: the "
                "corrected claim goes again as a new claim (First Coast and CGS Medicare pages, checked 2026)."))
        return Correction("reopening", "Ask for a reopening", "Reopening", (
            f"{name} already has this claim and, like Medicare, would deny a whole claim sent again as a duplicate "
            "(reason code 18). So the correction goes as a clerical-error reopening, asked for by phone, the "
            "IVR line or the portal within 1 year of the remittance (lesson section 8)."))
    if late:
        return Correction("none", "Send a replacement claim", "No replacement", (
            f"{name} denied the claim as filed too late (CO-29). A corrected claim would arrive later still: a "
            "commercial payer takes an appeal instead, and only with proof that the claim was sent on time. "
            "Press Start this visit over to try the claim again as if it were first sent."))
    number = f", {claim_number}" if claim_number else ""
    return Correction("replacement", "Send a replacement claim", "Replacement claim", (
        f"{name} already has this claim, so a second original claim would be denied as a duplicate. The "
        "correction goes as a replacement claim: the whole claim again with claim frequency code 7 (box 22) and "
        f"{name}'s number for the first claim{number} (NUCC 1500 claim form instructions, box 22)."))
