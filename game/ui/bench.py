"""`python main.py bench ui`: start-up time, frame time on the deal board, memory.

Runs headless (dummy video driver) so it measures our code, not the display server:
- startup_s: from importing the window code to the first drawn frame of the main menu;
- frame_ms: the median frame on the deal board at 1280x720 in the middle of a game, with the
  mouse moving over the board (hover and tooltips as a player causes them);
- rss_mb: the peak resident memory of the whole run, which plays the game on to its end
  with the board rebuilt every week.
- debrief_open_s: from pressing Enter on the outcome screen to the debrief's first tab
  fully drawn (no "Drawing…" left on it), the same game played to its end;
- click_ms_p95: a fixed script of state-changing clicks on the board (pick a person, pick
  an action, plan it, undo), each timed from the click to the end of the first frame
  that shows its effect; before it the player reads the board for the input guard's
  0.3 s and moves the pointer to each target in 0.1 s, while the game draws its frames
  (game time 1/60 s each, stepped back to back, not timed).
Before those lines it prints the idle median, the 95th percentile and the median time of a
full rebuild of the board, and the clicks' median wall time and their CPU time (median and
95th percentile): on a shared machine the wall time of a click stretches with the load, its
CPU time much less.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
from typing import Any

SEED = 3


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run_ui_bench(args: Any = None, frames: int = 300) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DEALCRAFT_CONFIG_DIR"] = os.path.join(tmp, "config")
        os.environ["DEALCRAFT_DATA_DIR"] = os.path.join(tmp, "data")
        t0 = time.perf_counter()
        from game.ui.app import App
        from game.ui.options import AppOptions

        app = App(AppOptions(lang="zh", no_resume=True, width=1280, height=720))
        app.push_start()
        app.step(0.016, [])
        startup = time.perf_counter() - t0
        import pygame

        from game.ai.basic import plan_week
        from game.ui.board.scene import BoardScene
        from game.ui.catalog import list_scenarios
        from game.ui.scene import Push
        from game.ui.session import Session
        from game.ui.setup import GameSetup

        entry = next(e for e in list_scenarios() if e.ok)
        assert entry.spec is not None
        session = Session.start(entry.spec, GameSetup.default_for(entry.spec, entry.path,
                                                                  seed=SEED))
        while session.state.week < session.state.spec.last_week // 2 - 4:
            session.plan = plan_week(session.view)[0]
            session.end_week()
        mid_week = session.state.week
        # the week's events answered as the AI would, so no dialog covers the board
        session.plan = [a for a in plan_week(session.view)[0] if a.kind == "choose"]
        board = BoardScene(app, session)
        app.apply(Push(board))
        for _ in range(5):
            app.step(0.016, [])
        assert app.stack.top is board, f"{app.stack.top} covers the board"
        idle = [_timed(app, []) for _ in range(frames)]
        moving = []
        for i in range(frames):
            pos = (40 + (i * 37) % 1200, 180 + (i * 23) % 480)
            event = pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0))
            moving.append(_timed(app, [event]))
        rebuilds = []
        for _ in range(20):
            app.request_rebuild()
            rebuilds.append(_timed(app, []))
        clicks, cpu = _click_script(app, board)
        weeks = 0
        while not session.state.over and weeks < 40:
            session.plan = plan_week(session.view)[0]
            session.end_week()
            app.request_rebuild()
            app.step(0.016, [])
            weeks += 1
        # peak memory of the game itself, before the debrief (its charts load matplotlib)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        debrief_open = _open_debrief(app, session)
        pygame.quit()
    print(f"board at 1280x720 (zh), week {mid_week}: {frames} idle and "
          f"{frames} mouse-moving frames, 20 rebuilds, then {weeks} more weeks")
    print(f"frame_idle_ms: {statistics.median(idle):.2f}")
    print(f"frame_p95_ms: {_percentile(moving, 0.95):.2f}")
    print(f"rebuild_ms: {statistics.median(rebuilds):.1f}")
    print(f"click_ms_median: {statistics.median(clicks):.1f} ({len(clicks)} clicks)")
    print(f"click_cpu_ms: median {statistics.median(cpu):.1f}, "
          f"p95 {_percentile(cpu, 0.95):.1f}")
    print(f"startup_s: {startup:.2f}")
    print(f"frame_ms: {statistics.median(moving):.2f}")
    print(f"rss_mb: {rss:.0f}")
    print(f"debrief_open_s: {debrief_open:.2f}")
    print(f"click_ms_p95: {_percentile(clicks, 0.95):.1f}")
    return 0


#: the game's frame period; a player reads a new board for the input guard's settling time
#: and takes POINTER_S to move to the next target, and the game draws frames meanwhile
FRAME_S = 1 / 60
READ_S = 0.3
POINTER_S = 0.1


def _move(app: Any, start: tuple[int, int], end: tuple[int, int]) -> None:
    """The pointer moving from ``start`` to ``end`` over POINTER_S, a frame at a time (not
    timed: the frames the game draws between two clicks)."""
    import pygame

    frames = round(POINTER_S / FRAME_S)
    for i in range(1, frames + 1):
        pos = (start[0] + (end[0] - start[0]) * i // frames,
               start[1] + (end[1] - start[1]) * i // frames)
        pygame.mouse.set_pos(pos)  # what pygame_gui reads for hovering
        app.step(FRAME_S, [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                              buttons=(0, 0, 0))])


def _click_at(app: Any, pos: tuple[int, int], done: Any) -> tuple[float, float]:
    """A real click (press, release) where the pointer is, and the frames until its effect
    is drawn (``done()`` holds after a frame; a frame handles its events before it
    draws): milliseconds of wall time and of this process's CPU time."""
    import pygame

    app.guard.settled()  # the player has looked at the board before clicking
    t, cpu = time.perf_counter(), time.process_time()
    app.step(FRAME_S, [pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
                       pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1)])
    for _frame in range(3):
        if done():
            break
        app.step(FRAME_S)  # a press read from the event queue shows a frame later
    else:
        raise AssertionError(f"a click at {pos} had no effect")
    return (time.perf_counter() - t) * 1000, (time.process_time() - cpu) * 1000


