"""The game's screens; ``start_scene`` maps a ``--start`` name to a scene."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.ui.context import UIContext
    from game.ui.scene import Scene


def start_scene(ctx: UIContext, name: str = "menu") -> Scene:
    from game.ui.scenes.library import LibraryScene
    from game.ui.scenes.load import LoadScene
    from game.ui.scenes.menu import MenuScene
    from game.ui.scenes.new_game import NewGameScene
    from game.ui.scenes.settings_scene import SettingsScene

    factories = {
        "menu": lambda: MenuScene(ctx),
        "settings": lambda: SettingsScene(ctx),
        "library": lambda: LibraryScene(ctx),
        "new_game": lambda: NewGameScene(ctx, mode="solo"),
        "new_team_game": lambda: NewGameScene(ctx, mode="team"),
        "load": lambda: LoadScene(ctx),
    }
    return factories.get(name, factories["menu"])()
