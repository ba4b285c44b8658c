"""C931 deal health (9 Clear, 3 First, 1 Win) and the forecast win probability.

Computed from the real state every week. The forecast is a vendor's share of the field's
strength, strength = exp(0.3 C + 1.55 F + 0.8 W): First and Win are relative, so only the
field can say what a position is worth. Against three rivals at "8 C, 0 F, 0 W", a vendor at
"8 C, 1 F, 0 W" stands at 60%, the training material's rule of thumb; the balance runner
checks the calibration against simulated outcomes.
"""

from __future__ import annotations

import math
from typing import Any

import cython

from game.core.num import fround
from game.core.resolve import W_MARGIN, W_MIN, Panel, Scores, panel, projected
from game.core.state import GameState, Person, Relation, Vendor

if not cython.compiled:
    from game.core.ids import (
        F_COMPETITORS_KNOWN,
        F_CRITERIA_KNOWN,
        F_EL_BUDGET,
        F_EL_TIMELINE,
        F_KDM_MET,
        F_ORG_MAPPED,
        F_PROCESS_KNOWN,
        F_PROFILED,
        F_PURSUE,
        K_KDM,
        K_KI,
        K_KU,
    )

C_KEYS = (
    "c_process", "c_procurement", "c_org", "c_decision", "c_need",
    "c_budget", "c_competitors", "c_swot", "c_strategy",
)
F_KEYS = ("f_overall", "f_value", "f_relationship")
W_KEYS = ("w_kdm",)


# The share of the key people's influence that must rank a vendor first (with the KDM) for
# it to hold an F.
F_CONSENSUS = 2.0 / 3.0
_F_CONSENSUS = cython.declare(cython.double, F_CONSENSUS)
TYPICAL_RIVAL = (8, 0, 0)
NO_DEAL = (4, 0, 0)  # the customer's option of not signing, when nobody else is left


@cython.ccall
def strength(c: cython.int, f: cython.int, w: cython.int) -> cython.double:
    return math.exp(0.3 * c + 1.55 * f + 0.8 * w)


def forecast(c: int, f: int, w: int,
             field: list[tuple[int, int, int]] | None = None) -> float:
    """Win probability as a share of the field (default: three typical rivals)."""
    rivals = [TYPICAL_RIVAL] * 3 if field is None else (field or [NO_DEAL])
    mine = strength(c, f, w)
    return mine / (mine + sum(strength(*r) for r in rivals))


@cython.final
@cython.cclass
class Health:
    """Every vendor's C931 this week, by vendor index: each item, the counts, the forecast."""

    # Fields (declared for C in health.pxd; annotated here for type checkers). `clear` and
    # `first` hold None only until health_all fills in every vendor.
    clear: list[list[bool] | None]
    first: list[list[bool] | None]
    win: list[bool]
    c: list[int]
    f: list[int]
    w: list[int]
    forecast: list[float]

    def __init__(self, n: int) -> None:
        self.clear = [None] * n
        self.first = [None] * n
        self.win = [False] * n
        self.c = [0] * n
        self.f = [0] * n
        self.w = [0] * n
        self.forecast = [0.0] * n


@cython.cfunc
def _clear(state: GameState, v: Vendor) -> list:
    rels: list = state.rels[v.index]
    n: cython.int = state.n_people
    roles_known: cython.int = 0
    needs_known: cython.int = 0
    ku_need: cython.bint = False
    kdm_pos: cython.bint = False
    ki_known: cython.bint = False
    i: cython.Py_ssize_t
    p: Person
    r: Relation
    for i in range(n):
        p = state.plist[i]
        r = rels[i]
        roles_known += r.known_roles
        if r.known_needs:
            needs_known += 1
            ku_need = ku_need or (p.key_mask & K_KU) != 0
        if p.key_mask & K_KDM and r.known_position:
            kdm_pos = True
        if p.key_mask & K_KI and (r.known_position or r.known_personal):
            ki_known = True
    c_need: cython.bint = needs_known >= 0.5 * n and ku_need
    c_comp: cython.bint = v.has(F_COMPETITORS_KNOWN)
    return [
        v.has(F_PURSUE) and v.has(F_PROFILED),
        v.has(F_PROCESS_KNOWN) or v.has(F_EL_TIMELINE),
        v.has(F_ORG_MAPPED) or roles_known >= 0.7 * n,
        v.has(F_KDM_MET) and v.has(F_CRITERIA_KNOWN),
        c_need,
        v.has(F_EL_BUDGET),
        c_comp,
        c_comp and c_need,
        kdm_pos and ki_known,
    ]


