"""A hand-in service on loopback with a stand-in for the hub (tokens mapped to hub models)."""
from __future__ import annotations

import asyncio
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from careerlab.handin.service import READ_ALL_SCOPE, make_app
from careerlab.handin.store import HandinStore

ACCESS = "access:services!service=careerlab-handin"
TOKENS: dict[str, dict[str, Any]] = {
    "tok-ada": {"name": "ada", "kind": "user", "scopes": [ACCESS]},
    "tok-bob": {"name": "bob", "kind": "user", "scopes": [ACCESS]},
    "tok-cai": {"name": "cai", "kind": "user", "scopes": [ACCESS]},
    "tok-dee": {"name": "dee", "kind": "user", "scopes": [ACCESS]},
    "tok-teacher": {"name": "teacher", "kind": "user", "scopes": [ACCESS, READ_ALL_SCOPE]},
    "tok-stranger": {"name": "zed", "kind": "user", "scopes": ["access:servers!user=zed"]},
    "tok-service": {"name": "robot", "kind": "service", "scopes": [ACCESS]},
}
PREFIX = "/services/careerlab-handin/"


def results(learner: str = "Ada Example", **progress: Any) -> dict[str, Any]:
    return {"format": "careerlab-results", "version": 1, "careerlab_version": "0.1.0",
            "learner": learner, "exported_at": "2026-11-27T10:00:00+00:00",
            "progress": progress or {"assessment": {"role_fit": {"coder": 60, "biller": 40}}}}


@contextmanager
def running_service(folder: Path) -> Iterator[str]:
    """Serve the hand-in app on a free loopback port; yield its base URL."""
    from tornado.httpserver import HTTPServer
    from tornado.netutil import bind_sockets

    async def identify(token: str) -> dict[str, Any] | None:
        return TOKENS.get(token)

    sockets = bind_sockets(0, "127.0.0.1")
    port = sockets[0].getsockname()[1]
    loop = asyncio.new_event_loop()
    started = threading.Event()
    holder: dict[str, Any] = {}

    def run() -> None:
        asyncio.set_event_loop(loop)

        async def setup() -> None:
            server = HTTPServer(make_app(HandinStore(folder), identify, PREFIX),
                                max_body_size=2_000_000)
            server.add_sockets(sockets)
            holder["server"] = server
            started.set()

        loop.run_until_complete(setup())
        loop.run_forever()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    started.wait(30)
    try:
        yield f"http://127.0.0.1:{port}{PREFIX}"
    finally:
        loop.call_soon_threadsafe(holder["server"].stop)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(30)


def on_hub(monkeypatch: Any, url: str, token: str) -> None:
    """Make this test's kernel look like a hub learner's: the hand-in service's URL and a token."""
    monkeypatch.setenv("CAREERLAB_HANDIN_URL", url)
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", token)


def off_hub(monkeypatch: Any) -> None:
    """Make this test's kernel look like one that is on no class hub."""
    monkeypatch.delenv("CAREERLAB_HANDIN_URL", raising=False)
    monkeypatch.delenv("JUPYTERHUB_API_TOKEN", raising=False)


@contextmanager
def handin_service(folder: Path) -> Iterator[tuple[str, HandinStore]]:
    """The hand-in service on loopback with its store: (URL, HandinStore of ``folder``)."""
    with running_service(folder) as url:
        yield url, HandinStore(folder)
