"""What one vendor knows: `view(state, vendor)`; what the trainer sees: `trainer_view(state)`.

A view is a JSON-ready dict built by copying in only what the vendor has learned, so a
secret is absent rather than hidden: undiscovered motives, rivals' relations, budgets,
facts and bids (until opened) never enter it. The UI, the AI and the coach see nothing else.
"""

from __future__ import annotations

import copy
from typing import Any

from game.core.health import c931
from game.core.stages import checklist
from game.core.state import CONTACT_LEVELS, GameState, Relation, Vendor

PUBLIC_VENDOR_KEYS = (
    "id", "name", "product", "brand", "references", "active", "status",
    "stage_estimate", "estimate_week", "bid_price",
)


def _people(state: GameState, rels: dict[str, Relation], phase: str) -> list[dict[str, Any]]:
    """Every person as the vendor knows them: what never changes for a person in a seat
    (names, roles, sways, needs, traits) is built once per game and shared by the views."""
    store = state.lasting()
    out = []
    for p in state.people.values():
        key = ("person", p.id, p.generation)
        fixed = store.get(key)
        if fixed is None:
            fixed = store[key] = (
                {"id": p.id, "name": p.name, "title": p.title, "department": p.department,
                 "senior": p.senior, "generation": p.generation},
                {"roles": list(p.roles), "key": list(p.key), "influence": p.influence},
                [{"who": who, "strength": k} for who, k in p.sways],
                {"cares_about": list(p.cares_about), "traits": list(p.traits)},
            )
        base, roles, sways, needs = fixed
        r = rels[p.id]
        d = base.copy()
        d["support"] = r.support
        d["trust"] = r.trust
        d["contact"] = CONTACT_LEVELS[r.contact]
        d["contact_level"] = r.contact
        d["last_touch"] = r.last_touch
        if r.known_roles:
            d.update(roles)
            d["participation_now"] = p.participation[phase]
            d["sways"] = sways
        if r.known_needs:
            d.update(needs)
        if r.known_position:
            d["position_motive"] = p.position_motive
        if r.known_personal:
            d["personal_motive"] = p.personal_motive
        out.append(d)
    return out


def _me(state: GameState, v: Vendor) -> dict[str, Any]:
    d = {
        "id": v.id,
        "side": v.side,
        "name": v.name,
        "product": v.product,
        "playbook": v.playbook,
        "difficulty": v.difficulty,
        "active": v.active,
        "stage": v.stage,
        "status": v.status,
        "budget": round(v.budget, 4),
        "spent": round(v.spent, 4),
        "facts": sorted(v.facts),
        "spec_bias": round(v.spec_bias, 4),
        "bid": dict(v.bid) if v.bid else None,
        "max_discount": v.max_discount,
        "terms": dict(v.terms) if v.terms else None,
        "intel": {k: dict(x) for k, x in v.intel.items()},
    }
    store = state.lasting()
    offer = store.get(("offer", v.id))
    if offer is None:
        offer = store[("offer", v.id)] = _offer(state.vendor_spec(v.id))
    d.update(offer)
    d["stage_weeks"] = dict(v.stage_weeks)
    return d


def _offer(spec: Any) -> dict[str, Any]:
    """What the vendor brings to the deal, as the scenario gives it."""
    return {
        "time": {"rep": spec.time.rep, "presales": spec.time.presales, "pm": spec.time.pm,
                 "exec": spec.time.exec},
        "fit": dict(spec.fit),
        "list_price": spec.list_price,
        "floor_price": spec.floor_price,
        "delivery_cost": spec.delivery_cost,
        "brand": spec.brand,
        "references": spec.references,
        "delivery": spec.delivery,
    }


def _rival(state: GameState, me: Vendor, o: Vendor) -> dict[str, Any]:
    spec = state.vendor_spec(o.id)
    est = me.intel.get(o.id)
    bids = state.tender["bids"] if state.tender is not None else {}
    return {
        "id": o.id,
        "name": o.name,
        "product": o.product,
        "brand": spec.brand,
        "references": spec.references,
        "active": o.active,
        "status": o.status if state.tender else "active",
        "stage_estimate": est["stage"] if est else None,
        "estimate_week": est["week"] if est else None,
        "bid_price": bids[o.id]["price"] if o.id in bids else None,
    }


def _public_event(e: dict[str, Any]) -> dict[str, Any]:
    """An event or calendar entry as every vendor may see it (effects on rivals removed)."""
    out: dict[str, Any] = {
        k: e[k] for k in ("week", "event", "title", "text", "affects", "calendar") if k in e
    }
    if e.get("calendar"):
        out["effects"] = dict(e.get("effects", {}))
    return out


def view(state: GameState, vendor: str, with_log: bool = True) -> dict[str, Any]:
    """The vendor's view now.

    With the log it is the caller's own copy (the window's), sharing nothing with the state
    or another view. Without the log it is kept for the turn and shares its fixed parts with
    other views: treat it as read-only (the engine re-checks plans against the same dict).
    """
    if not with_log:
        key = ("view", vendor)
        turn = len(state.plans)
        hit = state.cache.get(key)
        if hit is not None and hit[0] == turn:
            return hit[1]
        out = _build(state, vendor, False)
        state.cache[key] = (turn, out)
        return out
    return copy.deepcopy(_build(state, vendor, True))


