"""The week loop: `new_game`, then `end_week(state, plans)` until `state.over`.

A week is simultaneous. Every vendor plans from its own view at the start of the week; the
engine checks every plan, then resolves them interleaved in an order drawn from the state's
RNG (so nobody always moves first), then the world moves: influence spreads along who-sways-
whom, neglected relations cool, insiders report, the customer's calendar advances, events
fire, stages advance, and the week's health is recorded.

`resolve_week` takes the plans as typed moves (what the compiled AIs produce); `end_week`
takes them by name. A recorded game (`state.recording`, the default) keeps the plans, every
action's log entry and the weekly history; a batch game keeps only the outcome and the log's
calendar and event entries, and plays the same game.
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from typing import Any

import cython

from game.core import resolve
from game.core.actions import DEFS, Action, ActionDef
from game.core.checks import Move, first_refusal, reason_key, to_action, to_move
from game.core.effects import apply_move, reported_stage
from game.core.errors import IllegalAction
from game.core.events import apply_choice, fire_events
from game.core.health import C_KEYS, Health, health_all, health_dict
from game.core.informants import informants
from game.core.num import fround, same
from game.core.personnel import personnel_week
from game.core.preference import nudge_support
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
from game.core.views import VendorView, vendor_view
from game.scenario.models import ScenarioSpec

if cython.compiled:
    from cython.cimports.libc.stdlib import free, malloc
else:
    from game.core.ids import (
        A_CHOOSE,
        C_INSIDER,
        F_COMPETITORS_KNOWN,
        S_NEGOTIATE,
    )

START_FACTS = {
    2: ("profiled", "pursue", "done:research_account", "done:decide_pursue"),
    3: ("first_visit", "need_heard", "process_known"),
    4: ("el_lead", "el_need", "el_fit", "el_budget", "el_timeline", "org_mapped",
        "competitors_known"),
}
_ = C_KEYS


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
            availability=s.availability,
        )
        for s in spec.stakeholders
    }
    vendors: dict[str, Vendor] = {}
    relations: dict[str, dict[str, Relation]] = {}
    for vs in spec.vendors:
        active = not vs.by_event and (vs.enters_week or 1) <= 1
        facts: list[str] = []
        for st, names in START_FACTS.items():
            if vs.start_stage >= st:
                facts.extend(names)
        v = Vendor(
            id=vs.id, side=vs.side, name=text(vs.name), product=text(vs.product),
            playbook=vs.playbook.value, difficulty=vs.difficulty.value, active=active,
            joined_week=1 if active else 0, stage=vs.start_stage, budget=vs.sales_budget,
            facts=facts, stage_weeks={vs.start_stage: 1},
        )
        vendors[vs.id] = v
        rels = {}
        for p in people.values():
            rs = vs.relations.get(p.id)
            r = Relation(support=p.leaning)
            if rs is not None:
                contact = CONTACT[rs.contact.value]
                if "KDM" in p.key:
                    contact = min(contact, C_INSIDER)  # the KDM is nobody's coach
                r = Relation(
                    support=max(-1.0, min(1.0, p.leaning + rs.support)), trust=rs.trust,
                    contact=contact,
                    known_position=rs.knows_motives, known_personal=rs.knows_motives,
                    known_needs=rs.knows_motives or rs.contact.value != "unknown",
                    known_roles=rs.contact.value != "unknown",
                    introduced=contact >= 1,
                )
            rels[p.id] = r
        relations[vs.id] = rels
    return GameState(
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


def default_choice(ev: Any, v: Vendor) -> str:
    """An unanswered event takes its first choice the vendor can pay for, else the cheapest."""
    for c in ev.choices:
        if c.cost <= v.budget + 1e-9:
            return c.id
    return min(ev.choices, key=lambda c: c.cost).id


def _illegal(vid: str, vv: VendorView, plan: list, bad: tuple) -> IllegalAction:
    i, code = bad
    r = reason_key(code) or "why.target"
    m: Move = plan[i]
    what = ""
    if 0 <= m.kind < len(DEFS) or m.kind == A_CHOOSE:
        try:
            a = to_action(vv, m)
            what = f"{a.kind} {a.target or ''} {a.option or ''}"
        except (IndexError, KeyError):
            what = str(m)
    return IllegalAction(f"action/{r.removeprefix('why.')}", r, f"{vid} {what}")


def moves_of(state: GameState, plans: Mapping[str, Sequence[Action]]
             ) -> dict[str, list[Move]]:
    """Plans by name as moves against each vendor's view this week."""
    if state.outcome is not None:
        raise IllegalAction("action/game_over", "why.over")
    out: dict[str, list[Move]] = {}
    for vid, plan in plans.items():
        if vid not in state.vendors:
            raise IllegalAction("action/unknown_vendor", "why.target", vid)
        vv = vendor_view(state, state.vendors[vid].index)
        out[vid] = [to_move(vv, a) for a in plan]
    return out


