"""Derived values kept between turns must never change a result.

The engine keeps a few derived values across weeks (`GameState.lasting`), each stamped with
the inputs it was computed from. These tests compare every week of whole games, events and
all, against the same computation from an empty cache, and check that each input of a stamp
really invalidates it.
"""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter

from game.ai.random_agent import RandomAgent
from game.core import resolve
from game.core.engine import end_week, new_game
from game.core.events import apply_effect
from game.core.health import c931_all
from game.core.views import view
from game.scenario.loader import load_scenario
from game.scenario.models import EffectSpec

from .conftest import SCENARIOS


def _fresh(state, compute):
    """`compute(state)` with nothing remembered, leaving the state's cache as it was."""
    kept = dict(state.cache)
    state.cache.clear()
    try:
        return compute(state)
    finally:
        state.cache.clear()
        state.cache.update(kept)


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_cached_projection_and_health_match_a_fresh_computation(path) -> None:
    spec = load_scenario(path)
    weeks = 0
    for seed in range(6):
        state = new_game(spec, seed)
        agents = {vid: RandomAgent(seed * 7 + i) for i, vid in enumerate(state.vendors)}
        while not state.over:
            assert resolve.projected_scores(state) == _fresh(state, resolve.projected_scores)
            assert c931_all(state) == _fresh(state, c931_all)
            for vid in state.vendors:
                shared = view(state, vid, with_log=False)
                assert shared == _fresh(state, lambda s, vid=vid: view(s, vid, with_log=False))
                own = view(state, vid)
                del own["log"]
                assert own == shared
            plans = {vid: agents[vid](view(state, vid, with_log=False))[0]
                     for vid, v in state.vendors.items() if v.active}
            end_week(state, plans)
            weeks += 1
    assert weeks > 40


EFFECTS = [
    {"type": "need_weight", "need": None, "weight": 9.0},
    {"type": "criteria", "criterion": "price", "change": 0.3},
    {"type": "replace_stakeholder", "stakeholder": None,
     "new": {"name": {"zh": "新人", "en": "Newcomer"}, "cares_about": [],
             "traits": ["price_sensitive"],
             "position_motive": {"kind": "cost", "text": {"zh": "省钱", "en": "Save"}},
             "personal_motive": {"kind": "risk", "text": {"zh": "稳妥", "en": "Safe"}}}},
]


@pytest.mark.parametrize("effect", EFFECTS, ids=lambda e: e["type"])
def test_each_input_of_the_panel_stamp_invalidates_it(effect) -> None:
    spec = load_scenario(SCENARIOS[0])
    state = new_game(spec, 3)
    before = resolve.projected_scores(state)
    evaluators = resolve.evaluator_weights(state)
    data = dict(effect)
    if data["type"] == "need_weight":
        data["need"] = spec.customer.needs[-1].id
    if data["type"] == "replace_stakeholder":
        data["stakeholder"] = max(evaluators, key=evaluators.get)
    apply_effect(state, TypeAdapter(EffectSpec).validate_python(data), [])
    after = resolve.projected_scores(state)
    assert after == _fresh(state, resolve.projected_scores)
    assert after != before


def test_the_windows_view_shares_nothing_with_the_kept_views() -> None:
    """The UI may edit its own view; the views kept for the AI and the engine must not move."""
    spec = load_scenario(SCENARIOS[0])
    state = new_game(spec, 5)
    vid = next(iter(state.vendors))
    kept = view(state, vid, with_log=False)
    before = repr(kept)
    own = view(state, vid)
    for p in own["people"]:
        for value in p.values():
            if isinstance(value, list):
                value.append("edited")
            elif isinstance(value, dict):
                value["edited"] = True
    own["me"]["time"]["rep"] = 0
    own["me"]["fit"].clear()
    own["customer"]["name"]["en"] = "edited"
    own["scenario"]["title"]["en"] = "edited"
    assert repr(view(state, vid, with_log=False)) == before
