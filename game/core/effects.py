"""Applying one team action to the state: the generic effect model plus the special moves.

An action lands harder when it addresses a motive the vendor has discovered, when the right
role does it at the right stage, when it suits the person's traits, and when the person is
taking part in the current phase. Every draw comes from the state's RNG. The log entry (what
the window and the debrief show) is written only when the game is recorded.
"""

from __future__ import annotations

from typing import Any

import cython

from game.core.actions import BID_DISCOUNT, BID_OPTIONS, DEFS, NEGOTIATE_OPTIONS, ActionDef
from game.core.informants import COACH_FAVOURS, WRONG_REPORT, informants
from game.core.num import cared_fit, clamp, fround
from game.core.preference import best_other, court, leads, nudge_support, nudge_trust
from game.core.resolve import MAX_DISCOUNT, collect_payment, negotiate, sign_contract
from game.core.rng import Rng
from game.core.state import GameState, Person, Relation, Vendor

if not cython.compiled:
    from game.core.ids import (
        A_CALL,
        B_BUDGET_HOLDER,
        B_INFLUENCER,
        B_INITIATOR,
        B_PURCHASER,
        B_USER,
        C_COACH,
        F_BID_DEFENDED,
        F_COMPETITORS_KNOWN,
        F_CRITERIA_KNOWN,
        F_CRITERIA_SHAPED,
        F_DONE,
        F_EL_BUDGET,
        F_EL_FIT,
        F_EL_LEAD,
        F_EL_NEED,
        F_EL_TIMELINE,
        F_EXEC_CONFIRMED,
        F_FIRST_VISIT,
        F_KDM_MET,
        F_NEED_HEARD,
        F_ORG_MAPPED,
        F_PROCESS_KNOWN,
        K_KDM,
        K_KI,
        M_RISK,
        PH_DECISION,
        PH_EARLY,
        PH_SOLUTION,
        PH_TENDER,
        S_APPROVE_DISCOUNT,
        S_ASK_COACH,
        S_BID,
        S_BID_DEFENSE,
        S_COACH,
        S_COLLECT,
        S_COMPLAINT,
        S_CONFIRM,
        S_DELIVERY_PLAN,
        S_DISCREDIT,
        S_INTEL,
        S_INTRODUCE,
        S_MEET_KDM,
        S_NEEDS_REFERENCES,
        S_NEGOTIATE,
        S_PROPOSAL,
        S_QUALIFY,
        S_REACH_OUT,
        S_SHAPE,
        S_SIGN,
        T_BUSY,
        T_SKEPTICAL,
    )

MOTIVE_FOUND = 2.2
_MOTIVE_FOUND = cython.declare(cython.double, MOTIVE_FOUND)
MOTIVE_LUCKY = 1.15
_MOTIVE_LUCKY = cython.declare(cython.double, MOTIVE_LUCKY)
REPEAT = 0.5  # the same move on the same person twice running lands half as hard
COACH_SPEAKS = 0.08  # the support a coach's word upward wins with the KDM (ask_coach)
KDM_CONFIDE = 0.6  # the trust at which a KDM tells a vendor what they want personally; before
# that only a coach tells it (ask_coach). With preference.KDM_GUARDED it makes W scarce.
_KDM_CONFIDE = cython.declare(cython.double, KDM_CONFIDE)
_REPEAT = cython.declare(cython.double, REPEAT)
JOINT_PREMIUM = 1.3  # two roles together land harder than one (001: team selling)
_JOINT_PREMIUM = cython.declare(cython.double, JOINT_PREMIUM)
# A meeting someone grants rarely builds more trust: by weeks between meetings (1..6).
RARE = (1.0, 1.0, 1.4, 1.7, 1.9, 2.1, 2.3)
_RARE = cython.declare(cython.double[7], [1.0, 1.0, 1.4, 1.7, 1.9, 2.1, 2.3])
INTRO_COACH = 0.9  # a coach's introduction to the KDM almost always works
DISCREDIT = 0.15  # what smearing a rival takes from it, or costs us when it backfires


@cython.ccall
def kdm_phase(phase: cython.int) -> cython.double:
    """How much a meeting moves the KDM, by phase. The KDM says little early (001) and forms
    their view while the solution is shaped, before the tender (004: do not wait for the
    tender to meet senior people); once the bids are in, pressure moves them less. Early
    contact still opens the door and builds trust for later."""
    if phase == PH_EARLY:
        return 0.8
    if phase == PH_SOLUTION:
        return 1.3
    if phase == PH_TENDER:
        return 0.75
    return 0.5


