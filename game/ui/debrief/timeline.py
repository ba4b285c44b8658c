"""The debrief's timeline as a grid: weeks across, roles and rivals down, events on top.

Our moves are chips that name the move and its target; each rival's moves are marks in
one row per role (a rival makes up to a dozen moves a week, too many to spell out), so the
grid stays one screen tall. Every chip or mark is an entry with a rectangle: pointing at it
or clicking it shows what it did and, for a rival, the reason its playbook gave, which the
players never saw during the game. Filled marks were made in the move's best stages,
hollow ones outside them, the same code as the report's chart.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pygame

from game.ui import theme
from game.ui.debrief.doc import BODY, SMALL, Doc
from game.ui.debrief.sections import money
from game.ui.widgets import line_height

ROLES = ("rep", "presales", "pm", "exec")
WEEK_W = 176
HEAD_W = 176
HEAD_H = 64
CHIP_H = 26
CHIP_GAP = 3
MARK = 22
MARK_GAP = 4
PAD = 5
CHIP_TEXT = 15
PLACED, MISPLACED, JOINT = "●", "○", "+"


@dataclass(frozen=True)
class Entry:
    """One thing in a cell: an action, an insider report or an event, where it is drawn."""

    rect: pygame.Rect
    item: dict[str, Any]
    kind: str  # ours | intel | event | calendar | rival
    week: int


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    sub: str
    colour: str
    top: int
    height: int
    group: bool = False


@dataclass
class Grid:
    weeks: list[dict[str, Any]]
    rows: list[Row] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    body: Doc = field(default_factory=lambda: Doc(0))
    heads: Doc = field(default_factory=lambda: Doc(HEAD_W))
    top: Doc = field(default_factory=lambda: Doc(0))

    def hit(self, pos: tuple[int, int]) -> int | None:
        """The entry under a point in body coordinates, as an index into ``entries``."""
        for i, e in enumerate(self.entries):
            if e.rect.collidepoint(pos):
                return i
        return None


def vendor_colours(d: dict[str, Any]) -> dict[str, str]:
    """The charts' colour for each vendor, so the grid and the charts agree (ours is blue)."""
    return {v["id"]: v["colour"] for v in d["series"]["vendors"]}


