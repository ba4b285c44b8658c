"""The deal board's backdrop: everything that is painted rather than a widget.

The board paints this once per change into a surface it keeps, and each frame only blits it
under the widgets; nothing here runs per frame. ``Backdrop`` carries exactly what the
painting needs, so the painter cannot reach into the game state.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

import pygame

from game.ui import fmt, theme
from game.ui.board import draw as board_draw
from game.ui.board.access import card_tags
from game.ui.board.layout import BoardLayout
from game.ui.board.person_card import draw_person_card
from game.ui.widgets import CACHE_CLEARERS, draw_text, fit, text_width, wrap_lines
from game.ui.widgets.calendar_strip import draw_calendar

TONE_COLOURS = {"good": theme.US, "bad": theme.DANGER, "info": theme.INK_MUTED}


@dataclass
class Backdrop:
    view: dict[str, Any]
    layout: BoardLayout
    tr: Any
    cards: dict[str, pygame.Rect]
    person: str | None
    role: str
    planned: dict[str, int]
    budget_left: float
    status: str
    show_all_sways: bool
    action_title: str = ""
    action_cost: str = ""
    action_reason: str = ""
    preview: list[tuple[str, str]] = field(default_factory=list)
    preview_room: int = 0  # width left of the Plan button on the preview's last rows
    panel: str = "plan"
    targeted: bool = True  # the selected action is aimed at the selected person
    language: str = ""  # the language it was painted in (``tr`` changes language in place)


# what each band of the board paints from (besides the view, the layout and the language)
_MONEY = ("budget_left",)
_ORG = ("cards", "person", "planned", "show_all_sways")
_ACTING = ("person", "role", "targeted")
_PREVIEW = ("action_title", "action_cost", "action_reason", "preview", "preview_room")
_PANEL = ("panel",)


def paint(surface: pygame.Surface, b: Backdrop, before: Backdrop | None = None) -> list[str]:
    """Paint the backdrop of the board into ``surface``: all of it, or, when ``surface``
    holds ``before`` painted for the same view, layout and language, only the bands whose
    inputs changed (a click repaints the cards, a card, the preview or a line, not the whole board).
    Returns the bands painted."""
    lay = b.layout
    if (before is None or before.layout is not lay or before.view is not b.view
            or before.tr is not b.tr or before.tr.language != b.language):
        surface.fill(theme.rgb(theme.BG))
        _top(surface, b)
        board_draw.draw_stage_track(surface, lay.track, b.view, b.tr, lay.slots)
        _org(surface, b)
        _right(surface, b)
        _bottom(surface, b)
        return ["all"]
    bands = {"money": (_MONEY, lay.money, _money, theme.SURFACE),  # on the top bar
             "org": (_ORG, _org_band(lay), _org, None),  # its cards' layer covers it
             "acting": (_ACTING, lay.acting, _acting, theme.BG),
             "preview": (_PREVIEW, lay.preview, _preview_band, theme.BG),
             "panel": (_PANEL, lay.panel, _panel, theme.BG)}
    painted = []
    if _only_planned_changed(b, before):  # a move planned or withdrawn: its person's card
        _cards(surface, b, before)
        painted.append("cards")
        bands.pop("org")
    for name, (fields, rect, painter, ground) in bands.items():
        if any(getattr(b, f) != getattr(before, f) for f in fields):
            surface.set_clip(rect)
            if ground is not None:
                surface.fill(theme.rgb(ground), rect)
            painter(surface, b)
            surface.set_clip(None)
            painted.append(name)
    if b.status != before.status:
        _bottom(surface, b)
        painted.append("bottom")
    return painted


def _top(surface: pygame.Surface, b: Backdrop) -> None:
    lay, v, tr = b.layout, b.view, b.tr
    pygame.draw.rect(surface, theme.rgb(theme.SURFACE), lay.top)
    pygame.draw.line(surface, theme.rgb(theme.BORDER), (0, lay.top.bottom),
                     (lay.top.right, lay.top.bottom))
    t = lay.title
    draw_text(surface, tr.pick(v["scenario"]["title"]), (t.left, t.top), theme.LABEL,
              theme.INK_MUTED, bold=True, max_width=t.width)
    week = tr("ui.board.week", week=v["week"], last=v["last_week"],
              phase=tr("phase." + v["phase"]))
    week += " · " + tr(f"procurement.{v['customer']['procurement']}.name")
    draw_text(surface, week, (t.left, t.top + 21), theme.BODY, theme.INK, bold=True,
              max_width=t.width)
    draw_calendar(surface, lay.calendar, v["calendar"], v["last_week"], tr, v["week"],
                  compact=True)
    _money(surface, b)


def _money(surface: pygame.Surface, b: Backdrop) -> None:
    """The money left and the C931 summary (planning a move that costs money repaints
    only these two lines)."""
    lay, v, tr = b.layout, b.view, b.tr
    m = lay.money
    money = tr("ui.board.budget", money=fmt.money(b.budget_left, tr.language))
    draw_text(surface, money, (m.left, m.top), theme.BODY, theme.INK, bold=True,
              max_width=m.width)
    h = v["health"]
    health = tr("ui.board.c931_short", c=h["c"], f=h["f"], w=h["w"],
                pct=round(h["forecast"] * 100))
    draw_text(surface, health, (m.left, m.top + 24), theme.LABEL, theme.INK_MUTED,
              max_width=m.width)


def _only_planned_changed(b: Backdrop, before: Backdrop) -> bool:
    return (b.planned != before.planned and b.cards == before.cards
            and b.person == before.person and b.show_all_sways == before.show_all_sways)


def _cards(surface: pygame.Surface, b: Backdrop, before: Backdrop) -> None:
    """Repaint only the cards whose count of planned moves changed, with the lines over
    them."""
    people = {p["id"]: p for p in b.view["people"]}
    for pid, rect in b.cards.items():
        if b.planned.get(pid, 0) == before.planned.get(pid, 0):
            continue
        surface.set_clip(rect)
        surface.fill(theme.rgb(theme.BG), rect)
        surface.blit(card_image(rect.size, people[pid], b.tr, pid == b.person,
                                b.planned.get(pid, 0), card_tags(b.view, people[pid], b.tr)),
                     rect.topleft)
        board_draw.draw_sways(surface, b.cards, b.view["people"], b.person, b.show_all_sways)
        surface.set_clip(None)


def _org_band(lay: BoardLayout) -> pygame.Rect:
    """The left column under the stage track: the cards, their lines and the legend."""
    split = lay.org.right + (lay.right.left - lay.org.right) // 2
    return pygame.Rect(0, lay.org.top, split, lay.bottom.top - lay.org.top)


def _org(surface: pygame.Surface, b: Backdrop) -> None:
    from game.ui import widgets

    people = {p["id"]: p for p in b.view["people"]}
    if widgets.TEXT_LOG is not None:  # the layout checks see each card's lines painted
        surface.fill(theme.rgb(theme.BG), _org_band(b.layout))
        for pid, rect in b.cards.items():
            tags = card_tags(b.view, people[pid], b.tr)
            surface.blit(card_image(rect.size, people[pid], b.tr, pid == b.person,
                                    b.planned.get(pid, 0), tags), rect.topleft)
    else:
        band = _org_band(b.layout)
        surface.blit(_cards_layer(b, band, people), band)
    board_draw.draw_sways(surface, b.cards, b.view["people"], b.person, b.show_all_sways)
    _legend(surface, b)


#: the org band's ground with every card as last painted, and each card's look there
_LAYER: dict[str, Any] = {}
CACHE_CLEARERS.append(_LAYER.clear)


def _cards_layer(b: Backdrop, band: pygame.Rect,
                 people: dict[str, dict[str, Any]]) -> pygame.Surface:
    """The cards on their ground, kept between repaints: picking another person repaints
    the two cards whose look changed into it, and the band is then one plain copy (not a
    blend of every card)."""
    place = (band.size, tuple((pid, tuple(r)) for pid, r in b.cards.items()))
    layer = _LAYER.get("surface")
    if layer is None or _LAYER.get("place") != place:
        layer = pygame.Surface(band.size)
        if pygame.display.get_surface() is not None:
            layer = layer.convert()  # the canvas's format: a plain copy when shown
        layer.fill(theme.rgb(theme.BG))
        _LAYER.update(surface=layer, place=place, shown={})
    shown: dict[str, tuple[Any, ...]] = _LAYER["shown"]
    for pid, rect in b.cards.items():
        tags = card_tags(b.view, people[pid], b.tr)
        look = (_person_key(people[pid]), b.tr.language, pid == b.person,
                b.planned.get(pid, 0), tuple(tags))
        if shown.get(pid) == look:
            continue
        at = rect.move(-band.left, -band.top)
        layer.fill(theme.rgb(theme.BG), at)
        layer.blit(card_image(rect.size, people[pid], b.tr, pid == b.person,
                              b.planned.get(pid, 0), tags), at)
        shown[pid] = look
    return layer


def _legend(surface: pygame.Surface, b: Backdrop) -> None:
    legend = sway_legend(b.view["people"], b.person, b.tr)
    lg = b.layout.legend
    draw_text(surface, legend, (lg.left + 2, lg.centery), theme.LABEL, theme.INK_MUTED,
              anchor="midleft", max_width=lg.width - 150)


_SCRATCH: dict[tuple[int, int], pygame.Surface] = {}


def warm(b: Backdrop, status_width: int = 0, statuses: tuple[str, ...] = ()) -> None:
    """Paint what showing ``b`` would paint anew in words (the line above the action list,
    the preview, the sway legend, the money left, and ``b.status`` and ``statuses`` in a
    status line ``status_width`` wide) into pictures nobody sees: the words are rendered
    and kept (``draw_text``'s memos), so the click that shows them only blits them. The
    board does this while the player reads it, for the clicks that are likely next."""
    from game.ui import widgets

    if widgets.TEXT_LOG is not None:  # the layout checks record what is shown, only that
        return
    lay = b.layout
    preview_picture(b)
    for name, painter in (("acting", _acting), ("legend", _legend), ("money", _money)):
        painter(_scratch(getattr(lay, name).size), _at_origin(b, name))
    if status_width > 60:
        rect = pygame.Rect(0, 0, status_width, lay.bottom.height)
        for status in (b.status, *statuses):
            if status:
                draw_status(_scratch(rect.size), rect, status)


def _scratch(size: tuple[int, int]) -> pygame.Surface:
    """A picture to paint into and throw away (one per size: a board has a few)."""
    found = _SCRATCH.get(size)
    if found is None:
        if len(_SCRATCH) > 8:
            _SCRATCH.clear()
        found = _SCRATCH[size] = pygame.Surface(size)
    return found


CACHE_CLEARERS.append(_SCRATCH.clear)


_CARDS: dict[tuple[Any, ...], pygame.Surface] = {}
CARDS_KEPT = 40  # a 16-person board with every card in two looks, and a few more
CACHE_CLEARERS.append(_CARDS.clear)


def card_image(size: tuple[int, int], p: dict[str, Any], tr: Any, selected: bool,
               planned: int, tags: list[tuple[str, str]] | None = None) -> pygame.Surface:
    """A person's card, painted once for what it shows: a click repaints the board, and
    most cards look as they did (the layout checks bypass the memo to see every line)."""
    from game.ui import widgets

    tags = tags or []
    key = (size, _person_key(p), tr.language, selected, planned, tuple(tags))
    image = _CARDS.pop(key, None) if widgets.TEXT_LOG is None else None
    if image is None:
        image = pygame.Surface(size, pygame.SRCALPHA)  # a card never paints outside itself
        draw_person_card(image, pygame.Rect((0, 0), size), p, tr, selected, planned, tags)
        while len(_CARDS) >= CARDS_KEPT:  # the longest unused first (about 120 KB each)
            del _CARDS[next(iter(_CARDS))]
    _CARDS[key] = image  # last in: the most recently used
    return image


_PEOPLE: dict[int, tuple[dict[str, Any], str]] = {}
CACHE_CLEARERS.append(_PEOPLE.clear)


def _person_key(p: dict[str, Any]) -> str:
    """All a card shows of a person, as one string; worked out once per view's person (a
    view is never changed once made, and each repaint asks again for the same people)."""
    found = _PEOPLE.get(id(p))
    if found is None or found[0] is not p:
        if len(_PEOPLE) > 200:
            _PEOPLE.clear()
        found = _PEOPLE[id(p)] = (p, json.dumps(p, sort_keys=True, default=str))
    return found[1]


def sway_legend(people: list[dict[str, Any]], person: str | None, tr: Any) -> str:
    """One line naming whom the selected person sways and who sways them."""
    names = {p["id"]: tr.pick(p["name"]) for p in people}
    if person is None or person not in names:
        return tr("ui.board.sways.none_selected")
    links = board_draw.sway_links(people)
    out = [names[b] for a, b, _k in links if a == person]
    into = [names[a] for a, b, _k in links if b == person]
    me = next(p for p in people if p["id"] == person)
    if "roles" not in me and not into:
        return tr("ui.board.sways.unknown", name=names[person])
    parts = [tr("ui.board.sways.out", name=names[person],
                who="、".join(out) if tr.language == "zh" else ", ".join(out))
             if out else tr("ui.board.sways.out_none", name=names[person])]
    if into:
        parts.append(tr("ui.board.sways.in", who="、".join(into) if tr.language == "zh"
                        else ", ".join(into)))
    return " · ".join(parts)


def _right(surface: pygame.Surface, b: Backdrop) -> None:
    _acting(surface, b)
    pygame.draw.rect(surface, theme.rgb(theme.BG_DEEP), b.layout.actions, border_radius=8)
    _preview_band(surface, b)
    _panel(surface, b)


def _acting(surface: pygame.Surface, b: Backdrop) -> None:
    """Whom the selected role acts on (the line above the action list)."""
    lay, tr = b.layout, b.tr
    people = {p["id"]: p for p in b.view["people"]}
    if b.person in people and b.targeted:
        who = tr.pick(people[b.person]["name"])
        hint = tr("ui.board.acting_on", role=tr("ui.role." + b.role), person=who)
    elif b.person in people:  # the selected action is not about one person
        hint = tr("ui.board.acting_account", role=tr("ui.role." + b.role))
    else:
        hint = tr("ui.role." + b.role)
    draw_text(surface, hint, (lay.acting.left + 2, lay.acting.centery), theme.LABEL,
              theme.INK_MUTED, bold=True, anchor="midleft", max_width=lay.acting.width)


def _panel(surface: pygame.Surface, b: Backdrop) -> None:
    """What the lower panel paints under its widgets (C931's dots)."""
    lay, tr = b.layout, b.tr
    if b.panel == "c931":
        r = lay.panel
        board_draw.draw_c931(surface, pygame.Rect(r.left + 8, r.top + 6, r.width - 16, 24),
                             b.view["health"], tr)


_PREVIEWS: dict[tuple[Any, ...], pygame.Surface] = {}
PREVIEWS_BUDGET = 6 * 2**20  # bytes of kept previews: a board's people and their next moves
_PREVIEW_BYTES = [0]
CACHE_CLEARERS.append(_PREVIEWS.clear)
CACHE_CLEARERS.append(lambda: _PREVIEW_BYTES.__setitem__(0, 0))


def _preview_band(surface: pygame.Surface, b: Backdrop) -> None:
    """The preview as a picture painted once for what it says (the layout checks paint it
    in place, to see each line)."""
    from game.ui import widgets

    if widgets.TEXT_LOG is not None:
        _preview(surface, b)
        return
    surface.blit(preview_picture(b), b.layout.preview)


def preview_picture(b: Backdrop) -> pygame.Surface:
    """The preview band of ``b``: kept for the moves and people last shown or prepared (a
    click that picks a person or a row, plans or undoes shows one of them again)."""
    rect = b.layout.preview
    key = (rect.size, b.language, b.action_title, b.action_cost, b.action_reason,
           tuple(b.preview), b.preview_room)
    picture = _PREVIEWS.pop(key, None)
    if picture is None:
        picture = pygame.Surface(rect.size)
        if pygame.display.get_surface() is not None:
            picture = picture.convert()  # the canvas's format: a plain copy when shown
        picture.fill(theme.rgb(theme.BG))
        _preview(picture, _at_origin(b, "preview"))
        _PREVIEW_BYTES[0] += rect.width * rect.height * 4
        while _PREVIEWS and _PREVIEW_BYTES[0] > PREVIEWS_BUDGET:
            old = _PREVIEWS.pop(next(iter(_PREVIEWS)))
            _PREVIEW_BYTES[0] -= old.get_width() * old.get_height() * 4
    _PREVIEWS[key] = picture  # last in: the most recently used
    return picture


def _at_origin(b: Backdrop, band: str) -> Backdrop:
    """``b`` with its layout's ``band`` moved to (0, 0), to paint that band alone."""
    rect = getattr(b.layout, band)
    return dataclasses.replace(b, layout=dataclasses.replace(
        b.layout, **{band: rect.move(-rect.left, -rect.top)}))


def _preview(surface: pygame.Surface, b: Backdrop) -> None:
    r = b.layout.preview
    pygame.draw.rect(surface, theme.rgb(theme.SURFACE), r, border_radius=10)
    pygame.draw.rect(surface, theme.rgb(theme.BORDER), r, 1, border_radius=10)
    x, y, w = r.left + 12, r.top + 8, r.width - 24
    if not b.action_title:
        for line in wrap_lines(b.tr("ui.board.preview_hint"), w, theme.LABEL)[:4]:
            draw_text(surface, line, (x, y), theme.LABEL, theme.INK_MUTED)
            y += 20
        return
    cost_w = min(w // 2, text_width(b.action_cost, theme.LABEL))
    draw_text(surface, b.action_title, (x, y), theme.BODY, theme.INK, bold=True,
              max_width=w - cost_w - 12)
    draw_text(surface, b.action_cost, (r.right - 12, y + 2), theme.LABEL, theme.INK_MUTED,
              anchor="topright", max_width=cost_w)
    y += 26
    rows: list[list[tuple[str, str]]] = [[]]
    if b.action_reason:
        rows = [[(f"× {b.action_reason}", "bad")], []]
    row_w = 0
    for text, tone in b.preview:  # the first row is full width, the Plan button is below it
        limit = w if len(rows) < 2 else b.preview_room
        width = text_width(text, theme.LABEL) + 18
        if rows[-1] and row_w + width > limit:
            if len(rows) == 3:
                break
            rows.append([])
            row_w = 0
        rows[-1].append((text, tone))
        row_w += width
    for n, row in enumerate(rows[:3]):
        cx = x
        limit = w if n < 1 else b.preview_room
        for text, tone in row:
            rect = draw_text(surface, text, (cx, y), theme.LABEL, TONE_COLOURS[tone],
                             bold=tone == "bad" and text.startswith("×"),
                             max_width=limit - (cx - x))
            cx = rect.right + 18
        y += 21


def _bottom(surface: pygame.Surface, b: Backdrop) -> None:
    lay = b.layout
    pygame.draw.rect(surface, theme.rgb(theme.BG_DEEP), lay.bottom)
    pygame.draw.line(surface, theme.rgb(theme.BORDER), lay.bottom.topleft, lay.bottom.topright)


def draw_status(surface: pygame.Surface, rect: pygame.Rect, text: str) -> None:
    """The status line between the bottom buttons (last message, or the key hints)."""
    if rect.width > 60:
        draw_text(surface, fit(text, rect.width, theme.LABEL), (rect.left, rect.centery),
                  theme.LABEL, theme.INK_MUTED, anchor="midleft")
