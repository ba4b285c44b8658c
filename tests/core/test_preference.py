"""Contested preference: winning someone over comes partly at the expense of the vendor they
lean to, trust is not contested, and each person has a favourite when one vendor leads.
"""

from __future__ import annotations

import pytest

from game.core import effects, preference
from game.core.actions import CATALOG, Action
from game.core.preference import CONTEST, FAV_LEAD, FAV_MIN, UNDECIDED
from game.core.state import GameState

from .conftest import (
    ME,
    RIVAL,
    THIRD,
    at_stage,
    lab_state,
    make_spec,
    rel,
    relate,
    three_vendors,
)


def three() -> GameState:
    return lab_state(3, make_spec(three_vendors))


def court(state: GameState, vid: str, pid: str, delta: float) -> float:
    return preference.court(state, state.vendors[vid], state.people[pid].index, delta)


def test_a_gain_costs_the_other_vendors_contest_times_as_much_by_their_support():
    state = three()
    relate(state, "cio", support=0.2)
    relate(state, "cio", vid=RIVAL, support=0.5)
    relate(state, "cio", vid=THIRD, support=0.3)
    gain = court(state, ME, "cio", 0.1)
    assert gain == pytest.approx(0.1 * (1 - 0.2))
    # The others lose CONTEST x our gain in all, shared by the support each has (a loss is
    # not damped while support is > 0): the favourite loses most.
    lost_rival = 0.5 - rel(state, "cio", RIVAL).support
    lost_third = 0.3 - rel(state, "cio", THIRD).support
    assert lost_rival + lost_third == pytest.approx(CONTEST * gain)
    assert lost_rival == pytest.approx(CONTEST * gain * 0.5 / 0.8)
    assert lost_third == pytest.approx(CONTEST * gain * 0.3 / 0.8)


def test_a_vendor_behind_us_pays_its_share_too():
    state = three()
    relate(state, "cio", support=0.6)
    relate(state, "cio", vid=RIVAL, support=0.1)
    relate(state, "cio", vid=THIRD, support=0.3)
    gain = court(state, ME, "cio", 0.1)
    assert rel(state, "cio", THIRD).support == pytest.approx(0.3 - CONTEST * gain * 0.3 / 0.4)
    assert rel(state, "cio", RIVAL).support == pytest.approx(0.1 - CONTEST * gain * 0.1 / 0.4)


@pytest.mark.parametrize("rival_support", [0.0, -0.2])
def test_nothing_is_taken_from_a_vendor_without_support(rival_support: float):
    state = lab_state()
    relate(state, "cio", vid=RIVAL, support=rival_support)
    assert court(state, ME, "cio", 0.2) > 0
    assert rel(state, "cio", RIVAL).support == rival_support


def test_a_loss_costs_nobody_else():
    state = lab_state()
    relate(state, "cio", support=0.4)
    relate(state, "cio", vid=RIVAL, support=0.4)
    assert court(state, ME, "cio", -0.1) < 0
    assert rel(state, "cio", RIVAL).support == 0.4


def test_vendors_out_of_the_race_are_not_contested():
    state = three()
    relate(state, "cio", vid=RIVAL, support=0.5)
    relate(state, "cio", vid=THIRD, support=0.3)
    state.vendors[RIVAL].status = "lost"
    state.touch()
    assert preference.best_other(state, state.vendors[ME].index,
                                 state.people["cio"].index) == state.vendors[THIRD].index
    gain = court(state, ME, "cio", 0.1)
    assert rel(state, "cio", RIVAL).support == 0.5
    assert rel(state, "cio", THIRD).support == pytest.approx(0.3 - CONTEST * gain)


def test_an_action_contests_support_but_not_trust():
    state = lab_state(5)
    at_stage(state, 2)
    relate(state, "cio", contact=1, trust=0.3)
    relate(state, "cio", vid=RIVAL, contact=2, support=0.4, trust=0.5)
    entry = effects.apply_action(state, state.vendors[ME], Action("visit", "cio"), state.dice)
    gain = entry["effects"]["support"]
    assert gain > 0 and entry["effects"]["trust"] > 0
    assert rel(state, "cio", RIVAL).support == pytest.approx(0.4 - CONTEST * gain, abs=1e-4)
    assert rel(state, "cio", RIVAL).trust == 0.5


def test_our_gain_does_not_depend_on_whom_we_take_it_from():
    gains = []
    for rival_support in (0.0, 0.6):
        state = lab_state(5)
        at_stage(state, 2)
        relate(state, "cio", contact=1, trust=0.3)
        relate(state, "cio", vid=RIVAL, support=rival_support)
        gains.append(effects.apply_action(state, state.vendors[ME], Action("visit", "cio"),
                                          state.dice)["effects"]["support"])
    assert gains[0] == gains[1]


# ---- favourites --------------------------------------------------------------------------

@pytest.mark.parametrize(("mine", "theirs", "fav"), [
    (FAV_MIN, FAV_MIN - FAV_LEAD, ME),  # just enough support and just far enough ahead
    (FAV_MIN - 0.01, -0.5, None),  # clearly ahead, but hardly supported at all
    (0.6, 0.6 - FAV_LEAD + 0.01, None),  # a close race: undecided
    (0.6, 0.6, None),
    (0.1, 0.5, RIVAL),
    (-0.3, -0.2, None),
])
def test_a_favourite_needs_support_and_a_lead(mine: float, theirs: float, fav: str | None):
    state = lab_state()
    relate(state, "cio", support=mine)
    relate(state, "cio", vid=RIVAL, support=theirs)
    got = preference.favourite(state, state.people["cio"].index)
    want = UNDECIDED if fav is None else state.vendors[fav].index
    assert got == want


