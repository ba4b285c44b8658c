"""Load game: the saves in the user's data folder, newest first."""

from __future__ import annotations

from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UISelectionList

from game.save import SaveError, SaveInfo, list_saves, read_info
from game.ui import theme
from game.ui.scene import Command, Pop, Scene
from game.ui.session import saves_dir
from game.ui.widgets import (
    BUTTON_H,
    button,
    content_rect,
    draw_card,
    draw_header_rule,
    fit,
    is_pressed,
    label,
    page_header,
    para,
    text_box,
    text_width,
)


def describe(info: SaveInfo, tr, width: int | None = None) -> str:  # type: ignore[no-untyped-def]
    """One line per save: when, scenario, mode, week, language, finished or autosave; the
    scenario title is shortened so the line fits ``width`` px."""
    stamp = info.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
    tail = [tr(f"save.list.{info.mode}"), tr("ui.calendar.week_n", n=info.week)]
    if info.language:
        tail.append(tr(f"save.list.lang_{info.language}"))
    if info.finished:
        tail.append(tr("save.list.finished"))
    if info.autosave:
        tail.append(tr("ui.load.auto"))
    title = tr.pick(info.scenario_title) or info.scenario_id
    if width is not None:
        rest = text_width(" · ".join([stamp, "", *tail]))
        title = fit(title, max(120, width - rest))
    return " · ".join([stamp, title, *tail])


class LoadScene(Scene):
    title_key = "ui.load.title"

    def __init__(self, ctx, refused: tuple[Path, SaveError] | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.entries = list_saves(saves_dir(ctx.data_dir))
        self.selected: int | None = 0 if self.entries else None
        self.back: UIButton | None = None
        self.load_button: UIButton | None = None
        self.listing: UISelectionList | None = None
        self.card = pygame.Rect(0, 0, 0, 0)
        self.message = ""
        if refused is not None:
            self.refuse(*refused)

    def build(self) -> None:
        ctx, tr = self.ctx, self.ctx.tr
        self.back = page_header(ctx, tr("ui.load.title"))
        area = content_rect(ctx.size, bottom=84)
        self.card = area
        if not self.entries:
            label(ctx, (area.left + 32, area.top + 32, area.width - 64, 30),
                  tr("ui.load.empty"), "#body")
            label(ctx, (area.left + 32, area.top + 66, area.width - 64, 26),
                  tr("ui.load.empty_hint"), "#muted")
            return
        row_w = area.width - 24 - 40  # the list's inner width, less its padding and scroll bar
        items = [(describe(e, tr, row_w), str(i)) for i, e in enumerate(self.entries)]
        note_h = 72 if self.message else 0  # a refusal and its fallback, under the list
        self.listing = UISelectionList(
            pygame.Rect(area.left + 12, area.top + 12, area.width - 24,
                        area.height - 24 - note_h),
            items, ctx.manager,
            default_selection=items[self.selected] if self.selected is not None else None,
        )
        self.load_button = button(ctx, (area.right - 240, area.bottom + 20, 240, BUTTON_H + 4),
                                  tr("ui.load.load"), tr("ui.load.load_tip"), "#primary")
        if self.message:
            width = area.width - 32
            text_box(ctx, (area.left + 16, area.bottom - note_h - 4, width, note_h),
                     f"<font color='{theme.DANGER}'>{para(self.message, width - 8)}</font>",
                     "#plain_text")

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        if is_pressed(event, self.back) or (
            event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE
        ):
            self.ctx.play_sound("back")
            return Pop()
        if event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION and self.listing:
            chosen = self.listing.get_single_selection(include_object_id=True)
            if isinstance(chosen, tuple) and chosen[1].isdigit():
                self.selected = int(chosen[1])
        if is_pressed(event, self.load_button) and self.selected is not None:
            return self.load(self.entries[self.selected])
        return None

    def load(self, entry: SaveInfo) -> Command | None:
        from game.ui.session import open_save

        result = open_save(self.ctx, entry.path)
        if isinstance(result, SaveError):
            self.refuse(entry.path, result)
            self.ctx.request_rebuild()
            return None
        return result

    def refuse(self, path: Path, error: SaveError) -> None:
        """Say why the save was refused; select the game's last good autosave if it has one."""
        self.message = self.ctx.tr(error.key, **error.params)
        if error.fallback is None:
            return
        try:
            fallback = read_info(error.fallback)
        except SaveError:
            return
        paths = [e.path for e in self.entries]
        if fallback.path in paths:
            self.selected = paths.index(fallback.path)
        else:
            at = paths.index(path) + 1 if path in paths else 0
            self.entries.insert(at, fallback)
            self.selected = at
        gap = "" if self.message.endswith(("。", "！", "？")) else " "
        self.message += gap + self.ctx.tr("save.fallback", week=fallback.week)

    def draw(self, surface: pygame.Surface) -> None:
        draw_header_rule(surface, surface.get_size())
        draw_card(surface, self.card)
