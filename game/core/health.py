"""C931 deal health (9 Clear, 3 First, 1 Win) and the forecast win probability.

Computed from the real state every week. The forecast is a vendor's share of the field's
strength, strength = exp(0.3 C + 1.55 F + 0.8 W): First and Win are relative, so only the
field can say what a position is worth. Against three rivals at "8 C, 0 F, 0 W", a vendor at
"8 C, 1 F, 0 W" stands at 60%, the training material's rule of thumb; the balance runner
checks the calibration against simulated outcomes.
"""

from __future__ import annotations

import math
from typing import Any

from game.core.resolve import projected_scores
from game.core.state import GameState, Vendor

C_KEYS = (
    "c_process", "c_procurement", "c_org", "c_decision", "c_need",
    "c_budget", "c_competitors", "c_swot", "c_strategy",
)
F_KEYS = ("f_overall", "f_value", "f_relationship")
W_KEYS = ("w_kdm",)


TYPICAL_RIVAL = (8, 0, 0)
NO_DEAL = (4, 0, 0)  # the customer's option of not signing, when nobody else is left


def strength(c: int, f: int, w: int) -> float:
    return math.exp(0.3 * c + 1.55 * f + 0.8 * w)


def forecast(c: int, f: int, w: int,
             field: list[tuple[int, int, int]] | None = None) -> float:
    """Win probability as a share of the field (default: three typical rivals)."""
    rivals = [TYPICAL_RIVAL] * 3 if field is None else (field or [NO_DEAL])
    mine = strength(c, f, w)
    return mine / (mine + sum(strength(*r) for r in rivals))


class _People:
    """Facts about the buying centre that every vendor's health reads, computed once."""

    def __init__(self, state: GameState) -> None:
        people = list(state.people.values())
        self.n = len(people)
        self.kdm = [p.id for p in people if "KDM" in p.key]
        self.ki = [p.id for p in people if "KI" in p.key]
        self.ku = {p.id for p in people if "KU" in p.key}
        self.influence = [(p.id, p.influence) for p in people]


def _clear(state: GameState, v: Vendor, pp: _People) -> dict[str, bool]:
    rels = state.relations[v.id]
    facts = v.facts
    n = pp.n
    roles_known = needs_known = 0
    ku_need = False
    for pid, r in rels.items():
        roles_known += r.known_roles
        if r.known_needs:
            needs_known += 1
            ku_need = ku_need or pid in pp.ku
    c_need = needs_known >= 0.5 * n and ku_need
    c_comp = "competitors_known" in facts
    return {
        "c_process": "pursue" in facts and "profiled" in facts,
        "c_procurement": "process_known" in facts or "el_timeline" in facts,
        "c_org": "org_mapped" in facts or roles_known >= 0.7 * n,
        "c_decision": "kdm_met" in facts and "criteria_known" in facts,
        "c_need": c_need,
        "c_budget": "el_budget" in facts,
        "c_competitors": c_comp,
        "c_swot": c_comp and c_need,
        "c_strategy": any(rels[p].known_position for p in pp.kdm)
        and any(rels[p].known_position or rels[p].known_personal for p in pp.ki),
    }


def _scores(state: GameState, pp: _People) -> dict[str, dict[str, float]]:
    """Per vendor still in the race: projected tender total, merit (the score without support),
    relationship strength, and the KDM's support."""
    out: dict[str, dict[str, float]] = {}
    projected = projected_scores(state)
    for vid, (total, merit) in projected.items():
        rels = state.relations[vid]
        rel = 0.0
        for pid, infl in pp.influence:
            r = rels[pid]
            rel += infl * r.trust * (1 + 0.25 * r.contact)
        kdm = max((rels[pid].support for pid in pp.kdm), default=0.0)
        out[vid] = {"dec": total, "value": merit, "rel": rel, "kdm": kdm}
    return out


def c931_all(state: GameState) -> dict[str, dict[str, Any]]:
    pp = _People(state)
    scores = _scores(state, pp)
    kdm_contact = {
        vid: max((state.relations[vid][pid].contact for pid in pp.kdm), default=0)
        for vid in state.vendors
    }
    out: dict[str, dict[str, Any]] = {}
    for v in state.vendors.values():
        clear = _clear(state, v, pp)
        s = scores.get(v.id)
        others = [o for k, o in scores.items() if k != v.id]
        if s is None:
            first = {k: False for k in F_KEYS}
            win = False
        else:
            first = {
                "f_overall": all(s["dec"] > o["dec"] for o in others),
                "f_value": all(s["value"] > o["value"] for o in others),
                "f_relationship": all(s["rel"] > o["rel"] for o in others),
            }
            win = (s["kdm"] >= 0.5 and kdm_contact[v.id] >= 2
                   and all(s["kdm"] >= o["kdm"] + 0.2 for o in others))
        c, f, w = sum(clear.values()), sum(first.values()), int(win)
        out[v.id] = {
            "clear": clear, "first": first, "win": {"w_kdm": win},
            "c": c, "f": f, "w": w, "forecast": 0.0,
        }
    racing = [vid for vid in scores]
    strengths = {vid: strength(out[vid]["c"], out[vid]["f"], out[vid]["w"]) for vid in racing}
    for vid, h in out.items():
        v = state.vendors[vid]
        if v.status in ("won", "shelved"):
            fc = 1.0
        elif vid not in scores:
            fc = 0.0
        else:
            mine = strengths[vid]
            rivals = [strengths[o] for o in racing if o != vid] or [strength(*NO_DEAL)]
            fc = mine / (mine + sum(rivals))
        h["forecast"] = round(fc, 4)
    return out


def c931(state: GameState, vendor: str) -> dict[str, Any]:
    """One vendor's health, computed once per turn for all vendors (views ask often)."""
    turn = len(state.plans)
    cached = state.cache.get("health")
    if cached is None or cached[0] != turn:
        cached = (turn, c931_all(state))
        state.cache["health"] = cached
    return cached[1][vendor]
