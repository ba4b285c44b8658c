"""`python main.py bench ui`: start-up time, frame time on the deal board, memory.

Runs headless (dummy video driver) so it measures our code, not the display server. The last
three lines are `startup_s: T`, `frame_ms: T` and `rss_mb: M`.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from typing import Any


def run_ui_bench(args: Any = None, frames: int = 120) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DEALCRAFT_CONFIG_DIR"] = os.path.join(tmp, "config")
        os.environ["DEALCRAFT_DATA_DIR"] = os.path.join(tmp, "data")
        t0 = time.perf_counter()
        from game.ui.app import App
        from game.ui.catalog import list_scenarios
        from game.ui.options import AppOptions
        from game.ui.scene import Push
        from game.ui.scenes.board import BoardScene
        from game.ui.session import Session
        from game.ui.setup import GameSetup

        app = App(AppOptions(lang="zh", no_resume=True, width=1280, height=720))
        app.push_start()
        app.step(0.016, [])
        startup = time.perf_counter() - t0
        entry = next(e for e in list_scenarios() if e.ok)
        assert entry.spec is not None
        session = Session.start(entry.spec, GameSetup.default_for(entry.spec, entry.path, seed=1))
        app.apply(Push(BoardScene(app, session)))
        app.step(0.016, [])
        times = []
        for i in range(frames):
            if i % 30 == 0:
                app.request_rebuild()  # include the cost of a full re-layout now and then
            t = time.perf_counter()
            app.step(0.016, [])
            times.append(time.perf_counter() - t)
        import pygame

        pygame.quit()
    frame_ms = 1000 * sum(times) / len(times)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"frames: {frames} on the deal board at 1280x720 (zh)")
    print(f"frame_ms_max: {1000 * max(times):.1f}")
    print(f"startup_s: {startup:.2f}")
    print(f"frame_ms: {frame_ms:.2f}")
    print(f"rss_mb: {rss:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(run_ui_bench())
