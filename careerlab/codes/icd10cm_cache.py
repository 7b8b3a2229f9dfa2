"""Build the compact ICD-10-CM index from ``simple-icd-10-cm`` once, and keep it on disk.

The library parses a 9.7 MB XML file when imported (seconds, ~200 MB). We import it only
when no usable cache exists, flatten its tree into a few parallel lists, and write them as
gzip-compressed JSON under ``careerlab_home()/cache/``. A missing, stale (other library
version or release) or corrupt cache is rebuilt silently.

The install step (``make lab``/``make test``, ``make hub-env``) builds it once, read-only, inside the
Python environment (``shared_cache_dir()``: ``<sys.prefix>/share/careerlab/cache``), so no learner
waits for it on a first lesson; a learner's own cache is used only when that one is missing or stale.
"""
from __future__ import annotations

import gzip
import importlib.metadata
import importlib.util
import json
import os
import re
import sys
import tempfile
from pathlib import Path

from careerlab.paths import careerlab_home

FORMAT = 1
# Build the index in a child process (keeps the library's memory out of the notebook kernel);
# falls back to building in this process when a child cannot be started or cannot write.
BUILD_IN_CHILD = True
LIBRARY = "simple-icd-10-cm"
# one letter per node kind: Chapter, Block (section), category (K), Subcategory, eXtended (7th char)
KINDS = "CBKSX"
_MONTHS = "January February March April May June July August September October November December"


def release_info() -> dict:
    """The library version and the CDC release it ships, found without importing it."""
    try:
        version = importlib.metadata.version(LIBRARY)
    except importlib.metadata.PackageNotFoundError:
        version = "missing"
    label, size = "unknown release", 0
    spec = importlib.util.find_spec("simple_icd_10_cm")
    if spec is not None and spec.submodule_search_locations:
        data_dir = Path(list(spec.submodule_search_locations)[0]) / "data"
        for xml in sorted(data_dir.glob("icd10c*-tabular-*.xml")):
            size = xml.stat().st_size
            m = re.search(r"tabular-([A-Za-z]+)-(\d+)-(\d{4})", xml.name)
            if m and m.group(1) in _MONTHS:
                label = f"{m.group(1)} {m.group(2)}, {m.group(3)}"
    return {"library_version": version, "release": label, "xml_size": size}


def cache_key(info: dict) -> str:
    """A string that changes whenever the library, its release or our format changes."""
    return f"{info['library_version']}|{info['release']}|{info['xml_size']}|f{FORMAT}"


SHARED_VARIABLE = "CAREERLAB_SHARED_CACHE"


def cache_dir() -> Path:
    """Where a learner's own copy of the index lives: ``careerlab_home()/cache``."""
    return careerlab_home() / "cache"


def shared_cache_dir() -> Path:
    """The read-only cache the install step builds for every learner of this Python environment:
    ``$CAREERLAB_SHARED_CACHE``, else ``<sys.prefix>/share/careerlab/cache`` (inside ``.venv`` or ``.hub-env``)."""
    override = os.environ.get(SHARED_VARIABLE, "").strip()
    return Path(override).expanduser() if override else Path(sys.prefix) / "share" / "careerlab" / "cache"


def _holds(folder: Path, info: dict) -> bool:
    """Whether both cache files in ``folder`` are for this library, release and format (their key
    comes first in the file, so only its first bytes are read)."""
    start = json.dumps({"key": cache_key(info)}, separators=(",", ":"))[:-1].encode("utf-8")
    for part in ("index", "notes"):
        try:
            with gzip.open(folder / _file_name(info, part), "rb") as gz:
                if gz.read(len(start)) != start:
                    return False
        except (OSError, EOFError):
            return False
    return True


def usable_dir() -> Path:
    """The folder to read the index from: the shared cache when it holds this release, else ``cache_dir()``."""
    shared = shared_cache_dir()
    return shared if _holds(shared, release_info()) else cache_dir()


def _file_name(info: dict, part: str) -> str:
    slug = re.sub(r"[^0-9A-Za-z]+", "-", f"{info['library_version']}-{info['release']}").strip("-")
    return f"icd10cm-{part}-{slug}-f{FORMAT}.json.gz"


