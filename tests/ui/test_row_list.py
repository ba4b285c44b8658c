"""The painted list of rows (game/ui/widgets/row_list.py): clicks, double clicks, disabled
buttons, tooltips, scrolling and its look; and the deal board's action list built on it,
driven by the keyboard."""

from __future__ import annotations

from typing import Any

import pygame
import pygame_gui

from game.ui.board.scene import BoardScene
from game.ui.widgets.row_list import Item, RowList, Side

from .helpers import click_at, find_button, press, top


def _items(n: int, prefix: str = "Row") -> list[Item]:
    return [Item(i, f"{prefix} {i}", f"tip {i}", "row_muted" if i == 2 else "row",
                 (Side("add", "+", "add it", enabled=i != 1, look="add"),))
            for i in range(n)]


def _list(app: Any, n: int = 3) -> RowList:
    app.manager.clear_and_reset()  # the list alone on screen
    rows = RowList((100, 100, 400, 150), app.manager, row_h=36, box_h=32, side_w=40)
    rows.set_items(_items(n))
    app.step(0.016, [])
    return rows


def _ui_events() -> list[Any]:
    return [e for e in pygame.event.get() if e.type in (pygame_gui.UI_BUTTON_PRESSED,
                                                        pygame_gui.UI_BUTTON_DOUBLE_CLICKED)]


def _press(app: Any, pos: tuple[int, int], up: tuple[int, int] | None = None) -> list[Any]:
    """Press and release the left button; the UI events the list posted."""
    pygame.event.clear()
    app.manager.process_events(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    app.manager.process_events(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=up or pos,
                                                  button=1))
    return _ui_events()


