"""Layouts checked by code: nothing cut at 1280x720 or 1920x1080 in either language, with
five vendors or a designer's six vendors and 16-person buying centre; cards never overlap;
cards and action rows stay where they are; the person panel shows the longest motives of
every shipped scenario in full."""

from __future__ import annotations

import itertools
from functools import cache
from pathlib import Path
from typing import Any

import pygame
import pytest
from pygame_gui.elements import UILabel

from game.ai.coach import follow_coach
from game.scenario.loader import load_scenario
from game.ui import layout_check, router
from game.ui.board.layout import ROW_H, track_rows
from game.ui.board.person import person_html
from game.ui.board.scene import BoardScene
from game.ui.scene import Push
from game.ui.session import Session
from game.ui.setup import GameSetup
from game.ui.widgets import draw_text, wrap_lines

from .big_buying_centre import HOSPITAL, big_spec
from .conftest import SCENARIOS

SIZES = [(1280, 720), (1920, 1080)]


@cache
def _played(kind: str, weeks: int = 6) -> Session:
    spec = big_spec() if kind == "big" else load_scenario(HOSPITAL)
    s = Session.start(spec, GameSetup.default_for(spec, HOSPITAL, seed=7))
    for _ in range(weeks):
        s.plan = follow_coach(s.view, 7)[0]
        s.end_week()
    return s


def _board(app: Any, session: Session) -> BoardScene:
    board = BoardScene(app, session)
    app.apply(Push(board))
    app.step(0.016, [])
    while app.stack.top is not board:  # an event dialog opened: look at the board itself
        app.apply(app.stack.top.handle_event(pygame.event.Event(
            pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode="", scancode=0)))
        app.step(0.016, [])
    app.step(0.016, [])
    return board


def test_the_checks_find_cut_text(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "menu")
    with pytest.warns(UserWarning):  # pygame_gui only warns, and draws it cut
        UILabel(pygame.Rect(10, 10, 40, 30), "far too long for forty pixels", app.manager)
    assert any("wider than it" in p for p in layout_check.widget_problems(app.manager))
    surface = pygame.Surface((200, 100))
    with layout_check.recording() as marks:
        surface.set_clip(pygame.Rect(0, 0, 60, 100))
        draw_text(surface, "cut by the clip", (10, 10))
        surface.set_clip(None)
        draw_text(surface, "off the edge", (170, 10))
        wrap_lines("Configuration", 40)
        broken = layout_check.broken_words()
    found = layout_check.painted_problems(marks)
    assert len(found) == 2 and "cut by its box" in found[0] and "off screen" in found[1]
    assert broken and "Configuration" in broken[0]


@pytest.mark.parametrize("lang,size,kind",
                         list(itertools.product(["zh", "en"], SIZES, ["hospital", "big"])))
def test_board_cuts_nothing(make_app, lang: str, size: tuple[int, int], kind: str) -> None:  # type: ignore[no-untyped-def]
    app = make_app(lang, "menu", size)
    session = _played(kind)
    board = _board(app, session)
    assert layout_check.problems(app) == []
    lay = board.layout
    cards = list(board.cards.values())
    assert len(cards) == len(session.view["people"])
    for a, b in itertools.combinations(cards, 2):
        assert not a.colliderect(b), f"cards overlap: {a} {b}"
    assert all(lay.org.contains(c) for c in cards)
    vendors = 1 + len(session.view["rivals"])
    assert all(lay.track.contains(r) for r in track_rows(lay.track, vendors))
    assert lay.actions.height >= 3 * ROW_H, "the action list keeps three rows"
    assert lay.panel.height >= 96, "the week's plan keeps three lines"
    assert lay.panel.bottom <= lay.bottom.top


def test_cards_stay_where_they_are(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "menu")
    spec = load_scenario(HOSPITAL)
    s = Session.start(spec, GameSetup.default_for(spec, HOSPITAL, seed=3))
    board = _board(app, s)
    first = dict(board.cards)
    for _ in range(8):  # roles, influence and motives get learned along the way
        s.plan = follow_coach(s.view, 3)[0]
        s.end_week()
        app.request_rebuild()
        app.step(0.016, [])
        assert board.cards == first


def test_action_rows_do_not_move_when_one_is_planned(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "menu")
    spec = load_scenario(HOSPITAL)
    board = _board(app, Session.start(spec, GameSetup.default_for(spec, HOSPITAL, seed=5)))
    for pid in list(board.cards):
        board.person = pid
        app.request_rebuild()
        app.step(0.016, [])
        open_rows = [r for r in board.rows if r.reason is None]
        if len(open_rows) >= 2:
            break
    before = [r.key for r in board.rows]
    where = {s.key: s.rect for s in board.w.actions.spots() if s.part == "row"}
    board.plan_row(open_rows[0])
    app.step(0.016, [])
    assert [r.key for r in board.rows] == before
    assert {s.key: s.rect for s in board.w.actions.spots() if s.part == "row"} == where
    assert board.selected is not None and (board.selected.kind,
                                           board.selected.target) == open_rows[0].key


def _all_known(view: dict[str, Any], spec: Any) -> dict[str, Any]:
    """The view as if every motive had been found (to show the longest texts)."""
    by_id = {p.id: p for p in spec.stakeholders}
    people = []
    for p in view["people"]:
        src = by_id[p["id"]]
        people.append({**p, "position_motive": src.position_motive.model_dump(mode="json"),
                       "personal_motive": src.personal_motive.model_dump(mode="json")})
    return {**view, "people": people}


def _squash(text: str) -> str:
    return "".join(text.replace("<br>", "").replace("&quot;", '"').replace("&#x27;", "'")
                   .replace("&amp;", "&").split())


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_person_panel_shows_the_longest_motives_in_full(make_app, path: Path) -> None:  # type: ignore[no-untyped-def]
    spec = load_scenario(path)
    longest = max(spec.stakeholders, key=lambda p: max(
        len(p.position_motive.text.en) + len(p.personal_motive.text.en),
        2 * (len(p.position_motive.text.zh) + len(p.personal_motive.text.zh))))
    s = Session.start(spec, GameSetup.default_for(spec, path, seed=1))
    s._view = _all_known(s.view, spec)
    for lang in ("zh", "en"):
        app = make_app(lang, "menu", (1280, 720))
        app.apply(router.push("person", app, s, longest.id))
        app.step(0.016, [])
        panel = app.stack.top
        html = person_html(s.view, longest.id, app.tr, 700)
        for m in (longest.position_motive, longest.personal_motive):
            assert _squash(getattr(m.text, lang)) in _squash(html)
        assert pygame.Rect(0, 0, 1280, 720).contains(panel.card)
        assert layout_check.problems(app) == []
