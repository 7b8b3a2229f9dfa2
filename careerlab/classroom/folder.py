"""List and read the files of a results folder without ever following a link out of it, blocking
on a pipe or device, or reading more than ``MAX_BYTES`` (read only: nothing is ever changed)."""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from careerlab.errors import CareerlabError

MAX_BYTES = 2_000_000  # a results file is a few kilobytes; anything this big is something else
# O_NONBLOCK: a pipe swapped in after the check still cannot block; O_NOFOLLOW: nor can a link
# be followed. Both are missing on Windows, where the lstat check below still applies.
_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
          | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
LINK = ("it is a link to another file or folder; links are never followed, so it was skipped "
        "(copy the learner's file itself into the folder)")
NOT_REGULAR = "it is not a regular file (a folder, pipe, socket or device), so it was not opened"
TOO_LARGE = f"it is too large to be a results file (over {MAX_BYTES // 1_000_000} MB)"
GONE = "it was removed or renamed while the folder was being read"


class SkippedFile(CareerlabError):
    """The file was not read; the message says why in plain words."""


def results_files(folder: Path) -> list[Path]:
    """The ``*.json`` entries directly in ``folder`` (hidden ones left out), sorted by name,
    whatever they are: ``read_results_file`` checks each one before opening it."""
    with os.scandir(folder) as entries:
        names = sorted(e.name for e in entries
                       if e.name.lower().endswith(".json") and not e.name.startswith("."))
    return [folder / name for name in names]


def _open(path: Path) -> int:
    return os.open(path, _FLAGS)


def _failed(exc: OSError) -> SkippedFile:
    if isinstance(exc, FileNotFoundError):
        return SkippedFile(GONE)
    return SkippedFile(f"it could not be read ({exc.strerror or type(exc).__name__})")


def read_results_file(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``MAX_BYTES``; otherwise
    ``SkippedFile`` saying why (a link, a pipe or folder, too large, gone, unreadable)."""
    try:
        info = os.lstat(path)  # the entry itself, never what a link points to
    except OSError as exc:
        raise _failed(exc) from None
    if stat.S_ISLNK(info.st_mode):
        raise SkippedFile(LINK)
    if not stat.S_ISREG(info.st_mode):
        raise SkippedFile(NOT_REGULAR)  # a fifo opened plainly would block for ever
    if info.st_size > MAX_BYTES:
        raise SkippedFile(TOO_LARGE)
    try:
        fd = _open(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SkippedFile(LINK) from None  # became a link after the check
        raise _failed(exc) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise SkippedFile(NOT_REGULAR)  # swapped for a pipe or device after the check
        chunks, size = [], 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, min(1 << 16, MAX_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_BYTES:
            raise SkippedFile(TOO_LARGE)  # it grew after the check
        return b"".join(chunks)
    except OSError as exc:
        raise _failed(exc) from None
    finally:
        os.close(fd)
