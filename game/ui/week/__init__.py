"""The turn around the board: event choices, the end-of-week confirmation, the hotseat
handover, the game menu and help, the week's resolution and the MPC review."""

from game.ui.router import register

register("event", "game.ui.week.dialogs:EventScene")
register("handover", "game.ui.week.dialogs:HandoverScene")
register("confirm_end", "game.ui.week.dialogs:ConfirmEndScene")
register("game_menu", "game.ui.week.dialogs:GameMenuScene")
register("help", "game.ui.week.dialogs:HelpScene")
register("resolve", "game.ui.week.review:ResolveScene")
register("review", "game.ui.week.review:ReviewScene")
