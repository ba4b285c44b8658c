"""A page of text, tables and cards for the debrief, laid out once and drawn as one surface.

The debrief's tabs hold more than a projector screen shows, so each is laid out into a
list of draw operations at the window's width and rendered into a single surface; a frame
only blits the visible part. Keeping the operations also lets the tests check that every
piece of text fits the box it was given, without looking at pixels. Sizes are larger than
the board's because trainers read this page from the back of a room.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pygame

from game.ui import theme
from game.ui.widgets import fit, line_height, wrap_lines

# text sizes in px, for a projector read from 3 m (never below the theme's 14 px labels)
SMALL = 16
BODY = 18
HEAD = 24
BIG = 30
PAD = 10


@dataclass(frozen=True)
class TextOp:
    """One line of text: ``rect`` is what it covers when drawn, ``box`` the room it had."""

    rect: pygame.Rect
    box: pygame.Rect
    text: str
    size: int
    bold: bool
    colour: str


@dataclass(frozen=True)
class RectOp:
    rect: pygame.Rect
    fill: str | None
    border: str | None = None
    radius: int = 0
    width: int = 1


@dataclass(frozen=True)
class Cell:
    """A table cell: main text, an optional smaller line under it, and its look."""

    text: str
    sub: str = ""
    colour: str = theme.INK
    bold: bool = False
    head: str = ""  # a bold line above the text


@dataclass
class Doc:
    """Draw operations in page coordinates; ``y`` is where the next block goes."""

    width: int
    y: int = 0
    ops: list[TextOp | RectOp] = field(default_factory=list)

    @property
    def height(self) -> int:
        return self.y

    # --- primitives -----------------------------------------------------------------------
    def line(self, x: int, y: int, w: int, text: str, size: int = BODY, bold: bool = False,
             colour: str = theme.INK, align: str = "left") -> int:
        """One line fitted into ``w`` px (cut with an ellipsis); returns its height."""
        shown = fit(text, w, size, bold)
        tw, th = theme.font(size, bold).size(shown)
        tx = x + w - tw if align == "right" else x + (w - tw) // 2 if align == "center" else x
        lh = line_height(size, bold)
        self.ops.append(TextOp(pygame.Rect(tx, y, tw, th), pygame.Rect(x, y, w, lh), shown,
                               size, bold, colour))
        return lh

    def wrapped(self, x: int, y: int, w: int, text: str, size: int = BODY, bold: bool = False,
                colour: str = theme.INK, max_lines: int | None = None) -> int:
        """Text wrapped to ``w`` px (Chinese breaks between characters); returns its height."""
        lines = wrap_lines(text, w, size, bold)
        if max_lines is not None and len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = fit(lines[-1] + "…", w, size, bold)
        lh = line_height(size, bold)
        for i, text_line in enumerate(lines):
            self.line(x, y + i * lh, w, text_line, size, bold, colour)
        return len(lines) * lh

    def box(self, rect: pygame.Rect | tuple[int, int, int, int], fill: str | None,
            border: str | None = None, radius: int = 0, width: int = 1) -> None:
        self.ops.append(RectOp(pygame.Rect(rect), fill, border, radius, width))

    # --- blocks that advance the page -------------------------------------------------------
    def space(self, h: int) -> None:
        self.y += h

    def heading(self, text: str, size: int = HEAD, colour: str = theme.INK) -> None:
        if self.y:
            self.y += 14
        self.y += self.wrapped(0, self.y, self.width, text, size, True, colour) + 6

    def para(self, text: str, size: int = BODY, colour: str = theme.INK, indent: int = 0,
             bold: bool = False) -> None:
        if text:
            self.y += self.wrapped(indent, self.y, self.width - indent, text, size, bold,
                                   colour) + 4

    def bullets(self, items: list[str], size: int = BODY, mark: str = "•",
                colour: str = theme.INK) -> None:
        indent = theme.font(size).size(mark + "  ")[0]
        for text in items:
            self.line(0, self.y, indent, mark, size, False, theme.INK_MUTED)
            self.y += self.wrapped(indent, self.y, self.width - indent, text, size, False,
                                   colour) + 4

    def facts(self, items: list[tuple[str, str]], columns: int, value_size: int = HEAD) -> None:
        """Labelled figures in a grid of cards: a small label over a large value."""
        columns = max(1, min(columns, len(items) or 1))
        gap = 12
        cw = (self.width - gap * (columns - 1)) // columns
        lab_h, val_h = line_height(SMALL), line_height(value_size, True)
        lines = max((len(wrap_lines(v, cw - 2 * PAD, value_size, True)) for _, v in items),
                    default=1)
        ch = PAD + lab_h + min(2, lines) * val_h + PAD
        for i, (lab, value) in enumerate(items):
            r, c = divmod(i, columns)
            rect = pygame.Rect(c * (cw + gap), self.y + r * (ch + gap), cw, ch)
            self.box(rect, theme.SURFACE_ALT, theme.BORDER, 8)
            inner = rect.inflate(-2 * PAD, 0)
            self.line(inner.left, rect.top + PAD, inner.width, lab, SMALL, False,
                      theme.INK_MUTED)
            self.wrapped(inner.left, rect.top + PAD + lab_h, inner.width, value, value_size,
                         True, theme.INK, max_lines=2)
        rows = (len(items) + columns - 1) // columns
        self.y += rows * (ch + gap)

    def pairs(self, items: list[tuple[str, str]], size: int = BODY) -> None:
        """Label on the left, value on the right, one line each: figures at a glance."""
        lab_w = max((theme.font(SMALL).size(lab)[0] for lab, _ in items), default=0) + 16
        lab_w = min(lab_w, self.width // 2)
        for lab, value in items:
            h = line_height(size, True)
            self.line(0, self.y + (h - line_height(SMALL)) // 2, lab_w, lab, SMALL, False,
                      theme.INK_MUTED)
            self.line(lab_w, self.y, self.width - lab_w, value, size, True, theme.INK, "right")
            self.y += h + 6
            self.box((0, self.y - 3, self.width, 1), theme.BORDER)
        self.y += 4

    def table(self, headers: list[str], weights: list[float], rows: list[list[Cell | str]],
              tints: list[str | None] | None = None, size: int = BODY,
              min_col: int = 0) -> None:
        """Columns sized by ``weights``; every cell wraps inside its column."""
        total = sum(weights)
        widths = [int(self.width * w / total) for w in weights]
        widths[-1] = self.width - sum(widths[:-1])
        if min_col and min(widths) < min_col:
            widths = [self.width // len(weights)] * len(weights)
            widths[-1] = self.width - sum(widths[:-1])
        widths = _room_for_words(widths, headers, rows, size)
        xs = [sum(widths[:i]) for i in range(len(widths))]
        inner = [max(8, w - 2 * PAD) for w in widths]
        if any(headers):
            head_h = max(len(wrap_lines(h, w, SMALL, True)) for h, w in zip(
                headers, inner, strict=True)) * line_height(SMALL, True) + 2 * 6
            self.box((0, self.y, self.width, head_h), theme.BG_DEEP, None, 6)
            for h, x, w in zip(headers, xs, inner, strict=True):
                self.wrapped(x + PAD, self.y + 6, w, h, SMALL, True, theme.INK_MUTED)
            self.y += head_h
        else:
            self.box((0, self.y, self.width, 1), theme.BORDER)
        for index, row in enumerate(rows):
            cells = [c if isinstance(c, Cell) else Cell(str(c)) for c in row]
            row_h = max(self._measure(c, w, size) for c, w in zip(cells, inner, strict=True))
            row_h += 2 * 8
            tint = tints[index] if tints else None
            if tint:
                self.box((0, self.y, self.width, row_h), tint)
            for c, x, w in zip(cells, xs, inner, strict=True):
                y = self.y + 8
                if c.head:
                    y += self.wrapped(x + PAD, y, w, c.head, size, True, theme.INK)
                y += self.wrapped(x + PAD, y, w, c.text, size, c.bold, c.colour)
                if c.sub:
                    self.wrapped(x + PAD, y, w, c.sub, SMALL, False, theme.INK_MUTED)
            self.y += row_h
            self.box((0, self.y - 1, self.width, 1), theme.BORDER)
        self.y += 8

    @staticmethod
    def _measure(c: Cell, width: int, size: int) -> int:
        h = len(wrap_lines(c.text, width, size, c.bold)) * line_height(size, c.bold)
        if c.head:
            h += len(wrap_lines(c.head, width, size, True)) * line_height(size, True)
        if c.sub:
            h += len(wrap_lines(c.sub, width, SMALL)) * line_height(SMALL)
        return h


def _longest_word(text: str, size: int, bold: bool) -> int:
    """The widest unbreakable piece of ``text`` (a Latin word; a CJK line breaks anywhere)."""
    face = theme.font(size, bold)
    return max((face.size(w)[0] for w in text.replace("\n", " ").split(" ")
                if w and w.isascii()), default=0)


def _room_for_words(widths: list[int], headers: list[str], rows: list[list[Any]],
                    size: int) -> list[int]:
    """Widen a column too narrow for its longest word ("Configuratio/n"), taking the room
    from the columns that have the most to spare; the table's width stays the same."""
    need = []
    for i in range(len(widths)):
        texts = [(headers[i], SMALL, True)] if i < len(headers) else []
        for row in rows:
            c = row[i] if i < len(row) else ""
            if isinstance(c, Cell):
                texts += [(c.text, size, c.bold), (c.head, size, True), (c.sub, SMALL, False)]
            else:
                texts.append((str(c), size, False))
        need.append(max(_longest_word(t, sz, b) for t, sz, b in texts) + 2 * PAD + 2)
    out = list(widths)
    for i in range(len(out)):
        short = need[i] - out[i]
        while short > 0:
            donors = [j for j in range(len(out)) if j != i and out[j] > need[j]]
            if not donors:
                break
            j = max(donors, key=lambda k: out[k] - need[k])
            give = min(short, out[j] - need[j])
            out[j] -= give
            out[i] += give
            short -= give
    return out


