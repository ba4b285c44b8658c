"""Which actions a vendor may plan this week, decided from its own view alone.

Because preconditions read only the view, the UI, the AI and the engine agree on legality
without anyone touching hidden state. Each refusal has an i18n key (`why.*`) the UI shows.

The rules work on typed moves (`Move`: kind, target person and option as numbers) against the
typed view; the functions at the end take the names (`Action`) and either form of view, for
the window, the tests and anything else that speaks in ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import cython

from game.core.actions import CATALOG, DEFS, REACHES, TERMS, Action, ActionDef
from game.core.ids import (
    FACTS,
    KIND_ID,
    PHASES,
    ROLES,
)
from game.core.num import same
from game.core.views import MeView, PersonView, VendorView

if not cython.compiled:
    from game.core.ids import (
        A_CHOOSE,
        A_COLLECT_PAYMENT,
        A_DEFEND_AWARD,
        B_INFLUENCER,
        B_USER,
        F_DONE,
        F_EXEC_CONFIRMED,
        F_PAID,
        F_TERMS_AGREED,
        K_KDM,
        K_KI,
        N_KINDS,
        S_ASK_COACH,
        S_COACH,
        S_COMPLAINT,
        S_CONFIRM,
        S_DISCREDIT,
        S_INTEL,
        S_INTRODUCE,
        S_NEEDS_REFERENCES,
        S_NEGOTIATE,
        S_REACH_OUT,
        S_SHAPE,
    )

# Refusal reasons as numbers: 0 is "allowed"; the fixed reasons by their place in WHY;
# NO_TIME + role and REQUIRES + fact carry which role lacks days and which fact is missing.
WHY = ("", "why.over", "why.inactive", "why.lost", "why.stage", "why.phase", "why.done",
       "why.no_references", "why.no_award", "why.notice_over", "why.terms_agreed",
       "why.contact_low", "why.contact_high", "why.trust_low", "why.senior_only",
       "why.support_low", "why.already_support", "why.roles_unknown", "why.not_evaluator",
       "why.no_budget", "why.planned", "why.option", "why.no_choice", "why.unknown_action",
       "why.target", "why.discount_not_approved", "why.unavailable",
       "why.needs_introduction", "why.kdm_not_coach", "why.no_favours", "why.introduce_kdm",
       "why.introduced", "why.favours_other")
OK = 0
W_OVER = 1
W_INACTIVE = 2
W_LOST = 3
W_STAGE = 4
W_PHASE = 5
W_DONE = 6
W_NO_REFERENCES = 7
W_NO_AWARD = 8
W_NOTICE_OVER = 9
W_TERMS_AGREED = 10
W_CONTACT_LOW = 11
W_CONTACT_HIGH = 12
W_TRUST_LOW = 13
W_SENIOR_ONLY = 14
W_SUPPORT_LOW = 15
W_ALREADY_SUPPORT = 16
W_ROLES_UNKNOWN = 17
W_NOT_EVALUATOR = 18
W_NO_BUDGET = 19
W_PLANNED = 20
W_OPTION = 21
W_NO_CHOICE = 22
W_UNKNOWN_ACTION = 23
W_TARGET = 24
W_DISCOUNT = 25
W_UNAVAILABLE = 26
W_NEEDS_INTRO = 27
W_KDM_NOT_COACH = 28
W_NO_FAVOURS = 29
W_INTRODUCE_KDM = 30
W_INTRODUCED = 31
W_FAVOURS_OTHER = 32
W_NO_TIME = 100
W_REQUIRES = 1000
_OK = cython.declare(cython.int, OK)  # the same, as a C constant for the hot loops
NO_TARGET = -1  # an action without a target
BAD = -2  # a name the view does not know (an unknown person, option, event or choice)


def reason_key(code: int) -> str | None:
    """The translation key of a refusal (None when allowed)."""
    if code == OK:
        return None
    if code >= W_REQUIRES:
        return f"why.requires.{FACTS[code - W_REQUIRES]}"
    if code >= W_NO_TIME:
        return f"why.no_time.{ROLES[code - W_NO_TIME]}"
    return WHY[code]


@cython.final
@cython.freelist(256)
@cython.cclass
class Move:
    """A planned action in numbers: the kind (ids.KINDS, or A_CHOOSE for an event answer),
    the target person's index in the view (or the pending event's), the option's index in
    the kind's options (or the choice's). NO_TARGET where there is none, BAD for a name the
    view does not know."""

    def __init__(self, kind: int, target: int = -1, option: int = -1) -> None:
        self.kind = kind
        self.target = target
        self.option = option

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Move):
            return NotImplemented
        o: Move = other
        return self.kind == o.kind and self.target == o.target and self.option == o.option

    def __hash__(self) -> int:
        return hash((self.kind, self.target, self.option))

    def __repr__(self) -> str:
        return f"Move({self.kind}, {self.target}, {self.option})"


@cython.cfunc
def new_move(kind: cython.int, target: cython.int, option: cython.int) -> Move:
    """`Move(kind, target, option)` without the call through Python (the planners' loop)."""
    m: Move = Move.__new__(Move)
    m.kind = kind
    m.target = target
    m.option = option
    return m


def to_move(vv: VendorView, a: Action) -> Move:
    """An action by name as a move against this view."""
    if a.kind == "choose":
        target = BAD
        option = BAD
        for k, pend in enumerate(vv.pending):
            if pend["event"] == a.target:
                target = k
                for j, c in enumerate(pend["choices"]):
                    if c["id"] == a.option:
                        option = j
                break
        return Move(A_CHOOSE, target, option)
    kind = KIND_ID.get(a.kind, -1)
    if kind < 0:
        return Move(-1, BAD, BAD)
    d = DEFS[kind]
    if a.target is None:
        target = NO_TARGET
    else:
        target = BAD
        for pv in vv.people:
            if pv.id == a.target:
                target = pv.index
                break
    if a.option is None:
        option = NO_TARGET
    else:
        option = d.options.index(a.option) if a.option in d.options else BAD
    return Move(kind, target, option)


def to_action(vv: VendorView, m: Move) -> Action:
    """A move as an action by name (what plans, saves and logs hold)."""
    if m.kind == A_CHOOSE:
        pend = vv.pending[m.target]
        return Action("choose", pend["event"], pend["choices"][m.option]["id"])
    d = DEFS[m.kind]
    target = vv.people[m.target].id if m.target >= 0 else None
    option = d.options[m.option] if m.option >= 0 else None
    return Action(d.id, target, option)


@cython.ccall
def choice_cost(vv: VendorView, m: Move) -> cython.double:
    """What answering a pending event with this choice costs (0 if it is not one)."""
    if m.target < 0 or m.option < 0:
        return 0.0
    return vv.pending[m.target]["choices"][m.option].get("cost", 0.0)


@cython.ccall
def choice_reason(vv: VendorView, m: Move) -> cython.int:
    if m.target < 0:
        return W_NO_CHOICE
    if m.option < 0:
        return W_OPTION
    return _OK


@cython.ccall
def vendor_reason(vv: VendorView, d: ActionDef) -> cython.int:
    """Checks that do not depend on the target person. `groups` makes the plain ones itself
    and calls this only for the kinds in `VENDOR_SPECIAL`: a new special rule here belongs in
    that set too (a test compares the two on many views)."""
    me: MeView = vv.me
    if vv.over:
        return W_OVER
    if not me.active:
        return W_INACTIVE
    if same(me.status, "lost") and d.special_id != S_COMPLAINT:
        return W_LOST
    if not d.stage_lo <= me.stage <= d.stage_hi:
        return W_STAGE
    if not (d.phase_mask >> vv.phase) & 1:
        return W_PHASE
    if d.once and me.flags[F_DONE + d.kind]:
        return W_DONE
    f: cython.int
    for f in d.requires_ids:
        if not me.flags[f]:
            return W_REQUIRES + f
    sp: cython.int = d.special_id
    if sp == S_NEEDS_REFERENCES and me.references <= 0:
        return W_NO_REFERENCES
    if sp == S_COMPLAINT:
        award = vv.award
        if not award or award["vendor"] == me.id or not me.bid:
            return W_NO_AWARD
        if vv.week > award["notice_end"]:
            return W_NOTICE_OVER
    if sp == S_NEGOTIATE and me.flags[F_TERMS_AGREED]:
        return W_TERMS_AGREED
    if d.kind == A_DEFEND_AWARD:
        award = vv.award
        if not award or award["vendor"] != me.id:
            return W_NO_AWARD
    if d.kind == A_COLLECT_PAYMENT and me.flags[F_PAID]:
        return W_DONE
    if sp == S_CONFIRM and me.flags[F_EXEC_CONFIRMED]:
        return W_DONE
    return _OK


@cython.ccall
def person_reason(vv: VendorView, d: ActionDef, p: PersonView) -> cython.int:
    """Checks on the target person; beyond the contact range and trust floor, `groups`
    asks only for the kinds in `PERSON_SPECIAL`."""
    lvl: cython.int = p.contact
    if lvl < d.min_contact:
        return W_CONTACT_LOW
    if lvl > d.max_contact:
        return W_CONTACT_HIGH
    if p.trust < d.min_trust:
        return W_TRUST_LOW
    if vv.week < p.free_week:
        return W_UNAVAILABLE
    if p.needs_intro and not d.opens_doors:
        return W_NEEDS_INTRO
    if d.senior_only and not (p.senior or p.key_mask & K_KDM):
        return W_SENIOR_ONLY
    sp: cython.int = d.special_id
    if sp == S_COACH and p.key_mask & K_KDM:
        return W_KDM_NOT_COACH
    if sp == S_COACH and p.support < 0.3:
        return W_SUPPORT_LOW
    if sp == S_COACH and p.favourite and p.favourite != vv.vendor:
        return W_FAVOURS_OTHER
    if sp == S_INTRODUCE:
        if p.key_mask & K_KDM:
            return W_INTRODUCE_KDM
        if not _anyone_to_meet(vv):
            return W_INTRODUCED
    if sp == S_ASK_COACH and p.favours_left <= 0:
        return W_NO_FAVOURS
    if sp == S_REACH_OUT and p.support >= 0.2:
        return W_ALREADY_SUPPORT
    if sp == S_SHAPE and not p.roles_known:
        return W_ROLES_UNKNOWN
    if sp == S_SHAPE and not (p.roles_mask & (B_INFLUENCER | B_USER) or p.key_mask & K_KI):
        return W_NOT_EVALUATOR
    if sp == S_INTEL and lvl < 3:
        return W_CONTACT_LOW
    return _OK


@cython.final
@cython.cclass
class Budget:
    """What is left of a plan's week: days per role and money."""

    def __init__(self) -> None:
        if not cython.compiled:  # compiled, the C array starts zeroed
            self.left = [0, 0, 0, 0]
        self.money = 0.0


@cython.cfunc
def _anyone_to_meet(vv: VendorView) -> cython.bint:
    """Whether someone (the KDM) still waits for an introduction."""
    pv: PersonView
    for pv in vv.people:
        if pv.needs_intro:
            return True
    return False


@cython.cfunc
def _plan_reason(d: ActionDef, m: Move, plan: list, b: Budget, gap: cython.int) -> cython.int:
    """The week's own limits: days, money, the same move twice, a senior person twice
    (`gap`: the target's weeks between meetings, 0 for a move without a target)."""
    if b.left[d.role_a] < d.days:
        return W_NO_TIME + d.role_a
    if d.role_b >= 0 and b.left[d.role_b] < d.days:
        return W_NO_TIME + d.role_b
    if d.cost > b.money + 1e-9:
        return W_NO_BUDGET
    x: Move
    for x in plan:
        if x.kind == m.kind and (x.target == m.target or d.once or not d.target):
            return W_PLANNED
        if gap > 1 and x.target == m.target and \
                cython.cast(ActionDef, DEFS[x.kind]).target:
            return W_UNAVAILABLE  # a senior person sees us once in a week at most
        if d.special_id == S_NEGOTIATE and \
                cython.cast(ActionDef, DEFS[x.kind]).special_id == S_NEGOTIATE:
            return W_PLANNED
    return _OK


@cython.ccall
def check_move(vv: VendorView, m: Move, plan: list, b: Budget) -> cython.int:
    """Why `m` may not join `plan` (its actions, event answers already taken out) with `b`
    left of the week, or OK."""
    if m.kind < 0 or m.kind >= N_KINDS:
        return W_UNKNOWN_ACTION
    d: ActionDef = DEFS[m.kind]
    p: PersonView | None = None
    if d.target:
        if m.target < 0:
            return W_TARGET
        p = vv.people[m.target]
    elif m.target != NO_TARGET:
        return W_TARGET
    if d.options and m.option < 0:
        return W_OPTION
    if not d.options and m.option != NO_TARGET:
        return W_OPTION
    if d.special_id == S_NEGOTIATE and m.option >= 0:
        disc: cython.double = TERMS[m.option][0]
        if disc > vv.me.max_discount + 1e-9:
            return W_DISCOUNT
    r: cython.int = vendor_reason(vv, d)
    if r == _OK and p is not None:
        r = person_reason(vv, d, p)
    if r == _OK:
        r = _plan_reason(d, m, plan, b, p.gap if p is not None else 0)
    return r


@cython.ccall
def usage(vv: VendorView, plan: list) -> Budget:
    """What is left of the week after `plan` (event answers priced from the view)."""
    b: Budget = Budget()
    i: cython.int
    for i in range(4):
        b.left[i] = vv.me.time[i]
    cost: cython.double = 0.0
    m: Move
    d: ActionDef
    for m in plan:
        if m.kind == A_CHOOSE:
            cost += choice_cost(vv, m)
            continue
        if m.kind < 0:
            continue
        d = DEFS[m.kind]
        b.left[d.role_a] -= d.days
        if d.role_b >= 0:
            b.left[d.role_b] = b.left[d.role_b] - d.days
        cost += d.cost
    b.money = vv.me.budget - cost
    return b


@cython.ccall
def check_one(vv: VendorView, m: Move, plan: list) -> cython.int:
    """Why `m` may not be added to `plan` this week, or OK."""
    b: Budget = usage(vv, plan)
    x: Move
    if m.kind == A_CHOOSE:
        r: cython.int = choice_reason(vv, m)
        if r == _OK:
            for x in plan:
                if x.kind == A_CHOOSE and x.target == m.target:
                    return W_PLANNED
        if r == _OK and choice_cost(vv, m) > b.money + 1e-9:
            r = W_NO_BUDGET
        return r
    return check_move(vv, m, [x for x in plan if x.kind != A_CHOOSE], b)


@cython.ccall
def first_refusal(vv: VendorView, plan: list) -> tuple | None:
    """(index, reason) of the first move of a whole plan that may not be made, or None.

    Event answers are paid first (they resolve before the week's actions), so their cost
    comes off the budget the other actions are checked against."""
    b: Budget = Budget()
    i: cython.int
    for i in range(4):
        b.left[i] = vv.me.time[i]
    b.money = vv.me.budget
    answered = set()
    k: cython.Py_ssize_t
    m: Move
    r: cython.int
    cost: cython.double
    for k in range(len(plan)):
        m = plan[k]
        if m.kind != A_CHOOSE:
            continue
        r = choice_reason(vv, m)
        cost = choice_cost(vv, m) if r == _OK else 0.0
        if r == _OK and m.target in answered:
            r = W_PLANNED
        if r == _OK and cost > b.money + 1e-9:
            r = W_NO_BUDGET
        if r != _OK:
            return (k, r)
        answered.add(m.target)
        b.money -= cost
    accepted: list[Move] = []
    d: ActionDef
    for k in range(len(plan)):
        m = plan[k]
        if m.kind == A_CHOOSE:
            continue
        r = check_move(vv, m, accepted, b)
        if r != _OK:
            return (k, r)
        d = DEFS[m.kind]
        b.left[d.role_a] -= d.days
        if d.role_b >= 0:
            b.left[d.role_b] = b.left[d.role_b] - d.days
        b.money -= d.cost
        accepted.append(m)
    return None


def _by_stage_phase() -> list[list[tuple[ActionDef, ...]]]:
    """The kinds whose stage range and phases allow them, per stage and phase: worked out
    once from the catalogue, so the weekly listing skips most kinds without testing them."""
    return [[tuple(d for d in DEFS
                   if d.stage_lo <= stage <= d.stage_hi and (d.phase_mask >> phase) & 1)
             for phase in range(len(PHASES))] for stage in range(8)]


KINDS_BY_STAGE_PHASE = _by_stage_phase()
# Kinds whose vendor-level refusal needs more than stage, phase, facts and status.
VENDOR_SPECIAL = frozenset(
    d.kind for d in DEFS
    if d.special_id in (S_NEEDS_REFERENCES, S_COMPLAINT, S_NEGOTIATE, S_CONFIRM)
    or d.kind in (A_DEFEND_AWARD, A_COLLECT_PAYMENT)
)
# Targeted kinds whose refusal needs more than the contact range and trust floor.
PERSON_SPECIAL = frozenset(
    d.kind for d in DEFS
    if d.target and (d.senior_only or d.special_id in (
        S_COACH, S_REACH_OUT, S_SHAPE, S_INTEL, S_INTRODUCE, S_ASK_COACH, S_DISCREDIT))
)
assert VENDOR_SPECIAL == {d.kind for d in DEFS if d.vendor_special}
assert PERSON_SPECIAL == {d.kind for d in DEFS if d.person_special}
assert len(REACHES) <= 64 and len(DEFS) <= 64  # `legal_into` keeps them in 64-bit words


@cython.final
@cython.cclass
class Legal:
    """The options `groups` lists, as numbers: per listed kind (in catalogue order) its
    number, whether it takes a target, and the people it may target as bits of their
    indices (bit `i` for `vv.people[i]`). `legal_into` fills it; the AIs read it without
    building a list."""

    def __init__(self) -> None:
        self.n = 0
        if not cython.compiled:  # compiled, the C arrays start zeroed
            self.kind = [0] * 64
            self.targeted = [0] * 64
            self.mask = [0] * 64
            self.contact = [0] * 64
            self.trust = [0.0] * 64
            self.free_week = [0] * 64
            self.needs_intro = [0] * 64


@cython.cfunc
def _within(out: Legal, n: cython.int, d: ActionDef, week: cython.int) -> cython.ulonglong:
    """The people within this kind's contact range and trust floor, free this week and
    (unless the kind opens doors) not waiting for an introduction (read from the people's
    fields `legal_into` copied into `out`)."""
    m: cython.ulonglong = 0
    one: cython.ulonglong = 1
    i: cython.int
    for i in range(n):
        if d.min_contact <= out.contact[i] <= d.max_contact and out.trust[i] >= d.min_trust \
                and week >= out.free_week[i] and (d.opens_doors or not out.needs_intro[i]):
            m |= one << i
    return m


@cython.ccall
def legal_into(vv: VendorView, plan: list, out: Legal) -> cython.void:
    """Every kind that may be added to `plan` now, with the people it may target, into
    `out` (see `groups`)."""
    out.n = 0
    me: MeView = vv.me
    if vv.over or not me.active:
        return
    b: Budget
    actions: list
    left: cython.int[4]  # days per role
    if not cython.compiled:
        left = [0, 0, 0, 0]
    i: cython.int
    cost_left: cython.double
    if plan:
        b = usage(vv, plan)
        actions = [x for x in plan if cython.cast(Move, x).kind != A_CHOOSE]
        for i in range(4):
            left[i] = b.left[i]
        cost_left = b.money + 1e-9
    else:
        for i in range(4):
            left[i] = me.time[i]
        cost_left = me.budget + 1e-9
        actions = []
    one: cython.ulonglong = 1
    planned_kinds: cython.ulonglong = 0
    planned_pairs: cython.ulonglong[64]  # per kind, the targets planned
    within: cython.ulonglong[64]  # per reach, once worked out
    if not cython.compiled:
        planned_pairs, within = [0] * 64, [0] * 64
    seen_seniors: cython.ulonglong = 0  # people who see us once a week at most, planned
    negotiating: cython.bint = False
    x: Move
    k: cython.int
    if actions:
        for k in range(64):
            planned_pairs[k] = 0
    for x in actions:
        if 0 <= x.kind < 64:
            planned_kinds |= one << x.kind
            if 0 <= x.target < 64:
                planned_pairs[x.kind] |= one << x.target
        if x.target >= 0 and cython.cast(ActionDef, DEFS[x.kind]).target and \
                cython.cast(PersonView, vv.people[x.target]).gap > 1:
            seen_seniors |= one << x.target
        if cython.cast(ActionDef, DEFS[x.kind]).special_id == S_NEGOTIATE:
            negotiating = True
    week: cython.int = vv.week
    npeople: cython.int = len(vv.people)
    pv: PersonView
    for pv in vv.people:  # what `_within` reads, by index
        out.contact[pv.index] = pv.contact
        out.trust[pv.index] = pv.trust
        out.free_week[pv.index] = pv.free_week
        out.needs_intro[pv.index] = pv.needs_intro
    reached: cython.ulonglong = 0
    lost: cython.bint = same(me.status, "lost")
    d: ActionDef
    f: cython.int
    n: cython.int
    t: cython.int
    ok: cython.bint
    m: cython.ulonglong
    for d in KINDS_BY_STAGE_PHASE[me.stage][vv.phase]:
        if d.cost > cost_left or (lost and d.special_id != S_COMPLAINT):
            continue
        if d.once and me.flags[F_DONE + d.kind]:
            continue
        ok = True
        for f in d.requires_ids:
            if not me.flags[f]:
                ok = False
                break
        if not ok:
            continue
        if d.vendor_special and vendor_reason(vv, d) != _OK:
            continue
        n = d.days
        if left[d.role_a] < n or (d.role_b >= 0 and left[d.role_b] < n):
            continue
        if actions and (((planned_kinds >> d.kind) & 1 and (d.once or not d.target)) or (
                negotiating and d.special_id == S_NEGOTIATE)):
            continue
        if not d.target:
            out.kind[out.n] = d.kind
            out.targeted[out.n] = 0
            out.mask[out.n] = 0
            out.n += 1
            continue
        if d.opens_doors:  # the one kind that may meet a KDM nobody introduced us to
            m = _within(out, npeople, d, week)
        else:  # kinds share a few contact ranges and trust floors
            if not (reached >> d.reach) & 1:
                within[d.reach] = _within(out, npeople, d, week)
                reached |= one << d.reach
            m = within[d.reach]
        m &= ~seen_seniors
        if actions and (planned_kinds >> d.kind) & 1:
            m &= ~planned_pairs[d.kind]
        if m and d.person_special:
            for t in range(len(vv.people)):
                if (m >> t) & 1 and person_reason(vv, d, vv.people[t]) != _OK:
                    m &= ~(one << t)
        if m:
            out.kind[out.n] = d.kind
            out.targeted[out.n] = 1
            out.mask[out.n] = m
            out.n += 1


@cython.ccall
def groups(vv: VendorView, plan: list) -> list:
    """Every kind that may be added to `plan` now, with the people (indices) it may target
    (None for an action without a target), in catalogue order.

    The AIs ask this (as `legal_into`) for every vendor every week and need no refusal
    reasons, so it builds nothing for refused options and tests only the kinds the stage
    and phase allow; a test holds it to `legal_actions(..., include_disabled=False)` on
    many views and plans."""
    legal: Legal = Legal()
    legal_into(vv, plan, legal)
    out: list[tuple[ActionDef, list[int] | None]] = []
    j: cython.int
    t: cython.int
    for j in range(legal.n):
        if not legal.targeted[j]:
            out.append((DEFS[legal.kind[j]], None))
            continue
        targets = []
        for t in range(len(vv.people)):
            if (legal.mask[j] >> t) & 1:
                targets.append(t)
        out.append((DEFS[legal.kind[j]], targets))
    return out


# ---- the same checks by name, for the window, the tests and plans held as Actions -------


@dataclass(frozen=True, slots=True)
class Option:
    """A candidate action with its price and, when it cannot be planned, the reason."""

    action: Action
    roles: tuple[str, ...]
    days: int
    cost: float
    reason: str | None

    @property
    def enabled(self) -> bool:
        return self.reason is None


def as_view(view: VendorView | dict[str, Any]) -> VendorView:
    """The typed view, whichever form the caller holds."""
    return view if isinstance(view, VendorView) else VendorView.from_dict(view)


def _moves(vv: VendorView, plan: Sequence[Action]) -> list[Move]:
    return [to_move(vv, a) for a in plan]


def plan_usage(plan: Sequence[Action], view: VendorView | dict[str, Any] | None = None
               ) -> tuple[dict[str, int], float]:
    """Days per role and money a plan takes; an event choice is priced from the view."""
    days: dict[str, int] = {}
    cost = 0.0
    vv = as_view(view) if view is not None else None
    for a in plan:
        if a.kind == "choose":
            if vv is not None:
                cost += choice_cost(vv, to_move(vv, a))
            continue
        d = CATALOG[a.kind]
        for r in d.roles:
            days[r] = days.get(r, 0) + d.days
        cost += d.cost
    return days, cost


def time_left(view: VendorView | dict[str, Any], plan: Sequence[Action]) -> dict[str, int]:
    vv = as_view(view)
    used, _ = plan_usage(plan, vv)
    return {r: vv.me.time[i] - used.get(r, 0) for i, r in enumerate(ROLES)}


def check(view: VendorView | dict[str, Any], action: Action, plan: Sequence[Action] = ()
          ) -> str | None:
    """None if `action` may be added to `plan` this week, else the reason key."""
    vv = as_view(view)
    return reason_key(check_one(vv, to_move(vv, action), _moves(vv, plan)))


def check_plan(view: VendorView | dict[str, Any], plan: Sequence[Action]
               ) -> tuple[int, str] | None:
    """The first action of a whole plan that may not be made, with its reason, or None."""
    vv = as_view(view)
    bad = first_refusal(vv, _moves(vv, plan))
    if bad is None:
        return None
    key = reason_key(bad[1])
    assert key is not None  # a refusal is never OK
    return bad[0], key


Move_ = tuple[ActionDef, str | None]


def enabled_groups(view: VendorView | dict[str, Any], plan: Sequence[Action] = ()
                   ) -> list[tuple[ActionDef, list[str] | None]]:
    """`groups` by name: every kind that may be added to `plan` now with the ids of the
    people it may target (None for an action without a target)."""
    vv = as_view(view)
    return [(d, None if t is None else [vv.people[i].id for i in t])
            for d, t in groups(vv, _moves(vv, plan))]


def enabled_moves(view: VendorView | dict[str, Any], plan: Sequence[Action] = ()
                  ) -> list[Move_]:
    """(definition, target id) of every action that may be added to `plan` now, in the
    order `legal_actions` lists them."""
    out: list[Move_] = []
    for d, targets in enabled_groups(view, plan):
        if targets is None:
            out.append((d, None))
        else:
            out.extend((d, pid) for pid in targets)
    return out


def legal_actions(
    view: VendorView | dict[str, Any], plan: Sequence[Action] = (), role: str | None = None,
    include_disabled: bool = True,
) -> list[Option]:
    """Every action for `role` (or all roles) with its reason when it cannot be planned.

    Options with a choice (bid price, negotiation terms) are listed once with the first
    option filled in; the caller picks another option from `CATALOG[kind].options`.
    The reasons are exactly those `check` gives; this is the same test, hoisted out of the
    per-person loop. Without the refused options it is `enabled_moves` as Options.
    """
    vv = as_view(view)
    if not include_disabled and role is None:
        return [
            Option(Action(d.id, target, d.options[0] if d.options else None), d.roles, d.days,
                   d.cost, None)
            for d, target in enabled_moves(vv, plan)
        ]
    moves = _moves(vv, plan)
    b = usage(vv, moves)
    actions = [m for m in moves if m.kind != A_CHOOSE]
    planned_kinds = {m.kind for m in actions}
    negotiating = any(DEFS[m.kind].special_id == S_NEGOTIATE for m in actions)
    out: list[Option] = []
    for d in DEFS:
        if role is not None and role not in d.roles:
            continue
        base = reason_key(vendor_reason(vv, d))
        if base is not None and not include_disabled:
            continue
        afford: str | None = None
        for who in (d.role_a, d.role_b):
            if who >= 0 and b.left[who] < d.days:
                afford = f"why.no_time.{ROLES[who]}"
                break
        if afford is None and d.cost > b.money + 1e-9:
            afford = "why.no_budget"
        whole_kind = d.kind in planned_kinds and (d.once or not d.target) or (
            d.special_id == S_NEGOTIATE and negotiating)
        if not include_disabled and (afford is not None or whole_kind):
            continue
        opt = d.options[0] if d.options else None
        if not d.target:
            r = base or afford or ("why.planned" if whole_kind else None)
            if r is None or include_disabled:
                out.append(Option(Action(d.id, None, opt), d.roles, d.days, d.cost, r))
            continue
        for pv in vv.people:
            if not include_disabled and not (d.min_contact <= pv.contact <= d.max_contact
                                             and pv.trust >= d.min_trust):
                continue  # refused by the first checks of person_reason
            r = base or reason_key(person_reason(vv, d, pv)) or afford
            if r is None and actions:  # the week's own limits, as `check` has them
                r = reason_key(_plan_reason(d, Move(d.kind, pv.index), actions, b, pv.gap))
            if r is None or include_disabled:
                out.append(Option(Action(d.id, pv.id, opt), d.roles, d.days, d.cost, r))
    return out


def is_choose(kind: int) -> bool:
    return kind == A_CHOOSE
