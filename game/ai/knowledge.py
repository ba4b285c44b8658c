"""What an AI can read off its own view: who matters, what the calendar leaves, what money is
spare. Everything here is a pure function of the view, so agents and the coach agree on it.

Where the view is silent (a person whose role we have not learned yet) we fall back on priors
from the training material: senior people decide late and weigh heavily, users and the
purchasing office are busiest early (seed 001's participation-over-time point).
"""

from __future__ import annotations

import cython

from game.core.actions import CATALOG, DEFS, ActionDef
from game.core.ids import BUYING_ROLES
from game.core.num import cared_fit
from game.core.views import MeView, PersonView, VendorView

if not cython.compiled:
    from game.core.ids import (
        A_BID_DEFENSE,
        A_BID_DELIVERY,
        A_DEFEND_AWARD,
        A_KICKOFF_PLAN,
        A_SUBMIT_BID,
        A_WRITE_BID,
        B_BUDGET_HOLDER,
        B_PURCHASER,
        F_BID_DEFENDED,
        F_DONE,
        K_KDM,
        PH_SOLUTION,
        PH_TENDER,
        T_PRICE_SENSITIVE,
    )

# Prior share of the decision phase a buying role takes part in (seed 001: the decider says
# little early and dominates at the end; users and purchasing are most active early), in the
# order of ids.BUYING_ROLES.
DECISION_PRIOR = {
    "decision_maker": 1.0, "approver": 0.8, "budget_holder": 0.6, "influencer": 0.7,
    "purchaser": 0.6, "initiator": 0.5, "user": 0.4,
}
# Money the end game needs: bid, technical and delivery sections, defences, kick-off.
ENDGAME_KINDS = ("submit_bid", "write_bid", "bid_delivery", "bid_defense", "defend_award",
                 "kickoff_plan")
ENDGAME_COST = sum(CATALOG[k].cost for k in ENDGAME_KINDS)
EVENT_RESERVE = 6.0
_EVENT_RESERVE = cython.declare(cython.double, EVENT_RESERVE)


@cython.ccall
def influence(p: PersonView) -> cython.double:
    """Known influence, or a prior from seniority when the role is still unknown."""
    if p.roles_known:
        return p.influence
    return 0.55 if p.senior else 0.25


@cython.ccall
def decision_share(p: PersonView) -> cython.double:
    """How much this person takes part in the final decision (known roles, else a prior)."""
    if p.roles_known and p.roles_mask:
        return role_share(p.roles_mask, p.key_mask)
    return 0.75 if p.senior else 0.4


def _share_of(roles_mask: int) -> float:
    """The largest decision prior among a set of buying roles (0 for none)."""
    best = None
    for i, role in enumerate(BUYING_ROLES):
        if roles_mask >> i & 1:
            x = DECISION_PRIOR[role]
            best = x if best is None or x > best else best
    return 0.0 if best is None else best


_ROLE_SHARE = cython.declare(cython.double[128])
for _m in range(128):
    _ROLE_SHARE[_m] = _share_of(_m)


@cython.ccall
def role_share(roles_mask: cython.int, key_mask: cython.int) -> cython.double:
    """The decision share of a set of buying roles (the largest prior among them)."""
    if key_mask & K_KDM:
        return 1.0
    return _ROLE_SHARE[roles_mask & 127]


@cython.ccall
def decision_weight(p: PersonView) -> cython.double:
    """The person's weight among the tender's evaluators (influence x decision share)."""
    return influence(p) * decision_share(p)


@cython.ccall
def participation_now(p: PersonView) -> cython.double:
    if p.roles_known:
        return p.part_now
    return 0.45 if p.senior else 0.65


@cython.ccall
def is_buyer(p: PersonView) -> cython.bint:
    """Budget holder or purchasing office: the people who set the contract terms."""
    return (p.roles_mask & (B_BUDGET_HOLDER | B_PURCHASER)) != 0


@cython.ccall
def unknown_motives(p: PersonView) -> cython.int:
    return (0 if p.pos_known else 1) + (0 if p.pers_known else 1)


def motive_kinds(p: PersonView) -> list[int]:
    """The kinds (ids.MOTIVES) of the motives we know, position first."""
    out = []
    if p.pos_known:
        out.append(p.pos_kind)
    if p.pers_known:
        out.append(p.pers_kind)
    return out


