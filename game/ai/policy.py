"""The shared weekly planner every playbook and difficulty runs on: score each legal option
from the view, then fill each role's days best first within a paced budget.

Scores are re-estimated lazily when an earlier pick already worked on the same person this
week (support has diminishing returns), and options are read from the legal listing, so
the planner can only ever propose what the rules allow from the vendor's own view.
Plans are typed moves (`checks.Move`); reasons are named only when asked for (`explain`),
which batch games never do.
"""

from __future__ import annotations

from dataclasses import dataclass

import cython

from game.ai import value as V
from game.ai.context import Context, Info, fill_context
from game.ai.playbooks import Style
from game.ai.queue import Marks, Queue
from game.ai.tactics import choose_bid, choose_event, choose_terms
from game.ai.value import KindTerms, project
from game.core.actions import DEFS, ActionDef
from game.core.checks import Legal, Move, choice_cost, first_refusal
from game.core.ids import ROLES
from game.core.rng import Rng
from game.core.views import MeView, PersonView, VendorView

if not cython.compiled:
    from game.ai.value import terms_of, value_at
    from game.core.checks import legal_into, new_move
    from game.core.ids import (
        A_CHOOSE,
        A_GATHER_INTEL,
        A_QUALIFY,
        A_SUBMIT_BID,
        S_NEGOTIATE,
    )

_MUST = cython.declare(cython.double, V.MUST)
# Actions that work best after the week's other moves (qualify reads the contacts just made).
LAST = frozenset((A_QUALIFY, A_SUBMIT_BID, A_GATHER_INTEL))


@dataclass(frozen=True, slots=True)
class Skill:
    """How well a vendor carries out its playbook: the difficulty knobs of the planner.

    The last three fields hold an experiment's handicap (the `fidelity` command's arms):
    kinds never planned, people (by index) never approached, and a planner that works the
    people only with moves meant for another stage."""

    noise: float = 0.0  # random error in judging options (easy)
    use_motives: bool = True  # reads and aims at discovered motives
    careful: bool = True  # prices bids and offers from what it knows
    day_use: float = 1.0  # share of each role's days it actually fills
    min_score: float = 0.12
    limit: int = 14
    banned: frozenset[int] = frozenset()
    shunned: frozenset[int] = frozenset()
    off_stage: bool = False

    @property
    def handicapped(self) -> bool:
        return bool(self.banned or self.shunned or self.off_stage)

    def forbids(self, d: ActionDef, target: int, stage: int) -> bool:
        """Whether the handicap rules this option out."""
        if d.kind in self.banned or (target >= 0 and target in self.shunned):
            return True
        return False

    def stage_mult(self, d: ActionDef, stage: int) -> float:
        """The wrong-stage habit: a move meant for this stage looks a fifth as good as it is
        (the player still makes it when nothing else is left)."""
        if self.off_stage and d.target and d.best_lo <= stage <= d.best_hi:
            return 0.2
        return 1.0


NORMAL = Skill()
EASY = Skill(noise=0.45, use_motives=False, careful=False, day_use=0.7, min_score=0.3,
             limit=8)


@cython.final
@cython.cclass
class Plan:
    """A week's plan: the moves, and (when asked for) one reason key per move. `checked`:
    the planner made sure the rules allow the whole plan against the view it planned from,
    so the engine need not check it again (see `engine.resolve_week`'s `trusted`)."""

    def __init__(self) -> None:
        self.moves = []
        self.reasons = []
        self.checked = False


def _choice_move(vv: VendorView, k: int, choice_id: str) -> Move:
    pend = vv.pending[k]
    j = next(i for i, c in enumerate(pend["choices"]) if c["id"] == choice_id)
    return Move(A_CHOOSE, k, j)


def answer_events(vv: VendorView, style: Style, careful: bool = True,
                  skip: frozenset[int] | set[int] = frozenset()) -> Plan:
    """Answer every pending event (except those someone else already answered)."""
    out = Plan()
    for k, pend in enumerate(vv.pending):
        if k in skip:
            continue
        if careful:
            cid, reason = choose_event(vv, pend, style)
        else:
            cid, reason = pend["choices"][0]["id"], "ai.reason.event.first"
        out.moves.append(_choice_move(vv, k, cid))
        out.reasons.append(reason)
    return out


