"""One person of the buying centre as a card on the org chart.

The card carries name, key-role badges, title, support for us (a diverging bar and a signed
number, so it never rests on colour alone), contact level (filled dots), participation now,
the two motives ("?" until discovered) and the access tags of the new rules (needs an
introduction, may leave, whom they favour, when they are free again; `access.card_tags`),
as many as fit beside the title, the most pressing first. It adapts to its height: on a
short card the support bar, the contact dots and participation share one line and the
motives shrink to ticks; on a tall one the motives wrap to two lines; on a tiny one the most
pressing tag follows the contact dots. Everything cut is in the card's tooltip and panel.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pygame

from game.ui import theme
from game.ui.board.draw import draw_support_bar, support_text
from game.ui.widgets import draw_text, text_width, wrap_lines

CONTACT_MAX = 4
COMPACT_H = 130  # below this height a card uses its compact layout
TINY_H = 76  # below this, name and support only (a large buying centre); the panel has the rest
TITLE_MIN = 56  # the title keeps at least this much of its line beside the tags
# tag tone -> (fill, border, text): filled for what blocks a move, outlined for the rest
TAG_STYLE = {"block": (theme.DANGER, theme.DANGER, "#FFFFFF"),
             "risk": (theme.SURFACE, theme.DANGER, theme.DANGER),
             "us": (theme.SURFACE, theme.ACCENT, theme.ACCENT),
             "info": (theme.SURFACE, theme.BORDER_STRONG, theme.INK_MUTED)}


def draw_tag(surface: pygame.Surface, right: int, top: int, text: str, tone: str) -> int:
    """One tag ending at ``right``; returns its left edge."""
    fill, border, ink = TAG_STYLE[tone]
    w = text_width(text, theme.LABEL) + 10
    box = pygame.Rect(right - w, top, w, 20)
    pygame.draw.rect(surface, theme.rgb(fill), box, border_radius=4)
    pygame.draw.rect(surface, theme.rgb(border), box, 1, border_radius=4)
    draw_text(surface, text, box.center, theme.LABEL, ink, anchor="center")
    return box.left


def tags_width(tags: Sequence[tuple[str, str]]) -> list[int]:
    return [text_width(text, theme.LABEL) + 10 for text, _tone in tags]


def draw_person_card(surface: pygame.Surface, rect: pygame.Rect, p: dict[str, Any], tr: Any,
                     selected: bool, planned: int,
                     tags: Sequence[tuple[str, str]] = ()) -> None:
    now = p.get("participation_now")
    strong = now is not None and now >= 0.6
    fill = theme.SELECTED if selected else theme.SURFACE
    pygame.draw.rect(surface, theme.rgb(fill), rect, border_radius=10)
    border = theme.ACCENT if selected else (theme.INK if strong else theme.BORDER)
    pygame.draw.rect(surface, theme.rgb(border), rect, 3 if selected else (2 if strong else 1),
                     border_radius=10)
    x, w = rect.left + 10, rect.width - 20
    if rect.height < TINY_H:
        _tiny(surface, rect, p, tr, planned, x, w, tags)
        return
    y = _head(surface, rect, p, tr, planned, x, w, tags)
    part = (tr("ui.board.now", pct=round(now * 100)) if now is not None
            else tr("ui.board.now_unknown"))
    if rect.height < COMPACT_H:  # bar, number and dots; participation when it fits
        part_w = text_width(part, theme.LABEL) + 8
        with_part = w - part_w >= 150
        bar_w = w - 36 - 8 - CONTACT_MAX * 13 - (part_w if with_part else 0)
        bar = pygame.Rect(x, y + 6, max(30, min(bar_w, w // 2)), 10)
        draw_support_bar(surface, bar, p["support"])
        r = draw_text(surface, support_text(p["support"]), (bar.right + 6, y + 11), theme.LABEL,
                      theme.INK, bold=True, anchor="midleft")
        dots_x = _dots(surface, r.right + 10, y + 11, p["contact_level"])
        if with_part:
            draw_text(surface, part, (dots_x + 4, y + 11), theme.LABEL, theme.INK,
                      anchor="midleft", max_width=rect.right - 10 - dots_x - 4)
        y += 22
    else:
        bar = pygame.Rect(x, y + 5, w - 54, 10)
        draw_support_bar(surface, bar, p["support"])
        draw_text(surface, support_text(p["support"]), (rect.right - 10, y + 10), theme.LABEL,
                  theme.INK, bold=True, anchor="midright")
        y += 22
        dots_x = _dots(surface, x + 6, y + 10, p["contact_level"])
        contact = tr("contact." + p["contact"])
        text = f"{contact} · {part}"
        room = rect.right - 10 - dots_x - 4
        if text_width(text, theme.LABEL) > room:
            text = part  # the dots already show the level; its name is in the tooltip
        draw_text(surface, text, (dots_x + 4, y + 10), theme.LABEL, theme.INK,
                  anchor="midleft", max_width=room)
        y += 22
    _motives(surface, rect, p, tr, x, w, y)


def _tiny(surface: pygame.Surface, rect: pygame.Rect, p: dict[str, Any], tr: Any,
          planned: int, x: int, w: int, tags: Sequence[tuple[str, str]]) -> None:
    """Two lines: name with badges; support number, contact dots, the most pressing tag
    when it fits, and a planned mark."""
    badges = " ".join(p.get("key", []))
    num = support_text(p["support"])
    head = f"{tr.pick(p['name'])}" + (f" · {badges}" if badges else "")
    draw_text(surface, head, (x, rect.top + 5), theme.LABEL, theme.INK, bold=True, max_width=w)
    y = rect.top + 5 + 22
    if rect.bottom - y < 16:
        return
    r = draw_text(surface, num, (x, y), theme.LABEL, theme.INK, bold=True)
    end = _dots(surface, r.right + 10, y + 10, p["contact_level"])
    right = rect.right - 10
    if planned and end + 30 < rect.right:
        r = draw_text(surface, f"+{planned}", (right, y), theme.LABEL, theme.ACCENT,
                      bold=True, anchor="topright")
        right = r.left - 6
    if tags and end + 6 + tags_width(tags[:1])[0] <= right:
        draw_tag(surface, right, y, *tags[0])


def _head(surface: pygame.Surface, rect: pygame.Rect, p: dict[str, Any], tr: Any,
          planned: int, x: int, w: int, tags: Sequence[tuple[str, str]] = ()) -> int:
    """Name and badges, then title, the "planned" tag and as many access tags as leave the
    title room; returns the next line's top."""
    y = rect.top + 6
    badges = " ".join(p.get("key", []))
    badge_w = theme.font(theme.LABEL, True).size(badges)[0] + 14 if badges else 0
    draw_text(surface, tr.pick(p["name"]), (x, y), theme.BODY, theme.INK, bold=True,
              max_width=w - badge_w - 4)
    if badges:
        b = pygame.Rect(rect.right - 10 - badge_w, y + 2, badge_w, 22)
        pygame.draw.rect(surface, theme.rgb(theme.INK), b, border_radius=4)
        draw_text(surface, badges, b.center, theme.LABEL, "#FFFFFF", bold=True, anchor="center")
    y += 24
    tag_w = 0
    if planned:
        tag = tr("ui.board.planned_n", n=planned)
        tag_w = theme.font(theme.LABEL, True).size(tag)[0] + 12
        t = pygame.Rect(rect.right - 10 - tag_w, y + 1, tag_w, 20)
        pygame.draw.rect(surface, theme.rgb(theme.ACCENT), t, border_radius=4)
        draw_text(surface, tag, t.center, theme.LABEL, "#FFFFFF", bold=True, anchor="center")
    right = rect.right - 10 - tag_w - (6 if tag_w else 0)
    for (text, tone), width in zip(tags, tags_width(tags), strict=True):
        if right - width < x + TITLE_MIN:
            break
        right = draw_tag(surface, right, y + 1, text, tone) - 4
    draw_text(surface, tr.pick(p["title"]), (x, y), theme.LABEL, theme.INK_MUTED,
              max_width=right - x - 2)
    return y + 22


