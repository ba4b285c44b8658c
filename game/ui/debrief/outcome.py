"""The end of a game: won or lost, the contract's money, and one click into the debrief.

The figures and the three key moments come from the debrief data (``build_debrief``), the
same record the debrief and the exported report read, so the three never disagree. The
full story (timeline, charts, every evaluator) is one click away, not on this screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
from pygame_gui.elements import UIButton

from game.report.debrief import build_debrief
from game.report.trace import Trace, walk
from game.ui import router, theme
from game.ui.debrief.doc import BIG, BODY, HEAD, SMALL, Doc, render
from game.ui.debrief.sections import outcome_facts, verdict
from game.ui.scene import Command, Scene
from game.ui.session import Session
from game.ui.widgets import (
    BUTTON_H,
    button,
    content_rect,
    draw_card,
    draw_header_rule,
    is_pressed,
    line_height,
    page_header,
    wrap_lines,
)

PAD = 22


def outcome_doc(d: dict[str, Any], tr: Any, width: int, height: int) -> Doc:
    """The verdict and the figures: the winner's contract, margin, first payment, costs;
    in smaller type when the card is short, never taller than the card."""
    facts = outcome_facts(d, tr)
    doc = Doc(width)
    for big, size in ((BIG, BODY), (HEAD, BODY), (HEAD, SMALL)):
        for count in range(len(facts), 0, -1):
            doc = Doc(width)
            verdict(doc, d, tr, big)
            doc.space(8)
            doc.pairs(facts[:count], size)
            if doc.height <= height:
                return doc
    return doc


def moments_preview(d: dict[str, Any], tr: Any, width: int, height: int) -> Doc:
    """The coach's three key moments, each cut to the lines this card has room for."""
    doc = Doc(width)
    doc.y += doc.wrapped(0, 0, width, tr("report.h.moments"), HEAD, True) + 8
    moments = d["moments"]
    hint_h = 2 * line_height(SMALL) + 10
    titles = [f"{tr('report.fmt.week', week=m['week'])} · {m['title']}" for m in moments]
    title_h = sum(min(2, len(wrap_lines(t, width, BODY, True))) * line_height(BODY, True) + 14
                  for t in titles)
    room = (height - doc.y - hint_h - title_h) // line_height(BODY)
    need = [len(wrap_lines(m["text"], width, BODY)) for m in moments]
    lines = [0] * len(moments)
    while room > 0 and any(n < w for n, w in zip(lines, need, strict=True)):
        for i in range(len(moments)):  # one more line to each moment in turn
            if room > 0 and lines[i] < need[i]:
                lines[i] += 1
                room -= 1
    for m, title, n in zip(moments, titles, lines, strict=True):
        doc.y += doc.wrapped(0, doc.y, width, title, BODY, True, theme.ACCENT, max_lines=2)
        if n:
            doc.y += doc.wrapped(0, doc.y, width, m["text"], BODY, max_lines=n)
        doc.y += 14
    doc.y += doc.wrapped(0, doc.y, width, tr("ui.outcome.debrief_hint"), SMALL, False,
                         theme.INK_MUTED, max_lines=2)
    return doc


class OutcomeScene(Scene):
    title_key = "ui.outcome.title"

    def __init__(self, ctx, session: Session) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.session = session
        self.trace: Trace | None = None
        self._data: dict[str, dict[str, Any]] = {}
        self.w: dict[str, UIButton] = {}
        self.cards: list[pygame.Rect] = []
        self.pages: list[tuple[pygame.Surface, tuple[int, int]]] = []
        self.docs: list[Doc] = []

    @property
    def data(self) -> dict[str, Any]:
        lang = self.ctx.tr.language
        if lang not in self._data:
            if self.trace is None:
                self.trace = walk(self.session.state)
            self._data[lang] = build_debrief(self.session.state, self.session.team, lang,
                                             players=self.session.players, trace=self.trace)
        return self._data[lang]

    def build(self) -> None:
        ctx, tr, d = self.ctx, self.ctx.tr, self.data
        page_header(ctx, tr("ui.outcome.heading", title=d["meta"]["title"]), back=False)
        area = content_rect(ctx.size, bottom=84)
        half = int(area.width * 0.55)
        left = pygame.Rect(area.left, area.top, half, area.height)
        right = pygame.Rect(left.right + 20, area.top, area.width - half - 20, area.height)
        self.cards = [left, right]
        inner = [card.inflate(-2 * PAD, -2 * PAD) for card in self.cards]
        self.docs = [outcome_doc(d, tr, inner[0].width, inner[0].height),
                     moments_preview(d, tr, inner[1].width, inner[1].height)]
        self.pages = [(render(doc), rect.topleft) for doc, rect in zip(self.docs, inner,
                                                                        strict=True)]
        y = area.bottom + 20
        self.w["menu"] = button(ctx, (area.left, y, 200, BUTTON_H + 4), tr("ui.outcome.menu"),
                                tr("ui.outcome.menu_tip"))
        self.w["debrief"] = button(ctx, (area.right - 260, y, 260, BUTTON_H + 4),
                                   tr("ui.outcome.debrief"), tr("ui.outcome.debrief_tip"),
                                   "#primary")
        self.w["again"] = button(ctx, (area.right - 260 - 16 - 220, y, 220, BUTTON_H + 4),
                                 tr("ui.outcome.again"), tr("ui.outcome.again_tip"))

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        enter = event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN,
                                                                pygame.K_KP_ENTER)
        if is_pressed(event, self.w.get("debrief")) or enter:
            self.ctx.play_sound("confirm")
            return router.push("debrief", self.ctx, self.session, trace=self.trace)
        if is_pressed(event, self.w.get("menu")):
            return router.reset("menu", self.ctx)
        if is_pressed(event, self.w.get("again")):
            path = self.session.setup.scenario_path
            again = router.make("new_game", self.ctx, mode=self.session.setup.mode,
                                 scenario=Path(path) if path else None)
            return router.reset("menu", self.ctx, then=(again,))
        return None

    def draw(self, surface: pygame.Surface) -> None:
        draw_header_rule(surface, surface.get_size())
        for card in self.cards:
            draw_card(surface, card)
        for page, pos in self.pages:
            surface.blit(page, pos)
