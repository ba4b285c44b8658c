"""Small helpers shared by the scenes: translated widgets, page chrome, cards, fitting text."""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel, UITextBox

from game.ui import theme

if TYPE_CHECKING:
    from game.ui.context import UIContext

MARGIN = 40
GAP = 16
HEADER_H = 88
BUTTON_H = 44
ROW_H = 44
MAX_CONTENT_W = 1360


def content_rect(
    size: tuple[int, int], top: int = HEADER_H, bottom: int = 24, max_w: int = MAX_CONTENT_W
) -> pygame.Rect:
    """The page area under the header, centred and no wider than ``max_w``."""
    width, height = size
    inner_w = min(width - 2 * MARGIN, max_w)
    left = (width - inner_w) // 2
    return pygame.Rect(left, top, inner_w, height - top - bottom)


@lru_cache(maxsize=4096)
def text_width(text: str, size: int = theme.BODY, bold: bool = False) -> int:
    """Pixels ``text`` takes (memoised: a click measures the same tab and button labels
    again, and measuring Chinese text is not free)."""
    return theme.font(size, bold).size(text)[0]


@lru_cache(maxsize=4096)
def fit(text: str, width: int, size: int = theme.BODY, bold: bool = False) -> str:
    """``text`` shortened with an ellipsis so it fits ``width`` pixels (memoised: the board
    fits the same few hundred strings every time it repaints)."""
    face = theme.font(size, bold)
    if face.size(text)[0] <= width:
        return text
    ellipsis = "…"
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if face.size(text[:mid] + ellipsis)[0] <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + ellipsis


# characters that must not begin a line (Chinese line-breaking rules, simplified)
NO_LINE_START = set("，。、；：？！）》」』】〕…—·,.;:?!)]}%”’")
NO_LINE_END = set("（《「『【〔([{“‘")


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" or "\u3000" <= ch <= "\u303f"


def _tokens(text: str) -> list[str]:
    """Break opportunities: every CJK character, or a Latin word with its trailing space."""
    tokens: list[str] = []
    word = ""
    for ch in text:
        if _is_cjk(ch):
            if word:
                tokens.append(word)
                word = ""
            tokens.append(ch)
        else:
            word += ch
            if ch == " ":
                tokens.append(word)
                word = ""
    if word:
        tokens.append(word)
    # glue closing punctuation to what precedes it, opening punctuation to what follows
    glued: list[str] = []
    for tok in tokens:
        if glued and (tok[0] in NO_LINE_START or glued[-1][-1] in NO_LINE_END):
            glued[-1] += tok
        else:
            glued.append(tok)
    return glued


def _mid_word(line: str, cut: int) -> bool:
    """A Latin word cut in two ("Configuratio/n"): the box is too narrow for it."""
    a, b = line[cut - 1], line[cut] if cut < len(line) else " "
    return a.isalpha() and b.isalpha() and not _is_cjk(a) and not _is_cjk(b)


def wrap_lines(text: str, width: int, size: int = theme.BODY, bold: bool = False) -> list[str]:
    """Lines of ``text`` no wider than ``width`` px; Chinese breaks between characters.

    Memoised like ``fit`` (a card or a preview wraps the same motives again whenever it is
    repainted, measuring each character of Chinese text as it goes), except while the
    layout checks record cut words."""
    if TEXT_LOG is not None:
        return _wrap(text, width, size, bold)
    return list(_wrapped(text, width, size, bold))


@lru_cache(maxsize=2048)
def _wrapped(text: str, width: int, size: int, bold: bool) -> tuple[str, ...]:
    return tuple(_wrap(text, width, size, bold))


def _wrap(text: str, width: int, size: int, bold: bool) -> list[str]:
    face = theme.font(size, bold)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for tok in _tokens(paragraph):
            if line and face.size((line + tok).rstrip())[0] > width:
                lines.append(line.rstrip())
                line = tok.lstrip()
            else:
                line += tok
            while face.size(line.rstrip())[0] > width and len(line) > 1:
                cut = len(line) - 1
                while cut > 1 and face.size(line[:cut])[0] > width:
                    cut -= 1
                if TEXT_LOG is not None and _mid_word(line, cut):
                    BROKEN_WORDS.append((line.strip(), width))
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line.rstrip())
    return lines


