"""Applying one team action to the state: the generic effect model plus the special moves.

An action lands harder when it addresses a motive the vendor has discovered, when the right
role does it at the right stage, when it suits the person's traits, and when the person is
taking part in the current phase. Every draw comes from the state's RNG.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.core.actions import BID_DISCOUNT, CATALOG, Action, ActionDef
from game.core.resolve import MAX_DISCOUNT, collect_payment, negotiate, sign_contract
from game.core.rng import Rng
from game.core.state import GameState, Person, Relation, Vendor

MOTIVE_FOUND = 1.8
MOTIVE_LUCKY = 1.15


def clamp(x: float, lo: float, hi: float) -> float:
    return lo if x < lo else hi if x > hi else x



def person_fit(state: GameState, vid: str, p: Person) -> float:
    fit = state.vendor_spec(vid).fit
    needs = p.cares_about or list(state.need_weights)
    total = sum(state.need_weights[n] for n in needs) or 1.0
    return sum(state.need_weights[n] * fit.get(n, 0.0) for n in needs) / total


def motive_mult(d: ActionDef, p: Person, r: Relation) -> tuple[float, str | None]:
    addresses = d.addresses
    if not addresses:
        return 1.0, None
    best, hit = 1.0, None
    if p.position_motive["kind"] in addresses:
        best, hit = MOTIVE_FOUND if r.known_position else MOTIVE_LUCKY, "position"
    if p.personal_motive["kind"] in addresses:
        mult = MOTIVE_FOUND if r.known_personal else MOTIVE_LUCKY
        if mult > best:
            best, hit = mult, "personal"
    return best, hit


def nudge_support(r: Relation, delta: float) -> float:
    """Diminishing returns: the closer to +1 (or -1), the harder to move further."""
    before = r.support
    if delta >= 0:
        r.support = clamp(r.support + delta * (1 - max(r.support, 0.0)), -1.0, 1.0)
    else:
        r.support = clamp(r.support + delta * (1 + min(r.support, 0.0)), -1.0, 1.0)
    return r.support - before


def nudge_trust(r: Relation, delta: float) -> float:
    before = r.trust
    r.trust = clamp(r.trust + (delta * (1 - r.trust) if delta >= 0 else delta), 0.0, 1.0)
    return r.trust - before


def _touch(state: GameState, v: Vendor, d: ActionDef, p: Person, rng: Rng) -> dict[str, Any]:
    r = state.relations[v.id][p.id]
    phase = state.phase()
    stage_m = 1.15 if d.best[0] <= v.stage <= d.best[1] else 0.85
    mot_m, hit = motive_mult(d, p, r)
    trait_m = 1.0
    for t in p.traits:
        trait_m *= d.traits.get(t, 1.0)
    part_m = 0.4 + 0.6 * p.participation[phase]
    mult = stage_m * mot_m * trait_m * part_m * rng.uniform(0.8, 1.2)
    if d.fit_scaled:
        mult *= 0.4 + 1.2 * person_fit(state, v.id, p)
    if d.special == "needs_references":
        mult *= min(1.0, 0.4 + 0.15 * state.vendor_spec(v.id).references)
    if d.special == "reach_out" and r.support < 0:
        mult *= 2.0
    skeptic = 0.7 if "skeptical" in p.traits else 1.0
    eff: dict[str, Any] = {"person": p.id}
    if d.support:
        eff["support"] = round(nudge_support(r, d.support * mult * (0.6 + 0.4 * r.trust)), 4)
    if d.trust:
        eff["trust"] = round(nudge_trust(r, d.trust * trait_m * skeptic * rng.uniform(0.8, 1.2)),
                             4)
    if hit:
        eff["motive_hit"] = hit
    if d.contact_to > r.contact and r.trust >= d.contact_trust:
        ok = True
        if d.id == "call":
            ok = rng.chance(0.8 * (0.5 if "busy" in p.traits else 1.0) + 0.1)
        if ok:
            r.contact = d.contact_to
            eff["contact"] = r.contact
    depth = 1.0 + 0.5 * (r.contact >= 3)
    if d.reveal_roles and not r.known_roles:
        r.known_roles = True
        eff["learned_roles"] = True
    if d.reveal_needs and not r.known_needs and rng.chance(
            d.reveal_needs * (0.6 + 0.4 * r.trust) * depth):
        r.known_needs = True
        eff["learned_needs"] = True
    if d.reveal_position and not r.known_position and rng.chance(
            d.reveal_position * (0.5 + r.trust) * depth):
        r.known_position = True
        eff["learned"] = "position"
    if d.reveal_personal and not r.known_personal and rng.chance(
            d.reveal_personal * (0.4 + r.trust) * depth):
        r.known_personal = True
        eff["learned"] = "personal" if "learned" not in eff else "both"
    r.last_touch = state.week
    if d.special == "meet_kdm" and "KDM" in p.key and r.contact >= 1:
        v.facts.add("kdm_met")
    if r.known_needs and ("first_visit" in d.facts or "need_heard" in d.facts):
        v.facts.add("need_heard")
    return eff


def _qualify(state: GameState, v: Vendor) -> list[str]:
    """The rep checks which of the five elements of a valid opportunity now hold."""
    rels = state.relations[v.id]
    pairs = [(p, rels[p.id]) for p in state.people.values()]
    spec = state.vendor_spec(v.id)
    known = [p for p, r in pairs if r.known_needs]
    ok: list[str] = []
    if any(r.contact >= 1 and {"initiator", "user"} & set(p.roles) for p, r in pairs):
        ok.append("el_lead")
    if known:
        ok.append("el_need")
        needs = {n for p in known for n in p.cares_about} or set(state.need_weights)
        if sum(spec.fit.get(n, 0.0) for n in needs) / len(needs) >= 0.5:
            ok.append("el_fit")
    if any(r.contact >= 2 and {"budget_holder", "purchaser"} & set(p.roles) for p, r in pairs):
        ok.append("el_budget")
    if any(r.contact >= 1 and {"purchaser", "initiator"} & set(p.roles) for p, r in pairs):
        ok.append("el_timeline")
        v.facts.add("process_known")
    new = [e for e in ok if e not in v.facts]
    v.facts.update(ok)
    return new


def _intel(state: GameState, v: Vendor, p: Person, rng: Rng) -> dict[str, Any]:
    """An insider or coach tells what they see: rivals' progress, the org, a motive."""
    learned: dict[str, Any] = {"rivals": {}}
    for o in state.vendors.values():
        if o.id != v.id and o.active:
            v.intel[o.id] = {"stage": o.stage, "week": state.week}
            learned["rivals"][o.id] = o.stage
    v.facts.update({"competitors_known", "org_mapped"})
    for q in state.people.values():
        state.relations[v.id][q.id].known_roles = True
    if {"influencer", "user"} & set(p.roles) or "KI" in p.key or p.senior:
        v.facts.add("criteria_known")
    hidden = [q for q in state.people.values()
              if q.id != p.id and not state.relations[v.id][q.id].known_position]
    if hidden and rng.chance(0.6):
        q = rng.choice(hidden)
        state.relations[v.id][q.id].known_position = True
        learned["motive_of"] = q.id
    state.relations[v.id][p.id].last_touch = state.week
    return learned


