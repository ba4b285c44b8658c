"""The week loop: `new_game`, then `end_week(state, plans)` until `state.over`.

A week is simultaneous. Every vendor plans from its own view at the start of the week; the
engine checks every plan, then resolves them interleaved in an order drawn from the state's
RNG (so nobody always moves first), then the world moves: influence spreads along who-sways-
whom, neglected relations cool, insiders report, the customer's calendar advances, events
fire, stages advance, and the week's health is recorded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from game.core import resolve
from game.core.actions import Action
from game.core.checks import check_plan
from game.core.effects import apply_action, nudge_support
from game.core.errors import IllegalAction
from game.core.events import apply_choice, fire_events
from game.core.health import c931_all
from game.core.rng import Rng, seed_state
from game.core.stages import advance_stages
from game.core.state import (
    CONTACT,
    GameState,
    Person,
    Relation,
    Vendor,
    motive,
    text,
)
from game.core.views import view
from game.scenario.models import ScenarioSpec

START_FACTS = {
    2: ("profiled", "pursue", "done:research_account", "done:decide_pursue"),
    3: ("first_visit", "need_heard", "process_known"),
    4: ("el_lead", "el_need", "el_fit", "el_budget", "el_timeline", "org_mapped",
        "competitors_known"),
}


def new_game(spec: ScenarioSpec, seed: int) -> GameState:
    cust = spec.customer
    total = sum(n.weight for n in cust.needs)
    crit = cust.criteria
    ctotal = (crit.technical + crit.price + crit.service) or 1.0
    people = {
        s.id: Person(
            id=s.id, name=text(s.name), title=text(s.title), department=text(s.department),
            roles=[r.value for r in s.roles], key=[k.value for k in s.key],
            influence=s.influence, participation=s.participation.model_dump(),
            senior=s.senior, traits=[t.value for t in s.traits],
            cares_about=list(s.cares_about), sways=[(w.who, w.strength) for w in s.sways],
            position_motive=motive(s.position_motive),
            personal_motive=motive(s.personal_motive), leaning=s.leaning,
        )
        for s in spec.stakeholders
    }
    vendors: dict[str, Vendor] = {}
    relations: dict[str, dict[str, Relation]] = {}
    for vs in spec.vendors:
        active = not vs.by_event and (vs.enters_week or 1) <= 1
        v = Vendor(
            id=vs.id, side=vs.side, name=text(vs.name), product=text(vs.product),
            playbook=vs.playbook.value, difficulty=vs.difficulty.value, active=active,
            joined_week=1 if active else 0, stage=vs.start_stage, budget=vs.sales_budget,
        )
        for st, facts in START_FACTS.items():
            if vs.start_stage >= st:
                v.facts.update(facts)
        v.stage_weeks[v.stage] = 1
        vendors[vs.id] = v
        rels = {}
        for p in people.values():
            rs = vs.relations.get(p.id)
            r = Relation(support=p.leaning)
            if rs is not None:
                r = Relation(
                    support=max(-1.0, min(1.0, p.leaning + rs.support)), trust=rs.trust,
                    contact=CONTACT[rs.contact.value],
                    known_position=rs.knows_motives, known_personal=rs.knows_motives,
                    known_needs=rs.knows_motives or rs.contact.value != "unknown",
                    known_roles=rs.contact.value != "unknown",
                )
            rels[p.id] = r
        relations[vs.id] = rels
    state = GameState(
        spec=spec, seed=seed, rng=seed_state(seed), week=1,
        calendar=cust.calendar.model_dump(), budget=cust.budget,
        need_weights={n.id: n.weight / total for n in cust.needs},
        criteria={"technical": crit.technical / ctotal, "price": crit.price / ctotal,
                  "service": crit.service / ctotal},
        first_payment_max=cust.payment.first_payment_max,
        first_payment_min=cust.payment.first_payment_min,
        shelve_risk=0.0, people=people, vendors=vendors, relations=relations,
        need_raw={n.id: n.weight for n in cust.needs},
    )
    return state


def default_choice(ev: Any, v: Vendor) -> str:
    """An unanswered event takes its first choice the vendor can pay for, else the cheapest."""
    for c in ev.choices:
        if c.cost <= v.budget + 1e-9:
            return c.id
    return min(ev.choices, key=lambda c: c.cost).id


def validate_plans(state: GameState, plans: dict[str, list[Action]]) -> None:
    """Raise IllegalAction for the first action that breaks a rule; changes nothing."""
    if state.over:
        raise IllegalAction("action/game_over", "why.over")
    for vid, plan in plans.items():
        if vid not in state.vendors:
            raise IllegalAction("action/unknown_vendor", "why.target", vid)
        if not plan:
            continue
        bad = check_plan(view(state, vid, with_log=False), plan)
        if bad is not None:
            i, r = bad
            a = plan[i]
            raise IllegalAction(f"action/{r.removeprefix('why.')}", r,
                                f"{vid} {a.kind} {a.target or ''} {a.option or ''}")


def end_week(
    state: GameState,
    plans: dict[str, list[Action]],
    reasons: Mapping[str, Sequence[str | None]] | None = None,
) -> dict[str, Any]:
    """Resolve one week. Mutates `state` and returns the week's report."""
    validate_plans(state, plans)
    reasons = reasons or {}
    state.plans.append({
        vid: [dict(a.to_dict(), reason=(reasons.get(vid) or [None] * len(plan))[i])
              for i, a in enumerate(plan)]
        for vid, plan in sorted(plans.items())
    })
    rng = Rng(state)
    entries: list[dict[str, Any]] = []
    for vid in sorted(plans):
        for a in plans[vid]:
            if a.kind == "choose" and a.target in state.pending.get(vid, []):
                assert a.target is not None and a.option is not None  # checked by validate
                entries.append(apply_choice(state, vid, a.target, a.option))
    for vid in sorted(state.pending):
        for eid in list(state.pending[vid]):
            ev = next(e for e in state.spec.events if e.id == eid)
            entries.append(apply_choice(state, vid, eid, default_choice(ev, state.vendors[vid]),
                                        default=True))
    queues = {
        vid: [(i, a) for i, a in enumerate(plan) if a.kind != "choose"]
        for vid, plan in plans.items()
    }
    order = sorted(queues)
    rng.shuffle(order)
    depth = max((len(q) for q in queues.values()), default=0)
    for k in range(depth):
        for vid in order:
            if k < len(queues[vid]):
                i, a = queues[vid][k]
                why = (reasons.get(vid) or [None] * (i + 1))
                entries.append(apply_action(state, state.vendors[vid], a, rng,
                                            why[i] if i < len(why) else None))
    world = _world(state, rng)
    entries.extend(world)
    calendar = _calendar(state, rng)
    entries.extend(calendar)
    events = fire_events(state, rng) if state.outcome is None else []
    entries.extend(events)
    moved = advance_stages(state)
    state.log.extend(entries)
    _snapshot(state)
    _check_end(state)
    report = {"week": state.week, "entries": entries, "moved": moved,
              "events": [e["event"] for e in events]}
    if state.outcome is None:
        state.week += 1
        for v in state.vendors.values():
            vs = state.vendor_spec(v.id)
            if not v.active and not vs.by_event and vs.enters_week == state.week:
                v.active = True
                v.joined_week = state.week
    return report


