"""GameState <-> plain JSON-ready dicts (format-versioned); pure, no file access.

Saves embed the scenario itself so a save opens and reports even if the YAML has changed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, fields
from typing import Any

from game.core.state import GameState, Person, Relation, Vendor
from game.scenario.models import ScenarioSpec

SAVE_FORMAT = 1


class SaveFormatError(ValueError):
    """A save that is not ours, or from a format this version cannot read."""


def _vendor(v: Vendor) -> dict[str, Any]:
    d = asdict(v)
    d["facts"] = sorted(v.facts)
    d["stage_weeks"] = {str(k): w for k, w in v.stage_weeks.items()}
    return d


def state_to_dict(state: GameState, with_spec: bool = True) -> dict[str, Any]:
    d: dict[str, Any] = {"format": SAVE_FORMAT}
    for f in fields(GameState):
        name = f.name
        val = getattr(state, name)
        if name == "cache":
            continue
        if name == "spec":
            if with_spec:
                d["spec"] = state.spec.model_dump(mode="json")
            continue
        if name == "people":
            val = {k: asdict(p) for k, p in val.items()}
        elif name == "vendors":
            val = {k: _vendor(v) for k, v in val.items()}
        elif name == "relations":
            val = {k: {pid: asdict(r) for pid, r in rels.items()} for k, rels in val.items()}
        d[name] = val
    return json.loads(json.dumps(d))


def state_from_dict(d: dict[str, Any], spec: ScenarioSpec | None = None) -> GameState:
    if not isinstance(d, dict) or d.get("format") != SAVE_FORMAT:
        found = d.get("format") if isinstance(d, dict) else type(d).__name__
        raise SaveFormatError(f"unsupported save format {found!r}")
    spec = spec or ScenarioSpec.model_validate(d["spec"])
    kw: dict[str, Any] = {}
    for f in fields(GameState):
        if f.name in ("spec", "cache"):
            continue
        kw[f.name] = d[f.name]
    kw["people"] = {
        k: Person(**{**p, "sways": [tuple(s) for s in p["sways"]]})
        for k, p in d["people"].items()
    }
    kw["vendors"] = {
        k: Vendor(**{**v, "facts": set(v["facts"]),
                     "stage_weeks": {int(s): w for s, w in v["stage_weeks"].items()}})
        for k, v in d["vendors"].items()
    }
    kw["relations"] = {
        k: {pid: Relation(**r) for pid, r in rels.items()} for k, rels in d["relations"].items()
    }
    return GameState(spec=spec, **kw)


def state_hash(state: GameState) -> str:
    """A stable digest of everything that changes during play (the scenario excluded)."""
    blob = json.dumps(state_to_dict(state, with_spec=False), sort_keys=True,
                      separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()
