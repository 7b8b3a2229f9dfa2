"""Medicare's notices: the ABN before a service Medicare may not pay for (and the GA/GZ modifiers that report it),
and the Medicare Summary Notice the patient gets, beside the remittance the practice gets."""
from __future__ import annotations


def abn_modifier(expects_denial: bool, abn_signed: bool) -> str:
    """The liability modifier for a line Medicare may deny as not reasonable and necessary: GA with a signed ABN
    on file, GZ without one, none when no denial is expected (Palmetto GBA and Noridian, from CMS's Medicare
    Claims Processing Manual ch. 30 s. 50; GZ lines are denied automatically since July 2011, MM7228).

    >>> abn_modifier(True, True), abn_modifier(True, False), abn_modifier(False, False)
    ('GA', 'GZ', '')
    """
    if not expects_denial:
        return ""
    return "GA" if abn_signed else "GZ"


def liable_if_denied(modifier: str) -> str:
    """Who pays when Medicare denies the line: the patient with GA (they signed the ABN), the practice with GZ
    or with no ABN at all.

    >>> liable_if_denied("GA"), liable_if_denied("GZ")
    ('patient', 'practice')
    """
    return "patient" if modifier.strip().upper() == "GA" else "practice"


#: What each document is for, side by side (our own words).
MSN_VS_REMITTANCE = (
    ("Who gets it", "The patient (the Medicare beneficiary)", "The practice (the provider)"),
    ("What it is", "A summary of the claims Medicare processed for the patient", "The payer's answer to the practice's claims: the 835 / ERA or a paper remittance"),
    ("Money it shows", "What the provider charged, what Medicare approved and paid, and the most the patient may be billed", "Billed, allowed, paid, and every adjustment with its group and reason code (CO-45, PR-1, CO-253 ...)"),
    ("What it is not", "Not a bill", "Not a bill to the patient; the practice's statement is"),
    ("What to do with it", "Compare it with the practice's statement; appeal a denial if they disagree", "Post the payment and adjustments, bill the PR amounts, work the denials"),
)
