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
from dataclasses import dataclass, field
from typing import Any

from game.ai import knowledge as K
from game.core.ids import (
    BUYING_ROLES,
    FACTS,
    KEY_TAGS,
    MOTIVES,
    PHASES,
    TRAITS,
    mask,
)
from game.core.informants import COACH_FAVOURS
from game.core.preference import FAV_LEAD, FAV_MIN
from game.core.rng import Rng
from game.core.state import (
    FIVE_ELEMENTS,
    GameState,
    Person,
    Relation,
    Vendor,
)
from game.core.views import MeView, PersonView, RivalView, VendorView

LATE = {"early": 0.1, "solution": 0.25, "tender": 0.4, "decision": 1.0, "contract": 0.7}
EARLY = {"early": 0.75, "solution": 0.8, "tender": 0.7, "decision": 0.4, "contract": 0.4}
STAGE_FACTS = {
    2: ("profiled", "pursue", "done:research_account", "done:decide_pursue"),
    3: ("first_visit", "need_heard", "process_known"),
    4: (*FIVE_ELEMENTS, "org_mapped", "competitors_known", "done:confirm_opportunity"),
    5: ("product_presented", "demo_done", "references_presented", "kdm_met",
        "criteria_known"),
}
_EMPTY = {"zh": "", "en": ""}
# How far a rival has written itself into the tender's criteria (its spec bias), calibrated on
# what vendors do (normal games, all shipped scenarios, the weeks before the bid deadline): a
# rival in P5 has shaped them in nine games of ten, by 0.56 on average once the deadline is
# four weeks off and less before; one in P4 in half of them. The earlier prior (half of the
# rivals in P4 or later, by 0.1-0.5) left the expert and the coach expecting to win the
# tender at 0.40 where the same outlook on the real state said 0.27 (the games' own result:
# 0.26), and an expert that thinks it leads bids for margin and loses.
SHAPED_AT_P5 = 0.92
SHAPED_AT_P4 = 0.5
SHAPING_WEEKS = 12
SHAPING_RAMP = 8.0
SHAPING_RAMP_FLOOR = 0.3


@dataclass
class _Time:
    rep: int = 5
    presales: int = 4
    pm: int = 3
    exec: int = 2


@dataclass
class _VendorInfo:
    """What a sampled vendor brings (the fields `Vendor.link` reads from a scenario entry)."""

    id: str
    side: str
    fit: dict[str, float]
    list_price: float
    floor_price: float
    delivery_cost: float
    brand: float
    references: int
    delivery: float
    time: _Time = field(default_factory=_Time)
    by_event: bool = False
    enters_week: int | None = None


@dataclass
class _Mode:
    value: str


@dataclass
class _Personnel:
    weekly_chance: float = 0.0  # a sampled world assumes nobody moves on
    rumour_weeks: int = 0


@dataclass
class _Customer:
    procurement: _Mode
    personnel: _Personnel = field(default_factory=_Personnel)
    budget_approved_week: int = 0


@dataclass
class _World:
    """The parts of a scenario a sampled world needs: no events, the view's season."""

    id: str
    last_week: int
    vendors: list[_VendorInfo]
    customer: _Customer
    events: list[Any] = field(default_factory=list)


def _participation(p: PersonView, phase: str, share: float) -> dict[str, float]:
    """A participation curve: late-deciding for decision roles, early for users."""
    mix = min(1.0, max(0.0, (share - 0.4) / 0.6))
    curve = {k: mix * LATE[k] + (1 - mix) * EARLY[k] for k in PHASES}
    if p.roles_known and curve[phase] > 0:
        scale = p.part_now / curve[phase]
        curve = {k: min(1.0, v * scale) if k != phase else p.part_now
                 for k, v in curve.items()}
    return curve


