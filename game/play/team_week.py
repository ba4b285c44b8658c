"""One team's plan for one week, as the people at the table make it.

The team shares its knowledge and its sales budget (agreement is the basis of teamwork) but
each role's days are its own. A role sees its own moves, the moves of roles played from the
same seat, moves that name it, the team's event answers and the plans of roles that have
committed; another role's uncommitted plan stays hidden. A joint move is proposed by one
role and waits for its partner role: the partner's days are used only when the partner
accepts, and the partner cannot delete it, only accept or decline it. The week's plan is
complete once every role people play has committed and no proposal is left unanswered.

The same model serves the hotseat board (each role its own seat, in turn) and the network
workshop (a seat per laptop, in parallel). It knows nothing of windows or sockets: every
operation returns ``None`` or the translation key of why it was refused, and the rules'
own checks (``game.core.checks.check``) decide what a move may do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from game.core.actions import CATALOG, Action
from game.core.checks import check, plan_usage

ROLES: tuple[str, ...] = ("rep", "presales", "pm", "exec")

Status = Literal["planned", "proposed", "accepted", "declined"]
#: a move that counts in the team's plan
ACTIVE: frozenset[str] = frozenset({"planned", "accepted"})


@dataclass(frozen=True)
class Entry:
    """One move in the week's plan.

    ``owner`` planned it and pays its days; ``partner`` is the other role of a joint move,
    whose days are used only once the move is ``accepted``. An event answer (``choose``) has
    no partner and belongs to the whole team.
    """

    id: int
    action: Action
    owner: str
    partner: str | None = None
    status: Status = "planned"

    @property
    def active(self) -> bool:
        """Part of the team's plan (planned alone, or a joint move its partner accepted)."""
        return self.status in ACTIVE

    @property
    def holds(self) -> bool:
        """Takes the owner's days and the team's money (a proposal holds them too)."""
        return self.status != "declined"

    @property
    def is_choice(self) -> bool:
        return self.action.kind == "choose"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "action": self.action.to_dict(), "owner": self.owner,
                "partner": self.partner, "status": self.status}

    @staticmethod
    def from_dict(d: Mapping[str, Any]) -> Entry:
        status = d.get("status", "planned")
        if status not in ("planned", "proposed", "accepted", "declined"):
            raise ValueError(f"unknown entry status {status!r}")
        return Entry(int(d["id"]), Action.from_dict(d["action"]), str(d["owner"]),
                     d.get("partner"), status)


@dataclass
class _Undo:
    """What one role's last change replaced: the entry as it was (None: it did not exist)
    and where it stood."""

    entry_id: int
    before: Entry | None
    index: int


Checker = Callable[[dict[str, Any], Action, list[Action]], "str | None"]


