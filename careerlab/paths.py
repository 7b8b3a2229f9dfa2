"""Where the package finds its data and where a learner's files go."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
DATA_DIR = PROJECT_DIR / "data"


def data_path(*parts: str) -> Path:
    """Return a path inside the project's ``data/`` folder, whatever the working directory.

    >>> data_path("quizzes").name
    'quizzes'
    """
    return DATA_DIR.joinpath(*parts)


def careerlab_home() -> Path:
    """The folder for a learner's saved work: ``$CAREERLAB_HOME`` or ``~/.careerlab``."""
    override = os.environ.get("CAREERLAB_HOME", "").strip()
    return Path(override).expanduser() if override else Path.home() / ".careerlab"


def sample_class_folder() -> Path:
    """The synthetic sample class that ships with the lessons (``data/class-sample/``), which lesson
    07's dashboard loads until the instructor types their own class's folder."""
    return data_path("class-sample")
