"""The class hub, for real: a JupyterHub on loopback from deploy/jupyterhub/, with throwaway Unix
accounts (3 learners, a 4th on the class list who never signs in, 1 instructor, the
hand-in account), all removed afterwards.

It needs root (to create accounts and let the hub switch to them). Without root it skips with a
message saying how to run it; in CI, or with CAREERLAB_REQUIRE_HUB=1 (set by .ci/run), it fails
instead of skipping. The learners' environment (.hub-env) and the proxy (npm) are built by
`make hub-deps`, which .ci/run runs first; the test runs it itself when they are missing.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field

import pytest

from browser.servers import REPO

from .accounts import Accounts
from .hubproc import Hub, start_hub

HOW_TO_RUN = ("the class-hub test creates throwaway Unix accounts, so it runs only as root: "
              "`sudo make test` (or `sudo .venv/bin/python -m pytest tests/hub`). "
              "Set CAREERLAB_REQUIRE_HUB=1 to make this a failure instead of a skip.")
LEARNER_ENV = REPO / ".hub-env"
PROXY = REPO / "deploy" / "jupyterhub" / "node_modules" / ".bin" / "configurable-http-proxy"
CULL_TIMEOUT, CULL_EVERY = 6, 2  # seconds: short, so an idle server is stopped during the test


def _required() -> bool:
    return (os.environ.get("CAREERLAB_REQUIRE_HUB", "").strip() == "1"
            or os.environ.get("CI", "").strip().lower() in ("1", "true"))


def _cannot_run(reason: str) -> None:
    if _required():
        pytest.fail(f"The class-hub test cannot run: {reason}", pytrace=False)
    pytest.skip(f"Skipped: {reason}")


@dataclass
class ClassHub:
    hub: Hub
    learners: list[str]
    instructor: str
    handin_user: str
    homes: dict[str, str]
    absent: str = ""  # a learner in the class list who never signs in nor hands in
    password: str = ""  # the shared password every account signs in with (AUTH=shared-password)
    tokens: dict[str, str] = field(default_factory=dict)
    kernels: dict[str, str] = field(default_factory=dict)

    def server(self, name: str) -> str:
        return f"{self.hub.url}/user/{name}/"

    def run(self, name: str, code: str) -> dict:
        """Run ``code`` in ``name``'s kernel on the hub and return the last JSON line it printed.
        The server and kernel are started again when an earlier test let the culler stop the server
        or reset the lab (which shuts its kernels down)."""
        from .kernel import execute, kernel_alive, start_kernel

        if not self.hub.server_ready(name):
            self.hub.call("DELETE", "groups/cull-now/users", {"users": [name]})
            self.hub.spawn([name])
            self.kernels.pop(name, None)
        if name in self.kernels and not kernel_alive(self.server(name), self.tokens[name], self.kernels[name]):
            self.kernels.pop(name)
        if name not in self.kernels:
            self.kernels[name] = start_kernel(self.server(name), self.tokens[name])
        return execute(self.server(name), self.tokens[name], self.kernels[name], code).last_json()


@pytest.fixture(scope="package")
def class_hub(tmp_path_factory):
    if os.geteuid() != 0:
        _cannot_run(HOW_TO_RUN)
    missing = [tool for tool in ("useradd", "userdel", "npm") if not shutil.which(tool)]
    if missing:
        _cannot_run(f"{', '.join(missing)} not found on PATH")
    if not (LEARNER_ENV / ".careerlab-installed").exists() or not PROXY.exists():
        built = subprocess.run(["make", "-C", str(REPO), "hub-deps"], capture_output=True, text=True)
        assert built.returncode == 0, f"`make hub-deps` failed:\n{built.stdout[-3000:]}\n{built.stderr[-3000:]}"
    # Under pytest's tmp_path like every test's files. Another pytest started as root meanwhile puts
    # its base folder back to mode 700, which cuts the accounts off from their homes: run a second
    # root pytest beside this one with its own --basetemp.
    tmp = tmp_path_factory.mktemp("hub")
    homes = tmp / "homes"
    homes.mkdir()
    os.chmod(homes, 0o711)
    accounts = Accounts(homes)
    hub = None
    try:
        # The learners' servers run .hub-env from the project folder, and the hand-in account
        # reaches its store under tmp: let every account pass through (not list) those folders.
        accounts.allow_traverse(REPO)
        accounts.allow_traverse(homes)
        learners = [accounts.person(f"l{i}") for i in (1, 2, 3)]
        absent = accounts.person("l4")
        instructor = accounts.person("t")
        handin_user = accounts.system("s")
        password = os.urandom(12).hex()
        hub = start_hub(tmp, {
            "LEARNERS": " ".join([*learners, absent]), "INSTRUCTORS": instructor, "HANDIN_USER": handin_user,
            "AUTH": "shared-password", "PASSWORD": password, "ENV": str(LEARNER_ENV),
            "CULL_GROUP": "cull-now", "CULL_TIMEOUT": str(CULL_TIMEOUT), "CULL_EVERY": str(CULL_EVERY),
            "ACTIVITY_INTERVAL": "2"})
        people = [*learners, instructor]
        ch = ClassHub(hub, learners, instructor, handin_user, {n: str(homes / n) for n in people},
                      absent=absent, password=password)
        hub.spawn(people)
        for name in people:
            ch.tokens[name] = hub.token_for(name)
        yield ch
    finally:
        try:
            if hub is not None:
                hub.stop()
        finally:
            accounts.close()
