"""What the deal board prepares while the player reads it, so that a click only shows it.

A click on the board shows words and pictures that were never on screen before: a person's
card as it looks picked, their actions' rows, the preview of the row then selected, a
planned move's line, the role's days left. Rendering Chinese text, drawing a card or a
button's look, and the rules' list of what may be planned next each cost a millisecond or
more, which made a session's first clicks the slowest. The frames in which nothing changes
(the player reading, the pointer on its way) each do one small piece of that work
(``warm_one``), in the order the next clicks are likely to need it: first every person as
picking them shows them, then, after each click, what planning the selected row would
show, then the preview of each row in sight. What they make goes into the same memos the
painting reads (``game.ui.widgets.rendered``, the card and preview pictures, the lists'
faces, the session's options), so a guess that does not come true costs nothing but the
idle frame's time.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from game.ui.board import draw as board_draw
from game.ui.board import paint as board_paint
from game.ui.board import rows as board_rows
from game.ui.board.access import card_tags
from game.ui.board.build import action_items, panel_tabs, plan_item, role_tabs, row_tip
from game.ui.board.layout import ROW_H
from game.ui.words import action_name

if TYPE_CHECKING:
    from game.ui.board.scene import BoardScene


def warm_one(scene: BoardScene) -> None:
    """One piece of the work (a millisecond or two), in a frame that shows no change."""
    actions = scene.w.actions
    if scene._backdrop is None or actions is None or not actions.alive():
        return
    if scene._warm:
        _person(scene, scene._warm.pop(), actions)
    elif scene._warm_next:
        scene._warm_next = False
        _plan(scene)
        scene._warm_rows = [row for _spot, row in scene.w.rows]
    elif scene._warm_rows:  # the preview a click on another row shows
        row = scene._warm_rows.pop(0)
        if row.key in scene.w.listed:
            board_paint.warm(scene._make_backdrop(scene.session.view, scene.ctx.tr,
                                                  scene.person, row))


def _person(scene: BoardScene, pid: str, actions: Any) -> None:
    """``pid`` as picking them shows them: their card picked, the first rows of their
    actions, the preview of the row then selected, the words around it, the sway lines."""
    if pid not in scene.cards:
        return
    v, tr = scene.session.view, scene.ctx.tr
    person = next(p for p in v["people"] if p["id"] == pid)
    planned = scene._backdrop.planned.get(pid, 0) if scene._backdrop else 0
    board_paint.card_image(scene.cards[pid].size, person, tr, True, planned,
                           card_tags(v, person, tr))
    rows = board_rows.action_rows(scene._options(), pid, v["me"]["stage"], v)
    shown = scene.layout.actions.height // ROW_H + 1
    usable = [r for r in rows if r.reason is None] or rows
    keys = {r.key: r for r in rows}
    cur = (scene.selected.kind, scene.selected.target) if scene.selected else None
    row = keys.get(cur) if cur is not None else None  # as ``BoardScene._rows`` keeps or
    row = row or (usable[0] if usable else None)  # picks it
    actions.warm(action_items(scene, scene.w, rows[:shown]), row.key if row else None)
    board_paint.warm(scene._make_backdrop(v, tr, pid, row))
    board_draw.sway_layer(scene.cards, v["people"], pid, scene.show_all_sways)


def _plan(scene: BoardScene) -> None:
    """What planning the selected row shows: the picked card with one more move, the rows
    and tabs as they will read, the money left, the status line (and an undo's), the
    move's line in the plan, the Plan button greyed out; and the picked card as it looks
    once another person is picked."""
    row, pid = scene.selected_row(), scene.person
    if pid not in scene.cards:
        return
    v, tr, s, w = scene.session.view, scene.ctx.tr, scene.session, scene.w
    person = next(p for p in v["people"] if p["id"] == pid)
    board_paint.card_image(scene.cards[pid].size, person, tr, False,
                           scene._backdrop.planned.get(pid, 0) if scene._backdrop else 0,
                           card_tags(v, person, tr))
    if row is None or row.reason is not None or row.picker:
        return
    after = row  # the row as it reads once planned
    if scene.playable(scene.role):
        options = s.options(scene.role, row.action)  # kept: the click finds them
        rows = board_rows.action_rows(options, pid, v["me"]["stage"], v)
        after = next((r for r in rows if r.key == row.key), row)
        if w.actions is not None and w.actions.alive():
            w.actions.warm(action_items(scene, w, rows), row.key)
        row_tip(scene, w, after)  # the preview's tooltip then
    left = {r: n - (row.days if r in row.roles else 0) for r, n in s.time_left().items()}
    if w.role_tabs is not None and w.role_tabs.alive():
        w.role_tabs.warm(role_tabs(scene, left)[1])
    if w.panel_tabs is not None and w.panel_tabs.alive():
        w.panel_tabs.warm(panel_tabs(scene, len(scene.visible()) + 1)[1])
    planned = [e.action for e in scene.visible() if e.holds] + [row.action]
    b = scene._make_backdrop(v, tr, pid, after, planned)
    board_paint.card_image(scene.cards[pid].size, person, tr, True, b.planned.get(pid, 0),
                           card_tags(v, person, tr))
    what = action_name(row.action, v, tr)
    board_paint.warm(dataclasses.replace(b, status=tr("ui.board.planned", what=what),
                                         budget_left=b.budget_left - row.cost),
                     w.status_rect.width, (tr("ui.board.undone"),))
    if w.plan_list is not None and w.plan_list.alive():
        w.plan_list.warm([plan_item(scene, row.action)])
    for button in (w.plan_button, w.named.get("undo")):
        _draw_states(button)


def _draw_states(button: Any) -> None:
    """Draw a pygame_gui button's enabled and disabled looks now if it has not yet (it
    draws a look the first time it takes it: a click that greys the button out would)."""
    shape = getattr(button, "drawable_shape", None) if button is not None else None
    if shape is None or not button.alive():
        return
    for look in ("normal", "disabled"):
        state = shape.states.get(look)
        if state is not None and not state.generated:
            shape.redraw_state(look)
