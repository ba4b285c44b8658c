"""The customer's procurement calendar as a strip of weeks with milestones."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pygame

from game.ui import theme
from game.ui.widgets import draw_text

MILESTONES: tuple[str, ...] = ("initiation", "tender_issue", "bid_deadline", "award", "contract")


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
    axis_y = rect.top + (14 if compact else 30)
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
    lanes = [-10_000] * 3
    for name, week in marks:
        x = x_of(week)
        diamond = [(x, axis_y - 9), (x + 9, axis_y), (x, axis_y + 9), (x - 9, axis_y)]
        pygame.draw.polygon(surface, theme.rgb(theme.INK), diamond)
        text = f"{tr('ui.calendar.' + name)} · {tr('ui.calendar.wk', n=week)}"
        width = theme.font(theme.LABEL).size(text)[0]
        left = max(rect.left, min(x - width // 2, rect.right - width))
        free = [i for i, right in enumerate(lanes) if left > right + 8]
        lane = free[0] if free else min(range(len(lanes)), key=lanes.__getitem__)
        y = axis_y + 18 + lane * 22
        pygame.draw.line(surface, theme.rgb(theme.BORDER_STRONG), (x, axis_y + 9), (x, y), 1)
        draw_text(surface, text, (left, y), theme.LABEL, theme.INK)
        lanes[lane] = left + width
