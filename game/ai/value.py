"""How much one candidate action is worth this week, and why, judged from the view alone.

The estimate mirrors what the training material says makes a move land: the right person
(their weight in the decision and their part in the current phase), the right stage, a
discovered motive the action addresses, traits it suits, and our product's fit for demos.
On top come the stage's exit criteria (seed 004's success markers), the end-game steps that
must not be missed, and the playbook's own leanings. Money is priced so the budget lasts.

Targets are people's indices in the view (-1 for an action without a target); `explain`
also takes a person's id, for the coach and the tests.
"""

from __future__ import annotations

from typing import Any

import cython

from game.ai import knowledge as K
from game.ai.context import Context, Info, focus_of, make_context
from game.ai.criteria_value import Offer, criterion_bonus, qualify_value, touches_open

if not cython.compiled:
    from game.ai.criteria_value import bonus_into
from game.ai.playbooks import Style
from game.ai.tactics import needs_approval, should_complain
from game.core.actions import ActionDef
from game.core.effects import (
    DISCREDIT,
    INTRO_COACH,
    JOINT_PREMIUM,
    KDM_CONFIDE,
    MOTIVE_FOUND,
    REPEAT,
    kdm_phase,
)
from game.core.ids import CRITERIA, MOTIVES
from game.core.preference import KDM_COMMITTED, KDM_GUARDED
from game.core.views import MeView, PersonView, VendorView

if not cython.compiled:
    from game.core.ids import (
        A_APPROVE_DISCOUNT,
        A_BID_DEFENSE,
        A_BID_DELIVERY,
        A_COLLECT_PAYMENT,
        A_CONFIRM_OPPORTUNITY,
        A_DEFEND_AWARD,
        A_DELIVERY_PLAN,
        A_DEMO,
        A_DEVELOP_COACH,
        A_DEVELOP_INSIDER,
        A_ENTERTAIN,
        A_EXEC_VISIT,
        A_FILE_COMPLAINT,
        A_HQ_VISIT,
        A_IMPLEMENTATION_REFERENCE,
        A_KICKOFF_PLAN,
        A_NEEDS_RESEARCH,
        A_PROPOSAL,
        A_QUALIFY,
        A_REFERENCE_VISIT,
        A_RISK_WORKSHOP,
        A_ROI_ANALYSIS,
        A_SHAPE_CRITERIA,
        A_SIGN_CONTRACT,
        A_SITE_SURVEY,
        A_SOLUTION_WORKSHOP,
        A_SUBMIT_BID,
        A_TECH_EXCHANGE,
        A_VISIT,
        A_WRITE_BID,
        B_PURCHASER,
        B_USER,
        CR_EL_BUDGET,
        CR_EL_TIMELINE,
        F_KDM_MET,
        K_KDM,
        M_RISK,
        S_ASK_COACH,
        S_COACH,
        S_DISCREDIT,
        S_INTEL,
        S_INTRODUCE,
        S_MEET_KDM,
        S_NEEDS_REFERENCES,
        S_NEGOTIATE,
        S_REACH_OUT,
    )

__all__ = ["MUST", "FOLLOW_UP", "Context", "make_context", "values_of", "value_of", "explain",
           "score", "support_gain", "project", "person_index", "focus_of", "Style"]

