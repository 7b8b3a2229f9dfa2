"""Hand-in on a class hub (lessons 00, 02, 03, 05 and 07): a learner's results go to the course's store,
under the hub's name.

- ``hand_in(results_doc)`` (learners) and ``class_handins()`` (instructors) talk to the hub's
  ``careerlab-handin`` service; off a hub they say so plainly, and never raise for a network or
  sign-in problem (``client.py``).
- ``records.py`` checks and stamps a hand-in (pure logic); ``store.py`` keeps one file per
  learner; ``service.py`` is the hub-authenticated web service the hub runs.
- ``button.py`` is what any "Hand in" button does; ``widgets.py`` has the row shown at the end of
  the coder's shift and the biller's work queue.
"""
from __future__ import annotations

from careerlab._lazy import lazy_getattr

from careerlab.handin.records import MAX_BYTES, HandinRejected, check_username, parse_handin, stamp

_LAZY = {
    "Handin": "careerlab.handin.client",
    "Handins": "careerlab.handin.client",
    "Receipt": "careerlab.handin.client",
    "class_handins": "careerlab.handin.client",
    "hand_in": "careerlab.handin.client",
    "on_class_hub": "careerlab.handin.client",
    "results_document": "careerlab.handin.client",
    "HandinStore": "careerlab.handin.store",
    "hand_in_row": "careerlab.handin.widgets",
}

__all__ = sorted(["HandinRejected", "MAX_BYTES", "check_username", "parse_handin", "stamp", *_LAZY])

__getattr__ = lazy_getattr(__name__, _LAZY)


def __dir__() -> list[str]:
    return __all__
