"""The customer's procurement calendar as a strip of weeks with milestones."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pygame

from game.ui import theme
from game.ui.widgets import draw_text

MILESTONES: tuple[str, ...] = ("initiation", "tender_issue", "bid_deadline", "award", "contract")
LABEL_GAP = 24  # least room between two milestone labels on one lane


def milestones(calendar: Any) -> list[tuple[str, int]]:
    """(name, week) pairs from a CalendarSpec or a dict with the same keys."""
    get = calendar.get if isinstance(calendar, Mapping) else lambda k: getattr(calendar, k, None)
    result = []
    for name in MILESTONES:
        value = get(name)
        if isinstance(value, int):
            result.append((name, value))
    return result


def draw_calendar(
    surface: pygame.Surface,
    rect: pygame.Rect,
    calendar: Any,
    last_week: int,
    tr: Callable[..., str],
    current_week: int | None = None,
    compact: bool = False,
) -> None:
    """Weeks 1..last_week left to right; milestones as diamonds with staggered labels.

    ``compact`` (the board's top bar) drops the labels and names the next milestone only.
    """
    if rect.width < 120 or last_week < 1:
        return
    axis_y = rect.top + (14 if compact else 36)
    x0, x1 = rect.left + 8, rect.right - 8

    def x_of(week: int) -> int:
        return round(x0 + (x1 - x0) * (week - 1) / max(1, last_week - 1))

    marks = milestones(calendar)
    phases = [1, *[w for _, w in marks], last_week]
    shades = ("#E9E5DC", "#DCE8F1", "#CFE0EC", "#C2D8E8", "#B3CFE3", "#A6C6DE")
    for i in range(len(phases) - 1):
        a, b = x_of(phases[i]), x_of(phases[i + 1])
        if b > a:
            pygame.draw.rect(surface, theme.rgb(shades[min(i, len(shades) - 1)]),
                             (a, axis_y - 7, b - a, 14))
    pygame.draw.rect(surface, theme.rgb(theme.BORDER_STRONG), (x0, axis_y - 7, x1 - x0, 14), 1)
    for week in range(1, last_week + 1):
        x = x_of(week)
        tick = 4 if week % 4 else 8
        pygame.draw.line(surface, theme.rgb(theme.INK_FAINT), (x, axis_y + 7), (x, axis_y + 7 +
                         tick), 1)
    if compact:
        for _name, week in marks:
            x = x_of(week)
            diamond = [(x, axis_y - 7), (x + 7, axis_y), (x, axis_y + 7), (x - 7, axis_y)]
            pygame.draw.polygon(surface, theme.rgb(theme.INK), diamond)
        if current_week is not None:
            x = x_of(max(1, min(last_week, current_week)))
            pygame.draw.line(surface, theme.rgb(theme.US), (x, axis_y - 11), (x, axis_y + 11), 4)
            upcoming = [(w, n) for n, w in marks if w >= current_week]
            text = (tr("ui.calendar.next", what=tr("ui.calendar." + upcoming[0][1]),
                       n=upcoming[0][0]) if upcoming else tr("ui.calendar.after"))
            draw_text(surface, text, (rect.centerx, axis_y + 12), theme.LABEL, theme.INK_MUTED,
                      anchor="midtop", max_width=rect.width)
        return
    draw_text(surface, tr("ui.calendar.week_n", n=1), (x0, rect.top + 2), theme.LABEL,
              theme.INK_MUTED)
    draw_text(surface, tr("ui.calendar.week_n", n=last_week), (x1, rect.top + 2), theme.LABEL,
              theme.INK_MUTED, anchor="topright")
    if current_week is not None:
        x = x_of(max(1, min(last_week, current_week)))
        pygame.draw.line(surface, theme.rgb(theme.US), (x, axis_y - 14), (x, axis_y + 14), 3)
    placed = label_lanes(
        [(x_of(week), theme.font(theme.LABEL).size(_label(tr, name, week))[0])
         for name, week in marks], rect.left, rect.right)
    for (name, week), (left, lane) in zip(marks, placed, strict=True):
        x = x_of(week)
        diamond = [(x, axis_y - 9), (x + 9, axis_y), (x, axis_y + 9), (x - 9, axis_y)]
        pygame.draw.polygon(surface, theme.rgb(theme.INK), diamond)
        y = axis_y + 16 + lane * 22
        pygame.draw.line(surface, theme.rgb(theme.BORDER_STRONG), (x, axis_y + 9), (x, y), 1)
        draw_text(surface, _label(tr, name, week), (left, y), theme.LABEL, theme.INK)


def _label(tr: Callable[..., str], name: str, week: int) -> str:
    return f"{tr('ui.calendar.' + name)} · {tr('ui.calendar.wk', n=week)}"


def label_lanes(items: list[tuple[int, int]], lo: int, hi: int,
                lanes: int = 3) -> list[tuple[int, int]]:
    """(left, lane) for labels of ``(x, width)`` hung below an axis: each label goes on the
    first lane where it keeps LABEL_GAP from the labels already there and where the line
    down from its mark crosses no label on the lanes above. Marks come left to right, so a
    label that ends at its mark never covers a later mark's line: that is the first choice
    on any lane, then centred, then starting at the mark."""
    taken: list[list[tuple[int, int]]] = [[] for _ in range(lanes)]
    lines: list[tuple[int, int]] = []  # (x, lane) of every mark's line already drawn
    out = []
    for x, width in items:
        starts = [x + 12 - width, x - width // 2, x - 12]
        options = [max(lo, min(a, hi - width)) for a in starts]

        def fits(k: int, left: int, x: int = x, width: int = width) -> bool:
            right = left + width
            if any(left < b + LABEL_GAP and right + LABEL_GAP > a for a, b in taken[k]):
                return False
            if any(left - 4 <= lx <= right + 4 for lx, lane in lines if lane > k):
                return False  # it would cover an earlier mark's line
            return not any(a - 4 <= x <= b + 4 for j in range(k) for a, b in taken[j])

        spot = next(((left, k) for left in options for k in range(lanes) if fits(k, left)),
                    (options[0], min(range(lanes), key=lambda k: len(taken[k]))))
        taken[spot[1]].append((spot[0], spot[0] + width))
        lines.append((x, spot[1]))
        out.append(spot)
    return out
