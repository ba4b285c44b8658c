"""The expert: compare candidate plans by playing them forward in sampled worlds.

Each decision draws a few determinisations from the view (`world.determinise`: hidden
motives, rivals' standing, prices and budgets sampled from priors, never read from the real
state), plays each candidate week through the real engine in every sample with the same
random numbers (so candidates differ only by what they do), lets the rivals move by a cheap
progress model, and scores the end of the week by our projected standing in the tender.
Candidates come from the playbook's own planner under different emphases, so whatever the
search picks is still recognisably the playbook (and carries the planner's reasons).

The work per decision is fixed (samples x candidates), not timed, so a decision depends only
on the view and the seed.
"""

from __future__ import annotations

import math
from typing import Any

import cython

from game.ai.playbooks import Style
from game.ai.policy import NORMAL, Plan, Skill, plan_week
from game.ai.tactics import BID_STEPS, bid_price, fits_budget
from game.ai.world import clone, determinise
from game.core.checks import Move
from game.core.engine import resolve_week
from game.core.errors import IllegalAction
from game.core.resolve import OVERRIDE_GAP, judge, kdm_choice
from game.core.rng import Rng, seed_state
from game.core.state import GameState, Person, Relation, Vendor
from game.core.views import VendorView

if not cython.compiled:
    from game.core.ids import (
        A_CHOOSE,
        A_SUBMIT_BID,
    )

SAMPLES = 4
BID_SAMPLES = 12
# A leader keeps to its playbook: when the playbook's own week, played forward, leaves our
# chance of winning the tender at LEAD_OUTLOOK or more in the sampled worlds, the expert rival
# takes it without trying the other emphases. The look-ahead is for contested weeks; an
# incumbent already ahead gained much of its measured edge from searching weeks it was winning
# anyway (and those rollouts were most of its run time).
LEAD_OUTLOOK = 0.6
# The bid maximises expected margin: the chance of winning times (WIN_WORTH + the margin the
# price keeps). The earlier weighting (0.9 + 0.2 x margin, WIN_WORTH 4.5 in these terms) made an
# expert rival bid its floor in every game an incumbent played, and that alone lifted an
# expert incumbent from about 20% to about 50% of the deals against the coach-following team.
WIN_WORTH = 0.0
# The coach is the same search at full strength: it advises the player on every week (no
# satisficing) and prices a bid to win (the earlier weighting), so the coach-following
# player the scenarios are tuned against is unchanged by the rivals' calibration.
COACH_LEAD = 2.0
COACH_WIN_WORTH = 4.5
# Those limits (keep to the playbook when leading, bid for margin, shape the criteria at most
# half again as hard as the playbook) are what keep an expert *rival* a fair opponent in a
# scenario's line-up (issue 15's ceiling: at most 55% against the coach-following team). An
# expert on the team's side (an AI team in a workshop, `bench ai`'s team seat) is in nobody's
# line-up: it plays the coach's full strength, as a player who follows the coach does.
# `bench ai` expert_vs_normal 0.627 -> 0.657 (team seat 0.471 -> 0.531), rival seats unchanged.


def variants(style: Style, full: bool = False) -> list[tuple[Style, dict[str, float]]]:
    """The candidate emphases: the playbook itself, then nudges a strong player would try:
    write our strengths into the criteria, court the KDM or the evaluators, or spend more
    now. (A thriftier variant was tried and almost never won the comparison.)

    An expert rival shapes the criteria at most one and a half times again as hard as its
    playbook does, so an incumbent that seldom rewrites the tender does not turn into a
    solution seller when it searches: with a fixed push (`full`, the coach's) an expert
    incumbent shaped twice as much as at normal and won 70% of a strict public tender against
    the coach-following team, past the 55% a fair opponent should stay under. The coach
    advises whatever wins, so it tries the full push."""
    strong = 2.0 if full else min(2.0, 1.5 * style.shape)
    light = 1.0 if full else min(1.0, 0.75 * style.shape)
    return [
        (style, {}),
        (style.replace(shape=style.shape + strong), {}),
        (style, {"kdm": 0.8}),
        (style.replace(shape=style.shape + light), {"ki": 0.5}),
        (style.replace(frugality=style.frugality * 0.6, pace=style.pace * 1.5), {"ku": 0.4}),
    ]


def candidates(vv: VendorView, style: Style, explain: bool = True, skill: Skill = NORMAL,
               full: bool = False) -> list[Plan]:
    seen: set[tuple[tuple[int, int, int], ...]] = set()
    out: list[Plan] = []
    for st, emphasis in variants(style, full):
        plan = plan_week(vv, st, skill, None, emphasis, explain=explain)
        key = tuple((m.kind, m.target, m.option) for m in plan.moves)
        if key not in seen:
            seen.add(key)
            out.append(plan)
    return out


