"""The built-in AI: a greedy planner that works the current stage's exit criteria.

It sees only its vendor's view and fills each role's week with the actions that best move an
unmet criterion or win support from the people who matter now. It is the baseline every
playbook builds on, and the opponent of `simulate` and the engine benchmark.
"""

from __future__ import annotations

import cython

from game.ai.policy import Plan
from game.ai.queue import Marks, Queue
from game.core.actions import CATALOG, DEFS, TERMS, ActionDef
from game.core.checks import Legal, Move
from game.core.ids import CRITERION_ID, KIND_ID
from game.core.views import MeView, PersonView, VendorView

if not cython.compiled:
    from game.core.checks import legal_into, new_move
    from game.core.ids import (
        A_BID_DEFENSE,
        A_BID_DELIVERY,
        A_CHOOSE,
        A_DEFEND_AWARD,
        A_DEVELOP_INSIDER,
        A_FILE_COMPLAINT,
        A_SUBMIT_BID,
        A_WRITE_BID,
        F_DONE,
        K_KDM,
        K_KI,
        K_KU,
        N_CRITERIA,
        PH_DECISION,
        PH_SOLUTION,
        PH_TENDER,
        S_COACH,
        S_NEGOTIATE,
    )

# Which unmet checklist item each action helps with (targeted ones also need the right person).
HELPS: dict[str, tuple[str, ...]] = {
    "profiled": ("research_account",),
    "pursue": ("decide_pursue",),
    "lead_contact": ("call", "visit", "joint_visit"),
    "first_visit": ("visit", "joint_visit"),
    "need_heard": ("needs_research", "joint_visit", "site_survey", "visit"),
    "willing": ("visit", "joint_visit", "entertain"),
    "el_lead": ("qualify",), "el_need": ("qualify", "needs_research"), "el_fit": ("qualify",),
    "el_budget": ("confirm_opportunity", "qualify"), "el_timeline": ("qualify",
                                                                      "confirm_opportunity"),
    "org_mapped": ("call", "gather_intel", "visit"),
    "insider_ki_ku": ("develop_insider", "entertain", "visit"),
    "product_presented": ("proposal", "demo", "solution_workshop"),
    "references_presented": ("implementation_reference", "delivery_plan", "reference_visit"),
    "demo_done": ("demo", "solution_workshop"),
    "insider_ki": ("develop_insider", "entertain", "tech_exchange"),
    "insider_ku": ("develop_insider", "entertain", "visit"),
    "coach": ("develop_coach", "entertain", "exec_visit", "sponsor_visit"),
    "kdm_met": ("sponsor_visit", "exec_visit"),
    "support_ku": ("demo", "solution_workshop", "visit", "implementation_reference"),
    "support_ki": ("tech_exchange", "demo", "reference_visit"),
    "support_kdm": ("sponsor_visit", "exec_visit", "hq_visit"),
    "criteria_shaped": ("shape_criteria",),
    "majority_evaluators": ("demo", "solution_workshop", "reference_visit", "entertain"),
    "bid_submitted": ("write_bid", "bid_delivery", "submit_bid"),
    "terms_agreed": ("negotiation_team", "negotiate", "approve_discount"),
    "contract_signed": ("sign_contract", "kickoff_plan"),
    "notice_survived": ("defend_award",),
    "paid": ("collect_payment", "kickoff_plan"),
}
KEY_FOR = {"insider_ki": "KI", "insider_ku": "KU", "support_ku": "KU", "support_ki": "KI",
           "support_kdm": "KDM", "kdm_met": "KDM", "insider_ki_ku": ("KI", "KU")}
_TAG_BIT = {"KU": K_KU, "KI": K_KI, "KDM": K_KDM}
# The same tables by number: per criterion the kinds it wants, and its key-tag bits.
HELPS_BY_ID: list = [tuple(KIND_ID[k] for k in HELPS.get(c, ())) for c in
                     sorted(CRITERION_ID, key=CRITERION_ID.__getitem__)]
