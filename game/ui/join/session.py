"""The board's session for a workshop seat: the same questions a local game answers, from the
host's frames instead of an engine.

The board, the coach, the event dialogs and the week's summary ask a ``Session`` for the
team's view, its week in the making and what a move would cost; here the view is the seat's
snapshot and the week is the mirror of the host's desk (``RemoteSeat``), so the same scenes
play a workshop seat unchanged. Moves go to the host; the week ends on the host when every
seat has committed (or the trainer or the clock ends it), so "end week" commits and waits.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from game.core.actions import Action
from game.play.team_week import TeamWeek
from game.ui.session import Session
from game.ui.setup import ROLES

if TYPE_CHECKING:
    from game.ui.join.link import TeamLink


def _ns(x: Any) -> Any:
    """Plain data as attributes (the dialogs read scenario objects)."""
    if isinstance(x, dict):
        return SimpleNamespace(**{k: _ns(v) for k, v in x.items()})
    if isinstance(x, list):
        return [_ns(v) for v in x]
    return x


class RemoteState:
    """What the scenes read from ``session.state`` in a workshop: the scenario's id and the
    answers' authored effects of the events waiting for the team, and whether it is over."""

    def __init__(self, link: TeamLink) -> None:
        self._link = link

    @property
    def over(self) -> bool:
        return self._link.seat.status == "over"

    @property
    def spec(self) -> Any:
        snap = self._link.seat.snapshot or {}
        view = snap.get("view") or {}
        events = [{"id": eid, "choices": [{"id": cid, "effects": effects}
                                          for cid, effects in answers.items()]}
                  for eid, answers in (snap.get("choices") or {}).items()]
        return _ns({"id": (view.get("scenario") or {}).get("id", ""), "events": events})


class NetSession(Session):
    """A workshop seat as the board's session (see the module docstring)."""

    resolve_scene = "workshop_wait"
    can_save = False

    def __init__(self, link: TeamLink) -> None:  # noqa: D107 - not the dataclass's fields
        self.link = link
        self.state = RemoteState(link)  # type: ignore[assignment]
        self.last_report = None
        self.before = None
        self.pending_before: dict[str, Any] | None = None  # the view before the week resolved
        self.game_id = "workshop"
        self._view = None
        self._week = None
        self.tutorial = None
        self.players = {}
        self._agents = {}

    # --- what the seat sees --------------------------------------------------------------------
    @property
    def team(self) -> str:  # type: ignore[override]
        return str(self.link.seat.seat["team"])

    @property
    def setup(self) -> Any:  # type: ignore[override]
        roles = self.link.seat.roles
        return SimpleNamespace(mode="solo", seed=0, humans={r: r in roles for r in ROLES},
                               scenario_path="", scenario_id=self.state.spec.id,
                               options=lambda: {})

    @property
    def view(self) -> dict[str, Any]:  # type: ignore[override]
        if self.pending_before is not None:  # the summary compares the week before
            return self.pending_before
        return self.link.seat.view

    def refresh(self) -> None:
        """Nothing to rebuild: the host sends the view."""

    def vendors_in_game(self) -> int:
        """A seat knows the vendors its view shows (the host does not send the setup)."""
        return 1 + len(self.view["rivals"])

    @property
    def week(self) -> TeamWeek:  # type: ignore[override]
        week = self.link.seat.week
        assert week is not None, "no desk yet"
        return week

    @property
    def human_roles(self) -> list[str]:  # type: ignore[override]
        return list(self.link.seat.roles)

    def teammate(self, role: str) -> str | None:
        return self.link.seat.teammate(role)

    @property
    def ai_roles(self) -> list[str]:  # type: ignore[override]
        """Roles the AI teammate plays (nobody at any laptop)."""
        seated = set(self.link.seat.desk.get("roles") or [])
        return [r for r in ROLES if r not in seated]

    # --- changes go to the host ---------------------------------------------------------------
    def add(self, action: Action, role: str | None = None) -> str | None:
        return self.link.seat.plan(role or self.acting_role(action), action)

    def withdraw(self, entry_id: int, role: str | None = None) -> str | None:
        e = self.week.entry(entry_id)
        if e is None:
            return "team.no_such_move"
        return self.link.seat.withdraw(role or e.owner, entry_id)

    def earlier(self, entry_id: int, role: str | None = None) -> str | None:
        e = self.week.entry(entry_id)
        if e is None:
            return "team.no_such_move"
        return self.link.seat.earlier(role or e.owner, entry_id)

    def answer(self, entry_id: int, yes: bool) -> str | None:
        e = self.week.entry(entry_id)
        if e is None or e.partner is None:
            return "team.no_such_move"
        seat = self.link.seat
        return (seat.accept if yes else seat.decline)(e.partner, entry_id)

    def undo(self, role: str | None = None) -> bool:
        r = role or (self.human_roles or list(ROLES))[0]
        return self.link.seat.undo(r) is None

    def can_undo(self, role: str | None = None) -> bool:
        return self.link.seat.can_undo()

    def ai_fill(self) -> list[Action]:
        """The AI teammate decides on the host when the week ends, around the people's
        moves: nothing to show before."""
        return []

    def team_plan(self) -> tuple[list[Action], list[str | None]]:
        plan = list(self.plan)
        return plan, [None] * len(plan)

    # --- the week's end happens on the host ---------------------------------------------------
    def end_week(self) -> dict[str, Any]:
        """The week the host resolved: its report (our moves and public events only); the
        view before it becomes ``before`` for the summary and the MPC review."""
        self.before = self.pending_before or self.link.seat.view
        self.pending_before = None
        snap = self.link.seat.snapshot or {}
        report = snap.get("report") or {"week": self.before["week"], "entries": [],
                                        "moved": [], "events": []}
        self.last_report = report
        return report

    def leave(self) -> None:
        """The player left for the main menu: close the connection (the console shows the
        seat away; joining again with this laptop's saved seat comes back to it)."""
        self.link.leave()

    def autosave(self, data_dir: Any, language: str | None = None) -> Any:
        """The host keeps the workshop's game (its autosave and session log)."""
        return None

    def save(self, path: Any, language: str | None = None) -> None:
        raise OSError("a workshop's game is saved on the trainer's laptop")