MUST = 4.0  # a score at or above this may dip into the reserve
DOOR = 1.6  # the worth of a way to the KDM (an introduction, a joint executive visit)
INSIDER_WORTH = 1.0  # an insider's information, beyond the stage's exit criteria
COACH_WORTH = 1.6  # a coach's guidance, beyond the stage's exit criteria
KDM_KEY = 2.5  # what learning the KDM's personal motive is worth beyond anyone else's: the
# KDM is guarded until then (preference.KDM_GUARDED), so it is the way to W
_DOOR = cython.declare(cython.double, DOOR)
_KDM_KEY = cython.declare(cython.double, KDM_KEY)
_GUARDED = cython.declare(cython.double, KDM_GUARDED)
_COMMITTED = cython.declare(cython.double, KDM_COMMITTED)
_CONFIDE = cython.declare(cython.double, KDM_CONFIDE)
_REPEAT = cython.declare(cython.double, REPEAT)
_FOUND = cython.declare(cython.double, MOTIVE_FOUND)
_JOINT = cython.declare(cython.double, JOINT_PREMIUM)
_MUST = cython.declare(cython.double, MUST)
# What a teammate does after a colleague has opened the door to someone (seed 004: presales
# researches needs and demos where the rep has been; the PM answers delivery risk there).
FOLLOW_UP = frozenset((A_NEEDS_RESEARCH, A_TECH_EXCHANGE, A_DEMO, A_ROI_ANALYSIS,
                       A_REFERENCE_VISIT, A_SITE_SURVEY, A_IMPLEMENTATION_REFERENCE,
                       A_RISK_WORKSHOP, A_SOLUTION_WORKSHOP, A_DEVELOP_COACH, A_EXEC_VISIT,
                       A_HQ_VISIT, A_ENTERTAIN, A_VISIT))
_FOLLOW_UP = cython.declare(list, [k in FOLLOW_UP for k in range(64)])


@cython.cfunc
def _untargeted(ctx: Context, d: ActionDef, why: list | None) -> cython.double:
    """The value of an action without a target; its reason goes into `why` when asked."""
    vv: VendorView = ctx.vv
    me: MeView = vv.me
    kind: cython.int = d.kind
    o: Offer
    v: cython.double
    reason: str
    pv: PersonView
    if touches_open(ctx, d):
        o = _OFFER
        bonus_into(o, ctx, d, -1)
        if o.key >= 0:
            if why is not None:
                why.append(f"criterion.{CRITERIA[o.key]}")
            return o.best
    if kind == A_QUALIFY:
        v, reason = qualify_value(ctx), "criterion.el_need"
    elif kind == A_CONFIRM_OPPORTUNITY:
        v = 0.9 * (((ctx.unmet_bits >> CR_EL_BUDGET) & 1)
                   + ((ctx.unmet_bits >> CR_EL_TIMELINE) & 1))
        if not vv.budget_known:
            v += 1.0
        reason = "endgame.confirm"
    elif kind == A_PROPOSAL:
        v = 0.0
        for pv in vv.people:
            if pv.contact >= 1:
                v += K.decision_weight(pv) * 0.04 * (0.4 + 1.2 * K.person_fit(vv, pv))
        v = v * 10 / ctx.max_w
        reason = "solution.demo"
    elif kind == A_DELIVERY_PLAN:
        v = 0.0
        for pv in vv.people:
            if pv.contact >= 1 and (pv.roles_mask & B_USER or pv.pos_kind == M_RISK
                                    or pv.pers_kind == M_RISK):
                v += K.decision_weight(pv) * 0.05 * (0.5 + me.delivery)
        v = v * 10 / ctx.max_w
        reason = "incumbent.track_record"
    elif kind == A_WRITE_BID:
        v, reason = _MUST + 1.0, "endgame.write_bid"
    elif kind == A_BID_DELIVERY:
        v, reason = _MUST, "endgame.bid_delivery"
    elif kind == A_SUBMIT_BID:
        due: cython.bint = vv.cal_bid_deadline - vv.week <= 0 or ctx.bid_now
        v, reason = (_MUST + 3.0 if due else 0.0), "endgame.submit_bid"
    elif kind == A_BID_DEFENSE:
        v, reason = 2.0, "endgame.bid_defense"
    elif kind == A_DEFEND_AWARD:
        v, reason = _MUST, "endgame.defend_award"
    elif kind == A_FILE_COMPLAINT:
        v, reason = 2.5 * should_complain(vv, ctx.style), "price.late_attack"
    elif d.special_id == S_NEGOTIATE:
        v, reason = (_MUST + 2.0 if d.joint else _MUST + 1.0), "endgame.negotiate"
    elif kind == A_APPROVE_DISCOUNT:
        v = _MUST + 2.5 if ctx.stage == 6 and needs_approval(vv, True) else 0.0
        reason = "endgame.approve_discount"
    elif kind == A_SIGN_CONTRACT:
        v, reason = _MUST + 4.0, "endgame.sign"
    elif kind == A_COLLECT_PAYMENT:
        v, reason = _MUST + 4.0, "endgame.collect"
    elif kind == A_KICKOFF_PLAN:
        v, reason = 1.5, "endgame.kickoff"
    else:
        v, reason = 0.0, "support.decider"
    if why is not None:
        why.append(reason)
    return v


