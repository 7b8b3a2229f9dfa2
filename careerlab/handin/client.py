"""Hand in from a learner's kernel, and read the class's hand-ins as an instructor.

Both talk to the hub's ``careerlab-handin`` service at ``$CAREERLAB_HANDIN_URL`` (the hub sets it
for every server) with the server's own ``$JUPYTERHUB_API_TOKEN``, so the service learns from
the hub who is asking. Neither raises: a problem comes back as one plain sentence, and off a
class hub ``on_hub`` is False, so a widget can fall back to export and download.
"""
from __future__ import annotations

import http.client
import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, NamedTuple

from careerlab.handin.records import HandinRejected, parse_handin

URL_VARIABLE = "CAREERLAB_HANDIN_URL"
TIMEOUT = 20.0
LIVE_TIMEOUT = 3.0  # seconds: a live share rides on a quiz's Check, which must not hang on a slow hub
NOT_ON_HUB = ("You are not on a class hub, so there is nowhere to hand in from here: "
              "export your results and give the file to your instructor.")
NO_ANSWER = ("The class hub's hand-in service did not answer. Try again in a minute; if it keeps "
             "failing, export your results and give the file to your instructor.")


@dataclass(frozen=True)
class Receipt:
    """What happened to a hand-in: ``ok``, one plain ``message``, and where it went."""

    ok: bool
    message: str
    on_hub: bool = True
    username: str = ""
    handed_in_at: datetime | None = None


class Handin(NamedTuple):
    """One learner's hand-in, as the instructor sees it."""

    username: str
    handed_in_at: datetime | None
    doc: dict[str, Any]


class Handins(list):
    """A list of ``Handin`` (by hub name), with ``ok``, ``on_hub`` and a plain ``message``."""

    def __init__(self, items: list[Handin] = (), *, ok: bool = True, message: str = "",
                 on_hub: bool = True) -> None:
        super().__init__(items)
        self.ok, self.message, self.on_hub = ok, message, on_hub


def on_class_hub() -> bool:
    """True inside a class hub's server (the hub set the hand-in address and a token)."""
    return bool(os.environ.get(URL_VARIABLE, "").strip() and os.environ.get("JUPYTERHUB_API_TOKEN"))


def _when(text: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def _call(method: str, route: str, body: bytes | None = None, timeout: float = TIMEOUT) -> tuple[int, Any]:
    """(status, decoded JSON) from the service; status 0 when it could not be reached."""
    base = os.environ[URL_VARIABLE].strip().rstrip("/") + "/"
    request = urllib.request.Request(base + route, data=body, method=method, headers={
        "Authorization": "token " + os.environ["JUPYTERHUB_API_TOKEN"],
        "Content-Type": "application/json", "Accept": "application/json"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # the hub's own network
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        try:
            return exc.code, json.loads(exc.read().decode("utf-8"))
        except (ValueError, OSError, http.client.HTTPException):
            return exc.code, {}
    except (OSError, ValueError, http.client.HTTPException):  # refused, timed out, cut off, not JSON
        return 0, {}


def _problem(status: int, reply: Any) -> str:
    if status == 0:
        return NO_ANSWER
    said = reply.get("error") if isinstance(reply, dict) else None
    return said if isinstance(said, str) and said else NO_ANSWER


def results_document(store: Any = None) -> dict[str, Any]:
    """The learner's results as one ``careerlab-results`` document (what Export writes)."""
    from careerlab import __version__
    from careerlab.progress import default_store
    from careerlab.progress.record import LEARNER, NAME, RESULTS_FORMAT, VERSION

    sections = (store or default_store()).sections()
    name = str(sections.get(LEARNER, {}).get(NAME) or "").strip() or "learner"
    return {"format": RESULTS_FORMAT, "version": VERSION, "careerlab_version": __version__,
            LEARNER: name, "progress": sections,
            "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}


def hand_in(results_doc: dict[str, Any], timeout: float = TIMEOUT) -> Receipt:
    """Send this learner's results to the course; handing in again replaces only their own."""
    if not on_class_hub():
        return Receipt(False, NOT_ON_HUB, on_hub=False)
    try:
        body = json.dumps(results_doc, ensure_ascii=False).encode("utf-8")
        parse_handin(body)
    except HandinRejected as exc:
        return Receipt(False, f"These results cannot be handed in: {exc}.")
    except (TypeError, ValueError):
        return Receipt(False, "These results cannot be handed in: they are not plain data.")
    status, reply = _call("PUT", "api/handin", body, timeout)
    if status != 200 or not isinstance(reply, dict):
        return Receipt(False, _problem(status, reply))
    when = _when(reply.get("handed_in_at"))
    shown = f" at {when.astimezone():%H:%M on %d %B %Y}" if when else ""
    username = str(reply.get("username", ""))
    return Receipt(True, f"Handed in{shown} as {username}. Handing in again replaces this one.",
                   username=username, handed_in_at=when)


def class_handins() -> Handins:
    """Every learner's latest hand-in (instructors only), sorted by hub name."""
    if not on_class_hub():
        return Handins(ok=False, on_hub=False, message=(
            "You are not on a class hub: load a folder of results files instead."))
    status, reply = _call("GET", "api/handins")
    rows = reply.get("handins") if isinstance(reply, dict) else None
    if status != 200 or not isinstance(rows, list):
        return Handins(ok=False, message=_problem(status, reply))
    found = sorted((Handin(str(r["username"]), _when(r.get("handed_in_at")), r["results"])
                    for r in rows if isinstance(r, dict) and isinstance(r.get("results"), dict)
                    and r.get("username")), key=lambda h: h.username)
    count = len(found)
    return Handins(found, message=f"{count} learner{'s have' if count != 1 else ' has'} handed in.")