_HIT = ("", "position", "personal")


@cython.ccall
def person_fit(state: GameState, v: Vendor, p: Person) -> cython.double:
    """Our product's fit on the needs this person cares about (all needs if none)."""
    return cared_fit(state.nw, v.fit, p.care_ids)


@cython.ccall
def motive_hit(d: ActionDef, p: Person, r: Relation) -> cython.int:
    """Which of the person's motives the action addresses: 0 none, 1 the position interest,
    2 the personal one (when both are addressed, the one that lands harder; a discovered
    motive lands harder than one hit by luck)."""
    if not d.addr_mask:
        return 0
    best: cython.double = 1.0
    hit: cython.int = 0
    mult: cython.double
    if d.addr_mask >> p.pos_kind & 1:
        best = _MOTIVE_FOUND if r.known_position else _MOTIVE_LUCKY
        hit = 1
    if d.addr_mask >> p.pers_kind & 1:
        mult = _MOTIVE_FOUND if r.known_personal else _MOTIVE_LUCKY
        if mult > best:
            hit = 2
    return hit


def motive_mult(d: ActionDef, p: Person, r: Relation) -> tuple[float, str | None]:
    """How much harder the action lands for the motive it addresses, and which motive."""
    hit = motive_hit(d, p, r)
    if not hit:
        return 1.0, None
    known = r.known_position if hit == 1 else r.known_personal
    return (MOTIVE_FOUND if known else MOTIVE_LUCKY), _HIT[hit]


@cython.cfunc
def _touch(state: GameState, v: Vendor, d: ActionDef, p: Person, rng: Rng,
           eff: dict | None) -> cython.void:
    r: Relation = state.rels[v.index][p.index]
    phase: cython.int = state.phase_id()
    stage_m: cython.double = 1.15 if d.best_lo <= v.stage <= d.best_hi else 0.85
    hit: cython.int = motive_hit(d, p, r)
    mot_m: cython.double = 1.0
    if hit == 1:
        mot_m = _MOTIVE_FOUND if r.known_position else _MOTIVE_LUCKY
    elif hit == 2:
        mot_m = _MOTIVE_FOUND if r.known_personal else _MOTIVE_LUCKY
    mult: cython.double
    trait_m: cython.double = 1.0
    t: cython.int
    for t in p.trait_ids:
        trait_m *= d.trait_mult[t]
    part_m: cython.double = 0.4 + 0.6 * p.part[phase]
    mult = stage_m * mot_m * trait_m * part_m * rng.uniform(0.8, 1.2)
    if r.last_kind == d.kind:
        mult *= _REPEAT
    if d.joint:
        mult *= _JOINT_PREMIUM
    if p.key_mask & K_KDM:
        mult *= kdm_phase(phase)
    if d.fit_scaled:
        mult *= 0.4 + 1.2 * person_fit(state, v, p)
    if d.special_id == S_NEEDS_REFERENCES:
        mult *= min(1.0, 0.4 + 0.15 * v.references)
    if d.special_id == S_REACH_OUT:
        if r.support < 0:
            mult *= 2.0
        rival: cython.int = best_other(state, v.index, p.index)
        if rival >= 0 and cython.cast(Relation, state.rels[rival][p.index]).support > \
                r.support + 0.05:
            mult *= 1.5  # reaching out to a rival's backer (004: 主动示好)
    skeptic: cython.double = 0.7 if p.traits_mask & T_SKEPTICAL else 1.0
    gain: cython.double
    if eff is not None:
        eff["person"] = p.id
    if d.support:
        gain = court(state, v, p.index, d.support * mult * (0.6 + 0.4 * r.trust))
        if eff is not None:
            eff["support"] = fround(gain, 4)
    if d.trust:
        gain = nudge_trust(r, d.trust * trait_m * skeptic * _RARE[p.gap] * rng.uniform(0.8, 1.2))
        if eff is not None:
            eff["trust"] = fround(gain, 4)
    if hit and eff is not None:
        eff["motive_hit"] = _HIT[hit]
    ok: cython.bint
    if d.contact_to > r.contact and r.trust >= d.contact_trust:
        ok = True
        if d.kind == A_CALL:
            ok = rng.chance(0.8 * (0.5 if p.traits_mask & T_BUSY else 1.0) + 0.1)
        elif d.special_id == S_COACH and (p.key_mask & K_KDM or
                                          not leads(state, v.index, p.index)):
            # The KDM never coaches (even a vendor whose view does not know they decide);
            # nobody coaches a vendor other than the one they lean to most.
            ok = False
            if eff is not None:
                eff["declined"] = True
        if ok:
            r.contact = d.contact_to
            if eff is not None:
                eff["contact"] = r.contact
    elif d.contact_to > r.contact and r.contact < 1:
        # Too little trust for a relationship yet, but the meeting happened: they have met us.
        r.contact = 1
        if eff is not None:
            eff["contact"] = 1
    depth: cython.double = 1.5 if r.contact >= 3 else 1.0
    if d.reveal_roles and not r.known_roles:
        r.known_roles = True
        if eff is not None:
            eff["learned_roles"] = True
    if d.reveal_needs and not r.known_needs and rng.chance(
            d.reveal_needs * (0.6 + 0.4 * r.trust) * depth):
        r.known_needs = True
        if eff is not None:
            eff["learned_needs"] = True
    learned: cython.int = 0
    if d.reveal_position and not r.known_position and rng.chance(
            d.reveal_position * (0.5 + r.trust) * depth):
        r.known_position = True
        learned = 1
    if d.reveal_personal and not r.known_personal and (
            not p.key_mask & K_KDM or r.trust >= _KDM_CONFIDE) and rng.chance(
            d.reveal_personal * (0.4 + r.trust) * depth):
        r.known_personal = True
        learned += 2
    if learned and eff is not None:
        eff["learned"] = ("position", "personal", "both")[learned - 1]
    r.last_touch = state.week
    r.met_week = state.week
    r.last_kind = d.kind
    if d.opens_doors and p.key_mask & K_KDM:
        r.introduced = True
    if d.special_id == S_MEET_KDM and p.key_mask & K_KDM and r.contact >= 1:
        v.give(F_KDM_MET)
    f: cython.int
    if r.known_needs:
        for f in d.fact_ids:
            if f == F_FIRST_VISIT or f == F_NEED_HEARD:
                v.give(F_NEED_HEARD)
                break


