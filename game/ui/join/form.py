"""Joining a workshop: the host's address, the team's code, a role and one's name.

A one-laptop team (role "team") may name who plays which role, so the debrief's ledger
lists people. A laptop that held a seat at this address before offers to rejoin it (the
seat token is kept in the user's data folder), as after a crash or a closed window.
"""

from __future__ import annotations

from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from game.ui.scene import Command, Pop, Scene
from game.ui.widgets import (
    BUTTON_H,
    button,
    content_rect,
    draw_card,
    draw_header_rule,
    draw_text,
    is_pressed,
    label,
    page_header,
    toggle_row,
)

SEAT_ROLES = ("team", "rep", "presales", "pm", "exec")
ROLES = SEAT_ROLES[1:]


class JoinScene(Scene):
    """The join form (see the module docstring)."""

    title_key = "ui.join.title"

    def __init__(self, ctx, address: str = "", code: str = "", role: str = "team",  # type: ignore[no-untyped-def]
                 player: str = "", auto: bool = False) -> None:
        super().__init__(ctx)
        self.address, self.code, self.role, self.name = address, code.upper(), role, player
        self.names: dict[str, str] = {}
        self.error = ""
        self.link: Any = None
        self.entries: dict[str, UITextEntryLine] = {}
        self.roles: dict[str, UIButton] = {}
        self.back: UIButton | None = None
        self.go: UIButton | None = None
        self.rejoin: UIButton | None = None
        self.card = pygame.Rect(0, 0, 0, 0)
        self.auto = auto  # the command line gave everything: join at once

    # --- layout ------------------------------------------------------------------------------
    def _saved(self) -> dict[str, Any] | None:
        from game.ui.join.link import saved_seat

        return saved_seat(self.ctx.data_dir, self.address.strip()) if self.address else None

    def build(self) -> None:
        ctx, tr = self.ctx, self.ctx.tr
        self.back = page_header(ctx, tr("ui.join.heading"))
        area = content_rect(ctx.size, bottom=84)
        w = min(760, area.width)
        self.card = pygame.Rect(area.centerx - w // 2, area.top + 4, w, area.height - 8)
        x, y = self.card.left + 28, self.card.top + 20
        inner = w - 56

        def entry(key: str, text: str, value: str, tip: str, width: int = inner,
                  at: int = 0, last: bool = True) -> None:
            nonlocal y
            label(ctx, (x + at, y, width, 24), text, "#section", tip=tip)
            box = UITextEntryLine(pygame.Rect(x + at, y + 26, width, BUTTON_H), ctx.manager)
            box.set_text(value)
            box.set_tooltip(tip)
            self.entries[key] = box
            if last:
                y += 26 + BUTTON_H + 12

        self.entries = {}
        entry("address", tr("ui.join.address"), self.address, tr("ui.join.address_tip"),
              inner - 260, last=False)
        entry("code", tr("ui.join.code"), self.code, tr("ui.join.code_tip"), 240, inner - 240)
        label(ctx, (x, y, inner, 24), tr("ui.join.role"), "#section", tip=tr("ui.join.role_tip"))
        cell = (inner - 4 * 8) // 5
        self.roles = toggle_row(ctx, x, y + 26, [
            (r, tr("ui.join.role_team") if r == "team" else tr("ui.role_short." + r),
             tr("ui.join.role_team_tip") if r == "team" else tr("ui.role." + r))
            for r in SEAT_ROLES], self.role, cell)
        y += 26 + BUTTON_H + 12
        entry("name", tr("ui.join.team_name" if self.role == "team" else "ui.join.name"),
              self.name, tr("ui.join.name_tip"))
        if self.role == "team":
            label(ctx, (x, y, inner, 24), tr("ui.join.names"), "#section",
                  tip=tr("ui.join.names_tip"))
            y += 26
            half = (inner - 12) // 2
            for i, r in enumerate(ROLES):
                col, row = i % 2, i // 2
                rx, ry = x + col * (half + 12), y + row * (BUTTON_H + 8)
                box = UITextEntryLine(pygame.Rect(rx + 110, ry, half - 110, BUTTON_H),
                                      ctx.manager, placeholder_text=tr("ui.join.optional"))
                box.set_text(self.names.get(r, ""))
                label(ctx, (rx, ry + 8, 104, 24), tr("ui.role_short." + r))
                self.entries["name_" + r] = box
            y += 2 * (BUTTON_H + 8)
        saved = self._saved()
        self.rejoin = None
        if saved is not None:
            self.rejoin = button(ctx, (x, self.card.bottom - BUTTON_H - 24, inner - 280,
                                       BUTTON_H + 4),
                                 tr("ui.join.rejoin", name=saved.get("name", "?"),
                                    team=saved.get("team", "?"),
                                    role=tr("ui.join.role_team") if saved.get("role") == "team"
                                    else tr("ui.role_short." + str(saved.get("role")))),
                                 tr("ui.join.rejoin_tip"))
        self.go = button(ctx, (self.card.right - 28 - 260, self.card.bottom - BUTTON_H - 24, 260,
                               BUTTON_H + 4), tr("ui.join.go"), tr("ui.join.go_tip"),
                         "#primary")
        if self.link is not None:
            self.go.disable()

    # --- input -------------------------------------------------------------------------------
    def _read(self) -> None:
        for key, box in self.entries.items():
            text = box.get_text().strip()
            if key.startswith("name_"):
                self.names[key[5:]] = text
            else:
                setattr(self, key, text)
        self.code = self.code.upper()

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED:
            self._read()
            return None
        if is_pressed(event, self.back) or (event.type == pygame.KEYDOWN
                                            and event.key == pygame.K_ESCAPE):
            self._cancel()
            return Pop()
        for role, btn in self.roles.items():
            if is_pressed(event, btn):
                self._read()
                self.role = role
                self.ctx.play_sound("click")
                self.ctx.request_rebuild()
                return None
        if is_pressed(event, self.rejoin):
            saved = self._saved()
            if saved is not None:
                self._connect(token=str(saved["token"]), name=str(saved.get("name", "")))
            return None
        enter = event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED or (
            event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER))
        if is_pressed(event, self.go) or enter:
            self._read()
            self._connect()
        return None

    def _cancel(self) -> None:
        if self.link is not None:
            self.link.leave()
            self.link = None

    def _connect(self, token: str | None = None, name: str | None = None) -> None:
        from game.ui.join.link import TeamLink

        tr = self.ctx.tr
        address = self.address.strip()
        if ":" not in address:
            self.error = tr("ui.join.need_address")
        elif token is None and len(self.code) < 4:
            self.error = tr("ui.join.need_code")
        elif token is None and not self.name:
            self.error = tr("ui.join.need_name")
        else:
            self.error = ""
        if self.error:
            self.ctx.request_rebuild()
            return
        self._cancel()
        names = {r: n for r, n in self.names.items() if n} if self.role == "team" else None
        self.link = TeamLink(self.ctx, address, None if token else self.code, self.role,
                             name or self.name, names or None, token=token)
        self.link.start()
        self.ctx.play_sound("confirm")
        self.ctx.request_rebuild()

    def update(self, dt: float) -> Command | None:
        if self.auto:
            self.auto = False
            self._connect()
        link = self.link
        if link is not None and link.failed:
            self.error = link.failed
            self._cancel()
            self.ctx.request_rebuild()
        elif link is not None and link.client.fatal and not link.entered:
            self.error = self.ctx.tr("ui.join.cannot", why=link.client.fatal)
            self._cancel()
            self.ctx.request_rebuild()
        return None

    # --- drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        from game.ui import theme

        draw_header_rule(surface, surface.get_size())
        draw_card(surface, self.card)
        tr = self.ctx.tr
        y = self.card.bottom - BUTTON_H - 60
        if self.error:
            draw_text(surface, self.error, (self.card.left + 28, y), theme.LABEL, theme.DANGER,
                      bold=True, max_width=self.card.width - 56)
        elif self.link is not None:
            key = "ui.join.waiting" if self.link.online else "ui.join.connecting"
            draw_text(surface, tr(key, address=self.address), (self.card.left + 28, y),
                      theme.LABEL, theme.INK_MUTED, max_width=self.card.width - 56)
