"""The one base of every expected careerlab failure.

Each area names its own errors (``ClaimError``, ``QuizBankError``, ``ProgressError``...) as
subclasses of ``CareerlabError``, whose message is already plain words for a learner or an
instructor: ``careerlab.ui.safe_callback`` shows such a message as it is, never a traceback.
It is a ``ValueError`` so that callers which catch ``ValueError`` keep working.
"""
from __future__ import annotations

__all__ = ["CareerlabError", "DataFileError"]


class CareerlabError(ValueError):
    """An expected failure whose message is plain words (no server path, no traceback needed)."""


class DataFileError(CareerlabError):
    """A data file of the project (under ``data/``) is missing or does not have the shape its loader
    expects. Each area's ``<Area>DataError`` is a subclass."""
