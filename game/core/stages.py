"""The seven stages P1..P7 and their exit criteria, each criterion a pure predicate.

Stages 1 to 4 advance when every criterion of the current stage holds at the end of a week.
P5 ends with the award (winning the tender), P6 with the signed contract, P7 with the first
payment: those are events in `resolve.py`, and their criteria here are the checklist the
team works through to get there.
"""

from __future__ import annotations

import cython

from game.core.ids import CRITERIA
from game.core.state import GameState, Person, Relation, Vendor

if not cython.compiled:
    from game.core.ids import (
        B_INITIATOR,
        B_USER,
        CR_BID_SUBMITTED,
        CR_COACH,
        CR_CONTRACT_SIGNED,
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
        CR_MAJORITY_EVALUATORS,
        CR_NEED_HEARD,
        CR_NOTICE_SURVIVED,
        CR_ORG_MAPPED,
        CR_PAID,
        CR_PREFERRED,
        CR_PRODUCT_PRESENTED,
        CR_PROFILED,
        CR_PURSUE,
        CR_REFERENCES_PRESENTED,
        CR_SUPPORT_KDM,
        CR_SUPPORT_KI,
        CR_SUPPORT_KU,
        CR_TENDER_WON,
        CR_TERMS_AGREED,
        CR_WILLING,
        F_BID_SUBMITTED,
        F_CONTRACT_SIGNED,
        F_CRITERIA_SHAPED,
        F_DELIVERY_PRESENTED,
        F_DEMO_DONE,
        F_EL_BUDGET,
        F_EL_FIT,
        F_EL_LEAD,
        F_EL_NEED,
        F_EL_TIMELINE,
        F_FIRST_VISIT,
        F_KDM_MET,
        F_NEED_HEARD,
        F_NOTICE_SURVIVED,
        F_ORG_MAPPED,
        F_PAID,
        F_PREFERRED,
        F_PRODUCT_PRESENTED,
        F_PROFILED,
        F_PURSUE,
        F_REFERENCES_PRESENTED,
        F_TERMS_AGREED,
        K_KDM,
        K_KI,
        K_KU,
        PH_DECISION,
    )

STAGE_IDS = ("P1", "P2", "P3", "P4", "P5", "P6", "P7")
SUPPORT_OK = 0.2
_SUPPORT_OK = cython.declare(cython.double, SUPPORT_OK)

# Each stage's exit criteria, in the order the checklist shows them.
STAGE_CRITERIA: tuple[tuple[int, ...], ...] = (
    (),
    (CR_PROFILED, CR_PURSUE),
    (CR_LEAD_CONTACT, CR_FIRST_VISIT, CR_NEED_HEARD, CR_WILLING),
    (CR_EL_LEAD, CR_EL_NEED, CR_EL_FIT, CR_EL_BUDGET, CR_EL_TIMELINE, CR_ORG_MAPPED,
     CR_INSIDER_KI_KU),
    (CR_PRODUCT_PRESENTED, CR_REFERENCES_PRESENTED, CR_DEMO_DONE, CR_INSIDER_KI,
     CR_INSIDER_KU, CR_COACH, CR_KDM_MET),
    (CR_SUPPORT_KU, CR_SUPPORT_KI, CR_SUPPORT_KDM, CR_EL_BUDGET, CR_CRITERIA_SHAPED,
     CR_MAJORITY_EVALUATORS, CR_BID_SUBMITTED, CR_TENDER_WON),
    (CR_PREFERRED, CR_NOTICE_SURVIVED, CR_TERMS_AGREED, CR_CONTRACT_SIGNED),
    (CR_CONTRACT_SIGNED, CR_PAID),
)
# The same by name, for reports: stage -> its criteria's names.
CHECKLIST_OF: dict[int, tuple[str, ...]] = {
    stage: tuple(CRITERIA[cr] for cr in crs) for stage, crs in enumerate(STAGE_CRITERIA)
    if stage
}
# Criteria that are one fact each.
FACT_OF: dict[int, int] = {
    CR_PROFILED: F_PROFILED, CR_PURSUE: F_PURSUE, CR_FIRST_VISIT: F_FIRST_VISIT,
    CR_NEED_HEARD: F_NEED_HEARD, CR_EL_LEAD: F_EL_LEAD, CR_EL_NEED: F_EL_NEED,
    CR_EL_FIT: F_EL_FIT, CR_EL_BUDGET: F_EL_BUDGET, CR_EL_TIMELINE: F_EL_TIMELINE,
    CR_PRODUCT_PRESENTED: F_PRODUCT_PRESENTED, CR_DEMO_DONE: F_DEMO_DONE,
    CR_KDM_MET: F_KDM_MET, CR_CRITERIA_SHAPED: F_CRITERIA_SHAPED,
    CR_BID_SUBMITTED: F_BID_SUBMITTED, CR_TENDER_WON: F_PREFERRED, CR_PREFERRED: F_PREFERRED,
    CR_NOTICE_SURVIVED: F_NOTICE_SURVIVED, CR_TERMS_AGREED: F_TERMS_AGREED,
    CR_CONTRACT_SIGNED: F_CONTRACT_SIGNED, CR_PAID: F_PAID,
}


