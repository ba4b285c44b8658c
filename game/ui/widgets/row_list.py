"""A list of rows painted as one element, each row with up to two small buttons at its end
(the deal board's action list and its week's plan).

They were scrolling containers of pygame_gui buttons and labels, and a click that changed
their words (a person picked, a move planned or undone) had pygame_gui rebuild every row
that changed; this list repaints from kept pictures of its rows (``game.ui.widgets.painted``
says how, and how it stands in for buttons: hover, press, double click, tooltips). A boxed
row ("row") is a button that can be selected, a "row_muted" one says in its text why it
cannot be done now; "body", "muted" and "warning" rows are lines of text. A line cut to fit
shows whole in its tooltip. The list scrolls with pygame_gui's scroll bar (wheel, drag,
track) when it is longer than its place. Rows keep the places they are given: the list never
reorders them, and it scrolls only when asked to show a row.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

import pygame
from pygame_gui.elements import UIVerticalScrollBar

from game.ui import theme
from game.ui.widgets import draw_text, esc, fit, wrap_lines
from game.ui.widgets.painted import PREMUL, Painted, Part, Spot

RADIUS = 6
BAR_W = 14
TEXT_PAD = 12  # a boxed row's text from its left edge

#: a row's look: font size, bold, text colour, and for a boxed row its fill and border
ROW_LOOKS: dict[str, tuple[int, bool, str, str | None, str | None]] = {
    "row": (16, False, theme.INK, theme.SURFACE, theme.BORDER),
    "row_muted": (16, False, theme.INK_MUTED, theme.SURFACE_ALT, theme.BORDER),
    "row_hovered": (16, False, theme.INK, theme.ACCENT_SOFT, theme.ACCENT),
    "row_muted_hovered": (16, False, theme.INK_MUTED, theme.ACCENT_SOFT, theme.ACCENT),
    "row_selected": (16, False, theme.INK, theme.SELECTED, theme.ACCENT),
    "row_muted_selected": (16, False, theme.INK_MUTED, theme.SELECTED, theme.ACCENT),
    "body": (theme.BODY, False, theme.INK, None, None),
    "muted": (theme.LABEL, False, theme.INK_MUTED, None, None),
    "warning": (theme.LABEL, True, theme.DANGER, None, None),
}
#: a button's look (normal, hovered, disabled): fill, border, text colour; font size, bold
SIDE_LOOKS: dict[str, tuple[tuple[str, str, str], tuple[str, str, str], tuple[str, str, str],
                            int, bool]] = {
    "add": ((theme.ACCENT_SOFT, theme.ACCENT, theme.ACCENT), (theme.ACCENT, theme.ACCENT,
            "#FFFFFF"), (theme.SURFACE_ALT, theme.BORDER, theme.BORDER_STRONG),
            theme.HEADING, True),
    "plain": ((theme.SURFACE, theme.BORDER, theme.INK), (theme.ACCENT_SOFT, theme.ACCENT,
              theme.INK), (theme.BG_DEEP, theme.BORDER, theme.INK_FAINT), theme.BUTTON, False),
    "primary": ((theme.ACCENT, theme.ACCENT, "#FFFFFF"), (theme.ACCENT_HOVER,
                theme.ACCENT_HOVER, "#FFFFFF"), (theme.BG_DEEP, theme.BORDER, theme.INK_FAINT),
                theme.BUTTON, True),
}


@dataclass(frozen=True)
class Side:
    """A small button at a row's end; a click on it is reported with ``name`` as part."""

    name: str
    label: str
    tip: str | None = None
    enabled: bool = True
    look: str = "plain"  # a key of ``SIDE_LOOKS``


@dataclass(frozen=True)
class Item:
    """One row: ``key`` names what it stands for (a click reports it). A ``row`` look is a
    box to click ("row_muted": one that cannot be done now and says why in its text); the
    others ("body", "muted", "warning") are a line of text. A tooltip may be a function,
    called when it is shown (rows are compared without it: the same words have the same
    tip)."""

    key: Hashable
    text: str
    tip: str | Callable[[], str] | None = field(default=None, compare=False)
    look: str = "row"
    sides: tuple[Side, ...] = ()

    @property
    def boxed(self) -> bool:
        return self.look.startswith("row")


