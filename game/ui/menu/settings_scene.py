"""Settings: language, sound, window, text size, animations. Every change applies and saves
at once."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIDropDownMenu, UIHorizontalSlider

from game.ui.scene import Command, Pop, Scene
from game.ui.widgets import (
    BUTTON_H,
    content_rect,
    draw_card,
    draw_header_rule,
    is_pressed,
    label,
    page_header,
    toggle_row,
)

COLUMN = 920
SIZES: tuple[tuple[int, int], ...] = ((1280, 720), (1366, 768), (1600, 900), (1920, 1080))


class SettingsScene(Scene):
    title_key = "ui.settings.title"

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.back: UIButton | None = None
        self.lang: dict[str, UIButton] = {}
        self.sound: dict[str, UIButton] = {}
        self.window: dict[str, UIButton] = {}
        self.anim: dict[str, UIButton] = {}
        self.text_size: dict[str, UIButton] = {}
        self.volume: UIHorizontalSlider | None = None
        self.volume_label = None
        self.size_menu: UIDropDownMenu | None = None
        self.card = pygame.Rect(0, 0, 0, 0)

    def build(self) -> None:
        ctx, tr, s = self.ctx, self.ctx.tr, self.ctx.settings
        self.back = page_header(ctx, tr("ui.settings.title"), max_w=COLUMN)
        area = content_rect(ctx.size, max_w=COLUMN)
        card_w = area.width
        self.card = pygame.Rect(area.left, area.top + 8, card_w, 5 * 76 + 96)
        x_label = self.card.left + 32
        x_ctl = self.card.left + 280
        y = self.card.top + 28
        row = 76

        def row_label(key: str) -> None:
            label(ctx, (x_label, y - 2, 236, 28), tr(f"ui.settings.{key}"), "#body")
            label(ctx, (x_label, y + 26, 236, 24), tr(f"ui.settings.{key}_hint"), "#muted")

        row_label("language")
        self.lang = toggle_row(ctx, x_ctl, y, [
            ("zh", "中文", tr("ui.settings.lang_tip")),
            ("en", "English", tr("ui.settings.lang_tip")),
        ], s.language)
        y += row

        row_label("sound")
        self.sound = toggle_row(ctx, x_ctl, y, [
            ("on", tr("ui.common.on"), tr("ui.settings.sound_tip")),
            ("off", tr("ui.common.off"), tr("ui.settings.sound_tip")),
        ], "on" if s.sound else "off", width=110)
        slider_x = x_ctl + 2 * 118 + 24
        self.volume = UIHorizontalSlider(
            pygame.Rect(slider_x, y + 8, 220, 30), round(s.volume * 100), (0, 100),
            ctx.manager, click_increment=10,
        )
        self.volume.set_tooltip(tr("ui.settings.volume_tip"))
        self.volume_label = label(ctx, (slider_x + 232, y + 8, 120, 30),
                                  tr("ui.settings.volume_value", value=round(s.volume * 100)),
                                  "#muted")
        if not s.sound:
            self.volume.disable()
        y += row

        row_label("window")
        self.window = toggle_row(ctx, x_ctl, y, [
            ("windowed", tr("ui.settings.windowed"), tr("ui.settings.window_tip")),
            ("fullscreen", tr("ui.settings.fullscreen"), tr("ui.settings.window_tip")),
        ], "fullscreen" if s.fullscreen else "windowed")
        options = [(f"{w} × {h}", f"{w}x{h}") for w, h in SIZES]
        current = f"{s.width}x{s.height}"
        if current not in {o[1] for o in options}:
            options.insert(0, (f"{s.width} × {s.height}", current))
        start = next(o for o in options if o[1] == current)
        self.size_menu = UIDropDownMenu(
            options, start, pygame.Rect(x_ctl + 2 * 158 + 16, y, 190, BUTTON_H), ctx.manager,
        )
        self.size_menu.set_tooltip(tr("ui.settings.size_tip"))
        if s.fullscreen:
            self.size_menu.disable()
        y += row

        row_label("text_size")
        self.text_size = toggle_row(ctx, x_ctl, y, [
            (value, tr(f"ui.settings.text_{value}"), tr(f"ui.settings.text_{value}_tip"))
            for value in ("normal", "large", "projector")
        ], s.text_size, width=150)
        y += row

        row_label("animations")
        self.anim = toggle_row(ctx, x_ctl, y, [
            ("on", tr("ui.common.on"), tr("ui.settings.animations_tip")),
            ("off", tr("ui.common.off"), tr("ui.settings.animations_tip")),
        ], "on" if s.animations else "off", width=110)
        y += row

        label(ctx, (x_label, y + 4, card_w - 64, 24), tr("ui.settings.saved_where"), "#muted")

    # input -------------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> Command | None:
        ctx, s = self.ctx, self.ctx.settings
        if is_pressed(event, self.back) or (
            event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE
        ):
            ctx.play_sound("back")
            return Pop()
        for value, widget in self.lang.items():
            if is_pressed(event, widget):
                ctx.play_sound("click")
                ctx.set_language(value)
        for value, widget in self.sound.items():
            if is_pressed(event, widget):
                s.sound = value == "on"
                self._changed()
                ctx.play_sound("click")
        for value, widget in self.anim.items():
            if is_pressed(event, widget):
                s.animations = value == "on"
                self._changed()
        for value, widget in self.window.items():
            if is_pressed(event, widget):
                ctx.set_fullscreen(value == "fullscreen")
        for value, widget in self.text_size.items():
            if is_pressed(event, widget):
                ctx.play_sound("click")
                ctx.set_text_size(value)
        if (
            event.type == pygame_gui.UI_HORIZONTAL_SLIDER_MOVED
            and event.ui_element is self.volume
        ):
            s.volume = float(event.value) / 100.0
            if self.volume_label is not None:
                self.volume_label.set_text(ctx.tr("ui.settings.volume_value",
                                                  value=round(s.volume * 100)))
            ctx.save_settings()
            ctx.play_sound("click")
        if (
            event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED
            and event.ui_element is self.size_menu
        ):
            w, _, h = str(event.selected_option_id).partition("x")
            if w.isdigit() and h.isdigit():
                pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=int(w), h=int(h),
                                                     size=(int(w), int(h))))
                ctx.save_settings()
        return None

    def _changed(self) -> None:
        self.ctx.save_settings()
        self.ctx.request_rebuild()

    def draw(self, surface: pygame.Surface) -> None:
        draw_header_rule(surface, surface.get_size(), COLUMN)
        draw_card(surface, self.card)
