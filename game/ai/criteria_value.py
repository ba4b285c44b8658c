"""What a move is worth for the current stage's exit criteria (seed 004's success markers).

The planner's scorer (`value`) adds the bonus named here to an option's support gain: the
largest of the open criteria this kind of move, with this person, could close or bring
closer. `CRITERIA_OF` lists per kind every criterion it could ever name, so a kind whose
criteria are all met is skipped without looking at its targets.
"""

from __future__ import annotations

import cython

from game.ai.context import Context, Info
from game.core.actions import CATALOG, DEFS, ActionDef
from game.core.views import PersonView

if not cython.compiled:
    from game.core.ids import (
        A_CALL,
        A_DECIDE_PURSUE,
        A_DELIVERY_PLAN,
        A_DEMO,
        A_DEVELOP_COACH,
        A_DEVELOP_INSIDER,
        A_ENTERTAIN,
        A_EXEC_VISIT,
        A_GATHER_INTEL,
        A_IMPLEMENTATION_REFERENCE,
        A_JOINT_VISIT,
        A_NEEDS_RESEARCH,
        A_PILOT,
        A_PROPOSAL,
        A_REFERENCE_VISIT,
        A_RESEARCH_ACCOUNT,
        A_SHAPE_CRITERIA,
        A_SITE_SURVEY,
        A_SOLUTION_WORKSHOP,
        A_SPONSOR_VISIT,
        A_VISIT,
        B_BUDGET_HOLDER,
        B_INITIATOR,
        B_PURCHASER,
        B_USER,
        CR_COACH,
        CR_CRITERIA_SHAPED,
        CR_DEMO_DONE,
        CR_EL_BUDGET,
        CR_EL_FIT,
        CR_EL_LEAD,
        CR_EL_NEED,
        CR_EL_TIMELINE,
        CR_FIRST_VISIT,
        CR_INSIDER_KI,
        CR_INSIDER_KI_KU,
        CR_INSIDER_KU,
        CR_KDM_MET,
        CR_LEAD_CONTACT,
        CR_NEED_HEARD,
        CR_ORG_MAPPED,
        CR_PRODUCT_PRESENTED,
        CR_PROFILED,
        CR_PURSUE,
        CR_REFERENCES_PRESENTED,
        CR_SUPPORT_KDM,
        CR_SUPPORT_KI,
        CR_SUPPORT_KU,
        CR_WILLING,
        F_EL_BUDGET,
        S_MEET_KDM,
    )


def _criteria_of(d: ActionDef) -> frozenset[int]:
    """Every criterion `criterion_bonus` may name for this kind, whatever the person."""
    kind = d.kind
    keys: set[int] = set()
    if d.target:
        if kind == A_CALL:
            keys |= {CR_LEAD_CONTACT, CR_ORG_MAPPED, CR_INSIDER_KI_KU, CR_INSIDER_KI,
                     CR_INSIDER_KU, CR_KDM_MET}
        if kind in (A_VISIT, A_JOINT_VISIT):
            keys |= {CR_FIRST_VISIT, CR_WILLING}
        if kind in (A_NEEDS_RESEARCH, A_JOINT_VISIT, A_SITE_SURVEY, A_VISIT):
            keys.add(CR_NEED_HEARD)
        if kind == A_ENTERTAIN:
            keys.add(CR_WILLING)
        if kind == A_GATHER_INTEL:
            keys.add(CR_ORG_MAPPED)
        if kind == A_DEVELOP_INSIDER or d.trust or d.contact_to >= 2:
            keys |= {CR_INSIDER_KI, CR_INSIDER_KU, CR_INSIDER_KI_KU}
        if kind == A_DEVELOP_COACH or d.trust or d.support:
            keys.add(CR_COACH)
        if kind in (A_SPONSOR_VISIT, A_EXEC_VISIT) or d.special_id == S_MEET_KDM:
            keys.add(CR_KDM_MET)
        if kind in (A_DEMO, A_SOLUTION_WORKSHOP, A_PILOT):
            keys |= {CR_DEMO_DONE, CR_PRODUCT_PRESENTED}
        if kind in (A_IMPLEMENTATION_REFERENCE, A_REFERENCE_VISIT):
            keys.add(CR_REFERENCES_PRESENTED)
        if d.support:
            keys |= {CR_SUPPORT_KU, CR_SUPPORT_KI, CR_SUPPORT_KDM}
        if kind == A_SHAPE_CRITERIA:
            keys.add(CR_CRITERIA_SHAPED)
        if kind in (A_VISIT, A_SPONSOR_VISIT):
            keys.add(CR_EL_BUDGET)
    else:
        keys |= {CR_PROFILED, CR_PURSUE, CR_PRODUCT_PRESENTED, CR_REFERENCES_PRESENTED}
    return frozenset(keys)