def _world(state: GameState, rng: Rng) -> list[dict[str, Any]]:
    """Influence spreads, untended relations cool, insiders and coaches report."""
    out: list[dict[str, Any]] = []
    sways = [(q.id, who, 0.08 * strength) for q in state.people.values()
             for who, strength in q.sways]
    leaning = {p.id: p.leaning for p in state.people.values()}
    week = state.week
    for vid, rels in state.relations.items():
        v = state.vendors[vid]
        if not v.active:
            continue
        before = {pid: r.support for pid, r in rels.items()}
        for src, who, k in sways:
            delta = k * (before[src] - before[who])
            if delta > 1e-4 or delta < -1e-4:
                nudge_support(rels[who], delta)
        rivals = None
        for pid, r in rels.items():
            contact = r.contact
            if contact >= 1 and week - r.last_touch > 3:
                r.support += 0.05 * (leaning[pid] - r.support)
                r.trust = max(0.0, r.trust - 0.01)
            if contact >= 3 and rng.chance(0.25 if contact == 3 else 0.4):
                if rivals is None:
                    rivals = [o for o in state.vendors.values() if o.id != vid and o.active]
                if rivals:
                    o = rng.choice(rivals)
                    v.intel[o.id] = {"stage": o.stage, "week": week}
                    v.facts.add("competitors_known")
                    out.append({"week": week, "vendor": vid, "kind": "intel",
                                "roles": [], "target": pid, "option": None, "cost": 0,
                                "days": 0, "effects": {"rival": o.id, "stage": o.stage}})
    return out