KEY_BITS: list = [0] * N_CRITERIA
for _c, _t in KEY_FOR.items():
    for _tag in (_t if isinstance(_t, tuple) else (_t,)):
        KEY_BITS[CRITERION_ID[_c]] |= _TAG_BIT[_tag]

RESERVE = 12.0  # 万元 kept back for the bid and after
_RESERVE = cython.declare(cython.double, RESERVE)
BID_ACTIONS = ("write_bid", "bid_delivery", "submit_bid")
_BID_DEFS: list = [CATALOG[k] for k in BID_ACTIONS]
_IS_BID: list = [d.id in BID_ACTIONS for d in DEFS]
BID_WANT = 6.0  # above any other move: the bid comes first
_BID_WANT = cython.declare(cython.double, BID_WANT)
MIN_SCORE = 0.15  # options worth no more are never planned
_MIN_SCORE = cython.declare(cython.double, MIN_SCORE)


@cython.cfunc
def _person_value(p: PersonView) -> cython.double:
    influence: cython.double = p.influence if p.roles_known else 0.5
    part: cython.double = p.part_now if p.roles_known else 0.5
    return influence * (0.3 + part) * (1.1 - max(p.support, 0.0))


@cython.final
@cython.cclass
class Wants:
    """Per kind, how urgently it serves an unmet criterion (0 when it does not)."""

    def __init__(self) -> None:
        if not cython.compiled:  # compiled, the C array starts zeroed
            self.w = [0.0] * 64


# One of each of the planner's working records, cleared for each plan.
_QUEUE = cython.declare(Queue, Queue(64))
_LEGAL = cython.declare(Legal, Legal())
_MARKS = cython.declare(Marks, Marks())
_WANTS = cython.declare(Wants, Wants())


@cython.cfunc
def _wants(vv: VendorView) -> Wants:
    wants: Wants = _WANTS  # one record, cleared for each plan
    k: cython.Py_ssize_t
    for k in range(64):
        wants.w[k] = 0.0
    kind: cython.int
    for k in range(len(vv.check_ids)):
        if not vv.check_done[k]:
            for kind in HELPS_BY_ID[vv.check_ids[k]]:
                if wants.w[kind] < 1.0:
                    wants.w[kind] = 1.0
    me: MeView = vv.me
    if vv.phase == PH_TENDER and me.stage >= 3:
        # Nothing else this week is worth missing the tender for: the bid comes first.
        wants.w[A_WRITE_BID] = _BID_WANT
        wants.w[A_BID_DELIVERY] = _BID_WANT
        wants.w[A_SUBMIT_BID] = _BID_WANT
    if vv.phase == PH_DECISION:
        wants.w[A_BID_DEFENSE] = 1.5
        wants.w[A_FILE_COMPLAINT] = 1.0 if me.status == "lost" else 0.0
        wants.w[A_DEFEND_AWARD] = 1.5
    return wants


