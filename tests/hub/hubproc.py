"""Start the project's JupyterHub (deploy/jupyterhub/jupyterhub_config.py) on loopback, with free
ports, a fresh SQLite database and a test-only admin service layered on top; always stop it."""
from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from browser.servers import REPO, free_port, stop_process_tree

CONFIG = REPO / "deploy" / "jupyterhub" / "jupyterhub_config.py"
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))
# What the test's own service may do: make tokens, start servers, change a group, read models.
TEST_SCOPES = ["admin:users", "admin:servers", "admin:groups", "tokens", "list:users", "read:users"]


@dataclass
class Hub:
    url: str       # the proxy: what a browser opens
    api: str       # the hub's REST API, straight to the hub
    token: str     # the test service's token
    proc: subprocess.Popen
    log: Path
    store: Path

    def call(self, method: str, route: str, body: dict | None = None) -> tuple[int, dict]:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.api + route, data=data, method=method,
                                     headers={"Authorization": f"token {self.token}"})
        try:
            with OPENER.open(req, timeout=60) as response:
                text = response.read()
                return response.status, json.loads(text) if text else {}
        except urllib.error.HTTPError as exc:
            return exc.code, {}

    def user(self, name: str) -> dict:
        status, model = self.call("GET", f"users/{name}")
        assert status == 200, f"the hub has no user {name} ({status})"
        return model

    def wait_for(self, what: str, check, timeout: float = 180.0):
        """Poll ``check()`` until it returns something true; fail with the hub's log if it never does."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"The hub exited while waiting for {what}:\n{self.tail()}")
            value = check()
            if value:
                return value
            time.sleep(0.5)
        raise AssertionError(f"Gave up waiting for {what}:\n{self.tail()}")

    def server_ready(self, name: str) -> bool:
        server = self.user(name).get("servers", {}).get("")
        return bool(server and server.get("ready"))

    def spawn(self, names: list[str]) -> None:
        """Ask for every server at once, then wait for each (a failed spawn is a 500: poll the model)."""
        for name in names:
            self.call("POST", f"users/{name}/server")
        for name in names:
            self.wait_for(f"{name}'s server to be ready", lambda n=name: self.server_ready(n))

    def token_for(self, name: str) -> str:
        status, reply = self.call("POST", f"users/{name}/tokens",
                                  {"scopes": [f"access:servers!user={name}"], "note": "hub test",
                                   "expires_in": 3600})
        assert status in (200, 201), f"could not make a token for {name} ({status})"
        return reply["token"]

    def tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no hub log)"

    def stop(self) -> None:
        stop_process_tree(self.proc, grace=30)


def start_hub(tmp: Path, env_settings: dict[str, str]) -> Hub:
    """Start the hub with the project's config plus a test service; wait until it answers."""
    state = tmp / "state"
    state.mkdir()
    token = secrets.token_hex(24)
    extra = tmp / "test_config.py"
    extra.write_text(
        "c = get_config()\n"
        f"load_subconfig({str(CONFIG)!r})\n"
        f"c.JupyterHub.services.append({{'name': 'class-test', 'api_token': {token!r}}})\n"
        f"c.JupyterHub.load_roles.append({{'name': 'class-test', 'scopes': {TEST_SCOPES!r},"
        " 'services': ['class-test']})\n")
    ports = {key: str(free_port()) for key in ("PORT", "HUB_PORT", "PROXY_API_PORT", "HANDIN_PORT")}
    env = dict(os.environ)
    env.update({f"CAREERLAB_HUB_{k}": v for k, v in {**ports, **env_settings}.items()})
    env["CAREERLAB_HUB_STATE"] = str(state)
    env["CAREERLAB_HUB_IP"] = "127.0.0.1"
    env.pop("CONFIGPROXY_AUTH_TOKEN", None)
    log = tmp / "hub.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([str(Path(sys.executable).parent / "jupyterhub"), "-f", str(extra),
                                 "--debug"], cwd=state, env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    hub = Hub(f"http://127.0.0.1:{ports['PORT']}", f"http://127.0.0.1:{ports['HUB_PORT']}/hub/api/",
              token, proc, log, Path(env.get("CAREERLAB_HUB_HANDIN_STORE", state / "handins")))
    try:
        hub.wait_for("the hub to answer through its proxy", lambda: _answers(hub.url + "/hub/api/"), 120)
        hub.wait_for("the hand-in service", lambda: _answers(
            f"http://127.0.0.1:{ports['HANDIN_PORT']}/services/careerlab-handin/"), 60)
    except BaseException:
        hub.stop()
        raise
    return hub


def _answers(url: str) -> bool:
    try:
        with OPENER.open(url, timeout=5) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False
