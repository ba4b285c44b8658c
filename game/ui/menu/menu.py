"""The main menu: title, the seven-stage motif, and the six ways in."""

from __future__ import annotations

import math
from typing import Any

import pygame
from pygame_gui.elements import UIButton

from game.ui import router, theme
from game.ui.scene import Command, Quit, Scene
from game.ui.widgets import BUTTON_H, draw_card, draw_text, is_pressed, label, para, text_box

MENU_ITEMS: tuple[tuple[str, str], ...] = (
    ("solo", "#menu_primary"),
    ("tutorial", "#menu_button"),
    ("team", "#menu_button"),
    ("workshop", "#menu_button"),
    ("load", "#menu_button"),
    ("library", "#menu_button"),
    ("settings", "#menu_button"),
    ("quit", "#menu_button"),
)


class MenuScene(Scene):
    title_key = "ui.menu.title"

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.buttons: dict[str, UIButton] = {}
        self.lang_button: UIButton | None = None
        self.card = pygame.Rect(0, 0, 0, 0)
        self.track = pygame.Rect(0, 0, 0, 0)
        self.resume_path, self.resume_week = self._interrupted()
        self.focus = 0  # the item Enter opens; ↑↓ move it

    def _interrupted(self) -> tuple[Any, int | None]:
        """The autosave of a game left unfinished: offered first on the menu."""
        if self.ctx.options.no_resume:
            return None, None
        try:
            from game.save import load_meta
            from game.ui.session import interrupted_game

            path = interrupted_game(self.ctx.data_dir)
            return (path, load_meta(path).get("week")) if path else (None, None)
        except Exception:  # noqa: BLE001 - a broken autosave only loses the offer
            return None, None

    def items(self) -> list[tuple[str, str]]:
        if self.resume_path is None:
            return list(MENU_ITEMS)
        return [("resume", "#menu_primary"), ("solo", "#menu_button"), *MENU_ITEMS[1:]]

    # layout ------------------------------------------------------------------------------
    def build(self) -> None:
        tr = self.ctx.tr
        width, height = self.ctx.size
        card_w = 400
        items = self.items()
        n = len(items)
        step = BUTTON_H + (14 if n <= 7 else 8)
        card_h = 40 + n * step + 24
        left = int(width * 0.07)
        right_x = width - left - card_w
        top = max(70, (height - card_h) // 2 + 10)  # clear of the language button
        self.card = pygame.Rect(right_x, top, card_w, card_h)
        label(self.ctx, (right_x + 28, self.card.top + 14, card_w - 56, 26),
              tr("ui.menu.choose"), "#section")
        y = self.card.top + 48
        self.focus = max(0, min(self.focus, n - 1))
        for i, (key, _oid) in enumerate(items):
            oid = "#menu_primary" if i == self.focus else "#menu_button"
            text = tr(f"ui.menu.{key}", week=self.resume_week or 1)
            self.buttons[key] = UIButton(
                pygame.Rect(right_x + 24, y, card_w - 48, BUTTON_H + 4),
                text, self.ctx.manager,
                tool_tip_text=tr(f"ui.menu.{key}_tip"),
                object_id=oid,
            )
            y += step

        text_w = max(320, right_x - left - 48)
        top = int(height * 0.17)
        label(self.ctx, (left, top, text_w, 60), tr("ui.app.name"), "#title")
        label(self.ctx, (left, top + 64, text_w, 32), tr("ui.app.tagline"), "#subtitle")
        intro_w = min(text_w, 580)
        text_box(self.ctx, (left - 2, top + 112, intro_w, 150),
                 para(tr("ui.menu.intro"), intro_w - 12), "#plain_text", wrap_to_height=True)
        self.track = pygame.Rect(left, max(top + 290, height - 200), min(text_w, 600), 110)
        lang_text = tr("ui.settings.lang_other")
        self.lang_button = UIButton(
            pygame.Rect(width - left - 132, 22, 132, 40), lang_text, self.ctx.manager,
            tool_tip_text=tr("ui.settings.lang_tip"), object_id="#lang",
        )

    # input -------------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> Command | None:
        if is_pressed(event, self.lang_button):
            self.ctx.play_sound("click")
            self.ctx.set_language("en" if self.ctx.tr.language == "zh" else "zh")
            return None
        for key, widget in self.buttons.items():
            if is_pressed(event, widget):
                self.ctx.play_sound("click")
                return self.choose(key)
        if event.type == pygame.KEYDOWN:
            return self._key(event.key)
        return None

    def _key(self, key: int) -> Command | None:
        """Keyboard play: ↑↓ move the highlighted item, Enter opens it, F1 the library."""
        items = [k for k, _oid in self.items()]
        if key == pygame.K_F1:
            return self.choose("library")
        if key in (pygame.K_UP, pygame.K_DOWN):
            step = -1 if key == pygame.K_UP else 1
            self.focus = (self.focus + step) % len(items)
            self.ctx.play_sound("click")
            self.ctx.request_rebuild()
            return None
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.ctx.play_sound("click")
            return self.choose(items[min(self.focus, len(items) - 1)])
        return None

    def choose(self, key: str) -> Command | None:
        if key == "resume" and self.resume_path is not None:
            from game.save import SaveError
            from game.ui.session import open_save

            path, result = self.resume_path, open_save(self.ctx, self.resume_path)
            if isinstance(result, SaveError):  # say why, and offer the last good autosave
                self.resume_path = None
                self.ctx.request_rebuild()
                return router.push("load", self.ctx, refused=(path, result))
            return result
        if key == "solo":
            return router.push("new_game", self.ctx, mode="solo")
        if key == "tutorial":
            return self.start_guide()
        if key == "team":
            return router.push("new_game", self.ctx, mode="team")
        if key == "workshop":
            return router.push("workshop_menu", self.ctx)
        if key == "load":
            return router.push("load", self.ctx)
        if key == "library":
            return router.push("library", self.ctx)
        if key == "settings":
            return router.push("settings", self.ctx)
        if key == "quit":
            return Quit(0)
        return None

    def start_guide(self) -> Command | None:
        """The guided first deal: solo, every role played by the player, its own seed."""
        from game.play.guide import guide_path
        from game.ui.catalog import load_spec
        from game.ui.setup import GameSetup

        path = guide_path(self.ctx.scenarios_dir)
        try:
            spec = load_spec(path)
        except Exception:  # noqa: BLE001 - a missing or broken file only loses the guide
            return None
        setup = GameSetup.default_for(spec, path, mode="solo", seed=1)
        return router.push("briefing", self.ctx, spec, setup)

    # drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        width, height = surface.get_size()
        band = pygame.Rect(0, height - 64, width, 64)
        pygame.draw.rect(surface, theme.rgb(theme.BG_DEEP), band)
        draw_card(surface, self.card)
        self._draw_track(surface)
        draw_text(surface, self.ctx.tr("ui.menu.footer"), (int(width * 0.07), height - 32),
                  theme.LABEL, theme.INK_MUTED, anchor="midleft", max_width=width - 200)
        from game import __version__  # the rules' version: saves name it when refused

        draw_text(surface, f"v{__version__}", (width - int(width * 0.07), height - 32),
                  theme.LABEL, theme.INK_FAINT, anchor="midright")

    def _draw_track(self, surface: pygame.Surface) -> None:
        """Seven stages as connected dots: the funnel every deal walks (P1..P7)."""
        rect = self.track
        if rect.width <= 0:
            return
        tr = self.ctx.tr
        draw_text(surface, tr("ui.menu.track"), (rect.left, rect.top), theme.LABEL,
                  theme.INK_MUTED, bold=True, max_width=rect.width)
        cy = rect.top + 50
        step = rect.width / 7
        xs = [int(rect.left + step * (i + 0.5)) for i in range(7)]
        pygame.draw.line(surface, theme.rgb(theme.BORDER_STRONG), (xs[0], cy), (xs[-1], cy), 2)
        for i, x in enumerate(xs):
            shade = 0.35 + 0.65 * (i / 6)
            fill = tuple(
                round(b + (a - b) * shade)
                for a, b in zip(theme.rgb(theme.US), theme.rgb(theme.SURFACE), strict=True)
            )
            radius = 15 + int(3 * math.sin(i / 6 * math.pi))
            pygame.draw.circle(surface, fill, (x, cy), radius)
            pygame.draw.circle(surface, theme.rgb(theme.US), (x, cy), radius, 2)
            text_colour = "#FFFFFF" if shade > 0.6 else theme.INK
            draw_text(surface, f"P{i + 1}", (x, cy), theme.LABEL, text_colour, bold=True,
                      anchor="center")
            draw_text(surface, tr(f"ui.stage_short.p{i + 1}"), (x, cy + 26), theme.LABEL,
                      theme.INK_MUTED, anchor="midtop", max_width=int(step) - 4)
