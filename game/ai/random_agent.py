"""A planner that plays uniformly random legal moves, for conformance and leak tests.

It exists to wander into corners a sensible player never visits (empty budgets, late bids,
odd negotiation terms, unanswered event choices), so the engine's rules are exercised far
from the happy path. Like every agent it sees only its vendor's view, and it draws from its
own `random.Random(seed)`, never from the game's RNG, so it cannot change the game's dice.
"""

from __future__ import annotations

import random
from typing import Any

from game.ai.policy import Plan
from game.core.actions import DEFS
from game.core.checks import OK, Move, as_view, check_one, groups, to_action
from game.core.ids import A_CHOOSE
from game.core.views import VendorView

REASON = "ai.reason.random"


class RandomAgent:
    """`plan(view)` gives typed moves; calling it with either form of view gives
    `(plan, reasons)` by name, like every agent's `decide`.

    Each week it answers every pending event with a random choice (or, with probability
    `1 - answer`, leaves it to the default), then keeps adding an action drawn uniformly
    from those still legal given the plan so far, with a random option where the action
    has options, stopping after each addition with probability `stop`.
    """

    playbook = "random"
    difficulty = "random"

    def __init__(self, seed: int, stop: float = 0.1, answer: float = 0.8) -> None:
        self.rng = random.Random(seed)
        self.stop = stop
        self.answer = answer

    def __call__(self, view: Any) -> tuple[list, list[str]]:
        return self.decide(view)

    def decide(self, view: Any) -> tuple[list, list[str]]:
        vv = as_view(view)
        plan = self.plan(vv)
        return [to_action(vv, m) for m in plan.moves], list(plan.reasons)

    def plan_week(self, view: Any) -> tuple[list, list[str]]:
        return self.decide(view)

    def plan(self, vv: VendorView, explain: bool = False) -> Plan:
        rng = self.rng
        moves: list[Move] = []
        for k, pend in enumerate(vv.pending):
            affordable = [Move(A_CHOOSE, k, j) for j in range(len(pend["choices"]))]
            affordable = [m for m in affordable if check_one(vv, m, moves) == OK]
            if affordable and rng.random() < self.answer:
                moves.append(rng.choice(affordable))
        out = Plan()
        me = vv.me
        if not vv.over and me.active:
            # Legality only shrinks as the plan grows (time and budget are used up), so
            # walking a random permutation of the moves legal now and keeping each one that
            # is still legal picks, at every step, uniformly among the moves legal then.
            candidates = [(d.kind, t) for d, targets in groups(vv, [])
                          for t in ([-1] if targets is None else targets)]
            rng.shuffle(candidates)
            actions: list[Move] = []
            for kind, target in candidates:
                picked = self._pick_option(vv, kind, target, moves + actions)
                if picked is None:
                    continue
                actions.append(picked)
                if rng.random() < self.stop:
                    break
            moves.extend(actions)
        out.moves = moves
        out.reasons = [REASON] * len(moves)
        return out

    def _pick_option(self, vv: VendorView, kind: int, target: int,
                     plan: list[Move]) -> Move | None:
        """The move with a random option that is legal after `plan`, or None if none is."""
        options = list(range(len(DEFS[kind].options)))
        if not options:
            m = Move(kind, target, -1)
            return m if check_one(vv, m, plan) == OK else None
        self.rng.shuffle(options)
        for opt in options:
            m = Move(kind, target, opt)
            if check_one(vv, m, plan) == OK:
                return m
        return None


def random_planners(vendor_ids: list[str], seed: int) -> dict[str, RandomAgent]:
    """One independent random agent per vendor, all derived from one seed."""
    return {vid: RandomAgent(seed * 7919 + i) for i, vid in enumerate(sorted(vendor_ids))}
