"""Benchmarks for the self-assessment (lesson 05): scoring, and Submit -> charts and fit on screen.

Scoring is timed per call over many calls; the floor is averaging 28 numbers in plain Python, in
the same run. Submit is timed from the button click to the results panel being filled (both charts
drawn and turned into PNG); its floor is drawing and saving one trivial chart in the same run.
There are no targets in the issue for this area, so none are claimed.
"""
from __future__ import annotations

import io
import os
import statistics
import tempfile
import time


def _per_call(fn, n: int = 2000) -> float:
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) / n * 1e6


def run() -> list[dict]:
    os.environ.setdefault("CAREERLAB_HOME", tempfile.mkdtemp(prefix="careerlab-bench-assess-"))
    from matplotlib.figure import Figure

    from careerlab.assessment import explain_fit, load_example_responses, score
    from careerlab.assessment.widgets import AssessmentWidget
    from careerlab.progress import ProgressStore

    answers = load_example_responses()
    values = list(answers.values())
    scoring = _per_call(lambda: explain_fit(score(answers)))
    floor = _per_call(lambda: sum(values) / len(values))

    def trivial_png() -> float:
        start = time.perf_counter()
        fig = Figure()
        fig.add_subplot().bar(["a", "b"], [1, 2])
        fig.savefig(io.BytesIO(), format="png")
        return time.perf_counter() - start

    def submit() -> float:
        w = AssessmentWidget(ProgressStore(os.path.join(tempfile.mkdtemp(), "p.json")))
        for item_id, value in answers.items():
            w.questions[item_id].value = value
        start = time.perf_counter()
        w.submit_button.click()
        assert w.results.pngs, "submit did not produce results"
        return time.perf_counter() - start

    submit()  # warm-up: fonts and caches
    submits = [submit() for _ in range(3)]
    floors = [trivial_png() for _ in range(3)]
    return [
        {"name": "score + explain_fit, one learner (µs per call)", "value": scoring, "unit": "µs",
         "target": "", "floor": floor, "ok": None},
        {"name": "Submit → both charts and the fit shown (median of 3)", "value": statistics.median(submits),
         "unit": "s", "target": "", "floor": statistics.median(floors), "ok": None},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
