"""Who is in the class: the hub's ``learners`` group, read with the instructor's own server token.

The hub gives an instructor's server token ``read:groups!group=learners``
(``deploy/jupyterhub/jupyterhub_config.py``); a learner's token lacks it, so for a learner the
answer is a plain "not allowed". Never raises: ``names`` is None when the list could not be read,
and ``message`` says why in one sentence.
"""
from __future__ import annotations

import http.client
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from typing import NamedTuple

LEARNERS_GROUP = "learners"
TIMEOUT = 20.0


class Members(NamedTuple):
    names: list[str] | None  # sorted hub names, or None when the hub could not say
    message: str = ""


def _get(url: str, token: str) -> tuple[int, object]:
    """(status, decoded JSON) of a GET to the hub's API; status 0 when it could not be reached."""
    request = urllib.request.Request(url, headers={"Authorization": "token " + token,
                                                   "Accept": "application/json"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # the hub's own network
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            return response.status, json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        return exc.code, None
    except (OSError, ValueError, http.client.HTTPException):
        return 0, None


def class_members(group: str = LEARNERS_GROUP) -> Members:
    """The hub names in ``group`` (the class's learners), sorted."""
    api = os.environ.get("JUPYTERHUB_API_URL", "").strip().rstrip("/")
    token = os.environ.get("JUPYTERHUB_API_TOKEN", "")
    if not api or not token:
        return Members(None, "Not on a class hub, so there is no class list to compare with.")
    status, model = _get(f"{api}/groups/{urllib.parse.quote(group, safe='')}", token)
    if status in (403, 404):
        return Members(None, f"The hub did not let this account read the “{group}” group, so "
                             "only who has handed in is shown (an administrator can give "
                             "instructors read:groups on it).")
    if status != 200:
        return Members(None, "The hub did not answer with the class list; press Refresh to try again.")
    users = model.get("users") if isinstance(model, dict) else None
    if not isinstance(users, list):
        return Members(None, "The hub's answer held no class list; press Refresh to try again.")
    return Members(sorted({u for u in users if isinstance(u, str) and u}))
