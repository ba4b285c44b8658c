"""The guided first deal and the glossary: the steps are complete data in both languages,
the tutorial scenario is lint-clean, each goal can be reached in play, the guide opens from
the menu and leads one step at a time; every term is in the glossary."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.ai.coach import follow_coach
from game.play.guide import Tutorial, guide, guide_path, reached
from game.scenario.lint import lint_file
from game.scenario.loader import load_scenario
from game.ui.i18n import Translator
from game.ui.menu.briefing import BriefingScene
from game.ui.session import Session
from game.ui.setup import GameSetup
from game.ui.tutorial.glossary import ORDER, GlossaryScene
from game.ui.tutorial.scene import TutorialScene

from .conftest import SCENARIOS
from .helpers import press, top

TUTORIAL = guide_path(SCENARIOS)


def test_steps_and_glossary_are_complete_data() -> None:
    steps = guide()["steps"]
    assert 6 <= len(steps) <= 8
    view = _session(1).view
    for lang in ("zh", "en"):
        tr = Translator(lang)
        for step in steps:
            for part in ("concept", "explain", "goal"):
                assert step[part][lang].strip(), (step["id"], part, lang)
            reached(step["check"], view)  # a known kind of goal
            for term in step.get("terms", []):
                assert term in ORDER and tr.has(f"glossary.terms.{term}.text", lang)
        for term in ORDER:
            assert tr.has(f"glossary.terms.{term}.term", lang)
        assert guide()["end"][lang].strip()


def test_the_tutorial_scenario_is_short_and_lint_clean() -> None:
    spec = load_scenario(TUTORIAL)
    assert spec.last_week <= 9
    assert lint_file(str(TUTORIAL)) == []


def _session(seed: int) -> Session:
    spec = load_scenario(TUTORIAL)
    return Session.start(spec, GameSetup.default_for(spec, TUTORIAL, seed=seed))


def test_every_goal_is_reached_in_play_one_step_at_a_time() -> None:
    s = _session(2)
    t = Tutorial()
    assert t.update(s.view) == [], "nothing is done before the player acts"
    while not s.state.over and not t.finished:
        s.plan = follow_coach(s.view, 2)[0]
        s.end_week()
        t.update(s.view)
    assert t.finished and t.done == [step["id"] for step in guide()["steps"]]


def test_the_guide_opens_from_the_menu_and_names_the_goal(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "menu")
    menu = top(app)
    press(app, pygame.K_DOWN)  # keyboard: the second item is the guided first deal
    assert menu.items()[menu.focus][0] == "tutorial"
    press(app, pygame.K_RETURN)
    assert isinstance(top(app), BriefingScene)
    press(app, pygame.K_RETURN)
    app.step(0.016)
    card = top(app)
    assert isinstance(card, TutorialScene)
    heading, body, _buttons = card.content()
    first = guide()["steps"][0]
    assert first["concept"]["en"] in heading
    assert first["goal"]["en"].split(":")[0] in body.replace("<br>", " ")
    press(app, pygame.K_g)
    assert isinstance(top(app), GlossaryScene)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_RETURN)
    board = top(app)
    assert type(board).__name__ == "BoardScene"
    assert app.tr("ui.tutorial.banner", n=1, total=len(guide()["steps"]),
                  goal=first["goal"]["en"])[:20] in board._backdrop.status
    press(app, pygame.K_t)
    assert isinstance(top(app), TutorialScene)


def test_glossary_is_reachable_from_help(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from .helpers import board_at, click

    app = make_app("zh", "menu")
    board_at(app, "city_hospital", 1, lambda v: True)
    press(app, pygame.K_F1)
    click(app, top(app).buttons["glossary"])
    assert isinstance(top(app), GlossaryScene)
