"""The kiosk's Voilà side: its numbers (from the environment, so `make app` can change them), the
count of live kernels and the plain "busy" page shown instead of starting one kernel too many.

Only ``app/voila.py`` (Voilà's config file for `make app`) imports this; tornado is Voilà's own.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Callable

log = logging.getLogger("careerlab.kiosk")

BUSY_MESSAGE = "This page is busy, please try again in a few minutes."
BUSY_HTML = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Self-assessment: busy</title></head>
<body style="font-family:sans-serif;font-size:20px;line-height:1.5;max-width:40em;margin:3em auto;padding:0 1em">
<h1 style="font-size:1.4em">Self-assessment</h1>
<p class="careerlab-kiosk-busy">{BUSY_MESSAGE}</p>
<p>Many people are taking the self-assessment right now. Please wait a few minutes, then reload
this page.</p>
</body></html>
"""
RETRY_AFTER_SECONDS = 120
ENV = {  # environment variable -> (KioskSettings field, default)
    "CAREERLAB_KIOSK_IDLE_SECONDS": ("idle_seconds", 300),
    "CAREERLAB_KIOSK_CULL_INTERVAL": ("cull_interval", 60),
    "CAREERLAB_KIOSK_MAX_KERNELS": ("max_kernels", 10),
}


@dataclass(frozen=True)
class KioskSettings:
    """How long an untouched visit lives, how often that is checked, how many visits at once."""

    idle_seconds: int = 300
    cull_interval: int = 60
    max_kernels: int = 10

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> "KioskSettings":
        """Read the numbers from ``env`` (unset or empty: the default); a bad value stops the server.

        >>> KioskSettings.from_env({"CAREERLAB_KIOSK_MAX_KERNELS": "3"}).max_kernels
        3
        """
        values = {}
        for var, (name, default) in ENV.items():
            text = str(env.get(var, "") or "").strip()
            try:
                values[name] = int(text) if text else default
            except ValueError:
                raise ValueError(f"{var} must be a whole number, not {text!r}") from None
            if values[name] < 1:
                raise ValueError(f"{var} must be 1 or more, not {values[name]}")
        return cls(**values)


def live_kernels(kernel_manager: Any) -> int:
    """Kernels running or starting (a kernel counts from the moment its start is asked for)."""
    ids = set(kernel_manager.list_kernel_ids())
    ids |= set(getattr(kernel_manager, "_pending_kernels", {}) or {})
    return len(ids)


def capped_prelaunch_hook(max_kernels: int) -> Callable[..., None]:
    """A Voilà ``prelaunch_hook`` that answers "busy" (HTTP 503) instead of starting kernel
    ``max_kernels + 1``. Voilà calls it just before it starts the kernel, with no wait in between,
    so two page loads at once cannot both take the last place."""

    def hook(handler: Any, notebook: Any = None, cwd: Any = None) -> None:
        import tornado.web

        running = live_kernels(handler.kernel_manager)
        if running < max_kernels:
            return None
        log.warning("careerlab kiosk: %d of %d visits running, answering busy", running, max_kernels)
        handler.clear_header("Content-Type")
        handler.set_status(503)
        handler.set_header("Content-Type", "text/html; charset=UTF-8")
        handler.set_header("Retry-After", str(RETRY_AFTER_SECONDS))
        raise tornado.web.Finish(BUSY_HTML)  # ends the request: no kernel, no error page

    return hook
