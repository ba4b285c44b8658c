"""Load game and Continue, headless: one autosave per game (a team game leaves the solo
game's autosave alone), the list says scenario, mode, week, language and finished, and a
damaged save is refused with the reason while the game's last good autosave is offered."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.scenario.loader import load_scenario
from game.ui.board.scene import BoardScene
from game.ui.menu.load import LoadScene
from game.ui.menu.menu import MenuScene
from game.ui.session import Session, saves_dir
from game.ui.setup import GameSetup

from .conftest import SCENARIOS
from .helpers import click, find_button, press, texts, top


def _session(scenario: str, mode: str, seed: int, weeks: int) -> Session:
    spec = load_scenario(SCENARIOS / f"{scenario}.yaml")
    session = Session.start(spec, GameSetup.default_for(spec, SCENARIOS / f"{scenario}.yaml",
                                                        mode=mode, seed=seed))
    for _ in range(weeks):
        session.end_week()
    return session


def _flip(path: Path) -> None:
    raw = bytearray(path.read_bytes())
    raw[-200] ^= 0x01
    path.write_bytes(bytes(raw))


def test_a_team_game_keeps_the_solo_games_autosave(make_app, private_dirs: Path) -> None:  # type: ignore[no-untyped-def]
    data = private_dirs / "data"
    solo = _session("city_hospital", "solo", 1, 3)
    solo.autosave(data, "en")
    team = _session("mes_factory", "team", 2, 1)
    team.autosave(data, "zh")
    app = make_app("en", "menu")
    assert find_button(app, app.tr("ui.menu.resume", week=2)), "Continue offers the newest"
    click(app, find_button(app, app.tr("ui.menu.load")))
    assert isinstance(top(app), LoadScene)
    rows = [t for t in texts(app) if " · " in t]
    assert len(rows) == 2
    assert "Team" in rows[0] and "Week 2" in rows[0] and "中文" in rows[0]
    assert "Solo" in rows[1] and "Week 4" in rows[1] and "English" in rows[1]
    assert "Linjiang" in rows[1] and "autosave" in rows[1]


def test_a_damaged_autosave_is_refused_and_the_week_before_offered(make_app,  # type: ignore[no-untyped-def]
                                                                   private_dirs: Path) -> None:
    data = private_dirs / "data"
    session = _session("city_hospital", "solo", 4, 2)
    session.autosave(data, "en")
    session.end_week()
    newest = session.autosave(data, "en")
    _flip(newest)
    app = make_app("en", "load")
    scene = top(app)
    click(app, find_button(app, app.tr("ui.load.load")))
    assert top(app) is scene, "a damaged save must not open"
    assert app.tr("save.error.damaged", name=newest.name) in scene.message
    assert app.tr("save.fallback", week=3) in scene.message
    assert scene.entries[scene.selected].week == 3
    click(app, find_button(app, app.tr("ui.load.load")))
    board = top(app)
    assert isinstance(board, BoardScene) and board.session.state.week == 3
    assert board.session.game_id == session.game_id, "it goes on in the same slot"


def test_continue_with_a_damaged_autosave_says_why(make_app, private_dirs: Path) -> None:  # type: ignore[no-untyped-def]
    session = _session("city_hospital", "solo", 5, 1)
    path = session.autosave(private_dirs / "data", "en")
    _flip(path)
    app = make_app("en", "menu")
    click(app, find_button(app, app.tr("ui.menu.resume", week=2)))
    scene = top(app)
    assert isinstance(scene, LoadScene)
    assert scene.message == app.tr("save.error.damaged", name=path.name)
    press(app, pygame.K_ESCAPE)
    assert isinstance(top(app), MenuScene)
    assert app.tr("ui.menu.resume", week=2) not in texts(app)
    assert path.parent == saves_dir(private_dirs / "data")
