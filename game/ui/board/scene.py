"""The deal board: stage track, buying centre, role actions with an effect preview, the
week's plan, C931, the log, the coach.

Widgets are rebuilt only when something changes (a click, a key, a new week); everything
painted is drawn once per change into a backdrop surface, so an idle frame is one blit plus
pygame_gui's own update and draw.
"""

from __future__ import annotations

from typing import Any

import pygame
import pygame_gui

from game.core.actions import Action
from game.play.team_week import Entry
from game.ui import router, theme
from game.ui.board import paint as board_paint
from game.ui.board import rows as board_rows
from game.ui.board import warm as board_warm
from game.ui.board.build import (
    BoardWidgets,
    build_widgets,
    preview_button,
    preview_lines,
    refresh_widgets,
)
from game.ui.board.flow import WeekFlow
from game.ui.board.layout import board_layout, card_rects
from game.ui.scene import Command, Scene
from game.ui.session import Session
from game.ui.setup import ROLES
from game.ui.words import action_name, cost_text

KEY_ROLES = {pygame.K_1: 0, pygame.K_2: 1, pygame.K_3: 2, pygame.K_4: 3}


def guided(session: Session) -> Any:
    """The guide of the first deal, kept with the game in progress (None for other deals)."""
    from game.play.guide import Tutorial, applies

    if not applies(session.state.spec.id):
        return None
    if session.tutorial is None:
        session.tutorial = Tutorial()
    return session.tutorial


