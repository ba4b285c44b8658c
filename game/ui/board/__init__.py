"""The deal board where a team plans its week, with its pickers (bid price, negotiation
terms) and the coach."""

from game.ui.router import register

register("board", "game.ui.board.scene:BoardScene")
register("offer", "game.ui.board.offer:OfferScene")
register("coach", "game.ui.board.coach:CoachScene")
register("person", "game.ui.board.person:PersonScene")