@dataclass
class TeamWeek:
    """The team's week in the making (see the module docstring).

    ``view`` is the team's view of the week (``view(state, team)``); ``seats`` maps each role
    that people play to the seat (person, laptop) that plays it. Roles without a seat are
    played by AI teammates: they never commit, and a joint move with one of them is accepted
    at once (the AI plans around the people's moves afterwards).
    """

    view: dict[str, Any]
    seats: dict[str, str] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)
    committed: set[str] = field(default_factory=set)
    checker: Checker = check
    _next_id: int = 1
    _undo: dict[str, list[_Undo]] = field(default_factory=dict)

    @classmethod
    def hotseat(cls, view: dict[str, Any], roles: Iterable[str]) -> TeamWeek:
        """Each role people play at its own seat: they plan one after another."""
        return cls(view, {r: r for r in roles})

    @classmethod
    def solo(cls, view: dict[str, Any], roles: Iterable[str]) -> TeamWeek:
        """One person plays every role in ``roles``: every move is visible, joint moves
        between those roles are agreed at once."""
        return cls(view, {r: "solo" for r in roles})

    # --- who is who ----------------------------------------------------------------------------
    @property
    def roles(self) -> tuple[str, ...]:
        """The roles people play, in the team's order."""
        return tuple(r for r in ROLES if r in self.seats)

    def human(self, role: str) -> bool:
        return role in self.seats

    def same_seat(self, a: str, b: str) -> bool:
        return a in self.seats and self.seats.get(a) == self.seats.get(b)

    def sees(self, role: str, entry: Entry) -> bool:
        """Whether ``role`` may know of ``entry`` now."""
        if entry.is_choice or entry.owner == role or entry.partner == role:
            return True
        if self.same_seat(entry.owner, role):
            return True
        return entry.owner in self.committed and entry.active

    def visible(self, role: str) -> list[Entry]:
        """The entries ``role`` may see, in the order they were made."""
        return [e for e in self.entries if self.sees(role, e)]

    def own(self, role: str) -> list[Entry]:
        """The entries ``role`` made (its plan, its proposals, its event answers)."""
        return [e for e in self.entries if e.owner == role]

    def awaiting(self, role: str) -> list[Entry]:
        """Joint moves proposed to ``role`` that wait for its answer."""
        return [e for e in self.entries if e.partner == role and e.status == "proposed"]

    def hidden_from(self, role: str) -> int:
        """How many moves of other roles ``role`` cannot see yet (a count, never what)."""
        return sum(1 for e in self.entries if e.active and not self.sees(role, e))

    def seen_actions(self, role: str, held: bool = False) -> list[Action]:
        """The moves that count and that ``role`` may see (what its coach may know); with
        ``held``, proposals still waiting for an answer too (what the rules check against)."""
        return [e.action for e in self.entries
                if (e.holds if held else e.active) and self.sees(role, e)]

    def hands_over_after(self, role: str) -> bool:
        """Whether someone else must still act once ``role`` commits now."""
        if any(r != role and r not in self.committed for r in self.roles):
            return True
        partners = {e.partner for e in self.entries if e.status == "proposed"}
        return any(p is not None and p != role for p in partners)

    @classmethod
    def agreed(cls, view: dict[str, Any], seats: dict[str, str],
               actions: Iterable[Action]) -> TeamWeek:
        """A week whose moves are already agreed (a plan made elsewhere: the coach, a
        replay, a test), each owned by the first role people play among its roles."""
        week = cls(view, dict(seats))
        fallback = week.roles[0] if week.roles else ROLES[0]
        for a in actions:
            d = CATALOG.get(a.kind)
            roles = d.roles if d is not None else ()
            owner = next((r for r in roles if r in seats), roles[0] if roles else fallback)
            partner = next((r for r in roles if r != owner), None)
            status: Status = "accepted" if partner else "planned"
            week.entries.append(Entry(week._take_id(), a, owner, partner, status))
        return week

    def entry(self, entry_id: int) -> Entry | None:
        return next((e for e in self.entries if e.id == entry_id), None)

    # --- what is left --------------------------------------------------------------------------
    def _days(self, e: Entry) -> int:
        d = CATALOG.get(e.action.kind)
        return 0 if d is None else d.days

    def days_used(self, role: str) -> int:
        """Days ``role`` has given: its own moves and proposals, joint moves it accepted."""
        used = 0
        for e in self.entries:
            if e.owner == role and e.holds and not e.is_choice:
                used += self._days(e)
            elif e.partner == role and e.status == "accepted":
                used += self._days(e)
        return used

    def days_left(self, role: str) -> int:
        return int(self.view["me"]["time"].get(role, 0)) - self.days_used(role)

    def _cost(self, e: Entry) -> float:
        return plan_usage([e.action], self.view)[1]

    def spent(self) -> float:
        """Money the whole team has put into this week so far (shared, so every role sees
        the sum, though not what another role's hidden plan spends it on)."""
        return sum(self._cost(e) for e in self.entries if e.holds)

    def budget_left(self) -> float:
        return float(self.view["me"]["budget"]) - self.spent()

    # --- checks --------------------------------------------------------------------------------
    def _check(self, role: str, action: Action, *, skip: int | None = None,
               partner_free: str | None = None) -> str | None:
        """The rules' check of ``action`` for ``role``, against what ``role`` can see.

        The rules count days and money from the plan they are given; here each role's days
        and the team's money come from the whole week (hidden moves included) and the plan
        passed on holds only what ``role`` sees, so a refusal never reveals which hidden move
        took the money. ``partner_free`` is a partner whose days are not checked yet (a
        proposal: the partner decides when answering).
        """
        seen = [e for e in self.entries if e.holds and e.id != skip and self.sees(role, e)]
        plan = [e.action for e in seen]
        shown_days, shown_cost = plan_usage(plan, self.view)
        me = dict(self.view["me"])
        time = {}
        for r, total in self.view["me"]["time"].items():
            left = int(total) - self._days_used_except(r, skip)
            time[r] = left + shown_days.get(r, 0)
        if partner_free is not None:
            d = CATALOG[action.kind]
            time[partner_free] = max(time.get(partner_free, 0),
                                     d.days + shown_days.get(partner_free, 0))
        me["time"] = time
        others = sum(self._cost(e) for e in self.entries if e.holds and e.id != skip)
        me["budget"] = float(self.view["me"]["budget"]) - others + shown_cost
        return self.checker({**self.view, "me": me}, action, plan)

    def check(self, role: str, action: Action) -> str | None:
        """Why ``role`` could not plan ``action`` now, or None (nothing changes). An event
        answer is checked as replacing the team's current answer to that event."""
        why = self._open(role)
        if why is not None:
            return why
        if action.kind == "choose":
            old = next((e for e in self.entries
                        if e.is_choice and e.action.target == action.target), None)
            return self._check(role, action, skip=old.id if old else None)
        d = CATALOG.get(action.kind)
        if d is None:
            return "team.unknown_action"
        if role not in d.roles:
            return "team.not_your_role"
        partner = next((r for r in d.roles if r != role), None)
        waits = partner is not None and self.human(partner) and not self.same_seat(role, partner)
        return self._check(role, action, partner_free=partner if waits else None)

    def _days_used_except(self, role: str, skip: int | None) -> int:
        if skip is None:
            return self.days_used(role)
        e = self.entry(skip)
        used = self.days_used(role)
        if e is not None and not e.is_choice and (
                (e.owner == role and e.holds) or (e.partner == role and e.status == "accepted")):
            used -= self._days(e)
        return used

    def _open(self, role: str) -> str | None:
        if not self.human(role):
            return "team.not_played"
        if role in self.committed:
            return "team.committed"
        return None

    # --- changes -------------------------------------------------------------------------------
    def plan(self, role: str, action: Action) -> str | None:
        """``role`` plans ``action``: a move of its own, or a joint move proposed to the other
        role (agreed at once when the same seat or an AI teammate plays that role)."""
        if action.kind == "choose":
            return self.answer_event(role, action)
        why = self.check(role, action)
        if why is not None:
            return why
        partner = next((r for r in CATALOG[action.kind].roles if r != role), None)
        waits = partner is not None and self.human(partner) and not self.same_seat(role, partner)
        status: Status = "proposed" if waits else ("accepted" if partner else "planned")
        self._add(role, Entry(self._take_id(), action, role, partner, status))
        return None

    def answer_event(self, role: str, action: Action) -> str | None:
        """The team's answer to an event (any role may give it; a new answer replaces the
        old one, whoever gave it)."""
        why = self.check(role, action)
        if why is not None:
            return why
        old = next((e for e in self.entries if e.is_choice and e.action.target == action.target),
                   None)
        if old is not None:
            index = self.entries.index(old)
            self.entries[index] = replace(old, action=action, owner=role)
            self._log(role, _Undo(old.id, old, index))
            return None
        self._add(role, Entry(self._take_id(), action, role))
        return None

    def _owned(self, role: str, entry_id: int, not_owner: str
               ) -> tuple[Entry | None, str | None]:
        """The entry ``role`` may change as its owner (a move of its seat, or the team's
        answer to an event), or the key of why not (``not_owner`` for another's move)."""
        why = self._open(role)
        if why is not None:
            return None, why
        e = self.entry(entry_id)
        if e is None:
            return None, "team.no_such_move"
        if e.owner != role and not (e.is_choice or self.same_seat(e.owner, role)):
            return None, not_owner
        return e, None

    def withdraw(self, role: str, entry_id: int) -> str | None:
        """The owner takes back its move or proposal. A partner cannot: it declines."""
        e, why = self._owned(role, entry_id, "team.not_owner")
        if e is None:
            return why
        index = self.entries.index(e)
        del self.entries[index]
        self._log(role, _Undo(e.id, e, index))
        return None

    def earlier(self, role: str, entry_id: int) -> str | None:
        """The owner moves its move one place earlier in the week, before the move above it
        in what ``role`` sees. Order is part of the plan: a week resolves each vendor's moves
        in the order planned, taking turns with the rivals' (first moves first), so a move
        that must land before a rival's goes first. Event answers take effect before every
        move, so they have no place to change and are passed over. Refused only when the
        move is first already: whether the rules accept a week does not depend on its
        order (the days and money a week takes are sums, and a move never needs another
        planned before it in the same week; tests/play/test_team_week.py holds the rules
        to that)."""
        e, why = self._owned(role, entry_id, "team.not_owner_order")
        if e is None:
            return why
        if e.is_choice:
            return "team.answers_first"
        index = self.entries.index(e)
        above = next((i for i in range(index - 1, -1, -1) if self.sees(role, self.entries[i])
                      and not self.entries[i].is_choice), None)
        if above is None:
            return "team.first_already"
        self.entries.insert(above, self.entries.pop(index))
        self._log(role, _Undo(e.id, e, index))
        return None

    def accept(self, role: str, entry_id: int) -> str | None:
        """The partner agrees to a proposed joint move; its days are used from now on."""
        e = self.entry(entry_id)
        if e is None or e.partner != role:
            return "team.no_such_move"
        if not self.human(role):
            return "team.not_played"
        if e.status != "proposed":
            return "team.answered"
        why = self._check(role, e.action, skip=e.id)
        if why is not None:
            return why
        self._set(role, e, "accepted")
        return None

    def decline(self, role: str, entry_id: int) -> str | None:
        """The partner says no: the move will not happen and the owner's days come back."""
        e = self.entry(entry_id)
        if e is None or e.partner != role:
            return "team.no_such_move"
        if not self.human(role):
            return "team.not_played"
        if e.status != "proposed":
            return "team.answered"
        self._set(role, e, "declined")
        return None

    def undo(self, role: str) -> str | None:
        """Take back the last change made from ``role``'s seat this week (until it commits):
        one person playing every role undoes across roles, a hotseat player only their own.
        A move put back is checked again: the days or money may have gone elsewhere."""
        why = self._open(role)
        if why is not None:
            return why
        log = self._undo.get(self.seat(role))
        if not log:
            return "team.nothing_to_undo"
        step = log[-1]
        now = self.entry(step.entry_id)
        if now is not None:
            self.entries.remove(now)
        before = step.before
        if before is not None:
            self.entries.insert(min(step.index, len(self.entries)), before)
            if before.holds:
                free = before.partner if before.status == "proposed" else None
                why = self._check(role, before.action, skip=before.id, partner_free=free)
                if why is not None:
                    self.entries.remove(before)
                    if now is not None:
                        self.entries.insert(min(step.index, len(self.entries)), now)
                    return why
        log.pop()
        return None

    def commit(self, role: str) -> str | None:
        """``role`` is done for the week: its plan becomes visible to the team and fixed."""
        why = self._open(role)
        if why is not None:
            return why
        if self.awaiting(role):
            return "team.answer_first"
        self.committed.add(role)
        if all(r in self.committed for r in self.roles if self.same_seat(r, role)):
            self._undo.pop(self.seat(role), None)
        return None

    def reopen(self, role: str) -> str | None:
        """Take a commit back while the week is still open (a player changed their mind)."""
        if self.complete:
            return "team.week_done"
        self.committed.discard(role)
        return None

    # --- the week as a whole --------------------------------------------------------------------
    def waiting_for(self) -> str | None:
        """Who must act next: the first role that has not committed, else the first role a
        proposal waits for; None when the week's plan is complete."""
        for r in self.roles:
            if r not in self.committed:
                return r
        for r in self.roles:
            if self.awaiting(r):
                return r
        return None

    @property
    def complete(self) -> bool:
        return self.waiting_for() is None

    def actions(self) -> list[Action]:
        """The moves that count now (event answers, solo moves, agreed joint moves), in the
        order they were made. A proposal still unanswered does not count."""
        return [e.action for e in self.entries if e.active]

    def team_plan(self) -> list[Action]:
        """The whole team's plan, once every role has committed."""
        if not self.complete:
            raise ValueError(f"the week's plan is not complete: waiting for {self.waiting_for()}")
        return self.actions()

    def snapshot(self, role: str) -> dict[str, Any]:
        """What ``role`` may know of the week, as plain data (a network frame, a test)."""
        return {
            "role": role,
            "entries": [e.to_dict() for e in self.visible(role)],
            "awaiting": [e.id for e in self.awaiting(role)],
            "days_left": self.days_left(role),
            "budget_left": self.budget_left(),
            "committed": sorted(self.committed),
            "waiting_for": self.waiting_for(),
        }

    # --- saving --------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {"seats": dict(self.seats), "entries": [e.to_dict() for e in self.entries],
                "committed": sorted(self.committed), "next_id": self._next_id}

    @classmethod
    def from_dict(cls, view: dict[str, Any], data: Mapping[str, Any]) -> TeamWeek:
        entries = [Entry.from_dict(d) for d in data.get("entries", [])]
        next_id = max([int(data.get("next_id", 1)), *(e.id + 1 for e in entries)])
        return cls(view, dict(data.get("seats", {})), entries, set(data.get("committed", [])),
                   _next_id=next_id)

    # --- bookkeeping ------------------------------------------------------------------------------
    def _take_id(self) -> int:
        self._next_id += 1
        return self._next_id - 1

    def _add(self, role: str, entry: Entry) -> None:
        self.entries.append(entry)
        self._log(role, _Undo(entry.id, None, len(self.entries) - 1))

    def _set(self, role: str, entry: Entry, status: Status) -> None:
        index = self.entries.index(entry)
        self.entries[index] = replace(entry, status=status)
        self._log(role, _Undo(entry.id, entry, index))

    def seat(self, role: str) -> str:
        """The seat that plays ``role`` (an AI teammate's role is its own seat)."""
        return self.seats.get(role, role)

    def _log(self, role: str, step: _Undo) -> None:
        self._undo.setdefault(self.seat(role), []).append(step)

    def can_undo(self, role: str) -> bool:
        return bool(self._undo.get(self.seat(role))) and role not in self.committed