def option_for(vv: VendorView, d: ActionDef, style: Style, skill: Skill
               ) -> tuple[int, str | None]:
    """The option index to plan with (the bid price, the offer), and its own reason."""
    if d.kind == A_SUBMIT_BID:
        opt, why = choose_bid(vv, style, skill.careful)
        return d.options.index(opt), why
    if d.special_id == S_NEGOTIATE:
        opt, why = choose_terms(vv, d.joint, skill.careful)
        return d.options.index(opt), why
    return (0 if d.options else -1), None


# One of each of the planner's working records, cleared for each plan.
_QUEUE = cython.declare(Queue, Queue(64))
_LEGAL = cython.declare(Legal, Legal())
_MARKS = cython.declare(Marks, Marks())
_CTX = cython.declare(Context, Context())


@cython.cfunc
def _day_charge(d: ActionDef) -> cython.double:
    """The small charge for each extra role-day an option ties up."""
    return 0.15 * (d.days * (2 if d.role_b >= 0 else 1) - 1)


def plan_week(
    vv: VendorView, style: Style, skill: Skill = NORMAL, rng: Rng | None = None,
    emphasis: dict[str, float] | None = None, roles: tuple[str, ...] | None = None,
    fixed: list[Move] | tuple[Move, ...] = (), spend_cap: float | None = None,
    follow: dict[int, float] | None = None, explain: bool = True,
) -> Plan:
    """This week's moves and (with `explain`) one reason key per move.

    `roles` limits planning to some of the team's roles and `fixed` is what others already
    planned (a human teammate): their days and money are taken before we choose."""
    fixed = list(fixed)
    m: Move
    answered = {m.target for m in fixed if m.kind == A_CHOOSE}
    out: Plan = answer_events(vv, style, skill.careful, answered)
    me: MeView = vv.me
    if not me.active or vv.over:
        return out
    ctx: Context = _CTX  # the planner's one context, filled for this view
    fill_context(ctx, vv, style, skill.use_motives, emphasis, follow)
    fixed_acts = [m for m in fixed if m.kind != A_CHOOSE]
    used = [0, 0, 0, 0]
    spent_fixed: cython.double = 0.0
    d: ActionDef
    for m in fixed_acts:
        d = DEFS[m.kind]
        used[d.role_a] += d.days
        if d.role_b >= 0:
            used[d.role_b] += d.days
        spent_fixed += d.cost
    day_use: cython.double = skill.day_use
    days = []
    r: cython.int
    n: cython.int
    for r in range(4):
        n = int(me.time[r] * day_use + 0.5) if day_use < 1 else me.time[r]
        days.append(max(0, n - cython.cast(cython.int, used[r])))
    spent_choices: cython.double = 0.0
    k: cython.Py_ssize_t
    for k in range(len(vv.pending)):  # priced event by event, as the engine pays them
        for m in fixed + out.moves:
            if m.kind == A_CHOOSE and m.target == k:
                spent_choices += choice_cost(vv, m)
    budget: cython.double = me.budget - spent_fixed - spent_choices
    cap: cython.double = ctx.cap if spend_cap is None else spend_cap
    cap = min(cap, budget - ctx.reserve)
    chosen: list = _fill(vv, ctx, style, skill, rng, roles, fixed_acts, days, budget, cap,
                         explain)
    # The moves that read the week's other moves go last (a stable sort on `kind in LAST`).
    for last in range(2):
        for k in range(0, len(chosen), 2):
            m = chosen[k]
            if (m.kind == A_QUALIFY or m.kind == A_SUBMIT_BID or m.kind == A_GATHER_INTEL) \
                    == (last == 1):
                out.moves.append(m)
                out.reasons.append(chosen[k + 1])
    bad = first_refusal(vv, fixed + out.moves)
    while bad is not None:
        i = bad[0] - len(fixed)
        if i < 0:
            break
        del out.moves[i]
        del out.reasons[i]
        bad = first_refusal(vv, fixed + out.moves)
    out.checked = bad is None and not fixed
    return out