def _person(vv: VendorView, p: PersonView, rng: Rng, make_kdm: bool) -> Person:
    needs = list(vv.need_ids)
    if p.roles_known:
        roles, key, infl = list(p.roles), list(p.key), float(p.influence)
    elif make_kdm:
        roles, key, infl = ["decision_maker"], ["KDM"], rng.uniform(0.75, 0.95)
    elif p.senior:
        roles = [rng.choice(("approver", "influencer", "budget_holder", "influencer"))]
        key = ["KI"] if roles[0] == "influencer" and rng.random() < 0.5 else []
        infl = rng.uniform(0.4, 0.8)
    else:
        roles = [rng.choice(("user", "user", "purchaser", "initiator", "influencer"))]
        key = ["KU"] if roles[0] == "user" and rng.random() < 0.4 else []
        infl = rng.uniform(0.15, 0.5)
    share = K.role_share(mask(roles, BUYING_ROLES), mask(key, KEY_TAGS)) if roles else \
        (0.75 if p.senior else 0.4)
    traits = list(p.traits) if p.needs_known else rng.sample(TRAITS, rng.choice((1, 2, 2)))
    cares = list(p.cares_about) if p.needs_known else rng.sample(
        needs, min(len(needs), rng.choice((1, 2, 2, 3))))
    position = p.position_motive if p.pos_known else \
        {"kind": rng.choice(MOTIVES), "text": _EMPTY}
    personal = p.personal_motive if p.pers_known else \
        {"kind": rng.choice(MOTIVES), "text": _EMPTY}
    return Person(
        id=p.id, name=p.name, title=p.title, department=p.department, roles=roles, key=key,
        influence=infl, participation=_participation(p, PHASES[vv.phase], share),
        senior=p.senior, traits=traits, cares_about=cares, sways=[],
        position_motive=position, personal_motive=personal,
        leaning=rng.gauss(0.0, 0.08), generation=p.generation, availability=p.gap,
    )


def _my_relation(p: PersonView) -> Relation:
    return Relation(
        support=p.support, trust=p.trust, contact=p.contact, known_position=p.pos_known,
        known_personal=p.pers_known, known_needs=p.needs_known, known_roles=p.roles_known,
        last_touch=p.last_touch, met_week=p.met_week, last_kind=p.last_kind,
        introduced=p.introduced, favours=COACH_FAVOURS - p.favours_left if p.contact >= 4
        else 0,
    )


def _rival_stage(vv: VendorView, r: RivalView, rng: Rng) -> int:
    if r.status == "lost" and vv.award:
        return 5
    if vv.award and vv.award.get("vendor") == r.id:
        return 6
    if r.stage_estimate:
        gain = (vv.week - (r.estimate_week or vv.week)) // 4
        return min(5, r.stage_estimate + gain)
    guess = 1 + vv.week / rng.uniform(2.5, 4.0)
    return max(2, min(5, int(guess)))


