"""The menu's way into a workshop: run one on this laptop (the trainer) or join one (a team)."""

from __future__ import annotations

import pygame

from game.ui import router
from game.ui.scene import Command, Pop
from game.ui.widgets import para
from game.ui.widgets.card import CardScene, esc_key


class WorkshopMenuScene(CardScene):
    title_key = "ui.menu.workshop"
    width = 700

    def content(self) -> tuple[str, str, list[tuple[str, str, str, str | None]]]:
        tr = self.ctx.tr
        width = min(self.width, self.ctx.size[0] - 80) - 80
        return (tr("ui.menu.workshop"), para(tr("ui.menu.workshop_text"), width), [
            ("host", tr("ui.menu.workshop_host"), tr("ui.menu.workshop_host_tip"), None),
            ("join", tr("ui.menu.workshop_join"), tr("ui.menu.workshop_join_tip"), "#primary"),
            ("back", tr("ui.common.back"), tr("ui.common.back_tip"), "#quiet"),
        ])

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        choice = self.pressed(event)
        if choice == "host":
            return router.replace("workshop_setup", self.ctx)
        if choice == "join":
            return router.replace("join", self.ctx)
        if choice == "back" or esc_key(event):
            return Pop()
        return None