@cython.ccall
def _fill(vv: VendorView, ctx: Context, style: Style, skill: object, rng: object,
          roles: object, fixed_acts: list, days: list, budget: cython.double,
          cap: cython.double, explain: cython.bint) -> list:
    """Score every legal option, then take them best first while days and money last:
    [move, reason, move, reason, ...] in the order taken.

    Options are taken in order of value; one whose person an earlier pick has worked on is
    valued again when its turn comes (a lazily updated priority queue, kept as arrays)."""
    # An option's tag: the version of its person it was valued against.
    queue: Queue = _QUEUE  # one queue, started again each week
    queue.reset(len(DEFS) * (len(vv.people) + 1))
    noise: cython.double = skill.noise
    noisy: cython.bint = noise != 0.0 and rng is not None
    allowed: cython.int = 15
    if roles is not None:
        allowed = 0
        for r in roles:
            allowed |= 1 << ROLES.index(r)
    d: ActionDef
    terms: KindTerms
    extra: cython.double
    s: cython.double
    k: cython.Py_ssize_t
    target: cython.int
    handicapped: cython.bint = skill.handicapped
    j: cython.int
    mask: cython.ulonglong
    npeople: cython.int = len(vv.people)
    legal: Legal = _LEGAL
    legal_into(vv, fixed_acts, legal)
    stage: cython.int = ctx.stage
    for j in range(legal.n):
        d = DEFS[legal.kind[j]]
        if (1 << d.role_a) & ~allowed or (d.role_b >= 0 and (1 << d.role_b) & ~allowed):
            continue
        extra = _day_charge(d)
        terms = terms_of(ctx, d)
        off: cython.double = skill.stage_mult(d, stage) if handicapped else 1.0
        mask = legal.mask[j] if legal.targeted[j] else 1
        for k in range(npeople if legal.targeted[j] else 1):
            if not (mask >> k) & 1:
                continue
            target = k if legal.targeted[j] else -1
            if handicapped and skill.forbids(d, target, stage):
                continue
            s = value_at(ctx, d, terms, target)
            if s > 0:
                s *= off
            if noisy:
                s += cython.cast(Rng, rng).gauss(0.0, noise)
            queue.add(-(s - extra), d.kind, target)
    queue.start()
    if noisy:  # every valuation draws from the dice: only the plain walk keeps them in step
        return _take(vv, ctx, style, skill, rng, queue, fixed_acts, days, budget, cap,
                     explain, False)
    # The quick walk drops options that can no longer be taken without valuing them again;
    # in the rare week where that could change where the walk stops, it says so and the
    # plain walk runs from the same start.
    n: cython.Py_ssize_t = len(ctx.infos)
    support: cython.double[64]
    trust: cython.double[64]
    focus: cython.double[64]
    if not cython.compiled:
        support, trust, focus = [0.0] * 64, [0.0] * 64, [0.0] * 64
    i: Info
    for k in range(n):
        i = ctx.infos[k]
        support[k] = i.support
        trust[k] = i.trust
        focus[k] = i.focus
    days0 = list(days)
    queue.save()
    chosen = _take(vv, ctx, style, skill, rng, queue, fixed_acts, days, budget, cap, explain,
                   True)
    if chosen is not None:
        return chosen
    for k in range(n):
        i = ctx.infos[k]
        i.support = support[k]
        i.trust = trust[k]
        i.focus = focus[k]
    days[:] = days0
    queue.rewind()
    return _take(vv, ctx, style, skill, rng, queue, fixed_acts, days, budget, cap, explain,
                 False)


