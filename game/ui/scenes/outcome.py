"""The end: won or lost, value, margin, first payment, and the whole log."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
from pygame_gui.elements import UIButton

from game.ui import board_text, fmt, theme
from game.ui.scene import Command, Reset, Scene
from game.ui.session import Session
from game.ui.widgets import (
    BUTTON_H,
    button,
    content_rect,
    draw_card,
    draw_header_rule,
    esc,
    is_pressed,
    page_header,
    text_box,
)


def outcome_html(v: dict[str, Any], outcome: dict[str, Any], tr: Any) -> str:
    lang = tr.language
    ours = outcome.get("winner") == v["vendor"]
    result = outcome["result"]
    if result == "no_deal":
        headline = tr("ui.outcome.no_deal")
    elif ours:
        headline = tr("ui.outcome.won") if result == "won" else tr("ui.outcome.shelved")
    else:
        winner = next((r for r in v["rivals"] if r["id"] == outcome.get("winner")), None)
        headline = tr("ui.outcome.lost", winner=tr.pick(winner["name"]) if winner else "?")
    colour = theme.US if ours and result == "won" else theme.SUPPORT_AGAINST
    lines = [
        f"<font pixel_size={theme.TITLE} color='{colour}'><b>{esc(headline)}</b></font>",
        esc(tr("ui.outcome.reason", reason=tr("reason." + outcome.get("reason", result)))),
        "",
    ]
    if ours:
        lines += [
            esc(tr("ui.outcome.value", money=fmt.money(outcome["value"], lang))),
            esc(tr("ui.outcome.margin", money=fmt.money(outcome["margin"], lang))),
            esc(tr("ui.outcome.first_payment", pct=round(outcome["first_payment"] * 100),
                   money=fmt.money(outcome["first_payment_amount"], lang))),
        ]
    cost = (outcome.get("cost_of_sale") or {}).get(v["vendor"])
    if cost is not None:
        lines.append(esc(tr("ui.outcome.cost_of_sale", money=fmt.money(cost, lang))))
    lines.append(esc(tr("ui.outcome.week", week=outcome["week"])))
    health = (outcome.get("c931_at_decision") or {}).get(v["vendor"])
    if health:
        lines.append(esc(tr("ui.board.c931_head", c=health["c"], f=health["f"], w=health["w"])))
    return "<br>".join(lines)


class OutcomeScene(Scene):
    title_key = "ui.outcome.title"

    def __init__(self, ctx, session: Session) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.session = session
        self.w: dict[str, UIButton] = {}
        self.cards: list[pygame.Rect] = []

    def build(self) -> None:
        ctx, tr = self.ctx, self.ctx.tr
        self.session.refresh()
        v = self.session.view
        page_header(ctx, tr("ui.outcome.heading", title=tr.pick(v["scenario"]["title"])),
                    back=False)
        area = content_rect(ctx.size, bottom=84)
        half = (area.width - 20) // 2
        left = pygame.Rect(area.left, area.top, half, area.height)
        right = pygame.Rect(left.right + 20, area.top, area.width - half - 20, area.height)
        self.cards = [left, right]
        text_box(ctx, left.inflate(-20, -20), outcome_html(v, v["outcome"] or {}, tr),
                 "#plain_text")
        text_box(ctx, right.inflate(-20, -20), board_text.log_html(v, tr, limit=400),
                 "#plain_text")
        self.w["menu"] = button(ctx, (area.left, area.bottom + 20, 220, BUTTON_H + 4),
                                tr("ui.outcome.menu"), tr("ui.outcome.menu_tip"))
        self.w["again"] = button(ctx, (area.right - 260, area.bottom + 20, 260, BUTTON_H + 4),
                                 tr("ui.outcome.again"), tr("ui.outcome.again_tip"), "#primary")

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        from game.ui.scenes.menu import MenuScene

        if is_pressed(event, self.w.get("menu")):
            return Reset(MenuScene(self.ctx))
        if is_pressed(event, self.w.get("again")):
            from game.ui.scenes.new_game import NewGameScene

            path = self.session.setup.scenario_path
            again = NewGameScene(self.ctx, mode=self.session.setup.mode,
                                 scenario=Path(path) if path else None)
            return Reset(MenuScene(self.ctx), (again,))
        return None

    def draw(self, surface: pygame.Surface) -> None:
        draw_header_rule(surface, surface.get_size())
        for card in self.cards:
            draw_card(surface, card)
