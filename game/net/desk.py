"""One team's week on the host: the shared team-week model (``game.play.team_week``) behind
the seats of a team, and what each seat is shown of it.

A team plays from one laptop (the seat ``team`` plays every role: its moves are agreed at
once) or from a laptop per role (each role plans its own moves; a joint move is proposed to
the partner role and counts only once that person accepts it; another role's plan stays
hidden until it commits; the budget is shared). Roles nobody plays (not joined, covered by
the AI, absent) are the AI teammate's: a joint move with one of them is agreed at once and
the AI plans around the people's moves when the week resolves.

Every change goes through ``TeamWeek``, which checks it against the team's own view with the
rules' checks, so the engine never receives a plan it would refuse. A refusal carries the
model's translation key (``team.*`` or the rules' ``why.*``) in ``params.reason``, so a
window shows it in the player's language.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from game.core.actions import CATALOG, Action
from game.core.checks import plan_usage
from game.i18n import tr
from game.net.protocol import ROLES, Refusal
from game.play.team_week import TeamWeek

#: team.* refusal keys and the protocol code each becomes
CODES = {
    "team.committed": "plan/committed",
    "team.unknown_action": "plan/unknown_action",
    "team.not_your_role": "plan/not_your_role",
    "team.not_played": "plan/not_your_role",
    "team.no_such_move": "plan/no_such_move",
    "team.not_owner": "plan/not_owner",
    "team.not_owner_order": "plan/not_owner",
    "team.first_already": "plan/first_already",
    "team.answers_first": "plan/first_already",
    "team.answered": "plan/answered",
    "team.answer_first": "plan/answer_first",
    "team.nothing_to_undo": "plan/nothing_to_undo",
    "team.week_done": "plan/week_done",
}


def refusal(why: str, what: str = "") -> Refusal:
    """The model's refusal key as a protocol refusal (English text for logs)."""
    code = CODES.get(why, "plan/illegal")
    text = tr(why)
    return Refusal(code, f"{what}: {text}" if what else text, reason=why)


