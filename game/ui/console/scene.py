"""The trainer's console: every team at a glance, the week's clock, and the trainer's levers.

The top bar is the round: the clock kept on the host (held while paused), start, pause and
resume, a minute more, end the week now, auto-advance and minutes per week, with the pace
against the room's booking. The table is the live monitor: each team's stage, C931, days and
money left, who sits where (away in colour and in words), who has committed; a team's row
opens its seats (cover, absent, release, AI) or its board, read-only. On the right: how to
join (address, QR code), the scenario's events to preview and fire, messages to a team or
the room, and the session (restart the week, undo a week, leaderboard, exports, end).

Everything comes from the workshop's own console frame (``game.net.frames.console``), the
same the text console prints; commands go through ``Workshop.command``, so the window and
the terminal can do exactly the same things.
"""

from __future__ import annotations

import time
from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from game.net.protocol import Refusal
from game.ui import fmt, router, theme
from game.ui.console.service import HostService, refusal_key
from game.ui.scene import Command, Pop, Scene
from game.ui.widgets import (
    BUTTON_H,
    MARGIN,
    button,
    draw_card,
    draw_text,
    esc,
    label,
    para,
    text_box,
)

TABS = ("join", "events", "message", "session")
ROW_H = 58
REBUILD_S = 0.4  # at most this often the monitor's widgets follow a new frame


def clock_text(frame: dict[str, Any], tr: Any) -> str:
    r = frame["round"]
    if r["status"] == "lobby":
        return tr("ui.console.lobby")
    if r["status"] == "over":
        return tr("ui.console.over")
    left = r["clock"]["left_s"]
    if left is None:
        return tr("ui.console.no_clock")
    text = f"{int(left // 60):02d}:{int(left % 60):02d}"
    return tr("ui.console.paused", left=text) if r["clock"]["paused"] else text