@cython.cfunc
def _take(vv: VendorView, ctx: Context, style: Style, skill: object, rng: object,
          queue: Queue, fixed_acts: list, days: list, budget: cython.double,
          cap: cython.double, explain: cython.bint, quick: cython.bint) -> list:
    """Take the listed options best first (the plain walk), valuing an option again when
    its person was worked on since it was valued.

    `quick` drops an option as soon as it can never be taken (its roles lack the days, the
    pair or its once-a-week person is already in the plan, a second negotiation) instead of
    valuing it again; the options of roles out of days are not even handed out (the queue
    retires their buckets). The plain walk values such an option again and drops it when
    its turn comes, or stops there if it is worth less than `min_score` by then. Options are
    ordered by value less the day charge (`_day_charge`, never negative) and the walk stops
    on value alone, so a dropped option can have stopped the plain walk only before an
    option whose key is under `min_score`. Such an option, met after a drop, ends the quick
    walk with None unless it is fresh and stops the walk itself; otherwise the two walks
    take the same options (they hand out the options still takeable in the same order and
    value them alike)."""
    noise: cython.double = skill.noise
    noisy: cython.bint = noise != 0.0 and rng is not None
    handicapped: cython.bint = skill.handicapped
    d: ActionDef
    s: cython.double
    target: cython.int
    marks: Marks = _MARKS  # the pairs taken, who was met, how often each was worked on
    marks.clear()
    negotiating: cython.bint = False
    m: Move
    for m in fixed_acts:
        if 0 <= m.kind < 64 and -1 <= m.target < 64:  # no option can repeat another move
            marks.taken[m.target + 1] |= cython.cast(cython.ulonglong, 1) << m.kind
        if cython.cast(ActionDef, DEFS[m.kind]).special_id == S_NEGOTIATE:
            negotiating = True
    spent: cython.double = 0.0
    chosen = []
    limit: cython.int = skill.limit
    min_score: cython.double = skill.min_score
    dropped: cython.bint = False
    i: cython.int
    n: cython.int
    day_a: cython.int
    day_b: cython.int
    while len(chosen) < 2 * limit:  # a move and its reason for each pick
        i = queue.pop()
        if i < 0:
            break
        d = DEFS[queue.kinds[i]]
        target = queue.targets[i]
        n = d.days
        day_a = days[d.role_a]
        day_b = days[d.role_b] if d.role_b >= 0 else n
        if quick and (
                day_a < n or day_b < n
                or (marks.taken[target + 1] >> d.kind) & 1
                or (target >= 0 and marks.once[target])
                or (d.special_id == S_NEGOTIATE and negotiating)):
            dropped = True
            continue
        if (dropped or (quick and queue.retired_before(i))) and -queue.keys[i] < min_score:
            # A dropped option could have stopped the plain walk before this one, unless
            # this one stops the walk itself (fresh and worth less than `min_score`).
            if (target >= 0 and marks.version[target] != queue.tags[i]) or \
                    -queue.keys[i] + _day_charge(d) >= min_score:
                return None
        if target >= 0 and marks.version[target] != queue.tags[i]:
            s = value_at(ctx, d, terms_of(ctx, d), target)
            if handicapped and s > 0:
                s *= skill.stage_mult(d, ctx.stage)
            if noisy:
                s += cython.cast(Rng, rng).gauss(0.0, noise * 0.5)
            queue.keys[i] = -(s - _day_charge(d))
            queue.tags[i] = marks.version[target]
            queue.push(i)
            continue
        s = -queue.keys[i] + _day_charge(d)
        if s < min_score:
            break
        if day_a < n or day_b < n:
            continue
        if (marks.taken[target + 1] >> d.kind) & 1:
            continue
        if target >= 0 and marks.once[target]:
            continue  # someone seen less than weekly is met once in a week's plan
        if d.special_id == S_NEGOTIATE and negotiating:
            continue
        if d.cost > 0 and (spent + d.cost > budget + 1e-9 or
                           (s < _MUST and spent + d.cost > cap + 1e-9)):
            continue
        days[d.role_a] = day_a - n
        if d.role_b >= 0:
            day_b = days[d.role_b]
            days[d.role_b] = day_b - n
        spent += d.cost
        marks.taken[target + 1] |= cython.cast(cython.ulonglong, 1) << d.kind
        if target >= 0 and d.target and \
                cython.cast(PersonView, vv.people[target]).gap > 1:
            marks.once[target] = 1
        negotiating = negotiating or d.special_id == S_NEGOTIATE
        reason = f"ai.reason.{V.score(ctx, d, target)[1]}" if explain else None
        opt = -1
        opt_reason = None
        if d.options:
            opt, opt_reason = option_for(vv, d, style, skill)
        chosen.append(new_move(d.kind, target if d.target else -1, opt))
        chosen.append(reason if opt_reason is None or not explain else opt_reason)
        if target >= 0:
            project(ctx, d, target)
            marks.version[target] += 1
        if quick:
            queue.retire(days[0], days[1], days[2], days[3])
    return chosen