def validate_plans(state: GameState, plans: Mapping[str, Sequence[Action]]) -> None:
    """Raise IllegalAction for the first action that breaks a rule; changes nothing."""
    _validate(state, moves_of(state, plans))


def _validate(state: GameState, plans: dict[str, list[Move]],
              trusted: Container[str] | None = None) -> None:
    """`trusted`: the vendors whose plans their planner already checked against this week's
    view (`first_refusal` found nothing), which need no second look."""
    if state.outcome is not None:
        raise IllegalAction("action/game_over", "why.over")
    for vid, plan in plans.items():
        if vid not in state.vendors:
            raise IllegalAction("action/unknown_vendor", "why.target", vid)
        if not plan or (trusted and vid in trusted):
            continue
        vv = vendor_view(state, state.vendors[vid].index)
        bad = first_refusal(vv, plan)
        if bad is not None:
            raise _illegal(vid, vv, plan, bad)


def end_week(
    state: GameState,
    plans: Mapping[str, Sequence[Action]],
    reasons: Mapping[str, Sequence[str | None]] | None = None,
) -> dict[str, Any]:
    """Resolve one week from plans by name. Mutates `state` and returns the week's report."""
    return resolve_week(state, moves_of(state, plans), reasons)


def resolve_week(
    state: GameState,
    plans: dict[str, list[Move]],
    reasons: Mapping[str, Sequence[str | None]] | None = None,
    trusted: Container[str] | None = None,
) -> dict[str, Any]:
    """Resolve one week from plans as moves against each vendor's view this week.

    Every plan is checked first (IllegalAction for the first move that breaks a rule),
    except those of the vendors in `trusted`: plans the compiled planners made and checked
    themselves against the same view (`Plan.checked`), which the batch runners pass on."""
    _validate(state, plans, trusted)
    rec: cython.bint = state.recording
    # The views the plans were made against, where a move is read by name below (an
    # event's answer, a kept entry): a batch game needs few of them.
    views = {vid: vendor_view(state, state.vendors[vid].index) for vid in plans
             if rec or _named(plans[vid])}
    reasons = reasons or {}
    if rec:
        state.plans.append({
            vid: [dict(to_action(views[vid], m).to_dict(),
                       reason=(reasons.get(vid) or [None] * len(plan))[i])
                  for i, m in enumerate(plan)]
            for vid, plan in sorted(plans.items())
        })
    state.turn_id += 1
    rng: Rng = state.dice
    entries: list[dict[str, Any]] = []
    m: Move
    for vid in sorted(plans):
        for m in plans[vid]:
            if m.kind == A_CHOOSE:
                vv = views[vid]
                eid = vv.pending[m.target]["event"]
                if eid in state.pending.get(vid, []):
                    cid = vv.pending[m.target]["choices"][m.option]["id"]
                    entries.append(apply_choice(state, vid, eid, cid))
    for vid in sorted(state.pending):
        for eid in list(state.pending[vid]):
            ev = state.event_specs[state.event_index[eid]]
            entries.append(apply_choice(state, vid, eid, default_choice(ev, state.vendors[vid]),
                                        default=True))
    order = sorted(plans)
    rng.shuffle(order)
    # In the drawn order of vendors: each one's vendor, actions, and their places in its plan.
    lanes: list = []
    places: list = []
    movers: list = []
    depth: cython.Py_ssize_t = 0
    i: cython.Py_ssize_t
    for vid in order:
        plan = plans[vid]
        acts = []
        at = []
        for i in range(len(plan)):
            m = plan[i]
            if m.kind != A_CHOOSE:
                acts.append(m)
                at.append(i)
        lanes.append(acts)
        places.append(at)
        movers.append(state.vendors[vid])
        depth = max(depth, len(acts))
    k: cython.Py_ssize_t
    j: cython.Py_ssize_t
    v: Vendor
    d: ActionDef
    for k in range(depth):
        for j in range(len(order)):
            acts = lanes[j]
            if k < len(acts):
                m = acts[k]
                v = movers[j]
                vid = v.id
                d = DEFS[m.kind]
                # A batch game keeps the negotiation's entries too: reports date the terms.
                keep = rec or d.special_id == S_NEGOTIATE
                eff = apply_move(state, v, m.kind, m.target, m.option, rng, keep)
                if keep:
                    a = to_action(views[vid], m)
                    entry = {"week": state.week, "vendor": vid, "roles": list(d.roles),
                             "kind": a.kind, "target": a.target, "option": a.option,
                             "cost": d.cost, "days": d.days, "effects": eff}
                    why = reasons.get(vid) or ()
                    i = places[j][k]
                    if i < len(why) and why[i]:
                        entry["reason"] = why[i]
                    entries.append(entry)
    entries.extend(_world(state, rng, rec))
    calendar = _calendar(state, rng)
    entries.extend(calendar)
    events = fire_events(state, state.world) if state.outcome is None else []
    entries.extend(events)
    if state.outcome is None:
        entries.extend(personnel_week(state))
    moved = advance_stages(state)
    state.log.extend(entries)
    _snapshot(state, rec)
    _check_end(state)
    report = {"week": state.week, "entries": entries, "moved": moved,
              "events": [e["event"] for e in events]}
    if state.outcome is None:
        state.week += 1
        for v in state.vlist:
            if not v.active and not v.by_event and v.enters_week == state.week:
                v.active = True
                v.joined_week = state.week
    return report