def render(doc: Doc, background: str = theme.SURFACE, height: int | None = None) -> pygame.Surface:
    """The page as one opaque surface (at least ``height`` px tall)."""
    surface = pygame.Surface((max(1, doc.width), max(1, doc.height, height or 0)))
    surface.fill(theme.rgb(background))
    for op in doc.ops:
        if isinstance(op, RectOp):
            if op.fill:
                pygame.draw.rect(surface, theme.rgb(op.fill), op.rect, border_radius=op.radius)
            if op.border:
                pygame.draw.rect(surface, theme.rgb(op.border), op.rect, width=op.width,
                                 border_radius=op.radius)
        else:
            image = theme.font(op.size, op.bold).render(op.text, True, theme.rgb(op.colour))
            surface.blit(image, op.rect.topleft)
    return surface


def overflows(doc: Doc) -> list[str]:
    """Every text that is wider than its box or sticks out of the page (for the tests)."""
    bad = []
    page = pygame.Rect(0, 0, doc.width, max(1, doc.height))
    for op in doc.ops:
        if not isinstance(op, TextOp):
            continue
        width = theme.font(op.size, op.bold).size(op.text)[0]
        if width > op.box.width or not op.box.contains(op.rect) or not page.contains(op.box):
            bad.append(f"{op.text!r} ({width}px) in {op.box} on a {page.size} page")
    return bad


