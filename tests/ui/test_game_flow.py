"""A whole week through the screens, headless: new game, briefing, plan, undo, end week,
summary, MPC review; the autosave holds the result and the menu offers to resume it."""

from __future__ import annotations

import json
from pathlib import Path

import pygame

from game.ui.scenes.board import BoardScene
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.week import ResolveScene, ReviewScene
from game.ui.session import autosave_path

from .helpers import click, find_button, press


def test_one_week_by_mouse(make_app, private_dirs: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "new_game")
    click(app, find_button(app, "Start game ›"))
    assert isinstance(app.stack.top, BriefingScene)
    click(app, find_button(app, "Begin week 1 ›"))
    board = app.stack.top
    assert isinstance(board, BoardScene)
    enabled = [(b, a) for b, a, r in board.option_buttons if r is None]
    assert enabled, "no action can be planned in week 1"
    click(app, enabled[0][0])
    assert board.session.plan == [enabled[0][1]]
    press(app, pygame.K_z, pygame.KMOD_CTRL)  # undo
    assert board.session.plan == []
    board = app.stack.top
    first = next(b for b, a, r in board.option_buttons if r is None)
    click(app, first)
    planned = list(board.session.plan)
    assert planned
    click(app, find_button(app, "End week ›"))
    assert isinstance(app.stack.top, ResolveScene)
    press(app, pygame.K_SPACE)  # skip the animation
    click(app, find_button(app, "MPC review ›"))
    assert isinstance(app.stack.top, ReviewScene)
    click(app, find_button(app, "Back to the board ›"))
    assert isinstance(app.stack.top, BoardScene)
    assert board.session.state.week == 2
    save = json.loads(autosave_path(private_dirs / "data").read_text(encoding="utf-8"))
    assert save["meta"]["week"] == 2 and save["meta"]["in_progress"] is True
    team = save["meta"]["team"]
    assert save["plans"][0][team][0]["kind"] == planned[0].kind


def test_menu_offers_to_resume(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "new_game")
    click(app, find_button(app, "Start game ›"))
    click(app, find_button(app, "Begin week 1 ›"))
    app2 = make_app("en", "menu")
    assert isinstance(app2.stack.top, MenuScene)
    click(app2, find_button(app2, "Continue your game (week 1)"))
    assert isinstance(app2.stack.top, BoardScene)


def test_board_builds_everywhere(make_app) -> None:  # type: ignore[no-untyped-def]
    import warnings

    from pygame_gui.elements import UIButton

    for lang in ("zh", "en"):
        for size in ((1024, 600), (1280, 720), (1920, 1080)):
            app = make_app(lang, "new_game", size)
            click(app, find_button(app, app.tr("ui.new_game.start")))
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                click(app, find_button(app, app.tr("ui.briefing.begin")))
                assert isinstance(app.stack.top, BoardScene)
            for w in app.manager.get_sprite_group().sprites():
                if isinstance(w, UIButton) and w.ui_container is app.manager.get_root_container():
                    assert w.tool_tip_text, f"button {w.text!r} has no tooltip"
