"""Insiders bring information, coaches guide (as the training material tells them apart).

A lone insider is sometimes a stage off about a rival; two insiders, or a coach, cross-check.
A vendor knows whom a person favours when that person is its insider or coach, or when it has
a coach anywhere and the person is the KDM or an evaluator. A coach tells what the KDM really
wants, does only so many favours, and only someone who favours us becomes our coach. Neither
ever hands over a rival's bid price or the customer's reserve price.
"""

from __future__ import annotations

from typing import Any

import pytest

from game.core import effects, informants
from game.core.actions import Action
from game.core.checks import check
from game.core.effects import reported_stage
from game.core.informants import COACH_FAVOURS
from game.core.rng import Rng
from game.core.state import GameState
from game.core.views import view

from .conftest import (
    ME,
    RIVAL,
    StubDice,
    at_stage,
    lab_state,
    make_spec,
    play,
    rel,
    relate,
    senior,
    set_week,
    take,
)


def person(state: GameState, pid: str, vid: str = ME) -> dict[str, Any]:
    return next(p for p in view(state, vid, with_log=False)["people"] if p["id"] == pid)


def always(state: GameState) -> Rng:
    return StubDice(state.dice.s, lambda p: p > 0)


def test_a_coach_counts_as_two_informants():
    state = lab_state()
    vi = state.vendors[ME].index
    assert informants.informants(state, vi) == 0
    relate(state, "cio", contact=3)
    assert informants.informants(state, vi) == 1
    relate(state, "nurse", contact=3)
    assert informants.informants(state, vi) == 2
    relate(state, "nurse", contact=2)
    relate(state, "cio", contact=4)
    assert informants.informants(state, vi) == 2
    assert informants.has_coach_anywhere(state, vi)
    assert not informants.has_coach_anywhere(state, state.vendors[RIVAL].index)


@pytest.mark.parametrize(("stage", "coin", "told"), [
    (1, True, 2), (1, False, 2),  # nothing below P1: the error is upward
    (4, True, 5), (4, False, 3),
    (7, True, 6), (7, False, 6),  # nothing above P7
])
def test_a_lone_insider_can_be_a_stage_off(stage: int, coin: bool, told: int):
    state = lab_state()
    rival = state.vendors[RIVAL]
    rival.stage = stage
    calls: list[float] = []

    def outcome(p: float) -> bool:
        calls.append(p)
        return True if len(calls) == 1 else coin  # the report is wrong; which way: the coin

    assert reported_stage(rival, True, StubDice(1, outcome)) == told
    assert calls[0] == pytest.approx(informants.WRONG_REPORT)
    assert reported_stage(rival, True, StubDice(1, lambda p: False)) == stage
    assert reported_stage(rival, False, StubDice(1, lambda p: True)) == stage


def _intel(contacts: dict[str, int]) -> tuple[int, int]:
    """(the rival's stage, what gather_intel reports) with every chance coming up."""
    state = lab_state()
    at_stage(state, 3)
    at_stage(state, 3, RIVAL)
    for pid, level in contacts.items():
        relate(state, pid, contact=level, trust=0.5)
    entry = effects.apply_action(state, state.vendors[ME], Action("gather_intel", "cio"),
                                 always(state))
    return state.vendors[RIVAL].stage, entry["effects"]["intel"]["rivals"][RIVAL]


def test_one_insider_alone_may_be_wrong_about_a_rival():
    real, told = _intel({"cio": 3})
    assert abs(told - real) == 1


@pytest.mark.parametrize("contacts", [{"cio": 3, "nurse": 3}, {"cio": 4}],
                         ids=["two_insiders", "a_coach"])
def test_two_insiders_or_a_coach_cross_check(contacts: dict[str, int]):
    real, told = _intel(contacts)
    assert told == real


