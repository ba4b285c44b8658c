"""A team's seat as a window sees it across the room: the host's frames kept up to date, and
the team's week mirrored so the board answers a click at once.

The host is the authority. Every change a player makes is checked here first against a
mirror of the team's week (``TeamWeek`` built from the seat's desk frame, with the money that
teammates' hidden moves hold taken off the budget), so the board shows the result or the
reason at once; the same change goes to the host as one ``move`` message, and the host's desk
frame that follows replaces the mirror. A refusal from the host (a teammate spent the money a
moment earlier) comes back with its reason and a fresh desk. No sockets here: ``send`` is
given by the connection, so the model is tested without a network.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.core.actions import Action
from game.play.team_week import TeamWeek

Send = Callable[[dict[str, Any]], None]


class MirrorWeek(TeamWeek):
    """The week as this seat knows it: teammates' hidden moves are only a count (and the
    money they hold, taken off the budget)."""

    hidden: int = 0
    mine: tuple[str, ...] = ()  # the roles this seat plays: it acts for no other

    def hidden_from(self, role: str) -> int:
        return self.hidden

    def _open(self, role: str) -> str | None:
        if role not in self.mine:
            return "team.not_your_role"
        return super()._open(role)

    def accept(self, role: str, entry_id: int) -> str | None:
        return self._open(role) if role not in self.mine else super().accept(role, entry_id)

    def decline(self, role: str, entry_id: int) -> str | None:
        return self._open(role) if role not in self.mine else super().decline(role, entry_id)


def mirror_week(view: dict[str, Any], desk: dict[str, Any]) -> MirrorWeek:
    """The team's week as this seat may know it, able to check a move as the host will."""
    seat = "team" if desk.get("mode") == "team" else None
    seats = {r: (seat or r) for r in desk.get("roles", [])}
    me = dict(view["me"])
    me["budget"] = float(view["me"]["budget"]) - float(desk.get("hidden_cost", 0.0))
    data = {"seats": seats, "entries": desk.get("entries", []),
            "committed": desk.get("committed", []),
            "next_id": max([0, *(int(e["id"]) for e in desk.get("entries", []))]) + 1}
    base = TeamWeek.from_dict({**view, "me": me}, data)
    week = MirrorWeek(base.view, base.seats, base.entries, base.committed,
                      _next_id=base._next_id)
    week.hidden = int(desk.get("hidden", 0))
    week.mine = tuple(desk.get("mine") or ())
    return week


