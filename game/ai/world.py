"""Determinisation: a plausible whole GameState built from one vendor's view, never the truth.

What the view shows is copied exactly (our relations, our facts and budget, the calendar, the
public tender). What it hides is drawn from priors with the agent's own RNG: people's
undiscovered roles, traits, needs and motives; each rival's product, price, budget, stage and
standing with every person (centred on our own standing, since rivals work the same people,
and on its stage estimate when an insider told us one). No scenario events are assumed: the
sampled world only moves by what vendors do. This is the information-set sampling of
OpenSpiel's `ResampleFromInfostate`, the opposite of a bot that reads the full state.
"""

from __future__ import annotations

import copy
import random
from typing import Any

from game.ai import knowledge as K
from game.core.state import (
    FIVE_ELEMENTS,
    PHASES,
    GameState,
    Person,
    Relation,
    Vendor,
)
from game.scenario.models import (
    CustomerSpec,
    MotiveKind,
    NeedSpec,
    ScenarioSpec,
    TextSpec,
    TimeSpec,
    Trait,
    VendorSpec,
)

TRAITS = tuple(t.value for t in Trait)
MOTIVES = tuple(m.value for m in MotiveKind)
LATE = {"early": 0.1, "solution": 0.25, "tender": 0.4, "decision": 1.0, "contract": 0.7}
EARLY = {"early": 0.75, "solution": 0.8, "tender": 0.7, "decision": 0.4, "contract": 0.4}
STAGE_FACTS = {
    2: ("profiled", "pursue", "done:research_account", "done:decide_pursue"),
    3: ("first_visit", "need_heard", "process_known"),
    4: (*FIVE_ELEMENTS, "org_mapped", "competitors_known", "done:confirm_opportunity"),
    5: ("product_presented", "demo_done", "references_presented", "kdm_met",
        "criteria_known"),
}


def _text(d: dict[str, str]) -> TextSpec:
    return TextSpec.model_construct(zh=d.get("zh", ""), en=d.get("en", ""))


def _participation(p: dict[str, Any], phase: str, share: float) -> dict[str, float]:
    """A participation curve: late-deciding for decision roles, early for users."""
    mix = min(1.0, max(0.0, (share - 0.4) / 0.6))
    curve = {k: mix * LATE[k] + (1 - mix) * EARLY[k] for k in PHASES}
    if "participation_now" in p and curve[phase] > 0:
        scale = p["participation_now"] / curve[phase]
        curve = {k: min(1.0, v * scale) if k != phase else p["participation_now"]
                 for k, v in curve.items()}
    return curve


def _person(view: dict[str, Any], p: dict[str, Any], rng: random.Random,
            make_kdm: bool) -> Person:
    needs = [n["id"] for n in view["customer"]["needs"]]
    if "roles" in p:
        roles, key, infl = list(p["roles"]), list(p["key"]), float(p["influence"])
    elif make_kdm:
        roles, key, infl = ["decision_maker"], ["KDM"], rng.uniform(0.75, 0.95)
    elif p["senior"]:
        roles = [rng.choice(("approver", "influencer", "budget_holder", "influencer"))]
        key = ["KI"] if roles[0] == "influencer" and rng.random() < 0.5 else []
        infl = rng.uniform(0.4, 0.8)
    else:
        roles = [rng.choice(("user", "user", "purchaser", "initiator", "influencer"))]
        key = ["KU"] if roles[0] == "user" and rng.random() < 0.4 else []
        infl = rng.uniform(0.15, 0.5)
    share = K.decision_share({"roles": roles, "key": key, "senior": p["senior"]})
    traits = list(p["traits"]) if "traits" in p else rng.sample(TRAITS, rng.choice((1, 2, 2)))
    cares = list(p["cares_about"]) if "cares_about" in p else rng.sample(
        needs, min(len(needs), rng.choice((1, 2, 2, 3))))

    def motive(which: str) -> dict[str, Any]:
        if which in p:
            return p[which]
        return {"kind": rng.choice(MOTIVES), "text": {"zh": "", "en": ""}}

    return Person(
        id=p["id"], name=p["name"], title=p["title"], department=p["department"],
        roles=roles, key=key, influence=infl,
        participation=_participation(p, view["phase"], share), senior=p["senior"],
        traits=traits, cares_about=cares, sways=[],
        position_motive=motive("position_motive"), personal_motive=motive("personal_motive"),
        leaning=rng.gauss(0.0, 0.08), generation=p.get("generation", 0),
    )


def _my_relation(p: dict[str, Any]) -> Relation:
    return Relation(
        support=p["support"], trust=p["trust"], contact=p["contact_level"],
        known_position="position_motive" in p, known_personal="personal_motive" in p,
        known_needs="cares_about" in p, known_roles="roles" in p, last_touch=p["last_touch"],
    )


