"""After the deal: the outcome screen and the eight-tab debrief (documents, charts drawn in
the background, the what-if restart, the HTML export)."""

from game.ui.router import register

register("outcome", "game.ui.debrief.outcome:OutcomeScene")
register("debrief", "game.ui.debrief.scene:DebriefScene")
