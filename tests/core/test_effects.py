"""The generic effect model: diminishing returns, and what makes an action land harder
(a discovered motive, the right stage, the person's traits and presence, product fit), plus
the rep's qualification of the five elements.

These call `effects.apply_action` directly on twin states with the same RNG state, so any
difference in outcome comes from the one thing the test changed.
"""

from __future__ import annotations

import pytest

from game.core import effects
from game.core.actions import CATALOG, Action
from game.core.state import GameState, Relation

from .conftest import (
    ME,
    RIVAL,
    THIRD,
    StubDice,
    at_stage,
    give,
    lab_state,
    make_spec,
    rel,
    relate,
    three_vendors,
)


def gain(state: GameState, a: Action) -> float:
    before = rel(state, a.target).support
    effects.apply_action(state, state.vendors[ME], a, state.dice)
    return rel(state, a.target).support - before


@pytest.mark.parametrize("start", [-0.9, -0.3, 0.0, 0.4, 0.95])
def test_support_moves_with_diminishing_returns_and_stays_in_range(start: float):
    up, down = Relation(support=start), Relation(support=start)
    effects.nudge_support(up, 0.5)
    effects.nudge_support(down, -0.5)
    assert start < up.support <= 1.0 and -1.0 <= down.support < start
    far = Relation(support=0.9)
    near = Relation(support=0.0)
    assert effects.nudge_support(far, 0.1) < effects.nudge_support(near, 0.1)


def test_trust_stays_between_zero_and_one():
    r = Relation(trust=0.95)
    effects.nudge_trust(r, 0.5)
    assert 0.95 < r.trust <= 1.0
    r = Relation(trust=0.05)
    effects.nudge_trust(r, -0.5)
    assert r.trust == 0.0


def test_motive_multiplier():
    state = lab_state()
    p = state.people["buyer"]  # personal motive: relationship
    d = CATALOG["entertain"]
    assert effects.motive_mult(d, p, Relation()) == (effects.MOTIVE_LUCKY, "personal")
    assert effects.motive_mult(d, p, Relation(known_personal=True)) == \
        (effects.MOTIVE_FOUND, "personal")
    assert effects.motive_mult(CATALOG["demo"], p, Relation(known_personal=True))[0] == 1.0


def test_person_fit_weighs_what_the_person_cares_about():
    state = lab_state()
    assert effects.person_fit(state, state.vendors[ME], state.people["cio"]) == pytest.approx(0.7)
    assert effects.person_fit(state, state.vendors[ME], state.people["buyer"]) == pytest.approx(0.5)


def _twins(**kw) -> tuple[GameState, GameState]:
    spec = kw.pop("spec", None)
    a, b = lab_state(7, spec), lab_state(7, spec)
    for s in (a, b):
        relate(s, "cio", contact=1, trust=0.3)
    return a, b


def test_the_right_stage_makes_an_action_land_harder():
    a, b = _twins()
    at_stage(a, 2)  # visit's best stages are P2..P4
    at_stage(b, 6)
    ga, gb = gain(a, Action("visit", "cio")), gain(b, Action("visit", "cio"))
    assert ga / gb == pytest.approx(1.15 / 0.85, rel=1e-6)


def test_a_known_motive_makes_an_addressing_action_land_harder():
    a, b = _twins()
    relate(b, "cio", known_position=True)  # risk: a risk workshop addresses it
    for s in (a, b):
        at_stage(s, 4)
        relate(s, "cio", contact=2)
    ga = gain(a, Action("risk_workshop", "cio"))
    gb = gain(b, Action("risk_workshop", "cio"))
    assert gb / ga == pytest.approx(effects.MOTIVE_FOUND / effects.MOTIVE_LUCKY, rel=1e-6)


def test_someone_absent_from_this_phase_is_hard_to_move():
    def absent(d):
        d["stakeholders"][0]["participation"]["early"] = 0.0
    here, away = lab_state(7), lab_state(7, make_spec(absent))
    for s in (here, away):
        relate(s, "cio", contact=1, trust=0.3)
    assert gain(away, Action("visit", "cio")) < 0.6 * gain(here, Action("visit", "cio"))


def test_traits_change_how_an_action_lands():
    def relational(d):
        d["stakeholders"][0]["traits"] = ["relational"]
    plain = lab_state(7, make_spec(lambda d: d["stakeholders"][0].update(traits=[])))
    warm = lab_state(7, make_spec(relational))
    for s in (plain, warm):
        relate(s, "cio", contact=1, trust=0.3)
    assert gain(warm, Action("entertain", "cio")) > gain(plain, Action("entertain", "cio"))


