"""The file side of saved progress: atomic writes (through symlinks), new files that never
overwrite, moving a damaged file aside, and tidying temporary files left by killed writes."""
from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Iterator

try:  # POSIX: an advisory lock so two kernels never lose each other's answers
    import fcntl
except ImportError:  # pragma: no cover - Windows: writes are still atomic, just not merged
    fcntl = None  # type: ignore[assignment]

STALE_SECONDS = 3600  # a temporary file this old belongs to no running write


@contextlib.contextmanager
def locked(lock_path: Path) -> Iterator[bool | None]:
    """Hold an exclusive lock; yields True, False (no locking here) or None (the folder cannot be written)."""
    if fcntl is None:  # pragma: no cover
        yield False
        return
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        lock = open(lock_path, "a+")
    except OSError:
        yield None
        return
    with lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX)
        except OSError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def target_of(path: Path) -> Path:
    """Where writes to ``path`` really go: a symlink's final target, else ``path`` itself."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def read_limited(path: Path, limit: int) -> bytes:
    """Read at most ``limit + 1`` bytes of a regular file (a folder or a device is refused)."""
    mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory")
    if not stat.S_ISREG(mode):
        raise OSError(errno.EINVAL, "Not a regular file")
    with open(path, "rb") as fh:
        return fh.read(limit + 1)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file next to ``path``, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_new(folder: Path, stem: str, suffix: str, data: bytes) -> Path:
    """Write ``data`` atomically to a file name nobody has used yet (``stem``, ``stem-2``, ...)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, 10_000):
        candidate = folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}")
        try:
            os.close(os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
        except FileExistsError:
            continue
        try:
            atomic_write(candidate, data)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(candidate)
            raise
        return candidate
    raise FileExistsError(errno.EEXIST, "Too many files with the same name")


def move_aside(path: Path, label: str) -> Path:
    """Rename ``path`` to ``<stem>.<label>[-n]<suffix>`` beside it, never over an existing file."""
    stem, suffix = path.stem, path.suffix or ".json"
    for n in range(1000):
        backup = path.with_name(f"{stem}.{label}{f'-{n}' if n else ''}{suffix}")
        try:
            os.link(path, backup, follow_symlinks=False)  # fails if the backup name is taken
        except FileExistsError:
            continue
        except OSError:  # a folder, or a file system without hard links
            if os.path.lexists(backup):
                continue
            os.rename(path, backup)
            return backup
        os.unlink(path)
        return backup
    raise FileExistsError(errno.EEXIST, "Too many backups with the same name")


def clean_temps(folder: Path, name: str, min_age: float) -> int:
    """Delete our own temporary files (``<name>.XXXXXXXX.tmp``) older than ``min_age`` seconds."""
    ours = re.compile(re.escape(name) + r"\.[a-z0-9_]{8}\.tmp")
    removed = 0
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            with contextlib.suppress(OSError):
                if not ours.fullmatch(entry.name) or not entry.is_file(follow_symlinks=False):
                    continue
                if time.time() - entry.stat(follow_symlinks=False).st_mtime >= min_age:
                    os.unlink(entry.path)
                    removed += 1
    return removed


def slug(name: str, limit: int = 40) -> str:
    """A short, safe piece of a file name: ASCII letters, digits and dashes only.

    >>> slug("Zoë O'Brien / ../x"), slug("🎉"), len(slug("a" * 300))
    ('zoe-o-brien-x', 'learner', 40)
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:limit].rstrip("-") or "learner"