class RowList(Painted):
    """See the module docstring. ``row_h`` is a row's pitch and ``box_h`` its height;
    ``side_w`` a button's width; boxed rows keep room for ``side_slots`` buttons whether
    they have them or not (so rows line up); ``empty`` is what an empty list says."""

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], manager: Any,
                 row_h: int = 36, box_h: int = 32, side_w: int = 40, side_slots: int = 1,
                 first_y: int = 3, empty: str = "", double_clicks: bool = True) -> None:
        area = pygame.Rect(rect)
        super().__init__(pygame.Rect(area.left, area.top, area.width - BAR_W, area.height),
                         manager, "row_list")
        self.row_h, self.box_h, self.side_w = row_h, box_h, side_w
        self.side_slots, self.first_y, self.empty = side_slots, first_y, empty
        self.double_clicks = double_clicks
        self.items: list[Item] = []
        self.selected: Hashable | None = None
        self.top = 0  # pixels of the list scrolled out of sight above
        self._bar_rect = pygame.Rect(area.right - BAR_W, area.top, BAR_W, area.height)
        #: pygame_gui's scroll bar, there only while the rows do not fit (as pygame_gui's
        #: own scrolling container keeps it: a hidden bar's button would still post events)
        self.bar: UIVerticalScrollBar | None = None
        self._paint()
        self._hand_over()

    # --- what it shows ------------------------------------------------------------------------
    @property
    def content_height(self) -> int:
        return self.first_y + len(self.items) * self.row_h + 3

    @property
    def max_top(self) -> int:
        return max(0, self.content_height - self.rect.height)

    def set_items(self, items: list[Item], selected: Hashable | None = None,
                  top: int | None = None, reveal: bool = False) -> None:
        """Show ``items`` with ``selected`` marked; scrolled to ``top`` pixels (None: where
        it was), then, with ``reveal``, as little further as shows the selected row whole."""
        if items != self.items:
            if self._hover is not None and (
                    self._hover[0] >= len(items) or self._hover[0] >= len(self.items)
                    or items[self._hover[0]] != self.items[self._hover[0]]):
                self._drop_tip()  # the row under the pointer says something else now
            if self._last_down is not None and self._last_down[0] not in {i.key for i in items}:
                self._last_down = None
            if self._held is not None and self._held[0] >= len(items):
                self._held = None
            resized = len(items) != len(self.items)
            self.items = list(items)
            if resized:
                self._fit_bar()
            self._dirty = True
        if selected != self.selected:
            self.selected = selected
            self._dirty = True
        self.scroll_to(self.top if top is None else top)
        if reveal:
            self.reveal(selected)

    def select(self, key: Hashable | None, reveal: bool = False) -> None:
        """Mark the row of ``key`` as selected (the keyboard's or the last click's row)."""
        if key != self.selected:
            self.selected = key
            self._dirty = True
        if reveal:
            self.reveal(key)

    def index(self, key: Hashable | None) -> int | None:
        return next((i for i, item in enumerate(self.items) if item.key == key), None)

    def reveal(self, key: Hashable | None) -> None:
        """Scroll as little as shows the row of ``key`` whole."""
        i = self.index(key)
        if i is None:
            return
        y = self.first_y + i * self.row_h
        if y < self.top:
            self.scroll_to(y - self.first_y)
        elif y + self.row_h > self.top + self.rect.height:
            self.scroll_to(y + self.row_h - self.rect.height)

    def scroll_to(self, top: int) -> None:
        top = max(0, min(int(top), self.max_top))
        if top != self.top:
            self.top = top
            self._dirty = True
        if self.bar is not None:
            share = self.top / self.content_height
            if abs(self.bar.start_percentage - share) > 1e-6:
                self.bar.set_scroll_from_start_percentage(share)

    def _fit_bar(self) -> None:
        """A scroll bar only while the rows do not fit, its thumb as long as the share of
        them in sight."""
        share = min(1.0, self.rect.height / self.content_height)
        if share < 1.0:
            if self.bar is None:
                self.bar = UIVerticalScrollBar(self._bar_rect, share, self.ui_manager)
                self.bar.set_container_to_check_hover_for_mousewheel_events(self)
            else:
                self.bar.set_visible_percentage(share)
        elif self.bar is not None:
            self.bar.kill()
            self.bar = None
        self.scroll_to(self.top)

    def are_contents_hovered(self) -> bool:
        """Whether the pointer is over the rows (the scroll bar asks, for the wheel)."""
        return bool(self.hovered)

    # --- where things are ---------------------------------------------------------------------
    def _boxes(self, i: int) -> tuple[pygame.Rect, list[pygame.Rect]]:
        """The row's box and its buttons', in the list's own pixels (unscrolled)."""
        item = self.items[i]
        y = self.first_y + i * self.row_h
        right = self.rect.width - 2
        sides = []
        for _side in item.sides:
            sides.append(pygame.Rect(right - self.side_w, y, self.side_w, self.box_h))
            right -= self.side_w + 4
        if item.boxed:  # boxed rows line up whatever buttons they have
            right = self.rect.width - 2 - self.side_slots * (self.side_w + 4)
        return pygame.Rect(4, y, right - 4, self.box_h), sides

    def _spot(self, x: float, y: float) -> Part | None:
        if not self.rect.collidepoint(x, y):
            return None
        lx, ly = x - self.rect.left, y - self.rect.top + self.top
        i = int((ly - self.first_y) // self.row_h)
        if not 0 <= i < len(self.items):
            return None
        row, sides = self._boxes(i)
        if row.collidepoint(lx, ly):
            return i, "row"
        for side, box in zip(self.items[i].sides, sides, strict=True):
            if box.collidepoint(lx, ly):
                return i, side.name
        return None

    def _part_rect(self, part: Part) -> pygame.Rect:
        row, sides = self._boxes(part[0])
        if part[1] != "row":
            row = sides[[s.name for s in self.items[part[0]].sides].index(part[1])]
        return row.move(self.rect.left, self.rect.top - self.top)

    def _key(self, index: int) -> Hashable:
        return self.items[index].key

    def _side(self, i: int, part: str) -> Side | None:
        return next((s for s in self.items[i].sides if s.name == part), None)

    def _enabled(self, part: Part) -> bool:
        if part[1] == "row":
            return self.items[part[0]].boxed  # a line of text is not a button
        side = self._side(*part)
        return side is not None and side.enabled

    def _tip(self, part: Part) -> str | None:
        i, name = part
        item = self.items[i]
        if name != "row":
            side = self._side(i, name)
            return side.tip if side is not None else None
        tip = item.tip() if callable(item.tip) else item.tip
        if self._shown(i) != item.text:  # the line cut to fit, in full first
            return f"{esc(item.text)}<br>{tip}" if tip else esc(item.text)
        return tip

    def spots(self) -> list[Spot]:
        """The rows and buttons a player can click now: those whose middle is in sight."""
        out = []
        for i, item in enumerate(self.items):
            parts = [("row", item.text)] + [(s.name, s.label) for s in item.sides]
            for name, text in parts:
                rect = self._part_rect((i, name))
                if self.rect.collidepoint(rect.center):
                    out.append(Spot(i, item.key, name, rect, self._enabled((i, name)), text))
        return out

    # --- pygame_gui's element -------------------------------------------------------------------
    def update(self, time_delta: float) -> None:
        if self.bar is not None:  # the wheel or a drag moved the bar: follow it
            top = max(0, min(round(self.bar.start_percentage * self.content_height),
                             self.max_top))
            if top != self.top:
                self.top = top
                self._dirty = True
        super().update(time_delta)

    def kill(self) -> None:
        if self.bar is not None:
            self.bar.kill()
            self.bar = None
        self.items = []
        super().kill()

    # --- painting -------------------------------------------------------------------------------
    def _shown(self, i: int) -> str:
        """Row ``i``'s text as it fits its box (a boxed row keeps a button's padding)."""
        return self._fitted(self.items[i], self._boxes(i)[0].width)

    @staticmethod
    def _fitted(item: Item, width: int) -> str:
        size, bold = ROW_LOOKS[item.look][:2]
        room = width - min(28, width // 3) if item.boxed else width - 4
        return fit(item.text, room, size, bold)

    def warm(self, items: list[Item], selected: Hashable | None = None) -> None:
        """Make the pictures of ``items`` as they would first show (hovered by nothing,
        ``selected`` marked) without showing them: a screen prepares the rows a click may
        bring while the player is still reading."""
        shown, self.items = self.items, list(items)
        try:
            for i, item in enumerate(items):
                row, sides = self._boxes(i)
                selected_look = item.boxed and item.key == selected
                self._row_face(i, item.look + ("_selected" if selected_look else ""), row.size)
                for side, box in zip(item.sides, sides, strict=True):
                    self._side_face(side, 2 if not side.enabled else 0, box.size)
        finally:
            self.items = shown

    def _row_face(self, i: int, look: str, size: tuple[int, int]) -> pygame.Surface:
        text = self._shown(i)

        def make() -> pygame.Surface:
            font, bold, ink, fill, border = ROW_LOOKS[look]
            face = pygame.Surface(size, pygame.SRCALPHA)
            box = face.get_rect()
            if fill is not None and border is not None:
                pygame.draw.rect(face, theme.rgb(fill), box, border_radius=RADIUS)
                pygame.draw.rect(face, theme.rgb(border), box, 1, border_radius=RADIUS)
                room = box.inflate(-2 * TEXT_PAD, 0)
            else:
                room = box.inflate(-4, 0)
            face.set_clip(room)
            draw_text(face, text, (room.left, box.centery), font, ink, bold=bold,
                      anchor="midleft")
            face.set_clip(None)
            return face

        return self._face(("row", text, look, size), make)

    def _side_face(self, side: Side, state: int, size: tuple[int, int]) -> pygame.Surface:
        def make() -> pygame.Surface:
            looks = SIDE_LOOKS[side.look]
            fill, border, ink = looks[state]
            face = pygame.Surface(size, pygame.SRCALPHA)
            box = face.get_rect()
            pygame.draw.rect(face, theme.rgb(fill), box, border_radius=RADIUS)
            pygame.draw.rect(face, theme.rgb(border), box, 1, border_radius=RADIUS)
            draw_text(face, side.label, box.center, looks[3], ink, bold=looks[4],
                      anchor="center")
            return face

        return self._face(("side", side.label, side.look, state, size), make)

    def _empty_face(self) -> pygame.Surface:
        """What an empty list says, wrapped to its width."""
        def make() -> pygame.Surface:
            face = pygame.Surface(self.rect.size, pygame.SRCALPHA)
            y = 6
            for line in wrap_lines(self.empty, self.rect.width - 16, theme.BODY)[:4]:
                draw_text(face, line, (8, y), theme.BODY, theme.INK_MUTED)
                y += 24
            return face

        return self._face(("empty", self.empty), make)

    def _paint(self) -> None:
        image = self._show()
        if not self.items and self.empty:
            image.blit(self._empty_face(), (0, 0), special_flags=PREMUL)
        first = max(0, (self.top - self.first_y) // self.row_h)
        last = min(len(self.items), (self.top + self.rect.height) // self.row_h + 1)
        for i in range(first, last):
            item = self.items[i]
            row, sides = self._boxes(i)
            look = item.look
            if item.boxed:
                at = self._look_at((i, "row"))
                if item.key == self.selected or at == "held":
                    look += "_selected"
                elif at == "hovered":
                    look += "_hovered"
            image.blit(self._row_face(i, look, row.size), row.move(0, -self.top),
                       special_flags=PREMUL)
            for side, box in zip(item.sides, sides, strict=True):
                state = 2 if not side.enabled else 1 if self._look_at((i, side.name)) else 0
                image.blit(self._side_face(side, state, box.size), box.move(0, -self.top),
                           special_flags=PREMUL)
