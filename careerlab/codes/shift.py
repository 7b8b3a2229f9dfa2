"""A coder's shift: a queue of practice charts, a timer per chart, and the pace and accuracy at the
end (pure logic; the widget is ``shift_widgets``).

Each ``Shift`` owns its queue, its clock and its results, so two learners (or two widgets) never
share one: nothing here is module-level state. The clock is ``time.monotonic`` unless a test
gives another.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from typing import Callable, Sequence

from careerlab.codes.grading import GradeResult, grade_case
from careerlab.codes.model import PracticeCase
from careerlab.progress.record import SHIFT_NUMBER, SHIFT_SHAPE

__all__ = ["DEFAULT_CHARTS", "CaseResult", "Shift", "ShiftSummary", "draw_shift", "shift_record"]

DEFAULT_CHARTS = 10
# The clock stops here on one chart, so a break without Pause does not show as an hour of coding.
# A limit of this lesson's own, not a workplace figure: its charts are short practice notes.
MAX_CHART_SECONDS = 30 * 60


def _rank(salt: str, shift_no: int, case_id: str) -> bytes:
    return hashlib.sha256(f"{salt}\x1f{shift_no}\x1f{case_id}".encode("utf-8")).digest()


def draw_shift(cases: Sequence[PracticeCase], salt: str | None, n: int = DEFAULT_CHARTS,
               shift_no: int = 0) -> list[PracticeCase]:
    """``n`` cases for one learner's shift: the same for the same salt and shift number, another
    draw for the next shift or another learner. Varied: at most one case per hand-written chart,
    and the specialties taken in turn, before any repeats.

    >>> from careerlab.codes.model import KeyCode
    >>> bank = [PracticeCase(f"c{i}", f"c{i % 4}", "ED" if i % 2 else "Primary care", "outpatient", "", "",
    ...                      (KeyCode("I10", "ICD-10-CM"),)) for i in range(12)]
    >>> a = draw_shift(bank, "salt-1", 4)
    >>> a == draw_shift(bank, "salt-1", 4), len({c.chart for c in a}), len({c.specialty for c in a})
    (True, 4, 2)
    """
    n = max(0, min(int(n), len(cases)))
    ranked = sorted(cases, key=lambda c: _rank(salt or "", shift_no, c.id))
    by_specialty: dict[str, list[PracticeCase]] = {}
    for case in ranked:
        by_specialty.setdefault(case.specialty, []).append(case)
    order = sorted(by_specialty, key=lambda s: _rank(salt or "", shift_no, "specialty:" + s))
    picked: list[PracticeCase] = []
    charts: set[str] = set()
    for fresh_only in (True, False):  # first one case per chart, then whatever is left
        progress = True
        while len(picked) < n and progress:
            progress = False
            for specialty in order:
                queue = by_specialty[specialty]
                pick = next((c for c in queue if not fresh_only or c.chart not in charts), None)
                if pick is None or len(picked) >= n:
                    continue
                queue.remove(pick)
                picked.append(pick)
                charts.add(pick.chart)
                progress = True
    return picked


@dataclass(frozen=True)
class CaseResult:
    """One chart of the shift, as coded."""

    case_id: str
    score: float  # 0-1
    all_right: bool
    seconds: float


@dataclass(frozen=True)
class ShiftSummary:
    """The end of a shift: how many charts, how many fully right, the mean score and the pace."""

    cases: int
    correct: int
    score: float
    seconds: float

    @property
    def charts_per_hour(self) -> float:
        """Charts coded per hour at this shift's pace (0 when no time has passed)."""
        return 3600.0 * self.cases / self.seconds if self.seconds > 0 else 0.0


@dataclass
class Shift:
    """One learner's queue of charts and where they are in it."""

    cases: list[PracticeCase]
    clock: Callable[[], float] = time.monotonic
    results: list[CaseResult] = field(default_factory=list)
    position: int = 0
    _started: float | None = None
    _graded: GradeResult | None = None
    _paused_at: float | None = None  # when the clock was paused, if it is paused now
    _paused_for: float = 0.0  # seconds this chart's clock spent paused before now

    def start_case(self) -> None:
        """Start the clock on the current chart."""
        self._started, self._graded = self.clock(), None
        self._paused_at, self._paused_for = None, 0.0

    @property
    def paused(self) -> bool:
        """Whether the clock on the current chart is paused (a break is not coding time)."""
        return self._paused_at is not None

    def pause(self) -> None:
        """Stop the clock on the current chart until ``resume``; nothing to do once it is submitted."""
        if self._started is not None and self._graded is None and self._paused_at is None:
            self._paused_at = self.clock()

    def resume(self) -> None:
        """Start the paused clock again; the time paused is not counted."""
        if self._paused_at is not None:
            self._paused_for += max(0.0, self.clock() - self._paused_at)
            self._paused_at = None

    @property
    def current(self) -> PracticeCase | None:
        """The chart being coded, or None when the shift is over."""
        return self.cases[self.position] if self.position < len(self.cases) else None

    @property
    def submitted(self) -> bool:
        """Whether the current chart has been submitted (then only Next moves on)."""
        return self._graded is not None

    def elapsed(self) -> float:
        """Seconds on the current chart so far (frozen once it is submitted)."""
        if self._started is None:
            return 0.0
        if self._graded is not None:
            return self.results[-1].seconds
        now = self._paused_at if self._paused_at is not None else self.clock()
        return min(MAX_CHART_SECONDS, max(0.0, now - self._started - self._paused_for))

    def submit(self, diagnoses: object, services: object) -> GradeResult:
        """Grade the current chart once; a second submit returns the first grade unchanged."""
        case = self.current
        if case is None:
            raise IndexError("The shift is over: there is no chart to submit.")
        if self._graded is not None:
            return self._graded
        if self._started is None:
            self.start_case()
        self.resume()  # a chart submitted while paused counts the time up to the pause
        seconds = self.elapsed()
        graded = grade_case(case, diagnoses, services)
        self.results.append(CaseResult(case.id, graded.score, graded.all_right, seconds))
        self._graded = graded
        return graded

    def next(self) -> PracticeCase | None:
        """Move on to the next chart (its clock starts now); None when the shift is over."""
        if self._graded is None and self.current is not None:
            raise ValueError("Submit this chart before moving on.")
        self.position += 1
        self._graded = None
        self._started = None
        if self.current is not None:
            self.start_case()
        return self.current

    @property
    def finished(self) -> bool:
        """Every chart submitted."""
        return len(self.results) >= len(self.cases)

    def summary(self) -> ShiftSummary:
        """Counts, the mean score and the time over the charts submitted so far."""
        done = self.results
        score = sum(r.score for r in done) / len(done) if done else 0.0
        return ShiftSummary(len(done), sum(r.all_right for r in done), score, sum(r.seconds for r in done))


def shift_record(summary: ShiftSummary, shift_no: int) -> dict:
    """What the learner record keeps of a finished shift: ``SHIFT_SHAPE``'s keys, the 0-1 score and
    which shift it was (so the next draw differs)."""
    value = {"cases": summary.cases, "correct": summary.correct, "seconds": round(summary.seconds, 1),
             "charts_per_hour": round(summary.charts_per_hour, 1)}
    return {**{k: value[k] for k in SHIFT_SHAPE}, "score": round(summary.score, 3), SHIFT_NUMBER: shift_no}