def _per_line() -> int:
    return max(1, (WEEK_W - 2 * PAD + MARK_GAP) // (MARK + MARK_GAP))


def _cells(d: dict[str, Any]) -> dict[tuple[str, int], list[tuple[dict[str, Any], str]]]:
    cells: dict[tuple[str, int], list[tuple[dict[str, Any], str]]] = defaultdict(list)
    for i, w in enumerate(d["timeline"]):
        for e in w["events"]:
            cells[("events", i)].append((e, "calendar" if e["calendar"] else "event"))
        for a in w["ours"]:
            if not a["roles"]:  # our answer to an event sits with the event
                cells[("events", i)].append((a, "ours"))
            for r in a["roles"]:
                cells[(f"ours:{r}", i)].append((a, "ours"))
        for a in w["intel"]:
            cells[("intel", i)].append((a, "intel"))
        for a in w["rivals"]:
            for r in a["roles"]:
                cells[(f"rival:{a['vendor']}:{r}", i)].append((a, "rival"))
    return cells


def _row_specs(d: dict[str, Any], tr: Any, cells: dict[tuple[str, int], Any],
               playbooks: dict[str, str]) -> list[tuple[str, str, str, str, bool]]:
    """(key, label, sub, colour, group header?) for every row that has something in it."""
    us = d["meta"]["vendor"]
    colours = vendor_colours(d)
    used = {k for k, _ in cells}
    specs = [("events", tr("ui.debrief.row.events"), "", theme.INK_MUTED, False)]
    if "intel" in used:
        specs.append(("intel", tr("ui.debrief.row.intel"), d["meta"]["vendor_name"],
                      colours.get(us, theme.US), False))
    for r in ROLES:
        specs.append((f"ours:{r}", tr(f"role.{r}"), d["meta"]["vendor_name"],
                      colours.get(us, theme.US), False))
    for v in d["series"]["vendors"]:
        if v["id"] == us:
            continue
        roles = [r for r in ROLES if f"rival:{v['id']}:{r}" in used]
        if not roles:
            continue
        specs.append((f"group:{v['id']}", v["name"], playbooks.get(v["id"], ""), v["colour"],
                      True))
        specs += [(f"rival:{v['id']}:{r}", tr(f"role.{r}"), "", v["colour"], False)
                  for r in roles]
    return specs


def _height(key: str, group: bool, n_weeks: int, cells: dict[tuple[str, int], Any]) -> int:
    if group:  # the rival's name over its playbook
        return 2 * line_height(SMALL) + 12
    counts = [len(cells.get((key, i), ())) for i in range(n_weeks)]
    most = max(counts, default=0)
    if key.startswith("rival:"):
        lines = max(1, math.ceil(most / _per_line()))
        return 2 * PAD + lines * (MARK + MARK_GAP) - MARK_GAP
    return 2 * PAD + max(1, most) * (CHIP_H + CHIP_GAP) - CHIP_GAP


def chip_text(item: dict[str, Any], kind: str, tr: Any) -> str:
    if kind in ("event", "calendar"):
        extra = f" {item['text']}" if kind == "calendar" and item["text"] else ""
        return f"{'◆' if kind == 'calendar' else '!'} {item['title']}{extra}"
    if kind == "intel":
        return tr("ui.debrief.detail.move", head=item["name"], what=item["effect_text"])
    mark = MISPLACED if item.get("well_placed") is False else PLACED
    target = f" → {item['target_name']}" if item["target_name"] else ""
    return f"{mark} {item['name']}{target}"


def _chip(body: Doc, rect: pygame.Rect, item: dict[str, Any], kind: str, colour: str,
          tr: Any) -> None:
    if kind == "ours":
        placed = item.get("well_placed") is not False
        body.box(rect, theme.ACCENT_SOFT if placed else theme.SURFACE, colour, 6)
    elif kind == "calendar":
        body.box(rect, theme.SURFACE, theme.INK_MUTED, 6)
    else:
        body.box(rect, theme.BG_DEEP, theme.BORDER_STRONG, 6)
    inner = rect.inflate(-12, 0)
    y = rect.top + (rect.height - line_height(CHIP_TEXT)) // 2
    body.line(inner.left, y, inner.width, chip_text(item, kind, tr), CHIP_TEXT, False, theme.INK)


def _mark(body: Doc, rect: pygame.Rect, item: dict[str, Any], colour: str) -> None:
    placed = item.get("well_placed") is not False
    if placed:
        body.box(rect, colour, None, 5)
    else:
        body.box(rect, theme.SURFACE, colour, 5, 3)
    if item["joint"]:
        y = rect.top + (rect.height - line_height(CHIP_TEXT, True)) // 2
        body.line(rect.left, y, rect.width, JOINT, CHIP_TEXT, True,
                  "#FFFFFF" if placed else colour, "center")


def build_grid(d: dict[str, Any], tr: Any, playbooks: dict[str, str] | None = None) -> Grid:
    """Lay the whole game out as a grid; ``playbooks`` names each rival's playbook."""
    weeks = d["timeline"]
    grid = Grid(weeks)
    cells = _cells(d)
    width = max(1, len(weeks)) * WEEK_W
    grid.body, grid.top = Doc(width), Doc(width)
    y = 0
    for key, lab, sub, colour, group in _row_specs(d, tr, cells, playbooks or {}):
        h = _height(key, group, len(weeks), cells)
        grid.rows.append(Row(key, lab, sub, colour, y, h, group))
        y += h
    grid.body.y = grid.heads.y = y
    _draw_back(grid)
    for row in grid.rows:
        for i in range(len(weeks)):
            x = i * WEEK_W + PAD
            for n, (item, kind) in enumerate(cells.get((row.key, i), [])):
                if kind == "rival":
                    r, c = divmod(n, _per_line())
                    rect = pygame.Rect(x + c * (MARK + MARK_GAP),
                                       row.top + PAD + r * (MARK + MARK_GAP), MARK, MARK)
                    _mark(grid.body, rect, item, row.colour)
                else:
                    rect = pygame.Rect(x, row.top + PAD + n * (CHIP_H + CHIP_GAP),
                                       WEEK_W - 2 * PAD, CHIP_H)
                    _chip(grid.body, rect, item, kind, row.colour, tr)
                grid.entries.append(Entry(rect, item, kind, weeks[i]["week"]))
    _draw_heads(grid, d, tr)
    return grid


def _draw_back(grid: Grid) -> None:
    body = grid.body
    for i in range(len(grid.weeks)):
        if i % 2:
            body.box((i * WEEK_W, 0, WEEK_W, body.y), theme.SURFACE_ALT)
    for row in grid.rows:
        if row.group:
            body.box((0, row.top + row.height - 4, body.width, 3), row.colour)
        body.box((0, row.top + row.height - 1, body.width, 1), theme.BORDER)


def _draw_heads(grid: Grid, d: dict[str, Any], tr: Any) -> None:
    heads, top = grid.heads, grid.top
    for row in grid.rows:
        if row.group:
            heads.box((0, row.top + 4, 6, row.height - 8), row.colour, None, 3)
            heads.line(12, row.top + 4, HEAD_W - 16, row.label, SMALL, True, theme.INK)
            heads.line(12, row.top + 6 + line_height(SMALL), HEAD_W - 16, row.sub, SMALL,
                       False, theme.INK_MUTED)
        else:
            heads.box((0, row.top + 3, 6, row.height - 6), row.colour, None, 3)
            indent = 22 if row.key.startswith("rival:") else 12
            heads.line(indent, row.top + 4, HEAD_W - indent - 4, row.label, SMALL,
                       not row.key.startswith("rival:"), theme.INK)
            if row.sub and row.height >= 2 * line_height(SMALL) + 8:
                heads.line(indent, row.top + 4 + line_height(SMALL), HEAD_W - indent - 4,
                           row.sub, SMALL, False, theme.INK_MUTED)
        heads.box((0, row.top + row.height - 1, HEAD_W, 1), theme.BORDER)
    us = d["meta"]["vendor"]
    top.y = HEAD_H
    for i, w in enumerate(grid.weeks):
        x = i * WEEK_W
        if i % 2:
            top.box((x, 0, WEEK_W, HEAD_H), theme.SURFACE_ALT)
        top.line(x + 6, 4, WEEK_W - 12, tr("report.fmt.week", week=w["week"]), BODY, True,
                 theme.INK, "center")
        stage = tr("ui.debrief.phase_stage", phase=w["phase_text"], stage=w["stages"][us])
        top.line(x + 6, 6 + line_height(BODY, True), WEEK_W - 12, stage, SMALL, False,
                 theme.INK_MUTED, "center")
    top.box((0, HEAD_H - 1, top.width, 1), theme.BORDER_STRONG)


def detail_lines(entry: Entry, tr: Any) -> list[tuple[str, bool, str]]:
    """What an entry did, as (text, bold, colour) lines for the detail strip."""
    a, week = entry.item, tr("report.fmt.week", week=entry.week)
    if entry.kind in ("event", "calendar"):
        lines = [(f"{week} · {a['title']}", True, theme.INK)]
        if a["text"]:
            lines.append((a["text"], False, theme.INK))
        if a.get("effects_text"):
            lines.append((tr("ui.debrief.detail.effect", text=a["effects_text"]), False,
                          theme.INK))
        return lines
    who = " + ".join(a["role_names"])
    target = f" → {a['target_name']}" if a["target_name"] else ""
    option = f" ({a['option_text']})" if a["option_text"] else ""
    head = " · ".join(x for x in (week, a["vendor_name"], who) if x)
    lines = [(tr("ui.debrief.detail.move", head=head, what=f"{a['name']}{target}{option}"), True,
              theme.INK)]
    effect = tr("ui.debrief.detail.effect", text=a["effect_text"])
    if a["days"] or a["cost"]:
        effect += " · " + tr("ui.debrief.detail.cost", days=a["days"], money=money(tr, a["cost"]))
    lines.append((effect, False, theme.INK))
    notes = []
    if a["well_placed"] is not None:
        notes.append(tr("ui.debrief.detail.placed" if a["well_placed"]
                        else "ui.debrief.detail.misplaced"))
    if a["joint"]:
        notes.append(tr("ui.debrief.detail.joint"))
    if notes:
        lines.append((" · ".join(notes), False, theme.INK_MUTED))
    if entry.kind == "rival":
        lines.append((tr("ui.debrief.detail.reason", text=a["reason_text"] or "-"), True,
                      theme.INK))
    return lines