@cython.cfunc
def _named(plan: list) -> cython.bint:
    """Whether a batch game reads a move of this plan by name: an event's answer, or a
    negotiation (whose entries the log keeps)."""
    m: Move
    for m in plan:
        if m.kind == A_CHOOSE or (0 <= m.kind < len(DEFS) and cython.cast(
                ActionDef, DEFS[m.kind]).special_id == S_NEGOTIATE):
            return True
    return False


@cython.final
@cython.cclass
class Sways:
    """Who sways whom and how strongly, as three parallel lists (one entry a sway), and
    (once `seal`ed) the same as C arrays, which the weekly world pass reads per vendor."""

    # Fields (declared for C in engine.pxd; annotated here for type checkers).
    src: list[int]
    who: list[int]
    k: list[float]

    def __init__(self) -> None:
        self.src = []
        self.who = []
        self.k = []
        self.n = 0

    @cython.cfunc
    def seal(self) -> cython.int:
        """The lists, complete, copied into the arrays (the lists themselves uncompiled)."""
        n: cython.Py_ssize_t = len(self.src)
        j: cython.Py_ssize_t
        if cython.compiled:
            self.csrc = cython.cast(cython.p_int, malloc(max(n, 1) * cython.sizeof(cython.int)))
            self.cwho = cython.cast(cython.p_int, malloc(max(n, 1) * cython.sizeof(cython.int)))
            self.ck = cython.cast(cython.p_double,
                                  malloc(max(n, 1) * cython.sizeof(cython.double)))
            if not (self.csrc and self.cwho and self.ck):
                raise MemoryError()
            for j in range(n):
                self.csrc[j] = self.src[j]
                self.cwho[j] = self.who[j]
                self.ck[j] = self.k[j]
        else:
            self.csrc, self.cwho, self.ck = self.src, self.who, self.k
        self.n = n
        return 0

    def __dealloc__(self) -> None:
        if cython.compiled:
            free(self.csrc)
            free(self.cwho)
            free(self.ck)


@cython.cfunc
def _sways(state: GameState) -> Sways:
    """The people's sways, worked out again only when someone in a seat has changed."""
    if state.sways is not None and state.sways_stamp == state.stamp:
        return state.sways
    out: Sways = Sways()
    p: Person
    for p in state.plist:
        for who, strength in p.sway_ids:
            out.src.append(p.index)
            out.who.append(who)
            out.k.append(0.08 * strength)
    out.seal()
    state.sways = out
    state.sways_stamp = state.stamp
    return out


@cython.cfunc
def _world(state: GameState, rng: Rng, rec: cython.bint) -> list:
    """Influence spreads, untended relations cool, insiders and coaches report."""
    out = []
    week: cython.int = state.week
    n: cython.Py_ssize_t = state.n_people
    sways: Sways = _sways(state)
    p: Person
    ns: cython.Py_ssize_t = sways.n
    v: Vendor
    r: Relation
    rels: list
    i: cython.Py_ssize_t
    j: cython.Py_ssize_t
    delta: cython.double
    contact: cython.int
    src_i: cython.int
    who_i: cython.int
    strength: cython.double
    before: cython.double[64]  # support at the start (64 people at most)
    if not cython.compiled:
        before = [0.0] * 64
    for v in state.vlist:
        if not v.active:
            continue
        rels = state.rels[v.index]
        for i in range(n):
            r = rels[i]
            before[i] = r.support
        for j in range(ns):
            src_i = sways.csrc[j]
            who_i = sways.cwho[j]
            strength = sways.ck[j]
            delta = strength * (before[src_i] - before[who_i])
            if delta > 1e-4 or delta < -1e-4:
                nudge_support(rels[who_i], delta)
        rivals = None
        for i in range(n):
            r = rels[i]
            contact = r.contact
            if contact >= 1 and week - r.last_touch > 3:
                p = state.plist[i]
                r.support += 0.05 * (p.leaning - r.support)
                r.trust = max(0.0, r.trust - 0.01)
            if contact >= 3 and rng.chance(0.25 if contact == 3 else 0.4):
                if rivals is None:
                    rivals = [o for o in state.vlist
                              if cython.cast(Vendor, o).index != v.index
                              and cython.cast(Vendor, o).active]
                if rivals:
                    o: Vendor = rng.choice(rivals)
                    seen: cython.int = reported_stage(o, informants(state, v.index) < 2, rng)
                    v.intel[o.id] = {"stage": seen, "week": week}
                    v.give(F_COMPETITORS_KNOWN)
                    if rec:
                        out.append({"week": week, "vendor": v.id, "kind": "intel",
                                    "roles": [], "target": state.plist[i].id, "option": None,
                                    "cost": 0, "days": 0,
                                    "effects": {"rival": o.id, "stage": seen}})
    return out


