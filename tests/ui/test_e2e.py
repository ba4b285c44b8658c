"""End to end: the real `python main.py play` under Xvfb, driven with xdotool.

Clicks through the menu, a new solo game and one whole week, takes screenshots, and checks
the game state in the autosave. Button positions come from the same layout built headless
in this process (the window is 1280x720 with no window manager, so it sits at 0,0).
Skipped when Xvfb, xdotool or ImageMagick's `import` is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from game.core.serialize import state_to_dict
from game.save import list_saves, load_save

from .conftest import REPO
from .helpers import click, enabled_adds, find_button
from .xwindow import Window as Player
from .xwindow import start_x, stop

TOOLS = ("Xvfb", "xdotool", "import")
pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in TOOLS), reason="needs Xvfb, xdotool, imagemagick"
)


def _route(make_app) -> list[tuple[str, tuple[int, int], str]]:  # type: ignore[no-untyped-def]
    """Where to click, step by step, from the same layout built headless, and the window
    title each click leads to."""
    app = make_app("en", "menu")
    steps = []

    def title() -> str:
        return f"{app.tr('ui.app.title')} · {app.tr(app.stack.top.title_key)}"

    def at(text: str, button: Any = None) -> None:
        button = button or find_button(app, text)
        click(app, button)
        steps.append((text, button.rect.center, title()))

    at("Solo practice")
    at("Start game ›")
    at("Begin week 1 ›")
    board = app.stack.top
    at("action", next(b for b, _row in enabled_adds(board)))
    at("End week ›")
    at("End the week anyway ›")  # the other roles planned nothing: confirm once
    steps.append(("skip", (640, 400), title()))
    app.step(5.0)
    at("MPC review ›")
    at("Back to the board ›")
    return steps


def test_play_one_week_in_a_real_window(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shots = tmp_path / "shots"
    shots.mkdir()
    xvfb, env = start_x(home=tmp_path)
    game = None
    try:
        time.sleep(0.5)
        game = subprocess.Popen([sys.executable, "main.py", "play", "--lang", "en"], cwd=REPO,
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        route = _route(make_app)  # worked out while the window starts

        def shot(name: str) -> None:  # for a person to look at (DEALCRAFT_E2E_SHOTS)
            if os.environ.get("DEALCRAFT_E2E_SHOTS"):
                subprocess.run(["import", "-window", "root", str(shots / f"{name}.png")],
                               env=env, check=True)

        player = Player(env, game.pid)
        player.shows("Dealcraft · Main menu")
        shot("00_menu")
        for i, (name, (x, y), title) in enumerate(route, start=1):
            subprocess.run(["xdotool", "mousemove", "--sync", str(x), str(y)], env=env,
                           check=True)
            time.sleep(0.1)
            subprocess.run(["xdotool", "click", "1"], env=env, check=True)
            if name == "skip":
                time.sleep(0.5)  # the summary's cards are skipped; its title stays
            player.shows(title)
            shot(f"{i:02d}_{name.strip(' ›').replace(' ', '_').lower()}")
        (info,) = list_saves(tmp_path / "game_data" / "saves")
        saved = load_save(info.path)
        assert info.autosave and info.week == 2 and not info.finished
        team = saved.meta["team"]
        assert state_to_dict(saved.state)["plans"][0][team], "our week-1 plan is not saved"
        assert game.poll() is None, "the game quit unexpectedly"
    finally:
        keep = os.environ.get("DEALCRAFT_E2E_SHOTS")  # a folder to keep the screenshots in
        if keep:
            shutil.copytree(shots, keep, dirs_exist_ok=True)
        stop(game, xvfb)