@cython.cfunc
def _motive_m(ctx: Context, d: ActionDef, i: Info) -> cython.double:
    if ctx.use_motives and i.motives_mask & d.addr_mask:
        return _FOUND
    return 1.0 + 0.15 * min(1.0, i.hidden * d.n_addresses / 9)


@cython.ccall
def support_gain(ctx: Context, d: ActionDef, p: cython.int) -> cython.double:
    """Expected support this action adds with this person (the engine's levers, as seen)."""
    if not d.support:
        return 0.0
    i: Info = ctx.infos[p]
    stage_m: cython.double = 1.15 if d.best_lo <= ctx.stage <= d.best_hi else 0.85
    mot_m: cython.double = _motive_m(ctx, d, i) if d.addr_mask else 1.0
    trait_m: cython.double = 1.0
    t: cython.int
    if d.has_traits:
        for t in i.trait_ids:
            trait_m *= d.trait_mult[t]
    mult: cython.double = stage_m * mot_m * trait_m * (0.4 + 0.6 * i.part)
    if d.fit_scaled:
        mult *= 0.4 + 1.2 * i.fit
    if d.special_id == S_NEEDS_REFERENCES:
        mult *= min(1.0, 0.4 + 0.15 * ctx.vv.me.references)
    pv: PersonView = ctx.vv.people[p]
    if d.special_id == S_REACH_OUT:
        if i.support < 0:
            mult *= 2.0
        if pv.favourite is not None and pv.favourite != "" and pv.favourite != ctx.vv.vendor:
            mult *= 1.5
    if pv.last_kind == d.kind:
        mult *= _REPEAT
    if d.joint:
        mult *= _JOINT
    if i.kdm:
        mult *= kdm_phase(ctx.phase)
        if pv.committed and pv.favourite != ctx.vv.vendor:  # the KDM has chosen a rival
            mult *= _COMMITTED
    raw: cython.double = d.support * mult * (0.6 + 0.4 * i.trust)
    if raw < 0:
        return raw
    raw *= 1 - max(i.support, 0.0)
    if i.kdm and not i.personal_known:  # guarded until we know what they want personally
        return max(0.0, min(raw, _GUARDED - i.support))
    return raw


@cython.final
@cython.cclass
class KindTerms:
    """What an option's value takes from its kind alone, worked out once per kind."""

    def __init__(self) -> None:
        self.bias = 0.0
        self.gen = -1  # the context it was worked out for (`terms_of`)


_OFFER = cython.declare(Offer, Offer())  # the scorer's scratch criterion bonus


# Per kind, its terms in the context last asked about.
_POOL = cython.declare(list, [KindTerms() for _ in range(64)])


@cython.cfunc
def terms_of(ctx: Context, d: ActionDef) -> KindTerms:
    """The kind's terms in this context. They read only the view and the context's fixed
    parts, so each kind keeps one record, worked out again only for another context."""
    t: KindTerms = _POOL[d.kind]
    if t.gen != ctx.gen:
        _terms(ctx, d, t)
        t.gen = ctx.gen
    return t