def test_weekly_reports_of_a_lone_insider_can_be_wrong_too():
    state = lab_state()
    relate(state, "cio", contact=3, trust=0.5)
    state.dice = always(state)
    report = play(state)
    intel = [e for e in report["entries"] if e.get("kind") == "intel" and e["vendor"] == ME]
    assert intel and all(e["effects"]["stage"] != state.vendors[RIVAL].stage for e in intel)
    relate(state, "nurse", contact=3, trust=0.5)  # a second insider: reports agree
    report = play(state)
    intel = [e for e in report["entries"] if e.get("kind") == "intel" and e["vendor"] == ME]
    assert intel and all(e["effects"]["stage"] == state.vendors[RIVAL].stage for e in intel)


# ---- who knows whose favourite -----------------------------------------------------------

def _not_an_evaluator(d: dict[str, Any]) -> None:
    buyer = next(s for s in d["stakeholders"] if s["id"] == "buyer")
    buyer["participation"] = {"decision": 0.0}


def _favours() -> GameState:
    """Everyone favours the rival clearly; the nurse is undecided."""
    state = lab_state(spec=make_spec(_not_an_evaluator))
    for pid in ("cio", "president", "buyer"):
        relate(state, pid, vid=RIVAL, support=0.6)
    return state


def test_without_insiders_nobody_knows_a_favourite():
    state = _favours()
    relate(state, "cio", contact=2, known_roles=True)
    assert all(p["favourite"] is None for p in view(state, ME, with_log=False)["people"])


def test_an_insider_tells_whom_they_themselves_favour():
    state = _favours()
    relate(state, "cio", contact=3)
    relate(state, "nurse", contact=3)
    assert person(state, "cio")["favourite"] == RIVAL
    assert person(state, "nurse")["favourite"] == ""  # undecided
    assert person(state, "president")["favourite"] is None
    relate(state, "nurse", support=0.5)
    assert person(state, "nurse")["favourite"] == ME


def test_a_coach_tells_whom_the_kdm_and_the_evaluators_favour():
    state = _favours()
    relate(state, "cio", contact=4)
    assert person(state, "president")["favourite"] == RIVAL  # the KDM
    assert person(state, "nurse")["favourite"] == ""  # an evaluator, undecided
    assert person(state, "buyer")["favourite"] is None  # takes no part in the decision


def test_a_favourite_shown_is_the_persons_real_favourite():
    state = _favours()
    relate(state, "cio", contact=4)
    relate(state, "president", support=0.9)
    assert person(state, "president")["favourite"] == ME


# ---- what a coach does -------------------------------------------------------------------

def _coach_state() -> GameState:
    state = lab_state(spec=make_spec(senior("cio")))
    at_stage(state, 4)
    relate(state, "cio", contact=4, trust=0.6, support=0.5)
    return state


def test_a_coach_does_only_so_many_favours():
    state = _coach_state()
    for k in range(COACH_FAVOURS):
        assert person(state, "cio")["favours_left"] == COACH_FAVOURS - k
        assert check(view(state, ME, with_log=False), Action("ask_coach", "cio")) is None
        effects.apply_action(state, state.vendors[ME], Action("ask_coach", "cio"), state.dice)
        set_week(state, state.week + state.people["cio"].gap)  # a manager: not every week
    assert person(state, "cio")["favours_left"] == 0
    assert check(view(state, ME, with_log=False), Action("ask_coach", "cio")) == \
        "why.no_favours"


def test_a_coach_whose_last_favour_went_on_an_introduction_this_week_has_none_for_advice():
    """Both moves pass the view's check with one favour left; the introduction resolves
    first and takes it, so the advice is not given and no favour is owed beyond the last."""
    state = _coach_state()
    relate(state, "cio", favours=COACH_FAVOURS - 1)
    plan = [Action("ask_introduction", "cio"), Action("ask_coach", "cio")]
    vw = view(state, ME, with_log=False)
    if check(vw, plan[0]) is not None or check(vw, plan[1], plan[:1]) is not None:
        pytest.skip("the lab refuses one of the two moves: nothing to settle")
    for a in plan:
        eff = effects.apply_action(state, state.vendors[ME], a, state.dice)["effects"]
    assert rel(state, "cio").favours == COACH_FAVOURS
    assert eff.get("no_favours") is True and "kdm_motives" not in eff


