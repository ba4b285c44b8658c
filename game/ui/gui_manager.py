"""pygame_gui's manager with a theme that finds an element's theming ids in constant time.

pygame_gui (0.6.14) memoises each element's list of theming ids under a key it builds as
``str(a).join(str(b).join(str(c)).join(str(d)))`` from the element's id lists; ``str.join``
puts one string between every character of the other, so the key grows with the cube of
the lists' length: 16 MB, about 5 ms, for a button inside a scrolling list, paid on every
widget made or re-themed there (most of a click on the deal board) and briefly adding to
the peak memory. ``Theme`` keeps the same memo under a tuple of the lists instead; on a
miss it lets pygame_gui compute the ids, handing it lists that print as nothing, so its own
key stays short (the ids come from the lists' items, never from their printed form).

Its cache of drawn shapes packs every shape into 1024x1024 atlas surfaces (4 MB each, up
to three) and, for each shape it packs, tidies the atlas's free rectangles pairwise (a few
ms a frame after a click changed some buttons). ``ShapeCache`` keeps each shape as its
own surface under the same ids, within a byte budget.
"""

from __future__ import annotations

from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import UIAppearanceTheme
from pygame_gui.core.surface_cache import SurfaceCache
from pygame_gui.elements import UITooltip

SHAPE_BUDGET = 6 * 2**20  # bytes of cached shapes before unused ones are let go


class _Quiet(list):  # type: ignore[type-arg]
    """A list that prints as nothing (only for pygame_gui's memo key, see the docstring)."""

    def __str__(self) -> str:
        return ""

    __repr__ = __str__


def _frozen(ids: list[Any] | None) -> tuple[Any, ...] | None:
    return None if ids is None else tuple(ids)


class ShapeCache(SurfaceCache):
    """pygame_gui's shape cache without the atlas (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self.cache_surfaces.clear()  # no atlas: each shape keeps its own surface
        self._bytes = 0

    def update(self) -> None:
        """One shape a frame from the short-term cache to the long-term one; over the
        budget, let go of the shapes used only once and unused now."""
        if self.cache_short_term_lookup:
            string_id, item = self.cache_short_term_lookup.popitem()
            self.add_surface_to_long_term_cache(item, string_id)
        if self.low_on_space:
            self.low_on_space = False
            for cache_id in list(dict.fromkeys(self.consider_purging_list)):
                item = self.cache_long_term_lookup.get(cache_id)
                if item is not None and item["current_uses"] == 0 and item["total_uses"] == 1:
                    self._free_cached_surface(cache_id)
            self.consider_purging_list.clear()

    def add_surface_to_long_term_cache(self, cached_item: Any, string_id: str) -> bool:
        surface = cached_item["surface"]
        self.cache_long_term_lookup[string_id] = {
            "surface": surface, "current_uses": cached_item["uses"],
            "total_uses": cached_item["uses"]}
        self._bytes += surface.get_width() * surface.get_height() * surface.get_bytesize()
        if self._bytes > SHAPE_BUDGET:
            self.low_on_space = True  # ``update`` lets go of the shapes used once, unused now
        return True

    def _free_cached_surface(self, string_id: str) -> None:
        item = self.cache_long_term_lookup.get(string_id)
        if item is None or item["current_uses"] != 0:
            return
        del self.cache_long_term_lookup[string_id]
        surface = item["surface"]
        self._bytes -= surface.get_width() * surface.get_height() * surface.get_bytesize()
        if string_id in self.consider_purging_list:
            self.consider_purging_list.remove(string_id)


class Theme(UIAppearanceTheme):
    """pygame_gui's theme, with its theming-id memo keyed by tuples and ``ShapeCache``
    (module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._ids: dict[tuple[Any, ...], list[str]] = {}
        self._shape_cache = ShapeCache()

    def build_all_combined_ids(self, element_base_ids: list[Any] | None,
                               element_ids: list[str] | None, class_ids: list[Any] | None,
                               object_ids: list[Any] | None) -> list[str]:
        lists = (element_base_ids, element_ids, class_ids, object_ids)
        key = tuple(_frozen(x) for x in lists)
        found = self._ids.get(key)
        if found is None:
            self.unique_theming_ids.clear()  # its key is the same for every call now
            found = super().build_all_combined_ids(
                *(None if x is None else _Quiet(x) for x in lists))
            self._ids[key] = found
        return found


class Manager(pygame_gui.UIManager):
    """``pygame_gui.UIManager`` with ``Theme`` (same arguments, same behaviour), and
    tooltips that wrap Chinese as Chinese is written."""

    def create_new_theme(self, theme_path: Any = None) -> UIAppearanceTheme:
        theme = Theme(self.resource_loader, self._locale)
        if theme_path is not None:
            theme.load_theme(theme_path)
        return theme

    def create_tool_tip(self, text: str, position: tuple[int, int],
                        hover_distance: tuple[int, int], parent_element: Any,
                        object_id: Any, *, wrap_width: int | None = None,
                        text_kwargs: dict[str, str] | None = None) -> UITooltip:
        """pygame_gui's tooltip, but a line too long for the tip is cut without a dash.

        pygame_gui wraps at spaces and cuts a longer "word" with a dash at both ends; a
        Chinese sentence has no spaces, so every Chinese tip of more than one line read
        "…与对-" / "-手…". The game's own text boxes already wrap without the dashes."""
        tip = UITooltip(text, hover_distance, self, text_kwargs=text_kwargs,
                        parent_element=parent_element, object_id=object_id,
                        wrap_width=wrap_width)
        box = tip.text_block
        if box is not None and box.allow_split_dashes:
            box.allow_split_dashes = False
            box.rebuild()
            tip.set_dimensions(box.rect.size)
        tip.find_valid_position(pygame.math.Vector2(position[0], position[1]))
        return tip
