"""Start JupyterLab and Voilà on the loopback address for the browser tests, and always stop them.

Everything a server writes (Jupyter config, runtime files, lab settings, workspaces, the
learner's CAREERLAB_HOME, the kiosk's visit folders) goes into the test's temporary folder, so a
learner's own settings never leak in and the tests never touch them.
"""
from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent

# The project's own JupyterLab settings, exactly as `make lab` gives them to a learner (no "official
# Jupyter news?" pop-up, no update check), and lesson 00 as the page `/` leads to, as in `make lab`.
PROJECT_LAB_SETTINGS = REPO / "lab-settings"
LESSON_00 = "notebooks/00-start-here.ipynb"
# The tests' own settings on top: every cell attached to the page (not virtualised), and no
# autosave, so running a notebook never writes outputs back into the repository.
LAB_USER_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
}
# Options that need a JSON null (the command line cannot say None).
SERVER_CONFIG = {
    "LabApp": {"news_url": None, "check_for_updates_class": "jupyterlab.NeverCheckForUpdate"},
}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def isolated_env(tmp: Path) -> dict[str, str]:
    """The environment for a server: temporary Jupyter/IPython folders and CAREERLAB_HOME."""
    env = dict(os.environ)
    for var, sub in [("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"),
                     ("JUPYTER_RUNTIME_DIR", "runtime"), ("IPYTHONDIR", "ipython"),
                     ("CAREERLAB_HOME", "careerlab-home")]:
        path = tmp / sub
        path.mkdir(parents=True, exist_ok=True)
        env[var] = str(path)
    # Exports' copies (my-results/ beside the notebook for a learner) go here, not into the repository.
    env["CAREERLAB_RESULTS_DIR"] = str(tmp / "my-results")
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    env.pop("JUPYTER_PATH", None)
    env.pop("JUPYTER_CONFIG_PATH", None)
    (tmp / "config" / "jupyter_server_config.json").write_text(json.dumps(SERVER_CONFIG))
    return env


def write_lab_settings(settings_dir: Path) -> None:
    for plugin, values in LAB_USER_SETTINGS.items():
        path = settings_dir / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))


@dataclass
class Server:
    """A running server process (in its own process group) and the URL it answers on."""

    name: str
    url: str
    token: str
    proc: subprocess.Popen
    log_path: Path
    home: Path
    children: set[int] = field(default_factory=set)
    visits: Path | None = None  # the kiosk's CAREERLAB_KIOSK_DIR (Voilà only)

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        """Stop the server and every process it started (kernels included), whatever state it is in."""
        stop_process_tree(self.proc)

    def kernel_pids(self) -> list[int]:
        """The kernels this server runs now (ipykernel processes under it)."""
        import psutil

        try:
            children = psutil.Process(self.proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []
        pids = []
        for child in children:
            try:
                if "ipykernel" in " ".join(child.cmdline()) and child.status() != psutil.STATUS_ZOMBIE:
                    pids.append(child.pid)
            except psutil.Error:  # ended meanwhile
                pass
        return pids


def stop_process_tree(proc: subprocess.Popen, grace: float = 15.0) -> None:
    """SIGTERM the process (a clean Jupyter shutdown also stops its kernels), then kill leftovers."""
    try:
        import psutil

        descendants = psutil.Process(proc.pid).children(recursive=True)
    except Exception:  # noqa: BLE001 - psutil missing or the process already gone
        descendants = []
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait(timeout=10)
    for child in descendants:  # kernels run in their own sessions: end them by their id
        try:
            if child.is_running():
                child.kill()
        except Exception:  # noqa: BLE001 - already gone
            pass


def _answers(url: str) -> bool:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, never a proxy
    try:
        with opener.open(url, timeout=5) as response:
            return response.status == 200
    except urllib.error.HTTPError as exc:  # it answered, just not with 200 (e.g. Voilà's 404)
        return exc.code < 500
    except (urllib.error.URLError, OSError):
        return False


def _start(name: str, cmd: list[str], env: dict[str, str], tmp: Path, check_url: str,
           url: str, token: str, timeout: float) -> Server:
    log_path = tmp / f"{name}.log"
    log = log_path.open("wb")
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    log.close()
    server = Server(name, url, token, proc, log_path, Path(env["CAREERLAB_HOME"]))
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited with code {proc.returncode}:\n{server.log_tail()}")
            if _answers(check_url):
                return server
            time.sleep(0.25)
        raise RuntimeError(f"{name} did not answer {check_url} within {timeout:.0f} s:\n{server.log_tail()}")
    except BaseException:
        server.stop()
        raise


def lab_command(port: int, token: str, tmp: Path) -> list[str]:
    """The JupyterLab command line (jupyter_server 2.x option names)."""
    return [
        str(VENV_BIN / "python"), "-m", "jupyter", "lab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={REPO}",
        "--ServerApp.allow_root=True", "--ServerApp.terminals_enabled=False",
        f"--LabApp.app_settings_dir={PROJECT_LAB_SETTINGS}", f"--LabApp.default_url=/lab/tree/{LESSON_00}",
        f"--LabApp.user_settings_dir={tmp / 'lab-user-settings'}",
        f"--LabApp.workspaces_dir={tmp / 'lab-workspaces'}",
        "--LabApp.expose_app_in_browser=True", "--LabApp.extension_manager=readonly",
        # Checkpoints (the lab copies a notebook when it opens it) go to the temporary folder,
        # not into .ipynb_checkpoints/ next to the lessons (an absolute checkpoint_dir wins).
        f"--FileCheckpoints.checkpoint_dir={tmp / 'checkpoints'}",
    ]


def start_lab(tmp: Path, timeout: float = 120.0) -> Server:
    """Start JupyterLab on a free loopback port with a random token; wait until it answers."""
    env = isolated_env(tmp)
    write_lab_settings(tmp / "lab-user-settings")
    port, token = free_port(), secrets.token_hex(16)
    base = f"http://127.0.0.1:{port}"
    return _start("jupyterlab", lab_command(port, token, tmp), env, tmp,
                  f"{base}/api/status?token={token}", base, token, timeout)


def voila_command(notebook: str, port: int) -> list[str]:
    """The `make app` command line (its config file app/voila.py included), on another port."""
    return [str(VENV_BIN / "voila"), notebook, f"--port={port}", "--Voila.ip=127.0.0.1",
            "--no-browser", "--Voila.port_retries=0", "--Voila.config_file_paths=app"]


def start_voila(tmp: Path, notebook: str, timeout: float = 120.0, **kiosk: int) -> Server:
    """Serve one notebook with Voilà like `make app` on a free loopback port; wait until it answers.

    ``kiosk`` sets the kiosk's numbers, e.g. ``idle_seconds=4, cull_interval=1, max_kernels=1``
    (CAREERLAB_KIOSK_IDLE_SECONDS...); visit folders go to ``tmp/visits``."""
    env = isolated_env(tmp)
    for name in ("IDLE_SECONDS", "CULL_INTERVAL", "MAX_KERNELS"):
        env.pop(f"CAREERLAB_KIOSK_{name}", None)
        if name.lower() in kiosk:
            env[f"CAREERLAB_KIOSK_{name}"] = str(kiosk.pop(name.lower()))
    if kiosk:
        raise TypeError(f"unknown kiosk settings: {sorted(kiosk)}")
    env["CAREERLAB_KIOSK_DIR"] = str(tmp / "visits")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = _start("voila", voila_command(notebook, port), env, tmp,
                    f"{base}/favicon.ico", base, "", timeout)
    server.visits = tmp / "visits"
    return server