def _dots(surface: pygame.Surface, x: int, cy: int, level: int) -> int:
    """The contact level as filled dots; returns where the dots end."""
    for i in range(CONTACT_MAX):
        c = (x + i * 13, cy)
        if i < level:
            pygame.draw.circle(surface, theme.rgb(theme.US), c, 5)
        else:
            pygame.draw.circle(surface, theme.rgb(theme.BORDER_STRONG), c, 5, 1)
    return x + CONTACT_MAX * 13


def _motives(surface: pygame.Surface, rect: pygame.Rect, p: dict[str, Any], tr: Any, x: int,
             w: int, y: int) -> None:
    motives = [(tr(f"ui.board.{k}"), p.get(k)) for k in ("position_motive", "personal_motive")]
    room = rect.bottom - 4 - y
    if room < 19:
        return
    if room < 40:  # both motives on one line, a tick for each one known
        known = any(m for _h, m in motives)
        short = [tr(f"ui.board.{k}_short") for k in ("position_motive", "personal_motive")]
        text = " · ".join(f"{h} {'✓' if m else '?'}"
                          for h, (_long, m) in zip(short, motives, strict=True))
        draw_text(surface, text, (x, y), theme.LABEL, theme.INK if known else theme.INK_FAINT,
                  max_width=w)
        return
    per = max(1, min(4, room // 40))  # lines each motive may take
    for head, m in motives:
        text = f"{head}: {tr.pick(m['text']) if m else '?'}"
        lines = wrap_lines(text, w, theme.LABEL)
        if len(lines) > per:
            lines = lines[:per - 1] + [" ".join(lines[per - 1:])]
        for line in lines[:per]:
            draw_text(surface, line, (x, y), theme.LABEL, theme.INK if m else theme.INK_FAINT,
                      max_width=w)
            y += 20