def pace_text(frame: dict[str, Any], tr: Any) -> tuple[str, bool]:
    """The projected finish at the current pace, and whether it fits the session."""
    p = frame.get("pace") or {}
    if p.get("finish_in_s") is None:
        return tr("ui.console.pace_unknown", weeks=p.get("weeks_left", "?"),
                  left=int((p.get("session_left_s") or 0) // 60)), True
    finish = time.strftime("%H:%M", time.localtime(time.time() + p["finish_in_s"]))
    text = tr("ui.console.pace", week=int(p["week_s"] or 0), weeks=p["weeks_left"],
              finish=finish, left=int(p["session_left_s"] // 60))
    if not p["fits"]:
        text += "  " + tr("ui.console.pace_warn")
    return text, bool(p["fits"])


class ConsoleScene(Scene):
    """The console (see the module docstring)."""

    title_key = "ui.console.title"
    opaque = False

    def __init__(self, ctx, service: HostService) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.service = service
        self.frame: dict[str, Any] = service.ws.console_frame()
        self.tab = "join"
        self.status = ""
        self.status_bad = False
        self.preview: dict[str, Any] | None = None
        self.target = "all"  # the message's receiver
        self.message = ""
        self.buttons: dict[str, UIButton] = {}
        self.rows: list[tuple[UIButton, UIButton, str]] = []
        self.events: list[tuple[UIButton, UIButton, str]] = []
        self.targets: dict[str, UIButton] = {}
        self.entry: UITextEntryLine | None = None
        self.layout: dict[str, pygame.Rect] = {}
        self._dirty_at: float | None = None
        self._built: dict[str, Any] | None = None  # the frame the widgets were built for
        self._qr: pygame.Surface | None = None
        self._watching = False

    # --- the host's frames -------------------------------------------------------------------
    def on_enter(self) -> None:
        self.service.start(self.ctx)
        if not self._watching:
            self.service.host.watchers["console"].append(self._frame)
            self._watching = True
        self.frame = self.service.ws.console_frame()

    def _frame(self, msg: dict[str, Any]) -> None:
        """A new frame is painted at once; the widgets are rebuilt only when what they are
        changed (the round's state, the settings, who is human), so a click never lands
        on a button that a seat's commit has just replaced."""
        self.frame = msg
        if self._shape(msg) != self._shape(self._built) and self._dirty_at is None:
            self._dirty_at = time.monotonic()

    @staticmethod
    def _shape(f: dict[str, Any] | None) -> Any:
        if f is None:
            return None
        r = f["round"]
        return (r["status"], r["clock"]["paused"], r["clock"]["left_s"] is None,
                tuple(sorted(f["settings"].items())), f["week"],
                tuple((t["vendor"], t["human"]) for t in f["teams"]))

    def update(self, dt: float) -> Command | None:
        if self._dirty_at is not None and time.monotonic() - self._dirty_at >= REBUILD_S:
            self._dirty_at = None
            stack = getattr(self.ctx, "stack", None)
            if stack is None or stack.top is self:  # else: rebuilt when it is on top again
                self.ctx.request_rebuild()
        return None

    # --- layout ------------------------------------------------------------------------------
    def build(self) -> None:
        ctx, tr = self.ctx, self.ctx.tr
        self._built = self.frame
        self._dirty_at = None  # this build shows the newest frame
        w, h = ctx.size
        left = MARGIN
        inner = w - 2 * MARGIN
        table_w = int(inner * 0.62)
        self.layout = {
            "top": pygame.Rect(left, 84, inner, 92),
            "table": pygame.Rect(left, 188, table_w, h - 188 - 40),
            "side": pygame.Rect(left + table_w + 16, 188, inner - table_w - 16, h - 188 - 40),
        }
        self.buttons = {}
        spec_title = self.service.ws.base_spec.title.model_dump()
        title = tr("ui.console.heading", title=tr.pick(spec_title))
        label(ctx, (left, 22, inner - 520, 40), title, "#heading")
        self.buttons["projector"] = button(ctx, (w - MARGIN - 500, 22, 240, BUTTON_H),
                                           tr("ui.console.projector"),
                                           tr("ui.console.projector_tip"), "#primary")
        self.buttons["leave"] = button(ctx, (w - MARGIN - 250, 22, 250, BUTTON_H),
                                       tr("ui.console.leave"), tr("ui.console.leave_tip"),
                                       "#quiet")
        self._controls()
        self._table()
        self._side()

    def _controls(self) -> None:
        ctx, tr, f = self.ctx, self.ctx.tr, self.frame
        top = self.layout["top"]
        status = f["round"]["status"]
        x, y = top.left + 250, top.top + 8
        spec: list[tuple[str, str, str | None, int]] = []
        if status == "lobby":
            spec.append(("start", tr("ui.console.start"), "#primary", 200))
        elif status == "planning":
            paused = f["round"]["clock"]["paused"]
            spec += [("resume" if paused else "pause",
                      tr("ui.console.resume" if paused else "ui.console.pause"),
                      "#primary" if paused else None, 130),
                     ("extend", tr("ui.console.extend"), None, 110),
                     ("end_week", tr("ui.console.end_week"), "#warning_button", 190)]
        auto = f["settings"]["auto_advance"]
        spec.append(("auto", tr("ui.console.auto_on" if auto else "ui.console.auto_off"),
                     "#toggle_on" if auto else None, 200))
        for key, text, oid, bw in spec:
            self.buttons[key] = button(ctx, (x, y, bw, BUTTON_H), text,
                                       tr(f"ui.console.{key}_tip"), oid)
            x += bw + 8
        mins = f["settings"]["minutes"]
        label(ctx, (x + 6, y + 8, 150, 28), tr("ui.console.minutes", n=f"{mins:g}"), "#body",
              tip=tr("ui.console.minutes_tip"))
        self.buttons["less"] = button(ctx, (x + 160, y, 44, BUTTON_H), "−",
                                      tr("ui.console.minutes_tip"))
        self.buttons["more"] = button(ctx, (x + 208, y, 44, BUTTON_H), "+",
                                      tr("ui.console.minutes_tip"))

    def _table(self) -> None:
        ctx, tr, f = self.ctx, self.ctx.tr, self.frame
        t = self.layout["table"]
        self.rows = []
        for i, team in enumerate(f["teams"]):
            y = t.top + 34 + i * ROW_H
            if y + ROW_H > t.bottom:
                break
            manage = button(ctx, (t.right - 196, y + 8, 96, 38), tr("ui.console.seats"),
                            tr("ui.console.seats_tip"))
            board = button(ctx, (t.right - 96, y + 8, 88, 38), tr("ui.console.board"),
                           tr("ui.console.board_tip"))
            self.rows.append((manage, board, team["vendor"]))

    def _side(self) -> None:
        ctx, tr, _f = self.ctx, self.ctx.tr, self.frame
        s = self.layout["side"]
        cell = (s.width - 3 * 6) // 4
        for i, tab in enumerate(TABS):
            self.buttons["tab_" + tab] = button(ctx, (s.left + i * (cell + 6), s.top, cell, 38),
                                                tr("ui.console.tab." + tab),
                                                tr("ui.console.tab." + tab + "_tip"),
                                                "#toggle_on" if tab == self.tab else None)
        body = pygame.Rect(s.left, s.top + 48, s.width, s.height - 48)
        self.layout["body"] = body
        self.events, self.targets, self.entry = [], {}, None
        getattr(self, "_tab_" + self.tab)(body)

    def _tab_join(self, body: pygame.Rect) -> None:
        tr = self.ctx.tr
        text = [f"<b>{esc(tr('ui.console.join_how'))}</b>"]
        text += [f"<font pixel_size={theme.HEADING}><b>{esc(a)}</b></font>"
                 for a in self.service.addresses()]
        text.append(para(tr("ui.console.join_codes"), body.width - 40))
        text.append(esc(tr("ui.console.pin", pin=self.service.ws.pin)))
        text_box(self.ctx, (body.left, body.top, body.width, 236), "<br>".join(text),
                 "#plain_text")

    def _tab_events(self, body: pygame.Rect) -> None:
        ctx, tr, f = self.ctx, self.ctx.tr, self.frame
        planning = f["round"]["status"] == "planning"
        shown = f["events"][: max(0, (body.height - 150) // 44)]
        for i, ev in enumerate(shown):
            y = body.top + i * 44
            label(ctx, (body.left, y + 8, body.width - 200, 28), tr.pick(ev["title"]), "#body")
            pv = button(ctx, (body.right - 196, y, 96, 38), tr("ui.console.preview"),
                        tr("ui.console.preview_tip"))
            fire = button(ctx, (body.right - 96, y, 96, 38), tr("ui.console.fire"),
                          tr("ui.console.fire_tip"), "#warning_button")
            if not planning:
                pv.disable()
                fire.disable()
            self.events.append((pv, fire, ev["id"]))
        if self.preview is not None:
            y = body.top + len(shown) * 44 + 8
            text_box(ctx, (body.left, y, body.width, body.bottom - y), self._preview_html(),
                     "#plain_text")

    def _preview_html(self) -> str:
        tr = self.ctx.tr
        p = self.preview or {}
        ev = next((e for e in self.frame["events"] if e["id"] == p.get("event")), None)
        what = tr.pick(ev["title"]) if ev else ""
        lines = [f"<b>{esc(tr('ui.console.preview_of', event=what))}</b>"]
        names = {t["vendor"]: tr.pick(t["name"]) for t in self.frame["teams"]}
        for vid, r in (p.get("result") or {}).items():
            a, b = r["forecast"]
            lines.append(esc(tr("ui.console.preview_line", team=names.get(vid, vid),
                                a=round(a * 100), b=round(b * 100), s=r["stage"][0],
                                t=r["stage"][1])))
        return "<br>".join(lines)

    def _tab_message(self, body: pygame.Rect) -> None:
        ctx, tr, f = self.ctx, self.ctx.tr, self.frame
        label(ctx, (body.left, body.top, body.width, 26), tr("ui.console.message_to"), "#section")
        choices = [("all", tr("ui.console.everyone"))] + [
            (t["vendor"], tr.pick(t["name"])) for t in f["teams"] if t["human"]]
        cols = 2
        cw = (body.width - 8) // cols
        for i, (key, text) in enumerate(choices):
            x = body.left + (i % cols) * (cw + 8)
            y = body.top + 30 + (i // cols) * 44
            self.targets[key] = button(ctx, (x, y, cw, 38), text, None,
                                       "#toggle_on" if key == self.target else None)
        y = body.top + 30 + ((len(choices) + 1) // cols) * 44 + 8
        self.entry = UITextEntryLine(pygame.Rect(body.left, y, body.width, BUTTON_H),
                                     ctx.manager, placeholder_text=tr("ui.console.message_hint"))
        self.entry.set_text(self.message)
        self.buttons["send"] = button(ctx, (body.right - 160, y + BUTTON_H + 8, 160, BUTTON_H),
                                      tr("ui.console.send"), tr("ui.console.send_tip"),
                                      "#primary")

    def _tab_session(self, body: pygame.Rect) -> None:
        ctx, tr, f = self.ctx, self.ctx.tr, self.frame
        status = f["round"]["status"]
        lb = f["settings"]["leaderboard"]
        spec = [("leaderboard", tr("ui.console.board_on" if lb else "ui.console.board_off"),
                 "#toggle_on" if lb else None, True),
                ("restart_week", tr("ui.console.restart_week"), None, status == "planning"),
                ("rollback", tr("ui.console.rollback"), None,
                 status == "planning" and f["week"] > 1),
                ("export", tr("ui.console.export"), None, True),
                ("end_game", tr("ui.console.end_game"), "#warning_button", status != "over")]
        for i, (key, text, oid, on) in enumerate(spec):
            btn = button(ctx, (body.left, body.top + i * 52, body.width, BUTTON_H), text,
                         tr(f"ui.console.{key}_tip"), oid)
            if not on:
                btn.disable()
            self.buttons[key] = btn
        y = body.top + len(spec) * 52 + 4
        text_box(ctx, (body.left, y, body.width, max(40, body.bottom - y)),
                 para(tr("ui.console.folder", path=str(self.service.ws.folder)),
                      body.width - 30), "#plain_text")

    # --- input -------------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> Command | None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element is self.entry:
            self.message = self.entry.get_text()
            return None
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.entry:
            return self.send_message()
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F5:
            return router.push("projector", self.ctx, self.service)
        if event.type != pygame_gui.UI_BUTTON_PRESSED:
            return None
        el = event.ui_element
        for manage, board, vid in self.rows:
            if el is manage:
                return router.push("console_team", self.ctx, self.service, vid)
            if el is board:
                return self.open_board(vid)
        for pv, fire, eid in self.events:
            if el is pv:
                return self.run("preview", event=eid)
            if el is fire:
                return router.push("console_confirm", self.ctx, ("inject", eid),
                                   self.ctx.tr("ui.console.confirm_inject"))
        for key, btn in self.targets.items():
            if el is btn:
                self.target = key
                self.ctx.request_rebuild()
                return None
        for tab in TABS:
            if el is self.buttons.get("tab_" + tab):
                self.tab = tab
                self.ctx.request_rebuild()
                return None
        key = next((k for k, b in self.buttons.items() if b is el), None)
        return self.press(key) if key else None

    def press(self, key: str) -> Command | None:
        f, tr = self.frame, self.ctx.tr
        confirm = {"end_week": "ui.console.confirm_end_week",
                   "end_game": "ui.console.confirm_end_game",
                   "restart_week": "ui.console.confirm_restart",
                   "rollback": "ui.console.confirm_rollback"}
        if key in confirm:
            return router.push("console_confirm", self.ctx, (key, None), tr(confirm[key]))
        if key == "projector":
            return router.push("projector", self.ctx, self.service)
        if key == "leave":
            if f["round"]["status"] == "over":
                return Pop()
            return router.push("console_confirm", self.ctx, ("leave", None),
                               tr("ui.console.confirm_leave"))
        if key == "auto":
            return self.run("auto", on=not f["settings"]["auto_advance"])
        if key in ("less", "more"):
            m = f["settings"]["minutes"]
            step = 1 if key == "more" else -1
            return self.run("minutes", minutes=max(0.0, min(240.0, m + step)))
        if key == "extend":
            return self.run("extend", minutes=1.0)
        if key == "leaderboard":
            return self.run("leaderboard", on=not f["settings"]["leaderboard"])
        if key == "send":
            return self.send_message()
        if key == "export":
            return self.export()
        if key in ("start", "pause", "resume"):
            return self.run(key)
        return None

    def receive(self, result: Any) -> None:
        """A confirmation (or a team's seat dialog) came back with what to do."""
        if not isinstance(result, tuple):
            return
        key, arg = result
        if key == "leave":
            self.ctx.post(Pop())
        elif key == "inject":
            self.run("inject", event=arg)
        elif key in ("end_week", "end_game", "restart_week", "rollback"):
            self.run(key)

    def run(self, cmd: str, **kw: Any) -> None:
        """Carry out one command; say what happened (or why not) on the status line."""
        tr = self.ctx.tr
        try:
            out = self.service.command(cmd, **kw)
        except Refusal as r:
            key = refusal_key(r)
            text = tr(key)
            self.status, self.status_bad = (text if text != key else r.text), True
            self.ctx.request_rebuild()
            return None
        self.status_bad = False
        if cmd == "preview":
            self.preview = {"event": kw.get("event"), "result": out.get("preview")}
            self.status = ""
        else:
            self.status = tr("ui.console.done." + cmd)
        self.frame = self.service.ws.console_frame()
        self.ctx.play_sound("confirm")
        self.ctx.request_rebuild()
        return None

    def send_message(self) -> None:
        text = (self.entry.get_text() if self.entry is not None else self.message).strip()
        if not text:
            self.status, self.status_bad = self.ctx.tr("ui.console.message_empty"), True
            self.ctx.request_rebuild()
            return None
        self.run("say", team=self.target, text=text)
        if not self.status_bad:
            self.message = ""
            self.ctx.request_rebuild()
        return None

    def export(self) -> None:
        from game.net.class_report import export_all

        tr = self.ctx.tr
        try:
            folder = export_all(self.service.ws, tr.language)
        except Exception as error:  # noqa: BLE001 - say why, keep the console running
            self.status, self.status_bad = tr("ui.console.export_failed", why=str(error)), True
        else:
            self.status, self.status_bad = tr("ui.console.exported", path=str(folder)), False
        self.ctx.request_rebuild()

    def open_board(self, vid: str) -> Command:
        from game.ui.console.readonly import ReadOnlySession

        return router.push("board", self.ctx, ReadOnlySession(self.service.ws, vid))

    # --- drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        if not self.layout:
            return
        tr, f = self.ctx.tr, self.frame
        top = self.layout["top"]
        draw_card(surface, top)
        draw_text(surface, clock_text(self._live(), tr), (top.left + 20, top.top + 10),
                  theme.TITLE, theme.DANGER if f["round"]["clock"]["paused"] else theme.INK,
                  bold=True, max_width=220)
        week = tr("ui.console.week", n=f["week"], last=f["last_week"],
                  phase=tr("phase." + f["phase"]))
        pace, fits = pace_text(f, tr)
        draw_text(surface, week, (top.left + 20, top.top + 62), theme.LABEL, theme.INK_MUTED,
                  max_width=230)
        draw_text(surface, pace, (top.left + 250, top.top + 62), theme.LABEL,
                  theme.INK_MUTED if fits else theme.DANGER, bold=not fits,
                  max_width=top.width - 270)
        self._draw_table(surface)
        body = self.layout.get("body")
        if body is not None:
            draw_card(surface, body.inflate(16, 12))
        if self.tab == "join":
            self._draw_qr(surface)
        if self.status:
            h = surface.get_height()
            draw_text(surface, self.status, (MARGIN, h - 30), theme.LABEL,
                      theme.DANGER if self.status_bad else theme.ACCENT, bold=True,
                      max_width=surface.get_width() - 2 * MARGIN)

    def _live(self) -> dict[str, Any]:
        """The frame with the clock as it is now (the frame is sent only on changes)."""
        ws = self.service.ws
        return {**self.frame, "round": {**self.frame["round"], "clock": ws.clock.state(),
                                        "status": ws.status}}

    def _draw_table(self, surface: pygame.Surface) -> None:
        tr, f = self.ctx.tr, self.frame
        t = self.layout["table"]
        draw_card(surface, t)
        cols = [(16, tr("ui.console.col.team")), (t.width * 0.30, tr("ui.console.col.code")),
                (t.width * 0.40, tr("ui.console.col.stage")),
                (t.width * 0.50, "C931"), (t.width * 0.62, tr("ui.console.col.money"))]
        for x, text in cols:
            draw_text(surface, text, (t.left + int(x), t.top + 10), theme.LABEL,
                      theme.INK_MUTED, bold=True)
        from game import palette

        for i, team in enumerate(f["teams"]):
            y = t.top + 34 + i * ROW_H
            if y + ROW_H > t.bottom:
                draw_text(surface, tr("ui.console.more_teams", n=len(f["teams"]) - i),
                          (t.left + 16, y), theme.LABEL, theme.INK_MUTED)
                break
            if i % 2:
                pygame.draw.rect(surface, theme.rgb(theme.SURFACE_ALT),
                                 (t.left + 4, y, t.width - 8, ROW_H))
            colour = palette.RIVALS[i % len(palette.RIVALS)] if i else palette.US
            pygame.draw.rect(surface, theme.rgb(colour), (t.left + 6, y + 8, 6, ROW_H - 16))
            name = tr.pick(team["name"])
            code = team["code"] if team["human"] else tr("ui.console.ai")
            draw_text(surface, name, (t.left + 16, y + 6), theme.BODY, theme.INK,
                      bold=True, max_width=int(t.width * 0.30) - 24)
            draw_text(surface, code, (t.left + int(t.width * 0.30), y + 6), theme.BODY,
                      theme.ACCENT if team["human"] else theme.INK_MUTED, bold=True,
                      max_width=int(t.width * 0.10))
            status = "" if team["active"] else " · " + tr("ui.vstatus." + team["status"])
            draw_text(surface, f"P{team['stage']}{status}", (t.left + int(t.width * 0.40),
                                                             y + 6), theme.BODY, theme.INK,
                      max_width=int(t.width * 0.1))
            h = team["health"] or {}
            c931 = f"{h.get('c', '-')}C {h.get('f', '-')}F {h.get('w', '-')}W" if h else "-"
            draw_text(surface, c931, (t.left + int(t.width * 0.50), y + 6), theme.BODY,
                      theme.INK, max_width=int(t.width * 0.12))
            draw_text(surface, fmt.money(team["budget_left"], tr.language),
                      (t.left + int(t.width * 0.62), y + 6), theme.BODY, theme.INK,
                      max_width=t.width - int(t.width * 0.62) - 200)
            self._draw_seats(surface, team, t.left + 16, y + 32, t.width - 230)

    def _draw_seats(self, surface: pygame.Surface, team: dict[str, Any], x: int, y: int,
                    width: int) -> None:
        tr = self.ctx.tr
        if not team["human"]:
            draw_text(surface, tr("ui.console.ai_plays"), (x, y), theme.LABEL, theme.INK_MUTED)
            return
        if not team["seats"]:
            draw_text(surface, tr("ui.console.nobody"), (x, y), theme.LABEL, theme.INK_MUTED)
            return
        days = team["days_left"]
        for s in team["seats"]:
            role = tr("ui.join.role_team") if s["role"] == "team" else tr("ui.role_short." +
                                                                       s["role"])
            done = team["committed"].get(s["role"])
            mark = "✓ " if done else ""
            if s["absent"] or s["cover"]:
                state, colour = tr("ui.console.seat_ai"), theme.INK_MUTED
            elif not s["connected"]:
                state, colour = tr("ui.console.seat_away"), theme.DANGER
            else:
                state, colour = "", theme.INK
            left = "" if s["role"] == "team" else f" {days.get(s['role'], 0)}d"
            text = f"{mark}{s['name']} ({role}{left}){' ' + state if state else ''}"
            r = draw_text(surface, text, (x, y), theme.LABEL, colour, bold=bool(done),
                          max_width=max(40, width - (x - self.layout['table'].left - 16)))
            x = r.right + 14
            if x > self.layout["table"].left + 16 + width:
                break

    def _draw_qr(self, surface: pygame.Surface) -> None:
        body = self.layout.get("body")
        if body is None:
            return
        addrs = self.service.addresses()
        size = min(body.width - 40, body.bottom - body.top - 246)
        if size < 80 or not addrs:
            return
        if self._qr is None or self._qr.get_width() != size:
            from game.ui.qr import qr_surface

            self._qr = qr_surface(addrs[0], size)
        surface.blit(self._qr, (body.centerx - size // 2, body.top + 240))
