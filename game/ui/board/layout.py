"""Where everything on the deal board goes, for any window from 1024x600 up.

Pure geometry, computed once per build: the scene creates its widgets in these rectangles
and paints its backdrop in the same ones, so widgets and painting cannot drift apart. Fixed
heights are for text (one line of 15-17 px type); the action list and the lower panel share
what is left, the list never shorter than two rows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

PAD = 16
GAP = 8
TOP_H = 56
BOTTOM_H = 60
ROLE_H = 36
ACTING_H = 22
ROW_H = 36  # one action row (34 px button + 2 px gap)
PREVIEW_H = 104
TAB_H = 32
LEGEND_H = 24


@dataclass(frozen=True)
class BoardLayout:
    size: tuple[int, int]
    top: pygame.Rect
    title: pygame.Rect
    calendar: pygame.Rect
    money: pygame.Rect
    menu: pygame.Rect
    track: pygame.Rect
    org: pygame.Rect
    legend: pygame.Rect
    right: pygame.Rect
    roles: pygame.Rect
    acting: pygame.Rect
    actions: pygame.Rect
    preview: pygame.Rect
    tabs: pygame.Rect
    panel: pygame.Rect
    bottom: pygame.Rect
    slots: int = 1  # vendor rows the stage track has room for


def board_layout(size: tuple[int, int], vendors: int) -> BoardLayout:
    """The board's rectangles for a window of ``size`` with room for ``vendors`` stage rows
    (every vendor of the game, those an event brings in later too, so that nothing moves
    when one enters)."""
    width, height = size
    top = pygame.Rect(0, 0, width, TOP_H)
    title = pygame.Rect(PAD, 4, int(width * 0.31), TOP_H - 8)
    calendar = pygame.Rect(title.right + PAD, 4, int(width * 0.31), TOP_H - 8)
    menu = pygame.Rect(width - PAD - 104, 9, 104, 38)
    money = pygame.Rect(calendar.right + PAD, 4, menu.left - calendar.right - 2 * PAD, TOP_H - 8)
    row_h = 22 if height < 700 else 24
    track = pygame.Rect(PAD, TOP_H + 6, width - 2 * PAD, row_h * track_row_count(vendors))
    main_top = track.bottom + 10
    bottom = pygame.Rect(0, height - BOTTOM_H, width, BOTTOM_H)
    main_h = bottom.top - 8 - main_top
    left_w = int((width - 3 * PAD) * 0.55)
    org = pygame.Rect(PAD, main_top, left_w, main_h - LEGEND_H - 4)
    legend = pygame.Rect(PAD, org.bottom + 4, left_w, LEGEND_H)
    right = pygame.Rect(org.right + PAD, main_top, width - org.right - 2 * PAD, main_h)
    roles = pygame.Rect(right.left, right.top, right.width, ROLE_H)
    acting = pygame.Rect(right.left, roles.bottom + 4, right.width, ACTING_H)
    rest = right.bottom - acting.bottom - 4 - PREVIEW_H - 6 - TAB_H - 4
    list_h = max(2 * ROW_H, min(6 * ROW_H, int(rest * 0.55) // ROW_H * ROW_H))
    panel_h = rest - list_h
    actions = pygame.Rect(right.left, acting.bottom + 2, right.width, list_h)
    preview = pygame.Rect(right.left, actions.bottom + 4, right.width, PREVIEW_H)
    tabs = pygame.Rect(right.left, preview.bottom + 6, right.width, TAB_H)
    panel = pygame.Rect(right.left, tabs.bottom + 4, right.width, max(0, panel_h))
    return BoardLayout(size, top, title, calendar, money, menu, track, org, legend, right,
                       roles, acting, actions, preview, tabs, panel, bottom, max(1, vendors))


def track_row_count(vendors: int) -> int:
    """Stage-track rows: one per vendor up to four, then two columns side by side (a
    six-seat workshop must leave the action list and the plan their room)."""
    n = max(1, vendors)
    return n if n <= 4 else math.ceil(n / 2)


def track_rows(track: pygame.Rect, vendors: int, slots: int = 0) -> list[pygame.Rect]:
    """One rectangle per vendor's stage row, us first, filling the first column down, laid
    out for ``slots`` rows when the track keeps room for more vendors than it shows."""
    n = max(1, vendors, slots)
    rows = track_row_count(n)
    cols = 1 if n <= 4 else 2
    gap = 24
    col_w = (track.width - gap * (cols - 1)) // cols
    row_h = track.height // rows
    return [pygame.Rect(track.left + (i // rows) * (col_w + gap), track.top + (i % rows) * row_h,
                        col_w, row_h) for i in range(max(1, vendors))]


def card_columns(count: int) -> int:
    """Columns of person cards: more people, more columns, so cards stay tall enough to read
    (a designer's 16-person buying centre gets four)."""
    if count <= 4:
        return 2
    if count <= 9:
        return 3
    if count <= 16:
        return 4
    return 5


def card_rects(area: pygame.Rect, count: int) -> list[pygame.Rect]:
    """A grid of person cards filling ``area``; never overlapping (each card is drawn
    clipped to its own rectangle, in the form its height allows)."""
    if count <= 0:
        return []
    cols = card_columns(count)
    rows = max(1, math.ceil(count / cols))
    gap = 12 if cols < 4 else 8
    cw = (area.width - gap * (cols - 1)) // cols
    ch = min(240, (area.height - gap * (rows - 1)) // rows)
    out = []
    for i in range(count):
        r, c = divmod(i, cols)
        out.append(pygame.Rect(area.left + c * (cw + gap), area.top + r * (ch + gap), cw, ch))
    return out


def split_row(rect: pygame.Rect, widths: list[int | None], gap: int = GAP) -> list[pygame.Rect]:
    """Cut a row into cells: fixed widths, and ``None`` cells sharing what remains."""
    fixed = sum(w for w in widths if w is not None) + gap * (len(widths) - 1)
    flex = [w for w in widths if w is None]
    each = max(0, (rect.width - fixed) // len(flex)) if flex else 0
    out, x = [], rect.left
    for w in widths:
        cell_w = each if w is None else w
        out.append(pygame.Rect(x, rect.top, cell_w, rect.height))
        x += cell_w + gap
    return out
