"""Throwaway Unix accounts for the hub test, and traverse rights on the folders they must pass.

Everything here is undone by ``close()``: the accounts' processes are ended (by their ids), the
accounts and their groups removed, and every folder mode put back as it was.
"""
from __future__ import annotations

import os
import pwd
import secrets
import shutil
import stat
import subprocess
import time
from pathlib import Path

MARK = "careerlab hub test (throwaway)"


def _run(*cmd: str) -> None:
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


class Accounts:
    """Creates accounts with unique random names; remembers what to undo."""

    def __init__(self, homes: Path) -> None:
        self.tag = secrets.token_hex(3)
        self.homes = homes
        self.names: list[str] = []
        self.modes: dict[Path, int] = {}

    def name(self, role: str) -> str:
        return f"clh{self.tag}{role}"

    def person(self, role: str) -> str:
        """A learner or instructor: a login shell and a home under ``homes``, mode 700."""
        name = self.name(role)
        home = self.homes / name
        self.names.append(name)
        _run("useradd", "--create-home", "--home-dir", str(home), "--shell", "/bin/sh",
             "--comment", MARK, "-K", "HOME_MODE=0700", name)
        os.chmod(home, 0o700)
        return name

    def system(self, role: str) -> str:
        """A service account: no home, no login."""
        name = self.name(role)
        self.names.append(name)
        _run("useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent",
             "--shell", "/usr/sbin/nologin", "--comment", MARK, name)
        return name

    def allow_traverse(self, folder: Path) -> None:
        """Let every account pass through (o+x, not read) ``folder`` and each folder above it."""
        for path in [folder.resolve(), *folder.resolve().parents]:
            mode = stat.S_IMODE(path.stat().st_mode)
            if not mode & stat.S_IXOTH:
                self.modes.setdefault(path, mode)
                os.chmod(path, mode | stat.S_IXOTH)

    def uids(self) -> set[int]:
        found = set()
        for name in self.names:
            try:
                found.add(pwd.getpwnam(name).pw_uid)
            except KeyError:
                pass
        return found

    def end_processes(self) -> None:
        """End every process still running as one of these accounts, by its id."""
        import psutil

        uids = self.uids()
        for _ in range(3):
            procs = [p for p in psutil.process_iter(["uids"]) if p.info["uids"]
                     and p.info["uids"].real in uids]
            if not procs:
                return
            for proc in procs:
                try:
                    proc.kill()
                except psutil.Error:
                    pass
            psutil.wait_procs(procs, timeout=10)
            time.sleep(0.2)

    def close(self) -> None:
        problems = []
        try:
            self.end_processes()
        except Exception as exc:  # noqa: BLE001 - go on removing the accounts
            problems.append(f"ending processes: {exc}")
        for name in reversed(self.names):
            try:
                _run("userdel", name)
            except subprocess.CalledProcessError as exc:
                problems.append(f"userdel {name}: {exc.stderr.strip()}")
            shutil.rmtree(self.homes / name, ignore_errors=True)
        for path, mode in self.modes.items():
            try:
                os.chmod(path, mode)
            except OSError as exc:
                problems.append(f"restoring the mode of {path}: {exc}")
        if problems:
            raise RuntimeError("Clean-up of the hub test was incomplete: " + "; ".join(problems))