@cython.cfunc
@cython.inline
def _closeness(r: Relation) -> cython.double:
    """How close a person is to a vendor: liked, and how deeply (trust, contact)."""
    if r.support <= 0.0:
        return 0.0
    return r.support * (0.5 + 0.5 * r.trust) * (1 + 0.25 * r.contact)


@cython.cfunc
@cython.inline
def _believed(state: GameState, proj: Scores, e: cython.Py_ssize_t, k: cython.Py_ssize_t,
              pi: cython.int) -> cython.double:
    """Value for money as a person believes it: the bid's merit in their eyes, credited as far
    as they trust the vendor's claims (half for a stranger)."""
    r: Relation = state.rels[proj.vendors[k]][pi]
    return cython.cast(cython.double, proj.values[e][k]) * (0.5 + 0.5 * r.trust)


@cython.cfunc
def _firsts(state: GameState, proj: Scores) -> list:
    """Per racing vendor (in `proj` order), the three F: whether the deciders rank it first
    overall, on value for money and on relationship. The seed's F is what the decision maker
    and the other key people in the decision body think: a dimension counts when the KDM
    ranks us first there and so do key people holding at least two thirds (F_CONSENSUS) of the
    key people's influence: "all of them" in the material, short of one minor voice. The key
    people are the KDM, key influencers and key users on the panel (the whole buying-centre
    panel when a scenario marks none); a drawn expert panel has no view."""
    pan: Panel = panel(state)
    ne: cython.Py_ssize_t = len(pan.people)
    nr: cython.Py_ssize_t = len(proj.vendors)
    rows_e = []
    e: cython.Py_ssize_t
    pi: cython.int
    for e in range(ne):
        pi = pan.people[e]
        if pi >= 0 and cython.cast(Person, state.plist[pi]).key_mask:
            rows_e.append(e)
    if not rows_e:
        for e in range(ne):
            if cython.cast(cython.int, pan.people[e]) >= 0:
                rows_e.append(e)
    total_inf: cython.double = 0.0
    for e in rows_e:
        total_inf += cython.cast(Person, state.plist[pan.people[e]]).influence
    out = []
    k: cython.Py_ssize_t
    j: cython.Py_ssize_t
    d: cython.int
    p: Person
    for k in range(nr):
        held = [False, False, False]
        for d in range(3):
            agree: cython.double = 0.0
            kdm_ok: cython.bint = True
            for e in rows_e:
                pi = pan.people[e]
                p = state.plist[pi]
                first: cython.bint = True
                for j in range(nr):
                    if j == k:
                        continue
                    if d == 0:
                        first = cython.cast(cython.double, proj.rows[e][k]) > \
                            cython.cast(cython.double, proj.rows[e][j])
                    elif d == 1:
                        first = _believed(state, proj, e, k, pi) > _believed(state, proj, e, j, pi)
                    else:
                        first = _closeness(state.rels[proj.vendors[k]][pi]) > \
                            _closeness(state.rels[proj.vendors[j]][pi])
                    if not first:
                        break
                if first:
                    agree += p.influence
                elif p.key_mask & K_KDM:
                    kdm_ok = False
            held[d] = kdm_ok and total_inf > 0.0 and agree >= _F_CONSENSUS * total_inf - 1e-9
        out.append(held)
    return out


