"""Check an 837P or 835 with pyx12 (a HIPAA X12 validator), in memory, and say what it rejects in plain words.

pyx12 is imported on first use; it reads only its own map files (no network)."""
from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass

from careerlab.claims.x12 import X12Error, split_segments

_MISSING = re.compile(r'Mandatory (loop|segment) "([^"]+)" \(([^)]+)\) missing')
_BAD_DATE = re.compile(r'Data element "([^"]+)" \((\w+)\) contains an invalid date \(([^)]*)\)')
_NOT_FOUND = re.compile(r"Segment (\w+)\S* .*not found")


@dataclass(frozen=True)
class X12Problem:
    """One thing the validator rejected: the line of the file, the segment, and pyx12's own message."""

    line: int | None
    segment: str
    message: str

    @property
    def plain(self) -> str:
        """pyx12's message said for a learner."""
        where = f"Line {self.line}" if self.line else "The file"
        if m := _MISSING.search(self.message):
            kind, name, ident = m.groups()
            return f"{where}: a required {kind} is missing: {name} ({ident}). The payer cannot read the claim without it."
        if m := _BAD_DATE.search(self.message):
            name, element, value = m.groups()
            return f"{where}: {name} ({element}) is '{value}', which is not a real date (write CCYYMMDD)."
        if m := _NOT_FOUND.search(self.message):
            return (f"{where}: a {m.group(1)} segment stands where the file's layout has no place for it "
                    "(usually because the segment that should come before it is missing).")
        if "count" in self.message.lower():
            return f"{where}: the file's own count of its segments or parts does not match what is in it ({self.message})."
        return f"{where} ({self.segment or 'envelope'}): {self.message}"


_LOGGED = re.compile(r"^Line:(\d+) \w+:\d+ - (.*)$", re.S)


class _Collect(logging.Handler):
    """Keeps pyx12's error messages (it logs one per problem) instead of printing them."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _problem(message: str, segment_ids: list[str]) -> X12Problem:
    """One logged message as an X12Problem, its line turned into the segment it names."""
    if m := _LOGGED.match(message.strip()):
        line = int(m.group(1))
        seg = segment_ids[line - 1] if 0 < line <= len(segment_ids) else ""
        return X12Problem(line, seg, re.sub(r" \([^()]*\)$", "", m.group(2).strip()))
    return X12Problem(None, "", message.strip())


def check_x12(text: str) -> list[X12Problem]:
    """Everything pyx12 rejects in an 837P or 835 (an empty list: the file is valid)."""
    _seps, segments = split_segments(text)  # an X12Error in plain words if it is not an X12 file at all
    try:
        import pyx12.params
        import pyx12.x12n_document
    except ImportError:
        raise X12Error("The file checker (pyx12) is not installed here. Run `make lab` again (it installs "
                       "everything the lessons use), then restart the kernel.") from None
    logger = logging.getLogger("pyx12")
    handler, propagate = _Collect(), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False  # pyx12 logs each problem; they come back below as the list, not printed
    try:
        valid = pyx12.x12n_document.x12n_document(pyx12.params.params(), io.StringIO(text), None, None)
    except Exception as err:  # pyx12 raises on files it cannot walk at all (e.g. an unknown version)
        why = str(err) if type(err).__module__.startswith("pyx12") else ""  # Python's own words mean nothing here
        raise X12Error("The validator could not read this file" + (f": {why}" if why else ": its envelope "
                       "(ISA, GS, ST) or a segment's layout is too broken to walk.")) from None
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
    messages = [re.sub(r'"?<[^<>]* object at 0x[0-9a-f]+>"?', "The file", m) for m in handler.messages]
    found = [_problem(m, [s[0] for s in segments]) for m in dict.fromkeys(messages)]
    if not valid and not found:
        found.append(X12Problem(None, "", "The validator rejected the file without naming a segment."))
    return found


def rejection_text(text: str) -> str:
    """One sentence per problem pyx12 finds, or a sentence saying the file passed."""
    problems = check_x12(text)
    if not problems:
        return "The validator (pyx12) accepts this file: every required loop, segment and element is in place."
    return "\n".join(p.plain for p in problems)