def test_a_vendor_out_of_the_race_is_nobodys_favourite():
    state = lab_state()
    relate(state, "cio", vid=RIVAL, support=0.8)
    relate(state, "cio", support=0.3)
    state.vendors[RIVAL].status = "lost"
    state.touch()
    assert preference.favourite(state, state.people["cio"].index) == state.vendors[ME].index


def test_the_threshold_constants_are_sensible():
    assert 0 < CONTEST < 1  # a gain costs the leader less than it gives us
    assert 0 < FAV_LEAD < FAV_MIN < 1


# ---- reaching out to a rival's backer (004: 主动示好) --------------------------------------

def _reach_out_gain(rival_support: float) -> float:
    state = lab_state(9)
    at_stage(state, 4)
    relate(state, "buyer", contact=1, trust=0.3, support=0.1)
    relate(state, "buyer", vid=RIVAL, support=rival_support)
    entry = effects.apply_action(state, state.vendors[ME], Action("reach_out", "buyer"),
                                 state.dice)
    return entry["effects"]["support"]


def test_reaching_out_to_someone_who_favours_a_rival_lands_harder():
    neutral = _reach_out_gain(0.1)  # the rival is level with us: no bonus
    backer = _reach_out_gain(0.6)
    assert backer == pytest.approx(1.5 * neutral, rel=1e-3)
    assert CATALOG["reach_out"].special == "reach_out"


# ---- the KDM: guarded, and choosing ---------------------------------------------------------

def test_a_kdm_backs_no_vendor_past_the_guard_until_it_knows_what_they_want_personally():
    state = three()
    relate(state, "president", support=preference.KDM_GUARDED - 0.05, known_personal=False)
    for _ in range(5):
        court(state, ME, "president", 0.5)
    assert preference.KDM_GUARDED - 0.05 < rel(state, "president").support \
        <= preference.KDM_GUARDED
    relate(state, "president", support=preference.KDM_GUARDED)
    assert court(state, ME, "president", 0.5) == 0.0  # at the guard: nothing more
    relate(state, "president", known_personal=True)
    assert court(state, ME, "president", 0.1) > 0.0
    assert rel(state, "president").support > preference.KDM_GUARDED


def test_the_guard_is_the_kdms_alone():
    state = three()
    relate(state, "cio", support=preference.KDM_GUARDED, known_personal=False)
    assert court(state, ME, "cio", 0.1) > 0.0


def test_what_one_vendor_gains_with_the_kdm_the_others_lose_in_full():
    state = three()
    relate(state, "president", support=0.2, known_personal=True)
    relate(state, "president", vid=RIVAL, support=0.3)
    relate(state, "president", vid=THIRD, support=0.1)
    gain = court(state, ME, "president", 0.1)
    lost = (0.3 - rel(state, "president", RIVAL).support) + \
        (0.1 - rel(state, "president", THIRD).support)
    assert lost == pytest.approx(preference.KDM_CONTEST * gain)
    assert preference.KDM_CONTEST > CONTEST


def _committed_to_rival(state: GameState, contact: int = 2) -> None:
    state.vendors[RIVAL].stage = preference.COMMIT_STAGE
    relate(state, "president", support=0.1, known_personal=True)
    relate(state, "president", vid=RIVAL, support=0.1 + preference.W_MARGIN + 0.05,
           contact=contact, known_personal=True)
    relate(state, "president", vid=THIRD, support=0.0)


def test_the_kdm_has_chosen_a_vendor_only_as_w_defines_it():
    state = three()
    kdm = state.people["president"].index
    _committed_to_rival(state)
    assert preference.chosen(state, kdm) == state.vendors[RIVAL].index
    _committed_to_rival(state, contact=1)  # no relationship yet: not chosen
    assert preference.chosen(state, kdm) == -1
    _committed_to_rival(state)
    relate(state, "president", support=0.1 + 0.06)  # we are within W_MARGIN: not chosen
    assert preference.chosen(state, kdm) == -1
    relate(state, "president", support=0.0)
    relate(state, "president", vid=RIVAL, support=preference.W_MIN - 0.01)
    assert preference.chosen(state, kdm) == -1  # too little support to have chosen
    _committed_to_rival(state)
    state.vendors[RIVAL].stage = preference.COMMIT_STAGE - 1
    assert preference.chosen(state, kdm) == -1  # not yet recognised: not committed to


def test_a_kdm_who_has_chosen_a_rival_moves_toward_us_at_the_committed_rate():
    free = three()
    relate(free, "president", support=0.1, known_personal=True)
    relate(free, "president", vid=RIVAL, support=0.15, contact=2)
    free.vendors[RIVAL].stage = preference.COMMIT_STAGE
    relate(free, "president", vid=THIRD, support=0.0)
    open_gain = court(free, ME, "president", 0.1)
    committed = three()
    _committed_to_rival(committed)
    gain = court(committed, ME, "president", 0.1)
    assert gain == pytest.approx(preference.KDM_COMMITTED * open_gain)
    # the chosen vendor itself is not slowed, and other people are not committed
    assert court(committed, RIVAL, "president", 0.1) == pytest.approx(
        0.1 * (1 - rel(committed, "president", RIVAL).support), rel=0.2)
    relate(committed, "cio", support=0.1)
    relate(committed, "cio", vid=RIVAL, support=0.5, contact=2)
    assert court(committed, ME, "cio", 0.1) == pytest.approx(0.1 * 0.9)
