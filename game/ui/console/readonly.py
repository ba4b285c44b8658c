"""A team's board as the trainer looks at it from the console: the team's own view and its
week in the making (every role's moves, committed or not), and no way to change anything."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from game.core.actions import Action
from game.play.team_week import TeamWeek
from game.ui.session import Session
from game.ui.setup import ROLES

READ_ONLY = "ui.console.read_only"


class ReadOnlySession(Session):
    """The board's session for the drill-down (see the module docstring). "End week" on
    this board goes back to the console."""

    resolve_scene = ""  # the board returns to the console instead of ending anything
    can_save = False

    def __init__(self, ws: Any, vendor: str) -> None:  # noqa: D107 - not the dataclass's
        self.ws, self.vendor = ws, vendor
        self.state = ws.state
        self.last_report = ws.reports.get(vendor)
        self.before = None
        self.game_id = ws.game_id
        self.tutorial = None
        self.players = {}
        self._agents = {}
        self._view = None
        self._week = None

    @property
    def team(self) -> str:  # type: ignore[override]
        return self.vendor

    @property
    def setup(self) -> Any:  # type: ignore[override]
        return SimpleNamespace(mode="solo", seed=self.ws.seed, humans=dict.fromkeys(ROLES, True),
                               scenario_path="", scenario_id=self.ws.base_spec.id,
                               options=lambda: {})

    @property
    def view(self) -> dict[str, Any]:  # type: ignore[override]
        return self.ws.seat_view(self.vendor)

    def refresh(self) -> None:
        """The view is the host's."""

    @property
    def week(self) -> TeamWeek:  # type: ignore[override]
        desk = self.ws.desks.get(self.vendor)
        data = desk.week.to_dict() if desk is not None else {}
        data["seats"] = dict.fromkeys(ROLES, "trainer")  # the trainer sees every move
        return TeamWeek.from_dict(self.view, data)

    def add(self, action: Action, role: str | None = None) -> str | None:
        return READ_ONLY

    def withdraw(self, entry_id: int, role: str | None = None) -> str | None:
        return READ_ONLY

    def earlier(self, entry_id: int, role: str | None = None) -> str | None:
        return READ_ONLY

    def answer(self, entry_id: int, yes: bool) -> str | None:
        return READ_ONLY

    def undo(self, role: str | None = None) -> bool:
        return False

    def can_undo(self, role: str | None = None) -> bool:
        return False

    def ai_fill(self) -> list[Action]:
        return []

    def autosave(self, data_dir: Any, language: str | None = None) -> Any:
        return None
