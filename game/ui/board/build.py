"""The deal board's widgets, built from the scene's state in the layout's rectangles.

Only what a player clicks or hovers is a widget: buttons, the action list (one element that
paints its rows, ``game.ui.widgets.row_list``), the panels' text, and invisible hit areas
that carry tooltips for painted things (the calendar, the money, the stage rows).
Everything else is painted by ``board_paint``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pygame
from pygame_gui.elements import UIButton

from game.ui import theme, words
from game.ui.board import rows as board_rows
from game.ui.board.layout import GAP, PAD, ROW_H, split_row
from game.ui.preview import preview_text
from game.ui.setup import ROLES
from game.ui.widgets import button, esc, para, text_width
from game.ui.widgets.hit_area import HitArea
from game.ui.widgets.hit_map import Area, HitMap
from game.ui.widgets.painted import Spot
from game.ui.widgets.row_list import Item, RowList, Side
from game.ui.widgets.slots import Slots
from game.ui.widgets.tab_row import Tab, TabRow

if TYPE_CHECKING:
    from game.play.team_week import Entry
    from game.ui.board.scene import BoardScene

PANELS = ("plan", "exit", "c931", "log")
ADD_W = 40


@dataclass
class BoardWidgets:
    #: the areas over the painted cards, top bar, stage rows and legend (their tooltips,
    #: and a click on a card), one element for all; the cards' areas by person
    hits: HitMap | None = None
    cards: dict[str, Area] = field(default_factory=dict)
    #: the role tabs and the lower panel's tabs, each row painted as one element
    role_tabs: TabRow | None = None
    panel_tabs: TabRow | None = None
    named: dict[str, UIButton] = field(default_factory=dict)
    plan_button: UIButton | None = None
    preview_hit: HitArea | None = None
    #: the action list, painted by itself (``game.ui.widgets.row_list``), and the rows it
    #: shows by their keys
    actions: RowList | None = None
    listed: dict[tuple[str, str | None], board_rows.Row] = field(default_factory=dict)
    #: the week's plan, painted the same way (its rows keyed by the plan's entry ids)
    plan_list: RowList | None = None
    status_rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    #: what a click can change (role tabs, actions, preview, panel, bottom row), by slot:
    #: a refresh updates these widgets in place, while the top bar, the stage track and
    #: the cards stay as they are
    slots: Slots | None = None
    #: each row's text and tooltip and each action's preview lines for one view and
    #: language (they depend on nothing else, and most rows look after a click as they
    #: did before)
    words: dict[tuple[str, Any], Any] = field(default_factory=dict)
    words_for: tuple[Any, str] | None = None

    @property
    def roles(self) -> dict[str, Spot]:
        """Each role's tab where it is, by role."""
        return _tabs(self.role_tabs)

    @property
    def panels(self) -> dict[str, Spot]:
        return _tabs(self.panel_tabs)

    @property
    def rows(self) -> list[tuple[Spot, board_rows.Row]]:
        """The action rows a player can click now (in sight), with where they are."""
        return [(s, self.listed[s.key]) for s in _spots(self.actions, "row")]

    @property
    def adds(self) -> list[tuple[Spot, board_rows.Row]]:
        """The rows' "+" (or "…") buttons in sight; a row with a reason has none."""
        return [(s, self.listed[s.key]) for s in _spots(self.actions, "add")]

    @property
    def removes(self) -> list[tuple[Spot, int]]:
        """The plan's × in sight (withdraw a move), with the entry each withdraws."""
        return [(s, s.key) for s in _spots(self.plan_list, "remove")]

    @property
    def earliers(self) -> list[tuple[Spot, int]]:
        """The plan's ▲ in sight (move one place earlier), with the entry each moves."""
        return [(s, s.key) for s in _spots(self.plan_list, "earlier")]

    @property
    def accepts(self) -> list[tuple[Spot, int]]:
        return [(s, s.key) for s in _spots(self.plan_list, "yes")]

    @property
    def declines(self) -> list[tuple[Spot, int]]:
        return [(s, s.key) for s in _spots(self.plan_list, "no")]


def _tabs(row: TabRow | None) -> dict[str, Spot]:
    if row is None or not row.alive():
        return {}
    return {str(s.key): s for s in row.spots()}


def _spots(rows: RowList | None, part: str) -> list[Spot]:
    if rows is None or not rows.alive():
        return []
    return [s for s in rows.spots() if s.part == part]


