"""A planner that plays uniformly random legal moves, for conformance and leak tests.

It exists to wander into corners a sensible player never visits (empty budgets, late bids,
odd negotiation terms, unanswered event choices), so the engine's rules are exercised far
from the happy path. Like every agent it sees only its vendor's view, and it draws from its
own `random.Random(seed)`, never from the game's RNG, so it cannot change the game's dice.
"""

from __future__ import annotations

import random
from typing import Any

from game.core.actions import CATALOG, Action
from game.core.checks import check, legal_actions

REASON = "ai.reason.random"


class RandomAgent:
    """Call it with a view to get `(plan, reasons)`, like `game.ai.basic.plan_week`.

    Each week it answers every pending event with a random choice (or, with probability
    `1 - answer`, leaves it to the default), then keeps adding an action drawn uniformly
    from those still legal given the plan so far, with a random option where the action
    has options, stopping after each addition with probability `stop`.
    """

    def __init__(self, seed: int, stop: float = 0.1, answer: float = 0.8) -> None:
        self.rng = random.Random(seed)
        self.stop = stop
        self.answer = answer

    def __call__(self, view: dict[str, Any]) -> tuple[list[Action], list[str]]:
        return self.plan_week(view)

    def plan_week(self, view: dict[str, Any]) -> tuple[list[Action], list[str]]:
        rng = self.rng
        plan: list[Action] = []
        for pend in view["pending"]:
            affordable = [c for c in pend["choices"]
                          if check(view, Action("choose", pend["event"], c["id"]), plan) is None]
            if affordable and rng.random() < self.answer:
                pick = rng.choice(affordable)
                plan.append(Action("choose", pend["event"], pick["id"]))
        me = view["me"]
        if view["over"] or not me["active"]:
            return plan, [REASON] * len(plan)
        # Legality only shrinks as the plan grows (time and budget are used up), so walking
        # a random permutation of the actions legal now and keeping each one that is still
        # legal picks, at every step, uniformly among the moves legal at that step.
        candidates = [o.action for o in legal_actions(view, plan, include_disabled=False)]
        rng.shuffle(candidates)
        actions: list[Action] = []
        for a in candidates:
            picked = self._pick_option(view, a, plan + actions)
            if picked is None:
                continue
            actions.append(picked)
            if rng.random() < self.stop:
                break
        plan.extend(actions)
        return plan, [REASON] * len(plan)

    def _pick_option(self, view: dict[str, Any], a: Action,
                     plan: list[Action]) -> Action | None:
        """`a` with a random option that is legal after `plan`, or None if none is."""
        options = list(CATALOG[a.kind].options)
        if not options:
            return a if check(view, a, plan) is None else None
        self.rng.shuffle(options)
        for opt in options:
            b = Action(a.kind, a.target, opt)
            if check(view, b, plan) is None:
                return b
        return None


def random_planners(vendor_ids: list[str], seed: int) -> dict[str, RandomAgent]:
    """One independent random agent per vendor, all derived from one seed."""
    return {vid: RandomAgent(seed * 7919 + i) for i, vid in enumerate(sorted(vendor_ids))}