def para(text: str, width: int, size: int = theme.BODY) -> str:
    """A plain paragraph as text-box HTML, pre-wrapped to ``width`` px."""
    return "<br>".join(esc(line) for line in wrap_lines(text, width, size))


def button(
    ctx: UIContext,
    rect: pygame.Rect | tuple[int, int, int, int],
    text: str,
    tip: str | None = None,
    object_id: str | None = None,
    container: Any = None,
    double: bool = False,
) -> UIButton:
    """A button whose label is fitted to its width; the tooltip repeats a cut label.
    ``double`` lets it report double clicks too."""
    rect = pygame.Rect(rect)
    shown, tip = button_text(rect.width, text, tip, object_id)
    return UIButton(
        rect, shown, ctx.manager, container=container, tool_tip_text=tip,
        object_id=pygame_gui.core.ObjectID(object_id=object_id) if object_id else None,
        allow_double_clicks=double,
    )


def button_text(width: int, text: str, tip: str | None,
                object_id: str | None) -> tuple[str, str | None]:
    """A button's label fitted to its width, and its tooltip (repeating a cut label)."""
    size, bold = BUTTON_FONTS.get(object_id, BUTTON_FONTS[None])
    shown = fit(text, width - min(28, width // 3), size, bold)
    if shown != text:
        tip = f"{esc(text)}<br>{tip}" if tip else esc(text)
    return shown, tip


def label_fit(rect: pygame.Rect | tuple[int, int, int, int], text: str,
              object_id: str | None) -> tuple[pygame.Rect, str]:
    """A label's rectangle (never lower than its line) and its text fitted to the width."""
    rect = pygame.Rect(rect)
    size, bold = OBJECT_FONTS.get(object_id, OBJECT_FONTS[None])
    need = line_height(size, bold)
    if rect.height < need:
        rect.y -= (need - rect.height) // 2
        rect.height = need
    return rect, fit(text, rect.width - 4, size, bold)


# font (size, bold) that each object id gives a label or button
OBJECT_FONTS: dict[str | None, tuple[int, bool]] = {
    None: (theme.LABEL, False),
    "#title": (theme.TITLE, True),
    "#subtitle": (theme.SUBTITLE, False),
    "#heading": (theme.HEADING, True),
    "#section": (theme.LABEL, True),
    "#muted": (theme.LABEL, False),
    "#body": (theme.BODY, False),
    "#warning": (theme.LABEL, True),
}
BUTTON_FONTS: dict[str | None, tuple[int, bool]] = {
    None: (theme.BUTTON, False),
    "#primary": (theme.BUTTON, True),
    "#toggle_on": (theme.BUTTON, True),
    "#menu_button": (19, False),
    "#menu_primary": (19, True),
    "#action": (16, False),
    "#action_on": (16, False),
    "#add": (theme.HEADING, True),
    "#warning_button": (theme.BUTTON, True),
}


def line_height(size: int, bold: bool = False) -> int:
    return theme.font(size, bold).get_linesize() + 2


def label(
    ctx: UIContext,
    rect: pygame.Rect | tuple[int, int, int, int],
    text: str,
    object_id: str | None = None,
    container: Any = None,
    tip: str | None = None,
) -> UILabel:
    """A one-line label, fitted to its width (full text in the tooltip when cut)."""
    rect, shown = label_fit(rect, text, object_id)
    widget = UILabel(
        rect, shown, ctx.manager, container=container,
        object_id=pygame_gui.core.ObjectID(object_id=object_id) if object_id else None,
    )
    if shown != text or tip:
        widget.set_tooltip(tip or text)
    return widget


def text_box(
    ctx: UIContext,
    rect: pygame.Rect | tuple[int, int, int, int],
    html_text: str,
    object_id: str | None = None,
    container: Any = None,
    wrap_to_height: bool = False,
) -> UITextBox:
    """Wrapped rich text; Chinese lines break between characters, never with dashes."""
    return UITextBox(
        html_text, pygame.Rect(rect), ctx.manager, container=container,
        wrap_to_height=wrap_to_height,
        object_id=pygame_gui.core.ObjectID(object_id=object_id) if object_id else None,
        allow_split_dashes=False,
    )


def esc(text: Any) -> str:
    return html.escape(str(text), quote=False).replace("\n", "<br>")


def page_header(
    ctx: UIContext, title: str, back: bool = True, max_w: int = MAX_CONTENT_W
) -> UIButton | None:
    """Title on the left, a back button on the right; returns the back button."""
    area = content_rect(ctx.size, max_w=max_w)
    label(ctx, (area.left, 26, area.width - 220, 40), title, "#heading")
    if not back:
        return None
    return button(ctx, (area.right - 160, 24, 160, BUTTON_H), ctx.tr("ui.common.back"),
                  ctx.tr("ui.common.back_tip"), "#quiet")


def draw_card(surface: pygame.Surface, rect: pygame.Rect, fill: str = theme.SURFACE) -> None:
    """A calm white card with a soft shadow (drawn under the widgets)."""
    shadow = pygame.Surface((rect.width + 8, rect.height + 8), pygame.SRCALPHA)
    pygame.draw.rect(shadow, (40, 35, 25, 22), shadow.get_rect().inflate(-4, -4).move(0, 3),
                     border_radius=14)
    surface.blit(shadow, (rect.left - 4, rect.top - 2))
    pygame.draw.rect(surface, theme.rgb(fill), rect, border_radius=12)
    pygame.draw.rect(surface, theme.rgb(theme.BORDER), rect, width=1, border_radius=12)


def draw_header_rule(
    surface: pygame.Surface, size: tuple[int, int], max_w: int = MAX_CONTENT_W
) -> None:
    area = content_rect(size, max_w=max_w)
    pygame.draw.line(surface, theme.rgb(theme.BORDER), (area.left, HEADER_H - 12),
                     (area.right, HEADER_H - 12), 1)


def draw_text(
    surface: pygame.Surface,
    text: str,
    pos: tuple[int, int],
    size: int = theme.LABEL,
    colour: str = theme.INK,
    bold: bool = False,
    anchor: str = "topleft",
    max_width: int | None = None,
) -> pygame.Rect:
    """Text drawn outside pygame_gui, in the theme's font; fitted when ``max_width`` is set."""
    whole = text
    if max_width is not None:
        text = fit(text, max_width, size, bold)
    image = rendered(text, size, colour, bold)
    rect = image.get_rect(**{anchor: pos})
    surface.blit(image, rect)
    if TEXT_LOG is not None:
        TEXT_LOG.append(TextMark(whole, text, rect.copy(), surface.get_clip().copy(),
                                 surface.get_size()))
    return rect


@dataclass(frozen=True)
class TextMark:
    """One painted line, as the layout checks see it (``game.ui.layout_check``)."""

    text: str
    shown: str
    rect: pygame.Rect
    clip: pygame.Rect
    surface: tuple[int, int]


#: while a list, every ``draw_text`` adds its mark (see ``game.ui.layout_check``)
TEXT_LOG: list[TextMark] | None = None
#: words ``wrap_lines`` had to cut in two while ``TEXT_LOG`` was recording
BROKEN_WORDS: list[tuple[str, int]] = []


@lru_cache(maxsize=2048)
def rendered(text: str, size: int, colour: str, bold: bool = False) -> pygame.Surface:
    """One rendered line of text, kept: rendering CJK text is the costliest part of painting
    a board, and the same names and labels come back on every repaint."""
    return theme.font(size, bold).render(text, True, theme.rgb(colour))


#: other memos of painted text to forget with these (a feature registers its own)
CACHE_CLEARERS: list[Any] = []


def clear_text_caches() -> None:
    """Forget rendered text and fitted strings (their fonts die with a pygame session)."""
    rendered.cache_clear()
    fit.cache_clear()
    _wrapped.cache_clear()
    text_width.cache_clear()
    for clear in CACHE_CLEARERS:
        clear()


def is_pressed(event: pygame.event.Event, widget: Any) -> bool:
    return (
        event.type == pygame_gui.UI_BUTTON_PRESSED
        and widget is not None
        and event.ui_element is widget
    )


def toggle_row(
    ctx: UIContext,
    x: int,
    y: int,
    choices: list[tuple[str, str, str | None]],
    selected: str,
    width: int = 150,
) -> dict[str, UIButton]:
    """Segmented buttons (value, text, tip); the selected one uses the ``#toggle_on`` look."""
    result: dict[str, UIButton] = {}
    for index, (value, text, tip) in enumerate(choices):
        oid = "#toggle_on" if value == selected else None
        result[value] = button(ctx, (x + index * (width + 8), y, width, BUTTON_H), text, tip, oid)
    return result
