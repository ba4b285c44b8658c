"""The shared weekly planner every playbook and difficulty runs on: score each legal option
from the view, then fill each role's days best first within a paced budget.

Scores are re-estimated lazily when an earlier pick already worked on the same person this
week (support has diminishing returns), and options are read from `legal_actions`, so the
planner can only ever propose what the rules allow from the vendor's own view.
"""

from __future__ import annotations

import heapq
import random
from dataclasses import dataclass
from typing import Any

from game.ai import value as V
from game.ai.playbooks import Style
from game.ai.tactics import choose_bid, choose_event, choose_terms
from game.core.actions import CATALOG, Action, ActionDef
from game.core.checks import check_plan, enabled_groups, plan_usage

# Actions that work best after the week's other moves (qualify reads the contacts just made).
LAST = ("qualify", "submit_bid", "gather_intel")


@dataclass(frozen=True, slots=True)
class Skill:
    """How well a vendor carries out its playbook: the difficulty knobs of the planner."""

    noise: float = 0.0  # random error in judging options (easy)
    use_motives: bool = True  # reads and aims at discovered motives
    careful: bool = True  # prices bids and offers from what it knows
    day_use: float = 1.0  # share of each role's days it actually fills
    min_score: float = 0.12
    limit: int = 14


NORMAL = Skill()
EASY = Skill(noise=0.45, use_motives=False, careful=False, day_use=0.7, min_score=0.3,
             limit=8)

Plan = tuple[list[Action], list[str]]


def answer_events(view: dict[str, Any], style: Style, careful: bool = True,
                  skip: set[str] = frozenset()) -> Plan:
    """Answer every pending event (except those someone else already answered)."""
    plan, why = [], []
    for pend in view["pending"]:
        if pend["event"] in skip:
            continue
        if careful:
            cid, reason = choose_event(view, pend, style)
        else:
            cid, reason = pend["choices"][0]["id"], "ai.reason.event.first"
        plan.append(Action("choose", pend["event"], cid))
        why.append(reason)
    return plan, why


def _with_option(view: dict[str, Any], a: Action, style: Style, skill: Skill) -> tuple[Action, str
                                                                                       | None]:
    d = CATALOG[a.kind]
    if d.id == "submit_bid":
        opt, why = choose_bid(view, style, skill.careful)
        return Action(a.kind, None, opt), why
    if d.special == "negotiate":
        opt, why = choose_terms(view, d.joint, skill.careful)
        return Action(a.kind, None, opt), why
    return a, None


