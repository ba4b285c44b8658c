"""A centred card over the scene below: a heading, rich text and a row of buttons.

The turn's dialogs (event, handover, confirmation, game menu, help) are cards; so can be any
feature's small question.
"""

from __future__ import annotations

from abc import abstractmethod

import pygame
from pygame_gui.elements import UIButton

from game.ui import theme
from game.ui.scene import Scene
from game.ui.widgets import BUTTON_H, button, draw_card, is_pressed, label, text_box, text_width


def enter_key(event: pygame.event.Event) -> bool:
    return event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)


def esc_key(event: pygame.event.Event) -> bool:
    return event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE


class CardScene(Scene):
    """A centred card with a heading, rich text and a row of buttons, over the scene below."""

    width = 760
    overlay = True

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.card = pygame.Rect(0, 0, 0, 0)
        self.buttons: dict[str, UIButton] = {}

    @abstractmethod
    def content(self) -> tuple[str, str, list[tuple[str, str, str, str | None]]]:
        """(heading, html, [(id, text, tip, object_id)]); each kind of card says its own."""

    def build(self) -> None:
        """Buttons sit in one right-aligned row when they fit, else one per row (long event
        choices); the card grows with the text up to the window and the text box scrolls."""
        heading, html, actions = self.content()
        w, h = self.ctx.size
        cw = min(self.width, w - 80)
        inner = cw - 48
        widths = [min(inner, max(150, text_width(t, theme.BUTTON, oid == "#primary") + 56))
                  for _i, t, _tip, oid in actions]
        one_row = sum(widths) + 12 * (len(widths) - 1) <= inner
        bh = BUTTON_H + 4
        buttons_h = bh if one_row else len(actions) * (bh + 10) - 10
        lines = html.count("<br>") + 1  # the texts come pre-wrapped (``para``)
        text_h = max(80, min(lines * 34 + 12, 440))  # 17 px type at 1.35 line spacing
        ch = min(h - 60, 66 + text_h + 24 + buttons_h + 24)
        self.card = pygame.Rect((w - cw) // 2, (h - ch) // 2, cw, ch)
        label(self.ctx, (self.card.left + 28, self.card.top + 20, cw - 56, 36), heading,
              "#heading")
        top = self.card.top + 66
        box_h = self.card.bottom - 24 - buttons_h - 18 - top
        text_box(self.ctx, (self.card.left + 24, top, cw - 40, box_h), html, "#plain_text")
        self.buttons = {}
        if one_row:
            x = self.card.right - 24
            for (ident, text, tip, oid), bw in zip(reversed(actions), reversed(widths),
                                                   strict=True):
                x -= bw
                self.buttons[ident] = button(self.ctx, (x, self.card.bottom - 24 - bh, bw, bh),
                                             text, tip, oid)
                x -= 12
            return
        y = self.card.bottom - 24 - buttons_h
        for ident, text, tip, oid in actions:
            self.buttons[ident] = button(self.ctx, (self.card.left + 24, y, inner, bh), text,
                                         tip, oid or "#menu_button")
            y += bh + 10

    def pressed(self, event: pygame.event.Event) -> str | None:
        for ident, btn in self.buttons.items():
            if is_pressed(event, btn):
                return ident
        return None

    def draw(self, surface: pygame.Surface) -> None:
        draw_card(surface, self.card)


