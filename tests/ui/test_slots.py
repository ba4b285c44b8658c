"""Widgets updated in place (game/ui/widgets/slots.py) and the board's clicks that use them;
the GUI manager's theme (game/ui/gui_manager.py) gives pygame_gui's own theming ids."""

from __future__ import annotations

import pygame
from pygame_gui.core import UIAppearanceTheme

from game.ui.board.scene import BoardScene
from game.ui.gui_manager import SHAPE_BUDGET, ShapeCache, Theme
from game.ui.widgets.slots import Slots

from .helpers import click, find_button, top


def test_a_slot_keeps_its_widget_while_its_place_stays(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en")
    slots = Slots(app.manager)
    slots.begin()
    a = slots.button("a", (10, 10, 200, 40), "One", "tip", "#action")
    b = slots.button("b", (10, 60, 200, 40), "Two")
    slots.end()
    slots.begin()
    a2 = slots.button("a", (10, 10, 200, 40), "Three", "other tip", "#action_on",
                      enabled=False)
    slots.end()
    assert a2 is a and a.text == "Three" and a.tool_tip_text == "other tip"
    assert not a.is_enabled and "#action_on" in a.object_ids
    assert not b.alive(), "a slot not asked for again is removed"
    slots.begin()
    moved = slots.button("a", (10, 20, 200, 40), "Three")
    slots.end()
    assert moved is not a and not a.alive() and slots.made == 3


def test_a_reused_button_does_not_finish_a_double_click(make_app) -> None:  # type: ignore[no-untyped-def]
    """A click on what now sits where another thing was is a first click."""
    app = make_app("en")
    slots = Slots(app.manager)
    slots.begin()
    btn = slots.button("row", (10, 10, 200, 40), "Call · Zhou", double=True)
    btn.double_click_timer = 0.0  # as just after a first click
    slots.button("row", (10, 10, 200, 40), "Call · Zhou", object_id="#action_on",
                 double=True)
    assert btn.double_click_timer == 0.0, "the same row, only selected: a double click counts"
    slots.button("row", (10, 10, 200, 40), "Call · Qian", double=True)
    assert btn.double_click_timer > app.manager.get_double_click_time()


def test_board_clicks_make_no_new_widgets(make_app) -> None:  # type: ignore[no-untyped-def]
    """Picking people, selecting and planning an action and undoing it change the lists'
    rows and a few buttons in place: no widget is made anew."""
    app = make_app("en", "new_game")
    click(app, find_button(app, "Start game ›"))
    click(app, find_button(app, "Begin week 1 ›"))
    board = top(app)
    assert isinstance(board, BoardScene)
    actions, plan = board.w.actions, board.w.plan_list
    made = board.w.slots.made
    people = list(board.cards)
    click(app, board.w.cards[people[1]])
    click(app, board.w.cards[people[0]])
    usable = [(b, r) for b, r in board.w.rows if r.reason is None and not r.picker]
    click(app, usable[0][0])
    assert board.selected == usable[0][1].action
    assert actions.selected == usable[0][1].key, "the selected row looks selected"
    click(app, board.w.plan_button)
    assert board.session.plan == [usable[0][1].action]
    assert [i.key for i in plan.items] == [e.id for e in board.session.week.entries]
    click(app, board.w.named["undo"])
    assert board.session.plan == [] and not plan.items
    assert board.w.actions is actions and board.w.plan_list is plan
    assert board.w.slots.made == made


def test_theme_ids_match_pygame_gui() -> None:
    pygame.init()
    ours, theirs = Theme(None, "en"), UIAppearanceTheme(None, "en")
    cases = [
        (["root_container", "button"], ["root_container", "button"], [None, None],
         ["#root_container", "#action"]),
        (["root_container", "scrolling_container", "container", "button"],
         ["root_container", "scrolling_container", "container", "button"],
         [None, None, "@list", None], ["#root_container", None, "#scrollable_area", "#add"]),
        (None, ["button"], None, None),
    ]
    for case in cases:
        assert ours.build_all_combined_ids(*case) == theirs.build_all_combined_ids(*case)
        assert ours.build_all_combined_ids(*case) == theirs.build_all_combined_ids(*case)


def test_shape_cache_lets_unused_shapes_go_over_budget() -> None:
    pygame.init()
    cache = ShapeCache()
    shape = pygame.Surface((400, 400), pygame.SRCALPHA)  # 640 KB
    for i in range(2 * SHAPE_BUDGET // (400 * 400 * 4)):
        cache.add_surface_to_cache(shape, f"s{i}")
        cache.update()
        assert f"s{i}" in cache.cache_long_term_lookup
        cache.remove_user_from_cache_item(f"s{i}")  # its widget went: a shape used once
        cache.consider_purging_list.append(f"s{i}")  # the list may repeat an id
    cache.update()
    assert cache._bytes <= SHAPE_BUDGET
    assert not cache.cache_surfaces, "no 4 MB atlas"
