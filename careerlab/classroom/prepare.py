"""Before a class and between classes (instructors/presenting.md): check what a lesson needs, and
reset a demo learner.

    python -m careerlab.classroom.prepare check                 what is ready, in plain sentences
    python -m careerlab.classroom.prepare reset-demo FOLDER     empty the demo learner in FOLDER

A demo learner is a ``CAREERLAB_HOME`` folder of its own (``CAREERLAB_HOME=FOLDER make lab``), so
the answers shown in front of a class never mix with anyone's real progress. Resetting keeps the old
answers as a backup beside the progress file, exactly as the progress panel's Reset does.
"""
from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["before_class", "reset_demo_learner", "main"]

USAGE = ("usage: python -m careerlab.classroom.prepare check\n"
         "       python -m careerlab.classroom.prepare reset-demo FOLDER")


def _icd_line() -> str:
    from careerlab.codes.icd10cm_cache import release_info, shared_cache_dir, usable_dir

    release = release_info()["release"]
    if usable_dir() == shared_cache_dir():
        return f"ICD-10-CM look-up ({release} release): ready, built at install."
    return (f"ICD-10-CM look-up ({release} release): not built at install yet, so the first lesson that "
            "uses it waits a few seconds. Run `make lab` once (it builds it) before class.")


def before_class() -> list[str]:
    """What a class needs, one plain sentence each: the ICD-10-CM look-up, the question banks, the
    sample class and how many of its learners share answers live."""
    from careerlab.paths import sample_class_folder

    from .live import shared_records
    from .live_widgets import lesson_banks
    from .load import load_class_results, read_folder

    banks = lesson_banks()
    questions = sum(len(b.questions) for b in banks.values())
    results, problems = load_class_results(sample_class_folder())
    shared, not_shared, _ = shared_records(read_folder(sample_class_folder())[0])
    return [_icd_line(),
            f"Knowledge checks: {len(banks)} lessons, {questions} questions, all loaded.",
            f"Sample class (lesson 07): {len(results)} learners loaded, {len(problems)} problem files "
            "named on purpose.",
            f"Live answers on the sample class: {len(shared)} learners share live, {not_shared} do not."]


def _demo_folder(folder: str | Path) -> Path:
    """The demo learner's folder, checked: named, not a file, and its ``progress.json`` (if any) a plain
    file, not a link to someone else's. (On a hub the demo account's own ``~/.careerlab`` is its folder.)"""
    from careerlab.progress import ProgressError

    text = str(folder).strip()
    if not text:
        raise ProgressError("Name the demo learner's folder: reset-demo FOLDER. Nothing was changed.")
    path = Path(text).expanduser()
    if path.exists() and not path.is_dir():
        raise ProgressError(f"{path.name!r} is a file, not a demo learner's folder. Nothing was changed.")
    progress = path / "progress.json"
    if progress.is_symlink() or (progress.exists() and not progress.is_file()):
        raise ProgressError("The demo learner's progress.json there is a link or not a file, so it could belong to "
                            "someone else: it was not reset. Nothing was changed.")
    return path


def reset_demo_learner(folder: str | Path) -> Path | None:
    """Empty the demo learner whose ``CAREERLAB_HOME`` is ``folder``; the backup's path (None when
    there was nothing to reset). Only ``folder/progress.json`` is touched: it is moved aside (kept),
    even when damaged. A folder that does not exist is left alone (None, no folder made); an empty name, a
    file or a progress file that links elsewhere is refused (``ProgressError``)."""
    from datetime import datetime, timezone

    from careerlab.progress import ProgressError
    from careerlab.progress import fileio

    path = _demo_folder(folder)
    progress = path / "progress.json"
    if not progress.exists():  # never used yet (or a typo): nothing to reset, and nothing is made
        return None
    with fileio.locked(path / "progress.json.lock"):  # the store's own lock: no kernel writes meanwhile
        try:
            return fileio.move_aside(progress, f"reset-{datetime.now(timezone.utc):%Y%m%d-%H%M%S}")
        except OSError as exc:
            raise ProgressError("The demo learner could not be reset: its progress file could not be moved aside "
                                "on this computer. Nothing was changed.") from exc


def main(argv: list[str]) -> int:
    """The command line (see the module docstring)."""
    from careerlab.errors import CareerlabError

    if argv == ["check"]:
        print("\n".join(before_class()))
        return 0
    if len(argv) == 2 and argv[0] == "reset-demo":
        try:
            backup = reset_demo_learner(argv[1])
        except CareerlabError as exc:
            print(str(exc), file=sys.stderr)
            return 1
        if backup is None:
            print("There was nothing saved to reset there: the demo learner already starts from empty.")
        else:
            print(f"The demo learner starts again from empty. The old answers are kept in {backup.name}, beside it.")
        return 0
    print(USAGE, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