def _fixed(state: GameState) -> dict[str, Any]:
    """The parts of every view that only the scenario decides (titles, the customer's texts,
    the needs' names), built once per game and shared by the views."""
    store = state.lasting()
    got = store.get("view_texts")
    if got is not None:
        return got
    spec = state.spec
    cust = spec.customer
    got = store["view_texts"] = {
        "scenario": {
            "id": spec.id,
            "title": {"zh": spec.title.zh, "en": spec.title.en},
            "summary": {"zh": spec.summary.zh, "en": spec.summary.en},
        },
        "name": {"zh": cust.name.zh, "en": cust.name.en},
        "industry": {"zh": cust.industry.zh, "en": cust.industry.en},
        "size": {"zh": cust.size.zh, "en": cust.size.en},
        "profile": {"zh": cust.profile.zh, "en": cust.profile.en},
        "needs": [(n.id, {"zh": n.name.zh, "en": n.name.en}) for n in cust.needs],
    }
    return got


def _build(state: GameState, vendor: str, with_log: bool) -> dict[str, Any]:
    v = state.vendors[vendor]
    rels = state.relations[vendor]
    phase = state.phase()
    knows = v.facts
    weights = state.need_weights
    texts = _fixed(state)
    out: dict[str, Any] = {
        "vendor": vendor,
        "week": state.week,
        "last_week": state.spec.last_week,
        "phase": phase,
        "over": state.over,
        "calendar": dict(state.calendar),
        "scenario": texts["scenario"],
        "customer": {
            "name": texts["name"],
            "industry": texts["industry"],
            "size": texts["size"],
            "profile": texts["profile"],
            "needs": [
                {"id": nid, "name": name, "weight": round(weights[nid], 4)}
                for nid, name in texts["needs"]
            ],
            "budget": round(state.budget, 2) if "el_budget" in knows else None,
            "criteria": dict(state.criteria) if "criteria_known" in knows else None,
            "first_payment_max": state.first_payment_max if "el_budget" in knows else None,
        },
        "me": _me(state, v),
        "rivals": [_rival(state, v, o) for o in state.vendors.values() if o.id != vendor
                   and (o.active or o.status != "active")],
        "people": _people(state, rels, phase),
        "tender": _public_tender(state),
        "award": dict(state.award) if state.award else None,
        "contract": dict(state.contract) if state.contract and
        state.contract["vendor"] == vendor else None,
        "pending": [_pending(state, e) for e in state.pending.get(vendor, [])],
        "checklist": checklist(state, vendor),
        "health": c931(state, vendor),
        "outcome": dict(state.outcome) if state.outcome else None,
    }
    if with_log:
        out["log"] = [
            dict(e) if e.get("vendor") == vendor else _public_event(e)
            for e in state.log
            if e.get("vendor") == vendor or (e.get("event") and _event_visible(e, vendor))
        ]
    return out


def report_for(report: dict[str, Any], vendor: str) -> dict[str, Any]:
    """A week's report as one vendor may see it: its own moves and the public events."""
    return {
        "week": report["week"],
        "entries": [
            dict(e) if e.get("vendor") == vendor else _public_event(e)
            for e in report["entries"]
            if e.get("vendor") == vendor or (e.get("event") and _event_visible(e, vendor))
        ],
        "moved": [(vid, st) for vid, st in report["moved"] if vid == vendor],
        "events": list(report["events"]),
    }


def _event_visible(e: dict[str, Any], vendor: str) -> bool:
    hit = e.get("affected", [])
    return e.get("affects") == "all" or vendor in hit


def _pending(state: GameState, event_id: str) -> dict[str, Any]:
    ev = next(e for e in state.spec.events if e.id == event_id)
    return {
        "event": ev.id,
        "title": {"zh": ev.title.zh, "en": ev.title.en},
        "text": {"zh": ev.text.zh, "en": ev.text.en},
        "choices": [
            {"id": c.id, "label": {"zh": c.label.zh, "en": c.label.en}, "cost": c.cost}
            for c in ev.choices
        ],
    }


def _public_tender(state: GameState) -> dict[str, Any] | None:
    t = state.tender
    if t is None:
        return None
    return {
        "week": t["week"],
        "ranking": list(t["ranking"]),
        "totals": dict(t["totals"]),
        "bids": {k: {"price": b["price"]} for k, b in t["bids"].items()},
        "preferred": t["preferred"],
        "override": t.get("override", False),
    }


def trainer_view(state: GameState) -> dict[str, Any]:
    """Everything, for the facilitator and for the debrief after the game."""
    from game.core.serialize import state_to_dict

    d = state_to_dict(state)
    d["views"] = {vid: view(state, vid, with_log=False) for vid in state.vendors}
    return d
