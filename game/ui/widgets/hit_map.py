"""Many invisible areas over painted things as one element: each area with its tooltip and,
if asked, its click (the deal board's person cards, its top bar, stage rows and legend).

As one ``HitArea`` each, the board's areas were half of its pygame_gui elements, and
pygame_gui asks every element about every event and, each frame, whether the pointer is
over it: the areas alone cost about a tenth of a millisecond a frame and as much again for
each event, four events to a click. A ``HitMap`` is one element for all of them. It keeps no
picture; the area under the pointer shows its tooltip after the usual delay (and
``hovered_key`` says which it is, so the painter may outline it), and a click on a pressable
area is reported as a button's press (``UI_BUTTON_PRESSED`` with the map as ``ui_element``
and the area's ``key``), so a scene handles it as it handles a button.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import UIElement

from game.ui.widgets.tips import AreaTips


@dataclass(frozen=True)
class Area:
    """A place on screen with its tooltip; ``pressable`` ones report clicks by ``key``."""

    key: Hashable
    rect: pygame.Rect
    tip: str | None
    pressable: bool = False


class HitMap(AreaTips, UIElement):
    """See the module docstring. Areas do not overlap (the first one found counts)."""

    def __init__(self, areas: list[Area], manager: Any) -> None:
        rects = [a.rect for a in areas] or [pygame.Rect(0, 0, 0, 0)]
        super().__init__(rects[0].unionall(rects[1:]), manager, None, starting_height=1,
                         layer_thickness=1, object_id="#hit", element_id=["hit_area"])
        self._set_image(self.ui_manager.get_universal_empty_surface())  # nothing to draw
        self.areas = list(areas)
        self.is_enabled = True
        self.hovered_key: Hashable | None = None
        self._down: Hashable | None = None

    def area_at(self, x: float, y: float) -> Area | None:
        for area in self.areas:
            if area.rect.collidepoint(x, y):
                return area
        return None

    def hover_point(self, hover_x: float, hover_y: float) -> bool:
        return self.visible and self.area_at(hover_x, hover_y) is not None

    def process_event(self, event: pygame.event.Event) -> bool:
        if getattr(event, "button", None) != pygame.BUTTON_LEFT:
            return False
        if event.type not in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            return False
        x, y = self.ui_manager.calculate_scaled_mouse_position(event.pos)
        area = self.area_at(x, y)
        if event.type == pygame.MOUSEBUTTONDOWN:
            self._down = area.key if area is not None and area.pressable else None
            return self._down is not None
        pressed, self._down = self._down, None
        if pressed is None or area is None or area.key != pressed:
            return False
        pygame.event.post(pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, {
            "ui_element": self, "ui_object_id": self.most_specific_combined_id,
            "mouse_button": event.button, "key": pressed}))
        return True

    def while_hovering(self, time_delta: float, mouse_pos: Any) -> None:
        """The area under the pointer shows its tooltip after the delay."""
        area = self.area_at(mouse_pos[0], mouse_pos[1])
        key = area.key if area is not None else None
        if key != self.hovered_key:
            self._drop_tip()
            self.hovered_key = key
        if (area is not None and area.tip and self.tool_tip is None
                and self.hover_time > self.tool_tip_delay):
            self._show_tip(area.tip, mouse_pos[0], area.rect)
        self.hover_time += time_delta

    def on_unhovered(self) -> None:
        super().on_unhovered()
        self.hovered_key = None
        self.hover_time = 0.0
