"""Screenshots of a real game for the README: ``python -m game.ui.shots [folder]``.

Runs the window headless (dummy video driver), plays the shipped hospital scenario to the
middle of the deal the way a coached player would, then visits the screens and saves
``menu``, ``board``, ``person`` (the detail panel), ``coach``, ``week_summary`` and
``mpc_review`` as PNG, each in Chinese and English (``board_zh.png``, ``board_en.png``, ...);
then plays the same game to its end and saves the debrief's tabs (``debrief_outcome_zh.png``,
...); then the guided first deal's first step (``tutorial``), an event with its answers'
effects (``event``) and the board with the projector preset at 1920x1080
(``projector``). The same seed gives the same pictures.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

SHOTS = ("menu", "board", "week_summary", "mpc_review", "coach")
DEBRIEF_TABS = ("outcome", "timeline", "charts", "motives", "whatif")
SCENARIO = "city_hospital"
SEED = 7
WEEKS = 8


def take(folder: Path, lang: str, size: tuple[int, int] = (1280, 720)) -> list[Path]:
    """Play to mid-game in ``lang`` and save one PNG per screen; returns the files."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.ai.coach import follow_coach
    from game.ui.app import App
    from game.ui.board.scene import BoardScene
    from game.ui.catalog import list_scenarios
    from game.ui.menu.menu import MenuScene
    from game.ui.options import AppOptions
    from game.ui.scene import Push, Reset
    from game.ui.session import Session
    from game.ui.setup import GameSetup

    folder.mkdir(parents=True, exist_ok=True)
    app = App(AppOptions(lang=lang, no_resume=True, width=size[0], height=size[1],
                         fullscreen=False))
    app.settings.sound = False
    out: list[Path] = []

    def frames(n: int = 3, dt: float = 0.016) -> None:
        for _ in range(n):
            app.step(dt, [])

    def save(name: str) -> None:
        frames()
        path = folder / f"{name}_{lang}.png"
        app.screenshot(path)
        out.append(path)

    app.apply(Push(MenuScene(app)))
    save("menu")
    entry = next(e for e in list_scenarios() if e.spec is not None and e.spec.id == SCENARIO)
    assert entry.spec is not None
    session = Session.start(entry.spec, GameSetup.default_for(entry.spec, entry.path, seed=SEED))
    for _ in range(WEEKS - 1):
        session.plan = follow_coach(session.view, SEED)[0]
        session.end_week()
    # events are answered the way the coach would, so no dialog covers the board
    session.plan = [a for a in follow_coach(session.view, SEED)[0] if a.kind == "choose"]
    board = BoardScene(app, session)
    app.apply(Reset(MenuScene(app), (board,)))
    _plan_a_little(app, board)
    save("board")
    from game.ui import router

    known = max(session.view["people"], key=lambda p: (bool(p.get("position_motive"))
                                                       + bool(p.get("personal_motive"))))
    app.apply(router.push("person", app, session, known["id"]))
    save("person")
    app.apply(app.stack.top.handle_event(_key("escape")))
    frames()
    app.apply(board.open_coach())
    save("coach")
    app.apply(app.stack.top.handle_event(_key("escape")))
    frames()
    from game.ui.week.review import ResolveScene

    app.apply(Push(ResolveScene(app, session)))
    frames(60, 0.1)  # every card has slid in
    save("week_summary")
    app.apply(app.stack.top.handle_event(_key("return")))
    save("mpc_review")
    _debrief(app, session, save)
    import pygame

    pygame.quit()
    out += _extras(folder, lang)
    return out