CRITERIA_OF: list[frozenset[int]] = [_criteria_of(d) for d in DEFS]
# The same as bit flags, one word per kind.
COACH_TRUST = CATALOG["develop_coach"].min_trust
_CRITERIA_BITS = cython.declare(cython.ulonglong[64])
for _k in range(64):
    _CRITERIA_BITS[_k] = sum(1 << c for c in CRITERIA_OF[_k]) if _k < len(DEFS) else 0


@cython.ccall
def touches_open(ctx: Context, d: ActionDef) -> cython.bint:
    """Whether this kind could move any criterion that is still open."""
    return (_CRITERIA_BITS[d.kind] & ctx.unmet_bits) != 0


@cython.final
@cython.cclass
class Offer:
    """The best criterion bonus found so far, and which criterion it is for."""

    def __init__(self) -> None:
        self.best = 0.0
        self.key = -1


@cython.cfunc
def _offer(o: Offer, ctx: Context, v: cython.double, k: cython.int) -> cython.void:
    if (ctx.unmet_bits >> k) & 1 and v > o.best:
        o.best = v
        o.key = k


def criterion(ctx: Context, d: ActionDef, p: int) -> tuple[float, int]:
    """Bonus for moving an unmet exit criterion of the current stage (or the next one):
    (value, criterion), the criterion -1 when none; `p` is the person's index or -1."""
    if not touches_open(ctx, d):
        return 0.0, -1  # nothing this kind could move is still open
    o = criterion_bonus(ctx, d, p)
    return o.best, o.key


@cython.ccall
def criterion_bonus(ctx: Context, d: ActionDef, p: cython.int) -> Offer:
    o: Offer = Offer.__new__(Offer)
    bonus_into(o, ctx, d, p)
    return o


