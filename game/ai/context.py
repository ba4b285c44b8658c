"""What the planner reads once per view: the money it may spend, the open criteria, and per
person the facts the scorer needs (weight in the decision, focus, fit, what we know), plus the
running projections of support and trust as the week's picks are assumed to land.
"""

from __future__ import annotations

import cython

from game.ai import knowledge as K
from game.ai.playbooks import Style
from game.core.views import MeView, PersonView, VendorView

if not cython.compiled:
    from game.core.ids import (
        K_KDM,
        K_KI,
        K_KU,
        N_CRITERIA,
        PH_CONTRACT,
        PH_DECISION,
        T_SKEPTICAL,
    )

EMPHASIS_TAGS = ("kdm", "ki", "ku")


@cython.final
@cython.cclass
class Info:
    """One person as the scorer sees them; `support`, `trust` and `focus` follow the week's
    projections, everything else is the view's."""

    def __init__(self) -> None:
        self.trait_ids = []
        self.motives = []


_GEN = cython.declare(cython.long, 0)  # contexts made so far


@cython.final
@cython.cclass
class Context:
    """Everything the scorer reads once per view (and the planner's running projections)."""

    def __init__(self) -> None:
        self.infos = []
        self.unmet = [False] * N_CRITERIA
        self.unmet_ids = []
        self.unmet_bits = 0
        self.emph_tags = []
        self.emph_weights = []
        self.follow = []
        self.follow_on = []
        self.has_follow = False
        self.emphasis = None
        global _GEN
        _GEN += 1
        self.gen = _GEN  # tells the scorer's kept terms of this context from another's


@cython.ccall
def focus_of(ctx: Context, p: PersonView, support: cython.double) -> cython.double:
    """How much the playbook cares about this kind of person (the largest of its tags)."""
    style: Style = ctx.style
    if not style.has_focus:
        return 1.0
    f: list = style.focus_of
    best: cython.double = 1.0
    x: cython.double
    if p.key_mask & K_KDM:
        x = f[0]
        best = x if x > best else best
    if p.key_mask & K_KI:
        x = f[1]
        best = x if x > best else best
    if p.key_mask & K_KU:
        x = f[2]
        best = x if x > best else best
    if K.is_buyer(p):
        x = f[3]
        best = x if x > best else best
    if support >= 0.15:
        x = f[4]
        best = x if x > best else best
    if p.senior:
        x = f[5]
        best = x if x > best else best
    if not p.roles_known:
        x = f[6]
        best = x if x > best else best
    return best


@cython.cfunc
def _info(ctx: Context, p: PersonView, i: Info) -> cython.int:
    """Fill `i` (every field) for this person. (An int, not void: Cython then checks for an
    error only when it returns -1.)"""
    i.w = K.decision_weight(p) / ctx.max_w
    i.focus = focus_of(ctx, p, p.support)
    i.part = K.participation_now(p)
    i.buyer = K.is_buyer(p)
    i.kdm = (p.key_mask & K_KDM) != 0
    i.ki = (p.key_mask & K_KI) != 0
    i.ku = (p.key_mask & K_KU) != 0
    i.trait_ids = p.trait_ids
    # The kinds of the motives we know, position first (K.motive_kinds); a refilled
    # record keeps its list.
    motives: list = i.motives
    if motives is None:
        motives = []
    elif motives:
        del motives[:]
    i.motives_mask = 0
    if p.pos_known:
        motives.append(p.pos_kind)
        i.motives_mask |= 1 << p.pos_kind
    if p.pers_known:
        motives.append(p.pers_kind)
        i.motives_mask |= 1 << p.pers_kind
    i.motives = motives
    i.hidden = K.unknown_motives(p)
    i.fit = K.person_fit(ctx.vv, p)
    i.support = p.support
    i.trust = p.trust
    i.lvl = p.contact
    i.senior = p.senior
    i.skeptical = (p.traits_mask & T_SKEPTICAL) != 0
    i.roles_known = p.roles_known
    i.needs_known = p.needs_known
    i.position_known = p.pos_known
    i.personal_known = p.pers_known
    i.last_touch = p.last_touch
    i.replaced = p.generation > 0
    return 0