@cython.cfunc
def _qualify(state: GameState, v: Vendor) -> list:
    """The rep checks which of the five elements of a valid opportunity now hold."""
    rels: list = state.rels[v.index]
    ok = []
    lead: cython.bint = False
    budget: cython.bint = False
    timeline: cython.bint = False
    any_known: cython.bint = False
    cares = set()
    i: cython.Py_ssize_t
    p: Person
    r: Relation
    for i in range(state.n_people):
        p = state.plist[i]
        r = rels[i]
        if r.contact >= 1 and p.roles_mask & (B_INITIATOR | B_USER):
            lead = True
        if r.known_needs:
            any_known = True
            cares.update(p.care_ids)
        if r.contact >= 2 and p.roles_mask & (B_BUDGET_HOLDER | B_PURCHASER) and \
                state.week >= state.approved_week:
            budget = True
        if r.contact >= 1 and p.roles_mask & (B_PURCHASER | B_INITIATOR):
            timeline = True
    if lead:
        ok.append(F_EL_LEAD)
    if any_known:
        ok.append(F_EL_NEED)
        needs = sorted(cares) if cares else list(range(state.n_needs))
        acc: cython.double = 0.0
        for i in needs:
            acc += cython.cast(cython.double, v.fit[i])
        if acc / len(needs) >= 0.5:
            ok.append(F_EL_FIT)
    if budget:
        ok.append(F_EL_BUDGET)
    if timeline:
        ok.append(F_EL_TIMELINE)
        v.give(F_PROCESS_KNOWN)
    new = [f for f in ok if not v.has(f)]
    for f in ok:
        v.give(f)
    return new


def qualify(state: GameState, v: Vendor) -> list[str]:
    """The five elements a qualifying pass verifies now that were not verified before."""
    return [_fact_name(f) for f in _qualify(state, v)]


@cython.ccall
def reported_stage(o: Vendor, lone: cython.bint, rng: Rng) -> cython.int:
    """A rival's stage as an insider reports it: a lone insider is sometimes a stage off;
    several insiders, or a coach, cross-check each other (004: verify through many
    channels)."""
    if lone and rng.chance(WRONG_REPORT):
        if o.stage <= 1 or (o.stage < 7 and rng.chance(0.5)):
            return o.stage + 1
        return o.stage - 1
    return o.stage