@cython.cfunc
def bonus_into(o: Offer, ctx: Context, d: ActionDef, p: cython.int) -> cython.int:
    """`criterion_bonus` written into an offer the caller keeps (the scorer reuses one);
    0 (an int, so Cython checks for an error only on -1)."""
    o.best = 0.0
    o.key = -1
    kind: cython.int = d.kind
    if p < 0:
        if kind == A_RESEARCH_ACCOUNT:
            _offer(o, ctx, 2.0, CR_PROFILED)
        elif kind == A_DECIDE_PURSUE:
            _offer(o, ctx, 2.0, CR_PURSUE)
        elif kind == A_PROPOSAL:
            _offer(o, ctx, 1.5, CR_PRODUCT_PRESENTED)
        elif kind == A_DELIVERY_PLAN:
            _offer(o, ctx, 1.3, CR_REFERENCES_PRESENTED)
        return 0
    pv: PersonView = ctx.vv.people[p]
    i: Info = ctx.infos[p]
    roles_known: cython.bint = pv.roles_known
    lvl: cython.int = pv.contact
    trust: cython.double = i.trust
    support: cython.double = i.support
    if kind == A_CALL and not roles_known:
        _offer(o, ctx, 0.9, CR_LEAD_CONTACT)
        _offer(o, ctx, 0.5, CR_ORG_MAPPED)
        _offer(o, ctx, 0.3, CR_INSIDER_KI_KU)
        _offer(o, ctx, 0.3, CR_INSIDER_KI)
        _offer(o, ctx, 0.3, CR_INSIDER_KU)
        _offer(o, ctx, 0.3, CR_KDM_MET)
    if (kind == A_VISIT or kind == A_JOINT_VISIT) and lvl >= 1:
        _offer(o, ctx, 1.2, CR_FIRST_VISIT)
        _offer(o, ctx, 0.6, CR_WILLING)
    if (kind == A_NEEDS_RESEARCH or kind == A_JOINT_VISIT or kind == A_SITE_SURVEY
            or kind == A_VISIT) and not pv.needs_known:
        _offer(o, ctx, 1.0 if kind != A_VISIT else 0.6, CR_NEED_HEARD)
    if kind == A_ENTERTAIN:
        _offer(o, ctx, 0.5, CR_WILLING)
    if kind == A_GATHER_INTEL:
        _offer(o, ctx, 1.2, CR_ORG_MAPPED)
    tag_on: cython.bint
    crit: cython.int
    c: cython.int
    k: cython.int
    j: cython.int
    for k in range(2):
        tag_on = i.ki if k == 0 else i.ku
        crit = CR_INSIDER_KI if k == 0 else CR_INSIDER_KU
        for j in range(2):
            c = crit if j == 0 else CR_INSIDER_KI_KU
            if tag_on and lvl < 3:
                if kind == A_DEVELOP_INSIDER:
                    _offer(o, ctx, 2.2, c)
                elif lvl == 2 and trust < 0.45 and d.trust:
                    _offer(o, ctx, 0.4 + 1.2 * d.trust / max(0.45 - trust, 0.05), c)
                elif lvl < 2 and d.contact_to >= 2:
                    _offer(o, ctx, 0.6, c)
    if (ctx.unmet_bits >> CR_COACH) & 1 and pv.senior and not i.kdm and lvl < 4:
        if kind == A_DEVELOP_COACH:
            _offer(o, ctx, 2.4, CR_COACH)
        elif lvl >= 2 and (trust < COACH_TRUST or support < 0.3) and (d.trust or d.support) \
                and not (pv.favourite and pv.favourite != ctx.vv.vendor):
            _offer(o, ctx, 0.9, CR_COACH)
    if i.kdm and (kind == A_SPONSOR_VISIT or kind == A_EXEC_VISIT):
        _offer(o, ctx, 2.2, CR_KDM_MET)
    if not ctx.kdm_known and pv.senior and not roles_known and d.special_id == S_MEET_KDM:
        _offer(o, ctx, 0.6, CR_KDM_MET)
    if kind == A_DEMO or kind == A_SOLUTION_WORKSHOP or kind == A_PILOT:
        _offer(o, ctx, 1.2, CR_DEMO_DONE)
        _offer(o, ctx, 1.0, CR_PRODUCT_PRESENTED)
    if kind == A_IMPLEMENTATION_REFERENCE or kind == A_REFERENCE_VISIT:
        _offer(o, ctx, 1.0, CR_REFERENCES_PRESENTED)
    if d.support and support < 0.2:
        if i.ku:
            _offer(o, ctx, 0.8, CR_SUPPORT_KU)
        if i.ki:
            _offer(o, ctx, 0.8, CR_SUPPORT_KI)
        if i.kdm:
            _offer(o, ctx, 0.8, CR_SUPPORT_KDM)
    if kind == A_SHAPE_CRITERIA:
        _offer(o, ctx, 1.6, CR_CRITERIA_SHAPED)
    if (kind == A_VISIT or kind == A_SPONSOR_VISIT) and i.buyer and lvl < 2:
        _offer(o, ctx, 0.7, CR_EL_BUDGET)
    return 0


@cython.ccall
def qualify_value(ctx: Context) -> cython.double:
    """Which of the five elements a qualifying pass would confirm now."""
    u: list = ctx.unmet
    if not (u[CR_EL_LEAD] or u[CR_EL_NEED] or u[CR_EL_FIT] or u[CR_EL_BUDGET]
            or u[CR_EL_TIMELINE]):
        return 0.0 if ctx.vv.me.flags[F_EL_BUDGET] or ctx.stage >= 5 else 0.2
    new: cython.int = 0
    lead: cython.bint = False
    need: cython.bint = False
    budget: cython.bint = False
    timeline: cython.bint = False
    pv: PersonView
    for pv in ctx.vv.people:
        if pv.contact >= 1 and pv.roles_mask & (B_INITIATOR | B_USER):
            lead = True
        if pv.needs_known:
            need = True
        if pv.contact >= 2 and pv.roles_mask & (B_BUDGET_HOLDER | B_PURCHASER):
            budget = True
        if pv.contact >= 1 and pv.roles_mask & (B_PURCHASER | B_INITIATOR):
            timeline = True
    if u[CR_EL_LEAD] and lead:
        new += 1
    if u[CR_EL_NEED] and need:
        new += 2  # need and usually fit
    if u[CR_EL_BUDGET] and budget:
        new += 1
    if u[CR_EL_TIMELINE] and timeline:
        new += 1
    return 0.9 * new
