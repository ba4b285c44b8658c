"""The coach: for each role the player plans, the two or three best next moves with the
reasons in the course's terms, the warnings, and a one-click "plan this".

The advice is ``game.ai.coach.advise(view, plan)``: it reads our view and the plan so far,
nothing else, and is asked again after each move planned from here, so the next suggestion
already counts the days and money just spent.
"""

from __future__ import annotations

from typing import Any

import pygame
from pygame_gui.elements import UIButton

from game.ai.coach import advise, render
from game.core.actions import Action
from game.ui import board_text, theme
from game.ui.scene import Command, Pop, Scene
from game.ui.session import Session
from game.ui.widgets import BUTTON_H, button, draw_card, draw_text, is_pressed, wrap_lines

PER_ROLE = 3
BLOCK_PAD = 10


class CoachScene(Scene):
    title_key = "ui.coach.title"
    overlay = True

    def __init__(self, ctx, session: Session, roles: list[str]) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.session = session
        self.roles = roles
        self.status = ""
        self.advice: dict[str, Any] = {}
        self.card = pygame.Rect(0, 0, 0, 0)
        self.plan_buttons: list[tuple[UIButton, Action]] = []
        self.back: UIButton | None = None
        self.blocks: list[tuple[pygame.Rect, dict[str, Any], list[str]]] = []
        self.heads: list[tuple[pygame.Rect, str]] = []
        self.warn_lines: list[tuple[str, str]] = []
        self.refresh()

    def refresh(self) -> None:
        s = self.session
        self.advice = advise(s.view, s.plan, seed=s.setup.seed, playbook=s.view["me"]["playbook"])

    # --- layout -----------------------------------------------------------------------------
    def build(self) -> None:
        ctx, tr = self.ctx, self.ctx.tr
        w, h = ctx.size
        self.card = pygame.Rect(30, 24, w - 60, h - 48)
        inner = self.card.inflate(-40, -32)
        self.plan_buttons, self.blocks, self.heads = [], [], []
        y = inner.top + 40
        self.warn_lines = self._warnings(inner.width)
        y += len(self.warn_lines) * 21 + (8 if self.warn_lines else 0)
        cols = max(1, len(self.roles))
        gap = 14
        cw = (inner.width - gap * (cols - 1)) // cols
        bottom = inner.bottom - BUTTON_H - 16
        for c, role in enumerate(self.roles):
            x = inner.left + c * (cw + gap)
            self.heads.append((pygame.Rect(x, y, cw, 24), role))
            by = y + 30
            for s in self.advice.get(role, [])[:PER_ROLE]:
                reasons = self._reason_lines(s, cw - 2 * BLOCK_PAD)
                block_h = 2 * BLOCK_PAD + 24 + 20 + len(reasons) * 19 + 8 + 34
                if by + block_h > bottom:
                    break
                rect = pygame.Rect(x, by, cw, block_h)
                self.blocks.append((rect, s, reasons))
                btn = button(ctx, (rect.right - BLOCK_PAD - 150, rect.bottom - BLOCK_PAD - 34,
                                   150, 34), tr("ui.coach.plan"), tr("ui.coach.plan_tip"),
                             "#primary")
                self.plan_buttons.append((btn, s["action"]))
                by += block_h + 10
        for ev in self.advice.get("events", []):
            self._event_button(ev, inner, bottom)
        self.back = button(ctx, (inner.right - 240, inner.bottom - BUTTON_H, 240, BUTTON_H),
                           tr("ui.coach.back"), tr("ui.coach.back_tip"))

    def _event_button(self, ev: dict[str, Any], inner: pygame.Rect, bottom: int) -> None:
        tr, v = self.ctx.tr, self.session.view
        pend = next((p for p in v["pending"] if p["event"] == ev["event"]), None)
        if pend is None:
            return
        choice = next((c for c in pend["choices"] if c["id"] == ev["choice"]), None)
        if choice is None:
            return
        text = tr("ui.coach.event", event=tr.pick(pend["title"]), choice=tr.pick(choice["label"]))
        btn = button(self.ctx, (inner.left, inner.bottom - BUTTON_H, inner.width - 260,
                                BUTTON_H), text, render(ev["reason"], tr.language), "#menu_button")
        self.plan_buttons.append((btn, Action("choose", ev["event"], ev["choice"])))

    def _warnings(self, width: int) -> list[tuple[str, str]]:
        tr = self.ctx.tr
        out = []
        for wn in self.advice.get("warnings", [])[:3]:
            mark = "▼" if wn["severity"] == "high" else "▽"
            out.append((f"{mark} {render(wn, tr.language)}", wn["severity"]))
        return out

    def _reason_lines(self, s: dict[str, Any], width: int) -> list[str]:
        tr = self.ctx.tr
        lines: list[str] = []
        for r in s["reasons"][:2]:
            for line in wrap_lines("• " + render(r, tr.language), width, theme.LABEL):
                lines.append(line)
        return lines[:4]

    # --- input ------------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> Command | None:
        escape = event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_c)
        if is_pressed(event, self.back) or escape:
            return Pop()
        for btn, action in self.plan_buttons:
            if is_pressed(event, btn):
                return self.plan(action)
        return None

    def plan(self, action: Action) -> None:
        tr, s = self.ctx.tr, self.session
        if action.kind == "choose":
            s.plan = [a for a in s.plan if not (a.kind == "choose" and a.target == action.target)]
        why = s.add(action)
        what = board_text.action_name(action, s.view, tr)
        self.status = tr(why) if why else tr("ui.board.planned", what=what)
        self.ctx.play_sound("confirm" if why is None else "click")
        self.refresh()
        self.ctx.request_rebuild()
        return None

    # --- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        tr, v = self.ctx.tr, self.session.view
        draw_card(surface, self.card)
        inner = self.card.inflate(-40, -32)
        draw_text(surface, tr("ui.coach.heading", week=v["week"]), (inner.left, inner.top),
                  theme.HEADING, theme.INK, bold=True, max_width=inner.width // 2)
        left = self.session.time_left()
        days = " · ".join(f"{tr('ui.role_short.' + r)} {left[r]}d" for r in self.roles)
        draw_text(surface, days, (inner.right, inner.top + 6), theme.LABEL, theme.INK_MUTED,
                  anchor="topright", max_width=inner.width // 2 - 20)
        y = inner.top + 40
        for text, severity in self.warn_lines:
            colour = theme.DANGER if severity == "high" else theme.INK
            draw_text(surface, text, (inner.left, y), theme.LABEL, colour, max_width=inner.width)
            y += 21
        for rect, role in self.heads:
            draw_text(surface, tr("ui.role." + role), (rect.left, rect.top), theme.BODY,
                      theme.ACCENT, bold=True, max_width=rect.width)
            if not self.advice.get(role):
                draw_text(surface, tr("ui.coach.nothing"), (rect.left, rect.top + 30),
                          theme.LABEL, theme.INK_MUTED, max_width=rect.width)
        for rect, s, reasons in self.blocks:
            self._draw_block(surface, rect, s, reasons)
        if not self.advice.get("events"):  # else the event's button takes this place
            status = self.status or tr("ui.coach.hint")
            draw_text(surface, status, (inner.left, inner.bottom - BUTTON_H // 2), theme.LABEL,
                      theme.INK_MUTED, anchor="midleft", max_width=inner.width - 260)

    def _draw_block(self, surface: pygame.Surface, rect: pygame.Rect, s: dict[str, Any],
                    reasons: list[str]) -> None:
        tr, v = self.ctx.tr, self.session.view
        pygame.draw.rect(surface, theme.rgb(theme.SURFACE_ALT), rect, border_radius=8)
        border = theme.ACCENT if s["recommended"] else theme.BORDER
        pygame.draw.rect(surface, theme.rgb(border), rect, 2 if s["recommended"] else 1,
                         border_radius=8)
        x, y, w = rect.left + BLOCK_PAD, rect.top + BLOCK_PAD, rect.width - 2 * BLOCK_PAD
        name = board_text.action_name(s["action"], v, tr)
        star = "★ " if s["recommended"] else ""
        draw_text(surface, star + name, (x, y), theme.BODY, theme.INK, bold=True, max_width=w)
        y += 24
        cost = board_text.cost_text(s["days"], s["cost"], tuple(s["roles"]), tr)
        pick = tr("ui.coach.expert_pick") if s["recommended"] else ""
        draw_text(surface, " · ".join(t for t in (cost, pick) if t), (x, y), theme.LABEL,
                  theme.INK_MUTED, max_width=w)
        y += 20
        for line in reasons:
            draw_text(surface, line, (x, y), theme.LABEL, theme.INK, max_width=w)
            y += 19