@cython.ccall
def make_context(vv: VendorView, style: Style, use_motives: cython.bint = True,
                 emphasis: dict | None = None, follow: dict | None = None) -> Context:
    """The scorer's context for this view, playbook and skill. `emphasis` weighs support of
    the KDM, KI or KU people more ("kdm": 0.8, ...; "bid_now" makes the bid due now);
    `follow` names the people (by index) a human teammate is working on this week."""
    ctx: Context = Context()
    fill_context(ctx, vv, style, use_motives, emphasis, follow)
    return ctx


@cython.ccall
def fill_context(ctx: Context, vv: VendorView, style: Style, use_motives: cython.bint,
                 emphasis: dict | None, follow: dict | None) -> cython.void:
    """`make_context` into a context already made, its records reused (the planner keeps
    one); it becomes a new context for the scorer's kept terms."""
    global _GEN
    _GEN += 1
    ctx.gen = _GEN
    me: MeView = vv.me
    ctx.vv = vv
    ctx.style = style
    ctx.use_motives = use_motives
    k: cython.Py_ssize_t
    cr: cython.int
    if ctx.unmet_ids:
        for cr in ctx.unmet_ids:
            ctx.unmet[cr] = False
        ctx.unmet_ids = []
    ctx.unmet_bits = 0
    if ctx.emph_tags:
        ctx.emph_tags = []
        ctx.emph_weights = []
    reserve: cython.double = K.endgame_reserve(vv) + K.war_chest(vv, style.war_chest)
    reserve = min(reserve, max(0.0, me.budget - 1.0))
    allowance: cython.double = K.weekly_allowance(vv, reserve)
    lam: cython.double = style.frugality * 0.5 / max(allowance, 0.4)
    if vv.phase == PH_DECISION or vv.phase == PH_CONTRACT:
        lam *= 0.6
    ctx.lam = lam
    ctx.cap = allowance * style.pace
    ctx.reserve = reserve
    ctx.stage = me.stage
    ctx.phase = vv.phase
    for cr in K.unmet(vv):
        ctx.unmet[cr] = True
        ctx.unmet_ids.append(cr)
        ctx.unmet_bits |= cython.cast(cython.ulonglong, 1) << cr
    max_w: cython.double = 0.0
    w: cython.double
    first: cython.bint = True
    kdm_known: cython.bint = False
    p: PersonView
    for p in vv.people:
        w = K.decision_weight(p)
        if first or w > max_w:
            max_w = w
            first = False
        if p.key_mask & K_KDM:
            kdm_known = True
    ctx.max_w = (max_w if max_w != 0.0 else 1.0) if vv.people else 1.0
    ctx.kdm_known = kdm_known
    ctx.bid_now = False
    if emphasis:
        for tag, weight in emphasis.items():
            if tag == "bid_now":
                ctx.bid_now = weight > 0
            elif tag in EMPHASIS_TAGS:
                ctx.emph_tags.append(EMPHASIS_TAGS.index(tag))
                ctx.emph_weights.append(float(weight))
    if emphasis or ctx.emphasis is None or ctx.emphasis:
        ctx.emphasis = dict(emphasis or {})
    n: cython.Py_ssize_t = len(vv.people)
    if len(ctx.follow) != n or ctx.has_follow:  # else still all zero from the last view
        ctx.follow = [0.0] * n
        ctx.follow_on = [False] * n
    if follow:
        for pi, weight in follow.items():
            ctx.follow[pi] = weight
            ctx.follow_on[pi] = True
    ctx.has_follow = bool(follow)
    infos: list = ctx.infos
    if len(infos) != n:
        infos = [Info() for _ in range(n)]
    for k in range(n):
        _info(ctx, vv.people[k], infos[k])
    ctx.infos = infos
