"""C931 deal health: each of the 9 C, 3 F and 1 W follows the state it reads, and the
forecast keeps the training material's rule of thumb (8C 1F 0W gives 60% or more).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from game.core.health import C_KEYS, F_KEYS, W_KEYS, c931, c931_all, forecast
from game.core.state import GameState

from .conftest import ME, RIVAL, give, lab_state, play, relate, take

Edit = Callable[[GameState], None]


def _noop(state: GameState) -> None:
    return None


def _facts(*facts: str) -> tuple[Edit, Edit]:
    return (lambda s: give(s, *facts)), (lambda s: take(s, *facts))


def _needs(on: bool) -> Edit:
    def edit(s: GameState) -> None:
        relate(s, "cio", known_needs=on)
        relate(s, "nurse", known_needs=on)  # the key user: 2 of 4 people, one a KU
    return edit


def _bid(price: float) -> Edit:
    def edit(s: GameState) -> None:
        s.vendors[ME].bid = {"price": price, "week": 1, "option": "floor"}
        s.touch()
    return edit


# item -> (prepare, switch on, switch off, items that flip with it)
TOGGLES: dict[str, tuple[Edit, Edit, Edit, set[str]]] = {
    "c_process": (lambda s: give(s, "profiled"), *_facts("pursue"), set()),
    "c_procurement": (_noop, *_facts("process_known"), set()),
    "c_org": (_noop, *_facts("org_mapped"), set()),
    "c_decision": (lambda s: give(s, "kdm_met"), *_facts("criteria_known"), set()),
    "c_need": (_noop, _needs(True), _needs(False), set()),
    "c_budget": (_noop, *_facts("el_budget"), set()),
    "c_competitors": (_noop, *_facts("competitors_known"), set()),
    "c_swot": (lambda s: give(s, "competitors_known"), _needs(True), _needs(False),
               {"c_need"}),
    "c_strategy": (lambda s: relate(s, "cio", known_personal=True),
                   lambda s: relate(s, "president", known_position=True),
                   lambda s: relate(s, "president", known_position=False), set()),
    "f_overall": (_noop, lambda s: relate(s, "president", support=0.3),
                  lambda s: relate(s, "president", support=0.0), set()),
    # The deciders' overall ranking weighs the price too, so a cheaper bid lifts both.
    "f_value": (_noop, _bid(200.0), _bid(279.0), {"f_overall"}),
    "f_relationship": (_noop, lambda s: relate(s, "cio", trust=0.5),
                       lambda s: relate(s, "cio", trust=0.0), set()),
    # Already first overall with the president's mild support; W needs far more.
    "w_kdm": (lambda s: relate(s, "president", contact=2, support=0.35),
              lambda s: relate(s, "president", support=0.6),
              lambda s: relate(s, "president", support=0.35), set()),
}


def items(state: GameState) -> dict[str, bool]:
    h = c931_all(state)[ME]
    return {**h["clear"], **h["first"], **h["win"]}


def test_toggle_table_covers_all_thirteen_items():
    assert set(TOGGLES) == {*C_KEYS, *F_KEYS, *W_KEYS}
    assert len(TOGGLES) == 13


@pytest.mark.parametrize("item", list(TOGGLES))
def test_item_toggles_with_the_state_it_reads(item: str):
    prepare, on, off, together = TOGGLES[item]
    state = lab_state()
    prepare(state)
    before = items(state)
    assert before[item] is False
    on(state)
    after = items(state)
    assert after[item] is True
    flipped = {k for k in after if after[k] != before[k]}
    assert flipped == {item} | together
    off(state)
    assert items(state) == before


def test_the_counts_add_up():
    state = lab_state()
    for prepare, on, _off, _ in TOGGLES.values():
        prepare(state)
        on(state)
    h = c931_all(state)[ME]
    assert (h["c"], h["f"], h["w"]) == (9, 3, 1)
    rival = c931_all(state)[RIVAL]
    field = [(rival["c"], rival["f"], rival["w"])]
    assert h["forecast"] == pytest.approx(forecast(9, 3, 1, field), abs=1e-4)
    assert h["forecast"] + rival["forecast"] == pytest.approx(1.0, abs=1e-3)


def test_first_means_ahead_of_every_rival():
    state = lab_state()
    relate(state, "cio", trust=0.5)
    assert items(state)["f_relationship"]
    relate(state, "cio", vid=RIVAL, trust=0.5)
    assert not items(state)["f_relationship"]  # a tie is not first


def test_the_kdm_must_back_us_clearly_more_than_any_rival():
    state = lab_state()
    relate(state, "president", support=0.6, contact=2)
    assert items(state)["w_kdm"]
    relate(state, "president", vid=RIVAL, support=0.5)
    assert not items(state)["w_kdm"]


def test_forecast_rule_of_thumb():
    assert forecast(8, 1, 0) >= 0.6
    assert forecast(8, 0, 0) < 0.6
    assert forecast(0, 0, 0) < 0.1
    assert forecast(9, 3, 1) > 0.9


def test_forecast_grows_with_every_c_f_and_w():
    for c in range(10):
        for f in range(4):
            for w in range(2):
                p = forecast(c, f, w)
                assert 0.0 < p < 1.0
                if c < 9:
                    assert forecast(c + 1, f, w) > p
                if f < 3:
                    assert forecast(c, f + 1, w) > p
                if w < 1:
                    assert forecast(c, f, w + 1) > p


def test_forecast_is_a_share_of_the_field():
    assert forecast(8, 1, 0, [(8, 0, 0)]) > forecast(8, 1, 0, [(8, 0, 0)] * 3)
    assert forecast(8, 1, 0, [(8, 2, 1)]) < 0.5
    assert forecast(5, 0, 0, []) > forecast(5, 0, 0, [(5, 0, 0)])


def test_forecast_of_finished_vendors():
    state = lab_state()
    state.vendors[RIVAL].status = "lost"
    state.vendors[ME].status = "won"
    state.touch()
    h = c931_all(state)
    assert h[RIVAL]["forecast"] == 0.0 and h[ME]["forecast"] == 1.0
    assert not any(h[RIVAL]["first"].values())


def test_health_is_recomputed_each_turn_and_recorded_in_history():
    state = lab_state()
    assert c931(state, ME)["c"] == 0
    give(state, "profiled", "pursue", "el_budget")
    assert c931(state, ME)["c"] == 2
    play(state)
    assert state.history[-1]["health"][ME]["c"] == 2
    assert c931(state, ME) == c931_all(state)[ME]
