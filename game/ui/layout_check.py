"""Clipping found by code, not by eye.

``problems(app)`` draws the scene on top once while recording every painted line, then
lists each piece of text a player could not read whole:

- painted text that runs outside the window, or outside the clip its painter set (a card's
  rectangle, say), so part of it is cut away without an ellipsis;
- a pygame_gui button or label whose text is wider than the element (pygame_gui clips
  silently; our helpers fit the text and move the whole of it into the tooltip);
- widgets of one scene that overlap each other when they are not meant to stack.

A line shortened with an ellipsis is not a problem: the helpers that do it put the full
text in a tooltip or a detail panel one click away. The tests run these checks at 1280x720
and 1920x1080 in both languages, with five and six vendors and a 16-person buying centre.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pygame
from pygame_gui.elements import UIButton, UILabel

from game.ui import widgets
from game.ui.widgets import BUTTON_FONTS, OBJECT_FONTS, TextMark, text_width


@contextmanager
def recording() -> Iterator[list[TextMark]]:
    """Collect every ``draw_text`` mark made inside the block."""
    marks: list[TextMark] = []
    old, widgets.TEXT_LOG = widgets.TEXT_LOG, marks
    widgets.BROKEN_WORDS.clear()
    try:
        yield marks
    finally:
        widgets.TEXT_LOG = old


def broken_words() -> list[str]:
    """Latin words a wrapped text had to cut in two while recording ("Configuratio/n")."""
    return [f"word cut in two at {w}px: {text!r}" for text, w in widgets.BROKEN_WORDS]


def painted_problems(marks: list[TextMark]) -> list[str]:
    out = []
    for m in marks:
        if not m.shown.strip():
            continue
        screen = pygame.Rect((0, 0), m.surface)
        # a glyph's box has a pixel or two of air; count only real overflow
        body = m.rect.inflate(-4, -6)
        if not screen.contains(body):
            out.append(f"off screen: {m.shown!r} at {tuple(m.rect)}")
        elif m.clip != screen and not m.clip.contains(body):
            out.append(f"cut by its box {tuple(m.clip)}: {m.shown!r} at {tuple(m.rect)}")
    return out


def _font_of(el: Any) -> tuple[int, bool]:
    ids = [i for i in getattr(el, "object_ids", []) if i]
    oid = ids[-1] if ids else None
    table = BUTTON_FONTS if isinstance(el, UIButton) else OBJECT_FONTS
    return table.get(oid, table[None])


def widget_problems(manager: Any) -> list[str]:
    out = []
    for el in manager.get_sprite_group().sprites():
        if not isinstance(el, UIButton | UILabel) or not el.visible:
            continue
        text = getattr(el, "text", "") or ""
        if not text.strip():
            continue
        size, bold = _font_of(el)
        pad = 8 if isinstance(el, UIButton) else 0
        if text_width(text, size, bold) > el.rect.width - pad:
            out.append(f"{type(el).__name__} text wider than it: {text!r} in {tuple(el.rect)}")
    return out


def problems(app: Any) -> list[str]:
    """Everything cut on the app's current screen (builds and draws it again to see it)."""
    top = app.stack.top
    with recording() as marks:
        from game.ui import widgets as w

        w.fit.cache_clear()  # wrapped and fitted text is memoised: measure it afresh
        app.rebuild()
        if getattr(top, "_bg", None) is not None:
            top._bg = None  # the board paints its backdrop once: make it paint again
        app.draw()
        cut = broken_words()
    return painted_problems(marks) + widget_problems(app.manager) + cut
