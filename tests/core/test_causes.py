"""Loss causes by counterfactual: each factor, made equal to the winner's, is judged again; a
factor that decided the tender is found decisive and ranked first; losses the scores did not
decide are named; and the game analysed is never changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from game.core import resolve
from game.core.causes import (
    FACTORS,
    Causes,
    analyse,
    causes_summary,
    price_decided,
    scoring_fork,
    scoring_state,
)
from game.core.engine import resolve_week
from game.core.personnel import replace
from game.core.resolve import OVERRIDE_GAP, PREF_SPREAD, W_MARGIN, kdm_choice
from game.core.serialize import state_hash, state_to_dict
from game.core.state import GameState
from game.scenario.models import ScenarioSpec
from tests.core.conftest import (
    ME,
    RIVAL,
    StubDice,
    awarded_state,
    lab_state,
    make_spec,
    relate,
    set_week,
    tender_state,
)

Prep = Callable[[GameState], None]


def scored_loss(prices: dict[str, float] | None = None, spec: ScenarioSpec | None = None,
                prep: Prep | None = None) -> GameState:
    """Both vendors bid complete bids and know everyone equally well (support 0.3, a
    relationship); `prep` changes that; the bids are scored in the award week."""
    state = tender_state(prices or {ME: 260.0, RIVAL: 260.0}, spec=spec)
    set_week(state, state.calendar["award"])
    for pid in state.people:
        for vid in (ME, RIVAL):
            relate(state, pid, vid=vid, support=0.3, contact=2)
    if prep is not None:
        prep(state)
    state.tender["evaluated"] = True
    resolve.evaluate(state)
    state.touch()
    return state


def negotiated(d: dict[str, Any]) -> None:
    d["customer"]["procurement"] = "negotiated"


def rival_fits_better(d: dict[str, Any]) -> None:
    for v in d["vendors"]:
        if v["id"] == RIVAL:
            v["fit"] = {"integration": 0.95, "price": 0.7}


def backed(pid: str, support: float, vid: str = RIVAL) -> Prep:
    return lambda state: relate(state, pid, vid=vid, support=support)


def shaped(state: GameState) -> None:
    state.vendors[RIVAL].spec_bias = 1.0
    state.touch()


def at_p3(state: GameState) -> None:
    """We reached the tender at P3 (the stages we never entered forgotten)."""
    v = state.vendors[ME]
    v.stage = 3
    v.stage_weeks = {k: w for k, w in v.stage_weeks.items() if k <= 3}
    state.touch()


def kdm_left(state: GameState) -> None:
    """The president backed us, not the rival, and left two weeks before the award; the
    rival's insider had introduced it to the newcomer."""
    relate(state, "president", vid=ME, support=0.8)
    relate(state, "president", vid=RIVAL, support=0.1)
    award = state.week
    state.week = award - 2
    replace(state, state.people["president"])
    state.week = award
    relate(state, "president", vid=RIVAL, support=0.3, contact=1)


def kdm_backs_rival(state: GameState) -> None:
    relate(state, "president", vid=RIVAL, support=0.75)
    for pid in ("cio", "buyer", "nurse"):
        relate(state, pid, vid=ME, support=0.6)


CASES: dict[str, tuple[dict[str, float] | None, Callable[[], ScenarioSpec] | None,
                       Prep | None]] = {
    "price": ({ME: 290.0, RIVAL: 230.0}, None, None),
    "support_one": (None, None, backed("cio", 0.7)),
    "fit": ({ME: 255.0, RIVAL: 260.0}, lambda: make_spec(rival_fits_better), None),
    "shaping": (None, None, shaped),
    "preparation": (None, None, at_p3),
    "replaced": (None, None, kdm_left),
    "kdm_override": ({ME: 220.0, RIVAL: 290.0}, lambda: make_spec(negotiated), kdm_backs_rival),
    "kdm_w": ({ME: 270.0, RIVAL: 262.0}, lambda: make_spec(negotiated), None),
}


