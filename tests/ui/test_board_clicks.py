"""A click on the board shows in the frame that reads it (game/ui/app.py), on what the board
prepared while the player read it (game/ui/board/scene.py); the areas over painted things
are one element (game/ui/widgets/hit_map.py); the session keeps the options of the last
few plans (game/ui/session.py)."""

from __future__ import annotations

from typing import Any

import pygame
import pygame_gui

from game.core.checks import legal_actions
from game.ui import widgets
from game.ui.board.scene import BoardScene
from game.ui.widgets.hit_map import Area, HitMap

from .helpers import click, find_button, top


def _board(make_app: Any) -> tuple[Any, BoardScene]:
    app = make_app("en", "new_game")
    click(app, find_button(app, "Start game ›"))
    click(app, find_button(app, "Begin week 1 ›"))
    board = top(app)
    assert isinstance(board, BoardScene)
    return app, board


def _read(app: Any, seconds: float = 0.5) -> None:
    """The player reads the board: the game draws its frames meanwhile."""
    for _ in range(round(seconds * 60)):
        app.step(1 / 60, [])


def _one_frame_click(app: Any, pos: tuple[int, int]) -> None:
    """Press and release at ``pos``, and only the frame that reads them."""
    pygame.mouse.set_pos(pos)
    app.guard.settled()
    app.step(1 / 60, [pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
                      pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1)])


def test_a_click_shows_in_the_frame_that_reads_it(make_app) -> None:  # type: ignore[no-untyped-def]
    """A card, a row, the Plan button (a pygame_gui button) and Undo: each click's effect is
    drawn by the frame that read the click, not a frame later."""
    app, board = _board(make_app)
    people = list(board.cards)
    frame = app.frame
    _one_frame_click(app, board.w.cards[people[1]].rect.center)
    assert board.person == people[1] and app.frame == frame + 1
    spot, row = next((s, r) for s, r in board.w.rows if r.reason is None and not r.picker)
    _one_frame_click(app, spot.rect.center)
    assert board.selected == row.action
    _one_frame_click(app, board.w.plan_button.rect.center)
    assert board.session.plan == [row.action]
    _one_frame_click(app, board.w.named["undo"].rect.center)
    assert board.session.plan == []


def test_a_quick_double_click_never_confirms_what_its_first_half_opened(make_app) -> None:  # type: ignore[no-untyped-def]
    """Both halves of a double click read by one frame: the first opens the game menu, the
    second lands on the menu before anyone could see it and is dropped."""
    app, board = _board(make_app)
    pos = board.w.named["menu"].rect.center
    pygame.mouse.set_pos(pos)
    app.guard.settled()
    down = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)
    up = pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1)
    dropped = app.guard.dropped
    app.step(1 / 60, [down, up, down, up])
    menu = top(app)
    assert menu is not board and app.guard.dropped == dropped + 2
    for _ in range(3):
        app.step(1 / 60, [])
    assert top(app) is menu, "the second click did nothing on the menu"


def test_clicks_on_a_board_the_player_has_read_render_no_new_text(make_app) -> None:  # type: ignore[no-untyped-def]
    """While the player reads the board, it prepares what the next clicks show: picking a
    person, a row of theirs, planning it and undoing it then only blit kept pictures."""
    app, board = _board(make_app)
    _read(app)
    people = list(board.cards)
    for pid in people[1:4]:
        misses = widgets.rendered.cache_info().misses
        _one_frame_click(app, board.w.cards[pid].rect.center)
        assert board.person == pid
        assert widgets.rendered.cache_info().misses == misses, f"picking {pid} drew new text"
        _read(app, 0.3)
        usable = [(s, r) for s, r in board.w.rows if r.reason is None and not r.picker]
        if not usable:
            continue
        spot, row = usable[-1]
        misses = widgets.rendered.cache_info().misses
        _one_frame_click(app, spot.rect.center)
        assert board.selected == row.action
        assert widgets.rendered.cache_info().misses == misses, f"{row.key} drew new text"
        _read(app, 0.3)
        misses = widgets.rendered.cache_info().misses
        _one_frame_click(app, board.w.plan_button.rect.center)
        assert board.session.plan == [row.action]
        assert widgets.rendered.cache_info().misses == misses, f"planning {row.key} drew text"
        _read(app, 0.3)
        misses = widgets.rendered.cache_info().misses
        _one_frame_click(app, board.w.named["undo"].rect.center)
        assert board.session.plan == []
        assert widgets.rendered.cache_info().misses == misses, f"undoing {row.key} drew text"
        _read(app, 0.3)


def test_the_session_keeps_the_options_of_the_last_plans(make_app) -> None:  # type: ignore[no-untyped-def]
    """Options asked for a move planned in advance are what the rules give once it is
    planned; an undo finds the options it had."""
    app, board = _board(make_app)
    s, role = board.session, board.role
    before = s.options(role)
    action = next(o.action for o in before if o.enabled and o.action.target and o.roles == (role,))
    ahead = s.options(role, action)
    assert s.add(action, role) is None
    after = s.options(role)
    assert after is ahead
    assert after == legal_actions(s._checked_view(role), s.week.seen_actions(role, True), role)
    assert s.undo(role)
    assert s.options(role) is before


def test_a_hit_map_gives_each_area_its_tooltip_and_click(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en")
    app.manager.clear_and_reset()
    hits = HitMap([Area("a", pygame.Rect(10, 10, 100, 40), "tip of a", pressable=True),
                   Area(("b",), pygame.Rect(200, 10, 100, 40), "tip of b")], app.manager)
    wait = hits.tool_tip_delay + 0.1  # each frame's time counts towards the tooltip
    pygame.mouse.set_pos((50, 30))
    for _ in range(2):
        app.step(wait, [])
    assert hits.hovered_key == "a" and hits.tool_tip is not None
    assert hits.tool_tip.text_block.html_text == "tip of a"
    pygame.mouse.set_pos((250, 30))
    for _ in range(2):
        app.step(wait, [])
    assert hits.hovered_key == ("b",) and hits.tool_tip.text_block.html_text == "tip of b"
    pygame.mouse.set_pos((150, 30))  # between the areas: nothing hovered
    app.step(0.016, [])
    assert hits.hovered_key is None and hits.tool_tip is None
    pygame.event.clear()
    for pos, pressed in (((50, 30), ["a"]), ((250, 30), [])):
        hits.process_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        hits.process_event(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        got = [e.key for e in pygame.event.get(pygame_gui.UI_BUTTON_PRESSED)]
        assert got == pressed
    # pressed on one area and released elsewhere: no click
    hits.process_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(50, 30), button=1))
    hits.process_event(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(250, 30), button=1))
    assert not pygame.event.get(pygame_gui.UI_BUTTON_PRESSED)
