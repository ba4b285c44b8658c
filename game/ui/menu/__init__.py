"""Before and between games: the main menu, settings, load, the scenario library, a new
game's set-up and its briefing."""

from game.ui.router import register

register("menu", "game.ui.menu.menu:MenuScene")
register("settings", "game.ui.menu.settings_scene:SettingsScene")
register("load", "game.ui.menu.load:LoadScene")
register("library", "game.ui.menu.library:LibraryScene")
register("new_game", "game.ui.menu.new_game:NewGameScene")
register("briefing", "game.ui.menu.briefing:BriefingScene")
register("workshop_menu", "game.ui.menu.workshop:WorkshopMenuScene")
