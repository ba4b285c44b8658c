"""The debrief scene's tabs: what each one builds and draws inside the content card.

A mixin of ``DebriefScene`` (split out to keep each module small). Pages are laid out and
rendered here, in ``build``; ``draw`` only blits the visible part of what was rendered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame
from pygame_gui.elements import UIButton

from game.ui import theme
from game.ui.debrief.doc import SMALL, Doc, Scroll, draw_scrollbars, render
from game.ui.debrief.jobs import CHART_ORDER, Job, chart_images, fit_width, render_charts
from game.ui.debrief.people import coordination_doc, motives_doc
from game.ui.debrief.sections import lost_order_doc, moments_doc, outcome_doc, whatif_doc
from game.ui.debrief.timeline import HEAD_H, HEAD_W, Grid, build_grid, detail_lines
from game.ui.widgets import BUTTON_H, button, label, line_height

if TYPE_CHECKING:
    from game.ui.context import UIContext
    from game.ui.session import Session

DOCS = {"outcome": outcome_doc, "motives": motives_doc, "coordination": coordination_doc,
        "lost": lost_order_doc}
BAR = 10  # scrollbar thickness
DETAIL_LINES = 4  # lines of the strip under the timeline grid
INSET = 16


class DebriefTabs:
    """Per-tab layout and drawing; the scene owns the state these methods read and set."""

    ctx: UIContext
    session: Session
    tab: str
    chart: str
    whatif_week: int
    scrolls: dict[str, Scroll]
    pngs: dict[str, dict[str, bytes]]
    chart_jobs: dict[str, Job]
    chart_errors: dict[str, str]
    images: dict[str, pygame.Surface]
    images_lang: str
    focus: int | None
    error: str

    # filled by build
    content: pygame.Rect
    view: pygame.Rect
    page: pygame.Surface | None
    grid: Grid | None
    grid_surfaces: tuple[pygame.Surface, pygame.Surface, pygame.Surface] | None
    detail: pygame.Surface | None
    note: tuple[pygame.Surface, tuple[int, int]] | None
    docs: dict[str, Doc]
    w: dict[str, Any]
    chart_buttons: dict[str, UIButton]
    moment_buttons: list[tuple[UIButton, int]]
    week_buttons: list[tuple[UIButton, int]]
    data: dict[str, Any]  # the scene's debrief in the current language

    @property
    def scroll(self) -> Scroll:
        """The scroll position of what the current tab shows."""
        key = f"charts:{self.chart}" if self.tab == "charts" else self.tab
        return self.scrolls.setdefault(key, Scroll())

    # --- pages -----------------------------------------------------------------------------
    def _show_doc(self, doc: Doc, view: pygame.Rect) -> None:
        self.docs[self.tab] = doc
        self.view = view
        self.page = render(doc, height=view.height)
        self.scroll.resize((doc.width, doc.height), view.size)

    def _page_view(self, area: pygame.Rect) -> pygame.Rect:
        return pygame.Rect(area.left + INSET, area.top + INSET // 2,
                           area.width - 2 * INSET, area.height - INSET)

    def _build_doc(self) -> None:
        view = self._page_view(self.content)
        self._show_doc(DOCS[self.tab](self.data, self.ctx.tr, view.width - BAR - 8), view)

    def _build_moments(self) -> None:
        ctx, tr, d = self.ctx, self.ctx.tr, self.data
        bar = BUTTON_H + 16
        area = pygame.Rect(self.content.left, self.content.top, self.content.width,
                           self.content.height - bar)
        view = self._page_view(area)
        self._show_doc(moments_doc(d, tr, view.width - BAR - 8), view)
        weeks = len(self.session.state.plans)
        moments = d["moments"]
        if not moments:
            return
        bw = min(300, (self.content.width - 2 * INSET - 12 * (len(moments) - 1)) // len(moments))
        for i, m in enumerate(moments):
            week = max(1, min(m["week"], weeks))
            rect = (self.content.left + INSET + i * (bw + 12), area.bottom + 6, bw, BUTTON_H)
            btn = button(ctx, rect, tr("ui.debrief.moment_replay", week=week),
                         tr("ui.debrief.moment_replay_tip", week=week))
            self.moment_buttons.append((btn, week))

    def _build_charts(self) -> None:
        ctx, tr = self.ctx, self.ctx.tr
        n = len(CHART_ORDER)
        left = self.content.left + INSET
        bw = (self.content.width - 2 * INSET - 8 * (n - 1)) // n
        for i, name in enumerate(CHART_ORDER):
            self.chart_buttons[name] = button(
                ctx, (left + i * (bw + 8), self.content.top + 10, bw, 40),
                tr(f"ui.debrief.chart.{name}"), tr(f"ui.debrief.chart.{name}_tip"),
                "#toggle_on" if name == self.chart else None)
        view = pygame.Rect(left, self.content.top + 60, self.content.width - 2 * INSET,
                           self.content.height - 68)
        self.view = view
        lang = tr.language
        if lang not in self.pngs and lang not in self.chart_jobs \
                and lang not in self.chart_errors:
            self.chart_jobs[lang] = Job(render_charts, self.data)
        if lang in self.pngs and self.images_lang != lang:
            self.images, self.images_lang = chart_images(self.pngs[lang]), lang
        if self.images_lang == lang and self.chart in self.images:
            self.page = fit_width(self.images[self.chart], view.width - BAR - 8)
            self.scroll.resize(self.page.get_size(), view.size)
            return
        error = self.chart_errors.get(lang)
        text = tr("ui.debrief.charts_failed", error=error) if error \
            else tr("ui.debrief.charts_drawing")
        label(ctx, (view.left, view.top + 40, view.width, 30), text, "#body")

    def _detail_h(self) -> int:
        """Four lines under the grid, three on short windows (the grid needs the room)."""
        lines = DETAIL_LINES if self.content.height >= 500 else DETAIL_LINES - 1
        return lines * line_height(SMALL + 1) + 24

    def _build_timeline(self) -> None:
        view = pygame.Rect(self.content.left + INSET, self.content.top + INSET // 2,
                           self.content.width - 2 * INSET,
                           self.content.height - self._detail_h() - INSET)
        self.view = view
        playbooks = {vid: self.ctx.tr(f"ui.playbook.{v.playbook}")
                     for vid, v in self.session.state.vendors.items()}
        grid = build_grid(self.data, self.ctx.tr, playbooks)
        self.grid = grid
        self.docs.update(timeline=grid.body, timeline_heads=grid.heads, timeline_top=grid.top)
        self.grid_surfaces = (render(grid.body), render(grid.heads), render(grid.top))
        body = self._grid_body()
        self.scroll.resize((grid.body.width, grid.body.height), body.size)
        if self.focus is not None and self.focus >= len(grid.entries):
            self.focus = None
        self._render_detail()

    def _grid_body(self) -> pygame.Rect:
        v = self.view
        return pygame.Rect(v.left + HEAD_W, v.top + HEAD_H, v.width - HEAD_W - BAR - 4,
                           v.height - HEAD_H - BAR - 4)

    def _detail_rect(self) -> pygame.Rect:
        h = self._detail_h()
        return pygame.Rect(self.content.left + INSET, self.content.bottom - h,
                           self.content.width - 2 * INSET, h - INSET // 2)

    def _render_detail(self) -> None:
        """The strip under the grid: the pointed-at entry, else how to read the grid."""
        tr, rect = self.ctx.tr, self._detail_rect()
        doc = Doc(rect.width - 24)
        if self.grid is not None and self.focus is not None:
            lines = detail_lines(self.grid.entries[self.focus], tr)
        else:
            lines = [(tr("ui.debrief.detail.hint"), True, theme.INK),
                     (tr("ui.debrief.legend"), False, theme.INK_MUTED)]
        room = (rect.height - 12) // line_height(SMALL + 1)
        for text, bold, colour in lines:
            left = room - doc.y // line_height(SMALL + 1)
            if left <= 0:
                break
            doc.y += doc.wrapped(0, doc.y, doc.width, text, SMALL + 1, bold, colour, left)
        self.docs["detail"] = doc
        self.detail = render(doc, theme.SURFACE_ALT, rect.height - 12)

    def _build_whatif(self) -> None:
        ctx, tr, d = self.ctx, self.ctx.tr, self.data
        c = self.content
        left_w = max(280, int(c.width * 0.34))
        x, y = c.left + INSET, c.top + 12
        label(ctx, (x, y, left_w - INSET, 26), tr("ui.debrief.whatif.pick"), "#section")
        y += 34
        weeks = len(self.session.state.plans)
        bottom = c.bottom - 2 * (BUTTON_H + 8) - 8
        for p in d["whatif"]:
            if y + BUTTON_H > bottom:
                break
            oid = "#toggle_on" if p["week"] == self.whatif_week else None
            text = tr("ui.debrief.whatif.point", week=p["week"], label=p["label"])
            btn = button(ctx, (x, y, left_w - INSET, BUTTON_H), text, p["text"], oid)
            self.week_buttons.append((btn, p["week"]))
            y += BUTTON_H + 8
        y = c.bottom - 2 * (BUTTON_H + 8)
        label(ctx, (x, y, left_w - INSET, 26), tr("ui.debrief.whatif.any"), "#section")
        y += 30
        self.w["minus"] = button(ctx, (x, y, 56, BUTTON_H), "−", tr("ui.debrief.whatif.minus"))
        self.w["plus"] = button(ctx, (x + left_w - INSET - 56, y, 56, BUTTON_H), "+",
                                tr("ui.debrief.whatif.plus"))
        label(ctx, (x + 64, y + 8, left_w - INSET - 128, 28),
              tr("report.fmt.week", week=self.whatif_week), "#body")
        if self.whatif_week <= 1:
            self.w["minus"].disable()
        if self.whatif_week >= weeks:
            self.w["plus"].disable()
        right = pygame.Rect(c.left + left_w + 8, c.top, c.width - left_w - 8, c.height)
        foot = BUTTON_H + 28
        view = pygame.Rect(right.left + 8, right.top + 8, right.width - INSET - 8,
                           right.height - foot - 8)
        self._show_doc(whatif_doc(d, tr, view.width - BAR - 8, self.whatif_week), view)
        bw = max(240, min(340, int(view.width * 0.42)))
        self.w["restart"] = button(
            ctx, (view.right - bw, right.bottom - BUTTON_H - 12, bw, BUTTON_H),
            tr("ui.debrief.whatif.restart", week=self.whatif_week),
            tr("ui.debrief.whatif.restart_tip"), "#primary")
        # the note beside the button: what happens to this game, or why a restart failed
        note = Doc(view.width - bw - 20)
        lines = max(1, (foot - 8) // line_height(SMALL, True))
        note.y = note.wrapped(0, 0, note.width, self.error or tr("ui.debrief.whatif.keep_note"),
                              SMALL, bool(self.error),
                              theme.DANGER if self.error else theme.INK_MUTED, max_lines=lines)
        self.docs["whatif_note"] = note
        centre = right.bottom - BUTTON_H // 2 - 12
        self.note = (render(note), (view.left, centre - note.height // 2))

    # --- drawing ---------------------------------------------------------------------------
    def _draw_tab(self, surface: pygame.Surface) -> None:
        scroll = self.scroll
        if self.tab == "timeline" and self.grid_surfaces is not None:
            self._draw_grid(surface, scroll)
            return
        if self.note is not None:
            surface.blit(*self.note)
        if self.page is None:
            return
        v = self.view
        surface.blit(self.page, v.topleft, pygame.Rect(scroll.x, scroll.y, v.width, v.height))
        draw_scrollbars(surface, scroll, self._v_track())

    def _v_track(self) -> pygame.Rect:
        if self.tab == "timeline":
            body = self._grid_body()
            return pygame.Rect(body.right + 4, body.top, BAR, body.height)
        return pygame.Rect(self.view.right - BAR, self.view.top, BAR, self.view.height)

    def _h_track(self) -> pygame.Rect | None:
        if self.tab != "timeline":
            return None
        body = self._grid_body()
        return pygame.Rect(body.left, body.bottom + 4, body.width, BAR)

    def _draw_grid(self, surface: pygame.Surface, scroll: Scroll) -> None:
        assert self.grid_surfaces is not None
        body_s, heads_s, top_s = self.grid_surfaces
        body = self._grid_body()
        surface.blit(body_s, body.topleft, pygame.Rect(scroll.x, scroll.y, *body.size))
        surface.blit(heads_s, (self.view.left, body.top),
                     pygame.Rect(0, scroll.y, HEAD_W, body.height))
        surface.blit(top_s, (body.left, self.view.top),
                     pygame.Rect(scroll.x, 0, body.width, HEAD_H))
        if self.grid is not None and self.focus is not None:
            rect = self.grid.entries[self.focus].rect.move(body.left - scroll.x,
                                                           body.top - scroll.y)
            if body.colliderect(rect):
                pygame.draw.rect(surface, theme.rgb(theme.INK), rect.inflate(4, 4), 2, 6)
        draw_scrollbars(surface, scroll, self._v_track(), self._h_track())
        strip = self._detail_rect()
        pygame.draw.rect(surface, theme.rgb(theme.SURFACE_ALT), strip, border_radius=8)
        if self.detail is not None:
            surface.blit(self.detail, (strip.left + 12, strip.top + 6))