def card_order(people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """People grouped by department (in the scenario's order), seniors first in each.

    Only what never changes decides a card's place, so cards stay where they were from week
    to week (influence, for one, is learned later and would move a card when it appears).
    """
    first: dict[str, int] = {}
    for i, p in enumerate(people):
        first.setdefault(str(p["department"]), i)
    index = {p["id"]: i for i, p in enumerate(people)}
    return sorted(people, key=lambda p: (first[str(p["department"])], not p["senior"],
                                         index[p["id"]]))


class BoardScene(WeekFlow, Scene):
    title_key = "ui.board.title"
    opaque = True

    def __init__(self, ctx, session: Session) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.session = session
        humans = session.human_roles
        self.role = humans[0] if humans else "rep"
        self.person: str | None = self._first_person()
        self.panel = "plan"
        self.status = ""
        self.selected: Action | None = None
        self.show_all_sways = False
        self.list_top = 0  # how far the action list was scrolled when the board was built
        self.list_from_top = False  # the next refresh shows the list from its first row
        self.list_reveal = False  # ... scrolls it to show the selected row whole
        self.rows: list[board_rows.Row] = []
        self.w = BoardWidgets()
        self.cards: dict[str, pygame.Rect] = {}
        self.layout: Any = None
        self.seen_events: set[tuple[int, str]] = set()
        self.next_command: Command | None = None
        self._bg: pygame.Surface | None = None  # the painted backdrop, None when stale
        self._canvas: pygame.Surface | None = None
        self._painted: board_paint.Backdrop | None = None  # what the canvas shows now
        self._backdrop: board_paint.Backdrop | None = None
        self.tutorial = guided(session)
        self._guide_week: int | None = None
        self._options_memo: tuple[Any, ...] | None = None
        # what the board prepares while the player reads it (``game.ui.board.warm``): the
        # people whose pictures are still to make, what planning the selected row shows,
        # the previews of the rows in sight
        self._warm: list[str] = []
        self._warm_next = False
        self._warm_rows: list[board_rows.Row] = []

    # --- state the widgets show -------------------------------------------------------------
    @property
    def team_mode(self) -> bool:
        return self.session.setup.mode == "team"

    def turn_role(self) -> str:
        """Team mode: the role whose player has the screen now (the team's week says)."""
        humans = self.session.human_roles
        return self.session.turn_role() or (humans[0] if humans else "rep")

    def viewer(self) -> str:
        """The role whose eyes the board shows: the player whose turn it is, or in solo
        play any role (one person plays them all and sees every move)."""
        humans = self.session.human_roles
        return self.turn_role() if self.team_mode else (humans[0] if humans else "rep")

    def playable(self, role: str) -> bool:
        """Whether the player at the screen may plan for ``role`` right now."""
        if role not in self.session.human_roles:
            return False
        return not self.team_mode or role == self.turn_role()

    def _first_person(self) -> str | None:
        people = self.session.view["people"]
        known = [p for p in people if p["contact_level"] > 0]
        return (known or people or [{"id": None}])[0]["id"]

    def on_enter(self) -> None:
        s = self.session
        s.refresh()
        if self.next_command is not None:
            # a scene is about to open over the board (the week's summary, made when the
            # last player confirmed the end of the week): the new week starts, with its
            # handover, once that scene hands the board back
            return
        if s.view["week"] != getattr(self, "_week", None):
            self._week = s.view["week"]
            # last week's backdrop must not show behind this week's first dialog: an event
            # waits until the board has been built for the new week (see WeekFlow.update)
            self._backdrop = None
            self._bg = None
            self.role = self.turn_role() if s.human_roles else "rep"
            self.status = ""
            self.selected = None
            if self.team_mode and s.human_roles and not s.view["over"]:
                # every week starts with a handover that names who plans now
                self.next_command = router.push("handover", self.ctx, s, self.role)

    def visible(self) -> list[Entry]:
        """The week's moves this player may see (their own, committed roles', proposals to
        them, the team's event answers)."""
        return self.session.week.visible(self.viewer())

    # --- build ------------------------------------------------------------------------------
    def build(self) -> None:
        s, tr = self.session, self.ctx.tr
        v = s.view
        # room for every vendor of the game (the setup lists them all), so the cards do not
        # move when an event brings a rival in
        self.layout = board_layout(self.ctx.size, max(1 + len(v["rivals"]),
                                                      s.vendors_in_game()))
        order = card_order(v["people"])
        self.cards = {p["id"]: r for p, r in zip(order, card_rects(self.layout.org, len(order)),
                                                  strict=True)}
        self._rows()
        if self.w.actions is not None:  # the list is made anew: where it was scrolled to
            self.list_top = self.w.actions.top
        self.list_reveal = True  # ... or as far as shows the selected row
        self.w = build_widgets(self)
        self._warm = [pid for pid in reversed(self.cards) if pid != self.person]
        self._backdrop = self._make_backdrop(v, tr)
        self._bg = None
        self._warm_next = True
        self._built_for = (self.ctx.size, tr.language, v["week"])

    def _rows(self) -> None:
        s = self.session
        self.rows = board_rows.action_rows(self._options(), self.person,
                                           s.view["me"]["stage"], s.view)
        keys = {r.key for r in self.rows}
        if self.selected is None or (self.selected.kind, self.selected.target) not in keys:
            usable = [r for r in self.rows if r.reason is None] or self.rows
            self.selected = usable[0].action if usable else None
            self.list_reveal = True

    def _options(self) -> list[Any]:
        """What the selected role may plan now, for every person: worked out again only
        when the role, the view or the week's plan changed (picking another person changes
        none of them; the session keeps the last few plans', see ``Session.options``)."""
        s = self.session
        week = s.week
        plan = (self.role, frozenset(week.committed),
                tuple((e.id, e.status) for e in week.entries))
        memo = self._options_memo
        if memo is None or memo[0] is not s.view or memo[1] is not week or memo[2] != plan:
            memo = self._options_memo = (s.view, week, plan, s.options(self.role))
        return memo[3]

    def refresh(self, person_only: bool = False) -> None:
        """After a click: the rows, the right column and the backdrop again, nothing else
        (a full build only when the window, the language or the week changed; only the
        action list and the preview when only the person picked changed)."""
        v = self.session.view
        built = getattr(self, "_built_for", None) == (self.ctx.size, self.ctx.tr.language,
                                                      v["week"])
        alive = self.w.hits is not None and self.w.hits.alive()
        if not (built and alive):  # another scene's widgets hold the manager: build all
            self.ctx.request_rebuild()
            return
        self._rows()
        refresh_widgets(self, self.w, person_only)
        self._backdrop = self._make_backdrop(v, self.ctx.tr)
        self._bg = None
        self._warm_next = True

    def selected_row(self) -> board_rows.Row | None:
        if self.selected is None:
            return None
        key = (self.selected.kind, self.selected.target)
        return next((r for r in self.rows if r.key == key), None)

    def _make_backdrop(self, v: dict[str, Any], tr: Any, person: str | None = None,
                       row: board_rows.Row | None = None,
                       planned: list[Action] | None = None) -> board_paint.Backdrop:
        """What the backdrop paints now, or for another ``person`` with ``row`` selected
        and the moves ``planned`` (what a click would show, see ``game.ui.board.warm``)."""
        s = self.session
        if person is None:
            person, row = self.person, self.selected_row()
        if planned is None:
            planned = [e.action for e in self.visible() if e.holds]
        title = cost = reason = ""
        lines: list[tuple[str, str]] = []
        if row is not None:
            title = action_name(row.action, v, tr)
            cost = cost_text(row.days, row.cost, row.roles, tr)
            reason = board_rows.reason_text(row, v, tr)
            if not self.playable(self.role):
                reason = tr("ui.board.role_not_yours", role=tr("ui.role." + self.role))
            lines = preview_lines(self, self.w, row.action)
        plan_btn = self.w.plan_button
        room = (plan_btn.rect.left - self.layout.preview.left - 24) if plan_btn else 0
        return board_paint.Backdrop(
            view=v, layout=self.layout, tr=tr, cards=self.cards, person=person,
            role=self.role, planned=board_rows.planned_per_person(planned),
            budget_left=s.budget_left(), status=self.status or self._hint(tr),
            show_all_sways=self.show_all_sways, action_title=title, action_cost=cost,
            action_reason=reason, preview=lines, preview_room=room, panel=self.panel,
            targeted=row is None or row.action.target is not None, language=tr.language)

    def _hint(self, tr: Any) -> str:
        """The key hints for the status line, shortened when the line is narrow; in the
        guided first deal, the current step's goal."""
        from game.ui.widgets import text_width

        tut = self.tutorial
        if tut is not None:
            cur = tut.current
            if cur is None:
                return tr("ui.tutorial.banner_done")
            return tr("ui.tutorial.banner", n=tut.step + 1, total=len(tut.steps),
                      goal=tr.pick(cur["goal"]))
        text = tr("ui.board.hint")
        room = self.w.status_rect.width
        return text if text_width(text, theme.LABEL) <= room else tr("ui.board.hint_short")

    def update(self, dt: float) -> Command | None:
        command = super().update(dt)
        if command is None and self._bg is not None:  # not in a frame that shows a change
            board_warm.warm_one(self)
        return command

    # --- input ------------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> Command | None:
        if event.type == pygame.KEYDOWN:
            return self._key(event)
        if event.type not in (pygame_gui.UI_BUTTON_PRESSED, pygame_gui.UI_BUTTON_DOUBLE_CLICKED):
            return None
        el = event.ui_element
        if el is not None and el is self.w.hits:  # a person's card
            if event.type != pygame_gui.UI_BUTTON_PRESSED or event.key not in self.cards:
                return None
            return self.select_person(event.key)
        if el is not None and el is self.w.actions:
            row = self.w.listed.get(event.key)
            if row is None:
                return None
            if event.type == pygame_gui.UI_BUTTON_DOUBLE_CLICKED or event.part == "add":
                return self.plan_row(row)
            return self.select_row(row)
        if el is not None and el is self.w.plan_list:
            return self._plan_pressed(event.key, event.part)
        if el is not None and el is self.w.role_tabs:
            self.role = event.key
            return self._changed(keep_scroll=False)
        if el is not None and el is self.w.panel_tabs:
            self.panel = event.key
            return self._changed()
        if event.type != pygame_gui.UI_BUTTON_PRESSED:
            return None
        return self._pressed(el)

    def _plan_pressed(self, entry_id: int, part: str) -> Command | None:
        """A button of the plan's list: withdraw a move or move it earlier, accept or
        decline a proposal."""
        if part == "remove":
            why = self.session.withdraw(entry_id, self.viewer())
            self.status = self.ctx.tr(why or "ui.board.removed")
            return self._changed()
        if part == "earlier":
            why = self.session.earlier(entry_id, self.viewer())
            self.status = self.ctx.tr(why or "ui.board.moved_earlier")
            return self._changed()
        if part in ("yes", "no"):
            return self.answer(entry_id, part == "yes")
        return None

    def _pressed(self, el: Any) -> Command | None:  # noqa: C901 - one dispatch table
        w = self.w
        if el is w.plan_button:
            row = self.selected_row()
            return self.plan_row(row) if row is not None else None
        named = {"undo": self.undo, "end": self.end_week, "review": self.open_review,
                 "menu": self.open_menu, "coach": self.open_coach, "event": self.open_event,
                 "sways": self.toggle_sways}
        for name, handler in named.items():
            if el is w.named.get(name):
                return handler()
        return None

    def _key(self, event: pygame.event.Event) -> Command | None:
        key, ctrl = event.key, event.mod & pygame.KMOD_CTRL
        if key in KEY_ROLES:
            role = ROLES[KEY_ROLES[key]]
            btn = self.w.roles.get(role)
            if btn is not None and btn.is_enabled:
                self.role = role
                return self._changed(keep_scroll=False)
            return None
        if key == pygame.K_z and ctrl:
            return self.undo()
        simple = {pygame.K_RETURN: self.end_week, pygame.K_KP_ENTER: self.end_week,
                  pygame.K_ESCAPE: self.open_menu, pygame.K_c: self.open_coach,
                  pygame.K_r: self.open_review, pygame.K_l: self.toggle_sways,
                  pygame.K_F1: self.open_help, pygame.K_SPACE: self.plan_selected,
                  pygame.K_e: self.open_event, pygame.K_i: self.open_person,
                  pygame.K_g: self.open_glossary, pygame.K_t: self.open_guide}
        if key in simple:
            return simple[key]()
        if key in (pygame.K_UP, pygame.K_DOWN):
            return self.move_selection(-1 if key == pygame.K_UP else 1)
        if key in (pygame.K_TAB, pygame.K_LEFT, pygame.K_RIGHT):
            back = key == pygame.K_LEFT or (key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT)
            return self.cycle_person(-1 if back else 1)
        return None

    def _changed(self, keep_scroll: bool = True, person_only: bool = False) -> None:
        """Something the widgets show changed: bring them up to date (the action list where
        it was scrolled to, or from its first row; ``person_only``: see ``refresh``)."""
        self.ctx.play_sound("click")
        self.list_from_top = not keep_scroll
        self.refresh(person_only)
        return None

    # --- what the controls do ---------------------------------------------------------------
    def select_person(self, pid: str) -> Command | None:
        """Pick a person; picking the one already picked opens their detail panel."""
        same = pid == self.person
        self.person = pid
        if same:
            return self.open_person()
        return self._changed(keep_scroll=same, person_only=True)

    def open_person(self) -> Command | None:
        if self.person is None:
            return None
        self.ctx.play_sound("click")
        return router.push("person", self.ctx, self.session, self.person)

    def cycle_person(self, step: int) -> None:
        order = list(self.cards)
        if not order:
            return None
        i = order.index(self.person) if self.person in order else -step
        self.person = order[(i + step) % len(order)]
        return self._changed(keep_scroll=False, person_only=True)

    def select_row(self, row: board_rows.Row, reveal: bool = False) -> None:
        """Show ``row`` in the preview. The most frequent click changes two rows' look, the
        preview's button and the backdrop's right band; every other widget stays as it is."""
        self.ctx.play_sound("click")
        self.selected = row.action
        if self.w.actions is not None:
            self.w.actions.select(row.key, reveal)
        preview_button(self, self.w)
        self._backdrop = self._make_backdrop(self.session.view, self.ctx.tr)
        self._bg = None
        self._warm_next = True
        return None

    def move_selection(self, step: int) -> None:
        """The keyboard's ↑↓: the row above or below, scrolled into sight."""
        if not self.rows:
            return None
        keys = [r.key for r in self.rows]
        cur = (self.selected.kind, self.selected.target) if self.selected else None
        i = keys.index(cur) if cur in keys else -step
        i = max(0, min(len(keys) - 1, i + step))
        return self.select_row(self.rows[i], reveal=True)

    def plan_selected(self) -> Command | None:
        row = self.selected_row()
        return self.plan_row(row) if row is not None else None

    def plan_row(self, row: board_rows.Row) -> Command | None:
        """Plan a row's action, or open the price/terms picker for a bid or negotiation."""
        tr = self.ctx.tr
        self.selected = row.action
        if not self.playable(self.role):
            self.status = tr("ui.board.role_not_yours", role=tr("ui.role." + self.role))
            return self._changed()
        if row.reason is not None:
            self.status = board_rows.reason_text(row, self.session.view, tr)
            return self._changed()
        if row.picker:
            return router.push("offer", self.ctx, self.session, row.action)
        return self.plan(row.action)

    def plan(self, action: Action) -> None:
        tr, s = self.ctx.tr, self.session
        why = s.add(action, self._owner(action))
        what = action_name(action, s.view, tr)
        self.status = board_rows.refusal_text(why, action, s.view, tr) if why else \
            tr("ui.board.planned", what=what)
        if why is None and s.week.entries and s.week.entries[-1].status == "proposed":
            partner = s.week.entries[-1].partner or ""
            self.status = tr("ui.board.proposed", what=what,
                             role=tr("ui.role." + partner))
        if why is None:
            self.ctx.play_sound("confirm")  # the row stays selected: nothing moves
        return self._changed()

    def _owner(self, action: Action) -> str:
        """Who plans ``action``: the selected role when it takes part, else the first role
        of the action that people play (an event answer: the player at the screen)."""
        from game.core.actions import CATALOG

        d = CATALOG.get(action.kind)
        if d is None or self.role in d.roles:
            return self.role if d is not None else self.viewer()
        return self.session.acting_role(action)

    def answer(self, entry_id: int, yes: bool) -> None:
        """Accept or decline a joint move a teammate proposed to this player's role."""
        tr, s = self.ctx.tr, self.session
        e = s.week.entry(entry_id)
        if e is None or e.partner is None:
            return self._changed()
        why = s.answer(entry_id, yes)
        what = action_name(e.action, s.view, tr)
        key = "ui.board.accepted" if yes else "ui.board.declined"
        self.status = tr(why) if why else tr(key, what=what)
        if why is None:
            self.ctx.play_sound("confirm" if yes else "click")
        return self._changed()

    def toggle_sways(self) -> None:
        self.show_all_sways = not self.show_all_sways
        return self._changed()

    def undo(self) -> Command | None:
        if self.session.undo(self.viewer()):
            self.status = self.ctx.tr("ui.board.undone")
        return self._changed()

    # --- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Blit the backdrop; it is repainted only after a build (a memo, not game state)."""
        if self._backdrop is None:
            return
        if self._bg is None or self._bg.get_size() != surface.get_size():
            canvas = self._canvas  # repainted where it changed: a click repaints its part
            if canvas is None or canvas.get_size() != surface.get_size():
                canvas = self._canvas = pygame.Surface(surface.get_size()).convert()
                self._painted = None
            bands = board_paint.paint(canvas, self._backdrop, self._painted)
            if "all" in bands or "bottom" in bands:
                board_paint.draw_status(canvas, self.w.status_rect, self._backdrop.status)
            self._bg, self._painted = canvas, self._backdrop
        surface.blit(self._bg, (0, 0))
        hits = self.w.hits
        key = hits.hovered_key if hits is not None and hits.alive() else None
        area = self.w.cards.get(key) if isinstance(key, str) else None
        if area is not None:
            # the card under the pointer: a tint and an outline
            surface.blit(_hover_tint(area.rect.size), area.rect.topleft)
            pygame.draw.rect(surface, theme.rgb(theme.ACCENT), area.rect, 1, border_radius=10)


_TINTS: dict[tuple[int, int], pygame.Surface] = {}


def _hover_tint(size: tuple[int, int]) -> pygame.Surface:
    """A faint accent wash over a hovered card (one surface per card size)."""
    tint = _TINTS.get(size)
    if tint is None:
        tint = pygame.Surface(size, pygame.SRCALPHA)
        pygame.draw.rect(tint, (*theme.rgb(theme.ACCENT), 20), tint.get_rect(),
                         border_radius=10)
        _TINTS.clear()  # one size in use at a time (the window's)
        _TINTS[size] = tint
    return tint


