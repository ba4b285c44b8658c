"""Scenario library: every scenario with its briefing facts, in the chosen language."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UISelectionList

from game.ui import fmt, router, theme
from game.ui.catalog import ScenarioEntry, list_scenarios, rival_vendors, team_vendor
from game.ui.scene import Command, Pop, Scene
from game.ui.widgets import (
    BUTTON_H,
    button,
    content_rect,
    draw_card,
    draw_header_rule,
    draw_text,
    esc,
    fit,
    is_pressed,
    label,
    page_header,
    para,
    text_box,
)
from game.ui.widgets.calendar_strip import draw_calendar


def scenario_html(entry: ScenarioEntry, tr, lang: str, width: int = 700) -> str:  # type: ignore[no-untyped-def]
    """The library's description of one scenario (pygame_gui HTML subset)."""
    if entry.spec is None:
        return (f"<b>{esc(entry.path.name)}</b><br><br>{esc(tr('ui.library.broken'))}<br>"
                f"<font color='{theme.DANGER}'>{esc(entry.error)}</font>")
    spec, pick = entry.spec, tr.pick
    c = spec.customer
    team = team_vendor(spec)
    rivals = ", ".join(pick(v.name) for v in rival_vendors(spec))
    muted = theme.INK_MUTED
    lines = [
        f"<font pixel_size={theme.HEADING}><b>{esc(pick(spec.title))}</b></font>",
        para(pick(spec.summary), width),
        "",
        f"<b>{esc(tr('ui.library.customer'))}</b>  {esc(pick(c.name))} · {esc(pick(c.industry))}",
        f"<font color='{muted}'>{para(pick(c.size), width)}</font>",
        para(pick(c.profile), width),
        "",
        f"<b>{esc(tr('ui.library.budget'))}</b>  {esc(fmt.money(c.budget, lang))}  ·  "
        f"<b>{esc(tr('ui.library.length'))}</b>  "
        f"{esc(tr('ui.library.weeks', n=spec.last_week))}  ·  "
        f"<b>{esc(tr('ui.library.people'))}</b>  "
        f"{esc(tr('ui.library.people_n', n=len(spec.stakeholders)))}  ·  "
        f"<b>{esc(tr('ui.library.events'))}</b>  {len(spec.events)}",
        f"<b>{esc(tr('ui.library.our_side'))}</b>  {esc(pick(team.name))} — "
        f"{esc(pick(team.product))}",
        f"<b>{esc(tr('ui.library.rivals'))}</b>  {esc(rivals or '—')}",
    ]
    return "<br>".join(lines)


class LibraryScene(Scene):
    title_key = "ui.library.title"

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.entries: list[ScenarioEntry] = list_scenarios(ctx.scenarios_dir)
        self.selected = next((i for i, e in enumerate(self.entries) if e.ok), 0)
        self.back: UIButton | None = None
        self.play: UIButton | None = None
        self.listing: UISelectionList | None = None
        self.list_card = pygame.Rect(0, 0, 0, 0)
        self.detail_card = pygame.Rect(0, 0, 0, 0)
        self.calendar_rect = pygame.Rect(0, 0, 0, 0)

    @property
    def entry(self) -> ScenarioEntry | None:
        return self.entries[self.selected] if self.entries else None

    def build(self) -> None:
        ctx, tr = self.ctx, self.ctx.tr
        self.back = page_header(ctx, tr("ui.library.title"))
        area = content_rect(ctx.size, bottom=84)
        list_w = min(380, area.width // 3)
        self.list_card = pygame.Rect(area.left, area.top, list_w, area.height)
        self.detail_card = pygame.Rect(area.left + list_w + 20, area.top,
                                       area.width - list_w - 20, area.height)
        if not self.entries:
            label(ctx, (self.detail_card.left + 32, self.detail_card.top + 32,
                        self.detail_card.width - 64, 30), tr("ui.library.empty"), "#body")
            label(ctx, (self.detail_card.left + 32, self.detail_card.top + 66,
                        self.detail_card.width - 64, 26),
                  tr("ui.library.empty_hint", path=str(ctx.scenarios_dir)), "#muted")
            return
        label(ctx, (self.list_card.left + 20, self.list_card.top + 14, list_w - 40, 24),
              tr("ui.library.count", n=len(self.entries)), "#section")
        items = []
        for i, e in enumerate(self.entries):
            text = tr.pick(e.spec.title) if e.spec else f"⚠ {e.path.name}"
            items.append((fit(text, list_w - 64, theme.BODY), str(i)))
        chosen = items[self.selected] if items else None
        self.listing = UISelectionList(
            pygame.Rect(self.list_card.left + 12, self.list_card.top + 46, list_w - 24,
                        self.list_card.height - 58),
            items, ctx.manager, default_selection=chosen,
        )
        d = self.detail_card
        cal_h = 140
        text_box(ctx, (d.left + 16, d.top + 12, d.width - 24, d.height - cal_h - 28),
                 scenario_html(self.entries[self.selected], tr, tr.language, d.width - 64),
                 "#plain_text")
        self.calendar_rect = pygame.Rect(d.left + 28, d.bottom - cal_h, d.width - 56, cal_h)
        entry = self.entry
        self.play = button(ctx, (d.right - 260, d.bottom + 20, 260, BUTTON_H + 4),
                           tr("ui.library.play"), tr("ui.library.play_tip"), "#primary")
        if entry is None or not entry.ok:
            self.play.disable()

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        if is_pressed(event, self.back) or (
            event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE
        ):
            self.ctx.play_sound("back")
            return Pop()
        if (
            event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION
            and event.ui_element is self.listing
            and self.listing is not None
        ):
            chosen = self.listing.get_single_selection(include_object_id=True)
            if isinstance(chosen, tuple) and chosen[1].isdigit():
                self.selected = int(chosen[1])
                self.ctx.request_rebuild()
        if is_pressed(event, self.play) and self.entry is not None and self.entry.ok:
            self.ctx.play_sound("confirm")
            return router.push("new_game", self.ctx, mode="solo", scenario=self.entry.path)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        draw_header_rule(surface, surface.get_size())
        draw_card(surface, self.list_card)
        draw_card(surface, self.detail_card)
        entry = self.entry
        if entry is not None and entry.spec is not None and self.calendar_rect.width:
            r = self.calendar_rect
            pygame.draw.line(surface, theme.rgb(theme.BORDER), (r.left - 12, r.top - 6),
                             (r.right + 12, r.top - 6))
            draw_text(surface, self.ctx.tr("ui.library.calendar"), (r.left, r.top + 2),
                      theme.LABEL, theme.INK_MUTED, bold=True)
            strip = pygame.Rect(r.left, r.top + 24, r.width, r.height - 24)
            draw_calendar(surface, strip, entry.spec.customer.calendar, entry.spec.last_week,
                          self.ctx.tr)
