"""Running a workshop from the menu: the scenario, how many human teams, minutes per week,
how long the room is booked, and the port; then the host starts and the console opens."""

from __future__ import annotations

from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from game.ui import router, theme
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
    wrap_lines,
)


def start_workshop(spec: Any, teams: int, minutes: float, session: float, port: int,
                   bind: str = "0.0.0.0", seed: int = 1) -> Any:
    """A new workshop (its folder in the user's data folder) and its host, not yet
    listening: the console starts it in the window's loop."""
    from game.net.cli import workshops_dir
    from game.net.workshop import Settings, Workshop, human_vendors
    from game.save import new_game_id
    from game.ui.console.service import HostService

    game_id = new_game_id(spec.id)
    ws = Workshop.create(spec, seed, human_vendors(spec, teams), workshops_dir() / game_id,
                         Settings(minutes=minutes, session_minutes=session), game_id=game_id)
    return HostService(ws, bind, port)


class WorkshopSetupScene(Scene):
    title_key = "ui.workshop.title"

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        from game.ui.catalog import list_scenarios

        self.entries = [e for e in list_scenarios(ctx.scenarios_dir) if e.ok]
        first = next((i for i, e in enumerate(self.entries) if e.key == "workshop_hospital"), 0)
        self.index = first
        self.teams = len(self.entries[first].spec.vendors) if self.entries else 1
        self.minutes = 6.0
        self.session = 180.0
        self.port = "8765"
        self.error = ""
        self.buttons: dict[str, UIButton] = {}
        self.scenarios: list[UIButton] = []
        self.port_entry: UITextEntryLine | None = None
        self.card = pygame.Rect(0, 0, 0, 0)

    @property
    def spec(self) -> Any:
        return self.entries[self.index].spec

    def build(self) -> None:
        ctx, tr = self.ctx, self.ctx.tr
        self.buttons = {"back": page_header(ctx, tr("ui.workshop.heading"))}
        area = content_rect(ctx.size, bottom=84)
        self.card = area
        x, y, w = area.left + 28, area.top + 20, area.width // 2 - 40
        label(ctx, (x, y, w, 24), tr("ui.workshop.scenario"), "#section")
        self.scenarios = []
        for i, e in enumerate(self.entries[:8]):
            text = f"{tr.pick(e.spec.title)} · {len(e.spec.vendors)}"
            self.scenarios.append(button(ctx, (x, y + 28 + i * 50, w, BUTTON_H), text,
                                         tr("ui.workshop.scenario_tip"),
                                         "#toggle_on" if i == self.index else None))
        x2 = area.centerx + 20
        rows = [("teams", tr("ui.workshop.teams", n=self.teams,
                             of=len(self.spec.vendors) if self.entries else 0)),
                ("minutes", tr("ui.workshop.minutes", n=f"{self.minutes:g}")),
                ("session", tr("ui.workshop.session", n=f"{self.session:g}"))]
        for i, (key, text) in enumerate(rows):
            yy = y + i * 64
            label(ctx, (x2, yy + 10, 300, 28), text, "#body", tip=tr(f"ui.workshop.{key}_tip"))
            self.buttons[key + "-"] = button(ctx, (x2 + 310, yy, 50, BUTTON_H), "−",
                                             tr(f"ui.workshop.{key}_tip"))
            self.buttons[key + "+"] = button(ctx, (x2 + 366, yy, 50, BUTTON_H), "+",
                                             tr(f"ui.workshop.{key}_tip"))
        yy = y + 3 * 64
        label(ctx, (x2, yy + 10, 300, 28), tr("ui.workshop.port"), "#body",
              tip=tr("ui.workshop.port_tip"))
        self.port_entry = UITextEntryLine(pygame.Rect(x2 + 310, yy, 106, BUTTON_H), ctx.manager)
        self.port_entry.set_text(self.port)
        self.buttons["go"] = button(ctx, (area.right - 300, area.bottom + 20, 300,
                                          BUTTON_H + 4), tr("ui.workshop.go"),
                                    tr("ui.workshop.go_tip"), "#primary")
        if not self.entries:
            self.buttons["go"].disable()

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element is self.port_entry:
            self.port = self.port_entry.get_text().strip()
            return None
        if is_pressed(event, self.buttons.get("back")) or (
                event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE):
            return Pop()
        for i, btn in enumerate(self.scenarios):
            if is_pressed(event, btn):
                self.index = i
                self.teams = len(self.spec.vendors)
                self.ctx.request_rebuild()
                return None
        steps = {"teams": (1, 1, len(self.spec.vendors) if self.entries else 1),
                 "minutes": (1, 0, 60), "session": (30, 30, 600)}
        for key, (step, lo, hi) in steps.items():
            for sign in "-+":
                if is_pressed(event, self.buttons.get(key + sign)):
                    value = getattr(self, key) + (step if sign == "+" else -step)
                    setattr(self, key, type(getattr(self, key))(max(lo, min(hi, value))))
                    self.ctx.request_rebuild()
                    return None
        enter = event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN,
                                                                pygame.K_KP_ENTER)
        if is_pressed(event, self.buttons.get("go")) or enter:
            return self.go()
        return None

    def go(self) -> Command | None:
        tr = self.ctx.tr
        if not self.port.isdigit() or not 0 < int(self.port) < 65536:
            self.error = tr("ui.workshop.bad_port")
            self.ctx.request_rebuild()
            return None
        try:
            service = start_workshop(self.spec, self.teams, self.minutes, self.session,
                                     int(self.port))
        except (OSError, ValueError) as error:
            self.error = str(error)
            self.ctx.request_rebuild()
            return None
        self.ctx.play_sound("confirm")
        return router.replace("console", self.ctx, service)

    def draw(self, surface: pygame.Surface) -> None:
        draw_header_rule(surface, surface.get_size())
        draw_card(surface, self.card)
        if self.entries:
            r = self.card
            x2 = r.centerx + 20
            y = r.top + 20 + 4 * 64 + 10
            for line in wrap_lines(self.ctx.tr("ui.workshop.note"), r.right - x2 - 28,
                                   theme.LABEL):
                draw_text(surface, line, (x2, y), theme.LABEL, theme.INK_MUTED)
                y += 24
        if self.error:
            draw_text(surface, self.error, (self.card.left + 28, self.card.bottom + 30),
                      theme.LABEL, theme.DANGER, bold=True, max_width=self.card.width - 360)
