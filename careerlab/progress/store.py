"""The learner's saved work: one small JSON file, written atomically, safe with two kernels.

Nothing here raises at a lesson because of the file: a file it cannot use is moved aside and
``warning`` says so; a folder it cannot write keeps answers in memory until a later write works.
"""
from __future__ import annotations

import contextlib
import copy
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from careerlab import __version__
from careerlab.errors import CareerlabError
from careerlab.paths import careerlab_home
from careerlab.progress import fileio
from careerlab.progress.record import LEARNER, MY_RESULTS, NAME, RESULTS_FORMAT
from careerlab.progress.parse import FORMAT, MAX_BYTES, VERSION, Unreadable, check_value, clean_text, encode, parse
from careerlab.progress.shapes import Shape, matches

__all__ = ["FORMAT", "RESULTS_FORMAT", "VERSION", "Exported", "ProgressError", "ProgressStore", "default_store",
           "results_folder"]
log = logging.getLogger("careerlab")
_MISSING = object()
UNSAVED = ("Your answers cannot be saved on this computer at the moment (the folder for saved progress "
           "cannot be written). Carry on: they are kept while this notebook stays open and saved as soon "
           "as saving works again.")
TOO_LONG = ("That answer is too long to save, so it was not saved. Your earlier answers are kept; "
            "try a shorter answer.")


RESULTS_DIR_VARIABLE = "CAREERLAB_RESULTS_DIR"  # only for tests, which must not write beside the lessons


def results_folder() -> Path:
    """Where exports are saved for the learner to find: ``my-results/`` in the working directory
    (in JupyterLab the notebook's folder, beside the lessons, shown by the file browser), or
    ``$CAREERLAB_RESULTS_DIR`` when set (the tests point it into their temporary folder)."""
    override = os.environ.get(RESULTS_DIR_VARIABLE, "").strip()
    return Path(override).expanduser() if override else Path.cwd() / MY_RESULTS


@dataclass(frozen=True)
class Exported:
    """One export: the file's name, its bytes (for a download link) and the saved copy (None: not saved)."""

    name: str
    data: bytes
    saved: Path | None

    @property
    def shown(self) -> str:
        """The saved copy as the learner finds it, e.g. ``my-results/careerlab-results-ada-....json``."""
        if self.saved is None:
            return ""
        return f"{self.saved.parent.name}/{self.saved.name}"


class ProgressError(CareerlabError):
    """Something the learner asked for (export, reset) could not be done; the message is plain words."""


def _now() -> datetime:
    return datetime.now(timezone.utc)


