"""Bridge between the screens and the game engine (filled in once game.core is ready)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.ui.context import UIContext
    from game.ui.scene import Command


def open_save(ctx: UIContext, path: Path) -> Command | str:
    """A command that opens the saved game, or the i18n key of why it cannot."""
    return "ui.load.unavailable"
