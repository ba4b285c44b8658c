"""The real game window under Xvfb for the end-to-end tests: a free display, the window's
title (it names the scene on top) and xdotool's keys."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path


def start_x(size: str = "1280x720", home: Path | None = None
            ) -> tuple[subprocess.Popen[bytes], dict[str, str]]:
    """An Xvfb server on a free display, and the environment a game window needs on it (no
    dummy video driver, no sound; with `home`, its own config and data folders there)."""
    display = free_display()
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{size}x24"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "DISPLAY": display, "SDL_AUDIODRIVER": "dummy"}
    env.pop("SDL_VIDEODRIVER", None)
    if home is not None:
        env["DEALCRAFT_CONFIG_DIR"] = str(home / "game_config")
        env["DEALCRAFT_DATA_DIR"] = str(home / "game_data")
    return xvfb, env


def stop(*procs: subprocess.Popen[bytes] | None) -> None:
    """End the windows' processes and then the X server, in the order given; one that will not
    go within ten seconds is killed."""
    for p in procs:
        if p is None:
            continue
        p.terminate()
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()


def free_display() -> str:
    """A display number no X server holds. Each pytest-xdist worker (gw0, gw1, …) searches
    its own block, so two workers never race for the same free number."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    start = 90 + 20 * int(worker[2:] or 0) if worker.startswith("gw") else 90
    for n in range(start, start + 20):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return f":{n}"
    raise RuntimeError("no free X display")


class Window:
    def __init__(self, env: dict[str, str], pid: int) -> None:
        self.env = env
        self.id = ""
        for _ in range(80):
            found = subprocess.run(["xdotool", "search", "--pid", str(pid)], env=env,
                                   capture_output=True, text=True)
            if found.stdout.split():
                self.id = found.stdout.split()[0]
                break
            time.sleep(0.25)
        assert self.id, "the game window did not appear"

    def xdo(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=self.env, check=True)

    def title(self) -> str:
        return subprocess.run(["xdotool", "getwindowname", self.id], env=self.env,
                              capture_output=True, text=True).stdout.strip()

    def shows(self, title: str, timeout: float = 30.0, read: float = 0.6) -> None:
        """Wait until the window shows ``title`` and keeps it while a person reads it: the
        input guard counts keys and clicks 0.3 s after a new screen is drawn, which on a
        busy machine can be a while after its title changed."""
        end = time.monotonic() + timeout
        since = None
        while time.monotonic() < end:
            if self.title() != title:
                since = None
            elif since is None:
                since = time.monotonic()
            elif time.monotonic() - since >= read:
                return
            time.sleep(0.05)
        raise AssertionError(f"expected {title!r}, the window shows {self.title()!r}")
