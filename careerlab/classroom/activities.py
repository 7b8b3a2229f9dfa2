"""The whole activities a results file may hold (the coder's shift in lesson 02, the biller's work queue in
lesson 03), read into one 0-100 score column each, for the class table of lesson 07.

Pure logic: the learner record (``careerlab.progress.record``) names the sections, keys and shapes.
"""
from __future__ import annotations

from typing import Any

from careerlab.progress import record

ACTIVITY_COLUMN = "activity:"  # an activity's score in the class table: "activity:<record key>"
# (record key, lesson, the keys it saves beside "score", its name in words)
ACTIVITIES = (
    (record.CODER_SHIFT, "02-the-medical-coder", record.SHIFT_SHAPE, "Coder's shift 02"),
    (record.WORK_QUEUE, "03-the-medical-biller", record.QUEUE_SHAPE, "Work queue 03"),
)
LABELS = {ACTIVITY_COLUMN + key: label for key, _, _, label in ACTIVITIES}


def _fits(value: Any, shape: dict[str, type]) -> bool:
    """Whether a saved activity has every key of its shape with a value of the right type, and a 0-1 score."""
    if not isinstance(value, dict):
        return False
    score = value.get("score")
    if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0 <= score <= 1:
        return False
    for key, kind in shape.items():
        item = value.get(key)
        number = (int, float) if kind is float else (int,)
        if isinstance(item, bool) or not isinstance(item, number) or item < 0 or item != item or item > 1e12:
            return False
    return True


def activity_scores(progress: dict[str, Any], notes: list[str]) -> dict[str, float]:
    """{"activity:<key>": percent} for each activity the learner saved; a damaged one is noted and left out.

    >>> activity_scores({"exercise:03-the-medical-biller": {"work-queue": {"claims": 22, "worked": 2,
    ...     "right": 1, "collected": 430.0, "days_in_ar": 39.8, "score": 0.5}}}, [])
    {'activity:work-queue': 50.0}
    """
    scores: dict[str, float] = {}
    for key, lesson, shape, label in ACTIVITIES:
        section = progress.get(record.exercise_section(lesson), {})
        if key not in section:
            continue
        if _fits(section[key], shape):
            scores[ACTIVITY_COLUMN + key] = 100.0 * section[key]["score"]
        else:
            notes.append(f"its {label.lower()} result is damaged and was ignored")
    return scores