@cython.ccall
def known_key(state: GameState, v: Vendor, tag: cython.int, min_contact: cython.int
              ) -> cython.bint:
    """Someone with this key tag whom we know by role and reach at this contact level."""
    rels: list = state.rels[v.index]
    i: cython.Py_ssize_t
    p: Person
    r: Relation
    for i in range(state.n_people):
        p = state.plist[i]
        if p.key_mask & tag:
            r = rels[i]
            if r.known_roles and r.contact >= min_contact:
                return True
    return False


@cython.ccall
def key_support(state: GameState, v: Vendor, tag: cython.int) -> cython.bint:
    rels: list = state.rels[v.index]
    i: cython.Py_ssize_t
    p: Person
    r: Relation
    for i in range(state.n_people):
        p = state.plist[i]
        r = rels[i]
        if p.key_mask & tag and r.support >= _SUPPORT_OK:
            return True
    return False


@cython.ccall
def lead_contact(state: GameState, v: Vendor) -> cython.bint:
    rels: list = state.rels[v.index]
    i: cython.Py_ssize_t
    p: Person
    r: Relation
    for i in range(state.n_people):
        p = state.plist[i]
        r = rels[i]
        if r.contact >= 1 and r.known_roles and p.roles_mask & (B_INITIATOR | B_USER):
            return True
    return False


@cython.ccall
def willing(state: GameState, v: Vendor) -> cython.bint:
    rels: list = state.rels[v.index]
    r: Relation
    for r in rels:
        if r.support > 0.05:
            return True
    return False


@cython.ccall
def org_mapped(state: GameState, v: Vendor) -> cython.bint:
    if v.flags[F_ORG_MAPPED]:
        return True
    rels: list = state.rels[v.index]
    r: Relation
    n: cython.int = 0
    for r in rels:
        n += r.known_roles
    return n >= 0.7 * len(rels)


@cython.ccall
def has_coach(state: GameState, v: Vendor) -> cython.bint:
    rels: list = state.rels[v.index]
    r: Relation
    for r in rels:
        if r.contact >= 4:
            return True
    return False


@cython.ccall
def majority_evaluators(state: GameState, v: Vendor) -> cython.bint:
    rels: list = state.rels[v.index]
    total: cython.double = 0.0
    backing: cython.double = 0.0
    w: cython.double
    i: cython.Py_ssize_t
    p: Person
    r: Relation
    for i in range(state.n_people):
        p = state.plist[i]
        r = rels[i]
        w = p.influence * p.part[PH_DECISION]
        total += w
        if r.support >= 0.1:
            backing += w
    return total > 0 and backing > 0.5 * total


@cython.ccall
def criterion_met(state: GameState, v: Vendor, cr: cython.int) -> cython.bint:
    """Whether one exit criterion (ids.CRITERIA) holds for this vendor now."""
    if cr == CR_LEAD_CONTACT:
        return lead_contact(state, v)
    if cr == CR_WILLING:
        return willing(state, v)
    if cr == CR_ORG_MAPPED:
        return org_mapped(state, v)
    if cr == CR_INSIDER_KI_KU:
        return known_key(state, v, K_KI, 3) or known_key(state, v, K_KU, 3)
    if cr == CR_REFERENCES_PRESENTED:
        return v.flags[F_REFERENCES_PRESENTED] != 0 or v.flags[F_DELIVERY_PRESENTED] != 0
    if cr == CR_INSIDER_KI:
        return known_key(state, v, K_KI, 3)
    if cr == CR_INSIDER_KU:
        return known_key(state, v, K_KU, 3)
    if cr == CR_COACH:
        return has_coach(state, v)
    if cr == CR_SUPPORT_KU:
        return key_support(state, v, K_KU)
    if cr == CR_SUPPORT_KI:
        return key_support(state, v, K_KI)
    if cr == CR_SUPPORT_KDM:
        return key_support(state, v, K_KDM)
    if cr == CR_MAJORITY_EVALUATORS:
        return majority_evaluators(state, v)
    return v.flags[_fact_of(cr)] != 0


@cython.cfunc
def _fact_of(cr: cython.int) -> cython.int:
    return FACT_OF[cr]


def checklist(state: GameState, vendor: str) -> list[dict[str, object]]:
    """The current stage's exit criteria with whether each holds (for UI and coach)."""
    v = state.vendors[vendor]
    return [{"key": CRITERIA[cr], "done": bool(criterion_met(state, v, cr))}
            for cr in STAGE_CRITERIA[v.stage]]


@cython.ccall
def exit_met(state: GameState, v: Vendor) -> cython.bint:
    cr: cython.int
    for cr in STAGE_CRITERIA[v.stage]:
        if not criterion_met(state, v, cr):
            return False
    return True


def advance_stages(state: GameState) -> list[tuple[str, int]]:
    """Move every active vendor whose P1..P4 exit criterion holds up one stage."""
    moved = []
    v: Vendor
    for v in state.vlist:
        if v.active and v.status == "active" and v.stage <= 4 and exit_met(state, v):
            v.stage += 1
            v.stage_weeks[v.stage] = state.week
            moved.append((v.id, v.stage))
    return moved