def _rival(vv: VendorView, r: RivalView, rng: Rng
           ) -> tuple[_VendorInfo, Vendor, dict[str, Relation]]:
    me = vv.me
    fit = {nid: min(1.0, max(0.2, me.fit[i] + rng.gauss(-0.03, 0.15)))
           for i, nid in enumerate(vv.need_ids)}
    list_price = me.list_price * rng.uniform(0.66, 1.15)
    info = _VendorInfo(
        id=r.id, side="rival", fit=fit, list_price=list_price,
        floor_price=list_price * rng.uniform(0.72, 0.82), delivery_cost=list_price * 0.55,
        brand=r.brand, references=r.references, delivery=rng.uniform(0.4, 0.8),
    )
    stage = _rival_stage(vv, r, rng)
    total = K.total_budget(vv) * rng.uniform(0.6, 1.3)
    elapsed = (vv.week - 1) / max(vv.cal_bid_deadline, 1)
    facts: list[str] = []
    for st, names in STAGE_FACTS.items():
        if stage >= st:
            facts.extend(names)
    v = Vendor(
        id=r.id, side="rival", name=r.name, product=r.product, playbook="basic",
        difficulty="normal", active=r.active, joined_week=1, stage=stage,
        budget=max(4.0, total * (1 - 0.8 * min(1.0, elapsed))), status=r.status,
        facts=facts,
    )
    if stage >= 4 and rng.random() < (SHAPED_AT_P5 if stage >= 5 else SHAPED_AT_P4):
        v.facts.add("criteria_shaped")
        weeks = vv.cal_bid_deadline - vv.week
        ramp = min(1.0, max(SHAPING_RAMP_FLOOR, (SHAPING_WEEKS - weeks) / SHAPING_RAMP))
        v.spec_bias = ramp * rng.uniform(0.1, 1.0)
    if r.bid_price is not None:
        v.bid = {"price": r.bid_price, "week": vv.cal_bid_deadline, "option": "m10"}
        v.facts.update({"bid_submitted", "done:submit_bid"})
    if vv.award and vv.award.get("vendor") == r.id:
        v.facts.add("preferred")
    rels = {}
    progress = min(1.0, (stage - 1) / 4)
    for p in vv.people:
        mean = 0.5 * max(p.support, -0.2) + 0.5 * (0.05 + 0.35 * progress)
        fav = p.favourite  # an informant told us whom this person favours
        if fav == r.id:
            mean = max(mean, p.support + 0.2)
        elif fav == vv.vendor:
            mean = min(mean, p.support - 0.1)
        elif fav == "":
            mean = p.support
        elif fav is not None:
            mean = min(mean, p.support)
        contact = min(3, int(progress * 3 + rng.random())) if p.contact or \
            rng.random() < 0.6 else 0
        rels[p.id] = Relation(
            introduced=contact > 0,
            support=max(-1.0, min(1.0, rng.gauss(mean, 0.14))),
            trust=max(0.0, min(1.0, rng.gauss(0.2 + 0.3 * progress, 0.1))),
            contact=contact, known_roles=contact > 0, known_needs=contact > 1,
            known_position=contact > 2 and rng.random() < 0.5, last_touch=vv.week - 1,
        )
    return info, v, rels


def _me(vv: VendorView) -> tuple[_VendorInfo, Vendor]:
    me: MeView = vv.me
    info = _VendorInfo(
        id=me.id, side=me.side, fit=dict(me.fit_dict), list_price=me.list_price,
        floor_price=me.floor_price, delivery_cost=me.delivery_cost, brand=me.brand,
        references=me.references, delivery=me.delivery, time=_Time(*me.time),
    )
    v = Vendor(
        id=me.id, side=me.side, name=me.name, product=me.product, playbook=me.playbook,
        difficulty=me.difficulty, active=me.active, joined_week=1, stage=me.stage,
        budget=me.budget, spent=me.spent,
        facts=[FACTS[i] for i in range(len(FACTS)) if me.has(i)], status=me.status,
        spec_bias=me.spec_bias, bid=copy.deepcopy(me.bid), max_discount=me.max_discount,
        terms=dict(me.terms) if me.terms else None,
        intel={k: dict(x) for k, x in me.intel.items()},
        stage_weeks={int(k): w for k, w in me.stage_weeks.items()},
    )
    return info, v


def _tender(vv: VendorView, vendors: dict[str, Vendor]) -> dict[str, Any] | None:
    t = vv.tender
    if t is None:
        return None
    bids = {}
    for vid, b in t["bids"].items():
        mine = vid == vv.vendor
        v = vendors.get(vid)
        bids[vid] = {"price": b["price"], "week": t["week"], "option": "m10",
                     "technical": ("bid_technical" in v.facts) if mine and v else True,
                     "service": ("bid_service" in v.facts) if mine and v else True,
                     "disqualified": vv.budget_known and b["price"] > vv.cust_budget + 1e-9}
    return {"week": t["week"], "bids": bids, "ranking": list(t["ranking"]),
            "totals": dict(t["totals"]), "scores": {}, "preferred": t["preferred"],
            "override": t["override"], "evaluated": bool(t["ranking"])}


