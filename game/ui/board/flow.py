"""The deal board's way through the week: dialogs it opens, events, the end-of-week
confirmation, the team-mode handover, and the resolution.

A mixin of ``BoardScene``: it reads the board's session, role and the team's week, and returns scene
commands; it draws nothing and builds no widgets of its own.
"""

from __future__ import annotations

from typing import Any

from game.core.actions import Action
from game.ui import router
from game.ui.scene import Command, Pop


class WeekFlow:
    """What happens between planning and the next week (see the module docstring)."""

    session: Any
    ctx: Any
    w: Any
    role: str
    panel: str
    team_mode: bool
    status: str
    selected: Action | None
    next_command: Command | None
    _backdrop: Any
    seen_events: set[tuple[int, str]]
    tutorial: Any
    _guide_week: int | None

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
        guide = self.guide_step()
        if guide is not None:
            return guide
        for p in self.session.pending_unanswered():
            key = (self.session.view["week"], p["event"])
            if key not in self.seen_events:
                self.seen_events.add(key)
                return router.push("event", self.ctx, self.session, p)
        return None

    def guide_step(self) -> Command | None:
        """The guided first deal: once a week, the guide's card when a goal was reached
        (or, in the first week, the first step)."""
        tut = self.tutorial
        week = self.session.view["week"]
        if tut is None or self._guide_week == week:
            return None
        self._guide_week = week
        done = tut.update(self.session.view)
        if done or (week == 1 and tut.step == 0):
            return router.push("tutorial", self.ctx, tut, done[-1] if done else None)
        return None

    def open_guide(self) -> Command | None:
        if self.tutorial is None:
            return None
        return router.push("tutorial", self.ctx, self.tutorial)

    def open_glossary(self) -> Command:
        return router.push("glossary", self.ctx)

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
        """Roles this player plans that have planned nothing this week and that the coach
        would not leave idle: the question before the week ends is there to catch a role
        forgotten, and must not contradict the coach's "nothing worth the days"."""
        idle = self._unplanned_roles()
        return [r for r in idle if r not in self._coach_rests()] if idle else idle

    def _coach_rests(self) -> set[str]:
        """The roles the coach has no move for now (the same advice as its panel)."""
        from game.ai.coach import advise

        s = self.session
        advice = advise(s.view, s.seen_plan(), seed=s.setup.seed,
                        playbook=s.view["me"]["playbook"], with_warnings=False)
        return {r for r in s.human_roles if not advice.get(r)}

    def _unplanned_roles(self) -> list[str]:
        """Roles this player plans that have planned nothing this week."""
        s = self.session
        if self.team_mode:
            role = self.turn_role()
            roles = [] if role in s.week.committed else [role]
        else:
            roles = s.human_roles
        left, total = s.time_left(), s.view["me"]["time"]
        return [r for r in roles if total[r] > 0 and left[r] == total[r]]

    def end_week(self) -> Command | None:
        """End this player's planning: answer events and joint-move proposals first,
        confirm unused roles once."""
        s = self.session
        if not s.resolve_scene:  # a board only looked at (the trainer's drill-down)
            return Pop()
        pending = s.pending_unanswered()
        if pending:
            return router.push("event", self.ctx, s, pending[0])
        if self.team_mode and s.week.awaiting(self.turn_role()):
            self.status = self.ctx.tr("team.answer_first")
            self.panel = "plan"
            self.ctx.request_rebuild()
            return None
        idle = self.idle_roles()
        if idle and not s.view["over"]:
            return router.push("confirm_end", self.ctx, idle, self.handing_over())
        return self.proceed()

    def handing_over(self) -> bool:
        """Team mode: someone else still plans or answers once this player is done."""
        return self.team_mode and self.session.week.hands_over_after(self.turn_role())

    def proceed(self) -> Command | None:
        """Commit this player's plan; hand over to whoever acts next, else resolve."""
        s = self.session
        if self.team_mode and s.human_roles:
            role = self.turn_role()
            why = None if role in s.week.committed else s.week.commit(role)
            if why is None and s.week.awaiting(role):
                why = "team.answer_first"
            if why is not None:
                self.status = self.ctx.tr(why)
                self.ctx.request_rebuild()
                return None
            nxt = s.week.waiting_for()
            if nxt is not None:
                self.role = nxt
                self.status = ""
                self.selected = None
                self.ctx.request_rebuild()
                return router.push("handover", self.ctx, s, nxt)
        self.role = self.turn_role()
        self.status = ""
        if not s.resolve_scene:  # a board only looked at (the trainer's drill-down)
            return Pop()
        return router.push(s.resolve_scene, self.ctx, s)
