"""Run code in a learner's kernel on the hub, through the proxy, with that learner's token:
the kernels REST API starts the kernel, its websocket carries one execute request."""
from __future__ import annotations

import json
import time
import urllib.request
import uuid
from dataclasses import dataclass

OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass
class Ran:
    stdout: str
    error: str  # "" or the exception and its traceback

    def last_json(self) -> dict:
        """The last line the code printed, as JSON (the code prints its findings that way)."""
        if self.error:
            raise AssertionError(f"The code in the kernel failed:\n{self.error}\n{self.stdout}")
        return json.loads(self.stdout.strip().splitlines()[-1])


def request(url: str, token: str, method: str = "GET", body: dict | None = None) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={
        "Authorization": f"token {token}", "Content-Type": "application/json"})
    with OPENER.open(req, timeout=60) as response:
        text = response.read()
    return json.loads(text) if text else {}


def kernel_alive(server_url: str, token: str, kernel_id: str) -> bool:
    """Whether the kernel ``kernel_id`` still runs on that server (a browser test that resets the
    lab, or the culler, may have shut it down)."""
    try:
        return any(k.get("id") == kernel_id for k in request(server_url + "api/kernels", token))
    except (OSError, ValueError):
        return False


def start_kernel(server_url: str, token: str) -> str:
    """Start a Python kernel on the server at ``server_url`` (…/user/<name>/); return its id."""
    return request(server_url + "api/kernels", token, "POST", {"name": "python3"})["id"]


def execute(server_url: str, token: str, kernel_id: str, code: str, timeout: float = 240) -> Ran:
    """Run ``code`` in the kernel and collect what it printed, or its error."""
    import websocket

    ws_url = server_url.replace("http://", "ws://", 1) + f"api/kernels/{kernel_id}/channels"
    ws = websocket.create_connection(ws_url, header=[f"Authorization: token {token}"], timeout=timeout)
    msg_id, session = uuid.uuid4().hex, uuid.uuid4().hex
    ws.send(json.dumps({
        "header": {"msg_id": msg_id, "session": session, "username": "hub-test",
                   "msg_type": "execute_request", "version": "5.3", "date": ""},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": False,
                    "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}))
    out, error, replied, idle = [], "", False, False
    deadline = time.monotonic() + timeout
    try:
        while not (replied and idle):
            if time.monotonic() > deadline:
                raise TimeoutError(f"The kernel did not finish within {timeout:.0f} s:\n{''.join(out)}")
            frame = ws.recv()
            if isinstance(frame, bytes):  # a message with binary buffers (widget comms): not ours
                continue
            msg = json.loads(frame)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                out.append(content["text"])
            elif kind == "error":
                error = f"{content['ename']}: {content['evalue']}\n" + "\n".join(content["traceback"])
            elif kind == "execute_reply":
                replied = True
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
    finally:
        ws.close()
    return Ran("".join(out), error)
