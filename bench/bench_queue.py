"""Benchmarks for lesson 03's A/R and denials work queue (issue 14, item 3).

- One Submit in the work-queue widget: the decision worked, its feedback written, the queue table and the
  scoreboard redrawn (what a learner waits for after each click), median over the 22 claims worked in turn,
  beside a floor measured in the same run: the same table built and turned into HTML alone (the part of a
  redraw no change to the logic can avoid). Target: ≤ 100 ms, a click that feels immediate.
- The priority order of the whole queue (pure logic), in microseconds per call.
"""
from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path


def _median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def run() -> list[dict]:
    from careerlab.claims import load_work_queue, priority_order
    from careerlab.claims.queue_widgets import work_queue
    from careerlab.claims.tables import queue_table
    from careerlab.progress import ProgressStore
    from careerlab.ui import show_table

    queue = load_work_queue()
    folder = Path(tempfile.mkdtemp(prefix="careerlab-bench-queue-"))
    submits, floors = [], []
    for round_ in range(3):
        widget = work_queue(queue=queue, store=ProgressStore(folder / f"progress-{round_}.json"))
        for claim in queue.claims:  # every claim worked in turn, as a learner would
            widget.claim_pick.value = claim.claim_id
            widget.action.value = claim.right[0]
            start = time.perf_counter()
            widget.submit.click()
            submits.append(time.perf_counter() - start)
            floors.append(_median_ms(lambda: show_table(queue_table(queue, widget.done), framed=True).to_html(), 1) / 1000)
    submit_ms, floor_ms = statistics.median(submits) * 1000, statistics.median(floors) * 1000
    order_us = _median_ms(lambda: priority_order(queue), 200) * 1000
    return [
        {"name": f"queue: Submit one decision in the work-queue widget (feedback, table and scoreboard redrawn), "
                 f"median of {len(submits)} (floor: the same table built and turned into HTML alone)",
         "value": submit_ms, "unit": "ms", "target": "≤ 100 ms", "floor": floor_ms, "ok": submit_ms <= 100},
        {"name": f"queue: priority order of all {len(queue.claims)} claims (µs per call)", "value": order_us,
         "unit": "µs", "floor": None},
    ]