class Desk:
    """A team's week on the host: the ``TeamWeek`` and who plays which role."""

    def __init__(self, mode: str | None, view: dict[str, Any],
                 seats: dict[str, str] | None = None) -> None:
        self.mode = mode or "team"
        self.week = TeamWeek(view, dict(seats or {}))

    # --- who plays ---------------------------------------------------------------------------
    def roles_of(self, seat_role: str) -> tuple[str, ...]:
        """The roles a seat plans: every role people play for a one-laptop seat."""
        if seat_role == "team":
            return self.week.roles
        return (seat_role,) if seat_role in self.week.seats else ()

    def reseat(self, seats: dict[str, str]) -> None:
        """The people at the table changed (joined, covered by the AI, back, absent): a
        role that is no longer played loses its moves (the AI plans it at the week's end);
        a proposal waiting for such a role is agreed if the team can still afford it."""
        w = self.week
        if seats == w.seats:
            return
        gone = set(w.seats) - set(seats)
        w.seats = dict(seats)
        w.entries = [e for e in w.entries if e.is_choice or e.owner not in gone]
        for i, e in enumerate(w.entries):
            if e.status == "proposed" and (e.partner not in seats
                                           or w.same_seat(e.owner, e.partner or "")):
                ok = w._check(e.owner, e.action, skip=e.id) is None
                w.entries[i] = replace(e, status="accepted" if ok else "declined")
        w.committed &= set(seats)
        w._undo.clear()

    # --- changes -----------------------------------------------------------------------------
    def _role(self, seat_role: str, role: str | None, action: Action | None = None) -> str:
        """The role a seat acts as: its own, or for a one-laptop seat the one it names (or
        the first role of the move that people play)."""
        if seat_role != "team":
            if role not in (None, seat_role):
                raise Refusal("plan/not_your_role", f"this seat plays {seat_role}, not {role}",
                              reason="team.not_your_role")
            return seat_role
        roles = self.week.roles
        if not roles:
            raise Refusal("seat/ai", "the AI plays this team now", reason="team.not_played")
        if role is not None:
            if role not in roles:
                raise Refusal("plan/not_your_role", f"nobody at this seat plays {role}",
                              reason="team.not_played")
            return role
        d = CATALOG.get(action.kind) if action is not None else None
        if d is not None:
            return next((r for r in d.roles if r in roles), roles[0])
        return roles[0]

    def move(self, seat_role: str, op: str, role: str | None = None,
             action: Action | None = None, entry: int | None = None) -> None:
        """One change to the week from a seat (plan, answer, withdraw, earlier, accept,
        decline, undo); raises Refusal with the model's reason."""
        w = self.week
        if op in ("plan", "answer"):
            if action is None:
                raise Refusal("proto/invalid", "a move to plan needs its action")
            if op == "answer" and action.kind != "choose":
                raise Refusal("proto/invalid", "an answer is a 'choose' action")
            if action.kind != "choose" and action.kind not in CATALOG:
                raise Refusal("plan/unknown_action", f"there is no action {action.kind!r}",
                              reason="team.unknown_action")
            r = self._role(seat_role, role, action)
            why = w.plan(r, action)
            what = f"{action.kind} {action.target or ''}".strip()
        elif op in ("withdraw", "earlier", "accept", "decline"):
            if entry is None:
                raise Refusal("proto/invalid", f"{op} needs the move's entry id")
            e = w.entry(entry)
            if e is None:
                raise refusal("team.no_such_move", f"move {entry}")
            if seat_role == "team":
                r = e.owner if op in ("withdraw", "earlier") else (e.partner or e.owner)
                if r not in w.seats:
                    raise refusal("team.not_played")
            else:
                r = self._role(seat_role, role)
            why = {"withdraw": w.withdraw, "earlier": w.earlier, "accept": w.accept,
                   "decline": w.decline}[op](r, entry)
            what = f"{op} {e.action.kind}"
        elif op == "undo":
            why = w.undo(self._role(seat_role, role))
            what = "undo"
        else:
            raise Refusal("proto/invalid", f"unknown move {op!r}")
        if why is not None:
            raise refusal(why, what)

    def set_plan(self, seat_role: str, plan: list[Action]) -> None:
        """A seat's whole draft at once (the headless clients): its own moves are replaced
        by these, in order; a joint move is proposed to its partner. All or nothing."""
        w = self.week
        roles = self.roles_of(seat_role)
        if not roles:
            raise refusal("team.not_played")
        for r in roles:
            if r in w.committed:
                raise refusal("team.committed")
        saved = (list(w.entries), w._next_id, {k: list(v) for k, v in w._undo.items()})
        w.entries = [e for e in w.entries if e.owner not in roles]
        for i, a in enumerate(plan):
            try:
                self.move(seat_role, "plan", None, a)
            except Refusal as r:
                w.entries, w._next_id, w._undo = saved
                r.text = f"move {i + 1} ({a.kind} {a.target or ''}) cannot be planned: " \
                    f"{r.text.split(': ', 1)[-1]}"
                r.params["index"] = i
                raise
        w._undo.pop(w.seat(roles[0]), None)

    def commit(self, seat_role: str) -> None:
        w = self.week
        roles = self.roles_of(seat_role)
        if not roles:
            raise refusal("team.not_played")
        for r in roles:
            if r not in w.committed:
                why = w.commit(r)
                if why is not None:
                    raise refusal(why)

    def reopen(self, seat_role: str) -> None:
        """Take a commit back while the host has not resolved the week (on the host a
        complete plan waits for the clock or the trainer when auto-advance is off)."""
        for r in self.roles_of(seat_role):
            self.week.committed.discard(r)

    # --- reading -----------------------------------------------------------------------------
    def is_committed(self, seat_role: str) -> bool:
        """Whether the seat is done: every role it plays committed, nothing waits for it."""
        roles = self.roles_of(seat_role)
        w = self.week
        return bool(roles) and all(r in w.committed and not w.awaiting(r) for r in roles)

    def waiting(self) -> list[str]:
        """The roles people play that the week still waits for (a commit or an answer)."""
        w = self.week
        return [r for r in w.roles if r not in w.committed or w.awaiting(r)]

    def human_plan(self) -> list[Action]:
        """The people's moves that count if the week ended now."""
        w = self.week
        return [e.action for e in w.entries if e.active and (e.is_choice or e.owner in w.seats)]

    def seen_by(self, seat_role: str) -> dict[str, Any]:
        """What a seat is shown of the week: the moves its roles may see, what waits for
        them, each of its roles' days and the team's money left, who has committed."""
        w = self.week
        roles = self.roles_of(seat_role)
        eye = roles[0] if roles else (seat_role if seat_role in ROLES else "rep")
        entries = w.visible(eye) if roles else []
        seen_cost = plan_usage([e.action for e in entries if e.holds], w.view)[1]
        return {
            "mode": self.mode,
            "role": seat_role,
            "roles": list(w.roles),
            "mine": list(roles),
            "entries": [e.to_dict() for e in entries],
            "awaiting": [e.id for r in roles for e in w.awaiting(r)],
            "committed": sorted(w.committed),
            "done": self.is_committed(seat_role),
            "days_left": {r: w.days_left(r) for r in roles},
            "budget_left": round(w.budget_left(), 4),
            "hidden": w.hidden_from(eye) if roles else 0,
            "hidden_cost": round(w.spent() - seen_cost, 4),
            "can_undo": any(w.can_undo(r) for r in roles),
            "waiting": self.waiting(),
        }

    def days_left(self) -> dict[str, int]:
        return {r: self.week.days_left(r) for r in self.week.view["me"]["time"]}

    def freeze(self) -> dict[str, Any]:
        return {"mode": self.mode, "week": self.week.to_dict()}


def thaw_desk(d: dict[str, Any], view: dict[str, Any]) -> Desk:
    """A desk from the session log (a phase-1 log's whole-plan desks are read as agreed)."""
    desk = Desk(d.get("mode"), view)
    if "week" in d:
        desk.week = TeamWeek.from_dict(view, d["week"])
        return desk
    plans = [Action.from_dict(a) for p in (d.get("plan") or {}).values() for a in p]
    seats = {r: ("team" if desk.mode == "team" else r) for r in ROLES}
    desk.week = TeamWeek.agreed(view, seats, plans)
    committed = set(d.get("committed", []))
    desk.week.committed = set(ROLES) if "team" in committed else committed & set(ROLES)
    return desk