def _calendar(state: GameState, rng: Rng) -> list[dict[str, Any]]:
    cal = state.calendar
    w = state.week
    out: list[dict[str, Any]] = []

    def note(kind: str, **eff: Any) -> None:
        out.append({"week": w, "event": kind, "affects": "all", "affected": [],
                    "calendar": True, "effects": eff})

    if w == cal["bid_deadline"] and state.tender is None:
        t = resolve.open_bids(state)
        note("bids_opened", bids={k: b["price"] for k, b in t["bids"].items()},
             disqualified=[k for k, b in t["bids"].items() if b["disqualified"]])
    if w >= cal["award"] and state.tender is not None and state.award is None \
            and not state.tender.get("evaluated"):
        state.tender["evaluated"] = True
        state.tender["c931"] = {
            k: {x: h[x] for x in ("c", "f", "w", "forecast")}
            for k, h in c931_all(state).items()
        }
        res = resolve.evaluate(state)
        note("award", **res)
    a = state.award
    if a and a.get("vendor") and not a.get("notice_over") and cal["notice_weeks"] > 0 \
            and w >= a["notice_end"]:
        note("notice_end", **resolve.end_notice(state, rng))
    a = state.award  # a complaint may have handed the award to someone else
    if a and a.get("vendor") and state.contract is None and not a.get("passed") \
            and w >= cal["contract"] + resolve.RUNNER_UP_WAIT:
        note("passed_over", **resolve.pass_to_runner_up(state))
    return out


def _snapshot(state: GameState) -> None:
    state.new_turn()
    health = c931_all(state)
    state.cache["health"] = (len(state.plans), health)
    state.history.append({
        "week": state.week,
        "stages": {vid: v.stage for vid, v in state.vendors.items()},
        "status": {vid: v.status for vid, v in state.vendors.items()},
        "support": {vid: {pid: round(r.support, 4) for pid, r in rels.items()}
                    for vid, rels in state.relations.items()},
        "spent": {vid: round(v.spent, 4) for vid, v in state.vendors.items()},
        "health": {vid: {x: h[x] for x in ("c", "f", "w", "forecast")}
                   for vid, h in health.items()},
    })


def _check_end(state: GameState) -> None:
    w = state.week
    for v in state.vendors.values():
        if v.status in ("won", "shelved"):
            c = state.contract
            assert c is not None, "a won or shelved deal has a contract"
            state.outcome = {
                "result": v.status, "winner": v.id, "week": w, "reason": v.status,
                "value": c["value"], "margin": c["margin"], "discount": c["discount"],
                "first_payment": c["first_payment"],
                "first_payment_amount": round(c["value"] * c["first_payment"], 2),
            }
            break
    else:
        reason = None
        if state.tender is not None and not state.tender["bids"]:
            reason = "no_bids"
        elif state.tender is not None and state.tender.get("evaluated") and \
                not state.tender["ranking"]:
            reason = "no_valid_bids"
        elif state.award is not None and state.award.get("vendor") is None:
            reason = "no_contract"
        elif w >= state.spec.last_week:
            reason = "timeout"
        if reason:
            state.outcome = {"result": "no_deal", "winner": None, "week": w,
                             "reason": reason, "value": 0.0, "margin": 0.0,
                             "discount": 0.0, "first_payment": 0.0,
                             "first_payment_amount": 0.0}
    if state.outcome is not None:
        state.pending.clear()  # the deal is over: no decision is left to take
        state.outcome["cost_of_sale"] = {vid: round(v.spent, 2)
                                         for vid, v in state.vendors.items()}
        state.outcome["c931_at_decision"] = (
            state.tender.get("c931") if state.tender and state.tender.get("c931")
            else state.history[-1]["health"]
        )
        state.outcome["ranking"] = list(state.tender["ranking"]) if state.tender else []