def _intel(state: GameState, v: Vendor, p: Person, rng: Rng, rec: bool) -> dict | None:
    """An insider or coach tells what they see: rivals' progress, the org, a motive."""
    learned: dict[str, Any] | None = {"rivals": {}} if rec else None
    o: Vendor
    lone: cython.bint = informants(state, v.index) < 2
    stage: cython.int
    for o in state.vlist:
        if o.index != v.index and o.active:
            stage = reported_stage(o, lone, rng)
            v.intel[o.id] = {"stage": stage, "week": state.week}
            if learned is not None:
                learned["rivals"][o.id] = stage
    v.give(F_COMPETITORS_KNOWN)
    v.give(F_ORG_MAPPED)
    rels: list = state.rels[v.index]
    r: Relation
    for r in rels:
        r.known_roles = True
    if p.roles_mask & (B_INFLUENCER | B_USER) or p.key_mask & K_KI or p.senior:
        v.give(F_CRITERIA_KNOWN)
    hidden = [q for q in state.plist if q.index != p.index
              and not cython.cast(Relation, rels[q.index]).known_position]
    if hidden and rng.chance(0.6):
        q: Person = rng.choice(hidden)
        cython.cast(Relation, rels[q.index]).known_position = True
        if learned is not None:
            learned["motive_of"] = q.id
    cython.cast(Relation, rels[p.index]).last_touch = state.week
    return learned


@cython.cfunc
def _broadcast(state: GameState, v: Vendor, kind: cython.int, rec: cython.bint) -> dict | None:
    """A presentation reaches everyone the vendor is in contact with who cares."""
    out: dict[str, float] | None = {} if rec else None
    rels: list = state.rels[v.index]
    i: cython.Py_ssize_t
    p: Person
    r: Relation
    amount: cython.double
    gain: cython.double
    for i in range(state.n_people):
        p = state.plist[i]
        r = rels[i]
        if r.contact < 1:
            continue
        if kind == S_PROPOSAL:
            if not p.cares_about:
                continue
            amount = 0.04 * (0.4 + 1.2 * person_fit(state, v, p))
        elif kind == S_DELIVERY_PLAN:
            if not (p.roles_mask & B_USER or p.pos_kind == M_RISK or p.pers_kind == M_RISK):
                continue
            amount = 0.05 * (0.5 + v.delivery)
        else:  # the bid defence, before the people who decide
            if not p.part[PH_DECISION] >= 0.5:
                continue
            amount = 0.05
        gain = court(state, v, i, amount)
        if out is not None:
            out[p.id] = fround(gain, 4)
    return out


def _shape(state: GameState, v: Vendor, p: Person) -> dict[str, Any]:
    r: Relation = state.rels[v.index][p.index]
    gain = 0.12 * (0.5 + max(r.support, 0.0)) * (1.5 if r.contact >= 3 else 1.0)
    v.spec_bias = clamp(v.spec_bias + gain, 0.0, 1.0)
    tech = 0.0
    for n in range(state.n_needs):
        tech += state.nw[n] * v.fit[n]
    service = (v.delivery + v.brand) / 2
    lean = "technical" if tech >= service else "service"
    crit = state.criteria
    crit[lean] += 0.03
    total = 0.0
    for x in crit.values():
        total += x
    for k in crit:
        crit[k] = fround(crit[k] / total, 4)
    state.sync()
    v.give(F_CRITERIA_SHAPED)
    v.give(F_CRITERIA_KNOWN)
    r.last_touch = state.week
    return {"spec_bias": fround(v.spec_bias, 4), "criteria": lean}


@cython.cfunc
def _introduce(state: GameState, v: Vendor, p: Person, rng: Rng, rec: cython.bint) -> dict | None:
    """An insider or coach introduces us to the KDM (a coach almost surely, an insider as far
    as they trust us and sit near the decision); a coach's introduction is one of its
    favours."""
    rels: list = state.rels[v.index]
    r: Relation = rels[p.index]
    chance: cython.double
    if r.contact >= C_COACH and r.favours < COACH_FAVOURS:
        r.favours += 1
        chance = INTRO_COACH
    else:
        chance = 0.2 + 0.5 * r.trust
        if p.senior or p.roles_mask & (B_PURCHASER | B_USER):
            chance += 0.15
        chance = min(chance, 0.85)
    met = []
    q: Person
    rq: Relation
    if rng.chance(chance):
        for q in state.plist:
            if q.key_mask & K_KDM:
                rq = rels[q.index]
                if not rq.introduced:
                    rq.introduced = True
                    rq.known_roles = True
                    if rq.contact < 1:
                        rq.contact = 1
                    met.append(q.id)
    return {"introduced": met} if rec else None


