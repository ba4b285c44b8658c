"""Access, not money, is the scarce thing: people see a vendor only every so many weeks, the
same move twice running lands half as hard, the KDM moves little early on, and the KDM needs
an introduction (a coach, an insider, or the executive's joint visit opening the door).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from game.core import effects
from game.core.actions import Action
from game.core.checks import check, check_plan, enabled_moves, legal_actions
from game.core.effects import INTRO_COACH, REPEAT, kdm_phase
from game.core.ids import PHASES
from game.core.informants import COACH_FAVOURS
from game.core.state import NEVER, GameState
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
    top_manager,
    week_in,
)


def person(state: GameState, pid: str, vid: str = ME) -> dict[str, Any]:
    return next(p for p in view(state, vid, with_log=False)["people"] if p["id"] == pid)


def availability(pid: str, weeks: int) -> Callable[[dict[str, Any]], None]:
    def edit(d: dict[str, Any]) -> None:
        next(s for s in d["stakeholders"] if s["id"] == pid)["availability"] = weeks
    return edit


# ---- how often a person sees us ----------------------------------------------------------

def test_default_gaps_kdm_top_management_and_everyone_else():
    """The KDM every third week, senior people who approve, hold the budget or decide every
    other week, everyone else (a senior influencer too) every week."""
    state = lab_state(spec=make_spec(lambda d: (senior("cio")(d), top_manager("buyer")(d))))
    gaps = {pid: p.gap for pid, p in state.people.items()}
    assert gaps == {"president": 3, "cio": 1, "buyer": 2, "nurse": 1}
    for pid, gap in gaps.items():
        p = person(state, pid)
        assert p["availability"] == gap
        assert p["met_week"] == NEVER and p["free_week"] <= 1
        assert p["last_move"] is None


def test_the_scenario_sets_a_persons_availability():
    state = lab_state(spec=make_spec(lambda d: (availability("buyer", 4)(d),
                                                availability("president", 1)(d))))
    assert state.people["buyer"].gap == 4 and state.people["buyer"].availability == 4
    assert state.people["president"].gap == 1
    assert state.people["cio"].availability is None  # the default, not a number authored


@pytest.mark.parametrize("gap", [1, 2, 4])
def test_a_person_is_free_again_gap_weeks_after_a_meeting(gap: int):
    state = lab_state(spec=make_spec(availability("buyer", gap)))
    relate(state, "buyer", contact=1, trust=0.2)
    visit = Action("visit", "buyer")
    met = state.week
    play(state, {ME: [visit]})
    p = person(state, "buyer")
    assert (p["met_week"], p["free_week"], p["last_move"]) == (met, met + gap, "visit")
    while state.week < met + gap:
        assert check(view(state, ME, with_log=False), visit) == "why.unavailable"
        assert check(view(state, ME, with_log=False), Action("entertain", "buyer")) == \
            "why.unavailable"
        play(state)
    assert check(view(state, ME, with_log=False), visit) is None


def test_a_person_is_busy_for_us_only():
    state = lab_state(spec=make_spec(availability("buyer", 3)))
    for vid in (ME, RIVAL):
        relate(state, "buyer", vid=vid, contact=1, trust=0.2)
    play(state, {ME: [Action("visit", "buyer")]})
    assert check(view(state, RIVAL, with_log=False), Action("visit", "buyer")) is None


def test_a_senior_person_is_met_once_in_a_weeks_plan():
    state = lab_state(spec=make_spec(top_manager("cio")))
    at_stage(state, 3)
    relate(state, "cio", contact=2, trust=0.5)
    vw = view(state, ME, with_log=False)
    first = Action("visit", "cio")
    assert check(vw, Action("needs_research", "cio"), [first]) == "why.unavailable"
    assert check_plan(vw, [first, Action("needs_research", "cio")]) == (1, "why.unavailable")
    assert all(target != "cio" for _, target in enabled_moves(vw, [first]))
    # Anyone else may see several of us in one week.
    relate(state, "nurse", contact=2, trust=0.5)
    vw = view(state, ME, with_log=False)
    assert check(vw, Action("needs_research", "nurse"), [Action("visit", "nurse")]) is None


def test_the_same_move_twice_running_lands_half_as_hard():
    gains = {}
    for last in ("visit", "entertain", None):
        state = lab_state(4)
        at_stage(state, 2)
        relate(state, "cio", contact=1, trust=0.3,
               last_kind=-1 if last is None else _kind(last))
        before = rel(state, "cio").support
        effects.apply_action(state, state.vendors[ME], Action("visit", "cio"), state.dice)
        gains[last] = rel(state, "cio").support - before
    assert gains["visit"] == pytest.approx(REPEAT * gains[None], rel=1e-9)
    assert gains["entertain"] == pytest.approx(gains[None], rel=1e-9)  # another move between


def test_a_repeat_is_counted_through_the_engine():
    state = lab_state(4)
    relate(state, "buyer", contact=1, trust=0.2)
    play(state, {ME: [Action("visit", "buyer")]})
    assert rel(state, "buyer").last_kind == _kind("visit")
    assert person(state, "buyer")["last_move"] == "visit"


def _kind(name: str) -> int:
    from game.core.ids import KIND_ID

    return KIND_ID[name]


@pytest.mark.parametrize("phase", ["early", "solution", "tender", "decision"])
def test_a_kdm_meeting_moves_the_kdm_by_phase(phase: str):
    """The same meeting with the same person, once as the KDM and once not: the only
    difference is the phase factor."""
    gains = []
    for kdm in (True, False):
        spec = None if kdm else make_spec(
            lambda d: next(s for s in d["stakeholders"] if s["id"] == "president")
            .update(key=[]))
        state = lab_state(6, spec)
        at_stage(state, 4)
        set_week(state, week_in(state, phase))
        relate(state, "president", contact=2, trust=0.4, introduced=True, known_roles=True)
        before = rel(state, "president").support
        effects.apply_action(state, state.vendors[ME], Action("hq_visit", "president"),
                             state.dice)
        gains.append(rel(state, "president").support - before)
    assert gains[0] == pytest.approx(kdm_phase(PHASES.index(phase)) * gains[1], rel=1e-9)


def test_the_kdm_is_won_while_the_solution_is_shaped():
    """Little early, most before the tender is issued, less after, least at the decision
    (004: win the KDM before the tender)."""
    early, solution, tender, decision = (kdm_phase(i) for i in range(4))
    assert 0 < early < solution
    assert solution > tender > decision > 0


# ---- introductions -----------------------------------------------------------------------

def test_a_kdm_we_know_of_but_were_never_introduced_to_refuses_all_but_the_sponsor_visit():
    state = lab_state()
    at_stage(state, 4)
    # Met once (say at a conference), never introduced: the door is still shut.
    relate(state, "president", known_roles=True, contact=2, trust=0.3, introduced=False)
    vw = view(state, ME, with_log=False)
    assert person(state, "president")["needs_introduction"]
    refused = {o.action.kind: o.reason for o in legal_actions(vw)
               if o.action.target == "president"}
    allowed = {k for k, why in refused.items() if why is None}
    assert allowed == {"sponsor_visit"}
    for kind in ("exec_visit", "hq_visit", "visit", "entertain", "tech_exchange", "demo"):
        assert refused[kind] == "why.needs_introduction", kind
    targets = {(d.id, t) for d, t in enabled_moves(vw) if t == "president"}
    assert targets == {("sponsor_visit", "president")}


def test_the_kdm_is_not_moved_without_an_introduction_even_before_we_know_who_decides():
    """The door is the KDM's, not the view's: a vendor that has not learned who decides (so
    its view cannot say the president needs an introduction) must not reach the KDM by the
    executive's visit alone either."""
    state = lab_state()
    at_stage(state, 4)
    set_week(state, week_in(state, "tender"))
    assert not rel(state, "president").known_roles and not rel(state, "president").introduced
    a = Action("exec_visit", "president")
    if check(view(state, ME, with_log=False), a) is None:
        report = play(state, {ME: [a]})
        entry = next(e for e in report["entries"] if e.get("kind") == "exec_visit")
        assert entry["effects"] == {"person": "president", "no_door": True}
    assert rel(state, "president").support == 0.0 and rel(state, "president").contact == 0