@cython.cfunc
def _terms(ctx: Context, d: ActionDef, t: KindTerms) -> cython.int:
    style: Style = ctx.style
    vv: VendorView = ctx.vv
    t.bias = style.bias[d.kind]
    t.money = ctx.lam * d.cost
    t.has_intel = d.special_id == S_INTEL
    t.intel = 0.0
    hidden_pos: cython.int
    pv: PersonView
    if t.has_intel:
        hidden_pos = 0
        for pv in vv.people:
            if not pv.pos_known:
                hidden_pos += 1
        t.intel = 0.3 + 0.4 * hidden_pos / max(len(vv.people), 1)
    t.criteria = touches_open(ctx, d)
    t.shape = style.shape * (1.0 - vv.me.spec_bias) if d.kind == A_SHAPE_CRITERIA else 0.0
    t.warm = style.keep_warm if style.keep_warm and (d.support or d.trust) else 0.0
    t.early_kdm = style.early_kdm if style.early_kdm and d.special_id == S_MEET_KDM \
        and not vv.me.flags[F_KDM_MET] else 0.0
    t.follow = ctx.has_follow and _FOLLOW_UP[d.kind]
    t.follow_m = 1.0 if d.support else 0.5
    t.newcomer = d.contact_to != 0 or d.special_id == S_MEET_KDM
    t.late = ctx.stage >= 5
    t.reveal_position = d.reveal_position if ctx.use_motives else 0.0
    t.reveal_personal = d.reveal_personal if ctx.use_motives else 0.0
    t.access = d.opens_doors or d.special_id == S_INTRODUCE or d.special_id == S_ASK_COACH \
        or d.special_id == S_DISCREDIT or d.kind == A_DEVELOP_INSIDER or d.special_id == S_COACH
    return 0


@cython.cfunc
def _kdm_weight(ctx: Context) -> cython.double:
    """The KDM's weight as the scorer sees it (the largest, if the KDM is not known yet)."""
    best: cython.double = 0.0
    i: Info
    for i in ctx.infos:
        if i.kdm and i.w > best:
            best = i.w
    return best if best > 0.0 else 1.0


@cython.cfunc
def _informant_value(ctx: Context, d: ActionDef, pv: PersonView, i: Info) -> cython.double:
    """An insider tells us favourites, rumours and rivals' moves and can introduce us; a
    coach does more (the KDM's motives, the real criteria, a sure introduction). Worth most
    while we have none, and the likelier the person is to agree."""
    vv: VendorView = ctx.vv
    insiders: cython.int = 0
    coach: cython.bint = False
    q: PersonView
    for q in vv.people:
        if q.contact >= 4:
            coach = True
        elif q.contact == 3:
            insiders += 1
    if d.special_id == S_COACH:
        if coach:
            return 0.0
        if pv.favourite is None:  # not known whom they lean to: they may decline
            return COACH_WORTH * (0.4 + max(pv.support, 0.0))
        return COACH_WORTH
    return INSIDER_WORTH * (i.w + 0.4) * (1.0 if insiders < 2 else 0.4)


@cython.ccall
def access_value(ctx: Context, d: ActionDef, target: cython.int) -> cython.double:
    """What opening a door, asking a coach or smearing a rival is worth to us (the engine's
    odds, as the view shows them)."""
    vv: VendorView = ctx.vv
    pv: PersonView = vv.people[target]
    i: Info = ctx.infos[target]
    sp: cython.int = d.special_id
    q: PersonView
    chance: cython.double
    waiting: cython.bint = False
    if d.opens_doors:
        return _DOOR * (i.w + 0.3) if pv.needs_intro else 0.0
    if d.kind == A_DEVELOP_INSIDER or sp == S_COACH:
        return _informant_value(ctx, d, pv, i)
    if sp == S_INTRODUCE:
        for q in vv.people:
            if q.needs_intro:
                waiting = True
        if not waiting:
            return 0.0
        if pv.contact >= 4 and pv.favours_left > 0:
            chance = INTRO_COACH
        else:
            chance = 0.2 + 0.5 * pv.trust + (0.15 if pv.senior or pv.roles_mask & (
                B_PURCHASER | B_USER) else 0.0)
            chance = min(chance, 0.85)
        return chance * _DOOR * (_kdm_weight(ctx) + 0.3) * (1.3 if ctx.stage >= 4 else 1.0)
    if sp == S_ASK_COACH:
        v: cython.double = 0.0 if vv.criteria is not None else 0.8
        known_kdm: cython.bint = False
        for q in vv.people:
            if q.key_mask & K_KDM:
                known_kdm = True
                v += (0.0 if q.pos_known else 0.6) + (0.0 if q.pers_known else 0.6)
                v += 0.3 * (1.0 - max(q.support, 0.0))
        if not known_kdm:
            v += 1.5
        return v * (1.0 if ctx.use_motives else 0.4)
    # discrediting a rival: as likely to turn the person against us as to hurt the rival
    chance = 0.5 + 0.2 * pv.trust - (0.25 if i.skeptical else 0.0)
    return (chance * DISCREDIT - (1.0 - chance) * DISCREDIT) * (i.w + 0.2) * 8.0