def rivals_move(state: GameState, me: str, rng: Rng) -> None:
    """The cheap rollout policy for rivals: every active rival gains standing the way a
    busy vendor does, most with the people taking part in the current phase."""
    phase = state.phase_id()
    week = state.week
    v: Vendor
    p: Person
    r: Relation
    for v in state.vlist:
        if v.id == me or not v.active or v.status != "active":
            continue
        rels = state.rels[v.index]
        for p in state.plist:
            r = rels[p.index]
            push = 0.035 * (0.4 + 0.6 * p.part[phase]) * rng.uniform(0.0, 2.0)
            r.support = min(1.0, r.support + push * (1 - max(r.support, 0.0)))
            r.trust = min(1.0, r.trust + 0.02 * rng.random())
            r.last_touch = week
        if phase <= 1 and v.stage >= 3:
            v.spec_bias = min(1.0, v.spec_bias + 0.08 * rng.random())


def expected_bid(state: GameState, v: Vendor) -> float:
    """A bid already made, else a typical one that a careful vendor keeps within budget."""
    if v.bid is not None:
        return v.bid["price"]
    return max(v.floor_price, min(v.list_price * 0.9, state.budget * 0.98))


def tender_outlook(state: GameState, me: str, my_price: float | None = None) -> float:
    """Our chance of winning as the state stands: a softened tender ranking before the award,
    the award and what is left to close after it."""
    o = state.outcome
    if o is not None:
        return 1.0 if o["result"] == "won" and o["winner"] == me else 0.0
    mine: Vendor = state.vendors[me]
    if mine.status == "lost" or not mine.active:
        return 0.0
    if state.award is not None:
        if state.award.get("vendor") == me:
            return 0.75 + 0.1 * ("terms_agreed" in mine.facts) \
                + 0.1 * ("contract_signed" in mine.facts)
        return 0.02
    weeks = max(0, state.calendar["award"] - state.week)
    phase = state.phase()
    vendors: list[int] = []
    prices: list[float] = []
    technical: list[bool] = []
    service: list[bool] = []
    my_at = -1
    for v in state.vlist:
        if not v.active or v.status != "active":
            continue
        if v.stage < 3 and state.calendar["bid_deadline"] - state.week < 2:
            continue
        is_me = v.id == me
        price = my_price if (is_me and my_price is not None) else expected_bid(state, v)
        tech = "bid_technical" in v.facts or phase in ("early", "solution") or \
            (phase == "tender" and not is_me)
        if is_me and phase == "tender" and "bid_technical" not in v.facts:
            tech = "done:write_bid" in v.facts
        if price > state.budget + 1e-9:
            if is_me:
                return 0.0
            continue  # disqualified
        if is_me:
            my_at = len(vendors)
        vendors.append(v.index)
        prices.append(price)
        technical.append(tech or not is_me)
        service.append("bid_service" in v.facts or not is_me or phase in ("early", "solution"))
    if my_at < 0:
        return 0.0
    totals = judge(state, vendors, prices, technical, service, False).totals
    # The KDM settles a result closer than the mode's gap for the vendor they back (W).
    gap: float = OVERRIDE_GAP[state.procurement]
    if gap > 0.0:
        backed = kdm_choice(state, vendors)
        if backed >= 0:
            totals = list(totals)
            totals[vendors.index(backed)] += gap
    tau = 0.025 + 0.004 * weeks
    top = max(totals)
    z = [math.exp((t - top) / tau) for t in totals]
    return z[my_at] / sum(z)


def potential(state: GameState, me: str) -> float:
    """What the week leaves us to work with later: money, trust and insight with the people
    who decide, and the stage reached (worth a little against the tender ranking)."""
    v: Vendor = state.vendors[me]
    rels = state.rels[v.index]
    lever = 0.0
    for p in state.plist:
        r = rels[p.index]
        w = p.influence * p.part[3]
        lever += w * (0.5 * r.trust + 0.15 * r.known_position + 0.15 * r.known_personal
                      + 0.05 * min(r.contact, 3))
    weeks = max(1, state.calendar["bid_deadline"] - state.week)
    money = min(v.budget, 30.0) / (30.0 + 10 * weeks)
    # People who tell us things and open doors: two insiders, a coach, the way to the KDM.
    insiders = 0
    coach = 0
    door = 0
    for p in state.plist:
        r = rels[p.index]
        if r.contact >= 4:
            coach = 1
        elif r.contact == 3:
            insiders += 1
        if p.key_mask & 4 and r.introduced:
            door = 1
    access = 0.02 * min(insiders, 2) + 0.04 * coach + 0.02 * door
    return 0.02 * lever + 0.04 * (v.stage - 1) + 0.05 * money + access


