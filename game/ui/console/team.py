"""A team's seats on the console (who sits where, and the trainer's choices when someone
drops), and the one confirmation every irreversible console step asks for."""

from __future__ import annotations

from typing import Any

import pygame

from game.net.protocol import Refusal
from game.ui.console.service import HostService, refusal_key
from game.ui.scene import Command, Pop
from game.ui.widgets import esc, para
from game.ui.widgets.card import CardScene, enter_key, esc_key


class TeamScene(CardScene):
    """One team: each seat's person and state, with cover / absent / release, and the team
    given to the AI or opened to people."""

    title_key = "ui.console.team_title"
    width = 860

    def __init__(self, ctx, service: HostService, vendor: str) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.service, self.vendor = service, vendor
        self.note = ""
        self.actions: dict[str, tuple[str, dict[str, Any]]] = {}

    def content(self) -> tuple[str, str, list[tuple[str, str, str, str | None]]]:
        tr = self.ctx.tr
        ws = self.service.ws
        team = ws.lobby.teams[self.vendor]
        name = tr.pick(ws.state.vendors[self.vendor].name)
        width = min(self.width, self.ctx.size[0] - 80) - 80
        lines = [esc(tr("ui.console.team_code", code=team.code) if team.human
                     else tr("ui.console.ai_plays"))]
        acts: list[tuple[str, str, str, str | None]] = []
        self.actions = {}
        for s in team.seats.values():
            role = tr("ui.join.role_team") if s.role == "team" else tr("ui.role." + s.role)
            state = (tr("ui.console.seat_absent") if s.absent else
                     tr("ui.console.seat_cover") if s.cover else
                     tr("ui.console.seat_here") if s.connected else tr("ui.console.seat_away"))
            line = f"• {s.name} — {role}: {state}"
            if s.released:
                line += " · " + tr("ui.console.seat_released")
            if s.taken_from:
                line += " · " + tr("ui.console.taken_from", name=s.taken_from)
            lines.append(para(line, width))
            short = tr("ui.join.role_team") if s.role == "team" else tr("ui.role_short." + s.role)
            if not s.absent:
                key = f"cover_{s.role}"
                self.actions[key] = ("cover", {"role": s.role, "on": not s.cover})
                acts.append((key, tr("ui.console.uncover" if s.cover else "ui.console.cover",
                                     role=short), tr("ui.console.cover_tip"), None))
            key = f"absent_{s.role}"
            self.actions[key] = ("absent", {"role": s.role, "on": not s.absent})
            acts.append((key, tr("ui.console.unabsent" if s.absent else "ui.console.absent",
                                 role=short), tr("ui.console.absent_tip"), None))
            if not s.connected and not s.released:
                key = f"release_{s.role}"
                self.actions[key] = ("release", {"role": s.role, "on": True})
                acts.append((key, tr("ui.console.release", role=short),
                             tr("ui.console.release_tip"), None))
        if not team.seats:
            lines.append(esc(tr("ui.console.nobody")))
        self.actions["ai"] = ("ai_team", {"on": team.human})
        acts.append(("ai", tr("ui.console.ai_on" if team.human else "ui.console.ai_off"),
                     tr("ui.console.ai_tip"), None))
        acts.append(("close", tr("ui.common.back"), tr("ui.common.back_tip"), "#primary"))
        if self.note:
            lines += ["", f"<b>{esc(self.note)}</b>"]
        return name, "<br>".join(lines), acts

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        choice = self.pressed(event)
        if choice == "close" or esc_key(event):
            return Pop()
        if choice in self.actions:
            cmd, kw = self.actions[choice]
            try:
                self.service.command(cmd, team=self.vendor, **kw)
                self.note = self.ctx.tr("ui.console.done." + cmd)
            except Refusal as r:
                key = refusal_key(r)
                self.note = self.ctx.tr(key) if self.ctx.tr(key) != key else r.text
            self.ctx.request_rebuild()
        return None


class ConfirmScene(CardScene):
    """Asks once before a step that cannot be taken back; hands ``result`` back on yes."""

    title_key = "ui.console.confirm_title"
    width = 640

    def __init__(self, ctx, result: Any, question: str) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.result, self.question = result, question

    def content(self) -> tuple[str, str, list[tuple[str, str, str, str | None]]]:
        tr = self.ctx.tr
        width = min(self.width, self.ctx.size[0] - 80) - 80
        return (tr("ui.console.confirm_title"), para(self.question, width), [
            ("no", tr("ui.confirm.back"), tr("ui.confirm.back_tip"), None),
            ("yes", tr("ui.console.confirm_yes"), tr("ui.console.confirm_yes_tip"),
             "#warning_button"),
        ])

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        choice = self.pressed(event)
        if choice == "yes" or enter_key(event):
            return Pop(result=self.result)
        if choice == "no" or esc_key(event):
            return Pop()
        return None
