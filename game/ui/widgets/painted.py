"""What a group of buttons painted as one pygame_gui element needs: hover, press, double
click, tooltips, kept pictures (``RowList``, ``TabRow``).

pygame_gui makes each button an element that lays out, renders and draws its text in each
of its states whenever the text changes; a board click that changes a dozen labels paid for
all of that. A ``Painted`` element keeps a picture of each part in each look it has shown
and repaints itself from them, a few blits. A click on a part is reported as a button's
press (``UI_BUTTON_PRESSED`` with the element as ``ui_element``, the part's ``key`` and
``part``), a second click on the same part soon after as ``UI_BUTTON_DOUBLE_CLICKED`` when
asked for, both read through the event queue on the next frame as pygame_gui's own buttons
are. A part's tooltip is made only when shown.

A subclass says where its parts are (``_spot``, ``_part_rect``), what each is (``_key``,
``_enabled``, ``_tip``) and paints itself (``_paint``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import UIElement

from game.ui.widgets.tips import AreaTips

PREMUL = pygame.BLEND_PREMULTIPLIED
FACES_KEPT = 400

#: a part: an index among the element's parts and which part of it ("row", a button's name)
Part = tuple[int, str]


@dataclass(frozen=True)
class Spot:
    """A part of a painted element where a player sees it now (screen pixels)."""

    index: int
    key: Hashable
    part: str
    rect: pygame.Rect
    is_enabled: bool
    text: str


class Painted(AreaTips, UIElement):
    """See the module docstring."""

    double_clicks = False

    def __init__(self, rect: pygame.Rect, manager: Any, name: str) -> None:
        super().__init__(rect, manager, None, starting_height=1, layer_thickness=1,
                         object_id=f"#{name}", element_id=[name])
        self.is_enabled = True
        self._hover: Part | None = None
        self._held: Part | None = None
        self._last_down: tuple[Hashable, float] | None = None  # key, seconds since
        self._dirty = True
        self._faces: dict[tuple[Any, ...], pygame.Surface] = {}
        #: what the element shows, repainted in place (not ``_image``: pygame_gui's sprite
        #: keeps its own picture under that name)
        self._picture = pygame.Surface(rect.size, pygame.SRCALPHA)
        self._hand_over()  # nothing until the first update paints it

    # --- what a subclass says -------------------------------------------------------------------
    def _spot(self, x: float, y: float) -> Part | None:
        raise NotImplementedError

    def _part_rect(self, part: Part) -> pygame.Rect:
        """Where ``part`` is on screen."""
        raise NotImplementedError

    def _key(self, index: int) -> Hashable:
        raise NotImplementedError

    def _enabled(self, part: Part) -> bool:
        return True

    def _tip(self, part: Part) -> str | None:
        return None

    def _paint(self) -> None:
        raise NotImplementedError

    # --- looks ----------------------------------------------------------------------------------
    def _face(self, key: tuple[Any, ...], make: Callable[[], pygame.Surface]) -> pygame.Surface:
        """The picture ``make`` draws (straight alpha), kept premultiplied by its alpha as
        pygame_gui blends its elements (``BLEND_PREMULTIPLIED``)."""
        face = self._faces.get(key)
        if face is None:
            if len(self._faces) >= FACES_KEPT:
                self._faces.clear()
            face = make()
            face.premul_alpha_ip()
            self._faces[key] = face
        return face

    def _show(self) -> pygame.Surface:
        """The element's picture, cleared for a repaint (blit faces with ``PREMUL``)."""
        self._dirty = False
        self._picture.fill((0, 0, 0, 0))
        return self._picture

    def _hand_over(self) -> None:
        """Give pygame_gui the picture to draw. Its ``_set_image`` copies the picture each
        time (a list's whole picture at every repaint); this element repaints its own
        picture before each draw that shows a change, so pygame_gui draws the picture
        itself, unless a container clips it (then pygame_gui's clipped copy)."""
        if self.get_image_clipping_rect() is None:
            self.image = self._picture
        else:
            self._set_image(self._picture)

    def _look_at(self, part: Part) -> str | None:
        """How the pointer meets ``part``: "held" (pressed on it), "hovered", or None."""
        if self._held == part:
            return "held"
        if self._held is None and self._hover == part:
            return "hovered"
        return None

    # --- pygame_gui's element -------------------------------------------------------------------
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
                self._post(pygame_gui.UI_BUTTON_PRESSED, held)
            return True
        if not self.hover_point(x, y):
            return False
        part = self._spot(x, y)
        if part is None or not self._enabled(part):
            return True  # between parts or a dead one: nothing, and nothing under it either
        key = self._key(part[0])
        last = self._last_down
        if (self.double_clicks and part[1] == "row" and last is not None and last[0] == key
                and last[1] <= self.ui_manager.get_double_click_time()):
            self._last_down = None
            self._post(pygame_gui.UI_BUTTON_DOUBLE_CLICKED, part)
            return True
        self._last_down = (key, 0.0) if part[1] == "row" else None
        self._held = part
        self._dirty = True
        return True

    def _post(self, kind: int, part: Part) -> None:
        pygame.event.post(pygame.event.Event(kind, {
            "ui_element": self, "ui_object_id": self.most_specific_combined_id,
            "mouse_button": pygame.BUTTON_LEFT, "key": self._key(part[0]), "part": part[1]}))

    def while_hovering(self, time_delta: float, mouse_pos: Any) -> None:
        """The part under the pointer looks hovered and, after the delay, shows its
        tooltip."""
        part = self._spot(mouse_pos[0], mouse_pos[1])
        if part != self._hover:
            self._drop_tip()
            self._hover = part
            self._dirty = True
        if part is not None and self.tool_tip is None and self.hover_time > self.tool_tip_delay:
            text = self._tip(part)
            if text:
                self._show_tip(text, mouse_pos[0], self._part_rect(part))
        self.hover_time += time_delta

    def on_unhovered(self) -> None:
        super().on_unhovered()
        if self._hover is not None:
            self._hover = None
            self._dirty = True

    def update(self, time_delta: float) -> None:
        super().update(time_delta)
        if self._last_down is not None:
            self._last_down = (self._last_down[0], self._last_down[1] + time_delta)
        if self._dirty:
            self._paint()
            self._hand_over()

    def kill(self) -> None:
        super().kill()
        # an element that is gone may wait for the garbage collector in a cycle (a tooltip
        # function knows the screen that made it): its pictures go now
        self._faces.clear()
        self._picture = pygame.Surface((1, 1), pygame.SRCALPHA)
        self._hand_over()
