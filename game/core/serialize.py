"""GameState <-> plain JSON-ready dicts (format-versioned); pure, no file access.

Saves embed the scenario itself so a save opens and reports even if the YAML has changed.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from game.core.state import GameState, Person, Relation, Vendor
from game.scenario.models import ScenarioSpec

SAVE_FORMAT = 2  # 2: the rules of "method beats money" (contested preference, access, ...)
# The state's fields in the order saves list them (the scenario first, when embedded).
FIELDS = ("seed", "rng", "week", "calendar", "budget", "need_weights", "criteria",
          "first_payment_max", "first_payment_min", "shelve_risk", "people", "vendors",
          "relations", "fired", "pending", "tender", "award", "contract", "outcome", "log",
          "plans", "history", "need_raw", "world_rng", "rumours", "replaced")


class SaveFormatError(ValueError):
    """A save that is not ours, or from a format this version cannot read."""


def state_to_dict(state: GameState, with_spec: bool = True) -> dict[str, Any]:
    d: dict[str, Any] = {"format": SAVE_FORMAT}
    if with_spec:
        d["spec"] = state.spec.model_dump(mode="json")
    for name in FIELDS:
        if name == "people":
            val: Any = {k: p.to_dict() for k, p in state.people.items()}
        elif name == "vendors":
            val = {k: v.to_dict() for k, v in state.vendors.items()}
        elif name == "relations":
            val = {k: {pid: r.to_dict() for pid, r in rels.items()}
                   for k, rels in state.relations.items()}
        elif name == "rng":
            val = state.rng
        elif name == "world_rng":
            val = state.world_rng
        else:
            val = getattr(state, name)
        d[name] = val
    return json.loads(json.dumps(d))


def state_from_dict(d: dict[str, Any], spec: ScenarioSpec | None = None) -> GameState:
    if not isinstance(d, dict) or d.get("format") != SAVE_FORMAT:
        found = d.get("format") if isinstance(d, dict) else type(d).__name__
        raise SaveFormatError(f"unsupported save format {found!r}")
    spec = spec or ScenarioSpec.model_validate(d["spec"])
    kw: dict[str, Any] = {name: d[name] for name in FIELDS}
    kw["people"] = {
        k: Person(**{**p, "sways": [tuple(s) for s in p["sways"]]})
        for k, p in d["people"].items()
    }
    kw["vendors"] = {
        k: Vendor(**{**v, "stage_weeks": {int(s): w for s, w in v["stage_weeks"].items()}})
        for k, v in d["vendors"].items()
    }
    kw["relations"] = {
        k: {pid: Relation(**r) for pid, r in rels.items()} for k, rels in d["relations"].items()
    }
    turn = len(kw["plans"])
    state = GameState(spec=spec, **kw)
    state.turn_id = turn
    return state


def state_hash(state: GameState) -> str:
    """A stable digest of everything that changes during play (the scenario excluded)."""
    blob = json.dumps(state_to_dict(state, with_spec=False), sort_keys=True,
                      separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()