def _broadcast(state: GameState, v: Vendor, amount: Callable[[Person], float],
               who: Callable[[Person], bool]) -> dict[str, float]:
    """A presentation reaches everyone the vendor is in contact with who cares."""
    out = {}
    for p in state.people.values():
        r = state.relations[v.id][p.id]
        if r.contact >= 1 and who(p):
            out[p.id] = round(nudge_support(r, amount(p)), 4)
    return out


def _shape(state: GameState, v: Vendor, p: Person) -> dict[str, Any]:
    r = state.relations[v.id][p.id]
    gain = 0.12 * (0.5 + max(r.support, 0.0)) * (1.5 if r.contact >= 3 else 1.0)
    v.spec_bias = clamp(v.spec_bias + gain, 0.0, 1.0)
    spec = state.vendor_spec(v.id)
    tech = sum(state.need_weights[n] * spec.fit.get(n, 0.0) for n in state.need_weights)
    service = (spec.delivery + spec.brand) / 2
    lean = "technical" if tech >= service else "service"
    state.criteria[lean] += 0.03
    total = sum(state.criteria.values())
    for k in state.criteria:
        state.criteria[k] = round(state.criteria[k] / total, 4)
    v.facts.update({"criteria_shaped", "criteria_known"})
    r.last_touch = state.week
    return {"spec_bias": round(v.spec_bias, 4), "criteria": lean}


