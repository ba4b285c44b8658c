"""C931 deal health: each of the 9 C, 3 F and 1 W follows the state it reads, and the
forecast keeps the training material's rule of thumb (8C 1F 0W gives 60% or more).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from game.core import resolve
from game.core.actions import Action
from game.core.checks import check
from game.core.engine import new_game
from game.core.health import C_KEYS, F_CONSENSUS, F_KEYS, W_KEYS, c931, c931_all, forecast
from game.core.ids import C_COACH, C_INSIDER
from game.core.resolve import W_MARGIN, W_MIN
from game.core.rng import Rng
from game.core.state import GameState
from game.core.views import view

from .conftest import (
    ME,
    RIVAL,
    THIRD,
    at_stage,
    give,
    lab_state,
    make_spec,
    play,
    relate,
    take,
    three_vendors,
)

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


def _backers(s: GameState, vid: str = ME, people: tuple[str, ...] = ("president", "cio"),
             **fields: float) -> None:
    for pid in people:
        relate(s, pid, vid=vid, **fields)


# item -> (prepare, switch on, switch off, items that flip with it)
TOGGLES: dict[str, tuple[Edit, Edit, Edit, set[str]]] = {
    "c_process": (lambda s: give(s, "profiled"), *_facts("pursue"), set()),
    "c_procurement": (_noop, *_facts("process_known"), set()),
    "c_org": (_noop, *_facts("org_mapped"), set()),
    # The rival knows the criteria too: our bid's better technical answer only draws level
    # (knowing them lifts the projected score, see test_knowing_the_criteria_...).
    "c_decision": (lambda s: (give(s, "kdm_met"), give(s, "criteria_known", vid=RIVAL)),
                   *_facts("criteria_known"), set()),
    "c_need": (_noop, _needs(True), _needs(False), set()),
    "c_budget": (_noop, *_facts("el_budget"), set()),
    "c_competitors": (_noop, *_facts("competitors_known"), set()),
    "c_swot": (lambda s: give(s, "competitors_known"), _needs(True), _needs(False),
               {"c_need"}),
    "c_strategy": (lambda s: relate(s, "cio", known_personal=True),
                   lambda s: relate(s, "president", known_position=True),
                   lambda s: relate(s, "president", known_position=False), set()),
    # F is what the KDM and the key people holding two thirds of the key people's influence
    # think (president 0.5 + cio 0.4 of 1.2). Backed by both, we are first overall and closest.
    "f_overall": (_noop, lambda s: _backers(s, support=0.3),
                  lambda s: _backers(s, support=0.0), {"f_relationship"}),
    # The deciders' overall ranking weighs the price too, so a cheaper bid lifts both.
    "f_value": (_noop, _bid(200.0), _bid(279.0), {"f_overall"}),
    # Both vendors equally liked by the key people; a deeper contact makes us the closest
    # without changing anyone's scores.
    "f_relationship": (lambda s: (_backers(s, support=0.3, contact=1),
                                  _backers(s, vid=RIVAL, support=0.3, contact=1)),
                       lambda s: _backers(s, contact=2), lambda s: _backers(s, contact=1),
                       set()),
    # The president backs us enough, by enough: W waits only for a relationship.
    "w_kdm": (lambda s: relate(s, "president", contact=1, support=W_MIN + 0.25),
              lambda s: relate(s, "president", contact=2),
              lambda s: relate(s, "president", contact=1), set()),
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
    _backers(state, support=0.3, trust=0.5)
    assert items(state)["f_relationship"]
    _backers(state, vid=RIVAL, support=0.3, trust=0.5)
    assert not items(state)["f_relationship"]  # a tie is not first


def test_trust_without_support_is_not_first_in_relationship():
    state = lab_state()
    _backers(state, support=0.0, trust=0.9, contact=3)
    assert not items(state)["f_relationship"]


@pytest.mark.parametrize(("people", "first"), [
    (("president", "cio"), True),  # the KDM and 0.9 of the key people's 1.2
    (("president", "nurse"), True),  # 0.8: two thirds exactly
    (("president",), False),  # the KDM alone: 0.5, not two thirds
    (("cio", "nurse"), False),  # 0.7 but not the KDM
    (("president", "buyer"), False),  # purchasing is no key person
])
def test_first_takes_the_kdm_and_two_thirds_of_the_key_people(people: tuple[str, ...], first: bool):
    state = lab_state()
    _backers(state, people=people, support=0.3)
    got = items(state)
    assert got["f_overall"] is first and got["f_relationship"] is first
    assert F_CONSENSUS == pytest.approx(2 / 3)  # the number the README and glossary name


def test_value_for_money_is_believed_as_far_as_the_vendor_is_trusted():
    """Equal bids, equal merit: the vendor the key people trust is first on value for money."""
    state = lab_state()
    assert not items(state)["f_value"]
    _backers(state, people=("president", "cio", "nurse"), trust=0.5)
    assert items(state)["f_value"]
    _backers(state, vid=RIVAL, people=("president", "cio", "nurse"), trust=0.5)
    assert not items(state)["f_value"]


def test_the_kdm_must_back_us_clearly_more_than_any_rival():
    state = lab_state()
    relate(state, "president", support=0.6, contact=2)
    assert items(state)["w_kdm"]
    relate(state, "president", vid=RIVAL, support=0.6 - W_MARGIN + 0.01)
    assert not items(state)["w_kdm"]
    relate(state, "president", vid=RIVAL, support=0.6 - W_MARGIN - 0.01)
    assert items(state)["w_kdm"]


def test_knowing_the_real_criteria_lifts_the_projected_score():
    """What C931's "first" items read: a bid written to the real criteria scores higher."""
    state = lab_state()
    before = resolve.projected_scores(state)[ME]
    give(state, "criteria_known")
    after = resolve.projected_scores(state)[ME]
    assert after[0] > before[0] and after[1] > before[1]