@cython.cfunc
def _value_at(ctx: Context, d: ActionDef, t: KindTerms, target: cython.int) -> cython.double:
    """One target's value: `explain`'s sum without its workings, part by part in the same
    order, so the two agree to the last bit (a test holds them equal)."""
    i: Info = ctx.infos[target]
    w: cython.double = i.w
    f: cython.double = i.focus
    support: cython.double = i.support
    trust: cython.double = i.trust
    lvl: cython.int = i.lvl
    gain: cython.double = support_gain(ctx, d, target)
    total: cython.double = gain * (w * f + (0.4 if i.buyer and t.late else 0.0)
                                   + 0.3 * i.part) * 8.0
    extra: cython.double = 0.0
    has_extra: cython.bint = False
    e: cython.Py_ssize_t
    tag: cython.int
    weight: cython.double
    for e in range(len(ctx.emph_tags)):
        tag = ctx.emph_tags[e]
        weight = ctx.emph_weights[e]
        if (tag == 0 and i.kdm) or (tag == 1 and i.ki) or (tag == 2 and i.ku):
            if w >= 0.5:
                total = total + gain * weight * 8
            else:
                extra = extra + gain * weight * 8
                has_extra = True
    if d.trust:
        total += d.trust * (0.7 if i.skeptical else 1.0) * (1 - trust) * (w * f + 0.3) * 3.0
    if d.contact_to > lvl and trust >= d.contact_trust:
        total += 0.25 * (w + 0.3) * (d.contact_to - lvl)
    info: cython.double = 0.0
    if d.reveal_roles and not i.roles_known:
        info += 0.35 * (1.2 if i.senior else 0.8)
    if d.reveal_needs and not i.needs_known:
        info += 0.15 * d.reveal_needs
    if t.reveal_position and not i.position_known:
        info += 0.4 * t.reveal_position * (w + 0.2)
    if t.reveal_personal and not i.personal_known and (not i.kdm or i.trust >= _CONFIDE):
        info += 0.4 * t.reveal_personal * (w + 0.2) * (_KDM_KEY if i.kdm else 1.0)
    if t.has_intel:
        info += t.intel
    total += info
    o: Offer
    if t.criteria:
        o = _OFFER
        bonus_into(o, ctx, d, target)
        if o.key >= 0:
            total += o.best
    if d.kind == A_SHAPE_CRITERIA:
        total += t.shape * (0.5 + max(support, 0))
    if t.warm and support >= 0.15 and lvl >= 1 and ctx.vv.week - i.last_touch >= 3:
        total += t.warm * (w + 0.3)
    if t.early_kdm and i.kdm:
        total += t.early_kdm
    if t.follow and ctx.follow_on[target]:
        total += cython.cast(cython.double, ctx.follow[target]) * (w + 0.3) * t.follow_m
    if t.newcomer and i.replaced and lvl == 0:
        total += 0.8 * (w + 0.3)
    if t.access:
        total += access_value(ctx, d, target)
    if has_extra:
        total += extra
    return total + t.bias - t.money


