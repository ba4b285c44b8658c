"""The debrief: what happened in the game and why, tab by tab, readable on a projector.

Everything comes from ``game.report.debrief.build_debrief`` on the finished game (the debrief
may see the whole state once the game is over): outcome and each evaluator's decision, the
week-by-week timeline with the rivals' playbook reasons, the charts, the buying centre
revealed, coordination, the lost-order report, three key moments and what-if restarts.
The game is replayed once per scene (``walk``) and each language's data is built from that
replay when first shown, so the language switch only re-lays the pages.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game.core.errors import IllegalAction
from game.report.debrief import build_debrief
from game.report.trace import Trace, walk
from game.report.whatif import WhatIfError
from game.ui import router, theme
from game.ui.debrief.doc import Doc, Scroll
from game.ui.debrief.jobs import CHART_ORDER, Job, export_report, keep_finished, report_path
from game.ui.debrief.jobs import restart_session as new_session
from game.ui.debrief.tabs import DOCS, DebriefTabs
from game.ui.debrief.timeline import WEEK_W as WEEK_STEP
from game.ui.debrief.timeline import Grid
from game.ui.scene import Command, Pop, Scene
from game.ui.session import Session
from game.ui.widgets import button, draw_card, fit, label, text_width

TABS = ("outcome", "timeline", "charts", "motives", "coordination", "lost", "moments", "whatif")
TOP = 12
TABS_Y = 62
TAB_H = 42
FOOT_H = 40
WHEEL = 60


class DebriefScene(DebriefTabs, Scene):
    title_key = "ui.debrief.title"

    def __init__(self, ctx, session: Session, tab: str = "outcome",  # type: ignore[no-untyped-def]
                 trace: Trace | None = None) -> None:
        super().__init__(ctx)
        self.session = session
        self.trace = trace if trace is not None else walk(session.state)
        self._data: dict[str, dict[str, Any]] = {}
        self.tab = tab if tab in TABS else "outcome"
        self.chart = CHART_ORDER[0]
        self.scrolls: dict[str, Scroll] = {}
        self.pngs: dict[str, dict[str, bytes]] = {}
        self.chart_jobs: dict[str, Job] = {}
        self.images: dict[str, pygame.Surface] = {}
        self.images_lang = ""
        self.export_job: Job | None = None
        self.status = ""
        self.status_path = ""
        self.chart_errors: dict[str, str] = {}
        self.kept: Path | None = None
        self.error = ""
        self.focus: int | None = None
        self.pinned: int | None = None
        self.drag: tuple[str, int] | None = None
        points = [p["week"] for p in self.data["whatif"]]
        self.whatif_week = next((w for w in points if w > 1), points[0] if points else 1)
        self._reset_layout()

    def _reset_layout(self) -> None:
        self.content = self.view = pygame.Rect(0, 0, 0, 0)
        self.page: pygame.Surface | None = None
        self.grid: Grid | None = None
        self.grid_surfaces = None
        self.detail: pygame.Surface | None = None
        self.note: tuple[pygame.Surface, tuple[int, int]] | None = None
        self.docs: dict[str, Doc] = {}
        self.w: dict[str, Any] = {}
        self.tab_buttons: dict[str, UIButton] = {}
        self.chart_buttons: dict[str, UIButton] = {}
        self.moment_buttons: list[tuple[UIButton, int]] = []
        self.week_buttons: list[tuple[UIButton, int]] = []

    @property
    def data(self) -> dict[str, Any]:
        """The debrief in the current language (built from the one replay on first use)."""
        lang = self.ctx.tr.language
        if lang not in self._data:
            self._data[lang] = build_debrief(self.session.state, self.session.team, lang,
                                             players=self.session.players, trace=self.trace)
        return self._data[lang]

    # --- layout ----------------------------------------------------------------------------
    def build(self) -> None:
        ctx, tr = self.ctx, self.ctx.tr
        self._reset_layout()
        width, height = ctx.size
        margin = 20 if width < 1200 else 32
        right = width - margin
        self.w["back"] = button(ctx, (right - 130, TOP, 130, 42), tr("ui.common.back"),
                                tr("ui.common.back_tip"), "#quiet")
        self.w["export"] = button(ctx, (right - 130 - 10 - 230, TOP, 230, 42),
                                  tr("ui.debrief.export"), tr("ui.debrief.export_tip"))
        if self.export_job is not None:
            self.w["export"].disable()
        self.w["lang"] = button(ctx, (right - 370 - 10 - 110, TOP, 110, 42),
                                tr("ui.settings.lang_other"), tr("ui.settings.lang_tip"), "#lang")
        heading = tr("ui.debrief.heading", title=self.data["meta"]["title"])
        label(ctx, (margin, TOP + 4, right - 490 - 16 - margin, 36), heading, "#heading")
        self._build_tab_row(margin, width - 2 * margin)
        self.content = pygame.Rect(margin, TABS_Y + TAB_H + 10, width - 2 * margin,
                                   height - (TABS_Y + TAB_H + 10) - FOOT_H)
        if self.tab in DOCS:
            self._build_doc()
        else:
            getattr(self, f"_build_{self.tab}")()
        self._build_footer(margin, width, height)

    def tab_label(self, tab: str) -> str:
        if tab == "lost" and self.data["lost_order"]["won"]:
            return self.ctx.tr("ui.debrief.tab.won")
        return self.ctx.tr(f"ui.debrief.tab.{tab}")

    def _build_tab_row(self, left: int, width: int) -> None:
        """Tabs as wide as their words (Chinese and English differ), shrunk evenly to fit."""
        tr, gap = self.ctx.tr, 6
        texts = [self.tab_label(t) for t in TABS]
        need = [text_width(t, theme.BUTTON, True) + 34 for t in texts]
        room = width - gap * (len(TABS) - 1)
        spare = room - sum(need)
        widths = [n + spare // len(TABS) for n in need] if spare >= 0 else \
            [max(60, n * room // sum(need)) for n in need]
        x = left
        for i, (tab, text, w) in enumerate(zip(TABS, texts, widths, strict=True)):
            tip = f"{tr(f'ui.debrief.tab.{tab}_tip')} ({i + 1})"
            self.tab_buttons[tab] = button(self.ctx, (x, TABS_Y, w, TAB_H), text, tip,
                                           "#toggle_on" if tab == self.tab else None)
            x += w + gap

    def _build_footer(self, margin: int, width: int, height: int) -> None:
        tr = self.ctx.tr
        text = self.status or tr("ui.debrief.hint")
        room = width - 2 * margin
        if self.status_path and text_width(text, theme.LABEL) > room - 4:
            # keep the file name visible: shorten the folder part, not the end
            path = Path(self.status_path)
            text = tr("ui.debrief.exported", path=fit(str(path.parent), room // 3) + "/" +
                      path.name)
        label(self.ctx, (margin, height - FOOT_H + 6, room, 28), text,
              "#body" if self.status else "#muted", tip=self.status or None)

    # --- input -----------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> Command | None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            return self._pressed(event.ui_element)
        if event.type == pygame.KEYDOWN:
            return self._key(event)
        if event.type == pygame.MOUSEWHEEL:
            dx, dy = event.x, -event.y
            if pygame.key.get_mods() & pygame.KMOD_SHIFT:  # Shift + wheel scrolls sideways
                dx, dy = dy, 0
            self.scroll.by(dx * WHEEL, dy * WHEEL)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._press(event.pos)
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self.drag = None
        elif event.type == pygame.MOUSEMOTION:
            self._motion(event.pos)
        return None

    def _pressed(self, el: Any) -> Command | None:
        tr = self.ctx.tr
        if el is self.w.get("back"):
            self.ctx.play_sound("back")
            return Pop()
        if el is self.w.get("lang"):
            self.ctx.set_language("en" if tr.language == "zh" else "zh")
            return None
        if el is self.w.get("export"):
            return self.export()
        for tab, btn in self.tab_buttons.items():
            if el is btn:
                return self.open_tab(tab)
        for name, btn in self.chart_buttons.items():
            if el is btn:
                self.chart = name
                return self._changed()
        for btn, week in self.moment_buttons + self.week_buttons:
            if el is btn:
                return self.pick_week(week)
        if el is self.w.get("minus"):
            return self.pick_week(self.whatif_week - 1)
        if el is self.w.get("plus"):
            return self.pick_week(self.whatif_week + 1)
        if el is self.w.get("restart"):
            return self.restart()
        return None

    def _key(self, event: pygame.event.Event) -> Command | None:
        key, step = event.key, max(40, self.view.height - 60)
        if key == pygame.K_ESCAPE:
            return Pop()
        if pygame.K_1 <= key <= pygame.K_8:
            return self.open_tab(TABS[key - pygame.K_1])
        if key == pygame.K_TAB:
            back = event.mod & pygame.KMOD_SHIFT
            return self.open_tab(TABS[(TABS.index(self.tab) + (-1 if back else 1)) % len(TABS)])
        moves = {pygame.K_UP: (0, -40), pygame.K_DOWN: (0, 40), pygame.K_PAGEUP: (0, -step),
                 pygame.K_PAGEDOWN: (0, step), pygame.K_LEFT: (-WEEK_STEP, 0),
                 pygame.K_RIGHT: (WEEK_STEP, 0), pygame.K_HOME: (-10**7, -10**7),
                 pygame.K_END: (0, 10**7)}
        if key in moves:
            self.scroll.by(*moves[key])
        return None

    def _press(self, pos: tuple[int, int]) -> None:
        for axis, track in (("v", self._v_track()), ("h", self._h_track())):
            if track is None or not track.collidepoint(pos):
                continue
            thumb = self.scroll.v_thumb(track) if axis == "v" else self.scroll.h_thumb(track)
            if thumb is None:
                return
            grab = (pos[1] - thumb.top if axis == "v" else pos[0] - thumb.left) \
                if thumb.collidepoint(pos) else (thumb.height if axis == "v" else thumb.width) // 2
            self.drag = (axis, grab)
            self._drag_to(pos)
            return
        if self.tab == "timeline":
            hit = self._hit(pos)
            self.pinned = hit
            self._set_focus(hit)

    def _motion(self, pos: tuple[int, int]) -> None:
        if self.drag is not None:
            self._drag_to(pos)
            return
        if self.tab == "timeline":
            hit = self._hit(pos)
            self._set_focus(hit if hit is not None else self.pinned)

    def _drag_to(self, pos: tuple[int, int]) -> None:
        assert self.drag is not None
        axis, grab = self.drag
        if axis == "v":
            self.scroll.drag_v(self._v_track(), pos[1] - grab)
        elif (track := self._h_track()) is not None:
            self.scroll.drag_h(track, pos[0] - grab)

    def _hit(self, pos: tuple[int, int]) -> int | None:
        body = self._grid_body()
        if self.grid is None or not body.collidepoint(pos):
            return None
        return self.grid.hit((pos[0] - body.left + self.scroll.x,
                              pos[1] - body.top + self.scroll.y))

    def _set_focus(self, index: int | None) -> None:
        if index != self.focus:
            self.focus = index
            self._render_detail()

    def _changed(self) -> None:
        self.ctx.play_sound("click")
        self.ctx.request_rebuild()
        return None

    # --- commands --------------------------------------------------------------------------
    def open_tab(self, tab: str) -> Command | None:
        if tab != self.tab:
            self.tab = tab
            self.focus = self.pinned = None
            return self._changed()
        return None

    def pick_week(self, week: int) -> Command | None:
        self.whatif_week = max(1, min(week, len(self.session.state.plans)))
        self.error = ""
        self.scrolls.pop("whatif", None)
        self.tab = "whatif"
        return self._changed()

    def restart(self) -> Command | None:
        """Play on from the chosen week: a new session, the same game up to that week."""
        try:
            session = new_session(self.session, self.whatif_week)
        except (WhatIfError, IllegalAction) as error:
            # a record that no longer replays may fail the rules' checks before the
            # history comparison: either way this save is not the same game any more
            key = error.key if isinstance(error, WhatIfError) else "report.whatif.diverged"
            self.error = self.ctx.tr(key)
            self.ctx.request_rebuild()
            return None
        if self.kept is None:
            try:
                self.kept = keep_finished(self.session, self.ctx.data_dir)
            except OSError as error:  # a read-only disk must not stop the what-if
                print(f"dealcraft: finished game not kept: {error}", file=sys.stderr)
        self.ctx.autosave(session)
        self.ctx.play_sound("confirm")
        return router.push("board", self.ctx, session)

    def export(self) -> Command | None:
        if self.export_job is not None:
            return None
        data = self.data
        path = report_path(self.ctx.data_dir, data)
        self.export_job = Job(export_report, data, self.pngs.get(data["lang"]), path)
        self.status, self.status_path = self.ctx.tr("ui.debrief.exporting"), ""
        return self._changed()

    # --- time ------------------------------------------------------------------------------
    def update(self, dt: float) -> Command | None:
        for lang, job in list(self.chart_jobs.items()):
            if not job.done:
                continue
            del self.chart_jobs[lang]
            if job.error is None:
                self.pngs[lang] = job.result
            else:
                self.chart_errors[lang] = str(job.error)
            if self.tab == "charts":
                self.ctx.request_rebuild()
        job = self.export_job
        if job is not None and job.done:
            self.export_job = None
            tr = self.ctx.tr
            if job.error is None:
                self.status_path = str(job.result)
                self.status = tr("ui.debrief.exported", path=self.status_path)
            else:
                self.status = tr("ui.debrief.export_failed", error=job.error)
            self.ctx.request_rebuild()
        return None

    def first_tab_ready(self) -> bool:
        """The tab on screen is drawn in full: built, and no chart of it still drawing."""
        if not self.docs and self.page is None and self.grid is None:
            return False
        return self.tab != "charts" or self.ctx.tr.language in self.pngs

    def finish_jobs(self) -> None:
        """Wait for the background work (tests, and a clean exit), then take its results."""
        for job in [*self.chart_jobs.values(), self.export_job]:
            if job is not None:
                job.wait()
        self.update(0.0)

    # --- drawing ---------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        if not self.content.width:
            return
        draw_card(surface, self.content)
        clip = surface.get_clip()
        surface.set_clip(self.content)
        self._draw_tab(surface)
        surface.set_clip(clip)

