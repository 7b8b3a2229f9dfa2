"""The learner record: the one place that says what a learner's saved work holds.

Every widget that saves writes through these names; ``careerlab.classroom`` and
``careerlab.handin`` read through them. A record is sections of keys::

    learner            name                      the name the learner typed (may be empty)
                       share_live                True once the learner opts in to their answers
                                                 reaching the instructor's live view (off until then)
                       quiz_order_salt           a random text saved once: with a question id it fixes
                                                 the order that learner sees the options in
    assessment         responses, draft_responses, trait_scores, role_fit
    quiz:<lesson>      <question id> -> {answer, correct}, and _score -> SCORE_SHAPE
    exercise:<lesson>  <exercise id> -> what that exercise saves (with a 0-1 "score"); two ids are
                       whole activities: CODER_SHIFT in lesson 02 and WORK_QUEUE in lesson 03
                       (SHIFT_SHAPE and QUEUE_SHAPE give the keys each saves beside "score")

Two files carry it: the saved-progress file (``PROGRESS_FORMAT``, kept by ``ProgressStore``) and
the exported results file (``RESULTS_FORMAT``, handed in), both at ``VERSION``. Trait and role ids
come from the self-assessment's model, so there is one list of each.
"""
from __future__ import annotations

from careerlab.assessment.model import ROLES, TRAIT_IDS

__all__ = [
    "ASSESSMENT", "CODER_SHIFT", "DRAFT_RESPONSES", "EXERCISE_PREFIX", "LEARNER", "MY_RESULTS", "NAME",
    "PROGRESS_FORMAT", "QUEUE_SHAPE", "QUIZ_ORDER_SALT", "QUIZ_PREFIX", "RESPONSES", "RESULTS_FORMAT", "ROLES",
    "ROLE_FIT", "SCORE_KEY", "SCORE_SHAPE", "SHARE_LIVE", "SHIFT_NUMBER", "SHIFT_SHAPE", "TRAIT_IDS", "TRAIT_SCORES", "VERSION",
    "WORK_QUEUE", "exercise_section", "is_quiz", "lesson_of", "quiz_section",
]

PROGRESS_FORMAT = "careerlab-progress"  # the learner's own saved-progress file
RESULTS_FORMAT = "careerlab-results"  # the exported (handed-in) results file
VERSION = 1  # of both files; a file of another version is named as such, never half read
MY_RESULTS = "my-results"  # the folder beside the lessons where an export saves its copy

LEARNER, NAME = "learner", "name"
QUIZ_ORDER_SALT = "quiz_order_salt"  # in LEARNER: the per-learner salt of the options' order
SHARE_LIVE = "share_live"  # in LEARNER: opted in to the instructor's live answers view (default False)
ASSESSMENT = "assessment"
RESPONSES, DRAFT_RESPONSES = "responses", "draft_responses"
TRAIT_SCORES, ROLE_FIT = "trait_scores", "role_fit"

QUIZ_PREFIX, EXERCISE_PREFIX = "quiz:", "exercise:"
SCORE_KEY = "_score"  # a quiz section's score; keys starting with "_" are never question ids
SCORE_SHAPE = {"correct": int, "answered": int, "total": int}

# Whole activities saved as exercises (each also has the 0-1 "score" every exercise has)
CODER_SHIFT = "coder-shift"  # in exercise:02-the-medical-coder, the latest finished shift
SHIFT_SHAPE = {"cases": int, "correct": int, "seconds": float, "charts_per_hour": float}
SHIFT_NUMBER = "shift"  # also in CODER_SHIFT: how many shifts came before it (the next draw differs)
WORK_QUEUE = "work-queue"  # in exercise:03-the-medical-biller, the latest worked queue
QUEUE_SHAPE = {"claims": int, "worked": int, "right": int, "collected": float, "days_in_ar": float}


def quiz_section(lesson: str) -> str:
    """The section of a lesson's knowledge check.

    >>> quiz_section("01-two-roles")
    'quiz:01-two-roles'
    """
    return QUIZ_PREFIX + lesson


def exercise_section(lesson: str) -> str:
    """The section of a lesson's exercises.

    >>> exercise_section("03-the-medical-biller")
    'exercise:03-the-medical-biller'
    """
    return EXERCISE_PREFIX + lesson


def is_quiz(section: str) -> bool:
    """Whether a section holds a knowledge check."""
    return section.startswith(QUIZ_PREFIX)


def lesson_of(section: str) -> str | None:
    """The lesson a quiz or exercise section belongs to, or None for another section.

    >>> lesson_of("quiz:02-the-medical-coder"), lesson_of("assessment")
    ('02-the-medical-coder', None)
    """
    for prefix in (QUIZ_PREFIX, EXERCISE_PREFIX):
        if section.startswith(prefix):
            return section[len(prefix):]
    return None
