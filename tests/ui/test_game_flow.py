"""A whole week through the screens, headless: new game, briefing, plan, undo, end week,
summary, MPC review; the autosave holds the result and the menu offers to resume it."""

from __future__ import annotations

import warnings
from pathlib import Path

import pygame
from pygame_gui.elements import UIButton

from game.core.serialize import state_to_dict
from game.save import autosave_path, load_save
from game.ui.board.scene import BoardScene
from game.ui.menu.briefing import BriefingScene
from game.ui.menu.menu import MenuScene
from game.ui.week.dialogs import ConfirmEndScene
from game.ui.week.review import ResolveScene, ReviewScene

from .helpers import click, enabled_adds, find_button, press, top


def test_one_week_by_mouse(make_app, private_dirs: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "new_game")
    click(app, find_button(app, "Start game ›"))
    assert isinstance(top(app), BriefingScene)
    click(app, find_button(app, "Begin week 1 ›"))
    board = top(app)
    assert isinstance(board, BoardScene)
    adds = enabled_adds(board)
    assert adds, "no action can be planned in week 1"
    click(app, adds[0][0])
    assert board.session.plan == [adds[0][1].action]
    press(app, pygame.K_z, pygame.KMOD_CTRL)  # undo
    assert board.session.plan == []
    first = enabled_adds(board)[0]
    click(app, first[0])
    planned = list(board.session.plan)
    assert planned
    click(app, find_button(app, "End week ›"))
    # the other roles planned nothing: the board asks once before the irreversible step
    assert isinstance(top(app), ConfirmEndScene)
    click(app, top(app).buttons["go"])
    assert isinstance(top(app), ResolveScene)
    press(app, pygame.K_SPACE)  # skip the animation
    click(app, find_button(app, "MPC review ›"))
    assert isinstance(top(app), ReviewScene)
    click(app, find_button(app, "Back to the board ›"))
    assert isinstance(top(app), BoardScene)
    assert board.session.state.week == 2
    saved = load_save(autosave_path(board.session.game_id, private_dirs / "data" / "saves"))
    assert saved.info.week == 2 and not saved.info.finished and saved.info.language == "en"
    team = saved.meta["team"]
    assert state_to_dict(saved.state)["plans"][0][team][0]["kind"] == planned[0].kind


def test_select_then_plan_with_the_preview_button(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "new_game")
    click(app, find_button(app, "Start game ›"))
    click(app, find_button(app, "Begin week 1 ›"))
    board = top(app)
    usable = [(b, row) for b, row in board.w.rows if row.reason is None]
    row_button, row = usable[1]  # the second row: on screen without scrolling
    click(app, row_button)  # selecting shows the preview, plans nothing
    assert board.selected == row.action and board.session.plan == []
    assert board._backdrop.action_title and board._backdrop.preview
    click(app, board.w.plan_button)
    assert board.session.plan == [row.action]
    press(app, pygame.K_DOWN)
    press(app, pygame.K_SPACE)  # the keyboard does the same
    assert len(board.session.plan) in (1, 2)


def test_keep_planning_returns_to_the_board(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "new_game")
    click(app, find_button(app, "Start game ›"))
    click(app, find_button(app, "Begin week 1 ›"))
    press(app, pygame.K_RETURN)
    assert isinstance(top(app), ConfirmEndScene)
    click(app, top(app).buttons["back"])
    assert isinstance(top(app), BoardScene) and top(app).session.state.week == 1


def test_menu_offers_to_resume(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "new_game")
    click(app, find_button(app, "Start game ›"))
    click(app, find_button(app, "Begin week 1 ›"))
    app2 = make_app("en", "menu")
    assert isinstance(top(app2), MenuScene)
    click(app2, find_button(app2, "Continue your game (week 1)"))
    assert isinstance(top(app2), BoardScene)


def test_board_builds_everywhere_without_overlap(make_app) -> None:  # type: ignore[no-untyped-def]
    """At every supported size and in both languages: no label is cut by pygame_gui, every
    control has a tooltip, top-level widgets stay on screen and never overlap."""
    for lang in ("zh", "en"):
        for size in ((1024, 600), (1280, 720), (1920, 1080)):
            app = make_app(lang, "new_game", size)
            click(app, find_button(app, app.tr("ui.new_game.start")))
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                click(app, find_button(app, app.tr("ui.briefing.begin")))
                assert isinstance(top(app), BoardScene)
                board = top(app)
                click(app, board.w.rows[0][0])
            root = app.manager.get_root_container()
            items = [w for w in app.manager.get_sprite_group().sprites()
                     if w.ui_container is root and isinstance(w, UIButton)]
            screen = pygame.Rect(0, 0, *size)
            for w in items:
                assert w.tool_tip_text, f"button {w.text!r} has no tooltip"
                assert screen.contains(w.rect), f"{w.text!r} {w.rect} off screen {size}"
            for i, a in enumerate(items):
                for b in items[i + 1:]:
                    assert not a.rect.colliderect(b.rect), (
                        f"{lang} {size}: {a.text!r} {a.rect} overlaps {b.text!r} {b.rect}")
            assert board.layout.actions.height >= 2 * 36, "the action list must show two rows"
