"""The trainer's console for a workshop run from this laptop: the set-up, the lobby and the
live monitor of every team, round control, injects and messages, a team's seats, and a
read-only look at any team's board."""

from game.ui.router import register

register("workshop_setup", "game.ui.console.setup:WorkshopSetupScene")
register("console", "game.ui.console.scene:ConsoleScene")
register("console_team", "game.ui.console.team:TeamScene")
register("console_confirm", "game.ui.console.team:ConfirmScene")
