"""The debrief's slow work, kept off the frame path: charts, the HTML export, what-if.

matplotlib needs about a second per language for the five charts and the HTML page embeds
a cut-down font, so both run in a worker thread while the window keeps drawing; the scene
polls ``Job.done`` in ``update``. matplotlib's settings are process-wide, hence one lock
around every chart rendering. A what-if restart builds a new ``Session`` exactly the way
``Session.start`` does (state, setup, team), from the state ``restart_at`` rebuilt.
"""

from __future__ import annotations

import io
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

from game.report.whatif import restart_at
from game.ui.session import Session, saves_dir

_CHARTS_LOCK = threading.Lock()
CHART_ORDER = ("support", "funnel", "c931", "spend", "timeline")


class Job:
    """One function run once in a daemon thread; ``result`` or ``error`` when ``done``."""

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        self.result: Any = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(fn, *args), daemon=True)
        self._thread.start()

    def _run(self, fn: Callable[..., Any], *args: Any) -> None:
        try:
            self.result = fn(*args)
        except Exception as error:  # noqa: BLE001 - shown to the player, never a crash
            self.error = error

    @property
    def done(self) -> bool:
        return not self._thread.is_alive()

    def wait(self) -> None:
        self._thread.join()


def render_charts(data: dict[str, Any]) -> dict[str, bytes]:
    """The report's five charts as PNG bytes (serialised: matplotlib state is global)."""
    from game.report.charts import render_charts as draw

    with _CHARTS_LOCK:
        return draw(data)


def chart_images(pngs: dict[str, bytes]) -> dict[str, pygame.Surface]:
    """PNG bytes to surfaces (main thread: surfaces belong to the display's thread)."""
    images = {}
    for name in CHART_ORDER:
        if name in pngs:
            image = pygame.image.load(io.BytesIO(pngs[name]), f"{name}.png")
            images[name] = image.convert() if pygame.display.get_surface() else image
    return images


def fit_width(image: pygame.Surface, width: int, most: float = 1.6) -> pygame.Surface:
    """The chart scaled to ``width`` (never more than ``most`` times its drawn size)."""
    scale = min(width / image.get_width(), most)
    size = (max(1, round(image.get_width() * scale)), max(1, round(image.get_height() * scale)))
    return pygame.transform.smoothscale(image, size) if size != image.get_size() else image


def report_path(data_dir: Path, data: dict[str, Any]) -> Path:
    """Where an exported debrief goes: the user's data folder, one file per export."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return data_dir / "reports" / f"debrief-{data['meta']['scenario']}-{stamp}-{data['lang']}.html"


def export_report(data: dict[str, Any], charts: dict[str, bytes] | None, path: Path) -> Path:
    """The same page as ``dealcraft report SAVE``: charts, self-contained HTML, world-readable."""
    from game.report.html import render_html
    from game.save import write_atomic

    page = render_html(data, charts if charts is not None else render_charts(data))
    write_atomic(path, page)
    os.chmod(path, 0o644)  # a report is for sharing, as the report command makes it
    return path


def keep_finished(session: Session, data_dir: Path) -> Path:
    """Save the finished game under its own name before a what-if restart.

    The restarted game is a game of its own with its own autosave slot; the debriefed game's
    autosave may hold an earlier week, so this copy keeps the finished game on the list.
    """
    name = time.strftime(f"finished-{session.state.spec.id}-%Y%m%d-%H%M%S.json")
    path = saves_dir(data_dir) / name
    session.save(path)
    return path


def restart_session(session: Session, week: int) -> Session:
    """A new session at the start of ``week``: same scenario, seed, setup and history.

    Raises ``WhatIfError`` (with an i18n key) when the week is outside the game or the save
    no longer replays the same way.
    """
    return Session(restart_at(session.state, week), session.setup, session.team)
