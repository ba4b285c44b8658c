"""The deal board's way through the week: dialogs it opens, events, the end-of-week
confirmation, the team-mode handover, and the resolution.

A mixin of ``BoardScene``: it reads the board's session, role and turn, and returns scene
commands; it draws nothing and builds no widgets of its own.
"""

from __future__ import annotations

from typing import Any

from game.core.actions import Action
from game.ui import router
from game.ui.scene import Command


class WeekFlow:
    """What happens between planning and the next week (see the module docstring)."""

    session: Any
    ctx: Any
    w: Any
    role: str
    turn: int
    status: str
    selected: Action | None
    next_command: Command | None
    _backdrop: Any
    seen_events: set[tuple[int, str]]

    def receive(self, result: Any) -> None:
        """A picker or the coach handed back an action to plan, or a confirmation."""
        if isinstance(result, Action):
            self.plan(result)
        elif result == "end_week":
            self.next_command = self.proceed()

    def update(self, dt: float) -> Command | None:
        command, self.next_command = self.next_command, None
        if command is not None:
            return command
        if self._backdrop is None:  # not built yet: the dialog would cover an empty screen
            return None
        for p in self.session.pending_unanswered():
            key = (self.session.view["week"], p["event"])
            if key not in self.seen_events:
                self.seen_events.add(key)
                return router.push("event", self.ctx, self.session, p)
        return None

    def open_menu(self) -> Command:
        return router.push("game_menu", self.ctx, self.session)

    def open_review(self) -> Command:
        return router.push("review", self.ctx, self.session)

    def open_help(self) -> Command:
        return router.push("help", self.ctx)

    def open_coach(self) -> Command | None:
        if self.w.named.get("coach") is None:
            return None
        roles = [r for r in self.session.human_roles if self.playable(r)]
        return router.push("coach", self.ctx, self.session, roles)

    def open_event(self) -> Command | None:
        pending = self.session.view["pending"]
        if not pending:
            return None
        unanswered = self.session.pending_unanswered()
        return router.push("event", self.ctx, self.session, (unanswered or pending)[0])

    def idle_roles(self) -> list[str]:
        """Roles this player plans that have planned nothing this week."""
        s = self.session
        roles = [self.turn_role()] if self.team_mode else s.human_roles
        left, total = s.time_left(), s.view["me"]["time"]
        return [r for r in roles if total[r] > 0 and left[r] == total[r]]

    def end_week(self) -> Command | None:
        """End this player's planning: answer events first, confirm unused roles once."""
        s = self.session
        pending = s.pending_unanswered()
        if pending:
            return router.push("event", self.ctx, s, pending[0])
        idle = self.idle_roles()
        if idle and not s.view["over"]:
            return router.push("confirm_end", self.ctx, idle, self.handing_over())
        return self.proceed()

    def handing_over(self) -> bool:
        return self.team_mode and self.turn < len(self.session.human_roles) - 1

    def proceed(self) -> Command:
        """Hand over to the next player in team mode, else resolve the week."""
        s = self.session
        if self.handing_over():
            self.turn += 1
            self.role = self.turn_role()
            self.status = ""
            s.history.clear()  # the next player cannot undo the previous player's moves
            self.selected = None
            self.ctx.request_rebuild()
            return router.push("handover", self.ctx, self.role)
        self.turn = 0
        self.role = self.turn_role()
        self.status = ""
        return router.push("resolve", self.ctx, s)