def determinise(vv: VendorView, rng: Rng) -> GameState:
    """One sample of the whole game consistent with the view (and nothing else)."""
    me = vv.me
    kdm_known = any(p.key_mask & 4 for p in vv.people)
    unknown_senior = [p.id for p in vv.people if p.senior and not p.roles_known]
    kdm_pick = None if kdm_known or not unknown_senior else rng.choice(unknown_senior)
    people = {p.id: _person(vv, p, rng, p.id == kdm_pick) for p in vv.people}
    my_info, my_v = _me(vv)
    infos, vendors = [my_info], {me.id: my_v}
    relations = {me.id: {p.id: _my_relation(p) for p in vv.people}}
    for r in vv.rivals:
        info, v, rels = _rival(vv, r, rng)
        infos.append(info)
        vendors[v.id] = v
        relations[v.id] = rels
    _agree_with_favourites(vv, relations)
    budget = vv.cust_budget if vv.budget_known else me.list_price * rng.uniform(0.9, 1.2)
    crit = dict(vv.criteria) if vv.criteria is not None else _criteria(rng)
    state = GameState(
        spec=_World(id=vv.texts["scenario"]["id"], last_week=vv.last_week, vendors=infos,
                    customer=_Customer(_Mode(vv.procurement))),
        seed=0, rng=rng.next64(), week=vv.week, calendar=dict(vv.calendar), budget=budget,
        need_weights=dict(zip(vv.need_ids, vv.nw, strict=True)), criteria=crit,
        first_payment_max=vv.first_payment_max if vv.budget_known else 0.3,
        first_payment_min=0.1, shelve_risk=0.0, people=people, vendors=vendors,
        relations=relations,
    )
    state.texts = dict(vv.texts, need_names=list(vv.need_names),
                       fit={i.id: dict(i.fit) for i in infos})
    state.tender = _tender(vv, vendors)
    state.award = copy.deepcopy(vv.award)
    state.contract = copy.deepcopy(vv.contract)
    state.recording = False
    return state


def _agree_with_favourites(vv: VendorView, relations: dict[str, dict[str, Relation]]
                           ) -> None:
    """Move the rivals' sampled support just enough that everyone whose favourite the view
    knows (an insider or coach told us) favours the same vendor, or nobody, in the sample:
    drawn around the favourite, the support alone often ranked the field otherwise."""
    me: MeView = vv.me
    racing = [r.id for r in vv.rivals if r.active and r.status != "lost"]
    if me.active and me.status != "lost":
        racing.append(me.id)
    step = 0.01
    p: PersonView
    for p in vv.people:
        fav = p.favourite
        if fav is None or not racing:
            continue
        rs = {vid: relations[vid][p.id] for vid in racing}
        order = sorted(rs, key=lambda vid: -rs[vid].support)
        if fav == "":  # undecided: nobody both supportive enough and clearly ahead
            top = rs[order[0]].support
            second = rs[order[1]].support if len(order) > 1 else -2.0
            if top < FAV_MIN or top - second < FAV_LEAD:
                continue
            if order[0] != me.id:
                rs[order[0]].support = max(FAV_MIN - step, second + FAV_LEAD / 2)
            elif len(order) > 1:
                rs[order[1]].support = top - FAV_LEAD / 2
        elif fav in rs:
            if fav == me.id:
                for vid in racing:
                    if vid != me.id:
                        rs[vid].support = max(-1.0, min(rs[vid].support,
                                                        p.support - FAV_LEAD - step))
            else:
                others = [rs[vid].support for vid in racing if vid != fav]
                best = max(others) if others else -1.0
                rs[fav].support = min(1.0, max(rs[fav].support, FAV_MIN + step,
                                               best + FAV_LEAD + step))


def _criteria(rng: Rng) -> dict[str, float]:
    t, p, s = rng.uniform(0.4, 0.6), rng.uniform(0.2, 0.4), rng.uniform(0.1, 0.3)
    total = t + p + s
    return {"technical": t / total, "price": p / total, "service": s / total}


def clone(state: GameState) -> GameState:
    """A copy a rollout may change freely (people and the scenario are shared, read-only)."""
    return state.fork()
