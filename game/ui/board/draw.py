"""Drawing for the deal board: stage track, person cards, influence lines, C931.

Pure painting, no state: the board paints these into its cached backdrop once per change.
"""

from __future__ import annotations

import math
from typing import Any

import pygame

from game.ui import theme
from game.ui.widgets import CACHE_CLEARERS, draw_text, fit, text_width


def vendor_colour(index: int) -> str:
    return theme.US if index == 0 else theme.RIVALS[(index - 1) % len(theme.RIVALS)]


def _hatch(surface: pygame.Surface, rect: pygame.Rect, colour: tuple[int, int, int]) -> None:
    clip = surface.get_clip()
    surface.set_clip(rect)
    for x in range(rect.left - rect.height, rect.right, 7):
        pygame.draw.line(surface, colour, (x, rect.bottom), (x + rect.height, rect.top), 2)
    surface.set_clip(clip)


def draw_stage_track(surface: pygame.Surface, rect: pygame.Rect, view: dict[str, Any],
                     tr: Any, slots: int = 0) -> None:
    """One row per vendor, P1..P7; ours exact, rivals as far as we know (hatched) or '?'
    (laid out for ``slots`` rows: room kept for a rival that enters later)."""
    from game.ui.board.layout import track_rows

    rows: list[tuple[str, int | None, bool, str]] = [
        (tr.pick(view["me"]["name"]), view["me"]["stage"], True, view["me"]["status"])]
    for r in view["rivals"]:
        # a rival that is out shows as out, never at a stage an old report gave
        stage = r["stage_estimate"] if r["status"] in ("active", None) else None
        rows.append((tr.pick(r["name"]), stage, False, r["status"]))
    for i, ((name, stage, exact, status), row) in enumerate(
            zip(rows, track_rows(rect, len(rows), slots), strict=True)):
        name_w = min(220, row.width // 4)
        cell_w = (row.width - name_w) / 7
        row_h, y = row.height, row.top
        colour = theme.rgb(vendor_colour(i))
        pygame.draw.rect(surface, colour, (row.left, y + 6, 10, row_h - 12), border_radius=2)
        tag_w = 0
        if status not in ("active", None):  # the status is never the part that gets cut
            tag = tr("ui.board.status." + status)
            tag_w = text_width(tag, theme.LABEL, True) + 12
            tag_rect = pygame.Rect(row.left + name_w - 4 - tag_w, y + 3, tag_w, row_h - 6)
            pygame.draw.rect(surface, theme.rgb(theme.BG_DEEP), tag_rect, border_radius=3)
            draw_text(surface, tag, tag_rect.center, theme.LABEL, theme.INK, bold=True,
                      anchor="center")
        draw_text(surface, name, (row.left + 16, y + row_h // 2), theme.LABEL,
                  theme.INK if exact else theme.INK_MUTED, bold=exact, anchor="midleft",
                  max_width=name_w - 22 - tag_w)
        for s in range(1, 8):
            cell = pygame.Rect(round(row.left + name_w + (s - 1) * cell_w) + 1, y + 3,
                               round(cell_w) - 3, row_h - 6)
            filled = stage is not None and s <= stage
            if filled and exact:
                pygame.draw.rect(surface, colour, cell, border_radius=3)
            elif filled:
                pygame.draw.rect(surface, theme.rgb(theme.SURFACE), cell, border_radius=3)
                _hatch(surface, cell, colour)
            else:
                pygame.draw.rect(surface, theme.rgb(theme.SURFACE_ALT), cell, border_radius=3)
            pygame.draw.rect(surface, theme.rgb(theme.BORDER), cell, 1, border_radius=3)
            if i == 0:
                text_colour = "#FFFFFF" if filled else theme.INK_FAINT
                draw_text(surface, f"P{s}", cell.center, theme.LABEL, text_colour, bold=filled,
                          anchor="center")
        if stage is None and not exact and not tag_w:
            x = round(row.left + name_w + cell_w / 2)
            draw_text(surface, "?", (x, y + row_h // 2), theme.LABEL, theme.INK_MUTED,
                      bold=True, anchor="center")


def draw_support_bar(surface: pygame.Surface, rect: pygame.Rect, value: float) -> None:
    """Diverging bar: centre = neutral; blue to the right (for), vermillion to the left."""
    pygame.draw.rect(surface, theme.rgb(theme.SURFACE_ALT), rect, border_radius=3)
    mid = rect.centerx
    length = round(abs(value) * rect.width / 2)
    if length:
        bar = pygame.Rect(mid if value > 0 else mid - length, rect.top, length, rect.height)
        pygame.draw.rect(surface, theme.support_colour(value), bar, border_radius=3)
    pygame.draw.rect(surface, theme.rgb(theme.BORDER_STRONG), rect, 1, border_radius=3)
    pygame.draw.line(surface, theme.rgb(theme.INK), (mid, rect.top - 2), (mid, rect.bottom + 1))


def support_text(value: float) -> str:
    """Support on its one scale, -100..+100 (the debrief and the report use the same)."""
    from game.i18n import support

    return support(value)


def draw_c931(surface: pygame.Surface, rect: pygame.Rect, health: dict[str, Any],
              tr: Any) -> None:
    """9 C ● / 3 F ● / 1 W ● as dot rows, and the forecast."""
    x, y = rect.left, rect.top
    groups = (("clear", "C", 9), ("first", "F", 3), ("win", "W", 1))
    for name, letter, _n in groups:
        items = health[name]
        draw_text(surface, letter, (x, y + 9), theme.LABEL, theme.INK, bold=True,
                  anchor="midleft")
        for i, done in enumerate(items.values()):
            c = (x + 22 + i * 16, y + 9)
            if done:
                pygame.draw.circle(surface, theme.rgb(theme.US), c, 6)
            else:
                pygame.draw.circle(surface, theme.rgb(theme.BORDER_STRONG), c, 6, 1)
        x += 22 + len(items) * 16 + 14
    text = tr("ui.board.forecast", pct=round(health["forecast"] * 100))
    draw_text(surface, text, (x + 4, y + 9), theme.LABEL, theme.INK, bold=True, anchor="midleft",
              max_width=max(40, rect.right - x - 4))


def c931_tip(health: dict[str, Any], tr: Any) -> str:
    lines = [tr("ui.board.c931_head", c=health["c"], f=health["f"], w=health["w"])]
    for name in ("clear", "first", "win"):
        for key, done in health[name].items():
            lines.append(f"{'●' if done else '○'} {tr('c931.' + key)}")
    return "\n".join(lines)


def short(text: str, width: int, size: int = theme.LABEL) -> str:
    return fit(text, width, size)


# --- who sways whom --------------------------------------------------------------------------


def _edge_point(rect: pygame.Rect, towards: tuple[float, float]) -> tuple[float, float]:
    """Where the line from the centre of ``rect`` to ``towards`` leaves the rectangle."""
    cx, cy = rect.center
    dx, dy = towards[0] - cx, towards[1] - cy
    if dx == 0 and dy == 0:
        return cx, cy
    sx = (rect.width / 2) / abs(dx) if dx else math.inf
    sy = (rect.height / 2) / abs(dy) if dy else math.inf
    k = min(sx, sy)
    return cx + dx * k, cy + dy * k


def _dashed(surface: pygame.Surface, colour: Any, a: tuple[float, float],
            b: tuple[float, float], width: int, dash: int = 9) -> None:
    length = math.dist(a, b)
    if length < 1:
        return
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    pos = 0.0
    while pos < length:
        end = min(length, pos + dash)
        pygame.draw.line(surface, colour, (a[0] + ux * pos, a[1] + uy * pos),
                         (a[0] + ux * end, a[1] + uy * end), width)
        pos += dash * 1.8


def draw_arrow(surface: pygame.Surface, start: pygame.Rect, end: pygame.Rect, colour: Any,
               width: int, dashed: bool = False, shift: float = 0.0) -> None:
    """An arrow from card ``start`` to card ``end``, border to border, head at ``end``;
    ``shift`` moves it sideways so two arrows between the same cards stay apart."""
    a = _edge_point(start, end.center)
    b = _edge_point(end, start.center)
    length = math.dist(a, b)
    if length < 4:
        return
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    a = (a[0] - uy * shift, a[1] + ux * shift)
    b = (b[0] - uy * shift, b[1] + ux * shift)
    head = 8 + 2 * width
    shaft_end = (b[0] - ux * head * 0.8, b[1] - uy * head * 0.8)
    if dashed:
        _dashed(surface, colour, a, shaft_end, width)
    else:
        pygame.draw.line(surface, colour, a, shaft_end, width)
    left = (b[0] - ux * head - uy * head * 0.55, b[1] - uy * head + ux * head * 0.55)
    right = (b[0] - ux * head + uy * head * 0.55, b[1] - uy * head - ux * head * 0.55)
    pygame.draw.polygon(surface, (*colour[:3], 235), [b, left, right])


def sway_links(people: list[dict[str, Any]]) -> list[tuple[str, str, float]]:
    """(from, to, strength) for every influence line the view shows (roles known)."""
    ids = {p["id"] for p in people}
    return [(p["id"], s["who"], s["strength"]) for p in people for s in p.get("sways", ())
            if s["who"] in ids]


def draw_sways(surface: pygame.Surface, cards: dict[str, pygame.Rect],
               people: list[dict[str, Any]], selected: str | None, show_all: bool) -> None:
    """Influence lines on the org chart: the selected person's in full (solid blue out to
    whom they sway, dashed grey in from who sways them), the rest faint when asked for.
    The lines are drawn once on a layer just large enough for them, kept for the next
    repaints (planning a move repaints a card, and the lines over it stay as they were)."""
    found = sway_layer(cards, people, selected, show_all)
    if found is not None:
        surface.blit(*found)


def sway_layer(cards: dict[str, pygame.Rect], people: list[dict[str, Any]],
               selected: str | None,
               show_all: bool) -> tuple[pygame.Surface, pygame.Rect] | None:
    """The lines ``draw_sways`` draws, as a picture and where it goes: made once and kept
    (the board prepares each person's while the player reads, ``game.ui.board.warm``)."""
    links = sway_links(people)
    key = (tuple((pid, tuple(r)) for pid, r in cards.items()), tuple(links), selected,
           show_all)
    found = _SWAYS.pop(key, False)
    if found is False:
        found = _sway_layer(cards, links, selected, show_all)
        _SWAYS_BYTES[0] += _bytes(found)
        while _SWAYS and (len(_SWAYS) >= SWAYS_KEPT or _SWAYS_BYTES[0] > SWAYS_BUDGET):
            _SWAYS_BYTES[0] -= _bytes(_SWAYS.pop(next(iter(_SWAYS))))
    _SWAYS[key] = found  # last in: the most recently used
    return found


def _bytes(found: tuple[pygame.Surface, pygame.Rect] | None) -> int:
    return 0 if found is None else found[1].width * found[1].height * 4


_SWAYS: dict[tuple[Any, ...], tuple[pygame.Surface, pygame.Rect] | None] = {}
_SWAYS_BYTES = [0]
SWAYS_KEPT = 40  # every person of a large buying centre, picked or not, with all lines on
SWAYS_BUDGET = 8 * 2**20  # bytes of kept layers (most are a few hundred KB)
CACHE_CLEARERS.append(_SWAYS.clear)
CACHE_CLEARERS.append(lambda: _SWAYS_BYTES.__setitem__(0, 0))


def _sway_layer(cards: dict[str, pygame.Rect], links: list[tuple[str, str, float]],
                selected: str | None,
                show_all: bool) -> tuple[pygame.Surface, pygame.Rect] | None:
    """The lines as a picture and where it goes (None when there are none)."""
    arrows = []  # (from, to, colour, width, dashed, shift)
    if show_all:
        for a, b, k in links:
            if selected not in (a, b) and a in cards and b in cards:
                arrows.append((a, b, (*theme.rgb(theme.INK_FAINT), 150), 1 + round(k * 4),
                               False, 0.0))
    pairs = {(a, b) for a, b, _k in links}
    for a, b, k in links:
        if a in cards and b in cards and selected in (a, b):
            out = a == selected
            colour = theme.rgb(theme.US if out else theme.INK_MUTED)
            arrows.append((a, b, (*colour, 150), 2 + round(k * 4), not out,
                           5.0 if (b, a) in pairs else 0.0))
    if not arrows:
        return None
    ends = [cards[x] for a, b, *_rest in arrows for x in (a, b)]
    area = ends[0].unionall(ends[1:]).inflate(24, 24)  # room for the heads and the shift
    layer = pygame.Surface(area.size, pygame.SRCALPHA)
    at = {pid: r.move(-area.left, -area.top) for pid, r in cards.items()}
    for a, b, colour, width, dashed, shift in arrows:
        draw_arrow(layer, at[a], at[b], colour, width, dashed=dashed, shift=shift)
    drawn = layer.get_bounding_rect()  # lines run between the cards' edges: often far less
    if not drawn.width or not drawn.height:
        return None
    return layer.subsurface(drawn).copy(), drawn.move(area.topleft)
