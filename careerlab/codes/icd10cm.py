"""The shipped ICD-10-CM release as a fast in-memory index (loaded lazily, cached on disk).

Nothing here imports ``simple_icd_10_cm``: the index comes from ``icd10cm_cache``, which
only touches the library when its disk cache is missing or stale.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate
from dataclasses import dataclass
from pathlib import Path

from careerlab.codes.normalize import normalize_icd10cm

STOP_WORDS = frozenset("a an and by for in of on or the to".split())
KIND_NAMES = {"C": "chapter", "B": "block", "K": "category", "S": "subcategory", "X": "code with 7th character"}


@dataclass(frozen=True)
class CodeInfo:
    """One item of the release: a code, a block (range) or a chapter."""

    code: str
    description: str
    kind: str  # chapter, block, category, subcategory, code with 7th character
    billable: bool
    chapter: int  # chapter number 1-22
    n_children: int


class Icd10cmIndex:
    """Lookups and word search over the release (pure: built from plain lists)."""

    def __init__(self, data: dict, release: str = "unknown release", cache_dir: Path | None = None) -> None:
        self.release = release
        self._cache_dir = cache_dir
        self.codes: list[str] = data["codes"]
        self.desc: list[str] = data["desc"]
        self.kind: str = data["kind"]
        self.parent: list[int] = data["parent"]
        self.chapter_of: list[int] = data["chapter"]
        # Built with C-speed helpers (Counter, a dict comprehension, a regex over the kinds): this
        # runs on a lesson's first look-up, for about 98,000 codes.
        self.n_children = [0] * len(self.codes)
        for p, count in Counter(self.parent).items():
            if p >= 0:
                self.n_children[p] = count
        self.by_code: dict[str, int] = {code: i for i, (code, kind) in enumerate(zip(self.codes, self.kind))
                                        if kind != "B" and kind != "C"}
        self.chapters: dict[int, int] = {}
        for found in re.finditer("[BC]", self.kind):
            i = found.start()
            if self.kind[i] == "C":
                self.chapters[int(self.codes[i])] = i
            else:
                self.by_code.setdefault(self.codes[i], i)  # a category wins over a block of the same name
        self._lower: list[str] | None = None
        self._big = ""
        self._starts: list[int] = []
        self._notes: dict | None = None

    def find(self, text: object) -> int | None:
        """Position of a typed code (any case, with or without dot/spaces), or None."""
        return self.by_code.get(normalize_icd10cm(text))

    def info(self, i: int) -> CodeInfo:
        """The CodeInfo of position ``i``."""
        kind = self.kind[i]
        billable = kind in "KSX" and self.n_children[i] == 0
        chapter = int(self.codes[self.chapter_of[i]])
        return CodeInfo(self.codes[i], self.desc[i], KIND_NAMES[kind], billable, chapter, self.n_children[i])

    def lookup(self, text: object) -> CodeInfo | None:
        """CodeInfo for a code or block range; None when it is not in the release."""
        i = self.find(text)
        return None if i is None else self.info(i)

    def is_billable(self, text: object) -> bool:
        """True only for a leaf code (category, subcategory or 7th-character code)."""
        i = self.find(text)
        return i is not None and self.kind[i] in "KSX" and self.n_children[i] == 0

    def children(self, text: object) -> list[CodeInfo]:
        """The items one level below a code, in release order."""
        i = self.find(text)
        if i is None:
            return []
        out, j = [], i + 1
        while j < len(self.codes) and self._is_below(j, i):
            if self.parent[j] == i:
                out.append(self.info(j))
            j += 1
        return out

    def _is_below(self, j: int, i: int) -> bool:
        p = self.parent[j]
        while p > i:
            p = self.parent[p]
        return p == i

    def family(self, text: object) -> list[CodeInfo]:
        """Chapter → block → category → … → the code itself."""
        i = self.find(text)
        chain: list[int] = []
        while i is not None and i >= 0:
            chain.append(i)
            i = self.parent[i]
        return [self.info(k) for k in reversed(chain)]

    def billable_descendants(self, text: object, limit: int = 5) -> list[str]:
        """The first few billable codes under a header code."""
        i = self.find(text)
        out: list[str] = []
        if i is None:
            return out
        j = i + 1
        while j < len(self.codes) and self._is_below(j, i) and len(out) < limit:
            if self.kind[j] in "KSX" and self.n_children[j] == 0:
                out.append(self.codes[j])
            j += 1
        return out

    def nearest_existing(self, text: object) -> CodeInfo | None:
        """For a code not in the release, the longest existing code it starts with."""
        code = normalize_icd10cm(text)
        while len(code) >= 3:
            if code in self.by_code:
                return self.lookup(code)
            code = code[:-1].rstrip(".")
        return None

    def search(self, text: str, billable_only: bool = False) -> list[int]:
        """Codes whose description has every typed word as the start of a word; whole phrase first."""
        words = [w for w in re.split(r"[^0-9a-z]+", str(text or "").lower()) if w]
        words = [w for w in words if w not in STOP_WORDS] or words
        if not words:
            return []
        low = self._lowered()
        ordered = sorted(set(words), key=len, reverse=True)
        hits = None
        for k, word in enumerate(ordered):  # start from a word with few hits, if there is one
            hits = self._scan(word, cap=2500)
            if hits is not None:
                ordered = [word] + ordered[:k] + ordered[k + 1:]
                break
        if hits is None:
            hits = [i for i, d in enumerate(low) if ordered[0] in d]
        for w in ordered[1:]:
            hits = [i for i in hits if w in low[i]]
        starts = [re.compile(r"(?<![0-9a-z])" + re.escape(w)) for w in ordered]
        hits = [i for i in hits if self.kind[i] in "KSX" and all(s.search(low[i]) for s in starts)]
        if billable_only:
            hits = [i for i in hits if self.n_children[i] == 0]
        phrase = " ".join(words)
        return sorted(hits, key=lambda i: (phrase not in low[i], i))

    def _lowered(self) -> list[str]:
        if self._lower is None:
            self._lower = [d.lower() for d in self.desc]
            self._big = "\n".join(self._lower)
            self._starts = list(accumulate((len(d) + 1 for d in self._lower[:-1]), initial=0))
        return self._lower

    def _scan(self, word: str, cap: int) -> list[int] | None:
        """Positions whose lowered description contains ``word``; None when more than ``cap``."""
        big, starts, out = self._big, self._starts, []
        pos = big.find(word)
        while pos != -1:
            if len(out) > cap:
                return None
            line = bisect_right(starts, pos) - 1
            out.append(line)
            nxt = starts[line + 1] if line + 1 < len(starts) else len(big)
            pos = big.find(word, nxt)
        return out

    def chapter_title(self, number: int) -> str:
        """The title of chapter ``number`` (1-22)."""
        return self.desc[self.chapters[number]]

    def notes(self) -> dict:
        """Excludes1 notes and 7th-character tables (loaded on first use)."""
        if self._notes is None:
            from careerlab.codes import icd10cm_cache

            self._notes = icd10cm_cache.load_notes(self._cache_dir)
        return self._notes

    def excludes1(self, text: object) -> list[str]:
        """The Excludes1 notes written at this code (not those of its ancestors)."""
        code = normalize_icd10cm(text)
        return list(self.notes()["excludes1"].get(code, []))

    def seven_character_options(self, text: object) -> tuple[str, dict[str, str]]:
        """(code where the table is defined, {character: meaning}) for a code needing a 7th character."""
        i = self.find(text)
        table = self.notes()["seven_chr_def"]
        while i is not None and i >= 0:
            if self.codes[i] in table:
                return self.codes[i], dict(table[self.codes[i]])
            i = self.parent[i]
        return "", {}


_INDEX: Icd10cmIndex | None = None


def get_index(directory: Path | None = None, rebuild: bool = False) -> Icd10cmIndex:
    """The process-wide index: from memory, else the disk cache, else built from the library."""
    global _INDEX
    if _INDEX is None or rebuild or directory is not None:
        from careerlab.codes import icd10cm_cache

        folder = directory or icd10cm_cache.usable_dir()  # the install step's shared cache, if it is there
        data, release = icd10cm_cache.load(folder, rebuild=rebuild)
        _INDEX = Icd10cmIndex(data, release, folder)
    return _INDEX