@cython.cfunc
def _ranked(vv: VendorView, wants: Wants) -> Queue:
    """Every option worth planning (score over `_MIN_SCORE`): the built-in AI's hot path."""
    me: MeView = vv.me
    # Per person (by index), what the loop below reads: C arrays compiled, lists uncompiled.
    values: cython.double[64]
    contact: cython.int[64]
    key_mask: cython.int[64]
    pos_bit: cython.int[64]  # the known motives' kinds, as bits
    pers_bit: cython.int[64]
    keyed: cython.int[64]  # per kind, the key-tag bits of the open criteria it helps
    if not cython.compiled:
        values = [0.0] * 64
        contact, key_mask, pos_bit, pers_bit, keyed = ([0] * 64 for _ in range(5))
    pv: PersonView
    for pv in vv.people:
        values[pv.index] = _person_value(pv)
        contact[pv.index] = pv.contact
        key_mask[pv.index] = pv.key_mask
        pos_bit[pv.index] = (1 << pv.pos_kind) if pv.pos_known else 0
        pers_bit[pv.index] = (1 << pv.pers_kind) if pv.pers_known else 0
    cost_scale: cython.double = 6.0 / max(me.budget + me.spent, 1.0)
    k: cython.Py_ssize_t
    cr: cython.int
    kind: cython.int
    for k in range(64):
        keyed[k] = 0
    for k in range(len(vv.check_ids)):
        cr = vv.check_ids[k]
        if not vv.check_done[k] and KEY_BITS[cr]:
            for kind in HELPS_BY_ID[cr]:
                keyed[kind] = keyed[kind] | cython.cast(cython.int, KEY_BITS[cr])
    out: Queue = _QUEUE  # one queue, started again each week
    out.reset(len(DEFS) * (len(vv.people) + 1))
    d: ActionDef
    want: cython.double
    cost: cython.double
    pull: cython.double
    s: cython.double
    tags: cython.int
    bonus: cython.bint
    t: cython.int
    j: cython.int
    mask: cython.ulonglong
    n: cython.int = len(vv.people)
    legal: Legal = _LEGAL
    legal_into(vv, [], legal)
    for j in range(legal.n):
        d = DEFS[legal.kind[j]]
        want = wants.w[d.kind]
        cost = cost_scale * d.cost
        if not legal.targeted[j]:
            if want - cost > _MIN_SCORE:
                out.add(-(want - cost), d.kind, -1)
            continue
        pull = d.support * 6 + d.trust * 3
        tags = keyed[d.kind]
        bonus = d.special_id == S_COACH or d.kind == A_DEVELOP_INSIDER
        mask = legal.mask[j]
        for t in range(n):
            if not (mask >> t) & 1:
                continue
            s = want + values[t] * (
                pull + (0.2 if d.contact_to > contact[t] else 0.0))
            if s > 0 and tags and tags & key_mask[t]:
                s += 0.8
            if d.addr_mask & pos_bit[t]:
                s += 0.4
            if d.addr_mask & pers_bit[t]:
                s += 0.4
            if bonus:
                s += 0.3
            if s - cost > _MIN_SCORE:
                out.add(-(s - cost), d.kind, t)
    out.start()
    return out


def _option(vv: VendorView, d: ActionDef) -> int:
    """The option index for a bid or an offer (-1 when the kind has none to choose)."""
    me = vv.me
    if d.id == "submit_bid":
        for opt in ("m5", "m10", "m15", "m20"):
            if not vv.budget_known or me.list_price * (1 - int(opt[1:]) / 100) \
                    <= vv.cust_budget:
                return d.options.index(opt)
        return d.options.index("floor")
    if d.special_id == S_NEGOTIATE:
        counter = (me.bid or {}).get("counter")
        maxd = me.max_discount
        choices = sorted(range(len(d.options)), key=lambda o: (TERMS[o][0], -TERMS[o][1]))
        if counter is None:
            return d.options.index("d5_p30")
        for o in choices:
            disc, pay = TERMS[o]
            if disc <= maxd + 1e-9 and disc >= counter["discount"] - 1e-9 and \
                    pay <= counter["first_payment"] + 1e-9:
                return o
        return d.options.index("d10_p20" if maxd >= 0.1 else "d5_p20")
    return -1


