"""The hand-in web service the hub runs as a managed service, under its own Unix account.

Who is asking comes from the hub, never from the request: the caller sends its hub token
(a learner's kernel has ``JUPYTERHUB_API_TOKEN``) and the service asks the hub whose it is
(``jupyterhub.services.auth.HubAuth``). Routes, under ``$JUPYTERHUB_SERVICE_PREFIX``:

- ``PUT|POST api/handin``: store the caller's own hand-in (replacing their previous one);
- ``GET api/handin``: the caller's own hand-in;
- ``GET api/handins`` and ``GET api/handins/<name>``: every hand-in, or one, for holders of
  ``custom:careerlab-handins:read`` (the hub gives it to the ``instructors`` group).

There is no route to delete, or to write under another name.
"""
from __future__ import annotations

import json
import os
from typing import Any, Awaitable, Callable
from urllib.parse import urlparse

from tornado import web

from careerlab.handin.records import MAX_BYTES, HandinRejected, parse_handin
from careerlab.handin.store import HandinStore

SERVICE_NAME = "careerlab-handin"
READ_ALL_SCOPE = "custom:careerlab-handins:read"
Identify = Callable[[str], Awaitable[dict[str, Any] | None]]


def _has_scope(required: str, model: dict[str, Any]) -> bool:
    from jupyterhub.services.auth import check_scopes

    return bool(check_scopes({required}, set(model.get("scopes") or ())))


def refuse(status: int, message: str) -> web.HTTPError:
    """An HTTP error whose message (plain words, shown to the caller) is sent back as JSON."""
    return web.HTTPError(status, message)


class _Handler(web.RequestHandler):
    """Identify the caller with the hub before anything else; answer in JSON."""

    def initialize(self, store: HandinStore, identify: Identify, access_scope: str) -> None:
        self.store, self.identify, self.access_scope = store, identify, access_scope
        self.hub_user: dict[str, Any] = {}

    def check_xsrf_cookie(self) -> None:  # token in a header only: no cookies to forge
        return None

    async def prepare(self) -> None:
        header = self.request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() not in ("token", "bearer") or not token.strip():
            raise refuse(401, "Sign in to the class hub first (no hub token was sent).")
        model = await self.identify(token.strip())
        if not model or not model.get("name"):
            raise refuse(401, "The class hub did not recognise this sign-in.")
        if not _has_scope(self.access_scope, model):
            raise refuse(403, "This account may not use the course's hand-in.")
        self.hub_user = model

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        exc = kwargs.get("exc_info", (None, None, None))[1]
        message = exc.log_message if isinstance(exc, web.HTTPError) and exc.log_message and \
            status_code < 500 else "The hand-in service could not do that just now; try again."
        self.finish({"error": message})

    def send(self, payload: Any) -> None:
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(payload, ensure_ascii=False))

    def require_read_all(self) -> None:
        if not _has_scope(READ_ALL_SCOPE, self.hub_user):
            raise refuse(403, "Only the class's instructors can see other learners' hand-ins.")


class OwnHandin(_Handler):
    """The caller's own hand-in: send it (replaces the last one) or read it back."""

    def put(self) -> None:
        if self.hub_user.get("kind", "user") != "user":
            raise refuse(403, "Only a learner's own account can hand in.")
        try:
            doc = parse_handin(self.request.body)
        except HandinRejected as exc:
            raise refuse(400, f"This hand-in was not accepted: {exc}.") from None
        stored = self.store.put(self.hub_user["name"], doc)
        self.send({"username": stored["handed_in_by"], "handed_in_at": stored["handed_in_at"]})

    post = put

    def get(self) -> None:
        doc = self.store.get(self.hub_user["name"])
        if doc is None:
            raise refuse(404, "You have not handed in yet.")
        self.send(doc)


class AllHandins(_Handler):
    """Every learner's hand-in, for instructors."""

    def get(self) -> None:
        self.require_read_all()
        self.send({"handins": [{"username": d["handed_in_by"], "handed_in_at": d.get("handed_in_at"),
                                "results": d} for d in self.store.all()]})


class OneHandin(_Handler):
    """One learner's hand-in, for instructors."""

    def get(self, username: str) -> None:
        self.require_read_all()
        try:
            doc = self.store.get(username)
        except HandinRejected:
            doc = None
        if doc is None:
            raise refuse(404, "No hand-in under that name.")
        self.send(doc)


class Alive(web.RequestHandler):
    def get(self) -> None:
        self.finish({"service": SERVICE_NAME})


def make_app(store: HandinStore, identify: Identify, prefix: str = "/",
             access_scope: str = f"access:services!service={SERVICE_NAME}") -> web.Application:
    """The tornado application; ``identify(token)`` returns the hub's model of the caller, or None."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    args = {"store": store, "identify": identify, "access_scope": access_scope}
    return web.Application([
        (prefix + "api/handin", OwnHandin, args),
        (prefix + "api/handins", AllHandins, args),
        (prefix + r"api/handins/([^/]+)", OneHandin, args),
        (prefix, Alive),
    ])


def hub_identify() -> Identify:
    """Ask the hub whose a token is (HubAuth, configured from the hub's environment)."""
    from jupyterhub.services.auth import HubAuth

    auth = HubAuth()

    async def identify(token: str) -> dict[str, Any] | None:
        return await auth.user_for_token(token, sync=False)

    return identify


def main() -> None:
    """Run under the hub: listen on ``$JUPYTERHUB_SERVICE_URL``, store in ``$CAREERLAB_HANDIN_STORE``."""
    import asyncio

    os.umask(0o077)
    url = urlparse(os.environ["JUPYTERHUB_SERVICE_URL"])
    store = HandinStore(os.environ["CAREERLAB_HANDIN_STORE"])
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", f"/services/{SERVICE_NAME}/")

    async def serve() -> None:
        app = make_app(store, hub_identify(), prefix)
        app.listen(url.port or 80, url.hostname or "127.0.0.1", max_body_size=2 * MAX_BYTES)
        await asyncio.Event().wait()

    asyncio.run(serve())


if __name__ == "__main__":
    main()