@dataclass
class Scroll:
    """Where a viewport looks into a larger page; kept by the scene across rebuilds."""

    x: int = 0
    y: int = 0
    content: tuple[int, int] = (0, 0)
    view: tuple[int, int] = (0, 0)

    def resize(self, content: tuple[int, int], view: tuple[int, int]) -> None:
        self.content, self.view = content, view
        self.clamp()

    @property
    def max_x(self) -> int:
        return max(0, self.content[0] - self.view[0])

    @property
    def max_y(self) -> int:
        return max(0, self.content[1] - self.view[1])

    def clamp(self) -> None:
        self.x = max(0, min(self.x, self.max_x))
        self.y = max(0, min(self.y, self.max_y))

    def by(self, dx: int, dy: int) -> None:
        self.x += dx
        self.y += dy
        self.clamp()

    def v_thumb(self, track: pygame.Rect) -> pygame.Rect | None:
        if not self.max_y:
            return None
        h = max(30, track.height * self.view[1] // max(1, self.content[1]))
        top = track.top + (track.height - h) * self.y // self.max_y
        return pygame.Rect(track.left, top, track.width, h)

    def h_thumb(self, track: pygame.Rect) -> pygame.Rect | None:
        if not self.max_x:
            return None
        w = max(30, track.width * self.view[0] // max(1, self.content[0]))
        left = track.left + (track.width - w) * self.x // self.max_x
        return pygame.Rect(left, track.top, w, track.height)

    def drag_v(self, track: pygame.Rect, thumb_top: int) -> None:
        """Move so the vertical thumb's top sits at ``thumb_top``."""
        thumb = self.v_thumb(track)
        if thumb is None or track.height <= thumb.height:
            return
        share = (thumb_top - track.top) / (track.height - thumb.height)
        self.y = round(share * self.max_y)
        self.clamp()

    def drag_h(self, track: pygame.Rect, thumb_left: int) -> None:
        thumb = self.h_thumb(track)
        if thumb is None or track.width <= thumb.width:
            return
        share = (thumb_left - track.left) / (track.width - thumb.width)
        self.x = round(share * self.max_x)
        self.clamp()


def draw_scrollbars(surface: pygame.Surface, scroll: Scroll, v_track: pygame.Rect,
                    h_track: pygame.Rect | None = None) -> None:
    for track, thumb in ((v_track, scroll.v_thumb(v_track)),
                         (h_track, scroll.h_thumb(h_track) if h_track else None)):
        if track is None or thumb is None:
            continue
        pygame.draw.rect(surface, theme.rgb(theme.BG_DEEP), track, border_radius=5)
        pygame.draw.rect(surface, theme.rgb(theme.BORDER_STRONG), thumb, border_radius=5)