class ProgressStore:
    """Saved answers and scores, by section and key, in one JSON file.

    Every ``record`` re-reads the file under a lock, changes one key and writes the file
    atomically, so two notebooks open at once keep each other's answers. A file that cannot
    be used is moved aside to a timestamped backup (never overwritten) and ``warning`` says so.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else careerlab_home() / "progress.json"
        self.notes: list[str] = []  # saved values left out because of their shape, in plain words
        self._damage: str | None = None
        self._unsaved: str | None = None
        self._too_long: str | None = None
        self._pending: dict[tuple[str, str], Any] = {}  # recorded but not yet on disk
        self._parsed: tuple[bytes | None, dict[str, dict[str, Any]]] = (None, {})  # last bytes read, parsed
        with self._locked() as locked:
            if locked is None:
                self._unsaved = UNSAVED
            target = fileio.target_of(self.path)
            fileio.clean_temps(target.parent, target.name, 0 if locked else fileio.STALE_SECONDS)
            self._sections, _ = self._load()

    @property
    def warning(self) -> str | None:
        """What the learner should know about their saved progress, in plain words (or None)."""
        return " ".join(p for p in (self._damage, self._unsaved, self._too_long) if p) or None

    # -- reading -----------------------------------------------------------------------
    def get(self, section: str, key: str, default: Any = None) -> Any:
        """Return the saved value (a copy), or ``default`` when nothing is saved."""
        self._refresh()
        return copy.deepcopy(self._sections.get(section, {}).get(key, default))

    def read(self, section: str, key: str, shape: Shape, default: Any = None) -> Any:
        """Return the saved value if it has ``shape`` (see ``shapes``), else ``default``.

        A value of the wrong shape is left in the file and noted in ``notes``."""
        self._refresh()
        value = self._sections.get(section, {}).get(key, _MISSING)
        if value is _MISSING:
            return default
        if matches(value, shape):
            return copy.deepcopy(value)
        note = (f"A saved answer ({section}, {key}) could not be used because it is not in the form this "
                "lesson saves, so that part starts empty. It is still in your saved progress file.")
        if note not in self.notes:
            self.notes.append(note)
            log.info("careerlab: ignored a saved value of the wrong shape at %s/%s", section, key)
        return default

    def section(self, name: str) -> dict[str, Any]:
        """Return a copy of everything saved in one section."""
        self._refresh()
        return copy.deepcopy(self._sections.get(name, {}))

    def sections(self) -> dict[str, dict[str, Any]]:
        """Return a copy of everything saved."""
        self._refresh()
        return copy.deepcopy(self._sections)

    # -- writing -----------------------------------------------------------------------
    def record(self, section: str, key: str, value: Any) -> bool:
        """Save one value (atomically), keeping everything else; False if it is only in memory for now.

        A value that would make the file larger than a progress file may be (``MAX_BYTES``) is
        refused: False, the file and the earlier answers are unchanged, and ``warning`` says so."""
        value = check_value(section, key, value)
        earlier = self._pending.get((section, key), _MISSING)
        self._pending[(section, key)] = value
        with self._locked() as locked:
            disk, writable = self._load()
            sections = self._with_pending(copy.deepcopy(disk))
            data = encode(self._doc(sections))
            if len(data) > MAX_BYTES:  # the next load would move the whole file aside
                if earlier is _MISSING:
                    del self._pending[(section, key)]
                else:
                    self._pending[(section, key)] = earlier
                self._sections = self._with_pending(disk)
                log.warning("careerlab: refused to save %s/%s: the progress file would be %d bytes",
                            section, key, len(data))
                self._too_long = TOO_LONG
                return False
            self._too_long = None
            self._sections = sections
            if locked is None:  # no lock file: writing now could lose another notebook's answers
                if self._unsaved is None:
                    log.warning("careerlab: progress kept in memory, the lock file could not be opened")
                self._unsaved = UNSAVED
                return False
            if not writable:
                return False
            try:
                fileio.atomic_write(fileio.target_of(self.path), data)
            except OSError as exc:
                log.warning("careerlab: progress kept in memory, the write failed: %s", exc.__class__.__name__)
                self._unsaved = UNSAVED
                return False
        self._pending.clear()
        self._unsaved = None
        return True

    def reset(self, *, confirm: bool = False) -> Path | None:
        """Start again with an empty store; the old file is kept as a backup, whose path is returned.

        ``confirm=True`` is required, so a stray call cannot wipe anything.
        """
        if not confirm:
            raise ValueError("Reset needs confirm=True: it starts your saved progress again from empty.")
        with self._locked():
            target = fileio.target_of(self.path)
            try:
                backup = fileio.move_aside(target, f"reset-{_now():%Y%m%d-%H%M%S}") if target.exists() else None
            except OSError as exc:
                raise ProgressError("Your progress could not be reset: your saved progress file could not be "
                                    "moved aside on this computer. Nothing was changed.") from exc
            self._sections, self._pending = {}, {}
        self._damage = None
        return backup

    def export(self, path: str | os.PathLike[str] | None = None, *, learner: str | None = None) -> Path:
        """Write all results to one new file to hand in (next to the progress file), and return its path."""
        stem, data = self._results(learner)
        try:
            if path is not None:
                fileio.atomic_write(Path(path), data)
                return Path(path)
            return fileio.write_new(self.path.parent / "exports", stem, ".json", data)
        except OSError as exc:
            raise ProgressError("Your results file could not be written: the folder for it cannot be "
                                "written on this computer. Your answers are not affected.") from exc

    def export_copy(self, folder: str | os.PathLike[str] | None = None, *, learner: str | None = None) -> Exported:
        """The results file to hand in, as bytes for a download link, plus a copy saved (atomically, under a
        name no other export has) in ``folder``, by default ``my-results/`` in the working directory, which
        in JupyterLab is the notebook's folder, so the file browser shows it. Never raises for the folder:
        when it cannot be written, ``saved`` is None and the bytes are still there to download."""
        stem, data = self._results(learner)
        target = Path(folder) if folder is not None else results_folder()
        try:
            saved: Path | None = fileio.write_new(target, stem, ".json", data)
        except OSError as exc:
            log.warning("careerlab: the results copy could not be saved: %s", exc.__class__.__name__)
            saved = None
        return Exported(saved.name if saved else stem + ".json", data, saved)

    def _results(self, learner: str | None) -> tuple[str, bytes]:
        """(file name stem, encoded results document) for an export now."""
        sections = self.sections()
        name = clean_text(str(learner or self.read(LEARNER, NAME, str, "").strip() or "learner"))
        stamp = _now()
        doc = {
            "format": RESULTS_FORMAT,
            "version": VERSION,
            "careerlab_version": __version__,
            LEARNER: name,
            "exported_at": stamp.isoformat(timespec="seconds"),
            "progress": sections,
        }
        return f"careerlab-results-{fileio.slug(name)}-{stamp:%Y%m%d-%H%M%S}", encode(doc)

    # -- internals ---------------------------------------------------------------------
    def _refresh(self) -> None:
        with self._locked():
            sections, _ = self._load()
        self._sections = self._with_pending(sections)

    def _with_pending(self, sections: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        for (section, key), value in self._pending.items():
            sections.setdefault(section, {})[key] = copy.deepcopy(value)
        return sections

    def _doc(self, sections: dict[str, dict[str, Any]]) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, "updated_at": _now().isoformat(timespec="seconds"),
                "sections": sections}

    def _load(self) -> tuple[dict[str, dict[str, Any]], bool]:
        """The file's sections, and whether the file may be written over (False: it is kept as is)."""
        target = fileio.target_of(self.path)
        try:
            data = fileio.read_limited(target, MAX_BYTES)
            if data != self._parsed[0]:  # unchanged bytes are not parsed again (widgets read key by key)
                self._parsed = (data, parse(data))
            return copy.deepcopy(self._parsed[1]), True
        except (FileNotFoundError, NotADirectoryError):
            return {}, True  # nothing saved yet (a folder that cannot hold it shows when writing)
        except IsADirectoryError:
            reason = "it is a folder, not a file"
        except OSError:
            reason = "it could not be read"
        except Unreadable as exc:
            reason = str(exc)
        try:
            backup = fileio.move_aside(target, f"unreadable-{_now():%Y%m%d-%H%M%S}")
        except OSError:
            self._damage = (f"Your saved progress file could not be used: {reason}. It could not be moved "
                            "aside either, so it was left exactly as it is. Your answers are kept while this "
                            "notebook stays open; ask your instructor to look at the file.")
            return {}, False
        self._damage = (f"Your saved progress file could not be used: {reason}. It was kept, unchanged, as "
                        f"{backup.name} in the same folder, and a new empty progress file was started. "
                        "Nothing was deleted; your instructor can help recover answers from the backup.")
        return {}, True

    def _locked(self) -> contextlib.AbstractContextManager[bool | None]:
        # Next to the real file, so a store opened through a symlink and one opened on its
        # target share one lock (and so never lose each other's answers).
        real = Path(os.path.realpath(self.path))
        return fileio.locked(real.with_name(real.name + ".lock"))


_default: ProgressStore | None = None


def default_store() -> ProgressStore:
    """The store every lesson shares: ``$CAREERLAB_HOME/progress.json`` or ``~/.careerlab/progress.json``."""
    global _default
    path = careerlab_home() / "progress.json"
    if _default is None or _default.path != path:
        _default = ProgressStore(path)
    return _default
