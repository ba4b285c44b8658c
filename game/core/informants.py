"""Insiders and coaches, as the training material tells them apart.

An insider (内线, contact level "insider") is usually someone below management in a user or
technical department: they bring information. They report rivals' moves, tell whom they
themselves favour, hear early when someone is about to move on, and can ask a colleague to
introduce us upward. One insider alone is sometimes wrong about a rival; two or more
cross-check each other.

A coach (教练, contact level "coach") is a manager we have developed, usually through our
executive: they guide. A coach reveals what the KDM really wants and how the decision will
really be made, introduces us to the KDM, tells us whom the KDM and the evaluators favour,
and warns of coming changes. A coach does only so many favours (`COACH_FAVOURS`), and the KDM
can never be one: the KDM backing us is W itself. Neither ever hands over a rival's bid price
or the customer's reserve price.
"""

from __future__ import annotations

import cython

from game.core.state import GameState, Person, Relation

if not cython.compiled:
    from game.core.ids import C_COACH, C_INSIDER, K_KDM, PH_DECISION

COACH_FAVOURS = 3
WRONG_REPORT = 0.35  # the chance a lone insider's report on a rival is off by a stage


@cython.ccall
def informants(state: GameState, vi: cython.int) -> cython.int:
    """How many insiders and coaches vendor `vi` has (a coach counts twice: reliable)."""
    n: cython.int = 0
    r: Relation
    for r in state.rels[vi]:
        if r.contact >= C_COACH:
            n += 2
        elif r.contact >= C_INSIDER:
            n += 1
    return n


@cython.ccall
def has_coach_anywhere(state: GameState, vi: cython.int) -> cython.bint:
    r: Relation
    for r in state.rels[vi]:
        if r.contact >= C_COACH:
            return True
    return False


@cython.ccall
def knows_favourite(state: GameState, vi: cython.int, p: Person,
                    coach: cython.bint) -> cython.bint:
    """Whether vendor `vi` can tell whom `p` favours: `p` is its insider or coach, or it has a
    coach and `p` is the KDM or an evaluator."""
    r: Relation = state.rels[vi][p.index]
    if r.contact >= C_INSIDER:
        return True
    return coach and bool(p.key_mask & K_KDM or p.influence * p.part[PH_DECISION] > 0.02)


@cython.ccall
def hears_rumours(state: GameState, vi: cython.int) -> cython.bint:
    """Whether vendor `vi` hears who is about to move on (it has an insider or a coach)."""
    return informants(state, vi) >= 1
