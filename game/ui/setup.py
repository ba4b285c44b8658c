"""What the new-game screen produces: the choices that start a game (no pygame here)."""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from game.scenario.models import Difficulty, Playbook, ScenarioSpec
from game.ui.catalog import rival_vendors, team_vendor

ROLES: tuple[str, ...] = ("rep", "presales", "pm", "exec")
Mode = Literal["solo", "team"]
MAX_SEED = 999_999


@dataclass
class RivalChoice:
    vendor_id: str
    enabled: bool = True
    playbook: str = Playbook.basic.value
    difficulty: str = Difficulty.normal.value


@dataclass
class GameSetup:
    scenario_path: str
    scenario_id: str
    mode: Mode = "solo"
    humans: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(ROLES, True))
    rivals: list[RivalChoice] = field(default_factory=list)
    seed: int = 1

    @classmethod
    def default_for(
        cls, spec: ScenarioSpec, path: Path | str, mode: Mode = "solo", seed: int | None = None
    ) -> GameSetup:
        rivals = [
            RivalChoice(v.id, True, v.playbook.value, v.difficulty.value)
            for v in rival_vendors(spec)
        ]
        return cls(
            scenario_path=str(path),
            scenario_id=spec.id,
            mode=mode,
            rivals=rivals,
            seed=seed if seed is not None else random.randint(1, MAX_SEED),
        )

    @property
    def rival_count(self) -> int:
        return sum(1 for r in self.rivals if r.enabled)

    def set_rival_count(self, count: int) -> None:
        """Enable the first ``count`` rivals (at least one when any exist)."""
        count = max(1 if self.rivals else 0, min(count, len(self.rivals)))
        for index, rival in enumerate(self.rivals):
            rival.enabled = index < count

    def toggle_human(self, role: str) -> None:
        """Flip a role between human and AI; at least one role always stays human."""
        if role not in self.humans:
            raise KeyError(role)
        if self.humans[role] and sum(self.humans.values()) == 1:
            return
        self.humans[role] = not self.humans[role]

    def human_roles(self) -> list[str]:
        return [r for r in ROLES if self.humans.get(r)]

    def problems(self) -> list[str]:
        """i18n keys of what stops this setup from starting; empty when it can start."""
        issues: list[str] = []
        if not self.human_roles():
            issues.append("ui.new_game.problem.no_human")
        if not 0 <= self.seed <= 2**31 - 1:
            issues.append("ui.new_game.problem.seed")
        if self.rivals and not self.rival_count:
            issues.append("ui.new_game.problem.no_rival")
        return issues

    def options(self) -> dict[str, Any]:
        """JSON-ready options for the engine's ``new_game(spec, seed, options)``."""
        data = asdict(self)
        data["rivals"] = [asdict(r) for r in self.rivals if r.enabled]
        data["human_roles"] = self.human_roles()
        data["ai_roles"] = [r for r in ROLES if not self.humans.get(r)]
        return data


def parse_seed(text: str) -> int | None:
    """A seed typed by the player: digits only, 0 .. 2**31-1; None when invalid."""
    text = text.strip()
    if not text.isdigit() or len(text) > 10:
        return None
    value = int(text)
    return value if value <= 2**31 - 1 else None


def team_name(spec: ScenarioSpec) -> Any:
    return team_vendor(spec).name
