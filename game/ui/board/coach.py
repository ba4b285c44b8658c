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

from game.ai.coach import advise, render, starred
from game.core.actions import CATALOG, Action
from game.ui import theme, words
from game.ui.scene import Command, Pop, Scene
from game.ui.session import Session
from game.ui.widgets import (
    BUTTON_H,
    button,
    draw_card,
    draw_text,
    esc,
    is_pressed,
    text_width,
    wrap_lines,
)

PER_ROLE = 3
BLOCK_PAD = 10
#: the most lines of reasons a card shows (fewer when a role's cards would not fit)
REASON_LINES = 5


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
        self.plan_all: UIButton | None = None
        self.blocks: list[tuple[pygame.Rect, dict[str, Any], list[str]]] = []
        self.heads: list[tuple[pygame.Rect, str]] = []
        self.unseen: dict[str, int] = {}  # the expert's moves per role with no card on screen
        self.warn_lines: list[tuple[str, str]] = []
        self.refresh()

    def refresh(self) -> None:
        s = self.session
        self.advice = advise(s.view, s.seen_plan(), seed=s.setup.seed,
                             playbook=s.view["me"]["playbook"])

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
            for s, lines in self._column(self.advice.get(role, [])[:PER_ROLE],
                                         cw - 2 * BLOCK_PAD, bottom - by):
                block_h = _block_height(lines)
                if by + block_h > bottom:
                    break
                rect = pygame.Rect(x, by, cw, block_h)
                self.blocks.append((rect, s, lines))
                n = len(self.plan_buttons) + 1  # its key, 1-9
                tip = self._tip(s) + (f" ({n})" if n <= 9 else "")
                btn = button(ctx, (rect.right - BLOCK_PAD - 150, rect.bottom - BLOCK_PAD - 34,
                                   150, 34), tr("ui.coach.plan"), tip, "#primary")
                self.plan_buttons.append((btn, s["action"]))
                by += block_h + 10
        # The expert's moves with no card anywhere (a role lists three at most, and a column
        # holds what fits), counted under the first of their roles shown here.
        carded = {s["action"] for _r, s, _l in self.blocks}
        self.unseen = {role: 0 for role in self.roles}
        for a in self.starred():
            if a not in carded:
                self.unseen[next(r for r in CATALOG[a.kind].roles if r in self.roles)] += 1
        for ev in self.advice.get("events", []):
            self._event_button(ev, inner, bottom)
        self.back = button(ctx, (inner.right - 200, inner.bottom - BUTTON_H, 200, BUTTON_H),
                           tr("ui.coach.back"), tr("ui.coach.back_tip"))
        self.plan_all = None
        if self.starred() or self.advice.get("events"):
            self.plan_all = button(ctx, (inner.right - 200 - 12 - 230, inner.bottom - BUTTON_H,
                                         230, BUTTON_H), tr("ui.coach.plan_all"),
                                   tr("ui.coach.plan_all_tip") + " (A)", "#primary")

    def starred(self) -> list[Action]:
        """The expert's own moves for the roles shown, in the expert's order."""
        return starred(self.advice, self.roles)

    def _tip(self, s: dict[str, Any]) -> str:
        """The whole suggestion (cut on the card when space is short) as the button's tip."""
        tr, v = self.ctx.tr, self.session.view
        a = s["action"]
        lines = [f"<b>{esc(words.action_name(a, v, tr))}</b>",
                 esc(words.cost_text(s["days"], s["cost"], tuple(s["roles"]), tr))]
        if s["recommended"]:
            lines.append(esc(tr("ui.coach.expert_pick")))
        lines += [esc("• " + render(r, tr.language)) for r in s["reasons"]]
        lines.append(esc(tr("ui.coach.plan_tip")))
        return "<br>".join(lines)

    def _event_button(self, ev: dict[str, Any], inner: pygame.Rect, bottom: int) -> None:
        tr, v = self.ctx.tr, self.session.view
        pend = next((p for p in v["pending"] if p["event"] == ev["event"]), None)
        if pend is None:
            return
        choice = next((c for c in pend["choices"] if c["id"] == ev["choice"]), None)
        if choice is None:
            return
        text = tr("ui.coach.event", event=tr.pick(pend["title"]), choice=tr.pick(choice["label"]))
        btn = button(self.ctx, (inner.left, inner.bottom - BUTTON_H, inner.width - 470,
                                BUTTON_H), text, render(ev["reason"], tr.language), "#menu_button")
        self.plan_buttons.append((btn, Action("choose", ev["event"], ev["choice"])))

    def _warnings(self, width: int) -> list[tuple[str, str]]:
        tr = self.ctx.tr
        out = []
        for wn in self.advice.get("warnings", [])[:3]:
            mark = "▼" if wn["severity"] == "high" else "▽"
            out.append((f"{mark} {render(wn, tr.language)}", wn["severity"]))
        return out

    def _column(self, suggestions: list[dict[str, Any]], width: int, room: int
                ) -> list[tuple[dict[str, Any], list[tuple[str, int, str]]]]:
        """A role's cards with their lines. The reasons are shortened (fewer lines, then
        none) before a card is left off: on a laptop's 1280x720 a third card costs the
        second reason of the others, and a move with no card is advice the player never
        sees (the button's tip keeps every reason)."""
        out = [(s, self._block_lines(s, width)) for s in suggestions]
        while sum(_block_height(lines) + 10 for _s, lines in out) - 10 > room:
            shown = [sum(1 for _t, _h, f in lines if f == "reason") for _s, lines in out]
            if not any(shown):
                break
            # the card with the most reason lines gives up its last reason (a later card
            # first on a tie: the expert's earlier moves keep their why longest)
            i = max(range(len(out)), key=lambda k: (shown[k], k))
            out[i] = (suggestions[i], self._block_lines(suggestions[i], width, shown[i] - 1))
        return out

    def _block_lines(self, s: dict[str, Any], width: int, most: int = REASON_LINES
                     ) -> list[tuple[str, int, str]]:
        """(text, height, style) lines of one suggestion: the action (two lines at most),
        whom it targets, its price, then the coach's reasons (``most`` lines of them)."""
        tr, v = self.ctx.tr, self.session.view
        a = s["action"]
        star = f"★{s['rank'] + 1} " if s["recommended"] else ""
        name = star + tr(f"action.{a.kind}.name")
        if a.option:
            name += " · " + words.option_text(a.kind, a.option, tr)
        out = [(t, 23, "title") for t in wrap_lines(name, width, theme.BODY, True)[:2]]
        if a.target:
            who = next((p for p in v["people"] if p["id"] == a.target), None)
            if who is not None:
                out.append(("→ " + tr.pick(who["name"]), 20, "who"))
        cost = words.cost_text(s["days"], s["cost"], tuple(s["roles"]), tr)
        if s["recommended"]:
            cost += " · " + tr("ui.coach.expert_pick")
        out.append((cost, 20, "muted"))
        reasons: list[str] = []
        for r in s["reasons"][:2]:  # a reason is shown whole or not at all (the tip has all)
            lines = wrap_lines("• " + render(r, tr.language), width, theme.LABEL)
            if len(reasons) + len(lines) > most:
                if not reasons and most == REASON_LINES:  # a very narrow column
                    reasons += lines[:most]
                break
            reasons += lines
        out += [(t, 19, "reason") for t in reasons]
        return out

    # --- input ------------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> Command | None:
        escape = event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_c)
        if is_pressed(event, self.back) or escape:
            return Pop()
        for btn, action in self.plan_buttons:
            if is_pressed(event, btn):
                return self.plan(action)
        key = event.key if event.type == pygame.KEYDOWN else None
        if key is not None and pygame.K_1 <= key <= pygame.K_9:  # the nth suggestion
            n = key - pygame.K_1
            if n < len(self.plan_buttons) and self.plan_buttons[n][0].is_enabled:
                return self.plan(self.plan_buttons[n][1])
            return None
        if is_pressed(event, self.plan_all) or (key == pygame.K_a and self.plan_all is not None):
            for ev in self.advice.get("events", []):
                self.plan(Action("choose", ev["event"], ev["choice"]))
            for action in self.starred():
                if self.session.add(action) is None:
                    self.refresh()
            self.status = self.ctx.tr("ui.coach.planned_all")
            self.ctx.play_sound("confirm")
            self.refresh()
            self.ctx.request_rebuild()
        return None

    def plan(self, action: Action) -> None:
        tr, s = self.ctx.tr, self.session
        why = s.add(action)
        what = words.action_name(action, s.view, tr)
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
        days = " · ".join(tr("ui.coach.days", role=tr("ui.role_short." + r), n=left[r])
                          for r in self.roles)
        draw_text(surface, days, (inner.right, inner.top + 6), theme.LABEL, theme.INK_MUTED,
                  anchor="topright", max_width=inner.width // 2 - 20)
        y = inner.top + 40
        for text, severity in self.warn_lines:
            colour = theme.DANGER if severity == "high" else theme.INK
            draw_text(surface, text, (inner.left, y), theme.LABEL, colour, max_width=inner.width)
            y += 21
        for rect, role in self.heads:
            more = self.unseen.get(role, 0)
            room = rect.width
            if more > 0:  # "Plan every ★" plans them too; the numbers show where they fall
                note = tr("ui.coach.unseen", n=more)
                room -= min(text_width(note, theme.LABEL), rect.width // 2) + 8
                draw_text(surface, note, (rect.right, rect.top + 3), theme.LABEL,
                          theme.INK_MUTED, anchor="topright", max_width=rect.width // 2)
            draw_text(surface, tr("ui.role." + role), (rect.left, rect.top), theme.BODY,
                      theme.ACCENT, bold=True, max_width=room)
            if not self.advice.get(role):
                y = rect.top + 30
                for line in wrap_lines(tr("ui.coach.nothing"), rect.width, theme.LABEL)[:4]:
                    draw_text(surface, line, (rect.left, y), theme.LABEL, theme.INK_MUTED)
                    y += 20
        for rect, s, reasons in self.blocks:
            self._draw_block(surface, rect, s, reasons)
        if not self.advice.get("events"):  # else the event's button takes this place
            status = self.status or tr("ui.coach.hint")
            lines = wrap_lines(status, inner.width - 470, theme.LABEL)[:2]
            y = inner.bottom - BUTTON_H // 2 - 10 * len(lines)
            for line in lines:
                draw_text(surface, line, (inner.left, y), theme.LABEL, theme.INK_MUTED,
                          max_width=inner.width - 470)
                y += 20

    def _draw_block(self, surface: pygame.Surface, rect: pygame.Rect, s: dict[str, Any],
                    lines: list[tuple[str, int, str]]) -> None:
        pygame.draw.rect(surface, theme.rgb(theme.SURFACE_ALT), rect, border_radius=8)
        border = theme.ACCENT if s["recommended"] else theme.BORDER
        pygame.draw.rect(surface, theme.rgb(border), rect, 2 if s["recommended"] else 1,
                         border_radius=8)
        x, y, w = rect.left + BLOCK_PAD, rect.top + BLOCK_PAD, rect.width - 2 * BLOCK_PAD
        styles = {"title": (theme.BODY, theme.INK, True), "who": (theme.LABEL, theme.INK, True),
                  "muted": (theme.LABEL, theme.INK_MUTED, False),
                  "reason": (theme.LABEL, theme.INK, False)}
        for text, height, style in lines:
            size, colour, bold = styles[style]
            draw_text(surface, text, (x, y), size, colour, bold=bold, max_width=w)
            y += height


def _block_height(lines: list[tuple[str, int, str]]) -> int:
    """A card's height: its lines, then the row of its "Plan this" button."""
    return 2 * BLOCK_PAD + sum(h for _t, h, _f in lines) + 8 + 34
