"""One kiosk visit's saved work: a private folder per kernel, removed when the kernel ends.

A Voilà page load is one visit with one kernel. The visit's answers (``progress.json``) and its
exports live in a folder only the kiosk's user can open (mode 0700, made by ``tempfile.mkdtemp``),
so two visitors never share a file and a JupyterLab learner's ``$CAREERLAB_HOME`` is never read
or written. The folder is removed when the kernel exits: a normal exit (Voilà's shutdown request,
the idle culler, the visitor closing the page) runs ``atexit``; a SIGTERM is caught for the same.
"""
from __future__ import annotations

import atexit
import os
import shutil
import signal
import tempfile
from pathlib import Path
from typing import Any

from careerlab.progress import ProgressStore

KIOSK_DIR_ENV = "CAREERLAB_KIOSK_DIR"  # where visit folders go (default: the system temporary folder)


class Visit:
    """A private folder with its own progress store; ``end()`` removes it and everything in it."""

    def __init__(self, root: str | os.PathLike[str] | None = None) -> None:
        root = root if root is not None else (os.environ.get(KIOSK_DIR_ENV, "").strip() or None)
        if root is not None:
            Path(root).mkdir(mode=0o700, parents=True, exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(prefix="careerlab-visit-", dir=root))  # mode 0700
        self.store = ProgressStore(self.folder / "progress.json")

    def end(self) -> None:
        """Remove the visit's folder (answers, exports, everything); safe to call twice."""
        shutil.rmtree(self.folder, ignore_errors=True)


_visit: Visit | None = None
_previous_sigterm: Any = None


def current_visit() -> Visit:
    """This kernel's visit, made on first use and removed when the kernel ends."""
    global _visit
    if _visit is None:
        _visit = Visit()
        atexit.register(end_visit)
        _catch_sigterm()
    return _visit


def end_visit() -> None:
    """Remove this kernel's visit folder now (the kernel is ending)."""
    if _visit is not None:
        _visit.end()


def _catch_sigterm() -> None:
    """SIGTERM (a kernel that did not stop when asked) would skip atexit: remove the folder first."""
    global _previous_sigterm
    try:
        _previous_sigterm = signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread: atexit still covers a normal exit
        pass


def _on_sigterm(signum: int, frame: Any) -> None:
    end_visit()
    if callable(_previous_sigterm):
        _previous_sigterm(signum, frame)
        return
    signal.signal(signum, signal.SIG_DFL)  # then die of the signal as before
    os.kill(os.getpid(), signum)
