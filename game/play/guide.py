"""The guided first deal's steps: one concept at a time, each with a goal the player must
reach before the next step opens. The texts and goals are data (``guide_steps.json``), so
they can be re-worded when the rules change; a goal is checked from the team's own view,
never from the game state. Pure Python: the board shows it, a workshop seat could too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from game.core.actions import CATALOG

#: with the language files, so it ships in the package as they do
STEPS_FILE = Path(__file__).resolve().parents[1] / "i18n" / "guide_steps.json"
JOINT = frozenset(k for k, d in CATALOG.items() if d.joint)


@cache
def guide() -> dict[str, Any]:
    return json.loads(STEPS_FILE.read_text(encoding="utf-8"))


def _ours(view: dict[str, Any], e: dict[str, Any]) -> bool:
    return e.get("vendor") == view["vendor"] and not e.get("event")


def reached(check: dict[str, Any], view: dict[str, Any]) -> bool:
    """Whether a step's goal holds in ``view`` (kinds as named in guide_steps.json)."""
    kind = check["kind"]
    people = view["people"]
    if kind == "badge":
        return any(check["badge"] in p.get("key", ()) for p in people)
    if kind == "introduced":
        return any("KDM" in p.get("key", ()) and p["introduced"] for p in people)
    if kind == "contact":
        return any(p["contact_level"] >= check["at_least"] for p in people)
    if kind == "motive":
        return any(p.get("position_motive") or p.get("personal_motive") for p in people)
    if kind == "elements":
        return sum(1 for f in view["me"]["facts"] if f.startswith("el_")) >= check["at_least"]
    if kind == "c931":
        return view["health"]["c"] >= check["clear"]
    if kind == "joint_done":
        return any(_ours(view, e) and e.get("kind") in JOINT for e in view.get("log", []))
    if kind == "bid":
        return bool(view["me"].get("bid")) or any(
            _ours(view, e) and e.get("kind") == "submit_bid" for e in view.get("log", []))
    raise ValueError(f"unknown goal kind {kind!r} in {STEPS_FILE.name}")


@dataclass
class Tutorial:
    """Where the player is in the guide; ``update`` moves on when the current goal holds."""

    step: int = 0
    done: list[str] = field(default_factory=list)

    @property
    def steps(self) -> list[dict[str, Any]]:
        return list(guide()["steps"])

    @property
    def finished(self) -> bool:
        return self.step >= len(self.steps)

    @property
    def current(self) -> dict[str, Any] | None:
        return None if self.finished else self.steps[self.step]

    def update(self, view: dict[str, Any]) -> list[dict[str, Any]]:
        """The steps completed now, in order (a goal reached early counts once its turn
        comes: the guide never skips a step it has not shown)."""
        out = []
        while (cur := self.current) is not None and reached(cur["check"], view):
            self.done.append(cur["id"])
            self.step += 1
            out.append(cur)
        return out


def guide_path(scenarios_dir: Path) -> Path:
    """The guided deal's scenario file in a scenarios folder (``tutorial/`` in it)."""
    return scenarios_dir / guide()["file"]


def applies(scenario_id: str) -> bool:
    return scenario_id == guide()["scenario"]
