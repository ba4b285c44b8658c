"""The deal board: stage track, buying centre, role actions, the week's plan, C931, the log."""

from __future__ import annotations

import math
from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIScrollingContainer

from game.core.actions import CATALOG, Action
from game.ui import board_draw, board_text, fmt, theme
from game.ui.calendar_strip import draw_calendar
from game.ui.scene import Command, Push, Scene
from game.ui.session import Session
from game.ui.setup import ROLES
from game.ui.widgets import button, draw_text, esc, fit, label, text_box

TOP_H = 52
BOTTOM_H = 60
OPT_TOP = 68  # role tabs (38) + the "acting on" line above the action list
PANELS = ("plan", "exit", "c931", "log")


class BoardScene(Scene):
    title_key = "ui.board.title"

    def __init__(self, ctx, session: Session) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.session = session
        humans = session.human_roles
        self.role = humans[0] if humans else "rep"
        self.turn = 0  # team mode: index into human roles of who is planning now
        self.person: str | None = self._first_person()
        self.panel = "plan"
        self.status = ""
        self.w: dict[str, Any] = {}
        self.role_buttons: dict[str, UIButton] = {}
        self.option_buttons: list[tuple[UIButton, Action, str | None]] = []
        self.remove_buttons: list[tuple[UIButton, int]] = []
        self.panel_buttons: dict[str, UIButton] = {}
        self.card_buttons: dict[str, UIButton] = {}
        self.cards: dict[str, pygame.Rect] = {}
        self.track = pygame.Rect(0, 0, 0, 0)
        self.calendar = pygame.Rect(0, 0, 0, 0)
        self.c931 = pygame.Rect(0, 0, 0, 0)
        self.left = self.right = pygame.Rect(0, 0, 0, 0)

    @property
    def team_mode(self) -> bool:
        return self.session.setup.mode == "team"

    def _first_person(self) -> str | None:
        people = self.session.view["people"]
        known = [p for p in people if p["contact_level"] > 0]
        return (known or people or [{"id": None}])[0]["id"]

    def on_enter(self) -> None:
        self.session.refresh()
        if not self.session.plan:
            self.status = ""

    # --- layout -----------------------------------------------------------------------------
    def build(self) -> None:
        ctx, tr, s = self.ctx, self.ctx.tr, self.session
        v = s.view
        width, height = ctx.size
        self.option_buttons, self.remove_buttons = [], []
        self.role_buttons, self.panel_buttons, self.card_buttons = {}, {}, {}
        pad = 16
        title = f"{tr.pick(v['scenario']['title'])}"
        label(ctx, (pad, 3, int(width * 0.30), 22), title, "#section", tip=title)
        wk = tr("ui.board.week", week=v["week"], last=v["last_week"],
                phase=tr("phase." + v["phase"]))
        label(ctx, (pad, 24, int(width * 0.30), 26), wk, "#body")
        self.calendar = pygame.Rect(int(width * 0.33), 4, int(width * 0.32), TOP_H - 6)
        cal_tip = "<br>".join(
            esc(f"{tr('ui.calendar.' + k)} · {tr('ui.calendar.week_n', n=w)}")
            for k, w in v["calendar"].items() if k != "notice_weeks")
        UIButton(self.calendar, "", ctx.manager, object_id="#card_hit",
                 tool_tip_text=f"<b>{esc(tr('ui.library.calendar'))}</b><br>{cal_tip}")
        budget = tr("ui.board.budget", money=fmt.money(s.budget_left(), tr.language))
        label(ctx, (int(width * 0.68), 3, int(width * 0.18), 26), budget, "#body",
              tip=tr("ui.board.budget_tip", spent=fmt.money(v["me"]["spent"], tr.language)))
        self.w["menu"] = button(ctx, (width - pad - 110, 8, 110, 38), tr("ui.board.menu"),
                                tr("ui.board.menu_tip"))
        rows = 1 + len(v["rivals"])
        self.track = pygame.Rect(pad, TOP_H + 6, width - 2 * pad, min(26, 130 // rows) * rows)
        top = self.track.bottom + 10
        bottom = height - BOTTOM_H
        self.left = pygame.Rect(pad, top, int((width - 3 * pad) * 0.55), bottom - top - 6)
        self.right = pygame.Rect(self.left.right + pad, top, width - self.left.right - 2 * pad,
                                 bottom - top - 6)
        self._build_cards(v)
        self._build_roles()
        self._build_options()
        self._build_panel()
        self._build_bottom(width, height)

    def _build_cards(self, v: dict[str, Any]) -> None:
        people = v["people"]
        cols = 3 if len(people) > 4 else 2
        rows = max(1, math.ceil(len(people) / cols))
        gap = 8
        cw = (self.left.width - gap * (cols - 1)) // cols
        ch = (self.left.height - gap * (rows - 1)) // rows
        order = sorted(people, key=lambda p: (not p["senior"], -p.get("influence", 0.0)))
        self.cards = {}
        for i, p in enumerate(order):
            r, c = divmod(i, cols)
            rect = pygame.Rect(self.left.left + c * (cw + gap), self.left.top + r * (ch + gap),
                               cw, ch)
            self.cards[p["id"]] = rect
            hit = UIButton(rect, "", self.ctx.manager, object_id="#card_hit",
                           tool_tip_text=self._card_tip(p))
            self.card_buttons[p["id"]] = hit

    def _card_tip(self, p: dict[str, Any]) -> str:
        tr = self.ctx.tr
        lines = [f"<b>{esc(tr.pick(p['name']))}</b> · {esc(tr.pick(p['title']))}",
                 esc(tr.pick(p["department"]))]
        if "roles" in p:
            lines.append(esc(", ".join(tr("buying_role." + r) for r in p["roles"])))
            lines.append(esc(tr("ui.board.influence", pct=round(p["influence"] * 100))))
        else:
            lines.append(esc(tr("ui.board.roles_unknown")))
        lines.append(esc(tr("ui.board.support_tip", value=board_draw.support_text(p["support"]),
                            trust=round(p["trust"] * 100))))
        lines.append(esc(tr("ui.board.card_hint")))
        return "<br>".join(lines)

    def _build_roles(self) -> None:
        tr, s = self.ctx.tr, self.session
        left = s.time_left()
        time = s.view["me"]["time"]
        n = len(ROLES)
        bw = (self.right.width - 6 * (n - 1)) // n
        for i, role in enumerate(ROLES):
            human = role in s.human_roles
            text = f"{tr('ui.role_short.' + role)} {left[role]}/{time[role]}"
            tip = tr("ui.board.role_tip", role=tr("ui.role." + role), left=left[role],
                     total=time[role]) + f" ({i + 1})"
            if not human:
                tip += "<br>" + tr("ui.board.role_ai")
            oid = "#toggle_on" if role == self.role else None
            btn = button(self.ctx, (self.right.left + i * (bw + 6), self.right.top, bw, 38), text,
                         tip, oid)
            if not human or (self.team_mode and role != self._turn_role()):
                btn.disable()
            self.role_buttons[role] = btn

    def _turn_role(self) -> str:
        humans = self.session.human_roles
        return humans[min(self.turn, len(humans) - 1)]

    def _options(self) -> list[tuple[Action, tuple[str, ...], int, float, str | None]]:
        s, v = self.session, self.session.view
        out = []
        for o in s.options(self.role):
            d = CATALOG[o.action.kind]
            if d.target and o.action.target != self.person:
                continue
            if d.options:
                maxd = v["me"]["max_discount"]
                for opt in d.options:
                    if opt.startswith("d") and int(opt[1:].split("_")[0]) / 100 > maxd + 1e-9:
                        continue
                    a = Action(d.id, o.action.target, opt)
                    reason = o.reason or self._check(a)
                    out.append((a, o.roles, o.days, o.cost, reason))
            else:
                out.append((o.action, o.roles, o.days, o.cost, o.reason))
        out.sort(key=lambda t: t[4] is not None)
        return out

    def _check(self, a: Action) -> str | None:
        from game.core.checks import check

        return check(self.session.view, a, self.session.actions_only())

    def _build_options(self) -> None:
        ctx, tr, v = self.ctx, self.ctx.tr, self.session.view
        top = self.right.top + OPT_TOP
        height = int((self.right.height - OPT_TOP) * 0.52)
        box = UIScrollingContainer(pygame.Rect(self.right.left, top, self.right.width, height),
                                   ctx.manager, allow_scroll_x=False)
        options = self._options()
        row = 40
        inner_w = self.right.width - 22
        for i, (a, roles, days, cost, reason) in enumerate(options):
            name = board_text.action_name(a, v, tr)
            price = board_text.cost_text(days, cost, roles, tr)
            text = f"{name}  ·  {price}"
            if reason:
                text = f"{name}  —  {tr(reason)}"
            desc = tr(f"action.{a.kind}.desc")
            tip = f"<b>{esc(name)}</b><br>{esc(price)}<br>{esc(desc)}"
            if reason:
                tip += f"<br><font color='#FFD27A'>{esc(tr(reason))}</font>"
            btn = button(ctx, (0, i * row, inner_w, row - 4), text, tip, "#action",
                         container=box)
            if reason:
                btn.disable()
            self.option_buttons.append((btn, a, reason))
        if not options:
            label(ctx, (8, 4, inner_w - 16, 28), tr("ui.board.no_actions"), "#muted",
                  container=box)
        box.set_scrollable_area_dimensions((inner_w, max(height - 4, len(options) * row)))

    def _build_panel(self) -> None:
        ctx, tr, s = self.ctx, self.ctx.tr, self.session
        v = s.view
        top = self.right.top + OPT_TOP + int((self.right.height - OPT_TOP) * 0.52) + 8
        n = len(PANELS)
        bw = (self.right.width - 6 * (n - 1)) // n
        for i, name in enumerate(PANELS):
            text = tr(f"ui.board.panel.{name}", n=len(s.plan))
            self.panel_buttons[name] = button(
                ctx, (self.right.left + i * (bw + 6), top, bw, 34), text,
                tr(f"ui.board.panel.{name}_tip"), "#toggle_on" if name == self.panel else None)
        body = pygame.Rect(self.right.left, top + 40, self.right.width,
                           self.right.bottom - top - 40)
        self.c931 = pygame.Rect(0, 0, 0, 0)
        if self.panel == "plan":
            lines = board_text.plan_lines(s.plan, v, tr)
            row = 34
            for i, text in enumerate(lines[: max(1, body.height // row)]):
                y = body.top + i * row
                label(ctx, (body.left + 4, y, body.width - 56, 30), text, "#body")
                rm = button(ctx, (body.right - 44, y, 40, 30), "×", tr("ui.board.remove_tip"))
                self.remove_buttons.append((rm, i))
            if not lines:
                label(ctx, (body.left + 4, body.top, body.width - 8, 30),
                      tr("ui.board.plan_empty"), "#muted")
        elif self.panel == "exit":
            text_box(ctx, body, board_text.checklist_html(v, tr), "#plain_text")
        elif self.panel == "c931":
            self.c931 = pygame.Rect(body.left + 8, body.top + 6, body.width - 16, 24)
            tip = board_draw.c931_tip(v["health"], tr)
            text_box(ctx, (body.left, body.top + 36, body.width, body.height - 36), tip,
                     "#plain_text")
        else:
            text_box(ctx, body, board_text.log_html(v, tr), "#plain_text")

    def _build_bottom(self, width: int, height: int) -> None:
        ctx, tr = self.ctx, self.ctx.tr
        y = height - BOTTOM_H + 10
        self.w["undo"] = button(ctx, (16, y, 130, 42), tr("ui.board.undo"),
                                tr("ui.board.undo_tip"))
        if not self.session.history:
            self.w["undo"].disable()
        self.w["review"] = button(ctx, (154, y, 170, 42), tr("ui.board.review"),
                                  tr("ui.board.review_tip"))
        last = self.team_mode and self.turn < len(self.session.human_roles) - 1
        key = "ui.board.hand_over" if last else "ui.board.end_week"
        self.w["end"] = button(ctx, (width - 16 - 220, y, 220, 42), tr(key),
                               tr(key + "_tip"), "#primary")
        status = self.status or tr("ui.board.hint")
        label(ctx, (336, y + 6, width - 336 - 250, 30), status, "#muted")

    # --- input ------------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> Command | None:
        if event.type == pygame.KEYDOWN:
            return self._key(event)
        if event.type != pygame_gui.UI_BUTTON_PRESSED:
            return None
        el = event.ui_element
        for pid, btn in self.card_buttons.items():
            if el is btn:
                self.person = pid
                return self._changed()
        for role, btn in self.role_buttons.items():
            if el is btn:
                self.role = role
                return self._changed()
        for name, btn in self.panel_buttons.items():
            if el is btn:
                self.panel = name
                return self._changed()
        for btn, action, reason in self.option_buttons:
            if el is btn and reason is None:
                why = self.session.add(action)
                self.status = self.ctx.tr(why) if why else self.ctx.tr(
                    "ui.board.planned", what=board_text.action_name(action, self.session.view,
                                                                   self.ctx.tr))
                return self._changed()
        for btn, index in self.remove_buttons:
            if el is btn:
                self.session.remove(index)
                return self._changed()
        if el is self.w.get("undo"):
            return self.undo()
        if el is self.w.get("end"):
            return self.end_week()
        if el is self.w.get("review"):
            from game.ui.scenes.week import ReviewScene

            return Push(ReviewScene(self.ctx, self.session))
        if el is self.w.get("menu"):
            return self.open_menu()
        return None

    def _key(self, event: pygame.event.Event) -> Command | None:
        key = event.key
        if key in (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4):
            role = ROLES[key - pygame.K_1]
            btn = self.role_buttons.get(role)
            if btn is not None and btn.is_enabled:
                self.role = role
                return self._changed()
        if key == pygame.K_z and event.mod & pygame.KMOD_CTRL:
            return self.undo()
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self.end_week()
        if key == pygame.K_ESCAPE:
            return self.open_menu()
        if key == pygame.K_F1:
            from game.ui.scenes.week import HelpScene

            return Push(HelpScene(self.ctx))
        return None

    def _changed(self) -> None:
        self.ctx.play_sound("click")
        self.ctx.request_rebuild()
        return None

    def undo(self) -> Command | None:
        if self.session.undo():
            self.status = self.ctx.tr("ui.board.undone")
        return self._changed()

    def open_menu(self) -> Command | None:
        from game.ui.scenes.week import GameMenuScene

        return Push(GameMenuScene(self.ctx, self.session))

    def end_week(self) -> Command | None:
        from game.ui.scenes.week import EventScene, HandoverScene, ResolveScene

        s = self.session
        pending = s.pending_unanswered()
        if pending:
            return Push(EventScene(self.ctx, s, pending[0]))
        if self.team_mode and self.turn < len(s.human_roles) - 1:
            self.turn += 1
            self.role = self._turn_role()
            self.ctx.request_rebuild()
            return Push(HandoverScene(self.ctx, self.role))
        self.turn = 0
        self.role = self._turn_role()
        return Push(ResolveScene(self.ctx, s))

    # --- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        tr, v = self.ctx.tr, self.session.view
        width, height = surface.get_size()
        pygame.draw.rect(surface, theme.rgb(theme.SURFACE), (0, 0, width, TOP_H))
        pygame.draw.line(surface, theme.rgb(theme.BORDER), (0, TOP_H), (width, TOP_H))
        pygame.draw.rect(surface, theme.rgb(theme.BG_DEEP), (0, height - BOTTOM_H, width,
                                                             BOTTOM_H))
        draw_calendar(surface, self.calendar, v["calendar"], v["last_week"], tr, v["week"],
                      compact=True)
        board_draw.draw_stage_track(surface, self.track, v, tr)
        planned: dict[str, int] = {}
        for a in self.session.plan:
            if a.target:
                planned[a.target] = planned.get(a.target, 0) + 1
        people = {p["id"]: p for p in v["people"]}
        for pid, rect in self.cards.items():
            board_draw.draw_person_card(surface, rect, people[pid], tr, pid == self.person,
                                        planned.get(pid, 0))
        if self.c931.width:
            board_draw.draw_c931(surface, self.c931, v["health"], tr)
        h = v["health"]
        text = tr("ui.board.c931_short", c=h["c"], f=h["f"], w=h["w"],
                  pct=round(h["forecast"] * 100))
        draw_text(surface, text, (int(width * 0.68), 40), theme.LABEL, theme.INK_MUTED,
                  anchor="midleft", max_width=int(width * 0.18))
        if self.person and self.person in people:
            name = tr.pick(people[self.person]["name"])
            hint = fit(tr("ui.board.acting_on", role=tr("ui.role." + self.role), person=name),
                       self.right.width)
            draw_text(surface, hint, (self.right.left + 2, self.right.top + 43), theme.LABEL,
                      theme.INK_MUTED)
