"""End to end, keyboard alone, with a person's rhythm: the real window under Xvfb, keys
sent by xdotool as a hurried player would — Enter held down, Enter and Esc pressed twice in
quick succession — on every scene change from the menu through a week, the MPC review
above all. The window's title names the scene on top, so each step checks where it landed.
Skipped when Xvfb or xdotool is missing."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.save import list_saves

from .conftest import REPO
from .xwindow import Window as XWindow
from .xwindow import start_x, stop

pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in ("Xvfb", "xdotool")), reason="needs Xvfb, xdotool"
)

TITLES = json.loads((REPO / "game" / "i18n" / "en.json").read_text("utf-8"))["ui"]


def scene_title(key: str) -> str:
    return f"{TITLES['app']['title']} · {TITLES[key]['title']}"


class Window(XWindow):
    def wait_for(self, key: str, timeout: float = 20.0) -> None:
        self.shows(scene_title(key), timeout)  # a person reads the new screen before acting

    def stays(self, key: str, seconds: float = 1.2) -> None:
        """The scene is still ``key`` after the inputs had every chance to land."""
        time.sleep(seconds)
        assert self.title() == scene_title(key), f"{self.title()!r} instead of {key!r}"

    def twice(self, name: str, gap_ms: int = 90) -> None:
        """The same key pressed twice in quick succession (a hurried double press)."""
        self.xdo("key", "--delay", str(gap_ms), name, name)

    def hold(self, name: str, seconds: float) -> None:
        self.xdo("keydown", name)
        time.sleep(seconds)
        self.xdo("keyup", name)


def test_hurried_keys_never_act_unseen(tmp_path: Path) -> None:
    xvfb, env = start_x(home=tmp_path)
    data = tmp_path / "game_data"
    game = None
    try:
        time.sleep(1.0)
        game = subprocess.Popen([sys.executable, "main.py", "play", "--lang", "en"], cwd=REPO,
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        w = Window(env, game.pid)
        w.wait_for("menu")
        w.hold("Return", 1.5)  # held: opens the new-game screen once, starts nothing
        w.stays("new_game")
        w.twice("Return")  # the second press must not begin week 1 unseen
        w.stays("briefing")
        w.xdo("key", "Return")
        w.wait_for("board")
        w.twice("Escape")  # the game menu opens; the second Esc must not close it unseen
        w.stays("game_menu")
        w.xdo("key", "Escape")
        w.wait_for("board")
        w.xdo("key", "space")  # plan the selected action
        time.sleep(0.6)
        w.twice("Return")  # "a role has nothing planned": the second Enter must not confirm
        w.stays("confirm")
        w.xdo("key", "Return")
        w.wait_for("resolve")
        w.hold("space", 1.0)  # skip the summary's cards, however long it is held
        w.stays("resolve")
        w.xdo("key", "Return")
        w.wait_for("review")
        w.hold("Return", 2.0)  # the MPC review: a held Enter closes it and does nothing more
        w.stays("board", 1.5)
        saves = [i for i in list_saves(data / "saves") if i.autosave]
        assert saves and saves[0].week == 2, "a week ended that the player never confirmed"
        assert game.poll() is None, "the game quit unexpectedly"
    finally:
        stop(game, xvfb)
