"""State <-> JSON-ready dicts: a round trip keeps every bit that the state hash covers, and a
loaded game plays on exactly as the original would have.
"""

from __future__ import annotations

import json

import pytest

from game.ai.random_agent import random_planners
from game.core.engine import new_game
from game.core.serialize import (
    SAVE_FORMAT,
    SaveFormatError,
    state_from_dict,
    state_hash,
    state_to_dict,
)
from game.sim.play import play_week

from .conftest import ME, SCENARIOS, lab_state, relate, shipped


def round_trip(state):
    return state_from_dict(json.loads(json.dumps(state_to_dict(state), ensure_ascii=False)))


@pytest.mark.parametrize("weeks", [0, 5, 12, 99])
def test_round_trip_keeps_the_hash(weeks: int):
    spec = shipped(SCENARIOS[0])
    state = new_game(spec, 11)
    planners = random_planners(list(state.vendors), 11)
    for _ in range(weeks):
        if state.over:
            break
        play_week(state, planners)
    loaded = round_trip(state)
    assert state_hash(loaded) == state_hash(state)
    assert all(loaded.vendors[k].facts == v.facts for k, v in state.vendors.items())
    assert loaded.spec == state.spec


def test_a_loaded_game_plays_on_identically():
    spec = shipped(SCENARIOS[0])
    state = new_game(spec, 21)
    planners = random_planners(list(state.vendors), 21)
    for _ in range(6):
        play_week(state, planners)
    loaded = round_trip(state)
    a = random_planners(list(state.vendors), 99)
    b = random_planners(list(state.vendors), 99)
    for _ in range(6):
        play_week(state, a)
        play_week(loaded, b)
    assert state_hash(loaded) == state_hash(state)


def test_sets_tuples_and_int_keys_come_back_as_they_were():
    state = lab_state()
    state.vendors[ME].facts.update({"profiled", "pursue"})
    state.vendors[ME].stage_weeks[3] = 4
    loaded = round_trip(state)
    v = loaded.vendors[ME]
    assert set(v.facts) == {"profiled", "pursue"}
    assert v.stage_weeks == {1: 1, 3: 4}
    assert all(isinstance(s, tuple) for p in loaded.people.values() for s in p.sways)


def test_the_dict_is_plain_json_with_a_format_version():
    d = state_to_dict(lab_state())
    assert d["format"] == SAVE_FORMAT
    assert json.loads(json.dumps(d)) == d
    assert "cache" not in d
    assert "spec" not in state_to_dict(lab_state(), with_spec=False)


def test_the_hash_sees_every_change_but_not_the_cache():
    state = lab_state()
    h = state_hash(state)
    state.cache["anything"] = 1
    assert state_hash(state) == h
    relate(state, "cio", support=0.01)
    assert state_hash(state) != h


def test_the_new_rules_state_survives_a_round_trip():
    """The customer's own dice, rumours, the record of who left, and each relation's access
    (last meeting, last move, introduction, favours) come back as they were."""
    state = lab_state()
    state.world.next64()
    state.rumours["cio"] = 7
    state.replaced.append({"person": "nurse", "week": 4, "name": {"zh": "周芳", "en": "Zhou"},
                           "support": [0.2, 0.1], "trust": [0.3, 0.0], "contact": [2, 0]})
    relate(state, "cio", met_week=3, last_kind=5, introduced=True, favours=2, contact=4)
    loaded = round_trip(state)
    assert state_hash(loaded) == state_hash(state)
    assert loaded.world_rng == state.world_rng != loaded.rng
    assert loaded.rumours == {"cio": 7} and loaded.replaced == state.replaced
    r = loaded.relations[ME]["cio"]
    assert (r.met_week, r.last_kind, r.introduced, r.favours) == (3, 5, True, 2)
    assert loaded.procurement == state.procurement


def test_the_hash_sees_the_customers_dice():
    state = lab_state()
    h = state_hash(state)
    state.world.next64()
    assert state_hash(state) != h


def test_a_save_from_before_the_new_rules_is_refused():
    d = state_to_dict(lab_state())
    assert SAVE_FORMAT == 2
    d["format"] = 1
    with pytest.raises(SaveFormatError, match="1"):
        state_from_dict(d)


@pytest.mark.parametrize("bad", [{"format": 999}, {}, [], "save"])
def test_a_foreign_save_is_refused(bad):
    with pytest.raises(SaveFormatError):
        state_from_dict(bad)


def test_a_save_can_be_opened_against_a_given_scenario():
    state = lab_state()
    d = state_to_dict(state, with_spec=False)
    assert state_hash(state_from_dict(d, state.spec)) == state_hash(state)
