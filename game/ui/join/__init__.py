"""A team's laptop in a workshop: joining with the address and the team's code, the seat's
lobby (briefing, teammates), and waiting for the week to end once the seat has committed;
the board, the dialogs and the debrief are the same scenes a local game uses."""

from game.ui.router import register

register("join", "game.ui.join.form:JoinScene")
register("seat_lobby", "game.ui.join.lobby:SeatLobbyScene")
register("workshop_wait", "game.ui.join.wait:WaitScene")
