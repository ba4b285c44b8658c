"""Widgets kept from one refresh to the next, by slot, and updated in place.

Making a pygame_gui element costs about a millisecond (theme look-ups, text shaping, its
shape drawn in every state); changing a button's text, tooltip or look costs a fraction of
that, and most of a refresh changes nothing at all. A screen that redoes part of itself
after every click names each widget's slot ("row 3", "undo") and asks ``Slots`` for it: a
slot whose place is unchanged keeps its widget, updated only where it differs; a slot in a
new place gets a new widget; the slots a refresh no longer asks for are removed.
"""

from __future__ import annotations

from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel, UIScrollingContainer, UITextBox

from game.ui.widgets import button_text, label_fit
from game.ui.widgets.hit_area import HitArea
from game.ui.widgets.row_list import Item, RowList
from game.ui.widgets.tab_row import Tab, TabRow


def _oid(object_id: str | None) -> Any:
    return pygame_gui.core.ObjectID(object_id=object_id) if object_id else None


class Slots:
    """The widgets of one part of a screen, by slot name (see the module docstring)."""

    def __init__(self, manager: Any) -> None:
        self.manager = manager
        # slot -> (place, look, widget): place decides reuse, look is what was last set
        self._live: dict[str, tuple[tuple[Any, ...], Any, Any]] = {}
        self._used: set[str] = set()
        self.made = 0  # widgets made (not reused) since the screen was built: for the tests

    # --- a pass over the slots ---------------------------------------------------------------
    def begin(self) -> None:
        self._used = set()

    def end(self, prefix: str = "") -> None:
        """Remove the widgets of the slots (starting with ``prefix``) not asked for since
        ``begin``."""
        for key in [k for k in self._live if k.startswith(prefix) and k not in self._used]:
            widget = self._live.pop(key)[2]
            if widget.alive():
                widget.kill()

    def drop(self, prefix: str) -> None:
        """Remove the widgets of every slot starting with ``prefix`` now."""
        for key in [k for k in self._live if k.startswith(prefix)]:
            widget = self._live.pop(key)[2]
            if widget.alive():
                widget.kill()

    def _reuse(self, key: str, place: tuple[Any, ...]) -> tuple[Any, Any] | None:
        self._used.add(key)
        old = self._live.get(key)
        if old is not None and old[0] == place and old[2].alive():
            return old[1], old[2]
        if old is not None and old[2].alive():
            old[2].kill()
        self._live.pop(key, None)
        return None

    def _keep(self, key: str, place: tuple[Any, ...], look: Any, widget: Any) -> Any:
        self._live[key] = (place, look, widget)
        return widget

    # --- kinds of widget ---------------------------------------------------------------------
    def button(self, key: str, rect: pygame.Rect | tuple[int, int, int, int], text: str,
               tip: str | None = None, object_id: str | None = None, container: Any = None,
               double: bool = False, enabled: bool = True) -> UIButton:
        """A button as ``game.ui.widgets.button`` makes it, enabled or not."""
        rect = pygame.Rect(rect)
        place = ("button", tuple(rect), id(container), double)
        shown, tip = button_text(rect.width, text, tip, object_id)
        look = (shown, tip, object_id, enabled)
        found = self._reuse(key, place)
        if found is not None:
            old, btn = found
            if old != look:
                if old[2] != object_id:
                    btn.change_object_id(_oid(object_id))
                if (old[0], old[1]) != (shown, tip):
                    # another thing in the same place: a click on it is a first click,
                    # not the second half of a double click on what was there before
                    btn.double_click_timer = self.manager.get_double_click_time() + 1.0
                if btn.text != shown:
                    btn.set_text(shown)
                if btn.tool_tip_text != tip:
                    btn.set_tooltip(tip)
                if enabled and not btn.is_enabled:
                    btn.enable()
                elif not enabled and btn.is_enabled:
                    btn.disable()
            return self._keep(key, place, look, btn)
        self.made += 1
        btn = UIButton(rect, shown, self.manager, container=container, tool_tip_text=tip,
                       object_id=_oid(object_id), allow_double_clicks=double)
        if not enabled:
            btn.disable()
        return self._keep(key, place, look, btn)

    def hit(self, key: str, rect: pygame.Rect | tuple[int, int, int, int],
            tip: str | None) -> HitArea:
        """An invisible area with a tooltip (``game.ui.widgets.hit_area``)."""
        place = ("hit", tuple(pygame.Rect(rect)))
        found = self._reuse(key, place)
        if found is not None:
            area = found[1]
            if area.tool_tip_text != tip:
                area.set_tooltip(tip)
            return self._keep(key, place, None, area)
        self.made += 1
        return self._keep(key, place, None, HitArea(rect, self.manager, tip))

    def label(self, key: str, rect: pygame.Rect | tuple[int, int, int, int], text: str,
              object_id: str | None = None, container: Any = None) -> UILabel:
        """A one-line label as ``game.ui.widgets.label`` makes it."""
        rect, shown = label_fit(rect, text, object_id)
        place = ("label", tuple(rect), id(container))
        tip = text if shown != text else None
        look = (shown, tip, object_id)
        found = self._reuse(key, place)
        if found is not None:
            old, widget = found
            if old != look:
                if old[2] != object_id:
                    widget.change_object_id(_oid(object_id))
                widget.set_text(shown)
                widget.set_tooltip(tip)
            return self._keep(key, place, look, widget)
        self.made += 1
        widget = UILabel(rect, shown, self.manager, container=container,
                         object_id=_oid(object_id))
        if tip:
            widget.set_tooltip(tip)
        return self._keep(key, place, look, widget)

    def text_box(self, key: str, rect: pygame.Rect | tuple[int, int, int, int], html: str,
                 object_id: str | None = None, container: Any = None) -> UITextBox:
        """Rich text as ``game.ui.widgets.text_box`` makes it; kept while its text is the
        same (a text box lays out its whole text again on any change)."""
        place = ("text", tuple(pygame.Rect(rect)), id(container), html, object_id)
        found = self._reuse(key, place)
        if found is not None:
            return self._keep(key, place, None, found[1])
        self.made += 1
        box = UITextBox(html, pygame.Rect(rect), self.manager, container=container,
                        object_id=_oid(object_id), allow_split_dashes=False)
        return self._keep(key, place, None, box)

    def scroller(self, key: str, rect: pygame.Rect | tuple[int, int, int, int],
                 inner: tuple[int, int], start: float = 0.0) -> UIScrollingContainer:
        """A vertically scrolling list of ``inner`` size, scrolled to ``start`` (a share
        of its height); the same list keeps its children and its scroll bar."""
        place = ("scroll", tuple(pygame.Rect(rect)))
        found = self._reuse(key, place)
        if found is None:
            self.made += 1
            box = UIScrollingContainer(pygame.Rect(rect), self.manager, allow_scroll_x=False)
            size = None
        else:
            size, box = found
        if size != inner:
            box.set_scrollable_area_dimensions(inner)
        bar = box.vert_scroll_bar
        if bar is not None and abs(bar.start_percentage - start) > 1e-6:
            bar.set_scroll_from_start_percentage(start)
        return self._keep(key, place, inner, box)

    def rows(self, key: str, rect: pygame.Rect | tuple[int, int, int, int], items: list[Item],
             selected: Any = None, top: int | None = None, reveal: bool = False,
             **shape: Any) -> RowList:
        """A painted list of rows (``game.ui.widgets.row_list``, ``shape`` its geometry and
        empty text); the same list in the same place is given its new rows in place."""
        place = ("rows", tuple(pygame.Rect(rect)), tuple(sorted(shape.items())))
        found = self._reuse(key, place)
        if found is None:
            self.made += 1
            rows = RowList(rect, self.manager, **shape)
        else:
            rows = found[1]
        rows.set_items(items, selected, top, reveal)
        return self._keep(key, place, None, rows)

    def tabs(self, key: str, cells: list[pygame.Rect], tabs: list[Tab]) -> TabRow:
        """A painted row of tabs (``game.ui.widgets.tab_row``) in ``cells``; the same row
        in the same place is given its new labels and looks in place."""
        place = ("tabs", tuple(tuple(pygame.Rect(c)) for c in cells))
        found = self._reuse(key, place)
        if found is None:
            self.made += 1
            row = TabRow(cells, self.manager)
        else:
            row = found[1]
        row.set_tabs(tabs)
        return self._keep(key, place, None, row)
