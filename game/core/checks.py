"""Which actions a vendor may plan this week, decided from its own view alone.

Because preconditions read only the view, the UI, the AI and the engine agree on legality
without anyone touching hidden state. Each refusal has an i18n key (`why.*`) the UI shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from game.core.actions import CATALOG, Action, ActionDef
from game.core.state import PHASES


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


def plan_usage(plan: list[Action], view: dict[str, Any] | None = None
               ) -> tuple[dict[str, int], float]:
    """Days per role and money a plan takes; an event choice is priced from the view."""
    days: dict[str, int] = {}
    cost = 0.0
    for a in plan:
        if a.kind == "choose":
            if view is not None:
                cost += _check_choice(view, a)[1]
            continue
        d = CATALOG[a.kind]
        for r in d.roles:
            days[r] = days.get(r, 0) + d.days
        cost += d.cost
    return days, cost


def time_left(view: dict[str, Any], plan: list[Action]) -> dict[str, int]:
    used, _ = plan_usage(plan, view)
    return {r: n - used.get(r, 0) for r, n in view["me"]["time"].items()}


def _vendor_reason(view: dict[str, Any], d: ActionDef) -> str | None:
    """Checks that do not depend on the target person. `enabled_groups` makes the plain ones
    itself and calls this only for the kinds in `_VENDOR_SPECIAL`: a new special rule here
    belongs in that set too (a test compares the two on many views)."""
    me = view["me"]
    if view["over"]:
        return "why.over"
    if not me["active"]:
        return "why.inactive"
    facts = me["facts"]
    if me["status"] == "lost" and d.special != "complaint":
        return "why.lost"
    if not d.stages[0] <= me["stage"] <= d.stages[1]:
        return "why.stage"
    if d.phases is not None and view["phase"] not in d.phases:
        return "why.phase"
    if d.once and f"done:{d.id}" in facts:
        return "why.done"
    for f in d.requires:
        if f not in facts:
            return f"why.requires.{f}"
    sp = d.special
    if sp == "needs_references" and me["references"] <= 0:
        return "why.no_references"
    if sp == "complaint":
        award = view["award"]
        if not award or award["vendor"] == me["id"] or not me["bid"]:
            return "why.no_award"
        if view["week"] > award["notice_end"]:
            return "why.notice_over"
    if sp == "negotiate" and "terms_agreed" in facts:
        return "why.terms_agreed"
    if d.id == "defend_award":
        award = view["award"]
        if not award or award["vendor"] != me["id"]:
            return "why.no_award"
    if d.id == "collect_payment" and "paid" in facts:
        return "why.done"
    return None


def _person_reason(view: dict[str, Any], d: ActionDef, p: dict[str, Any]) -> str | None:
    """Checks on the target person; beyond the contact range and trust floor, `enabled_groups`
    asks only for the kinds in `_PERSON_SPECIAL`."""
    lvl = p["contact_level"]
    if lvl < d.min_contact:
        return "why.contact_low"
    if lvl > d.max_contact:
        return "why.contact_high"
    if p["trust"] < d.min_trust:
        return "why.trust_low"
    if d.senior_only and not (p["senior"] or "KDM" in p.get("key", ())):
        return "why.senior_only"
    sp = d.special
    if sp == "coach" and p["support"] < 0.3:
        return "why.support_low"
    if sp == "reach_out" and p["support"] >= 0.2:
        return "why.already_support"
    if sp == "shape" and "roles" not in p:
        return "why.roles_unknown"
    if sp == "shape" and not ({"influencer", "user"} & set(p["roles"]) or "KI" in p["key"]):
        return "why.not_evaluator"
    if sp == "intel" and lvl < 3:
        return "why.contact_low"
    return None


def _plan_reason(
    view: dict[str, Any], d: ActionDef, a: Action, plan: list[Action],
    left: dict[str, int], cost_left: float,
) -> str | None:
    for r in d.roles:
        if left.get(r, 0) < d.days:
            return f"why.no_time.{r}"
    if d.cost > cost_left + 1e-9:
        return "why.no_budget"
    for b in plan:
        if b.kind == a.kind and (b.target == a.target or d.once or not d.target):
            return "why.planned"
        if d.special == "negotiate" and CATALOG[b.kind].special == "negotiate":
            return "why.planned"
    return None


def check(view: dict[str, Any], action: Action, plan: Sequence[Action] = ()) -> str | None:
    """None if `action` may be added to `plan` this week, else the reason key."""
    plan = list(plan)
    used, spent = plan_usage(plan, view)
    left = {k: n - used.get(k, 0) for k, n in view["me"]["time"].items()}
    actions = [a for a in plan if a.kind != "choose"]
    if action.kind == "choose":
        r, cost = _check_choice(view, action)
        if r is None and any(a.kind == "choose" and a.target == action.target for a in plan):
            r = "why.planned"
        if r is None and cost > view["me"]["budget"] - spent + 1e-9:
            r = "why.no_budget"
        return r
    return _check(view, action, actions, left, view["me"]["budget"] - spent)


def check_plan(view: dict[str, Any], plan: list[Action]) -> tuple[int, str] | None:
    """The first action of a whole plan that may not be made, with its reason, or None.

    Event choices are paid first (they resolve before the week's actions), so their cost
    comes off the budget the other actions are checked against.
    """
    left = dict(view["me"]["time"])
    cost_left = view["me"]["budget"]
    answered: set[str | None] = set()
    for i, a in enumerate(plan):
        if a.kind != "choose":
            continue
        r, cost = _check_choice(view, a)
        if r is None and a.target in answered:
            r = "why.planned"
        if r is None and cost > cost_left + 1e-9:
            r = "why.no_budget"
        if r is not None:
            return i, r
        answered.add(a.target)
        cost_left -= cost
    accepted: list[Action] = []
    people = {p["id"]: p for p in view["people"]}
    for i, a in enumerate(plan):
        if a.kind == "choose":
            continue
        r = _check(view, a, accepted, left, cost_left, people)
        if r is not None:
            return i, r
        d = CATALOG[a.kind]
        for role in d.roles:
            left[role] -= d.days
        cost_left -= d.cost
        accepted.append(a)
    return None


def _check_choice(view: dict[str, Any], a: Action) -> tuple[str | None, float]:
    """Whether `a` answers a pending event with one of its choices, and that choice's cost."""
    for p in view["pending"]:
        if p["event"] == a.target:
            for c in p["choices"]:
                if c["id"] == a.option:
                    return None, c.get("cost", 0.0)
            return "why.option", 0.0
    return "why.no_choice", 0.0


def _check(view: dict[str, Any], action: Action, plan: list[Action],
           left: dict[str, int], cost_left: float,
           people: dict[str | None, dict[str, Any]] | None = None) -> str | None:
    d = CATALOG.get(action.kind)
    if d is None:
        return "why.unknown_action"
    p = None
    if d.target:
        if people is None:
            p = next((x for x in view["people"] if x["id"] == action.target), None)
        else:
            p = people.get(action.target)
        if p is None:
            return "why.target"
    elif action.target is not None:
        return "why.target"
    if d.options and action.option not in d.options:
        return "why.option"
    if not d.options and action.option is not None:
        return "why.option"
    if d.special == "negotiate" and action.option:
        disc = int(action.option.split("_")[0][1:]) / 100
        if disc > view["me"]["max_discount"] + 1e-9:
            return "why.discount_not_approved"
    r = _vendor_reason(view, d)
    if r is None and p is not None:
        r = _person_reason(view, d, p)
    if r is None:
        r = _plan_reason(view, d, action, plan, left, cost_left)
    return r


def _by_stage_phase() -> dict[tuple[int, str], tuple[ActionDef, ...]]:
    """The kinds whose stage range and phases allow them, per (stage, phase): worked out once
    from the catalogue, so the weekly listing skips most kinds without testing them."""
    return {
        (stage, phase): tuple(
            d for d in CATALOG.values()
            if d.stages[0] <= stage <= d.stages[1] and (d.phases is None or phase in d.phases)
        )
        for stage in range(1, 8) for phase in PHASES
    }


KINDS_BY_STAGE_PHASE = _by_stage_phase()
# Kinds whose vendor-level refusal needs more than stage, phase, facts and status.
_VENDOR_SPECIAL = frozenset(
    d.id for d in CATALOG.values()
    if d.special in ("needs_references", "complaint", "negotiate")
    or d.id in ("defend_award", "collect_payment")
)
_DONE = {d.id: f"done:{d.id}" for d in CATALOG.values()}
# Targeted kinds whose refusal needs more than the contact range and trust floor.
_PERSON_SPECIAL = frozenset(
    d.id for d in CATALOG.values()
    if d.target and (d.senior_only or d.special in ("coach", "reach_out", "shape", "intel"))
)

Move = tuple[ActionDef, str | None]


def enabled_moves(view: dict[str, Any], plan: Sequence[Action] = ()) -> list[Move]:
    """(definition, target) of every action that may be added to `plan` now, in the order
    `legal_actions` lists them; `enabled_groups` gives the same grouped by kind."""
    out: list[Move] = []
    for d, targets in enabled_groups(view, plan):
        if targets is None:
            out.append((d, None))
        else:
            out.extend((d, pid) for pid in targets)
    return out


def enabled_groups(view: dict[str, Any], plan: Sequence[Action] = ()
                   ) -> list[tuple[ActionDef, list[str] | None]]:
    """Every kind that may be added to `plan` now with the people it may target (None for
    an action without a target), in `legal_actions` order. Kinds may share one list of
    targets: read them, do not change them.

    The AIs ask this for every vendor every week and need no refusal reasons, so it builds
    no objects for refused options and tests only the kinds the stage and phase allow; a
    test holds it to `legal_actions(..., include_disabled=False)` on many views and plans.
    """
    me = view["me"]
    if view["over"] or not me["active"]:
        return []
    if plan:
        plan = list(plan)
        used, spent = plan_usage(plan, view)
        left = {k: n - used.get(k, 0) for k, n in me["time"].items()}
        plan = [a for a in plan if a.kind != "choose"]
    else:
        left, spent = me["time"], 0.0
    cost_left = me["budget"] - spent + 1e-9
    planned_kinds = {b.kind for b in plan}
    planned_pairs = {(b.kind, b.target) for b in plan}
    negotiating = any(CATALOG[b.kind].special == "negotiate" for b in plan)
    out: list[tuple[ActionDef, list[str] | None]] = []
    people = [(p["id"], p["contact_level"], p["trust"]) for p in view["people"]]
    within: dict[tuple[int, int, float], list[str]] = {}
    by_id = None
    facts = set(me["facts"])
    lost = me["status"] == "lost"
    for d in KINDS_BY_STAGE_PHASE[me["stage"], view["phase"]]:
        # _vendor_reason's tests, the stage and phase already met, with the facts as a set
        if d.cost > cost_left or (lost and d.special != "complaint") \
                or (d.once and _DONE[d.id] in facts) \
                or (d.requires and not facts.issuperset(d.requires)) \
                or (d.id in _VENDOR_SPECIAL and _vendor_reason(view, d) is not None):
            continue
        n = d.days
        if any(left.get(r, 0) < n for r in d.roles):
            continue
        if d.id in planned_kinds and (d.once or not d.target) or (
                negotiating and d.special == "negotiate"):
            continue
        if not d.target:
            out.append((d, None))
            continue
        reach = (d.min_contact, d.max_contact, d.min_trust)
        targets = within.get(reach)
        if targets is None:  # kinds share a few contact ranges and trust floors
            lo, hi, trust = reach
            targets = within[reach] = [pid for pid, lvl, tr in people
                                       if lo <= lvl <= hi and tr >= trust]
        if d.id in _PERSON_SPECIAL:
            if by_id is None:
                by_id = {p["id"]: p for p in view["people"]}
            targets = [pid for pid in targets if _person_reason(view, d, by_id[pid]) is None]
        if planned_pairs:
            targets = [pid for pid in targets if (d.id, pid) not in planned_pairs]
        if targets:
            out.append((d, targets))
    return out


def legal_actions(
    view: dict[str, Any], plan: Sequence[Action] = (), role: str | None = None,
    include_disabled: bool = True,
) -> list[Option]:
    """Every action for `role` (or all roles) with its reason when it cannot be planned.

    Options with a choice (bid price, negotiation terms) are listed once with the first
    option filled in; the caller picks another option from `CATALOG[kind].options`.
    The reasons are exactly those `check` gives; this is the same test, hoisted out of the
    per-person loop. Without the refused options it is `enabled_moves` as Options.
    """
    if not include_disabled and role is None:
        return [
            Option(Action(d.id, target, d.options[0] if d.options else None), d.roles, d.days,
                   d.cost, None)
            for d, target in enabled_moves(view, plan)
        ]
    return _legal(view, plan, role, include_disabled)


def _legal(
    view: dict[str, Any], plan: Sequence[Action], role: str | None, include_disabled: bool,
) -> list[Option]:
    plan = list(plan)
    used, spent = plan_usage(plan, view)
    left = {k: n - used.get(k, 0) for k, n in view["me"]["time"].items()}
    cost_left = view["me"]["budget"] - spent
    plan = [a for a in plan if a.kind != "choose"]
    planned_kinds = {b.kind for b in plan}
    planned_pairs = {(b.kind, b.target) for b in plan}
    negotiating = any(CATALOG[b.kind].special == "negotiate" for b in plan)
    people = view["people"]
    out: list[Option] = []
    for d in CATALOG.values():
        if role is not None and role not in d.roles:
            continue
        base = _vendor_reason(view, d)
        if base is not None and not include_disabled:
            continue
        afford: str | None = None
        for who in d.roles:
            if left.get(who, 0) < d.days:
                afford = f"why.no_time.{who}"
                break
        if afford is None and d.cost > cost_left + 1e-9:
            afford = "why.no_budget"
        whole_kind = d.id in planned_kinds and (d.once or not d.target) or (
            d.special == "negotiate" and negotiating)
        if not include_disabled and (afford is not None or whole_kind):
            continue
        opt = d.options[0] if d.options else None
        if not d.target:
            r = base or afford or ("why.planned" if whole_kind else None)
            if r is None or include_disabled:
                out.append(Option(Action(d.id, None, opt), d.roles, d.days, d.cost, r))
            continue
        lo, hi, trust = d.min_contact, d.max_contact, d.min_trust
        for p in people:
            if not include_disabled and not (lo <= p["contact_level"] <= hi
                                             and p["trust"] >= trust):
                continue  # refused by the first checks of _person_reason
            r = base or _person_reason(view, d, p) or afford
            if r is None and (whole_kind or (d.id, p["id"]) in planned_pairs):
                r = "why.planned"
            if r is None or include_disabled:
                out.append(Option(Action(d.id, p["id"], opt), d.roles, d.days, d.cost, r))
    return out