def _c931_table(h: Health, state: GameState) -> dict[str, dict[str, Any]]:
    return {v.id: {"c": h.c[v.index], "f": h.f[v.index], "w": h.w[v.index],
                   "forecast": h.forecast[v.index]} for v in state.vlist}


@cython.cfunc
def _note(w: cython.int, kind: str, eff: dict) -> dict:
    """A calendar entry of the log."""
    return {"week": w, "event": kind, "affects": "all", "affected": [], "calendar": True,
            "effects": eff}


@cython.cfunc
def _calendar(state: GameState, rng: Rng) -> list:
    cal = state.calendar
    w: cython.int = state.week
    out: list[dict[str, Any]] = []
    if w == cal["bid_deadline"] and state.tender is None:
        t = resolve.open_bids(state)
        out.append(_note(w, "bids_opened", {
            "bids": {k: b["price"] for k, b in t["bids"].items()},
            "disqualified": [k for k, b in t["bids"].items() if b["disqualified"]]}))
    if w >= cal["award"] and state.tender is not None and state.award is None \
            and not state.tender.get("evaluated"):
        state.tender["evaluated"] = True
        state.tender["c931"] = _c931_table(health_all(state), state)
        out.append(_note(w, "award", dict(resolve.evaluate(state))))
    a = state.award
    if a and a.get("vendor") and not a.get("notice_over") and cal["notice_weeks"] > 0 \
            and w >= a["notice_end"]:
        out.append(_note(w, "notice_end", dict(resolve.end_notice(state, rng))))
    a = state.award  # a complaint may have handed the award to someone else
    if a and a.get("vendor") and state.contract is None and not a.get("passed") \
            and w >= cal["contract"] + resolve.RUNNER_UP_WAIT:
        out.append(_note(w, "passed_over", dict(resolve.pass_to_runner_up(state))))
    return out


@cython.cfunc
def _snapshot(state: GameState, rec: cython.bint) -> cython.int:
    state.new_turn()
    if not rec:
        return 0
    h = health_all(state)
    state.cache["health"] = (state.turn_id, h)
    state.history.append({
        "week": state.week,
        "stages": {v.id: v.stage for v in state.vlist},
        "status": {v.id: v.status for v in state.vlist},
        "support": {vid: {pid: fround(r.support, 4) for pid, r in rels.items()}
                    for vid, rels in state.relations.items()},
        "spent": {v.id: fround(v.spent, 4) for v in state.vlist},
        "health": _c931_table(h, state),
    })
    return 0


@cython.cfunc
def _check_end(state: GameState) -> cython.int:
    w = state.week
    for v in state.vlist:
        if same(v.status, "won") or same(v.status, "shelved"):
            c = state.contract
            assert c is not None, "a won or shelved deal has a contract"
            state.outcome = {
                "result": v.status, "winner": v.id, "week": w, "reason": v.status,
                "value": c["value"], "margin": c["margin"], "discount": c["discount"],
                "first_payment": c["first_payment"],
                "first_payment_amount": fround(c["value"] * c["first_payment"], 2),
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
        elif w >= state.last_week:
            reason = "timeout"
        if reason:
            state.outcome = {"result": "no_deal", "winner": None, "week": w,
                             "reason": reason, "value": 0.0, "margin": 0.0,
                             "discount": 0.0, "first_payment": 0.0,
                             "first_payment_amount": 0.0}
    if state.outcome is not None:
        state.pending.clear()  # the deal is over: no decision is left to take
        state.outcome["cost_of_sale"] = {v.id: fround(v.spent, 2) for v in state.vlist}
        if state.tender and state.tender.get("c931"):
            state.outcome["c931_at_decision"] = state.tender.get("c931")
        elif state.history:
            state.outcome["c931_at_decision"] = state.history[-1]["health"]
        else:
            state.outcome["c931_at_decision"] = _c931_table(health_all(state), state)
        state.outcome["ranking"] = list(state.tender["ranking"]) if state.tender else []
    return 0


def health_of(state: GameState, vendor: str) -> dict[str, Any]:
    """One vendor's full C931 now (for tools that hold the state)."""
    return health_dict(health_all(state), state.vendors[vendor].index)
