"""The learner's saved work: one small JSON file, written atomically, safe with two kernels."""
from __future__ import annotations

import contextlib
import copy
import json
import os
import re
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from careerlab import __version__
from careerlab.paths import careerlab_home

try:  # POSIX: an advisory lock so two kernels never lose each other's answers
    import fcntl
except ImportError:  # pragma: no cover - Windows: writes are still atomic, just not merged
    fcntl = None  # type: ignore[assignment]

FORMAT = "careerlab-progress"
RESULTS_FORMAT = "careerlab-results"
VERSION = 1


class _Unreadable(Exception):
    """The progress file exists but is not a progress file we can use."""


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _check_json(section: str, key: str, value: Any) -> None:
    for name, text in (("section", section), ("key", key)):
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"The progress {name} must be a non-empty string, not {text!r}.")
    try:
        json.dumps(value)
    except (TypeError, ValueError) as exc:
        raise TypeError(
            f"Cannot save {section}/{key}: the value must be plain data "
            f"(text, numbers, lists, dicts), not {type(value).__name__}."
        ) from exc


def _atomic_write_json(path: Path, payload: dict) -> None:
    """Write JSON to a temporary file in the same folder, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, indent=1, ensure_ascii=False, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _parse(text: str) -> dict[str, dict[str, Any]]:
    """Return the sections of a progress file's text, or raise _Unreadable saying why."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Unreadable(f"it is not valid JSON (line {exc.lineno}, column {exc.colno})") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _Unreadable("it is not a careerlab progress file")
    if doc.get("version") != VERSION:
        raise _Unreadable(f"it has version {doc.get('version')!r}; this careerlab reads version {VERSION}")
    sections = doc.get("sections")
    if not isinstance(sections, dict) or not all(isinstance(v, dict) for v in sections.values()):
        raise _Unreadable("its 'sections' part is damaged")
    return sections


class ProgressStore:
    """Saved answers and scores, by section and key, in one JSON file.

    Every ``record`` re-reads the file under a lock, changes one key and writes the file
    atomically, so two notebooks open at once keep each other's answers. A file that cannot
    be read is moved aside to a timestamped backup (never overwritten) and ``warning`` says so.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else careerlab_home() / "progress.json"
        self.warning: str | None = None
        with self._locked():
            self._sections = self._read_or_recover()

    # -- reading -----------------------------------------------------------------------
    def get(self, section: str, key: str, default: Any = None) -> Any:
        """Return the saved value (a copy), or ``default`` when nothing is saved."""
        self._refresh()
        value = self._sections.get(section, {}).get(key, default)
        return copy.deepcopy(value)

    def section(self, name: str) -> dict[str, Any]:
        """Return a copy of everything saved in one section."""
        self._refresh()
        return copy.deepcopy(self._sections.get(name, {}))

    def sections(self) -> dict[str, dict[str, Any]]:
        """Return a copy of everything saved."""
        self._refresh()
        return copy.deepcopy(self._sections)

    # -- writing -----------------------------------------------------------------------
    def record(self, section: str, key: str, value: Any) -> None:
        """Save one value at once (atomically), keeping everything else in the file."""
        _check_json(section, key, value)
        with self._locked():
            sections = self._read_or_recover()
            sections.setdefault(section, {})[key] = copy.deepcopy(value)
            self._write(sections)
            self._sections = sections

    def reset(self, *, confirm: bool = False) -> Path | None:
        """Start again with an empty store; the old file is kept as a backup, whose path is returned.

        ``confirm=True`` is required, so a stray call cannot wipe anything.
        """
        if not confirm:
            raise ValueError("Reset needs confirm=True: it starts your saved progress again from empty.")
        with self._locked():
            backup = self._move_aside("reset") if self.path.exists() else None
            self._sections = {}
        self.warning = None
        return backup

    def export(self, path: str | os.PathLike[str] | None = None, *, learner: str | None = None) -> Path:
        """Write all results to one file to hand in, and return its path."""
        sections = self.sections()
        name = learner or str(sections.get("learner", {}).get("name") or "").strip() or "learner"
        stamp = _now()
        doc = {
            "format": RESULTS_FORMAT,
            "version": VERSION,
            "careerlab_version": __version__,
            "learner": name,
            "exported_at": stamp.isoformat(timespec="seconds"),
            "progress": sections,
        }
        if path is None:
            slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "learner"
            path = careerlab_home() / "exports" / f"careerlab-results-{slug}-{stamp:%Y%m%d-%H%M%S}.json"
        target = Path(path)
        _atomic_write_json(target, doc)
        return target

    # -- internals ---------------------------------------------------------------------
    def _refresh(self) -> None:
        with self._locked():
            self._sections = self._read_or_recover()

    def _read_or_recover(self) -> dict[str, dict[str, Any]]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError) as exc:
            reason = f"it could not be read ({exc.__class__.__name__})"
        else:
            try:
                return _parse(text)
            except _Unreadable as exc:
                reason = str(exc)
        backup = self._move_aside("unreadable")
        self.warning = (
            f"Your saved progress file {self.path} could not be used: {reason}. "
            f"It was kept, unchanged, as {backup}, and a new empty progress file was started. "
            "Nothing was deleted; your instructor can help recover answers from the backup."
        )
        return {}

    def _write(self, sections: dict[str, dict[str, Any]]) -> None:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "updated_at": _now().isoformat(timespec="seconds"),
            "sections": sections,
        }
        _atomic_write_json(self.path, doc)

    def _move_aside(self, why: str) -> Path:
        stamp = _now().strftime("%Y%m%d-%H%M%S")
        stem, suffix = self.path.stem, self.path.suffix or ".json"
        for n in range(1000):
            extra = f"-{n}" if n else ""
            backup = self.path.with_name(f"{stem}.{why}-{stamp}{extra}{suffix}")
            if not backup.exists():
                break
        os.replace(self.path, backup)
        return backup

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        if fcntl is None:  # pragma: no cover
            yield
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.with_name(self.path.name + ".lock")
        with open(lock_path, "a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


_default: ProgressStore | None = None


def default_store() -> ProgressStore:
    """The store every lesson shares: ``$CAREERLAB_HOME/progress.json`` or ``~/.careerlab/progress.json``."""
    global _default
    path = careerlab_home() / "progress.json"
    if _default is None or _default.path != path:
        _default = ProgressStore(path)
    return _default


def _reset_default_store_for_tests() -> None:
    global _default
    _default = None
