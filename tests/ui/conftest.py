"""Headless fixtures: the dummy video driver, private config/data folders, a live App."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

REPO = Path(__file__).resolve().parents[2]
SCENARIOS = REPO / "scenarios"


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DEALCRAFT_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("DEALCRAFT_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


@pytest.fixture
def make_app() -> Iterator:
    """Factory: ``make_app(lang="en", start="menu", size=(1280, 720))`` -> a started App."""
    import pygame

    from game.ui.app import App
    from game.ui.options import AppOptions

    apps = []

    def factory(lang: str = "zh", start: str = "menu", size: tuple[int, int] = (1280, 720)):
        options = AppOptions(lang=lang, start=start, width=size[0], height=size[1],
                             scenarios=SCENARIOS, fullscreen=False)
        app = App(options)
        app.push_start()
        app.step(0.016, [])
        apps.append(app)
        return app

    yield factory
    pygame.quit()
