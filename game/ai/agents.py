"""Agents for each difficulty, and `make_agent(playbook, difficulty, seed)`.

- easy: the playbook's planner with clumsy judgement: noisy scores, motives ignored, bids and
  offers made without reading the budget, only part of each role's week used.
- normal: the playbook's planner as designed.
- expert: the normal planner's candidates compared by look-ahead over sampled hidden states
  (see `search.py`) in the weeks it does not already lead, plus a bid chosen for expected
  margin by simulating the tender against sampled rivals. (The coach is the same search at
  full strength: every week, and a bid priced to win; so is an expert on the team's side,
  which is in no scenario's line-up of rivals.)

Every agent has `plan(view, explain)`, the typed plan the batch runner and the engine take,
and `decide(view)`, the same plan by name for either form of view (the window, tests).
"""

from __future__ import annotations

from typing import Any

from game.ai.base import Decision, view_seed
from game.ai.basic import plan_moves
from game.ai.playbooks import PLAYBOOKS, Style, style_for
from game.ai.policy import EASY, NORMAL, Plan, Skill, plan_week
from game.core.checks import as_view, to_action
from game.core.rng import Rng, seed_state
from game.core.views import VendorView

DIFFICULTIES = ("easy", "normal", "expert")


class PlaybookAgent:
    """A vendor that follows one playbook with the greedy planner at a given skill."""

    def __init__(self, playbook: str, difficulty: str, seed: int = 0) -> None:
        self.playbook = playbook
        self.difficulty = difficulty
        self.seed = seed
        self.style: Style = style_for(playbook)
        self.skill: Skill = EASY if difficulty == "easy" else NORMAL

    def __call__(self, view: Any) -> Decision:
        return self.decide(view)

    def plan(self, vv: VendorView, explain: bool = False) -> Plan:
        rng = Rng(seed_state(view_seed(self.seed, vv))) if self.skill.noise else None
        return plan_week(vv, self.style, self.skill, rng, explain=explain)

    def decide(self, view: Any) -> Decision:
        vv = as_view(view)
        plan = self.plan(vv, True)
        return [to_action(vv, m) for m in plan.moves], list(plan.reasons)


class BuiltinAgent:
    """The built-in AI (`basic.plan_moves`) as an agent: the engine benchmark's player."""

    playbook = "basic"
    difficulty = "normal"

    def __call__(self, view: Any) -> Decision:
        return self.decide(view)

    def plan(self, vv: VendorView, explain: bool = False) -> Plan:
        return plan_moves(vv, 12, explain)

    def decide(self, view: Any) -> Decision:
        vv = as_view(view)
        plan = self.plan(vv, True)
        return [to_action(vv, m) for m in plan.moves], list(plan.reasons)


def make_agent(playbook: str, difficulty: str = "normal", seed: int = 0) -> Any:
    """The agent for a playbook name (see `playbooks.PLAYBOOKS`) and difficulty."""
    if playbook not in PLAYBOOKS:
        raise ValueError(f"unknown playbook {playbook!r}; choose from {', '.join(PLAYBOOKS)}")
    if difficulty not in DIFFICULTIES:
        raise ValueError(f"unknown difficulty {difficulty!r}; choose from "
                         f"{', '.join(DIFFICULTIES)}")
    if difficulty == "expert":
        from game.ai.search import ExpertAgent

        return ExpertAgent(playbook, difficulty, seed)
    return PlaybookAgent(playbook, difficulty, seed)


class CoachedAgent:
    """A player who follows the coach: every ★ in the coach's order, then for every role the
    coach's first suggestion, asked again until the coach has nothing more (the `coached`
    side of `bench ai`, and the team's seat in `fidelity`, where `skill` carries the arm's
    handicap)."""

    playbook = "coached"
    difficulty = "coached"

    def __init__(self, seed: int = 0, skill: Skill = NORMAL) -> None:
        self.seed = seed
        self.skill = skill

    def __call__(self, view: Any) -> Decision:
        return self.decide(view)

    def decide(self, view: Any) -> Decision:
        from game.ai.coach import follow_coach

        return follow_coach(view, self.seed, self.skill)

    def plan(self, vv: VendorView, explain: bool = False) -> Plan:
        from game.ai.coach import follow_coach
        from game.core.checks import to_move

        actions, why = follow_coach(vv, self.seed, self.skill)
        out = Plan()
        out.moves = [to_move(vv, a) for a in actions]
        out.reasons = list(why)
        return out