def case(name: str) -> GameState:
    prices, spec, prep = CASES[name]
    state = scored_loss(prices, spec() if spec else None, prep)
    assert state.tender["preferred"] == RIVAL, f"the {name} case must be a loss"
    return state


@pytest.mark.parametrize("name", list(CASES))
def test_the_decisive_factor_is_found(name: str) -> None:
    state = case(name)
    c = analyse(state, ME)
    assert c.kind == "scored" and c.rival == RIVAL and c.exact
    f = c.factor(name)
    assert f is not None and f.wins, c.factors
    assert c.primary in {x.key for x in c.decisive}


@pytest.mark.parametrize("name", list(CASES))
def test_ranking_puts_decisive_factors_first_then_the_gap_they_close(name: str) -> None:
    c = analyse(case(name), ME)
    keys = [(not f.wins, f.key != "kdm_override", -(f.closes or 0.0)) for f in c.factors]
    assert keys == sorted(keys)
    assert c.primary == c.factors[0].key
    for f in c.factors:
        if f.closes is not None:
            assert f.gap_after == pytest.approx(c.gap - f.closes, abs=2e-4)
            assert f.wins == (f.gap_after < 0) or f.key == "kdm_w" or c.gap < 0


def test_factors_the_winner_was_not_ahead_on_are_left_out() -> None:
    """Same people, same product: only the price differs, so only price (and W, which the
    KDM gives nobody) can be tested."""
    c = analyse(case("price"), ME)
    assert {f.key for f in c.factors} <= {"price", "kdm_w", "fit"}
    assert c.factor("price").ours == 290.0 and c.factor("price").theirs == 230.0
    assert c.price_decided is True


def test_a_single_evaluator_is_named() -> None:
    c = analyse(case("support_one"), ME)
    one = c.factor("support_one")
    assert one.person == "cio" and (one.ours, one.theirs) == (0.3, 0.7)
    assert c.backing[0].person == "cio" and c.backing[0].wins
    assert c.factor("support").wins


def test_the_replaced_person_is_named_with_what_we_had() -> None:
    state = case("replaced")
    c = analyse(state, ME)
    f = c.factor("replaced")
    assert f.person == "president" and f.ours == 0.8 and f.theirs == 0.1
    # The newcomer is still in the seat, and the record is untouched.
    assert state.people["president"].generation == 1
    assert len(state.replaced) == 1


def test_the_kdms_override_is_the_first_cause_when_we_led_the_scores() -> None:
    state = case("kdm_override")
    assert state.tender["override"]
    c = analyse(state, ME)
    assert c.gap < 0  # we led the scores
    assert c.primary == "kdm_override"
    assert c.factor("kdm_override").person == "president"


def test_w_for_us_is_tested_with_the_kdm_choosing_us() -> None:
    state = case("kdm_w")
    c = analyse(state, ME)
    f = c.factor("kdm_w")
    assert f.wins and f.person == "president"
    # The same change on a copy: the KDM would then back us, and settle it for us.
    s = scoring_state(state)
    r = s.relations[ME]["president"]
    r.support = max(r.support, f.theirs + W_MARGIN + 1e-6)
    r.contact = max(r.contact, 2)
    assert kdm_choice(s, [s.vendors[v].index for v in (ME, RIVAL)]) == s.vendors[ME].index


def test_holding_w_is_said_when_the_gap_was_beyond_the_kdm() -> None:
    """The KDM chose us (W), but the rest of the panel and the price put the rival further
    ahead than a KDM may settle: W is no factor then, and the analysis says we held it."""
    def prep(state: GameState) -> None:
        relate(state, "president", vid=ME, support=0.8)
        for pid in ("cio", "nurse", "buyer"):
            relate(state, pid, vid=RIVAL, support=0.9)

    c = analyse(scored_loss({ME: 300.0, RIVAL: 200.0}, prep=prep), ME)
    assert c.kind == "scored" and c.detail["had_w"] and c.detail["kdm"] == "president"
    assert c.gap > c.detail["override_gap"] == OVERRIDE_GAP[1]
    assert c.factor("kdm_w") is None and c.factor("kdm_override") is None
    assert "had_w" not in analyse(case("price"), ME).detail


