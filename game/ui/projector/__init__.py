"""The room's projector: public information only during play (the calendar, public events,
who has committed, the fair leaderboard when the trainer shows it, the address to join), a
"market news" page between weeks, and every team's debrief side by side at the end."""

from game.ui.router import register

register("projector", "game.ui.projector.scene:ProjectorScene")