def test_a_vendor_starting_with_contact_to_the_kdm_is_introduced():
    def known(d: dict[str, Any]) -> None:
        d["vendors"][1]["relations"] = {"president": {"support": 0.1, "trust": 0.3,
                                                      "contact": "met"}}
    state = lab_state(spec=make_spec(known))
    assert rel(state, "president", RIVAL).introduced
    assert not person(state, "president", RIVAL)["needs_introduction"]
    relate(state, "president", known_roles=True)
    assert not rel(state, "president").introduced
    assert person(state, "president")["needs_introduction"]


def _asked(contact: int, trust: float, favours: int = 0, outcome: bool = True,
           spec_edit: Callable[[dict[str, Any]], None] | None = None
           ) -> tuple[GameState, list[float], dict[str, Any]]:
    """ME asks the IT head for an introduction to the president; the chances asked for are
    recorded and all come out `outcome`."""
    state = lab_state(8, make_spec(spec_edit) if spec_edit else None)
    at_stage(state, 3)
    relate(state, "president", known_roles=True)
    relate(state, "cio", contact=contact, trust=trust, favours=favours)
    vw = view(state, ME, with_log=False)
    assert check(vw, Action("ask_introduction", "cio")) is None
    seen: list[float] = []
    dice = StubDice(state.dice.s, lambda p: seen.append(p) or outcome)
    entry = effects.apply_action(state, state.vendors[ME], Action("ask_introduction", "cio"),
                                 dice)
    state.touch()
    assert len(seen) == 1, "the introduction is the move's one chance"
    return state, seen, entry


