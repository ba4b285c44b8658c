"""Scenario events: declarative triggers, conditions and effects, interpreted here.

Nothing in a scenario is evaluated as code: each condition and effect type has a small pure
function below, and unknown types cannot exist because the schema forbids them.
"""

from __future__ import annotations

from typing import Any

import cython

from game.core.health import health_all
from game.core.num import fround
from game.core.personnel import remember
from game.core.preference import nudge_support, nudge_trust
from game.core.rng import Rng
from game.core.state import CONTACT, GameState, Person, Relation, Vendor, motive, text


def leader(state: GameState) -> str | None:
    if state.award and state.award.get("vendor"):
        return state.award["vendor"]
    active = [v for v in state.vlist if v.active and v.status == "active"]
    if not active:
        return None
    # Ranking by health is the costly part: do it once per week, whatever asks.
    key = ("leader_health", state.turn_id)
    health = state.cache.get(key)
    if health is None:
        health = state.cache[key] = health_all(state)
    fc = health.forecast
    best: Vendor = active[0]
    v: Vendor
    for v in active[1:]:
        if (v.stage, fc[v.index], v.id) > (best.stage, fc[best.index], best.id):
            best = v
    return best.id


def resolve_vendors(state: GameState, ref: str, affected: list[str]) -> list[str]:
    active = [v.id for v in state.vlist if v.active]
    if ref in ("all", "any"):
        return active
    if ref == "affected":
        return list(affected)
    if ref == "leader":
        lead = leader(state)
        return [lead] if lead else []
    if ref == "teams":
        return [v for v in active if state.vendors[v].side == "team"]
    if ref == "rivals":
        return [v for v in active if state.vendors[v].side == "rival"]
    return [ref] if ref in state.vendors and state.vendors[ref].active else []


def condition_holds(state: GameState, c: Any, affected: list[str]) -> bool:
    t = c.type
    if t == "phase":
        return state.phase() == c.phase.value
    if t == "event_fired":
        return (c.event in state.fired) == c.fired
    if t == "awarded":
        return (state.award is not None) == c.awarded
    vendors = resolve_vendors(state, c.vendor, affected)
    test = all if c.vendor == "all" else any
    if not vendors:
        return False
    if t == "stage":
        return test(state.vendors[v].stage >= c.at_least for v in vendors)
    if t == "support":
        def ok(v: str) -> bool:
            s = state.relations[v][c.stakeholder].support
            return (c.above is None or s > c.above) and (c.below is None or s < c.below)
        return test(ok(v) for v in vendors)
    if t == "contact":
        need = CONTACT[c.at_least.value]
        return test(state.relations[v][c.stakeholder].contact >= need for v in vendors)
    raise ValueError(f"unknown condition type {t}")


def _people(state: GameState, ref: str) -> list[str]:
    return list(state.people) if ref == "all" else [ref]


def _replace(state: GameState, e: Any) -> dict[str, Any]:
    old: Person = state.people[e.stakeholder]
    n = e.new
    state.rumours.pop(old.id, None)
    remember(state, old, True)
    state.replace_person(Person(
        id=old.id, name=text(n.name), title=text(n.title) if n.title else old.title,
        department=old.department, roles=old.roles, key=old.key, influence=old.influence,
        participation=old.participation, senior=old.senior,
        traits=[t.value for t in n.traits] if n.traits is not None else old.traits,
        cares_about=list(n.cares_about) if n.cares_about is not None else old.cares_about,
        sways=old.sways, position_motive=motive(n.position_motive),
        personal_motive=motive(n.personal_motive), leaning=n.leaning,
        generation=old.generation + 1, availability=old.availability,
    ))
    r: Relation
    for vid, rels in state.relations.items():
        r = rels[old.id]
        r.reset(n.leaning + (0.3 if n.favours == vid else 0.0),
                0.2 if n.favours == vid else 0.0, 1 if n.favours == vid else 0)
        r.introduced = n.favours == vid
    state.sync()
    return {"replaced": old.id, "was": old.name}


