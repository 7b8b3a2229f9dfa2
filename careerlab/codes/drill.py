"""The code-set drill's score: each code counts once, on its first checked answer (pure logic)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

# (code, its code set) for the drill; CPT examples are codes the lesson explains in its own words.
DRILL = [
    ("E11.9", "ICD-10-CM"), ("99213", "CPT"), ("J3301", "HCPCS Level II"), ("0DTJ4ZZ", "ICD-10-PCS"),
    ("3074F", "CPT"), ("S52.521A", "ICD-10-CM"), ("G0008", "HCPCS Level II"), ("Z23", "ICD-10-CM"),
]


@dataclass
class DrillScore:
    """First answers per code; checking the same code again never changes the score.

    >>> s = DrillScore()
    >>> s.answer("E11.9", "ICD-10-CM", "ICD-10-CM"), s.answer("E11.9", "ICD-10-CM", "ICD-10-CM")
    (True, False)
    >>> s.right, s.answered, s.score
    (1, 1, 1.0)
    """

    choices: dict[str, str] = field(default_factory=dict)
    marks: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def from_choices(cls, saved: object, options: Iterable[str] | None = None) -> "DrillScore":
        """A score seeded from saved first answers (``record()["answer"]["choices"]``).

        Anything odd is skipped, item by item: a code not in the drill, a choice that is not
        text or not one of ``options``. The marks are worked out again from the drill's key.

        >>> s = DrillScore.from_choices({"E11.9": "ICD-10-CM", "99213": "HCPCS Level II", "X": "CPT", "Z23": 5})
        >>> s.right, s.answered, s.answer("E11.9", "CPT", "ICD-10-CM")
        (1, 2, False)
        >>> DrillScore.from_choices(["not", "a", "dict"]).answered
        0
        """
        score = cls()
        if not isinstance(saved, dict):
            return score
        allowed = None if options is None else set(options)
        for code, key in DRILL:
            chosen = saved.get(code)
            if isinstance(chosen, str) and (allowed is None or chosen in allowed):
                score.answer(code, chosen, key)
        return score

    def answer(self, code: str, chosen: str, key: str) -> bool:
        """Record the first answer for ``code``; True if it counted, False if it was already answered."""
        if code in self.marks:
            return False
        self.choices[code], self.marks[code] = chosen, chosen == key
        return True

    @property
    def right(self) -> int:
        """Codes whose first answer was right."""
        return sum(self.marks.values())

    @property
    def answered(self) -> int:
        """Codes answered at least once."""
        return len(self.marks)

    @property
    def score(self) -> float:
        """Share of answered codes that were right first time (0 when none is answered)."""
        return self.right / self.answered if self.answered else 0.0

    def record(self) -> dict:
        """What the progress store keeps: the counts, each first choice and the score."""
        return {"answer": {"answered": self.answered, "right": self.right, "choices": dict(self.choices)},
                "score": round(self.score, 3)}
