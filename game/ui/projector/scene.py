"""The projector's pages (see the package docstring), drawn large for the back of the room.

During play: the week and the countdown, the customer's calendar, the public events so far,
which teams have committed this week, the address and its QR code, and the leaderboard when
the trainer shows it (progress from each seat's own start, so the incumbent's head start does
not count). Right after a week resolves, the "market news" page: last week's public events and
milestones and (with the leaderboard shown) who advanced. At the end: every team's outcome
side by side, every evaluator's score of every bid, each team's key moments.

Keys: N market news / back, L leaderboard (console only), Esc back to the console.
"""

from __future__ import annotations

from typing import Any

import pygame
from pygame_gui.elements import UIButton

from game import palette
from game.ui import theme
from game.ui.scene import Command, Pop, Scene
from game.ui.widgets import draw_card, draw_text, wrap_lines
from game.ui.widgets.calendar_strip import draw_calendar

NEWS_S = 25.0  # seconds the market news stays up after a week resolves


def event_line(e: dict[str, Any], tr: Any) -> str:
    """A public event of the log as one line."""
    if e.get("title"):
        return tr("ui.projector.event", week=e.get("week", "?"), what=tr.pick(e["title"]))
    key = "ui.calendar." + str(e.get("event"))
    what = tr(key)
    return tr("ui.projector.event", week=e.get("week", "?"),
              what=what if what != key else str(e.get("event")))


