"""Drive the App like a player: real mouse events at a widget's centre."""

from __future__ import annotations

from typing import Any

import pygame
from pygame_gui.elements import UIButton, UILabel

from game.ui.widgets.row_list import RowList


def widgets(app: Any, kind: type | tuple[type, ...] = (UIButton, UILabel)) -> list[Any]:
    return [w for w in app.manager.get_sprite_group().sprites() if isinstance(w, kind)
            and w.visible]


def texts(app: Any) -> list[str]:
    """The text of every button and label on screen, and of every painted list's rows."""
    painted = [item.text for rows in widgets(app, RowList) for item in rows.items]
    return [w.text for w in widgets(app)] + painted


def find_button(app: Any, text: str) -> UIButton:
    for w in widgets(app, UIButton):
        if w.text == text:
            return w
    raise AssertionError(f"no button {text!r} in {texts(app)}")


def settle(app: Any) -> None:
    """Let the person look at the screen before acting: the input guard's settling time
    passes (the scene is not redrawn; only the time a reader takes)."""
    app.guard.settled()


def click_at(app: Any, pos: tuple[int, int]) -> None:
    settle(app)
    events = [
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
    ]
    app.step(0.016, events)  # a widget's answer to the click is handled by this frame
    app.step(0.016)  # what the scene posted for the next frame (``App.post``)


def click(app: Any, widget: Any) -> None:
    click_at(app, widget.rect.center)


def press(app: Any, key: int, mod: int = 0) -> None:
    """A deliberate key press after looking at the screen: down, then up."""
    settle(app)
    app.step(0.016, [pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="",
                                        scancode=0),
                     pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="",
                                        scancode=0)])
    app.step(0.016)


def enabled_adds(board: Any) -> list[tuple[Any, Any]]:
    """The board's "+" buttons (where they are on screen) that would plan an action right
    now, with their rows."""
    return [(b, row) for b, row in board.w.adds if b.is_enabled]


def top(app: Any) -> Any:
    return app.stack.top


def answer_events(app: Any) -> None:
    """While an event dialog is open, click its first choice the team can afford."""
    from game.ui.week.dialogs import EventScene

    while isinstance(top(app), EventScene):
        scene = top(app)
        choice = next(b for cid, b in scene.buttons.items()
                      if cid not in scene.blocked and cid != "later")
        click(app, choice)


def end_week_by_mouse(app: Any) -> None:
    """From the board: End week, confirm an idle role, answer events, watch the summary,
    read the MPC review, and come back to the board (or stop at the outcome)."""
    from game.ui.board.scene import BoardScene
    from game.ui.week.dialogs import ConfirmEndScene, EventScene
    from game.ui.week.review import ResolveScene, ReviewScene

    for _ in range(10):
        scene = top(app)
        if isinstance(scene, BoardScene):
            click(app, scene.w.named["end"])
        elif isinstance(scene, EventScene):
            answer_events(app)
        elif isinstance(scene, ConfirmEndScene):
            click(app, scene.buttons["go"])
        elif isinstance(scene, ResolveScene):
            press(app, pygame.K_SPACE)  # show every card at once
            click(app, scene.button)
            if not isinstance(top(app), ReviewScene):
                return  # the deal is over: the outcome screen
        elif isinstance(scene, ReviewScene):
            click(app, scene.back)
            return
        else:
            raise AssertionError(f"unexpected scene {scene!r}")
    raise AssertionError("the week did not end")


def board_at(app: Any, scenario: str, seed: int, until: Any, mode: str = "solo",
             humans: dict[str, bool] | None = None, reveal: bool = True) -> Any:
    """A board pushed on ``app`` for a game played (the coach's way) until ``until(view)``;
    in team mode the week's first handover is passed unless ``reveal`` is False."""
    from game.ai.coach import follow_coach
    from game.ui.board.scene import BoardScene
    from game.ui.catalog import list_scenarios
    from game.ui.scene import Push
    from game.ui.session import Session
    from game.ui.setup import GameSetup

    from .conftest import SCENARIOS

    entry = next(e for e in list_scenarios(SCENARIOS) if e.spec and e.spec.id == scenario)
    setup = GameSetup.default_for(entry.spec, entry.path, mode=mode, seed=seed)
    if humans is not None:
        setup.humans = dict(humans)
    session = Session.start(entry.spec, setup)
    while not until(session.view):
        assert not session.state.over, "the game ended before the wanted moment"
        session.plan = follow_coach(session.view, seed)[0]
        session.end_week()
    board = BoardScene(app, session)
    app.apply(Push(board))
    app.step(0.016, [])
    app.step(0.016, [])
    if reveal and mode == "team":
        from game.ui.week.dialogs import HandoverScene

        assert isinstance(top(app), HandoverScene)
        press(app, pygame.K_RETURN)
    return board
