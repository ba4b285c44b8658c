"""Preference is contested: each person leans toward one vendor, and winning them over comes
partly at the expense of the vendor they lean to.

Support stays one number per vendor and person, but a gain is no longer free of the others:
whenever a vendor wins support, the best-placed other vendor with that person loses a share
of it (`CONTEST`). So the field no longer saturates together, and what counts is a vendor's
standing against the others, which is what the evaluators judge (`resolve.judge`) and what
W reads (`health`). Trust is not contested: a person can trust several vendors' people.

Each person's favourite is the vendor they support most, when they support it at all
(`FAV_MIN`) and clearly more than the next (`FAV_LEAD`); otherwise they are undecided. Who
may know a favourite is the informants' business (`informants.py`).

The KDM is guarded: they back no vendor beyond `KDM_GUARDED` until that vendor has found out
what they want personally (`Relation.known_personal`: asked of a coach, or drawn out in
meetings built on trust). Seed 000/004: the decider's own interest decides; without it a
vendor stays one of several acceptable suppliers, however often it visits. So the KDM's
clear backing (W) goes to the vendor that learned what they want, not to the one that met them
most.
"""

from __future__ import annotations

import cython

from game.core.num import clamp, same
from game.core.state import GameState, Person, Relation, Vendor

if not cython.compiled:
    from game.core.ids import K_KDM

CONTEST = 0.5
_CONTEST = cython.declare(cython.double, CONTEST)
KDM_CONTEST = 1.0  # the KDM chooses: what one vendor gains with them the others lose in full
_KDM_CONTEST = cython.declare(cython.double, KDM_CONTEST)
KDM_GUARDED = 0.3
_KDM_GUARDED = cython.declare(cython.double, KDM_GUARDED)
# W: the KDM backs a vendor by W_MARGIN more than any rival, at least W_MIN, with a
# relationship (contact >= 2). Once the KDM has chosen like this, they are committed: the
# other vendors' gains with them land at KDM_COMMITTED (seed 000: the KDM who has chosen us
# acts for us; a rival who courts them late courts a decided mind).
W_MARGIN = 0.10
_W_MARGIN = cython.declare(cython.double, W_MARGIN)
W_MIN = 0.20
_W_MIN = cython.declare(cython.double, W_MIN)
KDM_COMMITTED = 0.1
_KDM_COMMITTED = cython.declare(cython.double, KDM_COMMITTED)
# ... and they commit only to a vendor that has won their recognition: P4's work done (product,
# references and demo shown, insiders and a coach, the KDM met), so at P5 or later. An old
# friendship or an early rush alone does not make the KDM close the door on the others.
COMMIT_STAGE = 5
_COMMIT_STAGE = cython.declare(cython.int, COMMIT_STAGE)
FAV_MIN = 0.10
_FAV_MIN = cython.declare(cython.double, FAV_MIN)
FAV_LEAD = 0.05
_FAV_LEAD = cython.declare(cython.double, FAV_LEAD)
UNDECIDED = -1


@cython.ccall
def nudge_support(r: Relation, delta: cython.double) -> cython.double:
    """Diminishing returns: the closer to +1 (or -1), the harder to move further."""
    before: cython.double = r.support
    if delta >= 0:
        r.support = clamp(r.support + delta * (1 - max(r.support, 0.0)), -1.0, 1.0)
    else:
        r.support = clamp(r.support + delta * (1 + min(r.support, 0.0)), -1.0, 1.0)
    return r.support - before


@cython.ccall
def nudge_trust(r: Relation, delta: cython.double) -> cython.double:
    before: cython.double = r.trust
    r.trust = clamp(r.trust + (delta * (1 - r.trust) if delta >= 0 else delta), 0.0, 1.0)
    return r.trust - before


@cython.ccall
def best_other(state: GameState, vi: cython.int, pi: cython.int) -> cython.int:
    """The active vendor other than `vi` whom person `pi` supports most (-1 if none)."""
    best: cython.int = -1
    top: cython.double = -2.0
    v: Vendor
    r: Relation
    for v in state.vlist:
        if v.index == vi or not v.active or same(v.status, "lost"):
            continue
        r = state.rels[v.index][pi]
        if r.support > top:
            top = r.support
            best = v.index
    return best


