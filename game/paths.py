"""Where the player's own files live: saves and their scenarios, one folder per user and OS.

platformdirs picks the usual place on each system (``~/.local/share/dealcraft`` on Linux,
``%LOCALAPPDATA%\\dealcraft`` on Windows, ``~/Library/Application Support/dealcraft`` on
macOS); ``DEALCRAFT_DATA_DIR`` overrides it for tests, kiosks and classroom machines. The
window's settings module follows the same rule (a test keeps the two in step).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "dealcraft"


def data_dir() -> Path:
    override = os.environ.get("DEALCRAFT_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def saves_dir() -> Path:
    return data_dir() / "saves"


def user_scenarios_dir() -> Path:
    """Scenarios a course designer keeps for themselves; found by bare name after the
    current folder and before the shipped ones."""
    return data_dir() / "scenarios"
