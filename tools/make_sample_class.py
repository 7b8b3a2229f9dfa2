"""Write the synthetic sample class for lesson 07 into data/class-sample/.

Usage:  .venv/bin/python tools/make_sample_class.py [--learners 32] [--seed 7] [--out DIR]

Every learner is invented ("Learner 01 (sample)" ...). Self-assessment answers are drawn around
a made-up leaning towards coding or billing, then scored by careerlab.assessment's own score()
and role_fit(); quiz answers use the question ids of the banks
in data/quizzes/ when the script runs (a lesson without a bank is left out). A few example
problem files (empty, damaged, foreign, wrong version, duplicate) show the dashboard's checks.
Re-running with the same arguments and the same banks writes the same files.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # a tool run from a checkout: find careerlab without installing

from careerlab.progress import record  # noqa: E402  (the names of the learner record)

LESSONS = ("00-start-here", "01-two-roles", "02-the-medical-coder", "03-the-medical-biller",
           "04-side-by-side", "05-self-assessment")
CODER_TRAITS = ("anatomy_medicine", "decoding_detail", "clinical_team")
BILLER_TRAITS = ("numbers_money", "people_service", "independence")
PROBLEM_PREFIX = "problem-example-"


def load_banks(quiz_dir: Path) -> dict[str, list[dict]]:
    """The questions of each lesson bank that exists (lessons without a bank are skipped)."""
    banks = {}
    for lesson in LESSONS:
        path = quiz_dir / f"{lesson}.json"
        if path.exists():
            questions = json.loads(path.read_text(encoding="utf-8")).get("questions", [])
            if questions:
                banks[lesson] = questions
    return banks


def wrong_answer(q: dict, rng: np.random.Generator):
    """A plausible wrong answer to question ``q``."""
    if q["type"] == "single":
        others = [o["id"] for o in q["options"] if o["id"] != q["answer"]]
        return str(rng.choice(others)) if others else "?"
    if q["type"] == "multiple":
        ids = [o["id"] for o in q["options"]]
        right = set(q["answer"])
        pick = [i for i in ids if (i in right) != (rng.random() < 0.5)] or [ids[0]]
        return sorted(pick) if set(pick) != right else sorted(right - {sorted(right)[0]})
    if q["type"] == "numeric":
        return round(float(q["answer"]) * float(rng.choice([0.5, 0.9, 1.1, 2.0])), 2)
    return "not sure"


def right_answer(q: dict):
    """The bank's answer to ``q``, as a learner would have given it."""
    return q["accepted"][0] if q["type"] == "text" else q.get("answer")


def assessment_section(lean: float, rng: np.random.Generator) -> dict:
    """Item answers drawn around an invented leaning, scored by the self-assessment's own code."""
    from careerlab.assessment import load_items, role_fit, score

    responses = {}
    for item in load_items():
        centre = (55 + 20 * lean * (item.trait in CODER_TRAITS)
                  - 20 * lean * (item.trait in BILLER_TRAITS))
        agree = 1 + 4 * float(np.clip(rng.normal(centre, 15), 0, 100)) / 100  # 1..5
        responses[item.id] = int(round(6 - agree if item.reverse else agree))
    traits = score(responses)
    fit = role_fit(traits)
    return {record.RESPONSES: responses,
            record.TRAIT_SCORES: {t: round(v, 1) for t, v in traits.items()},
            record.ROLE_FIT: {r: round(v, 1) for r, v in fit.items()}}


def learner_progress(i: int, rng: np.random.Generator, banks: dict[str, list[dict]],
                     difficulty: dict[str, float]) -> dict:
    """The saved-progress sections of one invented learner."""
    name = f"Learner {i:02d} (sample)"
    progress: dict[str, dict] = {record.LEARNER: {record.NAME: name}}
    if i % 4 != 0:  # 24 of 32 opted in to the live answers view (lesson 07); no dice, so nothing else moves
        progress[record.LEARNER][record.SHARE_LIVE] = True
    lean = rng.uniform(-1, 1)  # -1 leans to billing, +1 to coding
    lessons_done = len(banks) if rng.random() > 0.25 else int(rng.integers(1, len(banks) + 1))
    if i % 16 != 0:  # two learners in 32 have not taken the self-assessment yet
        progress[record.ASSESSMENT] = assessment_section(lean, rng)
    ability = rng.normal(0.8, 0.1)
    for lesson in list(banks)[:lessons_done]:
        section: dict = {}
        correct = 0
        for q in banks[lesson]:
            ok = bool(rng.random() < np.clip(ability - difficulty[f"{lesson}/{q['id']}"], 0.05,
                                             0.98))
            section[q["id"]] = {"answer": right_answer(q) if ok else wrong_answer(q, rng),
                                "correct": ok}
            correct += ok
        n = len(banks[lesson])
        section[record.SCORE_KEY] = {"correct": correct, "answered": n, "total": n}
        progress[record.quiz_section(lesson)] = section
    return progress


def results_doc(name: str, progress: dict, when: datetime, version: int = record.VERSION) -> dict:
    """A results file as ``ProgressStore.export`` writes it."""
    return {"format": record.RESULTS_FORMAT, "version": version, "careerlab_version": "0.1.0",
            "learner": name, "exported_at": when.isoformat(timespec="seconds"),
            "progress": progress}


def write_json(path: Path, doc: dict) -> None:
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                    encoding="utf-8")


def file_name(i: int, when: datetime) -> str:
    return f"careerlab-results-learner-{i:02d}-sample-{when:%Y%m%d-%H%M%S}.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=32)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "class-sample")
    parser.add_argument("--no-problems", action="store_true", help="leave out the problem files")
    args = parser.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    banks = load_banks(ROOT / "data" / "quizzes")
    difficulty = {f"{lesson}/{q['id']}": float(rng.uniform(-0.15, 0.35))
                  for lesson, qs in banks.items() for q in qs}
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.json"):
        old.unlink()
    start = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
    docs = {}
    for i in range(1, args.learners + 1):
        when = start + timedelta(minutes=int(rng.integers(0, 60 * 24 * 5)))
        doc = results_doc(f"Learner {i:02d} (sample)", learner_progress(i, rng, banks, difficulty),
                          when)
        docs[i] = (file_name(i, when), doc)
        write_json(args.out / docs[i][0], doc)
    if not args.no_problems and args.learners >= 7:
        p = PROBLEM_PREFIX
        (args.out / f"{p}empty.json").write_bytes(b"")
        (args.out / f"{p}damaged.json").write_text('{"format": "careerlab-results", "vers',
                                                   encoding="utf-8")
        write_json(args.out / f"{p}foreign.json", {"name": "a spreadsheet export", "rows": []})
        write_json(args.out / f"{p}version-2.json",
                   results_doc("Learner 99 (sample)", {}, start, version=record.VERSION + 1))
        (args.out / f"{p}identical-copy.json").write_bytes((args.out / docs[5][0]).read_bytes())
        older = datetime(2026, 11, 1, 12, 0, tzinfo=timezone.utc)
        write_json(args.out / f"{p}older-export.json",
                   results_doc(docs[7][1]["learner"], {record.LEARNER: {record.NAME: "x"}}, older))
    print(f"wrote {args.learners} learners to {args.out} (quiz lessons: {', '.join(banks) or 'none'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
