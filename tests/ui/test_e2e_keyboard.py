"""End to end, keyboard alone: the guided first deal played from the menu to the debrief in
the real window under Xvfb, with the keys the README lists and nothing else (no mouse).

The player does what the guide's goals ask (tests/play/test_guide.py's moves): picks the
role with 1-4, the person with Tab, the action with ↑↓, plans it with Space, sets the bid
price in the picker with the arrows and Enter, answers events with 1-9, ends each week with
Enter and reads the summary, the MPC review and the outcome. The keys are worked out on the
same game played headless in this process (a game is its seed and its moves, so both play
the same deal); the window's title names the scene on top, so each scene's keys are sent
only once the window shows that scene. At the end the window shows the debrief and the
saved game holds exactly the plans the headless game made. Skipped without Xvfb/xdotool.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.core.actions import CATALOG
from game.core.serialize import state_to_dict
from game.save import list_saves, load_save

from .conftest import REPO
from .xwindow import Window as Player
from .xwindow import start_x, stop

pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in ("Xvfb", "xdotool")), reason="needs Xvfb, xdotool"
)

KEYS = {"Return": pygame.K_RETURN, "space": pygame.K_SPACE, "Escape": pygame.K_ESCAPE,
        "Tab": pygame.K_TAB, "Up": pygame.K_UP, "Down": pygame.K_DOWN,
        "Left": pygame.K_LEFT, "Right": pygame.K_RIGHT,
        **{str(n): getattr(pygame, f"K_{n}") for n in range(1, 10)}}
ROLE_KEYS = {"rep": "1", "presales": "2", "pm": "3", "exec": "4"}
# the guide's goals, week by week (as tests/play/test_guide.py plays them), a bid's option;
# after the bid each role plans the first move open to it until the customer decides
WEEKS: list[list[tuple[str, str | None, str | None]]] = [
    [("sponsor_visit", "gm", None), ("joint_visit", "it_head", None), ("call", "cfo", None),
     ("call", "buyer", None), ("qualify", None, None), ("needs_research", "it_head", None),
     ("site_survey", "it_head", None)],
    [("develop_coach", "it_head", None), ("call", "cfo", None), ("call", "service_head", None),
     ("qualify", None, None), ("proposal", None, None), ("delivery_plan", None, None)],
    [("ask_coach", "it_head", None), ("call", "cfo", None), ("confirm_opportunity", None, None),
     ("write_bid", None, None), ("bid_delivery", None, None)],
    [("exec_visit", "gm", None), ("submit_bid", None, "list"), ("demo", "it_head", None)],
]


class Route:
    """The game played headless, key by key: ``steps`` holds, for each scene the player
    meets, the window title it shows and the keys pressed there."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.steps: list[tuple[str, list[str]]] = []
        self._new_scene = True

    def title(self) -> str:
        tr = self.app.tr
        return f"{tr('ui.app.title')} · {tr(self.app.stack.top.title_key)}"

    def scene(self) -> str:
        return type(self.app.stack.top).__name__

    def press(self, name: str) -> None:
        before = self.app.stack.top
        if self._new_scene:
            self.steps.append((self.title(), []))
            self._new_scene = False
        self.steps[-1][1].append(name)
        self.app.guard.settled()  # the player has read the screen
        key = KEYS[name]
        self.app.step(0.016, [pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="",
                                                 scancode=0),
                              pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="",
                                                 scancode=0)])
        self.app.step(0.016)
        self._new_scene = self.app.stack.top is not before  # its keys wait for it

    def plan(self, kind: str, target: str | None, option: str | None) -> None:
        board = self.app.stack.top
        self.press(ROLE_KEYS[CATALOG[kind].roles[0]])
        for _ in range(len(board.cards)):
            if target is None or board.person == target:
                break
            self.press("Tab")
        keys = [r.key for r in board.rows]
        want = (kind, target if CATALOG[kind].target else None)
        assert want in keys, (want, keys)
        while (board.selected.kind, board.selected.target) != want:
            here = keys.index((board.selected.kind, board.selected.target))
            self.press("Down" if keys.index(want) > here else "Up")
        self.press("space")
        if option is not None:  # the price picker: arrows to the option, Enter submits
            offer = self.app.stack.top
            assert self.scene() == "OfferScene", self.scene()
            self.press("Right")  # a look at the next price first, as a player would
            for _ in range(8):
                if offer.option == option:
                    break
                self.press("Left")
            assert offer.option == option
            self.press("Return")


def _route(make_app) -> tuple[Route, Any]:  # type: ignore[no-untyped-def]
    app = make_app("en", "menu")
    route = Route(app)
    route.press("Down")  # the guided first deal, second in the menu
    route.press("Return")
    week_moves = iter(WEEKS)
    for _ in range(200):
        scene = route.scene()
        if scene == "DebriefScene":
            break
        if scene == "BoardScene":
            board = app.stack.top
            moves = next(week_moves, None)
            for kind, target, option in moves or []:
                before = len(board.session.plan)
                route.plan(kind, target, option)
                if kind != "call":  # a call the person is not free for is refused
                    assert len(board.session.plan) == before + 1, (kind, board.status)
            if moves is None:  # after the bid: each role plans its first open move
                for key in ROLE_KEYS.values():
                    route.press(key)
                    route.press("space")
            route.press("Return")
        elif scene == "EventScene":
            route.press("1")
            if route.scene() == "EventScene":  # the first answer is closed to us: later
                route.press("Escape")
        elif scene == "ResolveScene":
            route.press("space")  # the summary's cards at once
            route.press("Return")
        else:  # the guide's card, the confirmation, the MPC review, the outcome
            route.press("Return")
    assert route.scene() == "DebriefScene", route.scene()
    return route, app.stack.scenes[-1]


def test_a_whole_guided_deal_by_keyboard_in_a_real_window(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    xvfb, env = start_x(home=tmp_path)
    data = tmp_path / "game_data"
    game = None
    try:
        time.sleep(0.5)
        game = subprocess.Popen([sys.executable, "main.py", "play", "--lang", "en",
                                 "--size", "1280x720"], cwd=REPO, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # the route is worked out while the window starts (a separate process)
        route, debrief = _route(make_app)
        expected = state_to_dict(debrief.session.state)["plans"]
        w = Player(env, game.pid)
        for title, keys in route.steps:
            w.shows(title)
            w.xdo("key", "--delay", "30", *keys)
        w.shows(route.title())
        (info,) = [i for i in list_saves(data / "saves") if i.autosave]
        assert info.finished, "the deal did not end"
        assert state_to_dict(load_save(info.path).state)["plans"] == expected
        assert game.poll() is None, "the game quit unexpectedly"
    finally:
        stop(game, xvfb)