def apply_effect(state: GameState, e: Any, affected: list[str]) -> dict[str, Any]:
    t = e.type
    if t == "replace_stakeholder":
        return _replace(state, e)
    if t == "budget":
        state.budget = fround(state.budget * (1 + e.change), 2)
        return {"budget": state.budget}
    if t == "calendar":
        order = ["initiation", "tender_issue", "bid_deadline", "award", "contract"]
        moved = {}
        for m in order[order.index(e.milestone):]:
            new = max(state.calendar[m] + e.shift, state.week + 1)
            state.calendar[m] = min(new, state.last_week)
            moved[m] = state.calendar[m]
        state.sync()
        return {"calendar": moved}
    if t == "need_weight":
        raw = state.need_raw or dict(state.need_weights)
        raw[e.need] = e.weight
        state.need_raw = raw
        total = 0.0
        for x in raw.values():
            total += x
        for k in state.need_weights:
            state.need_weights[k] = raw[k] / total
        state.sync()
        return {"need": e.need}
    if t in ("support", "trust"):
        nudge = nudge_support if t == "support" else nudge_trust
        out = {}
        for vid in resolve_vendors(state, e.vendor, affected):
            for pid in _people(state, e.stakeholder):
                out[f"{vid}:{pid}"] = fround(nudge(state.relations[vid][pid], e.change), 4)
        return {t: out}
    if t == "vendor_budget":
        for vid in resolve_vendors(state, e.vendor, affected):
            state.vendors[vid].budget += e.change
        return {"vendor_budget": e.change}
    if t == "new_rival":
        v = state.vendors[e.vendor]
        v.active = True
        v.joined_week = state.week + 1
        return {"new_rival": e.vendor}
    if t == "criteria":
        state.criteria[e.criterion] = max(0.0, state.criteria[e.criterion] + e.change)
        total = 0.0
        for x in state.criteria.values():
            total += x
        total = total or 1.0
        for k in state.criteria:
            state.criteria[k] = fround(state.criteria[k] / total, 4)
        state.sync()
        return {"criteria": dict(state.criteria)}
    if t == "first_payment":
        state.first_payment_max = min(0.6, max(0.0, state.first_payment_max + e.change))
        return {"first_payment_max": state.first_payment_max}
    if t == "shelve_risk":
        state.shelve_risk = min(1.0, max(0.0, state.shelve_risk + e.change))
        return {"shelve_risk": state.shelve_risk}
    if t == "reveal":
        for vid in resolve_vendors(state, e.vendor, affected):
            r = state.relations[vid][e.stakeholder]
            if e.motive in ("position", "both"):
                r.known_position = True
            if e.motive in ("personal", "both"):
                r.known_personal = True
        return {"reveal": e.stakeholder}
    raise ValueError(f"unknown effect type {t}")


def fire_events(state: GameState, rng: Rng) -> list[dict[str, Any]]:
    """End of week: every event whose window, conditions and chance hold fires once."""
    entries = []
    week: cython.int = state.week
    i: cython.Py_ssize_t
    for i in range(len(state.event_ids)):
        if not cython.cast(cython.int, state.event_lo[i]) <= week <= \
                cython.cast(cython.int, state.event_hi[i]):
            continue
        ev = state.event_specs[i]
        # The customer's dice are rolled every week of the window, whether the event has
        # fired or its conditions hold, so what the vendors do never shifts the draws that
        # follow (personnel changes, other events): games that differ only in one vendor's
        # moves meet the same world.
        lucky: cython.bint = ev.trigger.chance >= 1.0 or rng.chance(ev.trigger.chance)
        if state.event_ids[i] in state.fired or not lucky:
            continue
        affected = resolve_vendors(state, ev.affects, [])
        if ev.affects not in ("all", "any") and not affected:
            continue
        if not all(condition_holds(state, c, affected) for c in ev.trigger.conditions):
            continue
        state.fired.append(ev.id)
        effects = [apply_effect(state, e, affected) for e in ev.effects]
        if ev.choices:
            for vid in affected:
                state.pending.setdefault(vid, []).append(ev.id)
        entries.append({
            "week": state.week, "event": ev.id, "affects": ev.affects,
            "affected": affected, "title": text(ev.title), "text": text(ev.text),
            "effects": effects, "choices": [c.id for c in ev.choices],
        })
    return entries


def apply_choice(state: GameState, vendor: str, event_id: str, choice_id: str,
                 default: bool = False) -> dict[str, Any]:
    ev = state.event_specs[state.event_index[event_id]]
    ch = next(c for c in ev.choices if c.id == choice_id)
    v = state.vendors[vendor]
    v.budget -= ch.cost
    v.spent += ch.cost
    state.pending[vendor].remove(event_id)
    effects = [apply_effect(state, e, [vendor]) for e in ch.effects]
    return {
        "week": state.week, "vendor": vendor, "roles": [], "kind": "choose",
        "target": event_id, "option": choice_id, "cost": ch.cost, "days": 0,
        "effects": {"choice": effects, "default": default},
    }
