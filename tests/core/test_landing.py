"""Why a move lands weaker or stronger (`game.core.landing`) says what the rules will do.

Each test builds twin states that differ in one condition the player can see (the same move
last time, the KDM early, our stage, a rival's backer, someone hardly taking part now),
applies the same move to both with the same dice, and checks that the engine's support gains
differ by exactly what `landing` names for the two views. So the window's explanation cannot
drift from `effects._touch`. Other tests hold it to the view: a condition the vendor cannot
know is left out, and the typed view and the view dict give the same factors.
"""

from __future__ import annotations

import pytest

from game.core import effects
from game.core.actions import CATALOG, Action
from game.core.checks import legal_actions
from game.core.effects import JOINT_PREMIUM, REPEAT, kdm_phase
from game.core.ids import KIND_ID, PH_DECISION, PH_EARLY, PH_SOLUTION, PH_TENDER, PHASES
from game.core.landing import PART_FLOOR, Factor, combined, landing
from game.core.state import GameState
from game.core.views import typed_view, view

from .conftest import (
    ME,
    RIVAL,
    SCENARIOS,
    at_stage,
    lab_state,
    make_spec,
    rel,
    relate,
    set_week,
    shipped,
)
from .conftest import week_in as first_week_of


def gain(state: GameState, a: Action) -> float:
    before = rel(state, a.target).support
    effects.apply_action(state, state.vendors[ME], a, state.dice)
    return rel(state, a.target).support - before


def expected(state: GameState, a: Action) -> float:
    """What `landing` says the move is multiplied by, with participation counted whole (the
    rules always apply it; `landing` names it only when it is low)."""
    v = view(state, ME, with_log=False)
    p = next(x for x in v["people"] if x["id"] == a.target)
    found = landing(v, a.kind, a.target)
    part = PART_FLOOR + (1 - PART_FLOOR) * p["participation_now"]
    return combined([f for f in found if f.key != "landing.absent"]) * part


def keys(state: GameState, a: Action) -> list[str]:
    return [f.key for f in landing(view(state, ME, with_log=False), a.kind, a.target)]


def twins(spec: object = None, **known: object) -> tuple[GameState, GameState]:
    a, b = lab_state(7, spec), lab_state(7, spec)  # type: ignore[arg-type]
    fields = {"contact": 1, "trust": 0.3, "known_roles": True, "introduced": True, **known}
    for s in (a, b):
        for pid in ("cio", "president", "buyer"):
            relate(s, pid, **fields)
    return a, b


def _shy_buyer(d: dict) -> None:  # type: ignore[type-arg]
    buyer = next(s for s in d["stakeholders"] if s["id"] == "buyer")
    buyer["participation"] = {"early": 0.1, "solution": 0.2, "tender": 0.6, "decision": 0.9,
                              "contract": 0.3}


def assert_same_ratio(a: GameState, b: GameState, move: Action) -> None:
    ratio = expected(a, move) / expected(b, move)
    assert ratio != pytest.approx(1.0), "the twins must differ in a named factor"
    assert gain(a, move) / gain(b, move) == pytest.approx(ratio, rel=1e-6)


def test_the_same_move_twice_running_lands_half_as_hard() -> None:
    a, b = twins()
    relate(a, "cio", last_kind=KIND_ID["visit"])
    relate(b, "cio", last_kind=KIND_ID["entertain"])  # another move last time: no halving
    move = Action("visit", "cio")
    assert "landing.repeat" in keys(a, move) and "landing.repeat" not in keys(b, move)
    f = next(f for f in landing(view(a, ME), "visit", "cio") if f.key == "landing.repeat")
    assert f.factor == REPEAT
    assert_same_ratio(a, b, move)


@pytest.mark.parametrize("phase", ["early", "solution", "tender"])
def test_the_kdm_is_moved_by_phase(phase: str) -> None:
    """Little early, most while the solution is shaped, less once the bids are in, least at
    the decision; the landing names the phase's factor, as the engine applies it."""
    a, b = twins()
    set_week(a, first_week_of(a, phase))
    set_week(b, first_week_of(b, "decision"))
    move = Action("visit", "president")
    found = {f.key: f.factor for f in landing(view(a, ME), move.kind, move.target)}
    assert found[f"landing.kdm_{phase}"] == kdm_phase(PHASES.index(phase))
    assert {f.key: f.factor for f in landing(view(b, ME), move.kind, move.target)}[
        "landing.kdm_decision"] == kdm_phase(PH_DECISION)
    assert_same_ratio(a, b, move)


def test_the_kdm_moves_most_before_the_tender() -> None:
    assert kdm_phase(PH_SOLUTION) > kdm_phase(PH_TENDER) > kdm_phase(PH_DECISION)
    assert kdm_phase(PH_SOLUTION) > kdm_phase(PH_EARLY)


def test_off_its_best_stage_a_move_lands_softer() -> None:
    a, b = twins()
    at_stage(a, 2)  # a visit is best at P2..P4
    at_stage(b, 6)
    move = Action("visit", "cio")
    assert "landing.stage_good" in keys(a, move) and "landing.stage_off" in keys(b, move)
    assert_same_ratio(a, b, move)