def test_a_coach_introduces_us_almost_surely_and_it_costs_a_favour():
    state, seen, entry = _asked(4, 0.5)
    assert seen[-1] == pytest.approx(INTRO_COACH)
    assert entry["effects"]["introduced"] == ["president"]
    assert rel(state, "president").introduced and rel(state, "president").contact >= 1
    assert person(state, "cio")["favours_left"] == COACH_FAVOURS - 1


@pytest.mark.parametrize("trust", [0.0, 0.5, 1.0])
def test_an_insider_introduces_us_with_a_smaller_chance_that_grows_with_trust(trust: float):
    _, seen, _ = _asked(3, trust)
    _, more, _ = _asked(3, min(1.0, trust + 0.3))
    assert 0 < seen[-1] < INTRO_COACH
    if trust < 1.0:
        assert more[-1] > seen[-1]
    state, _, _ = _asked(3, trust)
    assert rel(state, "cio").favours == 0  # an insider does no favours


def test_an_insider_near_the_decision_introduces_us_more_readily():
    """A senior insider, or one in purchasing or a user department, sits nearer the KDM."""
    def plain(d: dict[str, Any]) -> None:
        cio = next(s for s in d["stakeholders"] if s["id"] == "cio")
        cio["roles"] = ["influencer"]
    _, low, _ = _asked(3, 0.3, spec_edit=plain)
    _, high, _ = _asked(3, 0.3, spec_edit=lambda d: (plain(d), senior("cio")(d)))
    assert high[-1] > low[-1]


def test_a_coach_out_of_favours_introduces_only_as_an_insider_would():
    state, seen, _ = _asked(4, 0.5, favours=COACH_FAVOURS)
    _, insider, _ = _asked(3, 0.5)
    assert seen[-1] == pytest.approx(insider[-1]) and seen[-1] < INTRO_COACH
    assert rel(state, "cio").favours == COACH_FAVOURS


def test_a_failed_introduction_leaves_the_door_shut():
    state, _, entry = _asked(3, 0.5, outcome=False)
    assert entry["effects"]["introduced"] == []
    assert person(state, "president")["needs_introduction"]


def test_nobody_to_introduce_and_the_kdm_cannot_introduce_themselves():
    state = lab_state()
    at_stage(state, 3)
    relate(state, "cio", contact=3, trust=0.5)
    vw = view(state, ME, with_log=False)
    # We do not know who decides yet: nobody waits for an introduction we know of.
    assert check(vw, Action("ask_introduction", "cio")) == "why.introduced"
    relate(state, "president", known_roles=True, contact=3, trust=0.5, introduced=True)
    vw = view(state, ME, with_log=False)
    assert check(vw, Action("ask_introduction", "president")) == "why.introduce_kdm"
