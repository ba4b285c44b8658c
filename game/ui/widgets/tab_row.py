"""A row of toggle buttons painted as one element (the deal board's role and panel tabs).

Their labels carry counts that a click changes ("Presales 3/4", "Plan (3)"); as pygame_gui
buttons each change laid out and rendered the label again in every state of the button.
``TabRow`` paints them from kept pictures (``game.ui.widgets.painted``) and looks like the
buttons it replaces: the theme's button, its ``#toggle_on`` look for the tab that is on,
hover, press and disabled looks, each tab's tooltip, a label cut to fit shown whole in it.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

import pygame

from game.ui import theme
from game.ui.widgets import draw_text, esc, fit
from game.ui.widgets.painted import PREMUL, Painted, Part, Spot

RADIUS = 8

#: fill, border, text colour, bold
LOOKS: dict[str, tuple[str, str, str, bool]] = {
    "normal": (theme.SURFACE, theme.BORDER, theme.INK, False),
    "hovered": (theme.ACCENT_SOFT, theme.ACCENT, theme.INK, False),
    "held": (theme.SELECTED, theme.ACCENT, theme.INK, False),
    "disabled": (theme.BG_DEEP, theme.BORDER, theme.INK_FAINT, False),
    "on": (theme.ACCENT_SOFT, theme.ACCENT, theme.ACCENT, True),
    "on_hovered": (theme.SELECTED, theme.ACCENT, theme.ACCENT, True),
    "on_held": (theme.SELECTED, theme.ACCENT, theme.ACCENT, True),
}


@dataclass(frozen=True)
class Tab:
    """One tab: a click reports ``key``; ``on`` is the tab shown as chosen."""

    key: Hashable
    label: str
    tip: str | None = None
    on: bool = False
    enabled: bool = True


class TabRow(Painted):
    """See the module docstring; ``cells`` are the tabs' rectangles on screen."""

    def __init__(self, cells: list[pygame.Rect], manager: Any) -> None:
        area = pygame.Rect(cells[0]).unionall([pygame.Rect(c) for c in cells])
        super().__init__(area, manager, "tab_row")
        self.cells = [pygame.Rect(c).move(-area.left, -area.top) for c in cells]
        self.tabs: list[Tab] = []

    def set_tabs(self, tabs: list[Tab]) -> None:
        if tabs == self.tabs:
            return
        if self._hover is not None and (self._hover[0] >= len(tabs)
                                        or tabs[self._hover[0]] != self.tabs[self._hover[0]]):
            self._drop_tip()  # the tab under the pointer says something else now
        self.tabs = list(tabs)
        self._dirty = True

    def warm(self, tabs: list[Tab]) -> None:
        """Make the pictures of ``tabs`` as they would show (hovered by nothing) without
        showing them: a screen prepares the labels a click may bring."""
        shown, self.tabs = self.tabs, list(tabs)
        try:
            for i in range(min(len(tabs), len(self.cells))):
                self._tab_face(i, None)
        finally:
            self.tabs = shown

    def spots(self) -> list[Spot]:
        """Every tab where it is, by key (for the tests and the scripted tours)."""
        return [Spot(i, t.key, "tab", self._part_rect((i, "tab")), t.enabled, t.label)
                for i, t in enumerate(self.tabs)]

    # --- parts ------------------------------------------------------------------------------------
    def _spot(self, x: float, y: float) -> Part | None:
        local = (x - self.rect.left, y - self.rect.top)
        return next(((i, "tab") for i, c in enumerate(self.cells[:len(self.tabs)])
                     if c.collidepoint(local)), None)

    def _part_rect(self, part: Part) -> pygame.Rect:
        return self.cells[part[0]].move(self.rect.topleft)

    def _key(self, index: int) -> Hashable:
        return self.tabs[index].key

    def _enabled(self, part: Part) -> bool:
        return self.tabs[part[0]].enabled

    def _shown(self, i: int) -> str:
        tab, width = self.tabs[i], self.cells[i].width
        return fit(tab.label, width - min(28, width // 3), theme.BUTTON, tab.on)

    def _tip(self, part: Part) -> str | None:
        tab = self.tabs[part[0]]
        if self._shown(part[0]) != tab.label:
            return f"{esc(tab.label)}<br>{tab.tip}" if tab.tip else esc(tab.label)
        return tab.tip

    # --- painting ---------------------------------------------------------------------------------
    def _paint(self) -> None:
        image = self._show()
        for i, cell in enumerate(self.cells[:len(self.tabs)]):
            image.blit(self._tab_face(i, self._look_at((i, "tab"))), cell,
                       special_flags=PREMUL)

    def _tab_face(self, i: int, at: str | None) -> pygame.Surface:
        """Tab ``i``'s picture, the pointer meeting it as ``at`` says."""
        tab, cell = self.tabs[i], self.cells[i]
        if not tab.enabled and not tab.on:
            look = "disabled"
        else:
            look = ("on_" if tab.on else "") + (at or "")
            look = look.rstrip("_") or "normal"
        text = self._shown(i)

        def make() -> pygame.Surface:
            fill, border, ink, bold = LOOKS[look]
            face = pygame.Surface(cell.size, pygame.SRCALPHA)
            box = face.get_rect()
            pygame.draw.rect(face, theme.rgb(fill), box, border_radius=RADIUS)
            pygame.draw.rect(face, theme.rgb(border), box, 1, border_radius=RADIUS)
            draw_text(face, text, box.center, theme.BUTTON, ink, bold=bold, anchor="center")
            return face

        return self._face((text, look, cell.size), make)
