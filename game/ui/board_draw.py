"""Drawing for the deal board: stage track, person cards, C931. Pure painting, no state."""

from __future__ import annotations

from typing import Any

import pygame

from game.ui import theme
from game.ui.widgets import draw_text, fit

CONTACT_MAX = 4


def vendor_colour(index: int) -> str:
    return theme.US if index == 0 else theme.RIVALS[(index - 1) % len(theme.RIVALS)]


def _hatch(surface: pygame.Surface, rect: pygame.Rect, colour: tuple[int, int, int]) -> None:
    clip = surface.get_clip()
    surface.set_clip(rect)
    for x in range(rect.left - rect.height, rect.right, 7):
        pygame.draw.line(surface, colour, (x, rect.bottom), (x + rect.height, rect.top), 2)
    surface.set_clip(clip)


def draw_stage_track(surface: pygame.Surface, rect: pygame.Rect, view: dict[str, Any],
                     tr: Any) -> None:
    """One row per vendor, P1..P7; ours exact, rivals as far as we know (hatched) or '?'."""
    rows: list[tuple[str, int | None, bool, str]] = [
        (tr.pick(view["me"]["name"]), view["me"]["stage"], True, view["me"]["status"])]
    for r in view["rivals"]:
        rows.append((tr.pick(r["name"]), r["stage_estimate"], False, r["status"]))
    name_w = min(220, rect.width // 4)
    row_h = max(20, min(26, rect.height // max(1, len(rows))))
    cell_w = (rect.width - name_w) / 7
    for i, (name, stage, exact, status) in enumerate(rows):
        y = rect.top + i * row_h
        colour = theme.rgb(vendor_colour(i))
        pygame.draw.rect(surface, colour, (rect.left, y + 6, 10, row_h - 12), border_radius=2)
        label = name
        if status not in ("active", None):
            label = f"{name} · {tr('ui.board.status.' + status)}"
        draw_text(surface, label, (rect.left + 16, y + row_h // 2), theme.LABEL,
                  theme.INK if exact else theme.INK_MUTED, bold=exact, anchor="midleft",
                  max_width=name_w - 22)
        for s in range(1, 8):
            cell = pygame.Rect(round(rect.left + name_w + (s - 1) * cell_w) + 1, y + 3,
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
        if stage is None and not exact:
            x = round(rect.left + name_w + cell_w / 2)
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
    return f"{value * 100:+.0f}"


def draw_person_card(surface: pygame.Surface, rect: pygame.Rect, p: dict[str, Any], tr: Any,
                     selected: bool, planned: int) -> None:
    """Name, title, badges, support, contact, participation now and motives ('?' until
    discovered). The border is strong when the person matters in this phase."""
    now = p.get("participation_now")
    strong = now is not None and now >= 0.6
    fill = theme.SELECTED if selected else theme.SURFACE
    pygame.draw.rect(surface, theme.rgb(fill), rect, border_radius=10)
    border = theme.ACCENT if selected else (theme.INK if strong else theme.BORDER)
    pygame.draw.rect(surface, theme.rgb(border), rect, 3 if selected else (2 if strong else 1),
                     border_radius=10)
    x, w = rect.left + 10, rect.width - 20
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
    draw_text(surface, tr.pick(p["title"]), (x, y), theme.LABEL, theme.INK_MUTED, max_width=w)
    y += 22
    bar = pygame.Rect(x, y + 5, w - 54, 10)
    draw_support_bar(surface, bar, p["support"])
    draw_text(surface, support_text(p["support"]), (rect.right - 10, y + 10), theme.LABEL,
              theme.INK, bold=True, anchor="midright")
    y += 22
    level = p["contact_level"]
    for i in range(CONTACT_MAX):
        c = (x + 6 + i * 13, y + 10)
        if i < level:
            pygame.draw.circle(surface, theme.rgb(theme.US), c, 5)
        else:
            pygame.draw.circle(surface, theme.rgb(theme.BORDER_STRONG), c, 5, 1)
    part = (tr("ui.board.now", pct=round(now * 100)) if now is not None
            else tr("ui.board.now_unknown"))
    text = f"{tr('contact.' + p['contact'])} · {part}"
    draw_text(surface, text, (x + 6 + CONTACT_MAX * 13 + 4, y + 10), theme.LABEL, theme.INK,
              anchor="midleft", max_width=w - CONTACT_MAX * 13 - 12)
    y += 22
    for key in ("position_motive", "personal_motive"):
        if y + 20 > rect.bottom - 4:
            break
        m = p.get(key)
        head = tr(f"ui.board.{key}")
        body = tr.pick(m["text"]) if m else "?"
        colour = theme.INK if m else theme.INK_FAINT
        draw_text(surface, f"{head}: {body}", (x, y), theme.LABEL, colour, max_width=w)
        y += 20
    if planned:
        tag = tr("ui.board.planned_n", n=planned)
        tw = theme.font(theme.LABEL, True).size(tag)[0] + 12
        t = pygame.Rect(rect.right - tw - 8, rect.bottom - 26, tw, 20)
        pygame.draw.rect(surface, theme.rgb(theme.ACCENT), t, border_radius=4)
        draw_text(surface, tag, t.center, theme.LABEL, "#FFFFFF", bold=True, anchor="center")


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