def fits(text: str, rect: pygame.Rect) -> bool:
    """Whether a button of ``rect`` shows ``text`` whole (the button's own padding kept)."""
    return text_width(text, theme.BUTTON, True) <= rect.width - min(28, rect.width // 3)


def build_widgets(scene: BoardScene) -> BoardWidgets:
    w = BoardWidgets(slots=Slots(scene.ctx.manager))
    areas = _top(scene, w) + _cards(scene, w)
    w.hits = HitMap(areas, scene.ctx.manager)
    refresh_widgets(scene, w)
    return w


def _slots(w: BoardWidgets) -> Slots:
    assert w.slots is not None, "BoardWidgets made without build_widgets"
    return w.slots


def _memo(scene: BoardScene, w: BoardWidgets) -> dict[tuple[str, Any], Any]:
    v, tr = scene.session.view, scene.ctx.tr
    if w.words_for is None or w.words_for[0] is not v or w.words_for[1] != tr.language:
        w.words, w.words_for = {}, (v, tr.language)
    return w.words


def row_text(scene: BoardScene, w: BoardWidgets, row: board_rows.Row) -> str:
    """An action row's line (memoised, see ``BoardWidgets.words``)."""
    memo = _memo(scene, w)
    found = memo.get(("text", row))
    if found is None:
        found = memo[("text", row)] = board_rows.row_text(row, scene.session.view,
                                                          scene.ctx.tr)
    return found


def preview_lines(scene: BoardScene, w: BoardWidgets, action: Any) -> list[tuple[str, str]]:
    """What ``action`` would do now, as the preview's lines (memoised like ``row_text``:
    every click that shows an action's preview asks again)."""
    memo = _memo(scene, w)
    found = memo.get(("preview", action))
    if found is None:
        found = memo[("preview", action)] = preview_text(scene.session.view, action,
                                                         scene.ctx.tr)
    return list(found)


def row_tip(scene: BoardScene, w: BoardWidgets, row: board_rows.Row) -> str:
    """A row's tooltip (it previews the move: worked out when first shown)."""
    memo = _memo(scene, w)
    found = memo.get(("tip", row))
    if found is None:
        found = memo[("tip", row)] = board_rows.row_tip(row, scene.session.view, scene.ctx.tr)
    return found


def refresh_widgets(scene: BoardScene, w: BoardWidgets, person_only: bool = False) -> None:
    """Bring up to date what a click can change, in place: a click costs the widgets whose
    text, look or state it changed, not the whole board (the top bar, the track and the
    cards keep their widgets; so do the tabs and buttons that look as they did, and the
    action list repaints only the rows that changed). ``person_only``: another person was
    picked, which changes the action list and the preview and nothing else."""
    slots = _slots(w)
    slots.begin()
    if person_only:
        w.plan_button = w.preview_hit = None
        _actions(scene, w)
        _preview(scene, w)
        slots.end("list")
        slots.end("preview")
        return
    keep = {k: b for k, b in w.named.items() if k in ("menu", "sways")}
    w.role_tabs = w.panel_tabs = None
    w.plan_list = None
    w.named, w.plan_button, w.preview_hit = keep, None, None
    _roles(scene, w)
    _actions(scene, w)
    _preview(scene, w)
    _panel(scene, w)
    _bottom(scene, w)
    slots.end()


def _top(scene: BoardScene, w: BoardWidgets) -> list[Area]:
    """The top bar's menu button; the areas of its title, calendar and money and of the
    stage rows (their tooltips)."""
    ctx, tr, lay, v = scene.ctx, scene.ctx.tr, scene.layout, scene.session.view
    title = tr.pick(v["scenario"]["title"])
    mode = v["customer"]["procurement"]
    areas = [
        Area(("top", "title"), lay.title,
             f"<b>{esc(title)}</b><br>{esc(tr.pick(v['customer']['name']))}<br>"
             + esc(tr("ui.board.procurement", mode=tr(f"procurement.{mode}.name"))) + "<br>"
             + esc(tr(f"procurement.{mode}.text"))),
        Area(("top", "calendar"), lay.calendar, board_rows.calendar_tip(v, tr)),
        Area(("top", "money"), lay.money,
             board_rows.money_tip(v, scene.session.budget_left(), tr))]
    w.named["menu"] = button(ctx, lay.menu, tr("ui.board.menu"), tr("ui.board.menu_tip"))
    from game.ui.board.layout import track_rows

    for i, row in enumerate(track_rows(lay.track, 1 + len(v["rivals"]), lay.slots)):
        areas.append(Area(("track", i), row, board_rows.track_tip(v, i, tr)))
    return areas


def _cards(scene: BoardScene, w: BoardWidgets) -> list[Area]:
    """The person cards' areas (a click picks the person) and the legend's; the button
    that shows every sway line."""
    ctx, tr, v = scene.ctx, scene.ctx.tr, scene.session.view
    people = {p["id"]: p for p in v["people"]}
    for pid, rect in scene.cards.items():
        w.cards[pid] = Area(pid, rect, card_tip(people[pid], v, tr), pressable=True)
    lg = scene.layout.legend
    from game.ui.board.paint import sway_legend

    legend = esc(sway_legend(v["people"], scene.person, tr))
    areas = [*w.cards.values(),
             Area(("legend",), pygame.Rect(lg.left, lg.top, lg.width - 150, lg.height),
                  legend + "<br>" + esc(tr("ui.board.sways.all_tip")))]
    on = scene.show_all_sways
    w.named["sways"] = button(ctx, (lg.right - 140, lg.top, 140, lg.height),
                              tr("ui.board.sways.all_on" if on else "ui.board.sways.all_off"),
                              tr("ui.board.sways.all_tip"), "#toggle_on" if on else "#quiet")
    return areas


def card_tip(p: dict[str, Any], v: dict[str, Any], tr: Any) -> str:
    """A short tooltip that always fits; the whole person is one click away (the panel)."""
    from game.ui.board.access import card_tags
    from game.ui.board.draw import support_text

    lines = [f"<b>{esc(tr.pick(p['name']))}</b> · {esc(tr.pick(p['title']))}",
             esc(tr.pick(p["department"])),
             esc(tr("ui.board.support_tip", value=support_text(p["support"]),
                    trust=round(p["trust"] * 100)))]
    known = sum(1 for key in ("position_motive", "personal_motive") if p.get(key))
    lines.append(esc(tr("ui.person.motives_known", n=known)))
    tags = card_tags(v, p, tr)
    if tags:
        lines.append(esc(" · ".join(text for text, _tone in tags)))
    lines.append(esc(tr("ui.person.open_tip")))
    return "<br>".join(lines)


def _roles(scene: BoardScene, w: BoardWidgets) -> None:
    cells, tabs = role_tabs(scene, scene.session.time_left())
    w.role_tabs = _slots(w).tabs("roles", cells, tabs)


def role_tabs(scene: BoardScene, left: dict[str, int]) -> tuple[list[pygame.Rect], list[Tab]]:
    """The role tabs with each role's days ``left`` (now, or once a move is planned)."""
    tr, s = scene.ctx.tr, scene.session
    time = s.view["me"]["time"]
    cells = split_row(scene.layout.roles, [None] * len(ROLES), 6)
    tabs = []
    for i, (role, rect) in enumerate(zip(ROLES, cells, strict=True)):
        text = f"{tr('ui.role_short.' + role)} {left[role]}/{time[role]}"
        if not fits(text, rect):
            text = f"{tr('ui.role_tiny.' + role)} {left[role]}/{time[role]}"
        tip = tr("ui.board.role_tip", role=tr("ui.role." + role), left=left[role],
                 total=time[role]) + f" ({i + 1})"
        mate = s.teammate(role)
        if mate is not None:  # a workshop: a teammate plays it on another laptop
            text = f"{tr('ui.role_short.' + role)} · {mate}"
            if not fits(text, rect):
                text = f"{tr('ui.role_tiny.' + role)} · {mate}"
            tip += "<br>" + tr("ui.board.role_teammate", name=mate)
        elif role not in s.human_roles:
            text = f"{tr('ui.role_short.' + role)} · AI"
            if not fits(text, rect):
                text = f"{tr('ui.role_tiny.' + role)} · AI"
            tip += "<br>" + tr("ui.board.role_ai")
        elif scene.team_mode and role != scene.turn_role():
            tip += "<br>" + tr("ui.board.role_not_turn")
        tabs.append(Tab(role, text, tip, on=role == scene.role,
                        enabled=scene.playable(role) or role == scene.role))
    return cells, tabs


def action_items(scene: BoardScene, w: BoardWidgets, rows: list[board_rows.Row]) -> list[Item]:
    """The action list's rows as the list paints them."""
    tr = scene.ctx.tr
    playable = scene.playable(scene.role)
    add = Side("add", "+", tr("ui.board.add_tip"), playable, "add")
    pick = Side("add", "…", tr("ui.board.pick_tip"), playable, "add")
    items = []
    for row in rows:
        sides = () if row.reason is not None else (pick,) if row.picker else (add,)
        items.append(Item(row.key, row_text(scene, w, row), _tip(scene, w, row),
                          "row_muted" if row.reason is not None else "row", sides))
    return items


def _actions(scene: BoardScene, w: BoardWidgets) -> None:
    """The action list: one painted element, given its rows in place after a click."""
    tr = scene.ctx.tr
    items = action_items(scene, w, scene.rows)
    w.listed = {row.key: row for row in scene.rows}
    selected = scene.selected_row()
    fresh = w.actions is None  # made anew with the board: scrolled where the last one was
    top = 0 if scene.list_from_top else scene.list_top if fresh else None
    w.actions = _slots(w).rows("list", scene.layout.actions, items,
                               selected.key if selected else None, top, scene.list_reveal,
                               row_h=ROW_H, box_h=ROW_H - 4, side_w=ADD_W, first_y=3,
                               empty=tr("ui.board.no_actions"))
    scene.list_from_top = scene.list_reveal = False


def _tip(scene: BoardScene, w: BoardWidgets, row: board_rows.Row) -> Any:
    """A row's tooltip, worked out when it is shown."""
    return lambda: row_tip(scene, w, row)


def preview_button(scene: BoardScene, w: BoardWidgets) -> None:
    """The preview's Plan (or Choose…) button for the selected row, updated in place."""
    slots = _slots(w)
    slots.begin()
    w.plan_button = w.preview_hit = None
    _preview(scene, w)
    slots.end("preview")


def _preview(scene: BoardScene, w: BoardWidgets) -> None:
    tr, slots = scene.ctx.tr, _slots(w)
    row = scene.selected_row()
    if row is None:
        return
    r = scene.layout.preview
    tip = row_tip(scene, w, row)
    w.preview_hit = slots.hit("preview.hit", pygame.Rect(r.left, r.top, r.width - 176,
                                                         r.height), tip)
    key = "ui.board.choose" if row.picker else "ui.board.plan_it"
    w.plan_button = slots.button(
        "preview.plan", (r.right - 12 - 150, r.bottom - 10 - 36, 150, 36), tr(key),
        tr(key + "_tip"), "#primary",
        enabled=row.reason is None and scene.playable(scene.role))


def _panel(scene: BoardScene, w: BoardWidgets) -> None:
    tr, s, slots = scene.ctx.tr, scene.session, _slots(w)
    v = s.view
    shown = scene.visible()
    w.panel_tabs = slots.tabs("panels", *panel_tabs(scene, len(shown)))
    body = scene.layout.panel
    if body.height < 30:
        return
    if scene.panel == "plan":
        _plan_rows(scene, w, body, shown)
    elif scene.panel == "exit":
        slots.text_box("panel.exit", body, words.checklist_html(v, tr), "#plain_text")
    elif scene.panel == "c931":
        box = (body.left, body.top + 34, body.width, body.height - 34)
        html = words.c931_html(v["health"], tr, body.width - 40)
        before = s.before
        if before is not None and before.get("week") == v["week"] - 1:
            changes = words.c931_changes(before, v, tr)
            if changes:  # what changed last week, and why, before the items themselves
                marks = {"good": "+", "bad": "−", "": "·"}
                lines = [f"<b>{esc(tr('ui.c931.this_week'))}</b>"] + [
                    para(f"{marks.get(tone, '·')} {text}", body.width - 40)
                    for text, tone in changes]
                html = "<br>".join(lines) + "<br><br>" + html
        slots.text_box("panel.c931", box, html, "#plain_text")
    else:
        slots.text_box("panel.log", body, words.log_html(v, tr), "#plain_text")


def panel_tabs(scene: BoardScene, moves: int) -> tuple[list[pygame.Rect], list[Tab]]:
    """The lower panel's tabs, the plan's counting ``moves``."""
    tr = scene.ctx.tr
    cells = split_row(scene.layout.tabs, [None] * len(PANELS), 6)
    tabs = []
    for name, rect in zip(PANELS, cells, strict=True):
        text = tr(f"ui.board.panel.{name}", n=moves)
        if not fits(text, rect):
            text = tr(f"ui.board.panel_short.{name}", n=moves)
        tabs.append(Tab(name, text, tr(f"ui.board.panel.{name}_tip"), on=name == scene.panel))
    return cells, tabs


def _plan_rows(scene: BoardScene, w: BoardWidgets, body: pygame.Rect,
               shown: list[Entry]) -> None:
    """The week's moves this player may see, in the order the week resolves them. Their own
    carry × (withdraw) and ▲ (one place earlier: first moves land first); a joint move
    proposed to them carries ✓ and × (accept, decline) and cannot be deleted; a proposal
    says whom it waits for; other players' uncommitted moves are only counted."""
    tr, s, slots = scene.ctx.tr, scene.session, _slots(w)
    v = s.view
    me = scene.viewer()
    week = s.week
    items: list[Item] = []
    above = False  # a move above this line (event answers take effect first, in any order)
    for e in shown:
        text = board_rows.entry_line(e, v, tr)
        look = "body" if e.active else "muted"
        if e.partner == me and e.status == "proposed" and not week.same_seat(e.owner, me):
            items.append(Item(e.id, text, look="warning", sides=(
                Side("no", "×", tr("ui.board.decline_tip")),
                Side("yes", "✓", tr("ui.board.accept_tip"), look="primary"))))
        elif e.owner == me or week.same_seat(e.owner, me) or e.is_choice:
            open_ = e.owner not in week.committed
            sides = _own_sides(tr, open_, above)
            items.append(Item(e.id, text, look=look, sides=sides[:1] if e.is_choice else sides))
        else:
            items.append(Item(e.id, text, look=look))
        above = above or not e.is_choice
    hidden = week.hidden_from(me)
    if hidden:
        items.append(Item("hidden", tr("ui.board.plan_hidden", n=hidden), look="muted"))
    if s.ai_roles:
        for n, a in enumerate(s.ai_fill()):
            items.append(Item(("ai", n), tr("ui.board.plan_ai",
                                            what=board_rows.plan_line(a, v, tr)),
                              look="muted"))
    w.plan_list = slots.rows("panel.plan", body, items, row_h=32, box_h=28, side_w=38,
                             side_slots=0, first_y=0, empty=tr("ui.board.plan_empty"),
                             double_clicks=False)


def _own_sides(tr: Any, open_: bool, earlier: bool) -> tuple[Side, Side]:
    """A move of the player's own: × withdraws it, ▲ moves it one place earlier (the first
    move's ▲ is shown disabled, so every line's text keeps the same room)."""
    return (Side("remove", "×", tr("ui.board.remove_tip"), enabled=open_),
            Side("earlier", "▲", tr("ui.board.earlier_tip"), enabled=open_ and earlier))


def plan_item(scene: BoardScene, action: Any) -> Item:
    """The plan's line for ``action`` as a move of the player's own, planned now (what the
    board prepares before the click that plans it)."""
    tr = scene.ctx.tr
    earlier = any(a.kind != "choose" for a in scene.session.seen_plan(scene.viewer()))
    return Item(None, board_rows.plan_line(action, scene.session.view, tr), look="body",
                sides=_own_sides(tr, True, earlier))


def _bottom(scene: BoardScene, w: BoardWidgets) -> None:
    tr, s, slots = scene.ctx.tr, scene.session, _slots(w)
    lay = scene.layout
    pending = s.view["pending"]
    widths: list[int | None] = [104, 150, 124] + ([176] if pending else []) + [None, 210]
    row = pygame.Rect(PAD, lay.bottom.top + 9, lay.bottom.width - 2 * PAD, 42)
    cells = split_row(row, widths, GAP)
    w.named["undo"] = slots.button("bottom.undo", cells[0], tr("ui.board.undo"),
                                   tr("ui.board.undo_tip"),
                                   enabled=s.can_undo(scene.viewer()))
    w.named["review"] = slots.button("bottom.review", cells[1], tr("ui.board.review"),
                                     tr("ui.board.review_tip"))
    w.named["coach"] = slots.button("bottom.coach", cells[2], tr("ui.board.coach"),
                                    tr("ui.board.coach_tip"))
    if pending:
        unanswered = s.pending_unanswered()
        key = "ui.board.event_open" if unanswered else "ui.board.event_answered"
        w.named["event"] = slots.button("bottom.event", cells[3], tr(key, n=len(pending)),
                                        tr("ui.board.event_tip"), "#warning_button"
                                        if unanswered else None)
    key = "ui.board.hand_over" if scene.handing_over() else "ui.board.end_week"
    w.named["end"] = slots.button("bottom.end", cells[-1], tr(key), tr(key + "_tip"),
                                  "#primary")
    w.status_rect = cells[-2].inflate(-8, 0)