@cython.cfunc
def _ask_coach(state: GameState, v: Vendor, p: Person, rec: cython.bint) -> dict | None:
    """The coach tells what the KDM really wants and how the decision will really be made,
    and speaks for us upward (one favour)."""
    rels: list = state.rels[v.index]
    r: Relation = rels[p.index]
    if r.favours >= COACH_FAVOURS:  # the last one went on an introduction earlier this week
        return {"no_favours": True} if rec else None
    r.favours += 1
    told = []
    q: Person
    rq: Relation
    for q in state.plist:
        if q.key_mask & K_KDM:
            rq = rels[q.index]
            rq.known_roles = True
            rq.known_needs = True
            rq.known_position = True
            rq.known_personal = True
            court(state, v, q.index, COACH_SPEAKS)
            told.append(q.id)
    v.give(F_CRITERIA_KNOWN)
    return {"kdm_motives": told, "criteria": True} if rec else None


@cython.cfunc
def _discredit(state: GameState, v: Vendor, p: Person, rng: Rng, rec: cython.bint) -> dict | None:
    """Speak ill of the rival this person favours most: it may cost the rival, and it may
    turn the person against us instead (a skeptic sees through it; a rival that defended
    its bid jointly has answered it already)."""
    r: Relation = state.rels[v.index][p.index]
    o: cython.int = best_other(state, v.index, p.index)
    if o < 0:
        return {"discredited": None} if rec else None
    rival: Vendor = state.vlist[o]
    chance: cython.double = 0.5 + 0.2 * r.trust
    if p.traits_mask & T_SKEPTICAL:
        chance -= 0.25
    if rival.has(F_BID_DEFENDED):
        chance -= 0.25
    if rng.chance(chance):
        loss = nudge_support(state.rels[o][p.index], -DISCREDIT)
        return {"discredited": rival.id, "rival_support": fround(loss, 4)} if rec else None
    loss = nudge_support(r, -DISCREDIT)
    nudge_trust(r, -0.1)
    return {"backfired": rival.id, "support": fround(loss, 4)} if rec else None


@cython.cfunc
def _confirm(state: GameState, v: Vendor, rec: cython.bint) -> dict | None:
    """The rep and the executive confirm the opportunity on site (004): the timeline with
    whoever runs the process, the budget with whoever holds it, if it is approved."""
    rels: list = state.rels[v.index]
    holder: cython.bint = False
    process: cython.bint = v.has(F_PROCESS_KNOWN)
    p: Person
    r: Relation
    for p in state.plist:
        r = rels[p.index]
        if r.contact >= 1 and (p.roles_mask & B_BUDGET_HOLDER or p.key_mask & K_KDM):
            holder = True
        if r.contact >= 1 and p.roles_mask & (B_PURCHASER | B_INITIATOR):
            process = True
    found = []
    if process:
        v.give(F_EL_TIMELINE)
        v.give(F_PROCESS_KNOWN)
        found.append("el_timeline")
    why = None
    if not holder:
        why = "no_budget_holder"
    elif state.week < state.approved_week:
        why = "budget_unapproved"
    else:
        v.give(F_EL_BUDGET)
        v.give(F_EXEC_CONFIRMED)
        found.append("el_budget")
    if not rec:
        return None
    out: dict[str, Any] = {"verified": found}
    if why is not None:
        out["not_confirmed"] = why
    return out


def _bid(state: GameState, v: Vendor, option: int) -> dict[str, Any]:
    name = BID_OPTIONS[option]
    price = v.floor_price if name == "floor" else max(
        v.floor_price, v.list_price * (1 - BID_DISCOUNT[name]))
    v.bid = {"price": fround(price, 2), "week": state.week, "option": name}
    return {"price": v.bid["price"]}


