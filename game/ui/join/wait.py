"""After the seat has committed: what the week still waits for, until the host resolves it.

The plan is in; teammates and other teams may still be planning, the clock may still run.
The seat may take its commit back while the week is open (the board comes back). When the
week resolves, the window moves on by itself (the link resets the scenes).
"""

from __future__ import annotations

from typing import Any

import pygame
from pygame_gui.elements import UIButton

from game.ui import theme
from game.ui.join.common import clock_text, presence_lines
from game.ui.scene import Command, Pop, Scene
from game.ui.widgets import (
    BUTTON_H,
    button,
    content_rect,
    draw_card,
    draw_header_rule,
    draw_text,
    is_pressed,
    page_header,
)


class WaitScene(Scene):
    """Waiting for the week's end (see the module docstring)."""

    title_key = "ui.seat.wait_title"

    def __init__(self, ctx, session: Any, commit: bool = True) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.session = session
        self.link = session.link
        self.reopen: UIButton | None = None
        self.card = pygame.Rect(0, 0, 0, 0)
        self.note = ""
        if commit and self.link.seat.status == "planning":
            seat = self.link.seat
            waits = [e for r in seat.roles for e in seat.week.awaiting(r)]
            if waits:
                self.note = ctx.tr("team.answer_first")
            else:
                seat.commit()

    def build(self) -> None:
        ctx, tr = self.ctx, self.ctx.tr
        page_header(ctx, tr("ui.seat.wait_heading"), back=False)
        area = content_rect(ctx.size, bottom=24)
        w = min(820, area.width)
        self.card = pygame.Rect(area.centerx - w // 2, area.top + 10, w, area.height - 20)
        self.reopen = None
        if self.link.seat.status == "planning":
            self.reopen = button(ctx, (self.card.right - 320, self.card.bottom - BUTTON_H - 24,
                                       296, BUTTON_H + 4),
                                 tr("ui.seat.reopen"), tr("ui.seat.reopen_tip"))

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        back = event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE
        if (is_pressed(event, self.reopen) or back) and self.link.seat.status == "planning":
            if self.link.seat.desk.get("done"):
                self.link.seat.reopen()
            return Pop()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        draw_header_rule(surface, surface.get_size())
        draw_card(surface, self.card)
        tr, seat = self.ctx.tr, self.link.seat
        snap = seat.snapshot
        if snap is None:
            return
        r = self.card.inflate(-56, -40)
        y = r.top
        if seat.status == "over":
            draw_text(surface, tr("ui.seat.over"), (r.left, y), theme.HEADING, theme.INK,
                      bold=True, max_width=r.width)
            return
        done = seat.desk.get("done")
        head = tr("ui.seat.committed") if done else (self.note or tr("ui.seat.sending"))
        draw_text(surface, head, (r.left, y), theme.HEADING, theme.INK if done else
                  theme.DANGER, bold=True, max_width=r.width)
        y += 44
        draw_text(surface, tr("ui.seat.week", n=snap["view"]["week"]) + " · "
                  + clock_text(snap, tr), (r.left, y), theme.BODY, theme.INK_MUTED,
                  max_width=r.width)
        y += 34
        waiting = [w for w in seat.desk.get("waiting", [])]
        others = snap["round"].get("waiting", 0)
        if waiting:
            sep = "、" if tr.language == "zh" else ", "
            draw_text(surface, tr("ui.seat.team_waits", roles=sep.join(
                tr("ui.role." + w) for w in waiting)), (r.left, y), theme.BODY, theme.INK,
                max_width=r.width)
            y += 30
        draw_text(surface, tr("ui.seat.room_waits", n=others), (r.left, y), theme.BODY,
                  theme.INK, max_width=r.width)
        y += 44
        draw_text(surface, tr("ui.seat.team"), (r.left, y), theme.LABEL, theme.INK_MUTED,
                  bold=True)
        y += 26
        for text, colour in presence_lines(snap, tr):
            draw_text(surface, text, (r.left, y), theme.LABEL, colour, max_width=r.width)
            y += 24