@cython.ccall
def plan_moves(vv: VendorView, limit: cython.int = 12, explain: cython.bint = True) -> Plan:
    """Choose this week's moves (and, with `explain`, a one-line reason for each).

    Options are scored once against the start-of-week view, then taken best first while
    each role has days left; a reserve of the sales budget is kept for the tender and after.
    """
    out: Plan = Plan.__new__(Plan)  # what Plan() makes, without the call through Python
    out.moves = []
    out.reasons = []
    out.checked = False
    me: MeView = vv.me
    money: cython.double = me.budget
    k: cython.Py_ssize_t
    for k in range(len(vv.pending)):
        pend = vv.pending[k]
        cheap = [c for c in pend["choices"] if c["cost"] <= 0.3 * money]
        pick = cheap[0] if cheap else min(pend["choices"], key=_cost)
        if pick["cost"] > money:
            continue  # nothing affordable: the engine applies its default
        money -= pick["cost"]
        out.moves.append(Move(A_CHOOSE, k, pend["choices"].index(pick)))
        out.reasons.append("ai.reason.choice")
    if not me.active or vv.over:
        return out
    wants: Wants = _wants(vv)
    # Keep money back for the bid until the tender, and in the tender for the bid's own steps
    # not yet taken; after the bid everything may be spent.
    reserve: cython.double = _RESERVE if me.stage < 5 and vv.phase <= PH_SOLUTION else 0.0
    steps: cython.double
    d: ActionDef
    if vv.phase <= PH_TENDER:
        steps = 0.0
        for d in _BID_DEFS:
            if not me.flags[F_DONE + d.kind]:
                steps += d.cost
        reserve = max(reserve, steps)
    spendable: cython.double = money - reserve
    spent: cython.double = 0.0
    marks: Marks = _MARKS  # the days left, the pairs taken, the people seen less than weekly
    marks.clear()
    for k in range(4):
        marks.days[k] = me.time[k]
    negotiating: cython.bint = False
    once_taken: cython.ulonglong = 0  # the kinds in the plan
    one: cython.ulonglong = 1
    days_left: cython.int = me.time[0] + me.time[1] + me.time[2] + me.time[3]
    queue: Queue = _ranked(vv, wants)
    n: cython.int
    i: cython.int
    target: cython.int
    while True:
        i = queue.pop()
        if i < 0:
            break
        d = DEFS[queue.kinds[i]]
        target = queue.targets[i]
        if len(out.moves) >= limit or days_left <= 0:
            break  # every action takes at least one day
        n = d.days
        if marks.days[d.role_a] < n or (d.role_b >= 0 and marks.days[d.role_b] < n) \
                or spent + d.cost > (money if _IS_BID[d.kind] else spendable):
            continue  # the bid's steps may spend what is kept back for them
        if (marks.taken[target + 1] >> d.kind) & 1:
            continue
        if target >= 0 and marks.once[target]:
            continue  # someone seen less than weekly is met once in a week's plan
        if d.special_id == S_NEGOTIATE and negotiating:
            continue
        if d.once and (once_taken >> d.kind) & 1:
            continue  # a kind done once a deal is planned once (on one person)
        marks.days[d.role_a] -= n
        if d.role_b >= 0:
            marks.days[d.role_b] -= n
        days_left -= n * (2 if d.role_b >= 0 else 1)
        spent += d.cost
        marks.taken[target + 1] |= one << d.kind
        if target >= 0 and cython.cast(PersonView, vv.people[target]).gap > 1:
            marks.once[target] = 1
        negotiating = negotiating or d.special_id == S_NEGOTIATE
        once_taken |= one << d.kind
        # The options of roles now out of days would all be refused: no need to see them.
        queue.retire(marks.days[0], marks.days[1], marks.days[2], marks.days[3])
        out.moves.append(new_move(d.kind, target, _option(vv, d) if d.options else -1))
        out.reasons.append("ai.reason.criterion" if wants.w[d.kind] else "ai.reason.support")
    # Every move is a legal option of the view (`legal_into`) and the week's own limits
    # (days, money, pairs, people seen once a week, one negotiation, a once-a-deal kind
    # once) are kept above: the plan passes `first_refusal` (a test holds it to that).
    out.checked = True
    return out


def _cost(c: dict) -> float:
    return c["cost"]


def plan_week(view: object, limit: int = 12) -> tuple[list, list[str]]:
    """`plan_moves` by name, for either form of view: (actions, reasons)."""
    from game.core.checks import as_view, to_action

    vv = as_view(view)  # type: ignore[arg-type]
    plan = plan_moves(vv, limit)
    return [to_action(vv, m) for m in plan.moves], list(plan.reasons)

