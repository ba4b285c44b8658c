"""End to end: a workshop in real windows under Xvfb, driven with xdotool.

`python main.py host` opens the console window and two `python main.py join` processes open
two teams' windows (one laptop per team), side by side on one wide virtual screen. The
trainer clicks "Start week 1", each team clicks a move's "+" and "End week" (and confirms its
idle roles), the week resolves on the host and both teams see its summary; the session log
holds both teams' week. Click positions come from the same layouts built headless in this
process. Skipped when Xvfb, xdotool or ImageMagick's `import` is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from game.net.workshop import human_vendors
from game.scenario.loader import load_scenario
from game.ui import router

from .conftest import REPO, SCENARIOS
from .helpers import click, enabled_adds, find_button, top
from .test_e2e import TOOLS
from .xwindow import start_x, stop

pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in TOOLS), reason="needs Xvfb, xdotool, imagemagick"
)
W, H = 1280, 720


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _routes(make_app: Any) -> tuple[tuple[int, int], list[tuple[str, tuple[int, int]]]]:
    """The console's start button, and a team's clicks for its first week (a local game of
    the same scenario and seed shows the same board a team seat is sent)."""
    from game.ui.console.setup import start_workshop
    from game.ui.menu.menu import MenuScene
    from game.ui.session import Session
    from game.ui.setup import GameSetup

    spec = load_scenario(SCENARIOS / "workshop_hospital.yaml")
    app = make_app("en", "menu", (W, H))
    service = start_workshop(spec, 2, 0, 180, 0, bind="127.0.0.1")
    app.apply(router.push("console", app, service))
    app.step(0.016, [])
    start = find_button(app, "Start week 1 ›").rect.center
    service.ws.close()
    while not isinstance(top(app), MenuScene):
        from game.ui.scene import Pop

        app.apply(Pop())
    setup = GameSetup.default_for(spec, SCENARIOS / "workshop_hospital.yaml", mode="solo",
                                  seed=1)
    session = Session.start(spec, setup)
    app.apply(router.push("board", app, session))
    app.step(0.016, [])
    app.step(0.016, [])
    steps = []
    button = next(b for b, _row in enabled_adds(top(app)))
    steps.append(("plan", button.rect.center))
    click(app, button)
    end = top(app).w.named["end"]
    steps.append(("end week", end.rect.center))
    click(app, end)
    steps.append(("confirm", top(app).buttons["go"].rect.center))
    return start, steps


def test_a_workshop_week_in_real_windows(make_app: Any, tmp_path: Path) -> None:
    start, team_steps = _routes(make_app)
    spec = load_scenario(SCENARIOS / "workshop_hospital.yaml")
    teams = human_vendors(spec, 2)
    xvfb, env = start_x(f"{3 * W}x{H}")
    port = _free_port()
    folder = tmp_path / "workshop"
    shots = tmp_path / "shots"
    shots.mkdir()
    procs: list[subprocess.Popen[bytes]] = []

    def run(args: list[str], name: str) -> subprocess.Popen[bytes]:
        penv = {**env, "DEALCRAFT_CONFIG_DIR": str(tmp_path / f"cfg_{name}"),
                "DEALCRAFT_DATA_DIR": str(tmp_path / f"data_{name}")}
        p = subprocess.Popen([sys.executable, "main.py", *args], cwd=REPO, env=penv,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(p)
        return p

    def place(p: subprocess.Popen[bytes], x: int, y: int) -> None:
        """Move the process's window to (x, y). SDL may replace the first window it maps
        while it sets the size, so a window found a moment ago can be gone: look again."""
        for _ in range(80):
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(p.pid)],
                                   env=env, capture_output=True, text=True)
            for wid in found.stdout.split():
                moved = subprocess.run(["xdotool", "windowmove", wid, str(x), str(y)], env=env,
                                       capture_output=True)
                if moved.returncode == 0:
                    return
            time.sleep(0.25)
        raise AssertionError("a window did not appear")

    def click_at(x: int, y: int) -> None:
        subprocess.run(["xdotool", "mousemove", "--sync", str(x), str(y)], env=env, check=True)
        time.sleep(0.2)
        subprocess.run(["xdotool", "click", "1"], env=env, check=True)
        time.sleep(1.0)

    def shot(name: str) -> None:
        subprocess.run(["import", "-window", "root", str(shots / f"{name}.png")], env=env,
                       check=True)

    def log() -> list[dict[str, Any]]:
        path = folder / "session.jsonl"
        if not path.is_file():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]

    try:
        time.sleep(1.0)
        host = run(["host", "workshop_hospital", "--teams", "2", "--port", str(port),
                    "--bind", "127.0.0.1", "--dir", str(folder), "--pin", "424242",
                    "--lang", "en", "--size", f"{W}x{H}"], "host")
        # SDL centres each window on the wide screen: put them side by side
        place(host, 0, 0)
        for _ in range(40):
            if log():
                break
            time.sleep(0.25)
        codes = log()[0]["teams"]
        for i, vid in enumerate(teams, start=1):
            p = run(["join", f"127.0.0.1:{port}", "--code", codes[vid]["code"], "--name",
                     f"Team {vid}", "--lang", "en", "--size", f"{W}x{H}"], vid)
            place(p, i * W, 0)
        for _ in range(60):
            if sum(1 for r in log() if r["t"] == "seat") == 2:
                break
            time.sleep(0.25)
        assert sum(1 for r in log() if r["t"] == "seat") == 2, "the teams did not join"
        time.sleep(1.5)
        shot("01_lobby")
        click_at(*start)  # the trainer starts week 1
        time.sleep(1.5)
        assert any(r["t"] == "started" for r in log()), "the console did not start the game"
        shot("02_week1")
        for name, (x, y) in team_steps:
            for i in (1, 2):
                click_at(i * W + x, y)
            shot(f"03_{name.replace(' ', '_')}")
        for _ in range(40):
            if any(r["t"] == "week" for r in log()):
                break
            time.sleep(0.25)
        time.sleep(1.5)
        shot("04_resolved")
        weeks = [r for r in log() if r["t"] == "week"]
        assert weeks, "the week did not resolve"
        for vid in teams:
            assert weeks[0]["plans"][vid], f"{vid}'s clicked move is not in the week"
            assert weeks[0]["people"][vid]["rep"] == f"Team {vid}"
        assert all(p.poll() is None for p in procs), "a window quit unexpectedly"
    finally:
        keep = os.environ.get("DEALCRAFT_E2E_SHOTS")
        if keep:
            shutil.copytree(shots, keep, dirs_exist_ok=True)
        stop(*reversed(procs), xvfb)
