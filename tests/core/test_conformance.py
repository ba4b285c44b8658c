"""Conformance: every shipped scenario survives many games of random legal play.

OpenSpiel's habit: a random simulation over every game catches what hand-written cases miss.
Every vendor here is a RandomAgent, so plans reach odd corners (empty budgets, late bids,
unanswered events); each game must end without an error in a terminal state whose outcome is
well formed.
"""

from __future__ import annotations

import pytest

from game.ai.random_agent import RandomAgent, random_planners
from game.core.checks import check_plan
from game.core.engine import end_week, new_game
from game.core.informants import COACH_FAVOURS
from game.core.state import GameState
from game.core.views import view
from game.sim.play import play_week

from .conftest import SCENARIOS, lab_state, shipped

GAMES = 500
RESULTS = {"won", "shelved", "no_deal"}


def check_outcome(state: GameState, where: str) -> None:
    o = state.outcome
    assert state.over and o is not None, where
    assert o["result"] in RESULTS, where
    assert (o["winner"] is None) == (o["result"] == "no_deal"), where
    assert state.week <= state.spec.last_week, where
    if o["winner"] is not None:
        w = state.vendors[o["winner"]]
        assert w.status == o["result"], where
        assert state.contract["vendor"] == w.id and state.contract["paid"], where
        assert o["value"] == state.contract["value"], where
        assert 0.0 < o["first_payment"] <= 1.0, where
    else:
        assert o["reason"] in {"no_bids", "no_valid_bids", "no_contract", "timeout"}, where
        assert not any(v.status in ("won", "shelved") for v in state.vendors.values()), where
    assert set(o["cost_of_sale"]) == set(state.vendors), where
    for vid, v in state.vendors.items():
        assert 1 <= v.stage <= 7, where
        for pid, r in state.relations[vid].items():
            assert -1.0 <= r.support <= 1.0 and 0.0 <= r.trust <= 1.0, where
            assert 0 <= r.contact <= 4, where
            assert 0 <= r.favours <= COACH_FAVOURS, where
            if "KDM" in state.people[pid].key:  # the KDM backing us is W, never a coach
                assert r.contact < 4, f"{where}: {vid} made the KDM {pid} its coach"


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_random_games_end_in_a_defined_outcome(path):
    spec = shipped(path)
    awarded = 0
    for seed in range(GAMES):
        state = new_game(spec, seed)
        planners = random_planners(list(state.vendors), seed)
        while not state.over:
            play_week(state, planners)  # raises on any illegal plan or engine error
        check_outcome(state, f"{spec.id} seed {seed}")
        awarded += state.award is not None
    assert awarded > 0, "random play never reached an award: the late game went untested"


def test_the_random_agent_plans_legally_and_repeats_itself_given_its_seed():
    state = lab_state()
    for _ in range(4):
        views = {vid: view(state, vid, with_log=False) for vid in state.vendors}
        plans = {vid: RandomAgent(7)(vw)[0] for vid, vw in views.items()}
        for vid, vw in views.items():
            assert check_plan(vw, plans[vid]) is None
            assert RandomAgent(7)(vw)[0] == plans[vid]
        assert any(plans.values())
        end_week(state, plans)


def test_the_random_agent_answers_pending_choices_with_a_listed_option():
    vw = view(lab_state(), "team_a", with_log=False)
    vw = {**vw, "pending": [{"event": "e", "choices": [{"id": "x"}, {"id": "y"}]}]}
    picked = {a.option for seed in range(30)
              for a in RandomAgent(seed, answer=1.0)(vw)[0] if a.kind == "choose"}
    assert picked == {"x", "y"}
