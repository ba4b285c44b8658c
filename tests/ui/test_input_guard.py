"""A person's rhythm never carries an input into the next scene or confirms something the
player did not see: held keys, quick double presses and double clicks, presses queued while
a scene changes. Headless, with the frames' own clock (the Xvfb test does it for real)."""

from __future__ import annotations

import pygame

from game.ui.board.scene import BoardScene
from game.ui.input_guard import InputGuard
from game.ui.week.dialogs import ConfirmEndScene, GameMenuScene
from game.ui.week.review import ResolveScene, ReviewScene

from .helpers import board_at, click, press, settle, top


def key(k: int, up: bool = False) -> pygame.event.Event:
    kind = pygame.KEYUP if up else pygame.KEYDOWN
    return pygame.event.Event(kind, key=k, mod=0, unicode="", scancode=0)


def mouse(kind: int, pos: tuple[int, int]) -> pygame.event.Event:
    if kind == pygame.MOUSEMOTION:
        return pygame.event.Event(kind, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    return pygame.event.Event(kind, pos=pos, button=1)


def hold(app, k: int, seconds: float, frame: float = 0.04) -> None:  # type: ignore[no-untyped-def]
    """Key down, then what pygame's key repeat sends every frame while it is held, then up."""
    app.step(frame, [key(k)])
    t = frame
    while t < seconds:
        app.step(frame, [key(k)])
        t += frame
    app.step(frame, [key(k, up=True)])
    app.step(frame, [])


def to_review(app, board: BoardScene) -> None:  # type: ignore[no-untyped-def]
    """End the week the deliberate way and stop on the MPC review."""
    press(app, pygame.K_RETURN)
    if isinstance(top(app), ConfirmEndScene):
        press(app, pygame.K_RETURN)
    assert isinstance(top(app), ResolveScene)
    press(app, pygame.K_SPACE)
    press(app, pygame.K_RETURN)
    assert isinstance(top(app), ReviewScene)


def test_guard_rules() -> None:
    g = InputGuard(settle_s=0.3)
    g.tick(1.0)
    assert not g.drops(key(pygame.K_RETURN))
    assert g.drops(key(pygame.K_RETURN)), "a held Enter repeats: dropped"
    assert not g.drops(key(pygame.K_RETURN, up=True))
    g.scene_changed()
    assert g.drops(key(pygame.K_a)), "nothing counts before the new scene is drawn"
    g.shown()
    g.tick(0.1)
    assert g.drops(mouse(pygame.MOUSEBUTTONDOWN, (1, 1)))
    assert g.drops(mouse(pygame.MOUSEBUTTONUP, (1, 1))), "that click's release goes too"
    g.tick(0.3)
    assert g.drops(key(pygame.K_a)), "a key pressed while settling stays dropped until up"
    assert not g.drops(key(pygame.K_a, up=True))
    assert not g.drops(key(pygame.K_a))
    assert not g.drops(key(pygame.K_DOWN)) and not g.drops(key(pygame.K_DOWN)), \
        "arrows may repeat (moving through a list)"
    assert not g.drops(mouse(pygame.MOUSEBUTTONDOWN, (1, 1)))
    g.scene_changed()
    g.shown()
    g.tick(1.0)
    assert g.drops(mouse(pygame.MOUSEBUTTONUP, (1, 1))), "pressed in the old scene"


def test_held_enter_on_the_review_never_reaches_the_board(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "menu")
    board = board_at(app, "city_hospital", 7, lambda v: v["week"] >= 2)
    to_review(app, board)
    week = board.session.view["week"]
    settle(app)
    hold(app, pygame.K_RETURN, 2.0)  # key repeat (400 ms, then every 40 ms) for two seconds
    assert top(app) is board, "one Enter closes the review and does nothing more"
    assert board.session.view["week"] == week


def test_two_quick_enters_never_confirm_the_dialog_the_first_opened(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "menu")
    board = board_at(app, "city_hospital", 7, lambda v: v["week"] >= 2)
    week = board.session.view["week"]
    settle(app)
    for gap in (0.1, 0.1):  # a quick double press, 100 ms apart, each a full press
        app.step(gap, [key(pygame.K_RETURN), key(pygame.K_RETURN, up=True)])
    assert isinstance(top(app), ConfirmEndScene), "the second Enter was not seen through"
    assert board.session.view["week"] == week
    press(app, pygame.K_ESCAPE)
    assert top(app) is board


def test_enter_queued_behind_a_scene_change_is_dropped(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "menu")
    board = board_at(app, "city_hospital", 7, lambda v: v["week"] >= 2)
    settle(app)
    # Esc opens the game menu; a second Esc, pressed 120 ms later, waited in the queue while
    # a busy machine drew the menu: it arrives in the menu's first frames
    app.step(0.016, [key(pygame.K_ESCAPE), key(pygame.K_ESCAPE, up=True)])
    app.step(0.12, [key(pygame.K_ESCAPE), key(pygame.K_ESCAPE, up=True)])
    app.step(0.016)
    assert isinstance(top(app), GameMenuScene), "the second Esc would have closed it unseen"
    press(app, pygame.K_ESCAPE)
    assert top(app) is board


def test_double_click_does_not_click_the_dialog_it_opens(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "menu")
    board = board_at(app, "city_hospital", 7, lambda v: v["week"] >= 2)
    week = board.session.view["week"]
    click(app, board.w.named["end"])
    dialog = top(app)
    assert isinstance(dialog, ConfirmEndScene)
    # the second click of a double click lands where the dialog's confirm button now is
    go = dialog.buttons["go"].rect.center
    app.step(0.08, [mouse(pygame.MOUSEMOTION, go), mouse(pygame.MOUSEBUTTONDOWN, go),
                    mouse(pygame.MOUSEBUTTONUP, go)])
    app.step(0.016)  # pygame_gui's own events (a button pressed) come through the queue
    app.step(0.016)
    assert top(app) is dialog and board.session.view["week"] == week
    click(app, dialog.buttons["go"])  # a deliberate click a moment later does confirm
    assert isinstance(top(app), ResolveScene)


def test_space_held_on_the_summary_never_plans_on_the_board(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "menu")
    board = board_at(app, "city_hospital", 7, lambda v: v["week"] >= 2)
    press(app, pygame.K_RETURN)
    if isinstance(top(app), ConfirmEndScene):
        press(app, pygame.K_RETURN)
    assert isinstance(top(app), ResolveScene)
    settle(app)
    hold(app, pygame.K_SPACE, 1.0)
    press(app, pygame.K_RETURN)
    assert isinstance(top(app), ReviewScene)
    settle(app)
    hold(app, pygame.K_RETURN, 1.0)
    assert top(app) is board
    hold(app, pygame.K_SPACE, 0.2)  # now a real press on the board plans one action
    assert len(board.session.plan) <= 1