@cython.ccall
def apply_move(state: GameState, v: Vendor, kind: cython.int, target: cython.int,
               option: cython.int, rng: Rng, rec: cython.bint) -> dict | None:
    """Carry out one already-checked action (target: a person's index, option: the option's
    index, -1 for none) and return its effects when the game is recorded (else None)."""
    d: ActionDef = DEFS[kind]
    v.budget -= d.cost
    v.spent += d.cost
    v.days[d.role_a] += d.days
    if d.role_b >= 0:
        v.days[d.role_b] += d.days
    if d.once:
        v.give(F_DONE + kind)
    eff: dict | None = {} if rec else None
    sp: cython.int = d.special_id
    p: Person
    if d.target:
        p = state.plist[target]
        if p.key_mask & K_KDM and not d.opens_doors and \
                not cython.cast(Relation, state.rels[v.index][p.index]).introduced:
            # The door is the KDM's, not the view's: a vendor that has not learned who
            # decides (so its view could not refuse the move) is not received either.
            if eff is not None:
                eff["person"] = p.id
                eff["no_door"] = True
            return eff
        _touch(state, v, d, p, rng, eff)
        if sp == S_INTEL:
            learned = _intel(state, v, p, rng, rec)
            if eff is not None:
                eff["intel"] = learned
        elif sp == S_SHAPE:
            shaped = _shape(state, v, p)
            if eff is not None:
                eff.update(shaped)
        elif sp == S_INTRODUCE:
            got = _introduce(state, v, p, rng, rec)
            if eff is not None:
                assert got is not None  # a recorded move records its effects
                eff.update(got)
        elif sp == S_ASK_COACH:
            got = _ask_coach(state, v, p, rec)
            if eff is not None:
                assert got is not None  # a recorded move records its effects
                eff.update(got)
        elif sp == S_DISCREDIT:
            got = _discredit(state, v, p, rng, rec)
            if eff is not None:
                assert got is not None  # a recorded move records its effects
                eff.update(got)
    elif sp == S_QUALIFY:
        new = _qualify(state, v)
        if eff is not None:
            eff["verified"] = [_fact_name(f) for f in new]
    elif sp == S_CONFIRM:
        got = _confirm(state, v, rec)
        if eff is not None:
            assert got is not None  # a recorded move records its effects
            eff.update(got)
    elif sp == S_PROPOSAL or sp == S_DELIVERY_PLAN or sp == S_BID_DEFENSE:
        moved = _broadcast(state, v, sp, rec)
        if eff is not None:
            eff["support"] = moved
        if sp == S_BID_DEFENSE:
            v.give(F_BID_DEFENDED)
    elif sp == S_BID:
        res = _bid(state, v, option if option >= 0 else 0)
        if eff is not None:
            eff.update(res)
    elif sp == S_COMPLAINT:
        assert state.award is not None, "complaints follow an award"
        state.award.setdefault("complaints", []).append(v.id)
        if eff is not None:
            eff["complaint"] = True
    elif sp == S_NEGOTIATE:
        res = negotiate(state, v, NEGOTIATE_OPTIONS[option] if option >= 0 else "d0_p10",
                        d.joint)
        if eff is not None:
            eff.update(res)
    elif sp == S_SIGN:
        res = sign_contract(state, v)
        if eff is not None:
            eff.update(res)
    elif sp == S_COLLECT:
        res = collect_payment(state, v, rng)
        if eff is not None:
            eff.update(res)
    elif sp == S_APPROVE_DISCOUNT:
        v.max_discount = MAX_DISCOUNT
    f: cython.int
    for f in d.fact_ids:
        if d.target and (f == F_NEED_HEARD or f == F_FIRST_VISIT or f == F_KDM_MET):
            if f == F_FIRST_VISIT:
                v.give(F_FIRST_VISIT)
            continue
        v.give(f)
    return eff


def _fact_name(f: int) -> str:
    from game.core.ids import FACTS

    return FACTS[f]


def apply_action(state: GameState, v: Vendor, a: Any, rng: Rng, reason: str | None = None
                 ) -> dict[str, Any]:
    """Carry out one already-checked action given by name and return its log entry."""
    d: ActionDef = DEFS[_kind_id(a.kind)]
    target = state.people[a.target].index if d.target else -1
    option = d.options.index(a.option) if a.option is not None and d.options else -1
    if d.options and option < 0:
        option = -1
    eff = apply_move(state, v, d.kind, target, option, rng, True)
    entry = {
        "week": state.week, "vendor": v.id, "roles": list(d.roles), "kind": a.kind,
        "target": a.target, "option": a.option, "cost": d.cost, "days": d.days,
        "effects": eff,
    }
    if reason:
        entry["reason"] = reason
    return entry


def _kind_id(kind: str) -> int:
    from game.core.ids import KIND_ID

    return KIND_ID[kind]