def test_a_better_fitting_product_demos_better():
    def weak(d):
        d["vendors"][0]["fit"] = {"integration": 0.1, "price": 0.1}
    good, poor = lab_state(7), lab_state(7, make_spec(weak))
    for s in (good, poor):
        at_stage(s, 3)
        relate(s, "cio", contact=1, trust=0.3)
    assert gain(good, Action("demo", "cio")) > 2 * gain(poor, Action("demo", "cio"))


def test_trust_opens_the_next_contact_level(lucky):
    state = lab_state()
    lucky(state)
    relate(state, "cio", contact=1, trust=0.1)  # a visit needs trust 0.3 to get closer
    effects.apply_action(state, state.vendors[ME], Action("visit", "cio"), state.dice)
    assert rel(state, "cio").contact == 1
    relate(state, "cio", trust=0.35)
    effects.apply_action(state, state.vendors[ME], Action("visit", "cio"), state.dice)
    assert rel(state, "cio").contact == 2


@pytest.mark.parametrize(("setup", "element"), [
    ({"nurse": {"contact": 1}}, "el_lead"),
    ({"cio": {"known_needs": True}}, "el_need"),
    ({"cio": {"known_needs": True}}, "el_fit"),
    ({"buyer": {"contact": 2}}, "el_budget"),
    ({"buyer": {"contact": 1}}, "el_timeline"),
])
def test_qualify_verifies_each_element_from_what_is_known(setup, element: str):
    state = lab_state()
    at_stage(state, 2)
    v = state.vendors[ME]
    assert element not in effects.qualify(state, v)
    for pid, fields in setup.items():
        relate(state, pid, **fields)
    assert element in effects.qualify(state, v)
    assert element in v.facts


def test_qualify_rejects_a_poor_fit():
    def weak(d):
        d["vendors"][0]["fit"] = {"integration": 0.3, "price": 0.3}
    state = lab_state(spec=make_spec(weak))
    relate(state, "cio", known_needs=True)
    found = effects.qualify(state, state.vendors[ME])
    assert "el_need" in found and "el_fit" not in found


def test_a_bid_never_goes_below_the_floor_price():
    state = lab_state()
    v = state.vendors[ME]
    effects.apply_action(state, v, Action("submit_bid", None, "m20"), state.dice)
    assert v.bid["price"] == 224.0  # 280 * 0.8
    effects.apply_action(state, v, Action("submit_bid", None, "floor"), state.dice)
    assert v.bid["price"] == 220.0


# ---- joint moves, smears and the executive's confirmation ---------------------------------

def test_a_joint_move_lands_joint_premium_times_harder():
    """The rep's visit and the rep and presales' joint visit on someone neither move's
    motives or traits touch, from the same state and dice: their gains differ by the
    catalogue's numbers and the premium alone."""
    gains = {}
    for kind in ("visit", "joint_visit"):
        state = lab_state(7)
        at_stage(state, 2)
        relate(state, "buyer", contact=1, trust=0.3)
        before = rel(state, "buyer").support
        effects.apply_action(state, state.vendors[ME], Action(kind, "buyer"), state.dice)
        gains[kind] = rel(state, "buyer").support - before
    assert state.people["buyer"].traits == []
    want = CATALOG["joint_visit"].support * effects.JOINT_PREMIUM / CATALOG["visit"].support
    assert gains["joint_visit"] / gains["visit"] == pytest.approx(want, rel=1e-9)
    assert effects.JOINT_PREMIUM > 1


def _smear(outcome: bool, vid_defended: bool = False, skeptic: bool = False,
           third: bool = False) -> tuple[GameState, dict, list[float]]:
    """ME speaks ill, to the IT head, of the rival the IT head favours; the chance comes out
    `outcome` and is recorded."""
    def edit(d):
        if skeptic:
            d["stakeholders"][0]["traits"] = ["skeptical"]
        if third:
            three_vendors(d)
    state = lab_state(3, make_spec(edit))
    at_stage(state, 4)
    relate(state, "cio", contact=2, trust=0.5, support=0.3)
    relate(state, "cio", vid=RIVAL, support=0.4)
    if third:
        relate(state, "cio", vid=THIRD, support=0.2)
    if vid_defended:
        give(state, "bid_defended", vid=RIVAL)
    seen: list[float] = []
    dice = StubDice(state.dice.s, lambda p: seen.append(p) or outcome)
    entry = effects.apply_action(state, state.vendors[ME], Action("discredit_rival", "cio"),
                                 dice)
    return state, entry["effects"], seen


def test_discrediting_the_favourite_rival_can_cost_it_support():
    state, eff, _ = _smear(True, third=True)
    assert eff["discredited"] == RIVAL
    assert rel(state, "cio", RIVAL).support == pytest.approx(0.4 - effects.DISCREDIT)
    assert eff["rival_support"] == pytest.approx(-effects.DISCREDIT)
    assert rel(state, "cio", THIRD).support == 0.2  # only the one they favour
    assert rel(state, "cio").support == 0.3 and rel(state, "cio").trust == 0.5


