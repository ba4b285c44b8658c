"""Agents for each difficulty, and `make_agent(playbook, difficulty, seed)`.

- easy: the playbook's planner with clumsy judgement: noisy scores, motives ignored, bids and
  offers made without reading the budget, only part of each role's week used.
- normal: the playbook's planner as designed.
- expert: the normal planner's candidates compared by look-ahead over sampled hidden states
  (see `search.py`), plus a bid chosen by simulating the tender against sampled rivals.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from game.ai.base import Decision, View, view_seed
from game.ai.playbooks import PLAYBOOKS, Style, style_for
from game.ai.policy import EASY, NORMAL, Skill, plan_week

DIFFICULTIES = ("easy", "normal", "expert")


@dataclass
class PlaybookAgent:
    """A vendor that follows one playbook with the greedy planner at a given skill."""

    playbook: str
    difficulty: str
    seed: int = 0
    style: Style = field(init=False)
    skill: Skill = field(init=False)

    def __post_init__(self) -> None:
        self.style = style_for(self.playbook)
        self.skill = EASY if self.difficulty == "easy" else NORMAL

    def __call__(self, view: View) -> Decision:
        return self.decide(view)

    def decide(self, view: View) -> Decision:
        rng = random.Random(view_seed(self.seed, view)) if self.skill.noise else None
        return plan_week(view, self.style, self.skill, rng)


def make_agent(playbook: str, difficulty: str = "normal", seed: int = 0):
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