def test_earlier_backing_makes_the_price_gap_not_matter() -> None:
    """Price alone would have won; so would one evaluator clearly favouring us."""
    state = scored_loss({ME: 270.0, RIVAL: 240.0}, prep=backed("cio", 0.31))
    c = analyse(state, ME)
    assert c.price_decided
    assert len(c.earlier) == 1
    # Check it by hand: that evaluator PREF_SPREAD clear of the rival wins us the tender.
    s = scoring_state(state)
    pid = c.earlier[0]
    r = s.relations[ME][pid]
    r.support = s.relations[RIVAL][pid].support + PREF_SPREAD + 1e-6
    valid = list(s.tender["bids"])
    res = resolve.judge(s, [s.vendors[v].index for v in valid],
                        [s.tender["bids"][v]["price"] for v in valid], [True, True],
                        [True, True], False)
    totals = dict(zip(valid, res.totals, strict=True))
    assert totals[ME] > totals[RIVAL]


def test_brief_analysis_gives_the_same_verdicts() -> None:
    for name in CASES:
        state = case(name)
        full, brief = analyse(state, ME), analyse(state, ME, brief=True)
        assert brief.primary == full.primary
        assert {f.key: f.wins for f in brief.factors if f.key != "support_one"} == \
            {f.key: f.wins for f in full.factors if f.key != "support_one"}
        assert brief.earlier == ()


@pytest.mark.parametrize("name", list(CASES))
def test_the_counterfactual_never_changes_the_game(name: str) -> None:
    state = case(name)
    before = state_to_dict(state, with_spec=False)
    fits = [list(f) for f in resolve.panel(state).fits]
    h, panel, people = state_hash(state), state.panel, dict(state.people)
    analyse(state, ME)
    analyse(state, ME, brief=True)
    causes_summary(state, ME)
    assert state_hash(state) == h
    assert state_to_dict(state, with_spec=False) == before
    assert state.panel is panel and state.people == people
    assert [list(f) for f in resolve.panel(state).fits] == fits
    assert state.vendors[RIVAL].stage == 6  # the award's P6 is restored only on copies


def test_summary_and_price_decided_for_the_lesson_check() -> None:
    state = case("price")
    summary = causes_summary(state, ME)
    assert list(summary) == list(FACTORS)
    assert summary["price"] is True and summary["shaping"] is False
    assert price_decided(state, ME) is True
    assert price_decided(case("shaping"), ME) is False
    assert causes_summary(state, RIVAL) == {} and price_decided(state, RIVAL) is None


# ---- losses the scores did not decide ------------------------------------------------------


def finish(state: GameState, winner: str | None, result: str = "won",
           reason: str = "won") -> GameState:
    state.outcome = {"result": result, "winner": winner, "week": state.week, "reason": reason,
                     "value": 0.0, "margin": 0.0, "discount": 0.0, "first_payment": 0.2,
                     "first_payment_amount": 0.0}
    return state


def awarded_to_us() -> GameState:
    state = awarded_state(ME)
    state.log.append({"week": state.week, "event": "award", "affects": "all", "affected": [],
                      "calendar": True, "effects": {"preferred": ME, "override": False}})
    return state


def overturned() -> GameState:
    """A complaint by the rival is upheld: at the end of the notice it leads the scores."""
    state = awarded_to_us()
    state.award["complaints"] = [RIVAL]
    for pid in state.people:
        relate(state, pid, vid=RIVAL, support=0.95, contact=2)
        relate(state, pid, vid=ME, support=0.0)
    res = resolve.end_notice(state, StubDice(1, lambda p: True))
    assert res["overturned"]
    state.log.append({"week": state.week, "event": "notice_end", "affects": "all",
                      "affected": [], "calendar": True, "effects": res})
    return finish(state, RIVAL)


