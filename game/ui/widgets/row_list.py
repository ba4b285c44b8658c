"""A list of rows painted as one element, each row with up to two small buttons at its end.

The deal board's action list and its plan were scrolling containers of buttons and labels.
A click that changed their words (a person picked, a move planned or undone) made pygame_gui
rebuild each changed widget: lay out and render its text and draw its shape in each of its
states, which was most of what a click cost. ``RowList`` paints the rows itself, from
pictures of rows that it keeps, so a changed row costs one line of text (none when it shows
words seen before) and a repaint is a few blits.

What the widgets did, it does: a boxed row looks hovered, pressed or selected; a click on a
row or one of its buttons is reported as a button's press (``UI_BUTTON_PRESSED``, with the
list as ``ui_element``, the row's ``key`` and the ``part`` clicked: "row" or the button's
name), a second click on the same row soon after as ``UI_BUTTON_DOUBLE_CLICKED``, both read
through the event queue on the next frame as pygame_gui's own buttons are; rows and buttons
have tooltips (made only when shown; a line cut to fit shows in full in its tooltip); a
disabled button ignores clicks; the list scrolls with pygame_gui's scroll bar (wheel, drag,
track) when it is longer than its place. Rows keep the places they are given: the list never
reorders them, and it scrolls only when asked to show a row.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import UIElement
from pygame_gui.elements import UIVerticalScrollBar

from game.ui import theme
from game.ui.widgets import draw_text, esc, fit, wrap_lines

RADIUS = 6
BAR_W = 14
TEXT_PAD = 12  # a boxed row's text from its left edge
PREMUL = pygame.BLEND_PREMULTIPLIED

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


@dataclass(frozen=True)
class Spot:
    """A row or one of its buttons where a player sees it now (screen pixels)."""

    index: int
    key: Hashable
    part: str  # "row" or the button's name
    rect: pygame.Rect
    is_enabled: bool
    text: str  # the row's line, or the button's label


class RowList(UIElement):
    """See the module docstring. ``row_h`` is a row's pitch and ``box_h`` its height;
    ``side_w`` a button's width; boxed rows keep room for ``side_slots`` buttons whether
    they have them or not (so rows line up); ``empty`` is what an empty list says."""

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], manager: Any,
                 row_h: int = 36, box_h: int = 32, side_w: int = 40, side_slots: int = 1,
                 first_y: int = 3, empty: str = "", double_clicks: bool = True) -> None:
        area = pygame.Rect(rect)
        own = pygame.Rect(area.left, area.top, area.width - BAR_W, area.height)
        super().__init__(own, manager, None, starting_height=1, layer_thickness=1,
                         object_id="#row_list", element_id=["row_list"])
        self.row_h, self.box_h, self.side_w = row_h, box_h, side_w
        self.side_slots, self.first_y, self.empty = side_slots, first_y, empty
        self.double_clicks = double_clicks
        self.items: list[Item] = []
        self.selected: Hashable | None = None
        self.top = 0  # pixels of the list scrolled out of sight above
        self.is_enabled = True
        self._hover: tuple[int, str] | None = None
        self._held: tuple[int, str] | None = None
        self._last_down: tuple[Hashable, float] | None = None  # key, seconds since
        self._dirty = True
        self._faces: dict[tuple[Any, ...], pygame.Surface] = {}
        self._image = pygame.Surface(own.size, pygame.SRCALPHA)
        self.bar = UIVerticalScrollBar(pygame.Rect(area.right - BAR_W, area.top, BAR_W,
                                                   area.height), 1.0, manager, visible=0)
        self.bar.set_container_to_check_hover_for_mousewheel_events(self)
        self._paint()

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
        if self.bar.visible:
            share = self.top / self.content_height
            if abs(self.bar.start_percentage - share) > 1e-6:
                self.bar.set_scroll_from_start_percentage(share)

    def _fit_bar(self) -> None:
        """Show the scroll bar only when the rows do not fit, its thumb as long as the share
        of them in sight."""
        share = min(1.0, self.rect.height / self.content_height)
        if share < 1.0:
            self.bar.set_visible_percentage(share)
            if not self.bar.visible:
                self.bar.show()
        elif self.bar.visible:
            self.bar.hide()
        self.scroll_to(self.top)

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

    def _spot(self, x: float, y: float) -> tuple[int, str] | None:
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

    def spots(self) -> list[Spot]:
        """The rows and buttons a player can click now: those whose middle is in sight."""
        out = []
        view = self.rect
        for i, item in enumerate(self.items):
            row, sides = self._boxes(i)
            parts = [("row", row, item.boxed, item.text)] + [
                (s.name, box, s.enabled, s.label)
                for s, box in zip(item.sides, sides, strict=True)]
            for part, box, enabled, text in parts:
                rect = box.move(view.left, view.top - self.top)
                if view.collidepoint(rect.center):
                    out.append(Spot(i, item.key, part, rect, enabled, text))
        return out

    def _side(self, i: int, part: str) -> Side | None:
        return next((s for s in self.items[i].sides if s.name == part), None)

    # --- pygame_gui's element -------------------------------------------------------------------
    def are_contents_hovered(self) -> bool:
        """Whether the pointer is over the rows (the scroll bar asks, for the wheel)."""
        return bool(self.hovered)

    def process_event(self, event: pygame.event.Event) -> bool:
        if getattr(event, "button", None) != pygame.BUTTON_LEFT or not self.visible:
            return False
        if event.type not in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            return False
        x, y = self.ui_manager.calculate_scaled_mouse_position(event.pos)
        if event.type == pygame.MOUSEBUTTONUP:
            held, self._held = self._held, None
            if held is None:
                return False
            self._dirty = True
            if self._spot(x, y) == held:
                self._post(pygame_gui.UI_BUTTON_PRESSED, *held)
            return True
        if not self.hover_point(x, y):
            return False
        spot = self._spot(x, y)
        if spot is None:
            return True  # between rows: nothing, but not for what lies under the list
        i, part = spot
        item = self.items[i]
        if part == "row" and not item.boxed:
            return True  # a line of text
        side = self._side(i, part)
        if side is not None and not side.enabled:
            return True
        last = self._last_down
        if (part == "row" and self.double_clicks and last is not None and last[0] == item.key
                and last[1] <= self.ui_manager.get_double_click_time()):
            self._last_down = None
            self._post(pygame_gui.UI_BUTTON_DOUBLE_CLICKED, i, part)
            return True
        self._last_down = (item.key, 0.0) if part == "row" else None
        self._held = spot
        self._dirty = True
        return True

    def _post(self, kind: int, i: int, part: str) -> None:
        pygame.event.post(pygame.event.Event(kind, {
            "ui_element": self, "ui_object_id": self.most_specific_combined_id,
            "mouse_button": pygame.BUTTON_LEFT, "key": self.items[i].key, "part": part}))

    def _tip(self, i: int, part: str) -> str | None:
        item = self.items[i]
        if part != "row":
            side = self._side(i, part)
            return side.tip if side is not None else None
        tip = item.tip() if callable(item.tip) else item.tip
        if self._shown(i) != item.text:  # the line cut to fit, in full first
            return f"{esc(item.text)}<br>{tip}" if tip else esc(item.text)
        return tip

    def while_hovering(self, time_delta: float, mouse_pos: Any) -> None:
        """The row or button under the pointer looks hovered and, after the delay, shows
        its tooltip."""
        spot = self._spot(mouse_pos[0], mouse_pos[1])
        if spot != self._hover:
            self._drop_tip()
            self._hover = spot
            self._dirty = True
        if spot is not None and self.tool_tip is None and self.hover_time > self.tool_tip_delay:
            text = self._tip(*spot)
            if text:
                row, sides = self._boxes(spot[0])
                box = row if spot[1] == "row" else sides[[
                    s.name for s in self.items[spot[0]].sides].index(spot[1])]
                self.tool_tip = self.ui_manager.create_tool_tip(
                    text=text, position=(int(mouse_pos[0]),
                                         self.rect.top - self.top + box.centery),
                    hover_distance=(0, box.height // 2), parent_element=self,
                    object_id=None, wrap_width=None, text_kwargs={})
        self.hover_time += time_delta

    def _drop_tip(self) -> None:
        if self.tool_tip is not None:
            self.tool_tip.kill()
            self.tool_tip = None
        self.hover_time = 0.0

    def on_unhovered(self) -> None:
        super().on_unhovered()
        if self._hover is not None:
            self._hover = None
            self._dirty = True

    def update(self, time_delta: float) -> None:
        super().update(time_delta)
        if self._last_down is not None:
            self._last_down = (self._last_down[0], self._last_down[1] + time_delta)
        if self.bar.visible:  # the wheel or a drag moved the bar: follow it
            top = max(0, min(round(self.bar.start_percentage * self.content_height),
                             self.max_top))
            if top != self.top:
                self.top = top
                self._dirty = True
        if self._dirty:
            self._paint()

    def kill(self) -> None:
        self.bar.kill()
        super().kill()

    # --- painting -------------------------------------------------------------------------------
    def _shown(self, i: int) -> str:
        """Row ``i``'s text as it fits its box (a boxed row keeps a button's padding)."""
        item = self.items[i]
        size, bold = ROW_LOOKS[item.look][:2]
        width = self._boxes(i)[0].width
        room = width - min(28, width // 3) if item.boxed else width - 4
        return fit(item.text, room, size, bold)

    def _row_face(self, i: int, look: str, size: tuple[int, int]) -> pygame.Surface:
        """A row's picture, kept while the list lives: most repaints show rows seen before."""
        text = self._shown(i)
        key = ("row", text, look, size)
        face = self._faces.get(key)
        if face is None:
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
            self._keep(key, face)
        return face

    def _side_face(self, side: Side, state: int, size: tuple[int, int]) -> pygame.Surface:
        key = ("side", side.label, side.look, state, size)
        face = self._faces.get(key)
        if face is None:
            looks = SIDE_LOOKS[side.look]
            fill, border, ink = looks[state]
            face = pygame.Surface(size, pygame.SRCALPHA)
            box = face.get_rect()
            pygame.draw.rect(face, theme.rgb(fill), box, border_radius=RADIUS)
            pygame.draw.rect(face, theme.rgb(border), box, 1, border_radius=RADIUS)
            draw_text(face, side.label, box.center, looks[3], ink, bold=looks[4],
                      anchor="center")
            self._keep(key, face)
        return face

    def _keep(self, key: tuple[Any, ...], face: pygame.Surface) -> None:
        """Keep a picture, its colours premultiplied by its alpha as pygame_gui draws its
        elements (``BLEND_PREMULTIPLIED``)."""
        if len(self._faces) > 400:
            self._faces.clear()
        face.premul_alpha_ip()
        self._faces[key] = face

    def _empty_face(self) -> pygame.Surface:
        """What an empty list says, wrapped to its width."""
        key = ("empty", self.empty)
        face = self._faces.get(key)
        if face is None:
            face = pygame.Surface(self.rect.size, pygame.SRCALPHA)
            y = 6
            for line in wrap_lines(self.empty, self.rect.width - 16, theme.BODY)[:4]:
                draw_text(face, line, (8, y), theme.BODY, theme.INK_MUTED)
                y += 24
            self._keep(key, face)
        return face

    def _paint(self) -> None:
        self._dirty = False
        image = self._image
        image.fill((0, 0, 0, 0))
        if not self.items and self.empty:
            image.blit(self._empty_face(), (0, 0), special_flags=PREMUL)
        first = max(0, (self.top - self.first_y) // self.row_h)
        last = min(len(self.items), (self.top + self.rect.height) // self.row_h + 1)
        here = self._held if self._held is not None else self._hover
        for i in range(first, last):
            item = self.items[i]
            row, sides = self._boxes(i)
            at = here[1] if here is not None and here[0] == i else None
            look = item.look
            if item.boxed:
                if item.key == self.selected or (at == "row" and self._held is not None):
                    look += "_selected"
                elif at == "row":
                    look += "_hovered"
            image.blit(self._row_face(i, look, row.size), row.move(0, -self.top),
                       special_flags=PREMUL)
            for side, box in zip(item.sides, sides, strict=True):
                state = 2 if not side.enabled else 1 if at == side.name else 0
                image.blit(self._side_face(side, state, box.size), box.move(0, -self.top),
                           special_flags=PREMUL)
        self._set_image(image)
