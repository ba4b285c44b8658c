"""Load game: the saves in the user's data folder, newest first."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UISelectionList

from game.ui.scene import Command, Pop, Scene
from game.ui.widgets import (
    BUTTON_H,
    button,
    content_rect,
    draw_card,
    draw_header_rule,
    is_pressed,
    label,
    page_header,
)


@dataclass(frozen=True)
class SaveEntry:
    path: Path
    modified: float
    meta: dict[str, Any]

    @property
    def autosave(self) -> bool:
        return self.path.stem.startswith("autosave")


def save_dir(data_dir: Path) -> Path:
    return data_dir / "saves"


def list_saves(data_dir: Path) -> list[SaveEntry]:
    folder = save_dir(data_dir)
    if not folder.is_dir():
        return []
    entries = []
    for path in folder.glob("*.json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        meta = data.get("meta", {}) if isinstance(data, dict) else {}
        entries.append(SaveEntry(path, path.stat().st_mtime, meta if isinstance(meta, dict)
                                 else {}))
    return sorted(entries, key=lambda e: e.modified, reverse=True)


def describe(entry: SaveEntry, tr) -> str:  # type: ignore[no-untyped-def]
    stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.modified))
    title = tr.pick(entry.meta.get("title")) or entry.path.stem
    week = entry.meta.get("week")
    parts = [stamp, title]
    if week is not None:
        parts.append(tr("ui.calendar.week_n", n=week))
    if entry.autosave:
        parts.append(tr("ui.load.auto"))
    return " · ".join(parts)


class LoadScene(Scene):
    title_key = "ui.load.title"

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.entries = list_saves(ctx.data_dir)
        self.selected: int | None = 0 if self.entries else None
        self.back: UIButton | None = None
        self.load_button: UIButton | None = None
        self.listing: UISelectionList | None = None
        self.card = pygame.Rect(0, 0, 0, 0)
        self.message = ""

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
        items = [(describe(e, tr), str(i)) for i, e in enumerate(self.entries)]
        self.listing = UISelectionList(
            pygame.Rect(area.left + 12, area.top + 12, area.width - 24, area.height - 24),
            items, ctx.manager,
            default_selection=items[self.selected] if self.selected is not None else None,
        )
        self.load_button = button(ctx, (area.right - 240, area.bottom + 20, 240, BUTTON_H + 4),
                                  tr("ui.load.load"), tr("ui.load.load_tip"), "#primary")
        if self.message:
            label(ctx, (area.left, area.bottom + 30, area.width - 260, 28), self.message,
                  "#warning")

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

    def load(self, entry: SaveEntry) -> Command | None:
        from game.ui.session import open_save

        result = open_save(self.ctx, entry.path)
        if isinstance(result, str):
            self.message = self.ctx.tr(result)
            self.ctx.request_rebuild()
            return None
        return result

    def draw(self, surface: pygame.Surface) -> None:
        draw_header_rule(surface, surface.get_size())
        draw_card(surface, self.card)