def _rival_stage(view: dict[str, Any], r: dict[str, Any], rng: random.Random) -> int:
    if r["status"] == "lost" and view["award"]:
        return 5
    if view["award"] and view["award"].get("vendor") == r["id"]:
        return 6
    if r["stage_estimate"]:
        gain = (view["week"] - (r["estimate_week"] or view["week"])) // 4
        return min(5, r["stage_estimate"] + gain)
    guess = 1 + view["week"] / rng.uniform(2.5, 4.0)
    return max(2, min(5, int(guess)))


def _rival(view: dict[str, Any], r: dict[str, Any], rng: random.Random
           ) -> tuple[VendorSpec, Vendor, dict[str, Relation]]:
    me = view["me"]
    fit = {n["id"]: min(1.0, max(0.2, me["fit"].get(n["id"], 0.6) + rng.gauss(-0.03, 0.15)))
           for n in view["customer"]["needs"]}
    list_price = me["list_price"] * rng.uniform(0.66, 1.15)
    spec = VendorSpec.model_construct(
        id=r["id"], name=_text(r["name"]), product=_text(r["product"]), side="rival",
        fit=fit, list_price=list_price, floor_price=list_price * rng.uniform(0.72, 0.82),
        delivery_cost=list_price * 0.55, brand=r["brand"], references=r["references"],
        delivery=rng.uniform(0.4, 0.8), sales_budget=K.total_budget(view),
        time=TimeSpec.model_construct(rep=5, presales=4, pm=3, exec=2),
        start_stage=1, enters_week=None, by_event=False, relations={},
    )
    stage = _rival_stage(view, r, rng)
    total = K.total_budget(view) * rng.uniform(0.6, 1.3)
    elapsed = (view["week"] - 1) / max(view["calendar"]["bid_deadline"], 1)
    v = Vendor(
        id=r["id"], side="rival", name=r["name"], product=r["product"], playbook="basic",
        difficulty="normal", active=r["active"], joined_week=1, stage=stage,
        budget=max(4.0, total * (1 - 0.8 * min(1.0, elapsed))), status=r["status"],
    )
    for st, facts in STAGE_FACTS.items():
        if stage >= st:
            v.facts.update(facts)
    if stage >= 4 and rng.random() < 0.5:
        v.facts.add("criteria_shaped")
        v.spec_bias = rng.uniform(0.1, 0.5)
    if r["bid_price"] is not None:
        v.bid = {"price": r["bid_price"], "week": view["calendar"]["bid_deadline"],
                 "option": "m10"}
        v.facts.update({"bid_submitted", "done:submit_bid"})
    if view["award"] and view["award"].get("vendor") == r["id"]:
        v.facts.add("preferred")
    rels = {}
    progress = min(1.0, (stage - 1) / 4)
    for p in view["people"]:
        mean = 0.5 * max(p["support"], -0.2) + 0.5 * (0.05 + 0.35 * progress)
        contact = min(3, int(progress * 3 + rng.random())) if p["contact_level"] or \
            rng.random() < 0.6 else 0
        rels[p["id"]] = Relation(
            support=max(-1.0, min(1.0, rng.gauss(mean, 0.14))),
            trust=max(0.0, min(1.0, rng.gauss(0.2 + 0.3 * progress, 0.1))),
            contact=contact, known_roles=contact > 0, known_needs=contact > 1,
            known_position=contact > 2 and rng.random() < 0.5, last_touch=view["week"] - 1,
        )
    return spec, v, rels


def _spec(view: dict[str, Any], vendor_specs: list[VendorSpec]) -> ScenarioSpec:
    c = view["customer"]
    customer = CustomerSpec.model_construct(
        name=_text(c["name"]), industry=_text(c["industry"]), size=_text(c["size"]),
        profile=_text(c["profile"]),
        needs=[NeedSpec.model_construct(id=n["id"], name=_text(n["name"]), weight=n["weight"])
               for n in c["needs"]],
    )
    sc = view["scenario"]
    return ScenarioSpec.model_construct(
        format=1, id=sc["id"], title=_text(sc["title"]), summary=_text(sc["summary"]),
        last_week=view["last_week"], customer=customer, stakeholders=[],
        vendors=vendor_specs, events=[],
    )


def _me(view: dict[str, Any]) -> tuple[VendorSpec, Vendor]:
    me = view["me"]
    spec = VendorSpec.model_construct(
        id=me["id"], name=_text(me["name"]), product=_text(me["product"]), side=me["side"],
        fit=dict(me["fit"]), list_price=me["list_price"], floor_price=me["floor_price"],
        delivery_cost=me["delivery_cost"], brand=me["brand"], references=me["references"],
        delivery=me["delivery"], sales_budget=K.total_budget(view),
        time=TimeSpec.model_construct(**me["time"]), start_stage=1, enters_week=None,
        by_event=False, relations={},
    )
    v = Vendor(
        id=me["id"], side=me["side"], name=me["name"], product=me["product"],
        playbook=me["playbook"], difficulty=me["difficulty"], active=me["active"],
        joined_week=1, stage=me["stage"], budget=me["budget"], spent=me["spent"],
        facts=set(me["facts"]), status=me["status"], spec_bias=me["spec_bias"],
        bid=copy.deepcopy(me["bid"]), max_discount=me["max_discount"],
        terms=dict(me["terms"]) if me["terms"] else None,
        intel={k: dict(x) for k, x in me["intel"].items()},
        stage_weeks={int(k): w for k, w in me["stage_weeks"].items()},
    )
    return spec, v


