"""Each cap lint and the guide state is the engine's: games on both sides of it play the same.

The claim "any value past this point plays the same" is checked the way a designer found it
out: by playing the same seeds with two values past the point and comparing every plan, the
weekly history and the outcome. A control below each point must differ, so the comparison
can see a difference when there is one. If the rules change a cap, this test names it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from game.ai.agents import make_agent
from game.scenario import thresholds as t
from game.scenario.knobs import resolve, with_values
from game.scenario.lint_values import _cut_factor, _never_bids_floor, _payment_cuts
from game.scenario.loader import load_scenario
from game.sim.play import play_game

HOSPITAL = Path(__file__).resolve().parents[2] / "scenarios" / "city_hospital.yaml"
SEEDS = (1, 2, 3)


@pytest.fixture(scope="module")
def spec():
    return load_scenario(HOSPITAL)


def _games(spec, changes: list[tuple[str, Any]]) -> list[str]:
    changed = with_values(spec, [(resolve(spec, p), v) for p, v in changes])
    out = []
    for seed in SEEDS:
        planners = {v.id: make_agent(v.playbook.value, v.difficulty.value, seed).decide
                    for v in changed.vendors}
        st = play_game(changed, seed, planners)
        out.append(json.dumps([st.plans, st.history, st.outcome], sort_keys=True, default=str))
    return out


def _same(spec, a: list[tuple[str, Any]], b: list[tuple[str, Any]]) -> bool:
    return _games(spec, a) == _games(spec, b)


def test_references_count_up_to_five(spec) -> None:
    every = [v.id for v in spec.vendors]
    at = [(f"vendors.{v}.references", t.REFERENCES_COUNTED) for v in every]
    past = [(f"vendors.{v}.references", 12) for v in every]
    below = [(f"vendors.{v}.references", 2) for v in every]
    assert _same(spec, at, past)
    assert not _same(spec, at, below)


def test_a_floor_no_bid_reaches_plays_the_same(spec) -> None:
    rival = next(v for v in spec.vendors if v.side == "rival" and _never_bids_floor(spec, v))
    path = f"vendors.{rival.id}.floor_price"
    lowest = rival.list_price * t.LOWEST_WITHOUT_FLOOR
    assert _same(spec, [(path, round(lowest, 1))], [(path, round(lowest * 0.7, 1))])


def test_a_budget_above_every_price_plays_the_same(spec) -> None:
    top = max(v.list_price for v in spec.vendors)
    inert = top / t.NEAR_BUDGET / _cut_factor(spec)
    assert _same(spec, [("customer.budget", round(inert + 1))],
                 [("customer.budget", round(inert * 3))])
    assert not _same(spec, [("customer.budget", round(inert + 1))],
                     [("customer.budget", round(top * 0.8))])


def test_a_first_payment_max_past_the_offers_plays_the_same(spec) -> None:
    inert = round(t.FIRST_PAYMENT_INERT + _payment_cuts(spec), 2)
    path = "customer.payment.first_payment_max"
    assert _same(spec, [(path, inert)], [(path, 0.95)])
    assert not _same(spec, [(path, inert)], [(path, 0.15)])