class RemoteSeat:
    """One seat's picture of the workshop, from the host's messages (see the module doc)."""

    def __init__(self, send: Send) -> None:
        self.send = send
        self.snapshot: dict[str, Any] | None = None
        self.week: MirrorWeek | None = None
        self.notices: list[dict[str, Any]] = []
        self.refusal: dict[str, Any] | None = None  # the host's last refusal of a move
        self.final: str | None = None  # the finished game, as a save file's text
        self.version = 0  # goes up on every change a window should redraw for
        self.new_week = False  # a snapshot of a new state arrived (the week resolved ...)
        self._can_undo = False

    # --- what the host sent ------------------------------------------------------------------
    def receive(self, msg: dict[str, Any]) -> None:
        kind = msg.get("type")
        if kind == "snapshot":
            old = self.snapshot["stamp"] if self.snapshot else None
            self.snapshot = msg
            self.notices = list(msg.get("notices") or [])
            self._desk(msg["desk"])
            if old is not None and msg["stamp"] != old:
                self.new_week = True
        elif self.snapshot is None:
            if kind == "final":
                self.final = msg["save"]
            return
        elif kind == "desk" and msg.get("stamp") == self.snapshot["stamp"]:
            self.snapshot["desk"] = msg["desk"]
            self._desk(msg["desk"])
        elif kind == "round":
            self.snapshot["round"] = {k: v for k, v in msg.items() if k not in ("v", "type")}
        elif kind == "presence":
            self.snapshot["presence"] = msg
        elif kind == "notice":
            self.notices.append({k: v for k, v in msg.items() if k not in ("v", "type")})
        elif kind == "final":
            self.final = msg["save"]
        elif kind == "refused" and str(msg.get("code", "")).startswith(("plan/", "week/",
                                                                         "seat/")):
            self.refusal = msg
        else:
            return
        self.version += 1

    def _desk(self, desk: dict[str, Any]) -> None:
        assert self.snapshot is not None
        self.week = mirror_week(self.snapshot["view"], desk)
        self._can_undo = bool(desk.get("can_undo"))

    # --- reading -----------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        return self.snapshot is not None

    @property
    def stamp(self) -> int:
        assert self.snapshot is not None
        return int(self.snapshot["stamp"])

    @property
    def view(self) -> dict[str, Any]:
        assert self.snapshot is not None
        return self.snapshot["view"]

    @property
    def desk(self) -> dict[str, Any]:
        assert self.snapshot is not None
        return self.snapshot["desk"]

    @property
    def status(self) -> str:
        return self.snapshot["round"]["status"] if self.snapshot else "connecting"

    @property
    def seat(self) -> dict[str, Any]:
        assert self.snapshot is not None
        return self.snapshot["seat"]

    @property
    def roles(self) -> list[str]:
        """The roles this seat plans (a one-laptop seat: every role people play)."""
        return list(self.desk.get("mine") or [])

    def teammate(self, role: str) -> str | None:
        """The person playing ``role`` on another laptop (None: the AI, or this seat)."""
        if self.snapshot is None or role in self.roles:
            return None
        for s in self.snapshot["presence"].get("seats", []):
            if s["role"] == role and not (s["absent"] or s["cover"]):
                return str(s["name"])
        return None

    def can_undo(self) -> bool:
        return self._can_undo and bool(self.roles) and not self.desk.get("done")

    # --- changes (checked on the mirror, carried out by the host) -----------------------------
    def _go(self, op: str, role: str | None = None, action: Action | None = None,
            entry: int | None = None) -> None:
        msg: dict[str, Any] = {"type": "move", "stamp": self.stamp, "op": op}
        if role is not None and self.seat["role"] == "team":
            msg["role"] = role
        if action is not None:
            msg["action"] = action.to_dict()
        if entry is not None:
            msg["entry"] = entry
        self.refusal = None
        self.send(msg)
        self.version += 1

    def plan(self, role: str, action: Action) -> str | None:
        assert self.week is not None
        why = self.week.plan(role, action)
        if why is None:
            self._go("answer" if action.kind == "choose" else "plan", role, action)
        return why

    def _entry_change(self, op: str, role: str, entry_id: int) -> str | None:
        """A change to one entry (withdraw, earlier, accept, decline): checked on the
        mirror, carried out by the host."""
        assert self.week is not None
        why = getattr(self.week, op)(role, entry_id)
        if why is None:
            self._go(op, role, entry=entry_id)
        return why

    def withdraw(self, role: str, entry_id: int) -> str | None:
        return self._entry_change("withdraw", role, entry_id)

    def earlier(self, role: str, entry_id: int) -> str | None:
        return self._entry_change("earlier", role, entry_id)

    def accept(self, role: str, entry_id: int) -> str | None:
        return self._entry_change("accept", role, entry_id)

    def decline(self, role: str, entry_id: int) -> str | None:
        return self._entry_change("decline", role, entry_id)

    def undo(self, role: str) -> str | None:
        """Undo goes to the host (it keeps the seat's history); the desk follows."""
        if not self.can_undo():
            return "team.nothing_to_undo"
        self._go("undo", role)
        return None

    def commit(self) -> None:
        self.refusal = None
        self.send({"type": "commit", "stamp": self.stamp})

    def reopen(self) -> None:
        self.send({"type": "reopen", "stamp": self.stamp})