@cython.ccall
def health_all(state: GameState) -> Health:
    """Every vendor's C931 and forecast, computed from the real state."""
    nv: cython.Py_ssize_t = state.n_vendors
    out: Health = Health(nv)
    proj: Scores = projected(state, True)
    racing = proj.vendors
    nr: cython.Py_ssize_t = len(racing)
    firsts: list = _firsts(state, proj)
    slot = [-1] * nv
    kdm = [0.0] * nv
    in_race = [False] * nv
    kdm_contact = [0] * nv
    k: cython.Py_ssize_t
    j: cython.Py_ssize_t
    i: cython.Py_ssize_t
    vi: cython.int
    p: Person
    r: Relation
    rels: list
    best: cython.double
    has_kdm: cython.bint
    for i in range(nv):
        rels = state.rels[i]
        contact: cython.int = 0
        for p in state.plist:
            if p.key_mask & K_KDM:
                r = rels[p.index]
                if r.contact > contact:
                    contact = r.contact
        kdm_contact[i] = contact
    for k in range(nr):
        vi = racing[k]
        in_race[vi] = True
        slot[vi] = k
        rels = state.rels[vi]
        best = 0.0
        has_kdm = False
        for p in state.plist:
            if p.key_mask & K_KDM:
                r = rels[p.index]
                if not has_kdm or r.support > best:
                    best = r.support
                has_kdm = True
        kdm[vi] = best
    v: Vendor
    for v in state.vlist:
        i = v.index
        clear = _clear(state, v)
        out.clear[i] = clear
        f_overall: cython.bint = False
        f_value: cython.bint = False
        f_rel: cython.bint = False
        win: cython.bint = False
        if in_race[i]:
            held = firsts[slot[i]]
            f_overall = held[0]
            f_value = held[1]
            f_rel = held[2]
            win = cython.cast(cython.double, kdm[i]) >= W_MIN and \
                cython.cast(cython.int, kdm_contact[i]) >= 2
            for k in range(nr):
                j = racing[k]
                if j == i:
                    continue
                if not cython.cast(cython.double, kdm[i]) >= \
                        cython.cast(cython.double, kdm[j]) + W_MARGIN:
                    win = False
        out.first[i] = [f_overall, f_value, f_rel]
        out.win[i] = win
        c: cython.int = 0
        for x in clear:
            c += 1 if x else 0
        out.c[i] = c
        out.f[i] = cython.cast(cython.int, f_overall) + cython.cast(cython.int, f_value) \
            + cython.cast(cython.int, f_rel)
        out.w[i] = 1 if win else 0
    strengths = [0.0] * nv
    for k in range(nr):
        vi = racing[k]
        strengths[vi] = strength(out.c[vi], out.f[vi], out.w[vi])
    fc: cython.double
    mine: cython.double
    for v in state.vlist:
        i = v.index
        if v.status == "won" or v.status == "shelved":
            fc = 1.0
        elif not in_race[i]:
            fc = 0.0
        else:
            mine = strengths[i]
            acc = 0.0
            if nr > 1:
                for k in range(nr):
                    j = racing[k]
                    if j != i:
                        acc += cython.cast(cython.double, strengths[j])
            else:
                acc = strength(NO_DEAL[0], NO_DEAL[1], NO_DEAL[2])
            fc = mine / (mine + acc)
        out.forecast[i] = fround(fc, 4)
    return out


def health_dict(h: Health, i: int) -> dict[str, Any]:
    """One vendor's health as the view and the log show it."""
    clear = h.clear[i]
    first = h.first[i]
    assert clear is not None and first is not None  # health_all filled in every vendor
    return {
        "clear": dict(zip(C_KEYS, clear, strict=True)),
        "first": dict(zip(F_KEYS, first, strict=True)),
        "win": {"w_kdm": h.win[i]},
        "c": h.c[i], "f": h.f[i], "w": h.w[i], "forecast": h.forecast[i],
    }


def c931_all(state: GameState) -> dict[str, dict[str, Any]]:
    h = health_all(state)
    return {v.id: health_dict(h, v.index) for v in state.vlist}


def health_now(state: GameState) -> Health:
    """This turn's health, computed once per turn for all vendors (views ask often)."""
    cached = state.cache.get("health")
    if cached is None or cached[0] != state.turn_id:
        cached = (state.turn_id, health_all(state))
        state.cache["health"] = cached
    return cached[1]


def c931(state: GameState, vendor: str) -> dict[str, Any]:
    """One vendor's health this turn."""
    return health_dict(health_now(state), state.vendors[vendor].index)
