"""pytest set-up for app/: nbval runs the kiosk notebook, and its visit folder must go under pytest's
temporary folder (nbval stops its kernel without an exit, so the folder is not removed)."""
import os

import pytest

# app/voila.py is Voilà's config file for `make app` (traitlets runs it with get_config()),
# not a module: pytest's --doctest-modules must not import it. The notebook still runs (nbval).
collect_ignore = ["voila.py", "conftest.py"]  # this file too: tests/conftest.py is also "conftest"


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before nbval starts the notebook's kernel (it inherits this environment)."""
    if "CAREERLAB_KIOSK_DIR" not in os.environ:
        os.environ["CAREERLAB_KIOSK_DIR"] = str(item.config._tmp_path_factory.mktemp("kiosk-visits"))
