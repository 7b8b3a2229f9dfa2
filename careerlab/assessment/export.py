"""Export the learner's results: the shared results file plus the charts as PNG next to it."""
from __future__ import annotations

import re
import secrets
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from careerlab.ui import download_link

DOWNLOAD_INTRO = "Download your results file and hand it in"
SLUG_MAX = 40  # a name typed into the box (or sent by a widget message) never makes a file name too long


def results_file_name(learner: str, stamp: datetime, token: str) -> str:
    """A results file name from the learner's name, the time and a random ``token`` (so two exports in
    the same second differ); the name part is lower-case letters, digits and dashes, at most 40 long.

    >>> from datetime import datetime, timezone
    >>> results_file_name("Ada  Example!", datetime(2025, 1, 2, 3, 4, 5), "1a2b3c4d")
    'careerlab-results-ada-example-20250102-030405-1a2b3c4d.json'
    >>> results_file_name("", datetime(2025, 1, 2, 3, 4, 5), "ff")
    'careerlab-results-learner-20250102-030405-ff.json'
    """
    slug = re.sub(r"[^a-z0-9]+", "-", learner.lower()).strip("-")[:SLUG_MAX].strip("-") or "learner"
    return f"careerlab-results-{slug}-{stamp:%Y%m%d-%H%M%S}-{re.sub(r'[^a-z0-9]', '', token.lower())}.json"


def unique_results_path(folder: Path, learner: str) -> Path:
    """Where a results file goes in ``folder`` under a name no other export shares (now, UTC)."""
    return folder / results_file_name(learner, datetime.now(timezone.utc), secrets.token_hex(4))


def chart_paths(results_file: Path, names: list[str]) -> dict[str, Path]:
    """Where each chart's PNG goes: next to the results file, e.g. ``<stem>-trait-scores.png``."""
    return {name: results_file.with_name(f"{results_file.stem}-{name}.png") for name in names}


def export_results(store: Any, pngs: Mapping[str, bytes], learner: str | None = None,
                   path: Path | None = None) -> list[Path]:
    """Write the results file (``store.export()``, to ``path`` if given) and each chart's PNG next to it;
    return every path written."""
    kwargs: dict[str, Any] = {"learner": learner} if learner else {}
    if path is not None:
        kwargs["path"] = path
    results_file = Path(store.export(**kwargs))
    written = [results_file]
    for name, path in chart_paths(results_file, list(pngs)).items():
        path.write_bytes(pngs[name])
        written.append(path)
    return written


def downloads_html(files: Sequence[tuple[str, bytes]]) -> str:
    """The results file (first) and the chart pictures as browser downloads, under one plain sentence."""
    if not files:
        return ""
    (first, data), charts = files[0], files[1:]
    links = [f"<li>{download_link(first, data, f'Results file ({first})', 'careerlab-download-results')}</li>"]
    links += [f"<li>{download_link(name, png, f'Chart picture ({name})', 'careerlab-download-chart')}</li>"
              for name, png in charts]
    return (f'<div class="careerlab-downloads" style="font-size:14px;line-height:1.5;margin:4px 0">'
            f"<p style=\"margin:4px 0\"><b>{DOWNLOAD_INTRO}</b> (your two charts are optional pictures "
            f"to keep).</p><ul style=\"margin:2px 0 6px 18px;padding:0\">{''.join(links)}</ul></div>")
