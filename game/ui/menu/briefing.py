"""The briefing before week 1: the account, our product, the calendar, what the team knows."""

from __future__ import annotations

from typing import Any

import pygame
from pygame_gui.elements import UIButton

from game.scenario.models import ScenarioSpec
from game.ui import fmt, router, theme
from game.ui.scene import Command, Pop, Scene
from game.ui.setup import GameSetup
from game.ui.widgets import (
    BUTTON_H,
    button,
    content_rect,
    draw_card,
    draw_header_rule,
    draw_text,
    esc,
    is_pressed,
    page_header,
    para,
    text_box,
)
from game.ui.widgets.calendar_strip import draw_calendar


def known_html(v: dict[str, Any], tr, width: int) -> str:  # type: ignore[no-untyped-def]
    """Our product and what the team knows on day one."""
    me, lang = v["me"], tr.language
    fits = {n["id"]: tr.pick(n["name"]) for n in v["customer"]["needs"]}
    lines = [
        f"<b>{esc(tr('ui.briefing.our_product'))}</b>",
        f"{esc(tr.pick(me['name']))} — {esc(tr.pick(me['product']))}",
        f"<font color='{theme.INK_MUTED}'>"
        f"{esc(tr('ui.briefing.price', list=fmt.money(me['list_price'], lang), floor=fmt.money(me['floor_price'], lang)))}"  # noqa: E501
        f" · {esc(tr('ui.briefing.references', n=me['references']))}"
        f" · {esc(tr('ui.briefing.sales_budget', money=fmt.money(me['budget'], lang)))}</font>",
        "",
        f"<b>{esc(tr('ui.briefing.fit'))}</b>",
    ]
    for nid, share in sorted(me["fit"].items(), key=lambda kv: -kv[1]):
        lines.append(f"{esc(fits.get(nid, nid))}  {fmt.percent(share)}")
    lines += ["", f"<b>{esc(tr('ui.briefing.known'))}</b>"]
    known = [p for p in v["people"] if p["contact_level"] > 0]
    for p in known:
        lines.append(esc(f"{tr.pick(p['name'])} · {tr.pick(p['title'])} — "
                         f"{tr('contact.' + p['contact'])}"))
    if not known:
        lines.append(esc(tr("ui.briefing.nobody")))
    budget = v["customer"]["budget"]
    lines.append(esc(tr("ui.briefing.budget_known", money=fmt.money(budget, lang))
                     if budget is not None else tr("ui.briefing.budget_unknown")))
    lines.append(esc(tr("ui.briefing.people_count", n=len(v["people"]))))
    mode = v["customer"]["procurement"]
    lines.append(para(tr("ui.briefing.procurement", mode=tr(f"procurement.{mode}.name"),
                         text=tr(f"procurement.{mode}.text")), width))
    return "<br>".join(lines)


class BriefingScene(Scene):
    title_key = "ui.briefing.title"

    def __init__(self, ctx, spec: ScenarioSpec, setup: GameSetup) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        from game.ui.session import Session

        self.spec = spec
        self.setup = setup
        self.session = Session.start(spec, setup)
        self.back: UIButton | None = None
        self.begin: UIButton | None = None
        self.cards: list[pygame.Rect] = []
        self.calendar_rect = pygame.Rect(0, 0, 0, 0)

    def build(self) -> None:
        ctx, tr = self.ctx, self.ctx.tr
        v = self.session.view
        heading = tr("ui.briefing.heading", title=tr.pick(v["scenario"]["title"]))
        self.back = page_header(ctx, heading)
        area = content_rect(ctx.size, bottom=84)
        left_w = int(area.width * 0.56)
        left = pygame.Rect(area.left, area.top, left_w, area.height - 166)
        right = pygame.Rect(left.right + 20, area.top, area.width - left_w - 20, area.height)
        self.calendar_rect = pygame.Rect(area.left, left.bottom + 16, left_w, 150)
        self.cards = [left, right, self.calendar_rect]
        c = v["customer"]
        account = "<br>".join([
            f"<font pixel_size={theme.HEADING}><b>{esc(tr.pick(c['name']))}</b></font>",
            f"<font color='{theme.INK_MUTED}'>{esc(tr.pick(c['industry']))}</font>",
            para(tr.pick(c["size"]), left.width - 60),
            "",
            para(tr.pick(c["profile"]), left.width - 60),
        ])
        text_box(ctx, (left.left + 12, left.top + 10, left.width - 20, left.height - 20),
                 account, "#plain_text")
        text_box(ctx, (right.left + 12, right.top + 10, right.width - 20, right.height - 20),
                 known_html(v, tr, right.width - 60), "#plain_text")
        self.begin = button(ctx, (area.right - 260, area.bottom + 20, 260, BUTTON_H + 4),
                            tr("ui.briefing.begin"), tr("ui.briefing.begin_tip"), "#primary")

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        if is_pressed(event, self.back) or (
            event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE
        ):
            return Pop()
        enter = event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN,
                                                                pygame.K_KP_ENTER)
        if is_pressed(event, self.begin) or enter:
            self.ctx.play_sound("confirm")
            self.ctx.autosave(self.session)
            return router.replace("board", self.ctx, self.session)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        draw_header_rule(surface, surface.get_size())
        for card in self.cards:
            draw_card(surface, card)
        r = self.calendar_rect.inflate(-40, -16)
        draw_text(surface, self.ctx.tr("ui.library.calendar"), (r.left, r.top), theme.LABEL,
                  theme.INK_MUTED, bold=True)
        v = self.session.view
        draw_calendar(surface, pygame.Rect(r.left, r.top + 20, r.width, r.height - 20),
                      v["calendar"], v["last_week"], self.ctx.tr, v["week"])