def test_only_a_coach_is_asked_for_advice_and_insiders_have_no_favours():
    state = _coach_state()
    relate(state, "cio", contact=3)
    assert person(state, "cio")["favours_left"] == 0
    assert check(view(state, ME, with_log=False), Action("ask_coach", "cio")) == \
        "why.contact_low"


def test_asking_the_coach_reveals_the_kdm_and_the_real_criteria():
    state = _coach_state()
    relate(state, "president", contact=2, known_roles=False, known_needs=False)
    effects.apply_action(state, state.vendors[ME], Action("ask_coach", "cio"), state.dice)
    state.touch()
    p = person(state, "president")
    assert p["position_motive"] and p["personal_motive"] and p["cares_about"] is not None
    assert "criteria_known" in state.vendors[ME].facts
    assert view(state, ME, with_log=False)["customer"]["criteria"] == state.criteria


def test_neither_insiders_nor_coaches_hand_over_prices():
    """However well informed, a vendor sees no rival bid before the opening and no budget it
    has not verified itself."""
    state = _coach_state()
    relate(state, "nurse", contact=3, trust=0.6)
    take(state, "el_budget")  # what the stage's start gave: we have not verified it here
    state.vendors[RIVAL].bid = {"price": 231.0, "week": 3, "option": "m10"}
    state.touch()
    for kind, pid in (("ask_coach", "cio"), ("gather_intel", "nurse"),
                      ("gather_intel", "cio")):
        effects.apply_action(state, state.vendors[ME], Action(kind, pid), always(state))
        state.touch()
    vw = view(state, ME)
    assert vw["customer"]["budget"] is None
    assert vw["rivals"][0]["bid_price"] is None
    blob = str(vw)
    assert "231" not in blob and "'budget': 300" not in blob


def test_develop_coach_works_only_on_someone_who_favours_us(lucky):
    """The view cannot refuse what it does not know (a person at contact 2 keeps their
    favourite to themselves): the engine then declines to make a rival's backer our coach. It
    judges after the visit, so someone level between us and a rival is won over by it."""
    outcomes = {}
    for rival_support in (0.0, 0.35, 0.8):
        state = lab_state(spec=make_spec(senior("cio")))
        at_stage(state, 4)
        relate(state, "cio", contact=2, trust=0.6, support=0.35, known_roles=True)
        relate(state, "cio", vid=RIVAL, support=rival_support)
        lucky(state)
        assert person(state, "cio")["favourite"] is None
        assert check(view(state, ME, with_log=False), Action("develop_coach", "cio")) is None
        report = play(state, {ME: [Action("develop_coach", "cio")]})
        entry = next(e for e in report["entries"] if e.get("kind") == "develop_coach")
        outcomes[rival_support] = (rel(state, "cio").contact,
                                   entry["effects"].get("declined", False))
    assert outcomes[0.0] == (4, False)  # favours us: now our coach
    assert outcomes[0.35] == (4, False)  # level before: the visit's own gain tips them to us
    assert outcomes[0.8] == (2, True)  # favours the rival


def test_a_favourite_shown_does_not_tell_us_who_decides():
    """The view hides the roles of people we have not placed; a favourite shown only for the
    KDM and the evaluators must not place them for us (it comes with what the coach said
    about them, or not at all)."""
    state = _favours()
    relate(state, "cio", contact=4, known_roles=True)
    for pid in ("president", "buyer", "nurse"):
        relate(state, pid, known_roles=False)
    for p in view(state, ME, with_log=False)["people"]:
        if p["favourite"] is not None and p["contact_level"] < 3:
            assert "roles" in p, f"{p['id']}'s favourite shows they decide, roles unknown"