def passed_over() -> GameState:
    state = awarded_to_us()
    resolve.pass_to_runner_up(state)
    return finish(state, RIVAL)


def unpaid() -> GameState:
    state = awarded_to_us()
    state.contract = {"vendor": ME, "value": 250.0, "discount": 0.05, "first_payment": 0.3,
                      "signed_week": state.week, "margin": 0.3, "paid": False}
    return finish(state, None, "no_deal", "timeout")


KINDS: dict[str, Callable[[], GameState]] = {
    "no_tender": lambda: finish(lab_state(), None, "no_deal", "timeout"),
    "no_bid": lambda: finish(tender_state({RIVAL: 250.0}), RIVAL),
    "over_budget": lambda: finish(tender_state({ME: 400.0, RIVAL: 250.0}), RIVAL),
    "not_scored": lambda: finish(tender_state(), None, "no_deal", "timeout"),
    "overturned": overturned,
    "failed_to_sign": passed_over,
    "not_signed": lambda: finish(awarded_to_us(), None, "no_deal", "timeout"),
    "unpaid": unpaid,
    "shelved": lambda: finish(awarded_to_us(), ME, "shelved", "shelved"),
    "won": lambda: finish(awarded_to_us(), ME),
    "not_over": awarded_to_us,
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_losses_the_scores_did_not_decide_are_named(kind: str) -> None:
    state = KINDS[kind]()
    h = state_hash(state)
    c = analyse(state, ME)
    assert isinstance(c, Causes)
    assert c.kind == kind and c.primary == kind and c.factors == ()
    assert causes_summary(state, ME) == {}
    valid_bid = kind in ("overturned", "failed_to_sign", "not_signed", "unpaid", "shelved")
    assert price_decided(state, ME) is (False if valid_bid else None)
    assert state_hash(state) == h


def test_no_bid_says_the_stage_at_the_opening() -> None:
    state = KINDS["no_bid"]()
    assert analyse(state, ME).detail == {"stage": state.vendors[ME].stage}
    over = analyse(KINDS["over_budget"](), ME)
    assert over.detail["price"] == 400.0 and over.detail["budget"] == 300.0


# ---- judged as the bids were scored --------------------------------------------------------


def shaken(d: dict[str, Any]) -> None:
    """An event in the award week, after the scoring, that turns the KDM against the rival."""
    d["events"] = [{
        "id": "shake", "title": {"zh": "风波", "en": "A stir"},
        "text": {"zh": "院长对乙公司不满。", "en": "The president turns against Beta."},
        "affects": RIVAL, "trigger": {"weeks": [7, 7], "chance": 1.0},
        "effects": [{"type": "support", "stakeholder": "president", "change": -0.6}],
    }]


def test_a_scoring_fork_holds_the_game_as_scored() -> None:
    state = tender_state(spec=make_spec(shaken))
    set_week(state, state.calendar["award"])
    for pid in state.people:
        relate(state, pid, vid=ME, support=0.3, contact=2)
        relate(state, pid, vid=RIVAL, support=0.3, contact=2)
    relate(state, "president", vid=RIVAL, support=0.8)
    quiet = scoring_fork(state)
    resolve_week(state, {})
    assert state.tender["preferred"] == RIVAL and "shake" in state.fired
    resolve_week(quiet, {})
    assert quiet.tender["totals"] == state.tender["totals"] and "shake" not in quiet.fired
    exact = analyse(state, ME, quiet)
    blurred = analyse(state, ME)  # the event moved the KDM after the scoring
    assert exact.exact and not blurred.exact
    assert exact.factor("support_one").person == "president"