@cython.cfunc
def untargeted_at(ctx: Context, d: ActionDef, t: KindTerms) -> cython.double:
    """The value of an action without a target (`explain(ctx, d, None)[0]`)."""
    v: cython.double = _untargeted(ctx, d, None)
    return v - t.money if v <= 0 else v + t.bias - t.money


@cython.cfunc
def value_at(ctx: Context, d: ActionDef, t: KindTerms, target: cython.int) -> cython.double:
    """One option's value (`explain(...)[0]`), the kind's terms given: the planner's hot
    path, which names reasons only for the options taken."""
    if target < 0:
        return untargeted_at(ctx, d, t)
    return _value_at(ctx, d, t, target)


@cython.ccall
def values_of(ctx: Context, d: ActionDef, targets: list) -> list:
    """`explain(ctx, d, t)[0]` for each target, without the workings."""
    t: KindTerms = terms_of(ctx, d)
    if len(targets) == 1 and cython.cast(cython.int, targets[0]) < 0:
        return [untargeted_at(ctx, d, t)]
    out = []
    target: cython.int
    for target in targets:
        out.append(_value_at(ctx, d, t, target))
    return out


@cython.ccall
def value_of(ctx: Context, d: ActionDef, target: cython.int) -> cython.double:
    """`explain(...)[0]` without its workings (see `value_at`)."""
    return value_at(ctx, d, terms_of(ctx, d), target)


def person_index(ctx: Context, target: int | str | None) -> int:
    """A target given by index, by id or as None (no target) as an index (-1 for none)."""
    if target is None:
        return -1
    if isinstance(target, int):
        return target
    for pv in ctx.vv.people:
        if pv.id == target:
            return pv.index
    raise KeyError(target)


def score(ctx: Context, d: ActionDef, target: int | str | None) -> tuple[float, str]:
    """The option's value minus what its money is worth to us, and the reason's key."""
    total, why, _, _ = explain(ctx, d, target)
    return total, why