def build_from_library() -> tuple[dict, dict]:
    """Walk the library's release once; return (index, notes) as plain JSON-ready dicts."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import simple_icd_10_cm as cm

    names = cm.get_all_codes(with_dots=True)
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    seen: set[str] = set()
    last_index: dict[str, int] = {}
    codes, descs, parents, chapters = [], [], [], []
    kinds: list[str] = []
    excludes1: dict[str, list[str]] = {}
    seven: dict[str, dict[str, str]] = {}
    for i, name in enumerate(names):
        as_block = counts[name] > 1 and name not in seen  # first of a block/category pair
        seen.add(name)
        if as_block:
            kind = "B"
        elif cm.is_chapter(name):
            kind = "C"
        elif cm.is_extended_subcategory(name):
            kind = "X"
        elif cm.is_category(name):
            kind = "K"
        elif cm.is_block(name):
            kind = "B"
        else:
            kind = "S"
        parent_name = cm.get_parent(name, prioritize_blocks=as_block)
        parent = last_index[parent_name] if parent_name else -1
        codes.append(name)
        descs.append(cm.get_description(name, prioritize_blocks=as_block))
        kinds.append(kind)
        parents.append(parent)
        chapters.append(i if kind == "C" else chapters[parent])
        last_index[name] = i
        if kind in "KSX":
            ex = cm.get_excludes1(name)
            if ex:
                excludes1[name] = ex
            if kind != "X":
                scd = cm.get_seven_chr_def(name)
                if scd:
                    seven[name] = {k: v.replace("\t", " ") for k, v in scd.items()}
    index = {"codes": codes, "desc": descs, "kind": "".join(kinds), "parent": parents, "chapter": chapters}
    notes = {"excludes1": excludes1, "seven_chr_def": seven}
    return index, notes


def validate_index(data: object) -> dict:
    """Check the shape of a loaded index; raise ValueError when anything is off."""
    if not isinstance(data, dict):
        raise ValueError("index is not an object")
    codes, desc, kind = data.get("codes"), data.get("desc"), data.get("kind")
    parent, chapter = data.get("parent"), data.get("chapter")
    if not all(isinstance(x, list) for x in (codes, desc, parent, chapter)) or not isinstance(kind, str):
        raise ValueError("index fields missing")
    n = len(codes)
    if n < 1000 or not (len(desc) == len(kind) == len(parent) == len(chapter) == n):
        raise ValueError("index fields have different lengths")
    if set(kind) - set(KINDS):
        raise ValueError("unknown node kind")
    # One pass in C each (a set of types, min and max), not a Python test per code: this runs
    # on every lesson's first look-up. bool is not taken for an int.
    if set(map(type, parent)) - {int} or min(parent) < -1 or max(parent) >= n:
        raise ValueError("bad parent reference")
    return data


def _write_atomic(path: Path, payload: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=5, mtime=0) as gz:
            gz.write(json.dumps(payload, separators=(",", ":")).encode("utf-8"))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read(path: Path, key: str) -> dict | None:
    try:
        with gzip.open(path, "rb") as gz:
            payload = json.loads(gz.read().decode("utf-8"))
    except (OSError, EOFError, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(payload, dict) or payload.get("key") != key:
        return None
    return payload


def load(directory: Path | None = None, rebuild: bool = False) -> tuple[dict, str]:
    """Return (validated index, release label), from the cache when it is usable."""
    info = release_info()
    key = cache_key(info)
    folder = directory or cache_dir()
    path = folder / _file_name(info, "index")
    payload = None if rebuild else _read(path, key)
    if payload is not None:
        try:
            return validate_index(payload.get("index")), info["release"]
        except ValueError:
            payload = None
    if BUILD_IN_CHILD and _build_in_child(folder):
        payload = _read(path, key)
        if payload is not None:
            try:
                return validate_index(payload.get("index")), info["release"]
            except ValueError:
                pass
    index, notes = build_from_library()
    validate_index(index)
    write(folder, index, notes)
    return index, info["release"]


def write(folder: Path, index: dict, notes: dict) -> bool:
    """Write both cache files atomically; False when the folder is not writable."""
    info = release_info()
    key = cache_key(info)
    try:
        _write_atomic(folder / _file_name(info, "index"), {"key": key, "index": index})
        _write_atomic(folder / _file_name(info, "notes"), {"key": key, "notes": notes})
    except OSError:
        return False  # a read-only home still works, just without the speed-up next time
    return True


def _build_in_child(folder: Path) -> bool:
    """Parse the release in a separate Python process, so this one never holds its ~200 MB."""
    import subprocess

    try:
        done = subprocess.run([sys.executable, "-m", "careerlab.codes.icd10cm_cache", str(folder)],
                              capture_output=True, timeout=600, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def main(argv: list[str]) -> int:
    """``python -m careerlab.codes.icd10cm_cache FOLDER`` builds the cache there; ``--shared`` builds it
    in ``shared_cache_dir()`` (the install step), skipping the build when it is already there."""
    if argv == ["--shared"]:
        folder = shared_cache_dir()
        if _holds(folder, release_info()):
            return 0
    elif len(argv) == 1:
        folder = Path(argv[0])
    else:
        print("usage: python -m careerlab.codes.icd10cm_cache (FOLDER | --shared)", file=sys.stderr)
        return 2
    index, notes = build_from_library()
    validate_index(index)
    return 0 if write(folder, index, notes) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))


def load_notes(directory: Path | None = None) -> dict:
    """Excludes1 notes and 7th-character tables (built together with the index)."""
    info = release_info()
    key = cache_key(info)
    folder = directory or cache_dir()
    payload = _read(folder / _file_name(info, "notes"), key)
    notes = payload.get("notes") if payload else None
    if not isinstance(notes, dict) or not isinstance(notes.get("excludes1"), dict):
        load(folder, rebuild=True)
        payload = _read(folder / _file_name(info, "notes"), key)
        notes = payload.get("notes") if payload else None
    if not isinstance(notes, dict):  # cache not writable: build in memory
        notes = build_from_library()[1]
    return notes