def _extras(folder: Path, lang: str) -> list[Path]:
    """The guide's first step, an event dialog, and the projector preset at 1920x1080."""
    import pygame

    from game.ai.coach import follow_coach
    from game.ui import router
    from game.ui.app import App
    from game.ui.catalog import list_scenarios
    from game.ui.options import AppOptions
    from game.ui.session import Session
    from game.ui.setup import GameSetup

    out: list[Path] = []

    def shot(app: App, name: str) -> None:
        for _ in range(4):
            app.step(0.016, [])
        path = folder / f"{name}_{lang}.png"
        app.screenshot(path)
        out.append(path)

    entries = {e.spec.id: e for e in list_scenarios() if e.spec is not None}
    app = App(AppOptions(lang=lang, no_resume=True, width=1280, height=720, fullscreen=False))
    app.settings.sound = False
    app.apply(router.push("menu", app))
    app.step(0.016, [])
    app.apply(app.stack.top.start_guide())  # the menu's "Guided first deal"
    app.step(0.016, [])
    app.apply(app.stack.top.handle_event(_key("return")))  # begin week 1
    shot(app, "tutorial")
    hospital = entries[SCENARIO]
    assert hospital.spec is not None
    session = Session.start(hospital.spec, GameSetup.default_for(hospital.spec, hospital.path,
                                                                  seed=SEED))
    while not session.view["pending"]:
        session.plan = follow_coach(session.view, SEED)[0]
        session.end_week()
    app.apply(router.reset("menu", app))
    app.apply(router.push("board", app, session))
    shot(app, "event")
    pygame.quit()

    app = App(AppOptions(lang=lang, no_resume=True, width=1920, height=1080, fullscreen=False,
                         text_size="projector"))
    app.settings.sound = False
    session.plan = [a for a in follow_coach(session.view, SEED)[0] if a.kind == "choose"]
    app.apply(router.push("menu", app))
    app.apply(router.push("board", app, session))
    shot(app, "projector")
    pygame.quit()
    return out


def _debrief(app: object, session: object, save: object) -> None:
    """Play the game on to its end as the coached player, then visit the debrief's tabs."""
    from game.ai.coach import follow_coach
    from game.ui.debrief.scene import DebriefScene
    from game.ui.menu.menu import MenuScene
    from game.ui.scene import Reset

    while not session.state.over:  # type: ignore[attr-defined]
        session.plan = follow_coach(session.view, SEED)[0]  # type: ignore[attr-defined]
        session.end_week()  # type: ignore[attr-defined]
    scene = DebriefScene(app, session)
    app.apply(Reset(MenuScene(app), (scene,)))  # type: ignore[attr-defined]
    for tab in DEBRIEF_TABS:
        app.apply(scene.open_tab(tab))  # type: ignore[attr-defined]
        app.step(0.016, [])  # type: ignore[attr-defined]
        scene.finish_jobs()
        save(f"debrief_{tab}")  # type: ignore[operator]
    app.apply(scene.open_tab("lost"))  # type: ignore[attr-defined]
    app.step(0.016, [])  # type: ignore[attr-defined]
    scene.scroll.by(0, 1 << 20)  # the cause analysis closes the report
    save("debrief_causes")  # type: ignore[operator]


def _plan_a_little(app: object, board: object) -> None:
    """Plan the coach's first move for the rep and select a presales action to preview."""
    from game.ai.coach import advise

    session = board.session  # type: ignore[attr-defined]
    advice = advise(session.view, session.plan)
    for role in ("rep", "exec"):
        for s in advice[role][:1]:
            session.add(s["action"])
    presales = advice["presales"][:1]
    if presales:
        board.role = "presales"  # type: ignore[attr-defined]
        board.person = presales[0]["action"].target or board.person  # type: ignore[attr-defined]
        board.selected = presales[0]["action"]  # type: ignore[attr-defined]
    app.request_rebuild()  # type: ignore[attr-defined]


def _key(name: str) -> object:
    import pygame

    key = {"escape": pygame.K_ESCAPE, "return": pygame.K_RETURN}[name]
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0)


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("assets/screenshots")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DEALCRAFT_CONFIG_DIR"] = os.path.join(tmp, "config")
        os.environ["DEALCRAFT_DATA_DIR"] = os.path.join(tmp, "data")
        for lang in ("zh", "en"):
            for path in take(folder, lang):
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