def test_clicks_report_the_row_and_the_part(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en")
    rows = _list(app)
    spots = {(s.key, s.part): s for s in rows.spots()}
    assert set(spots) == {(0, "row"), (0, "add"), (1, "row"), (1, "add"), (2, "row"),
                          (2, "add")}
    (event,) = _press(app, spots[(2, "row")].rect.center)
    assert event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is rows
    assert (event.key, event.part) == (2, "row")
    (event,) = _press(app, spots[(0, "add")].rect.center)
    assert (event.key, event.part) == (0, "add")
    assert not spots[(1, "add")].is_enabled
    assert _press(app, spots[(1, "add")].rect.center) == [], "a disabled button is dead"
    assert _press(app, spots[(0, "row")].rect.center, spots[(1, "row")].rect.center) == [], \
        "released on another row: no click"
    assert _press(app, (50, 50)) == []


def test_a_second_click_on_the_same_row_soon_is_a_double_click(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en")
    rows = _list(app)
    centre = rows.spots()[0].rect.center
    assert [e.type for e in _press(app, centre)] == [pygame_gui.UI_BUTTON_PRESSED]
    (event,) = _press(app, centre)
    assert event.type == pygame_gui.UI_BUTTON_DOUBLE_CLICKED and event.key == 0
    _press(app, centre)
    rows.update(app.manager.get_double_click_time() + 0.1)  # a while later: a first click
    assert [e.type for e in _press(app, centre)] == [pygame_gui.UI_BUTTON_PRESSED]
    rows.set_items([Item(9, "Another row")] + _items(3)[1:])  # another row in its place
    assert [e.type for e in _press(app, centre)] == [pygame_gui.UI_BUTTON_PRESSED]


def test_rows_keep_their_places_and_the_list_scrolls_only_when_asked(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en")
    rows = _list(app, 3)
    assert rows.bar is None, "three rows fit: no scroll bar"
    before = {s.key: s.rect for s in rows.spots() if s.part == "row"}
    rows.set_items([Item(i, f"Other words {i}") for i in range(3)], selected=1)
    assert {s.key: s.rect for s in rows.spots() if s.part == "row"} == before
    rows.set_items(_items(12), selected=0)
    assert rows.bar is not None and rows.bar.visible and rows.top == 0
    rows.select(11)
    assert rows.top == 0, "selecting does not scroll"
    rows.select(11, reveal=True)
    shown = {s.key: s.rect for s in rows.spots() if s.part == "row"}
    assert rows.rect.contains(shown[11]) and 0 not in shown
    rows.select(5, reveal=True)
    assert rows.rect.contains({s.key: s.rect for s in rows.spots()}[5])
    rows.set_items(_items(12), top=0)
    assert rows.top == 0
    rows.bar.set_scroll_from_start_percentage(0.5)  # the player drags the bar
    rows.update(0.016)
    assert rows.top == round(0.5 * rows.content_height)


def test_the_wheel_scrolls_the_list_under_the_pointer(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en")
    rows = _list(app, 12)
    pygame.mouse.set_pos(rows.rect.center)
    app.step(0.016, [])
    app.guard.settled()
    for _ in range(3):
        app.step(0.016, [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False,
                                            precise_x=0.0, precise_y=-1.0)])
    for _ in range(30):
        app.step(0.016, [])
    assert rows.top > 0


def test_the_row_under_the_pointer_shows_its_tooltip(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en")
    rows = _list(app)
    rows.set_items([Item(0, "A line far too long to fit in a box of this width " * 3,
                         lambda: "worked out when shown")] + _items(3)[1:])
    spots = {(s.key, s.part): s for s in rows.spots()}
    pygame.mouse.set_pos(spots[(0, "row")].rect.center)
    for _ in range(90):
        app.step(0.016, [])
    assert rows.tool_tip is not None
    tip = rows.tool_tip.text_block.html_text
    assert "worked out when shown" in tip and "far too long" in tip
    pygame.mouse.set_pos(spots[(1, "add")].rect.center)
    for _ in range(90):
        app.step(0.016, [])
    assert rows.tool_tip is not None and rows.tool_tip.text_block.html_text == "add it"
    pygame.mouse.set_pos((20, 20))
    app.step(0.016, [])
    assert rows.tool_tip is None


def test_lines_of_text_are_not_clickable_and_paint_only_their_text(make_app) -> None:  # type: ignore[no-untyped-def]
    """pygame_gui blends element images premultiplied: a text line's see-through pixels
    must leave the screen behind as it is."""
    app = make_app("en")
    app.manager.clear_and_reset()
    rows = RowList((100, 100, 400, 100), app.manager, row_h=32, box_h=28, side_w=38,
                   side_slots=0, first_y=0)
    rows.set_items([Item(1, "Rep: Call · Zhou", look="body",
                         sides=(Side("remove", "×", "withdraw"),))])
    app.step(0.016, [])
    spots = {s.part: s for s in rows.spots()}
    assert _press(app, spots["row"].rect.center) == []
    (event,) = _press(app, spots["remove"].rect.center)
    assert (event.key, event.part) == (1, "remove")
    screen = pygame.Surface((600, 300))
    screen.fill((200, 100, 100))
    app.manager.draw_ui(screen)
    assert screen.get_at((spots["row"].rect.right - 4, spots["row"].rect.top + 2)) == \
        (200, 100, 100, 255)


def test_the_action_list_by_keyboard(make_app) -> None:  # type: ignore[no-untyped-def]
    """↑↓ select the next row, scrolled into sight; Space plans it; the row stays put."""
    app = make_app("en", "new_game")
    click_at(app, find_button(app, "Start game ›").rect.center)
    click_at(app, find_button(app, "Begin week 1 ›").rect.center)
    board = top(app)
    assert isinstance(board, BoardScene)
    rows = board.w.actions
    for _ in range(len(board.rows) + 2):
        press(app, pygame.K_DOWN)
    last = board.rows[-1]
    assert board.selected == last.action and rows.selected == last.key
    assert last.key in [s.key for s in rows.spots()], "the selected row is in sight"
    usable = next(r for r in reversed(board.rows) if r.reason is None and not r.picker)
    while board.selected != usable.action:
        press(app, pygame.K_UP)
    where = {s.key: s.rect for s in rows.spots() if s.part == "row"}
    press(app, pygame.K_SPACE)
    assert usable.action in board.session.plan
    assert {s.key: s.rect for s in rows.spots() if s.part == "row"} == where, "nothing moved"


def test_every_painted_control_on_the_board_has_a_tooltip(make_app) -> None:  # type: ignore[no-untyped-def]
    """The tabs, the action rows and every small button of the board's painted lists say
    what they do (as every button of the board must)."""
    app = make_app("zh", "new_game")
    click_at(app, find_button(app, app.tr("ui.new_game.start")).rect.center)
    click_at(app, find_button(app, app.tr("ui.briefing.begin")).rect.center)
    board = top(app)
    assert isinstance(board, BoardScene)
    press(app, pygame.K_SPACE)  # a move in the plan, with its ×
    w = board.w
    assert w.plan_list is not None and w.plan_list.items
    for tabs in (w.role_tabs, w.panel_tabs):
        assert tabs is not None and all(t.tip for t in tabs.tabs)
    assert w.actions is not None
    for item in w.actions.items:
        assert item.tip is not None and item.tip(), item.text
    for rows in (w.actions, w.plan_list):
        for item in rows.items:
            assert all(side.tip for side in item.sides), item.text