# ---- W is the KDM's choice ---------------------------------------------------------------

@pytest.mark.parametrize(("support", "contact", "w"), [
    (W_MIN, 2, True),
    (W_MIN - 0.01, 2, False),  # backs nobody enough, however far ahead we are
    (0.9, 1, False),  # no relationship: the KDM's favour is not acted on for us
    (0.9, 3, True),
])
def test_w_needs_support_a_margin_and_a_relationship(support: float, contact: int, w: bool):
    state = lab_state()
    relate(state, "president", support=support, contact=contact)
    assert items(state)["w_kdm"] is w


def test_a_rival_out_of_the_race_does_not_stand_in_the_way():
    state = lab_state(spec=make_spec(three_vendors))
    relate(state, "president", support=0.5, contact=2)
    relate(state, "president", vid=THIRD, support=0.6)
    assert not items(state)["w_kdm"]
    state.vendors[THIRD].status = "lost"
    state.touch()
    assert items(state)["w_kdm"]


def test_w_is_whom_the_kdm_would_back_in_the_tender():
    """Health's W and the KDM's choice at the award read the same rule."""
    rng = Rng(17)
    agreed = backed = 0
    for _ in range(300):
        state = lab_state(spec=make_spec(three_vendors))
        for vid in (ME, RIVAL, THIRD):
            relate(state, "president", vid=vid, support=rng.uniform(-0.2, 0.9),
                   contact=rng.randint(4))
        racing = [state.vendors[v].index for v in (ME, RIVAL, THIRD)]
        choice = resolve.kdm_choice(state, racing)
        h = c931_all(state)
        for vid in (ME, RIVAL, THIRD):
            assert (h[vid]["w"] == 1) == (choice == state.vendors[vid].index), vid
        agreed += 1
        backed += choice >= 0
    assert agreed == 300 and 30 < backed < 270


def test_the_kdm_is_nobodys_coach_in_a_scenario():
    def coach(d):
        d["vendors"][1]["relations"] = {
            "president": {"support": 0.3, "trust": 0.5, "contact": "coach"},
            "cio": {"support": 0.3, "trust": 0.5, "contact": "coach"}}
    state = new_game(make_spec(coach), 1)
    assert state.relations[RIVAL]["president"].contact == C_INSIDER
    assert state.relations[RIVAL]["cio"].contact == C_COACH


def test_the_kdm_never_becomes_a_coach_even_when_we_do_not_know_who_decides(lucky):
    """The view refuses to coach a known KDM (why.kdm_not_coach); a vendor that has not yet
    learned the president's role must not make them a coach either."""
    state = lab_state()
    at_stage(state, 4)
    relate(state, "president", contact=2, trust=0.6, support=0.5, introduced=True,
           known_roles=False)
    lucky(state)
    a = Action("develop_coach", "president")
    if check(view(state, ME, with_log=False), a) is None:
        play(state, {ME: [a]})
    assert state.relations[ME]["president"].contact < C_COACH


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