def plan_week(
    view: dict[str, Any], style: Style, skill: Skill = NORMAL,
    rng: random.Random | None = None, emphasis: dict[str, float] | None = None,
    roles: tuple[str, ...] | None = None, fixed: list[Action] = (),
    spend_cap: float | None = None, follow: dict[str, float] | None = None,
) -> Plan:
    """This week's actions and one reason key per action.

    `roles` limits planning to some of the team's roles and `fixed` is what others already
    planned (a human teammate): their days and money are taken before we choose."""
    fixed = list(fixed)
    answered = {a.target for a in fixed if a.kind == "choose"}
    plan, why = answer_events(view, style, skill.careful, answered)
    me = view["me"]
    if not me["active"] or view["over"]:
        return plan, why
    ctx = V.make_context(view, style, skill.use_motives, emphasis)
    ctx.follow = dict(follow or {})
    fixed_acts = [a for a in fixed if a.kind != "choose"]
    used, spent_fixed = plan_usage(fixed_acts)
    days = {r: int(n * skill.day_use + 0.5) if skill.day_use < 1 else n
            for r, n in me["time"].items()}
    days = {r: max(0, n - used.get(r, 0)) for r, n in days.items()}
    budget = me["budget"] - spent_fixed - choice_cost(view, fixed + plan)
    cap = ctx.cap if spend_cap is None else spend_cap
    cap = min(cap, budget - ctx.reserve)
    heap: list[tuple[float, int, ActionDef, str | None, int]] = []
    version: dict[str, int] = {}
    noisy = bool(skill.noise and rng is not None)
    i = 0
    for d, targets in enabled_groups(view, fixed_acts):
        group = [None] if targets is None else targets
        if roles is not None and not set(d.roles) <= set(roles):
            i += len(group)
            continue
        extra = _day_charge(d)
        for target, s in zip(group, V.values_of(ctx, d, group), strict=True):
            if noisy:
                s += rng.gauss(0.0, skill.noise)
            heap.append((-(s - extra), i, d, target, 0))
            i += 1
    heapq.heapify(heap)
    taken: set[tuple[str, str | None]] = {(a.kind, a.target) for a in fixed_acts}
    negotiating = any(CATALOG[a.kind].special == "negotiate" for a in fixed)
    spent = 0.0
    chosen: list[tuple[Action, str]] = []
    while heap and len(chosen) < skill.limit:
        neg, i, d, target, ver = heapq.heappop(heap)
        if target is not None and version.get(target, 0) != ver:
            s = V.value_of(ctx, d, target)
            if skill.noise and rng is not None:
                s += rng.gauss(0.0, skill.noise * 0.5)
            heapq.heappush(heap, (-_key(s, d), i, d, target, version[target]))
            continue
        n, droles = d.days, d.roles
        s = -neg + _day_charge(d)
        if s < skill.min_score:
            break
        if days.get(droles[0], 0) < n or (len(droles) > 1 and days.get(droles[1], 0) < n):
            continue
        if (d.id, target) in taken or (not d.target and (d.id, None) in taken):
            continue
        if d.special == "negotiate" and negotiating:
            continue
        if d.cost > 0 and (spent + d.cost > budget + 1e-9 or
                           (s < V.MUST and spent + d.cost > cap + 1e-9)):
            continue
        for r in d.roles:
            days[r] -= d.days
        spent += d.cost
        taken.add((d.id, target))
        negotiating = negotiating or d.special == "negotiate"
        # The person has not changed since this option was last valued, so its reason is
        # the one that value had.
        reason = V.score(ctx, d, target)[1]
        a, opt_reason = _with_option(view, Action(d.id, target, d.options[0] if d.options
                                                  else None), style, skill)
        chosen.append((a, f"ai.reason.{reason}" if opt_reason is None else opt_reason))
        if target is not None:
            _project(ctx, d, target)
            version[target] = version.get(target, 0) + 1
    chosen.sort(key=lambda t: t[0].kind in LAST)
    for a, r in chosen:
        plan.append(a)
        why.append(r)
    bad = check_plan(view, fixed + plan) if fixed else check_plan(view, plan)
    while bad is not None:
        i = bad[0] - len(fixed)
        if i < 0:
            break
        del plan[i]
        del why[i]
        bad = check_plan(view, fixed + plan)
    return plan, why


def choice_cost(view: dict[str, Any], plan: list[Action]) -> float:
    """What the event answers in a plan cost (they are paid before the week's actions)."""
    total = 0.0
    for pend in view["pending"]:
        for a in plan:
            if a.kind == "choose" and a.target == pend["event"]:
                total += next((c["cost"] for c in pend["choices"] if c["id"] == a.option), 0.0)
    return total


def _day_charge(d: Any) -> float:
    """The small charge for each extra role-day an option ties up."""
    return 0.15 * (d.days * len(d.roles) - 1)


def _key(s: float, d: Any) -> float:
    """Order by value, less the option's day charge."""
    return s - _day_charge(d)


def _project(ctx: V.Context, d: Any, pid: str) -> None:
    """Assume the action lands as expected, so later picks see diminishing returns."""
    p = dict(ctx.people[pid])
    gain, _ = V.support_gain(ctx, d, p)
    p["support"] = min(1.0, p["support"] + gain)
    p["trust"] = min(1.0, p["trust"] + d.trust * (1 - p["trust"]))
    ctx.people[pid] = p
    i = ctx.info.get(pid)
    if i is not None:  # only support and trust moved (and focus, which reads support)
        i.support, i.trust, i.focus = p["support"], p["trust"], V.focus(ctx, p)
