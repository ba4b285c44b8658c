"""Whole games through the screens, headless: a solo player who takes the coach's advice
for every role plays from the menu to the outcome; AI teammates plan the roles left to
them; rivals are the agents their setup chose."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.ai.agents import PlaybookAgent
from game.ai.policy import EASY
from game.ai.search import ExpertAgent
from game.save import autosave_path, read_info
from game.ui.board.coach import CoachScene
from game.ui.board.scene import BoardScene
from game.ui.debrief.outcome import OutcomeScene
from game.ui.session import Session
from game.ui.setup import GameSetup
from game.ui.week.dialogs import EventScene

from .conftest import SCENARIOS
from .helpers import click, enabled_adds, end_week_by_mouse, find_button, press, top


def _start(app, seed: int) -> BoardScene:  # type: ignore[no-untyped-def]
    scene = top(app)
    scene.setup.seed = seed
    click(app, find_button(app, app.tr("ui.new_game.start")))
    click(app, find_button(app, app.tr("ui.briefing.begin")))
    board = top(app)
    assert isinstance(board, BoardScene)
    return board


def test_solo_game_to_the_outcome_following_the_coach(make_app, private_dirs: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "new_game")
    board = _start(app, seed=5)
    session = board.session
    coached = 0
    for _week in range(40):
        if isinstance(top(app), OutcomeScene):
            break
        if isinstance(top(app), EventScene):
            press(app, pygame.K_ESCAPE)  # decide later: the coach will answer it
        assert isinstance(top(app), BoardScene)
        click(app, board.w.named["coach"])
        coach = top(app)
        assert isinstance(coach, CoachScene) and coach.roles == session.human_roles
        before = len(session.plan)
        if coach.plan_all is not None:
            click(app, coach.plan_all)
            coached += len(session.plan) > before
        press(app, pygame.K_ESCAPE)
        end_week_by_mouse(app)
    assert isinstance(top(app), OutcomeScene), "the game did not reach its outcome"
    assert session.state.over and session.view["outcome"] is not None
    assert coached >= 5, "the coach's moves were planned in too few weeks"
    saved = read_info(autosave_path(session.game_id, private_dirs / "data" / "saves"))
    assert saved.finished and saved.week == session.state.week


def test_ai_teammates_plan_the_roles_left_to_them(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "new_game")
    scene = top(app)
    for role in ("presales", "pm", "exec"):
        scene.setup.toggle_human(role)
    board = _start(app, seed=2)
    session = board.session
    assert session.human_roles == ["rep"]
    assert [b for b in board.w.roles.values() if b.is_enabled] == [board.w.roles["rep"]]
    for _week in range(4):
        click(app, enabled_adds(board)[0][0])
        mine = list(session.plan)
        ai = session.ai_fill()
        assert all(set(board_roles(a)) - {"rep"} for a in ai), "the AI planned for the rep"
        end_week_by_mouse(app)
        week = session.state.plans[-1][session.team]
        assert [a["kind"] for a in week[:len(mine)]] == [a.kind for a in mine]
        assert all(a["reason"] is None for a in week[:len(mine)])
    ai_moves = [a for w in session.state.plans for a in w[session.team] if a["reason"]]
    assert ai_moves, "the AI teammates never planned anything"
    assert {r for a in ai_moves for r in board_roles_kind(a["kind"])} - {"rep"}


def board_roles(a) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return board_roles_kind(a.kind)


def board_roles_kind(kind: str) -> tuple[str, ...]:
    from game.core.actions import CATALOG

    return CATALOG[kind].roles if kind in CATALOG else ()


def test_rivals_are_the_agents_the_setup_chose() -> None:
    from game.ui.catalog import list_scenarios

    entry = next(e for e in list_scenarios(SCENARIOS) if e.spec and e.spec.id == "city_hospital")
    setup = GameSetup.default_for(entry.spec, entry.path, seed=9)
    setup.rivals[0].playbook, setup.rivals[0].difficulty = "price_cutter", "expert"
    setup.rivals[1].playbook, setup.rivals[1].difficulty = "relationship", "easy"
    session = Session.start(entry.spec, setup)
    first, second = (session.agent(r.vendor_id) for r in setup.rivals[:2])
    assert isinstance(first, ExpertAgent) and first.playbook == "price_cutter"
    assert isinstance(second, PlaybookAgent) and second.skill == EASY
    assert second.playbook == "relationship"
    session.end_week()
    again = Session.start(entry.spec, setup)
    again.end_week()
    assert again.state.plans == session.state.plans, "the same seed must replay the same"