def test_discrediting_a_rival_can_backfire_on_us():
    state, eff, _ = _smear(False)
    assert eff["backfired"] == RIVAL
    assert rel(state, "cio").support == pytest.approx(0.3 - effects.DISCREDIT)
    assert rel(state, "cio").trust < 0.5
    assert rel(state, "cio", RIVAL).support == 0.4


def test_skeptics_and_a_defended_bid_make_a_smear_riskier():
    plain = _smear(True)[2][-1]
    skeptic = _smear(True, skeptic=True)[2][-1]
    defended = _smear(True, vid_defended=True)[2][-1]
    both = _smear(True, skeptic=True, vid_defended=True)[2][-1]
    assert 0 < both < min(skeptic, defended) <= max(skeptic, defended) < plain < 1


def _confirm(edit=None, week: int | None = None, **contacts: int) -> tuple[GameState, dict]:
    state = lab_state(spec=make_spec(edit) if edit else None)
    at_stage(state, 3)
    if week is not None:
        state.week = week
        state.touch()
    for pid, level in contacts.items():
        relate(state, pid, contact=level, introduced=True)
    entry = effects.apply_action(state, state.vendors[ME], Action("confirm_opportunity"),
                                 state.dice)
    return state, entry["effects"]


def test_the_budget_is_confirmed_with_whoever_holds_it():
    state, eff = _confirm(buyer=1)  # purchasing knows the timeline, not the money
    assert eff == {"verified": ["el_timeline"], "not_confirmed": "no_budget_holder"}
    assert "exec_confirmed" not in state.vendors[ME].facts
    state, eff = _confirm(buyer=1, president=1)  # the KDM holds it here
    assert eff == {"verified": ["el_timeline", "el_budget"]}
    assert {"el_budget", "exec_confirmed"} <= state.vendors[ME].facts

    def holder(d):
        d["stakeholders"][2]["roles"] = ["purchaser", "budget_holder"]
    state, eff = _confirm(holder, buyer=1)
    assert eff == {"verified": ["el_timeline", "el_budget"]}


def test_a_budget_not_yet_approved_cannot_be_confirmed():
    def later(d):
        d["customer"]["budget_approved_week"] = 5
    state, eff = _confirm(later, week=4, president=1)
    assert eff["not_confirmed"] == "budget_unapproved"
    assert "el_budget" not in state.vendors[ME].facts
    state, eff = _confirm(later, week=5, president=1)
    assert "el_budget" in eff["verified"] and "not_confirmed" not in eff


def test_the_reps_qualifying_pass_finds_no_budget_before_its_approval():
    def later(d):
        d["customer"]["budget_approved_week"] = 5
    state = lab_state(spec=make_spec(later))
    at_stage(state, 2)
    relate(state, "buyer", contact=2)
    assert "el_budget" not in effects.qualify(state, state.vendors[ME])
    state.week = 5
    state.touch()
    assert "el_budget" in effects.qualify(state, state.vendors[ME])


def test_the_kdm_tells_what_they_want_personally_only_to_a_vendor_they_trust():
    from game.core.effects import KDM_CONFIDE

    told = []
    for trust in (KDM_CONFIDE - 0.2, KDM_CONFIDE + 0.05):
        state = lab_state()
        at_stage(state, 4)
        relate(state, "president", contact=2, trust=trust, introduced=True, known_roles=True)
        state.dice = StubDice(state.dice.s, lambda p: True)  # every chance comes up
        effects.apply_action(state, state.vendors[ME], Action("exec_visit", "president"),
                             state.dice)
        told.append(rel(state, "president").known_personal)
    assert told == [False, True]


def test_a_coach_speaks_for_us_to_the_kdm():
    from game.core.effects import COACH_SPEAKS

    state = lab_state()
    at_stage(state, 4)
    relate(state, "cio", contact=4, trust=0.7, support=0.5)
    relate(state, "president", support=0.0, known_personal=False)
    effects.apply_action(state, state.vendors[ME], Action("ask_coach", "cio"), state.dice)
    r = rel(state, "president")
    assert r.known_personal and r.support == pytest.approx(COACH_SPEAKS)


def test_a_meeting_without_enough_trust_still_leaves_them_met(lucky):
    """A sponsor visit to someone we have never met: too little trust for a relationship yet,
    but they know us now (contact "met"), and a later visit with trust can build on it."""
    state = lab_state()
    lucky(state)
    relate(state, "president", contact=0, trust=0.0)
    effects.apply_action(state, state.vendors[ME], Action("sponsor_visit", "president"),
                         state.dice)
    assert rel(state, "president").contact == 1
    relate(state, "president", trust=0.35)
    effects.apply_action(state, state.vendors[ME], Action("sponsor_visit", "president"),
                         state.dice)
    assert rel(state, "president").contact == 2