def _tender(view: dict[str, Any], vendors: dict[str, Vendor]) -> dict[str, Any] | None:
    t = view["tender"]
    if t is None:
        return None
    bids = {}
    for vid, b in t["bids"].items():
        mine = vid == view["vendor"]
        facts = vendors[vid].facts if vid in vendors else set()
        bids[vid] = {"price": b["price"], "week": t["week"], "option": "m10",
                     "technical": "bid_technical" in facts if mine else True,
                     "service": "bid_service" in facts if mine else True,
                     "disqualified": view["customer"]["budget"] is not None
                     and b["price"] > view["customer"]["budget"] + 1e-9}
    return {"week": t["week"], "bids": bids, "ranking": list(t["ranking"]),
            "totals": dict(t["totals"]), "scores": {}, "preferred": t["preferred"],
            "override": t["override"], "evaluated": bool(t["ranking"])}


def determinise(view: dict[str, Any], rng: random.Random) -> GameState:
    """One sample of the whole game consistent with `view` (and nothing else)."""
    me = view["me"]
    kdm_known = any(K.is_key(p, "KDM") for p in view["people"])
    unknown_senior = [p["id"] for p in view["people"] if p["senior"] and "roles" not in p]
    kdm_pick = None if kdm_known or not unknown_senior else rng.choice(unknown_senior)
    people = {p["id"]: _person(view, p, rng, p["id"] == kdm_pick) for p in view["people"]}
    my_spec, my_v = _me(view)
    specs, vendors = [my_spec], {me["id"]: my_v}
    relations = {me["id"]: {p["id"]: _my_relation(p) for p in view["people"]}}
    for r in view["rivals"]:
        spec, v, rels = _rival(view, r, rng)
        specs.append(spec)
        vendors[v.id] = v
        relations[v.id] = rels
    c = view["customer"]
    budget = c["budget"] if c["budget"] is not None else me["list_price"] * rng.uniform(0.9, 1.2)
    crit = c["criteria"] or _criteria(rng)
    state = GameState(
        spec=_spec(view, specs), seed=0, rng=rng.getrandbits(64), week=view["week"],
        calendar=dict(view["calendar"]), budget=budget,
        need_weights={n["id"]: n["weight"] for n in c["needs"]}, criteria=dict(crit),
        first_payment_max=c["first_payment_max"] if c["first_payment_max"] is not None
        else 0.3, first_payment_min=0.1, shelve_risk=0.0, people=people, vendors=vendors,
        relations=relations,
    )
    state.tender = _tender(view, vendors)
    state.award = copy.deepcopy(view["award"])
    state.contract = copy.deepcopy(view["contract"])
    return state


def _criteria(rng: random.Random) -> dict[str, float]:
    t, p, s = rng.uniform(0.4, 0.6), rng.uniform(0.2, 0.4), rng.uniform(0.1, 0.3)
    total = t + p + s
    return {"technical": t / total, "price": p / total, "service": s / total}


def clone(state: GameState) -> GameState:
    """A copy a rollout may change freely (people and the scenario are shared, read-only)."""
    new = copy.copy(state)
    new.calendar = dict(state.calendar)
    new.need_weights = dict(state.need_weights)
    new.criteria = dict(state.criteria)
    new.vendors = {k: _copy_vendor(v) for k, v in state.vendors.items()}
    new.relations = {k: {pid: _copy_slots(r, _REL) for pid, r in rels.items()}
                     for k, rels in state.relations.items()}
    new.people = dict(state.people)
    new.fired = list(state.fired)
    new.pending = {}
    new.tender = copy.deepcopy(state.tender)
    new.award = copy.deepcopy(state.award)
    new.contract = copy.deepcopy(state.contract)
    new.outcome = None
    new.log, new.plans, new.history = [], [], []
    new.cache = {}
    return new


_REL = tuple(Relation.__slots__)
_VENDOR = tuple(Vendor.__slots__)


def _copy_slots(obj: Any, names: tuple[str, ...]) -> Any:
    """A shallow copy of a slotted dataclass, much faster than `copy.copy`."""
    new = object.__new__(type(obj))
    for n in names:
        object.__setattr__(new, n, getattr(obj, n))
    return new


def _copy_vendor(v: Vendor) -> Vendor:
    n = _copy_slots(v, _VENDOR)
    n.facts = set(v.facts)
    n.bid = copy.deepcopy(v.bid)
    n.terms = dict(v.terms) if v.terms else None
    n.intel = {k: dict(x) for k, x in v.intel.items()}
    n.stage_weeks = dict(v.stage_weeks)
    n.days_used = dict(v.days_used)
    return n

