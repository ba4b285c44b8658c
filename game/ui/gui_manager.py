"""pygame_gui's manager with a theme that finds an element's theming ids in constant time.

pygame_gui (0.6.14) memoises each element's list of theming ids under a key it builds as
``str(a).join(str(b).join(str(c)).join(str(d)))`` from the element's id lists; ``str.join``
puts one string between every character of the other, so the key grows with the cube of
the lists' length: 16 MB, about 5 ms, for a button inside a scrolling list, paid on every
widget made or re-themed there (most of a click on the deal board) and briefly adding to
the peak memory. ``Theme`` keeps the same memo under a tuple of the lists instead; on a
miss it lets pygame_gui compute the ids, handing it lists that print as nothing, so its own
key stays short (the ids come from the lists' items, never from their printed form).
"""

from __future__ import annotations

from typing import Any

import pygame_gui
from pygame_gui.core import UIAppearanceTheme


class _Quiet(list):  # type: ignore[type-arg]
    """A list that prints as nothing (only for pygame_gui's memo key, see the docstring)."""

    def __str__(self) -> str:
        return ""

    __repr__ = __str__


def _frozen(ids: list[Any] | None) -> tuple[Any, ...] | None:
    return None if ids is None else tuple(ids)


class Theme(UIAppearanceTheme):
    """pygame_gui's theme, with its theming-id memo keyed by tuples (module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._ids: dict[tuple[Any, ...], list[str]] = {}

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
    """``pygame_gui.UIManager`` with ``Theme`` (same arguments, same behaviour)."""

    def create_new_theme(self, theme_path: Any = None) -> UIAppearanceTheme:
        theme = Theme(self.resource_loader, self._locale)
        if theme_path is not None:
            theme.load_theme(theme_path)
        return theme
