"""Before the trainer starts: the seat's own briefing and who of the team is here."""

from __future__ import annotations

from typing import Any

import pygame
from pygame_gui.elements import UIButton

from game.ui import theme
from game.ui.join.common import briefing_html, presence_lines
from game.ui.scene import Command, Pop, Scene
from game.ui.widgets import (
    content_rect,
    draw_card,
    draw_header_rule,
    draw_text,
    is_pressed,
    page_header,
    text_box,
)


class SeatLobbyScene(Scene):
    """The seat's lobby (see the module docstring); the board follows when the week opens."""

    title_key = "ui.seat.title"

    def __init__(self, ctx, link: Any) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.link = link
        self.back: UIButton | None = None
        self.cards: list[pygame.Rect] = []

    def build(self) -> None:
        ctx, tr = self.ctx, self.ctx.tr
        snap = self.link.seat.snapshot
        v = snap["view"]
        self.back = page_header(ctx, tr("ui.seat.heading", title=tr.pick(v["scenario"]["title"])))
        area = content_rect(ctx.size, bottom=24)
        left = pygame.Rect(area.left, area.top, int(area.width * 0.6), area.height)
        right = pygame.Rect(left.right + 20, area.top, area.width - left.width - 20,
                            area.height)
        self.cards = [left, right]
        text_box(ctx, (left.left + 12, left.top + 10, left.width - 24, left.height - 20),
                 briefing_html(snap, tr, left.width - 60), "#plain_text")

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        if is_pressed(event, self.back) or (event.type == pygame.KEYDOWN
                                            and event.key == pygame.K_ESCAPE):
            self.link.leave()
            return Pop()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        draw_header_rule(surface, surface.get_size())
        for c in self.cards:
            draw_card(surface, c)
        if len(self.cards) < 2:
            return
        tr, snap = self.ctx.tr, self.link.seat.snapshot
        r = self.cards[1].inflate(-40, -32)
        seat = snap["seat"]
        draw_text(surface, tr("ui.seat.you", name=seat["name"], team=tr.pick(
            snap["view"]["me"]["name"])), (r.left, r.top), theme.BODY, theme.INK, bold=True,
            max_width=r.width)
        y = r.top + 40
        draw_text(surface, tr("ui.seat.team"), (r.left, y), theme.LABEL, theme.INK_MUTED,
                  bold=True)
        y += 26
        for text, colour in presence_lines(snap, tr):
            draw_text(surface, text, (r.left, y), theme.LABEL, colour, max_width=r.width)
            y += 24
        y += 20
        draw_text(surface, tr("ui.seat.wait_start"), (r.left, y), theme.BODY, theme.ACCENT,
                  bold=True, max_width=r.width)
