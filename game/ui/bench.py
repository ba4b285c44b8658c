"""`python main.py bench ui`: start-up time, frame time on the deal board, memory.

Runs headless (dummy video driver) so it measures our code, not the display server:
- startup_s: from importing the window code to the first drawn frame of the main menu;
- frame_ms: the median frame on the deal board at 1280x720 in the middle of a game, with the
  mouse moving over the board (hover and tooltips as a player causes them);
- rss_mb: the peak resident memory of the whole run, which plays the game on to its end
  with the board rebuilt every week.
Before those three last lines it prints the idle median, the 95th percentile and the median
time of a full rebuild of the board (what one click costs).
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
        board = BoardScene(app, session)
        app.apply(Push(board))
        for _ in range(5):
            app.step(0.016, [])
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
        weeks = 0
        while not session.state.over and weeks < 40:
            session.plan = plan_week(session.view)[0]
            session.end_week()
            app.request_rebuild()
            app.step(0.016, [])
            weeks += 1
        pygame.quit()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"board at 1280x720 (zh), week {mid_week}: {frames} idle and "
          f"{frames} mouse-moving frames, 20 rebuilds, then {weeks} more weeks")
    print(f"frame_idle_ms: {statistics.median(idle):.2f}")
    print(f"frame_p95_ms: {_percentile(moving, 0.95):.2f}")
    print(f"rebuild_ms: {statistics.median(rebuilds):.1f}")
    print(f"startup_s: {startup:.2f}")
    print(f"frame_ms: {statistics.median(moving):.2f}")
    print(f"rss_mb: {rss:.0f}")
    return 0


def _timed(app: Any, events: list[Any]) -> float:
    t = time.perf_counter()
    app.step(0.016, events)
    return (time.perf_counter() - t) * 1000


if __name__ == "__main__":
    sys.exit(run_ui_bench())