class ExpertAgent:
    """Plays its playbook, choosing each week's plan and its bid by look-ahead: within a
    fair rival's limits on a rival's side, at the coach's full strength on the team's side
    (see COACH_LEAD)."""

    def __init__(self, playbook: str, difficulty: str = "expert", seed: int = 0,
                 samples: int = SAMPLES, skill: Skill = NORMAL, lead: float = LEAD_OUTLOOK,
                 win_worth: float = WIN_WORTH, full: bool = False) -> None:
        from game.ai.playbooks import style_for

        self.playbook = playbook
        self.difficulty = difficulty
        self.seed = seed
        self.samples = samples
        self.style = style_for(playbook)
        self.skill = skill
        self.lead = lead
        self.win_worth = win_worth
        self.full = full

    def __call__(self, view: Any) -> tuple[list, list[str]]:
        return self.decide(view)

    def decide(self, view: Any) -> tuple[list, list[str]]:
        """The week's plan by name, for either form of view."""
        from game.core.checks import as_view, to_action

        vv = as_view(view)
        plan = self.plan(vv, True)
        return [to_action(vv, m) for m in plan.moves], list(plan.reasons)

    def plan(self, vv: VendorView, explain: bool = False) -> Plan:
        from game.ai.agents import view_seed

        rng = Rng(view_seed(self.seed, vv, "expert"))
        me = vv.me
        if not me.active or vv.over or me.status != "active" or me.stage >= 6 \
                or vv.award is not None:
            return plan_week(vv, self.style, self.skill, explain=explain)
        full, lead, win_worth = self.full, self.lead, self.win_worth
        if me.side == "team" and not full:
            full, lead, win_worth = True, COACH_LEAD, COACH_WIN_WORTH
        cands = candidates(vv, self.style, explain, self.skill, full)
        worlds = [determinise(vv, rng) for _ in range(self.samples)]
        plan = cands[0]
        if len(cands) > 1:
            own, outlook = self._value(vv, worlds, cands[0], rng)
            if outlook < lead:
                scores = [(own, 0)] + [(self._value(vv, worlds, cands[i], rng)[0], -i)
                                       for i in range(1, len(cands))]
                plan = cands[max(range(len(cands)), key=lambda i: scores[i])]
        out = Plan()
        out.moves = list(plan.moves)
        out.reasons = list(plan.reasons)
        for i, m in enumerate(out.moves):
            if m.kind == A_SUBMIT_BID:
                opt = best_bid(vv, worlds, rng, win_worth)
                out.moves[i] = Move(A_SUBMIT_BID, -1, _BID_OPTIONS.index(opt))
                if explain:
                    out.reasons[i] = "ai.reason.bid.lookahead"
        return out

    def _value(self, vv: VendorView, worlds: list[GameState], plan: Plan, rng: Rng
               ) -> tuple[float, float]:
        """The plan's worth over the sampled worlds (outlook plus potential) and, of that,
        our mean chance of winning the tender; (-1, 0) for a plan some world refuses."""
        me = vv.vendor
        acts = [m for m in plan.moves if m.kind != A_CHOOSE]
        total = 0.0
        chance = 0.0
        for w in worlds:
            seed = rng.next64()
            s = clone(w)
            s.dice.s = seed
            rivals_move(s, me, Rng(seed_state(seed)))
            try:
                resolve_week(s, {me: acts})
            except IllegalAction:
                return -1.0, 0.0
            outlook = tender_outlook(s, me)
            chance += outlook
            total += outlook + potential(s, me)
        return total / len(worlds), chance / len(worlds)


def bid_value(chance: float, price: float, cost: float, win_worth: float = WIN_WORTH
              ) -> float:
    """What a bid is worth to the expert: its chance of winning times `win_worth` plus the
    margin the price keeps (never less than nothing)."""
    return chance * (win_worth + max(0.0, (price - cost) / max(price, 1e-6)))


def best_bid(vv: VendorView, worlds: list[GameState], rng: Rng,
             win_worth: float = WIN_WORTH) -> str:
    """The bid option with the best expected margin: the chance of winning the tender over
    sampled rivals' prices and standings, times `win_worth` plus the margin it keeps."""
    me = vv.me
    options = [o for o in (*BID_STEPS, "floor") if fits_budget(vv, o)] or ["floor"]
    cost = me.delivery_cost
    best, best_v = options[-1], -1.0
    draws = max(1, BID_SAMPLES // max(len(worlds), 1))
    for opt in options:
        price = bid_price(vv, opt)
        p = 0.0
        for w in worlds:
            for _ in range(draws):
                s = clone(w)
                rivals_move(s, vv.vendor, Rng(rng.next64()))
                p += tender_outlook(s, vv.vendor, price)
        p /= len(worlds) * draws
        value = bid_value(p, price, cost, win_worth)
        if value > best_v + 1e-9:
            best, best_v = opt, value
    return best


_BID_OPTIONS = ("list", "m5", "m10", "m15", "m20", "floor")
