"""Sharing answers live (lesson 07's live view): a learner who ticked "Share my answers live" hands in
at once each time they check a knowledge-check answer, through the course's hand-in store.

Nothing is sent unless the learner's record says ``learner/share_live`` is True and the kernel runs
on a class hub; the hand-in is the one ``Hand in`` sends (``client.hand_in``), so it reaches only
the instructors, under the hub's name for the learner, and replaces only the learner's own.
"""
from __future__ import annotations

from typing import Any

from careerlab.progress.record import LEARNER, SHARE_LIVE

SHARED = "Shared with your instructor's live view (counts only, never your name)."
WHAT_IS_SHARED = (
    "Off unless you tick it. While it is ticked, on the class hub each knowledge-check answer you "
    "check is handed in at once (your results, just as <b>Hand in</b> sends them), so your "
    "instructor's live view can count it. The live view shows only how many learners chose each "
    "answer, never a name, and only once at least 3 learners have shared. Off a class hub nothing "
    "is sent; a results file you export says whether you ticked it. Untick it to stop sharing: on "
    "the class hub your hand-in is updated at once, so the live view stops counting your answers.")
WITHDRAWN = "Your instructor's live view no longer counts your answers."


def shares_live(store: Any) -> bool:
    """Whether this learner opted in (exactly True in their record; off by default)."""
    return store.get(LEARNER, SHARE_LIVE) is True


def share_answer(store: Any) -> str | None:
    """Hand in now if the learner opted in and is on a class hub: a short note to show, else None.

    Never raises: a hub or network problem comes back as the note.
    """
    from careerlab.handin import client

    if not shares_live(store) or not client.on_class_hub():
        return None
    receipt = client.hand_in(client.results_document(store), timeout=client.LIVE_TIMEOUT)
    return SHARED if receipt.ok else f"Not shared live: {receipt.message}"


def withdraw(store: Any) -> str | None:
    """After the learner unticks the box on a class hub: hand in at once, so the copy the live view
    reads says they no longer share. A short note to show, or None off a hub. Never raises."""
    from careerlab.handin import client

    if shares_live(store) or not client.on_class_hub():
        return None
    receipt = client.hand_in(client.results_document(store))
    return WITHDRAWN if receipt.ok else f"Not updated on the class hub: {receipt.message}"