def _click_script(app: Any, board: Any, rounds: int = 8) -> tuple[list[float], list[float]]:
    """Pick a person, pick an action, plan it, undo: ``rounds`` times over the people, as
    a player does it: the board read first, the pointer moved to each target between
    clicks. Returns each click's wall and CPU milliseconds."""
    out: list[tuple[float, float]] = []
    people = list(board.cards)
    for _ in range(round(READ_S / FRAME_S)):
        app.step(FRAME_S, [])
    at = (0, 0)

    def click(pos: tuple[int, int], done: Any) -> None:
        nonlocal at
        _move(app, at, pos)
        out.append(_click_at(app, pos, done))
        at = pos

    for i in range(rounds):
        pid = people[(i + 1) % len(people)]
        click(board.w.cards[pid].rect.center, lambda pid=pid: board.person == pid)
        rows = [(spot, r) for spot, r in board.w.rows if r.reason is None and not r.picker
                and board.layout.actions.contains(spot.rect)]
        if not rows:
            continue
        spot, row = rows[min(1, len(rows) - 1)]
        click(spot.rect.center, lambda row=row: board.selected == row.action)
        if board.w.plan_button is not None and board.w.plan_button.is_enabled:
            planned = len(board.session.week.entries)
            click(board.w.plan_button.rect.center,
                  lambda n=planned + 1: len(board.session.week.entries) == n)
            undo = board.w.named.get("undo")
            if undo is not None and undo.is_enabled:
                click(undo.rect.center,
                      lambda n=planned: len(board.session.week.entries) == n)
    return [wall for wall, _cpu in out], [cpu for _wall, cpu in out]


def _open_debrief(app: Any, session: Any) -> float:
    """Seconds from Enter on the outcome screen to the first debrief tab fully drawn."""
    import pygame

    from game.ui import router

    app.apply(router.push("outcome", app, session))
    app.step(0.016, [])
    app.guard.settled()
    t = time.perf_counter()
    app.step(0.016, [pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0,
                                        unicode="", scancode=0)])
    scene = app.stack.top
    for _ in range(2000):
        if type(scene).__name__ == "DebriefScene" and scene.first_tab_ready():
            break
        app.step(0.016)
        scene = app.stack.top
    return time.perf_counter() - t


def _timed(app: Any, events: list[Any]) -> float:
    t = time.perf_counter()
    app.step(0.016, events)
    return (time.perf_counter() - t) * 1000


if __name__ == "__main__":
    sys.exit(run_ui_bench())