def _bid(state: GameState, v: Vendor, option: str) -> dict[str, Any]:
    spec = state.vendor_spec(v.id)
    price = spec.floor_price if option == "floor" else max(
        spec.floor_price, spec.list_price * (1 - BID_DISCOUNT[option]))
    v.bid = {"price": round(price, 2), "week": state.week, "option": option}
    return {"price": v.bid["price"]}


def apply_action(
    state: GameState, v: Vendor, a: Action, rng: Rng, reason: str | None = None
) -> dict[str, Any]:
    """Carry out one already-checked action and return its log entry."""
    d = CATALOG[a.kind]
    v.budget -= d.cost
    v.spent += d.cost
    for role in d.roles:
        v.days_used[role] = v.days_used.get(role, 0) + d.days
    if d.once:
        v.facts.add(f"done:{d.id}")
    eff: dict[str, Any] = {}
    sp = d.special
    if d.target:
        assert a.target is not None, "a targeted action names its person"
        p = state.people[a.target]
        eff = _touch(state, v, d, p, rng)
        if sp == "intel":
            eff["intel"] = _intel(state, v, p, rng)
        elif sp == "shape":
            eff.update(_shape(state, v, p))
    elif sp == "qualify":
        eff["verified"] = _qualify(state, v)
    elif sp == "confirm":
        v.facts.update({"el_budget", "el_timeline", "exec_confirmed"})
        eff["verified"] = ["el_budget", "el_timeline"]
    elif sp == "proposal":
        eff["support"] = _broadcast(
            state, v, lambda p: 0.04 * (0.4 + 1.2 * person_fit(state, v.id, p)),
            lambda p: bool(p.cares_about))
    elif sp == "delivery_plan":
        dl = state.vendor_spec(v.id).delivery
        eff["support"] = _broadcast(
            state, v, lambda p: 0.05 * (0.5 + dl),
            lambda p: "user" in p.roles or "risk" in (p.position_motive["kind"],
                                                      p.personal_motive["kind"]))
    elif sp == "bid_defense":
        eff["support"] = _broadcast(
            state, v, lambda p: 0.05, lambda p: p.participation["decision"] >= 0.5)
        v.facts.add("bid_defended")
    elif sp == "bid":
        eff.update(_bid(state, v, a.option or "list"))
    elif sp == "complaint":
        assert state.award is not None, "complaints follow an award"
        state.award.setdefault("complaints", []).append(v.id)
        eff["complaint"] = True
    elif sp == "negotiate":
        eff.update(negotiate(state, v, a.option or "d0_p10", joint=d.joint))
    elif sp == "sign":
        eff.update(sign_contract(state, v))
    elif sp == "collect":
        eff.update(collect_payment(state, v, rng))
    elif sp == "approve_discount":
        v.max_discount = MAX_DISCOUNT
    for f in d.facts:
        if f in ("need_heard", "first_visit", "kdm_met") and d.target:
            continue
        v.facts.add(f)
    if d.target and "first_visit" in d.facts:
        v.facts.add("first_visit")
    entry = {
        "week": state.week, "vendor": v.id, "roles": list(d.roles), "kind": a.kind,
        "target": a.target, "option": a.option, "cost": d.cost, "days": d.days,
        "effects": eff,
    }
    if reason:
        entry["reason"] = reason
    return entry

