"""Tooltips for widgets that paint several hover areas in one pygame_gui element.

pygame_gui gives an element one tooltip; the painted list and the board's hit map show a tip
per area instead, placed beside the area under the pointer. Both do it the same way, here.
"""

from __future__ import annotations

import pygame


class AreaTips:
    """Mixin for a UIElement: `tool_tip` and `hover_time` are pygame_gui's own fields."""

    def _show_tip(self, text: str, x: float, box: pygame.Rect) -> None:
        """The tooltip for the area `box`, at the pointer's x, beside the area."""
        self.tool_tip = self.ui_manager.create_tool_tip(  # type: ignore[attr-defined]
            text=text, position=(int(x), box.centery),
            hover_distance=(0, box.height // 2), parent_element=self,
            object_id=None, wrap_width=None, text_kwargs={})

    def _drop_tip(self) -> None:
        if self.tool_tip is not None:  # type: ignore[has-type]
            self.tool_tip.kill()
            self.tool_tip = None
        self.hover_time = 0.0