def explain(ctx: Context, d: ActionDef, target: int | str | None
            ) -> tuple[float, str, dict[str, float], str | None]:
    """`score` with its workings: the value of each part, and the motive it hits if any."""
    style = ctx.style
    bias = style.bias[d.kind]
    pi = person_index(ctx, target)
    if pi < 0:
        reason: list[str] = []
        v = _untargeted(ctx, d, reason)
        why = reason[0]
        parts = {why: v}
        if v <= 0:
            return v - ctx.lam * d.cost, why, parts, None
        if bias > 0 and d.id in style.kind_reason and v < _MUST:
            why = style.kind_reason[d.id]
        return v + bias - ctx.lam * d.cost, why, parts, None
    pv: PersonView = ctx.vv.people[pi]
    i: Info = ctx.infos[pi]
    w, f = i.w, i.focus
    gain = support_gain(ctx, d, pi)
    hit = None
    if d.support and d.addr_mask and ctx.use_motives:
        for k in i.motives:
            if d.addr_mask >> k & 1:
                hit = MOTIVES[k]
                break
    parts: dict[str, float] = {}
    buyer_bonus = 0.4 if i.buyer and ctx.stage >= 5 else 0.0
    now = 0.3 * i.part
    parts["support.decider" if w >= 0.5 else "support.phase"] = \
        gain * (w * f + buyer_bonus + now) * 8.0
    if d.trust:
        tr = d.trust * (0.7 if i.skeptical else 1.0) * (1 - i.trust)
        parts["trust"] = tr * (w * f + 0.3) * 3.0
    lvl = pv.contact
    if d.contact_to > lvl and i.trust >= d.contact_trust:
        parts["contact"] = 0.25 * (w + 0.3) * (d.contact_to - lvl)
    info = 0.0
    if d.reveal_roles and not pv.roles_known:
        info += 0.35 * (1.2 if pv.senior else 0.8)
    if d.reveal_needs and not pv.needs_known:
        info += 0.15 * d.reveal_needs
    if ctx.use_motives:
        if d.reveal_position and not pv.pos_known:
            info += 0.4 * d.reveal_position * (w + 0.2)
        if d.reveal_personal and not pv.pers_known and (
                not pv.key_mask & K_KDM or pv.trust >= KDM_CONFIDE):
            info += 0.4 * d.reveal_personal * (w + 0.2) * (KDM_KEY if pv.key_mask & K_KDM else 1.0)
    if d.special_id == S_INTEL:
        info += 0.3 + 0.4 * sum(1 for q in ctx.vv.people if not q.pos_known) / \
            max(len(ctx.vv.people), 1)
    parts["learn"] = info
    if touches_open(ctx, d):
        o = criterion_bonus(ctx, d, pi)
        if o.key >= 0:
            parts[f"criterion.{CRITERIA[o.key]}"] = o.best
    if d.kind == A_SHAPE_CRITERIA:
        bias_now = ctx.vv.me.spec_bias
        parts["solution.shape"] = style.shape * (1.0 - bias_now) * (0.5 + max(i.support, 0))
    if style.keep_warm and i.support >= 0.15 and lvl >= 1 and \
            ctx.vv.week - pv.last_touch >= 3 and (d.support or d.trust):
        parts["incumbent.keep_warm"] = style.keep_warm * (w + 0.3)
    if style.early_kdm and i.kdm and d.special_id == S_MEET_KDM and \
            not ctx.vv.me.flags[F_KDM_MET]:
        parts["relationship.kdm"] = style.early_kdm
    if ctx.has_follow and ctx.follow_on[pi] and _FOLLOW_UP[d.kind]:
        parts["team.follow"] = ctx.follow[pi] * (w + 0.3) * (1.0 if d.support else 0.5)
    if pv.generation > 0 and lvl == 0 and (d.contact_to or d.special_id == S_MEET_KDM):
        parts["event.replaced"] = 0.8 * (w + 0.3)
    if d.opens_doors or d.special_id in (S_INTRODUCE, S_ASK_COACH, S_DISCREDIT, S_COACH) \
            or d.kind == A_DEVELOP_INSIDER:
        key = "access.door" if d.opens_doors or d.special_id == S_INTRODUCE else \
            "access.coach" if d.special_id == S_ASK_COACH else \
            "access.discredit" if d.special_id == S_DISCREDIT else "access.informant"
        parts[key] = access_value(ctx, d, pi)
    for tag, weight in zip(ctx.emph_tags, ctx.emph_weights, strict=True):
        if (tag == 0 and i.kdm) or (tag == 1 and i.ki) or (tag == 2 and i.ku):
            parts["support.decider"] = parts.get("support.decider", 0.0) + gain * weight * 8
    total = 0.0
    for x in parts.values():
        total += x
    total = total + bias - ctx.lam * d.cost
    why = max(parts, key=lambda k: parts[k]) if parts else "support.phase"
    if bias > 0 and d.id in style.kind_reason and not why.startswith(("criterion", "event",
                                                                         "team")):
        why = style.kind_reason[d.id]
    elif "team.follow" in parts and not why.startswith("criterion"):
        why = "team.follow"
    elif hit and why.startswith("support"):
        why = f"motive.{hit}"
    return total, why, parts, hit


@cython.ccall
def project(ctx: Context, d: ActionDef, p: cython.int) -> cython.int:
    """Assume the action lands as expected, so later picks see diminishing returns (0)."""
    i: Info = ctx.infos[p]
    gain: cython.double = support_gain(ctx, d, p)
    i.support = min(1.0, i.support + gain)
    i.trust = min(1.0, i.trust + d.trust * (1 - i.trust))
    i.focus = focus_of(ctx, ctx.vv.people[p], i.support)
    return 0


def context_for(vv: VendorView, style: Style, use_motives: bool = True,
                emphasis: dict[str, float] | None = None) -> Context:
    """The scorer's context (see `context.make_context`)."""
    return make_context(vv, style, use_motives, emphasis)


_: Any = None
