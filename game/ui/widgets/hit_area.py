"""An invisible area over something painted: its tooltip and, if asked, its click.

The board paints its cards, stage track and calendar itself and lays areas over them for
the tooltips and clicks. As transparent ``UIButton``s those areas kept five drawn states
each, as large as the area (a person card's took 1.8 MB, the board's 24 MB in all, for
nothing visible). A ``HitArea`` keeps no picture: pygame_gui gives it its tooltip like any
element, and a click on it is reported as a button's press (``UI_BUTTON_PRESSED`` with the
area as ``ui_element``), so a scene handles it as it handles a button.
"""

from __future__ import annotations

from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import UIElement


class HitArea(UIElement):
    """See the module docstring. ``pressable`` areas report clicks; ``hovered`` says
    whether the pointer is over it (the painter may outline it)."""

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], manager: Any,
                 tip: str | None, container: Any = None, pressable: bool = False) -> None:
        super().__init__(pygame.Rect(rect), manager, container, starting_height=1,
                         layer_thickness=1, object_id="#hit", element_id=["hit_area"])
        self._set_image(self.ui_manager.get_universal_empty_surface())  # nothing to draw
        self.set_tooltip(tip)
        self.pressable = pressable
        self.is_enabled = True
        self._down = False

    def process_event(self, event: pygame.event.Event) -> bool:
        if not self.pressable or getattr(event, "button", None) != pygame.BUTTON_LEFT:
            return False
        if event.type not in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            return False
        pos = self.ui_manager.calculate_scaled_mouse_position(event.pos)
        inside = self.hover_point(pos[0], pos[1])
        if event.type == pygame.MOUSEBUTTONDOWN:
            self._down = inside
            return inside
        pressed, self._down = self._down and inside, False
        if pressed:  # as a button reports it: through the queue, read on the next frame
            pygame.event.post(pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, {
                "ui_element": self, "ui_object_id": self.most_specific_combined_id,
                "mouse_button": event.button}))
        return pressed