@cython.ccall
def weeks_left_to_bid(vv: VendorView) -> cython.int:
    return max(0, vv.cal_bid_deadline - vv.week)


@cython.ccall
def unmet(vv: VendorView) -> list:
    """The current stage's open criteria (ids.CRITERIA), in checklist order."""
    out = []
    k: cython.Py_ssize_t
    for k in range(len(vv.check_ids)):
        if not vv.check_done[k]:
            out.append(vv.check_ids[k])
    return out


@cython.ccall
def total_budget(vv: VendorView) -> cython.double:
    return vv.me.budget + vv.me.spent


@cython.ccall
def selling(vv: VendorView) -> cython.bint:
    """Whether the customer is still before the evaluation (early, solution or tender)."""
    return vv.phase <= PH_TENDER


@cython.ccall
def endgame_reserve(vv: VendorView) -> cython.double:
    """Money to hold back for the tender and after, shrinking as those steps are done."""
    me: MeView = vv.me
    need: cython.double = _EVENT_RESERVE * (1.0 if selling(vv) else 0.5)
    if not me.flags[F_DONE + A_SUBMIT_BID]:
        need += cython.cast(ActionDef, DEFS[A_SUBMIT_BID]).cost
    if not me.flags[F_DONE + A_WRITE_BID]:
        need += cython.cast(ActionDef, DEFS[A_WRITE_BID]).cost
    if not me.flags[F_DONE + A_BID_DELIVERY]:
        need += cython.cast(ActionDef, DEFS[A_BID_DELIVERY]).cost
    if not me.flags[F_DONE + A_KICKOFF_PLAN]:
        need += cython.cast(ActionDef, DEFS[A_KICKOFF_PLAN]).cost
    if me.stage <= 5 and not me.flags[F_BID_DEFENDED]:
        need += cython.cast(ActionDef, DEFS[A_BID_DEFENSE]).cost
    if not me.flags[F_DONE + A_DEFEND_AWARD] and me.stage <= 6:
        need += cython.cast(ActionDef, DEFS[A_DEFEND_AWARD]).cost
    if me.status == "lost" or me.stage >= 7:
        need = 0.0
    return min(need, 0.6 * me.budget) if me.budget > 0 else 0.0


@cython.ccall
def weekly_allowance(vv: VendorView, reserve: cython.double) -> cython.double:
    """Spendable money per remaining week of selling, so the budget lasts to the award."""
    me: MeView = vv.me
    horizon: cython.int
    if selling(vv):
        horizon = weeks_left_to_bid(vv) + 1
    elif me.stage <= 5 and not vv.award:
        horizon = max(0, vv.cal_award - vv.week) + 1
    else:
        horizon = vv.last_week - vv.week + 1
    return max(0.0, me.budget - reserve) / max(1, horizon)


@cython.ccall
def war_chest(vv: VendorView, share: cython.double) -> cython.double:
    """Money held back for the evaluation weeks, when the decision makers take part fully."""
    if share <= 0 or not selling(vv):
        return 0.0
    return share * total_budget(vv)


@cython.ccall
def person_fit(vv: VendorView, p: PersonView) -> cython.double:
    """Our product's fit on the needs this person cares about (all needs if unknown)."""
    return cared_fit(vv.nw, vv.me.fit, p.care_ids)


def price_sensitive_buyers(vv: VendorView) -> bool | None:
    """True/False once a buyer's traits are known; None while we cannot tell."""
    known = [p for p in vv.people if is_buyer(p) and p.needs_known]
    if not known:
        return None
    return any(p.traits_mask & T_PRICE_SENSITIVE for p in known)


def buyer_support(vv: VendorView) -> float | None:
    n = 0
    total = 0.0
    for p in vv.people:
        if is_buyer(p):
            total += p.support
            n += 1
    if not n:
        return None
    return total / n


def decision_support(vv: VendorView) -> float:
    """Our support weighted like the evaluators' votes (known roles, else priors)."""
    total = backing = 0.0
    for p in vv.people:
        w = decision_weight(p)
        total += w
        backing += w * p.support
    return backing / total if total else 0.0


def known_kdm(vv: VendorView) -> PersonView | None:
    return next((p for p in vv.people if p.key_mask & K_KDM), None)


_ = PH_SOLUTION