@cython.ccall
def leader(state: GameState, pi: cython.int, least: cython.double, lead: cython.double
           ) -> cython.int:
    """The vendor (index) person `pi` supports most among those still in the running, when
    they support it at least `least` and by `lead` more than the next; else -1."""
    best: cython.int = -1
    s1: cython.double = -2.0
    s2: cython.double = -2.0
    s: cython.double
    v: Vendor
    for v in state.vlist:
        if not v.active or same(v.status, "lost"):
            continue
        s = cython.cast(Relation, state.rels[v.index][pi]).support
        if s > s1:
            s2 = s1
            s1 = s
            best = v.index
        elif s > s2:
            s2 = s
    if best < 0 or s1 < least or s1 - s2 < lead:
        return -1
    return best


@cython.ccall
def chosen(state: GameState, pi: cython.int) -> cython.int:
    """The vendor (index) person `pi` has chosen and committed to, among the vendors still in
    the running, or -1: W as health defines it, held by a vendor at COMMIT_STAGE or later."""
    best: cython.int = leader(state, pi, _W_MIN, _W_MARGIN)
    if best < 0 or cython.cast(Relation, state.rels[best][pi]).contact < 2 or \
            cython.cast(Vendor, state.vlist[best]).stage < _COMMIT_STAGE:
        return -1
    return best


@cython.ccall
def court(state: GameState, v: Vendor, pi: cython.int, delta: cython.double) -> cython.double:
    """Move vendor `v`'s support with person `pi` by `delta`. A gain costs the other vendors
    `CONTEST` times as much in all, shared in proportion to the support each has with the
    person (their favourite loses most). A KDM gives no more than `KDM_GUARDED` to a vendor
    that does not know what they want personally. Returns our change."""
    r: Relation = state.rels[v.index][pi]
    p: Person = state.plist[pi]
    if delta > 0.0 and p.key_mask & K_KDM and not r.known_personal:
        if r.support >= _KDM_GUARDED:
            return 0.0
        delta = min(delta, _KDM_GUARDED - r.support)
    if delta > 0.0 and p.key_mask & K_KDM:
        c: cython.int = chosen(state, pi)
        if c >= 0 and c != v.index:
            delta *= _KDM_COMMITTED
    gain: cython.double = nudge_support(r, delta)
    if gain <= 0.0:
        return gain
    total: cython.double = 0.0
    o: Vendor
    ro: Relation
    # The rivals in the running who have support with the person, found once (each has
    # its own relation, so taking from one leaves the others' support as it was).
    backed: cython.int[16]
    if not cython.compiled:
        backed = [0] * 16
    n: cython.int = 0
    k: cython.int
    for o in state.vlist:
        if o.index != v.index and o.active and not same(o.status, "lost"):
            ro = state.rels[o.index][pi]
            if ro.support > 0.0:
                total += ro.support
                backed[n] = o.index
                n += 1
    if total <= 0.0:
        return gain
    take: cython.double = (_KDM_CONTEST if p.key_mask & K_KDM else _CONTEST) * gain / total
    for k in range(n):
        ro = state.rels[backed[k]][pi]
        nudge_support(ro, -take * ro.support)
    return gain


@cython.ccall
def leads(state: GameState, vi: cython.int, pi: cython.int) -> cython.bint:
    """Whether person `pi` supports vendor `vi` more than any other active vendor."""
    o: cython.int = best_other(state, vi, pi)
    return o < 0 or cython.cast(Relation, state.rels[vi][pi]).support > \
        cython.cast(Relation, state.rels[o][pi]).support


@cython.ccall
def favourite(state: GameState, pi: cython.int) -> cython.int:
    """The vendor person `pi` favours (its index), or UNDECIDED."""
    return leader(state, pi, _FAV_MIN, _FAV_LEAD)