def test_someone_hardly_taking_part_now_is_moved_less() -> None:
    a, b = twins(make_spec(_shy_buyer))
    set_week(a, first_week_of(a, "early"))
    set_week(b, first_week_of(b, "decision"))
    move = Action("visit", "buyer")
    parts = [next(p for p in view(s, ME)["people"] if p["id"] == "buyer")["participation_now"]
             for s in (a, b)]
    assert parts[0] != parts[1]
    low = next(s for s, part in zip((a, b), parts, strict=True) if part == min(parts))
    assert "landing.absent" in keys(low, move)
    assert_same_ratio(a, b, move)


def test_reaching_out_to_a_rivals_backer_or_an_opponent_pays_more() -> None:
    a, b = twins(contact=3)  # insiders: we know whom they favour
    relate(a, "buyer", vid=RIVAL, support=0.5)
    move = Action("reach_out", "buyer")
    found = {f.key: f for f in landing(view(a, ME), move.kind, move.target)}
    assert found["landing.reach_out_rival"].params == {"rival": RIVAL}
    assert "landing.reach_out_rival" not in keys(b, move)
    assert_same_ratio(a, b, move)
    c, d = twins()
    for vid in (ME, RIVAL):  # the rival no better placed, so only our opposition differs
        relate(c, "buyer", vid=vid, support=-0.3)
    assert "landing.reach_out_against" in keys(c, move)
    assert_same_ratio(c, d, move)


def test_a_joint_move_names_the_premium() -> None:
    a, _ = twins()
    found = landing(view(a, ME), "sponsor_visit", "president")
    assert Factor("landing.joint", JOINT_PREMIUM, {"roles": ["rep", "exec"]}) in found
    assert not any(f.key == "landing.joint" for f in landing(view(a, ME), "exec_visit",
                                                             "president"))


def test_what_the_view_does_not_hold_is_left_out() -> None:
    """The KDM's phase and participation need the person's roles; a rival's backer needs an
    insider or coach to say so. Unknown, they are not guessed (nor leaked)."""
    a = lab_state(7)
    set_week(a, first_week_of(a, "early"))
    relate(a, "president", contact=1)  # met, roles not learned
    relate(a, "buyer", contact=1)  # not an insider
    relate(a, "buyer", vid=RIVAL, support=0.5)
    assert not any(k.startswith(("landing.kdm", "landing.absent"))
                   for k in keys(a, Action("visit", "president")))
    assert "landing.reach_out_rival" not in keys(a, Action("reach_out", "buyer"))


def test_moves_without_a_person_have_no_factors() -> None:
    a = lab_state(7)
    v = view(a, ME)
    assert landing(v, "qualify", None) == []
    assert landing(v, "confirm_opportunity", None) == []
    assert landing(v, "no_such_kind", "cio") == []
    assert landing(v, "visit", "nobody") == []


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_the_view_dict_and_the_typed_view_agree(path) -> None:  # type: ignore[no-untyped-def]
    from game.core.engine import new_game

    state = new_game(shipped(path), 3)
    team = next(v.id for v in state.spec.vendors if v.side == "team")
    for pid in state.people:
        relate(state, pid, vid=team, contact=1, known_roles=True, last_kind=KIND_ID["visit"])
    d, typed = view(state, team, with_log=False), typed_view(state, team)
    for o in legal_actions(d):
        if CATALOG[o.action.kind].target:
            assert landing(d, o.action.kind, o.action.target) == \
                landing(typed, o.action.kind, o.action.target), o.action


def test_a_guarded_kdm_is_named_and_the_move_moves_them_no_further() -> None:
    from game.core.preference import KDM_GUARDED

    a, b = twins()
    for s, known in ((a, False), (b, True)):
        set_week(s, first_week_of(s, "solution"))
        relate(s, "president", support=KDM_GUARDED, known_personal=known, contact=2)
    move = Action("visit", "president")
    assert "landing.kdm_guarded" in keys(a, move)
    assert "landing.kdm_guarded" not in keys(b, move)
    assert gain(a, move) == 0.0 and gain(b, move) > 0.0


def test_a_kdm_who_has_chosen_a_rival_is_named_and_the_move_lands_at_the_committed_rate(
) -> None:
    from game.core.preference import COMMIT_STAGE, KDM_COMMITTED

    a, b = twins(contact=3, known_personal=True)  # an insider: we know whom they favour
    for s, rival_contact in ((a, 2), (b, 1)):  # without a relationship no choice is made
        set_week(s, first_week_of(s, "solution"))
        relate(s, "president", support=0.1)
        relate(s, "president", vid=RIVAL, support=0.5, contact=rival_contact,
               known_personal=True)
        s.vendors[RIVAL].stage = COMMIT_STAGE
    move = Action("visit", "president")
    found = {f.key: f for f in landing(view(a, ME), move.kind, move.target)}
    assert found["landing.kdm_committed"].factor == KDM_COMMITTED
    assert found["landing.kdm_committed"].params == {"rival": RIVAL}
    assert "landing.kdm_committed" not in keys(b, move)
    assert next(p for p in view(a, ME)["people"] if p["id"] == "president")["committed"]
    assert_same_ratio(a, b, move)
