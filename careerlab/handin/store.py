"""The course's hand-in store: one ``<hub name>.json`` per learner in a folder only the
service's own account can open (folder 0700, files 0600). Writes are atomic."""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from careerlab.handin.records import MAX_BYTES, check_username, stamp
from careerlab.progress.fileio import atomic_write


class HandinStore:
    """Read and replace hand-ins by hub name; nothing here knows who is asking (the service does)."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)

    def path_for(self, username: str) -> Path:
        """The file of one learner's hand-in (the name is checked first)."""
        return self.folder / f"{check_username(username)}.json"

    def put(self, username: str, doc: dict[str, Any], when: datetime | None = None) -> dict[str, Any]:
        """Store (or replace) this learner's hand-in atomically; return the stored document."""
        stored = stamp(doc, username, when or datetime.now(timezone.utc))
        data = json.dumps(stored, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
        atomic_write(self.path_for(username), data)  # mkstemp makes the file 0600
        return stored

    def get(self, username: str) -> dict[str, Any] | None:
        """One learner's stored hand-in, or None when they have not handed in."""
        path = self.path_for(username)
        try:
            if path.stat().st_size > MAX_BYTES * 2:
                return None
            doc = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            return None
        return doc if isinstance(doc, dict) else None

    def all(self) -> list[dict[str, Any]]:
        """Every stored hand-in, by hub name (unreadable or foreign files left out)."""
        found = []
        for entry in sorted(os.scandir(self.folder), key=lambda e: e.name):
            name = entry.name
            if name.startswith(".") or not name.endswith(".json") or not entry.is_file():
                continue
            username = name[: -len(".json")]
            try:
                check_username(username)
            except ValueError:
                continue
            doc = self.get(username)
            if doc is not None and doc.get("handed_in_by") == username:
                found.append(doc)
        return found