class ProjectorScene(Scene):
    title_key = "ui.projector.title"
    opaque = True

    def __init__(self, ctx, source: Any) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        from game.ui.projector.feed import LocalFeed

        if hasattr(source, "make"):  # made once the window exists (``join --watch``)
            source = source.make(ctx)
        self.feed = LocalFeed(source) if hasattr(source, "ws") else source
        if hasattr(self.feed, "start"):
            self.feed.start()
        self.page = "room"
        self.news_left = 0.0
        self._stamp: int | None = None
        self._board_seen: dict[str, int] | None = None  # progress before this week
        self.board_before: dict[str, int] = {}
        self._room: dict[str, Any] | None = None
        self._room_lang: str | None = None
        self._qr: pygame.Surface | None = None
        self.back: UIButton | None = None

    # --- input -------------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> Command | None:
        if event.type != pygame.KEYDOWN:
            return None
        if event.key == pygame.K_ESCAPE:
            self.feed.close()
            return Pop()
        if event.key == pygame.K_n:
            self.page = "room" if self.page == "news" else "news"
            self.news_left = 1e9 if self.page == "news" else 0.0
        elif event.key == pygame.K_l and self.feed.trainer and self.feed.public:
            self.feed.leaderboard(self.feed.public.get("leaderboard") is None)
        return None

    def update(self, dt: float) -> Command | None:
        pub = self.feed.public
        if pub is None:
            return None
        stamp = pub["round"]["stamp"]
        if self._stamp is not None and stamp != self._stamp and pub.get("report") \
                and pub["round"]["status"] == "planning" and pub["week"] > 1:
            self.page, self.news_left = "news", NEWS_S
            self.board_before = self._board_seen
        if stamp != self._stamp or self._board_seen is None:
            self._stamp = stamp
        if pub.get("leaderboard") and self.page != "news":
            self._board_seen = {b["vendor"]: b["progress"] for b in pub["leaderboard"]}
        if self.page == "news":
            self.news_left -= dt
            if self.news_left <= 0:
                self.page = "room"
        if self.feed.finished() is not None:
            self.page = "end"
        return None

    # --- drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.rgb(theme.BG))
        pub = self.feed.public
        tr = self.ctx.tr
        w, h = surface.get_size()
        if pub is None:
            draw_text(surface, tr("ui.projector.waiting"), (w // 2, h // 2), theme.HEADING,
                      theme.INK_MUTED, anchor="center")
            return
        title = f"{tr.pick(pub['scenario']['title'])} · {tr.pick(pub['customer'])}"
        draw_text(surface, title, (40, 24), theme.HEADING, theme.INK, bold=True,
                  max_width=w - 80)
        if self.page == "end":
            self._end(surface)
        elif self.page == "news":
            self._news(surface, pub)
        else:
            self._room_page(surface, pub)

    def _clock(self, pub: dict[str, Any]) -> str:
        tr = self.ctx.tr
        r = pub["round"]
        if r["status"] == "lobby":
            return tr("ui.projector.lobby")
        left = r["clock"]["left_s"]
        if r["clock"]["paused"]:
            return tr("ui.projector.paused")
        if left is None:
            return ""
        return f"{int(left // 60):02d}:{int(left % 60):02d}"

    def _room_page(self, surface: pygame.Surface, pub: dict[str, Any]) -> None:
        tr = self.ctx.tr
        w, h = surface.get_size()
        week = tr("ui.projector.week", n=pub["week"], last=pub["last_week"],
                  phase=tr("phase." + pub["phase"]))
        draw_text(surface, week, (40, 64), theme.BODY, theme.INK_MUTED, max_width=w // 2)
        draw_text(surface, self._clock(pub), (w - 40, 20), theme.TITLE, theme.INK, bold=True,
                  anchor="topright")
        cal = pygame.Rect(40, 100, w - 80, 130)
        draw_card(surface, cal)
        draw_calendar(surface, cal.inflate(-40, -30), pub["calendar"], pub["last_week"], tr,
                      pub["week"])
        left = pygame.Rect(40, 250, (w - 100) // 2, h - 290)
        right = pygame.Rect(left.right + 20, 250, w - 100 - left.width, h - 290)
        draw_card(surface, left)
        draw_card(surface, right)
        self._teams(surface, left.inflate(-40, -30), pub)
        self._events(surface, pygame.Rect(right.left + 20, right.top + 15, right.width - 240,
                                          right.height - 30), pub)
        self._join(surface, pygame.Rect(right.right - 210, right.top + 15, 190,
                                        right.height - 30))

    def _teams(self, surface: pygame.Surface, r: pygame.Rect, pub: dict[str, Any]) -> None:
        tr = self.ctx.tr
        board = pub.get("leaderboard")
        head = tr("ui.projector.leaderboard") if board else tr("ui.projector.teams")
        draw_text(surface, head, (r.left, r.top), theme.BODY, theme.INK_MUTED, bold=True)
        y = r.top + 36
        order = [t["vendor"] for t in pub["teams"]]
        rows = board if board else [{"vendor": t["vendor"], "name": t["name"]}
                                    for t in pub["teams"]]
        teams = {t["vendor"]: t for t in pub["teams"]}
        for i, row in enumerate(rows):
            t = teams.get(row["vendor"], {})
            colour = palette.US if order.index(row["vendor"]) == 0 else \
                palette.RIVALS[(order.index(row["vendor"]) - 1) % len(palette.RIVALS)]
            pygame.draw.rect(surface, theme.rgb(colour), (r.left, y + 4, 10, 26))
            name = tr.pick(row["name"])
            if board:
                name = f"{i + 1}. {name}"
            draw_text(surface, name, (r.left + 22, y), theme.HEADING, theme.INK, bold=True,
                      max_width=r.width - 200)
            if board:
                note = tr("ui.projector.progress", n=row["progress"])
                if row["status"] != "active":
                    note = tr("ui.vstatus." + row["status"])
            elif t.get("committed"):
                note = tr("ui.projector.done")
            elif t.get("human"):
                note = tr("ui.projector.planning")
            else:
                note = tr("ui.projector.ai")
            draw_text(surface, note, (r.right, y + 4), theme.BODY, theme.INK_MUTED,
                      anchor="topright", max_width=190)
            y += 40
            if y > r.bottom - 30:
                break

    def _events(self, surface: pygame.Surface, r: pygame.Rect, pub: dict[str, Any]) -> None:
        tr = self.ctx.tr
        draw_text(surface, tr("ui.projector.events"), (r.left, r.top), theme.BODY,
                  theme.INK_MUTED, bold=True)
        y = r.top + 36
        lines = [event_line(e, tr) for e in reversed(pub.get("events") or [])]
        for n in pub.get("notices") or []:
            lines.insert(0, tr("ui.projector.notice", text=n["text"]))
        if not lines:
            draw_text(surface, tr("ui.projector.no_events"), (r.left, y), theme.BODY,
                      theme.INK_FAINT)
        for line in lines:
            for part in wrap_lines(line, r.width, theme.BODY)[:2]:
                draw_text(surface, part, (r.left, y), theme.BODY, theme.INK, max_width=r.width)
                y += 28
            if y > r.bottom - 28:
                break

    def _join(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        tr = self.ctx.tr
        addrs = self.feed.addresses()
        if not addrs:
            return
        draw_text(surface, tr("ui.projector.join"), (r.left, r.top), theme.LABEL,
                  theme.INK_MUTED, bold=True, max_width=r.width)
        draw_text(surface, addrs[0], (r.left, r.top + 24), theme.BODY, theme.INK, bold=True,
                  max_width=r.width)
        size = min(r.width, r.height - 70)
        if size < 60:
            return
        if self._qr is None or self._qr.get_width() != size:
            from game.ui.qr import qr_surface

            self._qr = qr_surface(addrs[0], size)
        surface.blit(self._qr, (r.left, r.top + 60))

    def _news(self, surface: pygame.Surface, pub: dict[str, Any]) -> None:
        tr = self.ctx.tr
        w, h = surface.get_size()
        report = pub.get("report") or {}
        week = report.get("week", pub["week"] - 1)
        draw_text(surface, tr("ui.projector.news", week=week), (w // 2, 90), theme.TITLE,
                  theme.ACCENT, bold=True, anchor="midtop", max_width=w - 80)
        card = pygame.Rect(80, 170, w - 160, h - 220)
        draw_card(surface, card)
        r = card.inflate(-60, -40)
        y = r.top
        lines = [event_line(e, tr) for e in report.get("entries") or []]
        tender, award = pub.get("tender"), pub.get("award")
        if tender and tender.get("bids"):
            lines.append(tr("ui.projector.bids", n=len(tender["bids"])))
        if award and award.get("winner"):
            names = {t["vendor"]: tr.pick(t["name"]) for t in pub["teams"]}
            lines.append(tr("ui.projector.award", who=names.get(award["winner"], "?")))
        board = pub.get("leaderboard")
        if board:
            movers = [tr.pick(b["name"]) for b in board
                      if b["progress"] > self.board_before.get(b["vendor"], b["progress"])]
            if movers:
                lines.append(tr("ui.projector.advanced", who=", ".join(movers)))
        if not lines:
            lines = [tr("ui.projector.quiet")]
        for line in lines:
            for part in wrap_lines(line, r.width, theme.HEADING)[:3]:
                draw_text(surface, part, (r.left, y), theme.HEADING, theme.INK,
                          max_width=r.width)
                y += 36
            y += 8
            if y > r.bottom - 36:
                break

    def _end(self, surface: pygame.Surface) -> None:
        tr = self.ctx.tr
        done = self.feed.finished()
        if done is None:
            return
        lang = tr.language
        if self._room is None or self._room_lang != lang:
            from game.net.class_report import room_debrief

            state, people, humans = done
            self._room, self._room_lang = room_debrief(state, lang, people, humans), lang
        room = self._room
        w, h = surface.get_size()
        head = tr("ui.projector.winner", who=room["winner_name"]) if room["winner_name"] \
            else tr("ui.projector.no_winner")
        draw_text(surface, head, (w // 2, 64), theme.HEADING, theme.ACCENT, bold=True,
                  anchor="midtop", max_width=w - 80)
        teams = room["teams"]
        n = len(teams)
        top = 110
        col_w = (w - 80 - (n - 1) * 10) // max(1, n)
        moments_h = (h - top - 20) // 2
        for i, t in enumerate(teams):
            rect = pygame.Rect(40 + i * (col_w + 10), top, col_w, moments_h)
            draw_card(surface, rect)
            r = rect.inflate(-20, -16)
            draw_text(surface, t["name"], (r.left, r.top), theme.BODY, theme.INK, bold=True,
                      max_width=r.width)
            draw_text(surface, f"{t['verdict_text']} · P{t['stage']}", (r.left, r.top + 26),
                      theme.LABEL, theme.ACCENT if t["verdict"] == "won" else theme.INK_MUTED,
                      bold=True, max_width=r.width)
            y = r.top + 56
            for m in t["moments"]:
                for part in wrap_lines(m["title"], r.width, theme.LABEL, True)[:2]:
                    draw_text(surface, part, (r.left, y), theme.LABEL, theme.INK, bold=True,
                              max_width=r.width)
                    y += 22
                for part in wrap_lines(m["text"], r.width, theme.LABEL)[:3]:
                    draw_text(surface, part, (r.left, y), theme.LABEL, theme.INK_MUTED,
                              max_width=r.width)
                    y += 20
                y += 6
                if y > r.bottom - 22:
                    break
        dec = room.get("decision")
        rect = pygame.Rect(40, top + moments_h + 10, w - 80, h - top - moments_h - 30)
        draw_card(surface, rect)
        r = rect.inflate(-30, -20)
        if not dec:
            draw_text(surface, tr("ui.projector.no_bids"), (r.left, r.top), theme.BODY,
                      theme.INK_MUTED)
            return
        vendors = [b["vendor"] for b in dec["bids"]]
        names = {b["vendor"]: b["name"] for b in dec["bids"]}
        name_w = int(r.width * 0.28)
        cw = (r.width - name_w) // max(1, len(vendors))
        draw_text(surface, tr("ui.projector.scores"), (r.left, r.top), theme.LABEL,
                  theme.INK_MUTED, bold=True, max_width=name_w)
        for j, v in enumerate(vendors):
            draw_text(surface, names[v], (r.left + name_w + j * cw, r.top), theme.LABEL,
                      theme.INK, bold=True, max_width=cw - 6)
        y = r.top + 26
        for ev in dec["evaluators"]:
            draw_text(surface, f"{ev['name']} ({ev['weight_share']:.0%})", (r.left, y),
                      theme.LABEL, theme.INK, max_width=name_w - 6)
            best = max(ev["scores"].values()) if ev["scores"] else None
            for j, v in enumerate(vendors):
                s = ev["scores"].get(v)
                if s is None:
                    continue
                draw_text(surface, f"{s:.2f}", (r.left + name_w + j * cw, y), theme.LABEL,
                          theme.ACCENT if s == best else theme.INK, bold=s == best)
            y += 22
            if y > r.bottom - 22:
                break
