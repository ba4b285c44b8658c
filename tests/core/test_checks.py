"""legal_actions must give exactly the reasons check() gives, for any view and plan, and the
planners' fast listing (`groups`, behind `enabled_moves`) exactly its enabled subset.

The views come from whole games of the scenario's own playbooks (who work through insiders,
coaches, introductions and the KDM's door) and of random players (who wander into corners).
"""

from __future__ import annotations

import random

import pytest

from game.ai.agents import make_agent
from game.ai.random_agent import RandomAgent
from game.core.actions import Action
from game.core.checks import check, enabled_moves, legal_actions
from game.core.engine import end_week, new_game
from game.core.views import view
from game.scenario.loader import load_scenario

from .conftest import ME, at_stage, lab_state, make_spec, relate, top_manager


@pytest.fixture(scope="module")
def views() -> list[dict]:
    spec = load_scenario("scenarios/city_hospital.yaml")
    out = []
    for seed in (1, 2):
        state = new_game(spec, seed)
        planners = {v.id: make_agent(v.playbook.value, "normal", seed).decide if seed == 1
                    else RandomAgent(seed * 7 + i) for i, v in enumerate(spec.vendors)}
        while not state.over:
            vs = {vid: view(state, vid, with_log=False) for vid, v in state.vendors.items()
                  if v.active}
            out.extend(vs.values())
            plans, reasons = {}, {}
            for vid, vw in vs.items():
                plans[vid], reasons[vid] = planners[vid](vw)
            end_week(state, plans, reasons)
    return out


def test_reasons_match_check_for_empty_and_partial_plans(views: list[dict]) -> None:
    rng = random.Random(5)
    compared = 0
    for vw in views[::3]:
        plan: list = []
        for _ in range(3):
            options = legal_actions(vw, plan)
            for o in options:
                assert o.reason == check(vw, o.action, plan), (o.action, plan)
                compared += 1
            enabled = [o.action for o in options if o.enabled]
            if not enabled:
                break
            plan.append(rng.choice(enabled))
    assert compared > 10_000


def test_enabled_only_is_the_enabled_subset(views: list[dict]) -> None:
    for vw in views[::7]:
        every = [o for o in legal_actions(vw) if o.enabled]
        assert every == legal_actions(vw, include_disabled=False)


def test_role_filter_keeps_only_that_roles_actions(views: list[dict]) -> None:
    vw = views[len(views) // 2]
    for role in ("rep", "presales", "pm", "exec"):
        assert all(role in o.roles for o in legal_actions(vw, role=role))


def test_enabled_moves_are_the_enabled_options_in_order(views: list[dict]) -> None:
    rng = random.Random(11)
    compared = 0
    for vw in views[::2]:
        plan: list = []
        for _ in range(4):
            want = [(o.action.kind, o.action.target) for o in legal_actions(vw, plan)
                    if o.enabled]
            got = [(d.id, target) for d, target in enabled_moves(vw, plan)]
            assert got == want, plan
            compared += len(got)
            if not want:
                break
            plan.append(rng.choice([o.action for o in legal_actions(vw, plan) if o.enabled]))
    assert compared > 2_000


def test_a_senior_already_in_the_plan_is_refused_alike_everywhere() -> None:
    """A person seen every other week or less (gap > 1) is met once in a week's plan: the
    listing the window shows and the planners' listing must say so as `check` does."""
    state = lab_state(spec=make_spec(top_manager("cio")))
    at_stage(state, 3)
    relate(state, "cio", contact=2, trust=0.5)
    vw = view(state, ME, with_log=False)
    plan = [Action("visit", "cio")]
    second = Action("needs_research", "cio")
    assert check(vw, second, plan) == "why.unavailable"
    listed = {(o.action.kind, o.action.target): o.reason for o in legal_actions(vw, plan)}
    assert listed[("needs_research", "cio")] == "why.unavailable"
    enabled = {(o.action.kind, o.action.target)
               for o in legal_actions(vw, plan, include_disabled=False)}
    assert ("needs_research", "cio") not in enabled
    assert ("needs_research", "cio") not in {(d.id, t) for d, t in enabled_moves(vw, plan)}
