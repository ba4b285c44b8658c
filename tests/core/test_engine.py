"""The week loop: a new game's state, simultaneous weeks, plan validation that changes
nothing, the world's drift between weeks, late rivals, the season's end and the outcome.
"""

from __future__ import annotations

import pytest

from game.core.actions import CATALOG, Action
from game.core.engine import START_FACTS, end_week, new_game
from game.core.errors import IllegalAction
from game.core.ids import PROCUREMENTS
from game.core.rng import seed_state
from game.core.serialize import state_hash
from game.core.state import CONTACT
from game.sim.play import play_game

from .conftest import (
    ME,
    RIVAL,
    SCENARIOS,
    awarded_state,
    give,
    lab_state,
    make_spec,
    play,
    rel,
    relate,
    set_week,
    shipped,
)


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_a_new_game_starts_from_the_scenario(path):
    spec = shipped(path)
    state = new_game(spec, 5)
    assert state.week == 1 and state.rng == seed_state(5) and not state.over
    for vs in spec.vendors:
        v = state.vendors[vs.id]
        assert v.stage == vs.start_stage and v.budget == vs.sales_budget
        assert v.active == (not vs.by_event and (vs.enters_week or 1) <= 1)
        for st, facts in START_FACTS.items():
            assert set(facts) <= v.facts if vs.start_stage >= st else not set(facts) & v.facts
        for p in spec.stakeholders:
            r = state.relations[vs.id][p.id]
            rs = vs.relations.get(p.id)
            if rs is None:
                assert (r.support, r.contact, r.known_roles) == (p.leaning, 0, False)
            else:
                assert r.support == pytest.approx(max(-1, min(1, p.leaning + rs.support)))
                want = CONTACT[rs.contact.value]
                if "KDM" in p.key:  # the KDM is nobody's coach
                    want = min(want, CONTACT["insider"])
                assert r.contact == want
                assert r.known_position == rs.knows_motives
                assert r.introduced == (r.contact >= 1)  # met before: introduced
            assert r.met_week < 0 and r.last_kind == -1 and r.favours == 0
    assert state.rumours == {} and state.replaced == []
    assert state.world_rng != state.rng  # the customer's own dice
    assert state.procurement == PROCUREMENTS.index(spec.customer.procurement.value)
    assert state.personnel_chance == spec.customer.personnel.weekly_chance
    assert sum(state.need_weights.values()) == pytest.approx(1.0)
    assert sum(state.criteria.values()) == pytest.approx(1.0)


def test_a_week_is_recorded_and_the_calendar_moves_on():
    state = lab_state()
    report = play(state, {ME: [Action("research_account")]})
    assert report["week"] == 1 and state.week == 2
    assert state.plans == [{ME: [{"kind": "research_account", "target": None,
                                  "option": None, "reason": None}]}]
    assert [h["week"] for h in state.history] == [1]
    assert state.history[0]["spent"][ME] == pytest.approx(CATALOG["research_account"].cost)


def test_reasons_are_kept_with_the_plan():
    state = lab_state()
    end_week(state, {ME: [Action("research_account")]}, {ME: ["ai.reason.criterion"]})
    assert state.plans[0][ME][0]["reason"] == "ai.reason.criterion"
    assert state.log[0]["reason"] == "ai.reason.criterion"


def test_the_same_seed_and_plans_give_the_same_game():
    a, b = lab_state(3), lab_state(3)
    plan = {ME: [Action("call", "cio"), Action("research_account")],
            RIVAL: [Action("call", "president")]}
    for s in (a, b):
        play(s, plan)
    assert state_hash(a) == state_hash(b)
    c = lab_state(4)
    play(c, plan)
    assert state_hash(c) != state_hash(a)


def test_one_illegal_action_anywhere_rejects_the_whole_week():
    state = lab_state()
    before = state_hash(state)
    with pytest.raises(IllegalAction) as err:
        play(state, {ME: [Action("research_account")],
                     RIVAL: [Action("research_account"), Action("visit", "cio")]})
    assert err.value.message_key == "why.contact_low"
    assert RIVAL in err.value.detail
    assert state_hash(state) == before and state.week == 1


def test_unknown_vendors_and_finished_games_are_refused():
    state = lab_state()
    with pytest.raises(IllegalAction) as err:
        play(state, {"nobody": []})
    assert err.value.code == "action/unknown_vendor"
    state.outcome = {"result": "no_deal"}
    with pytest.raises(IllegalAction) as err:
        play(state)
    assert err.value.code == "action/game_over"


def _first_mover(seed: int) -> str:
    state = lab_state(seed)
    report = play(state, {ME: [Action("research_account")], RIVAL: [Action("research_account")]})
    return report["entries"][0]["vendor"]


def test_nobody_always_moves_first():
    assert {_first_mover(seed) for seed in range(20)} == {ME, RIVAL}


def test_plans_are_resolved_interleaved():
    state = lab_state(1)
    relate(state, "cio", contact=1)
    relate(state, "cio", vid=RIVAL, contact=1)
    report = play(state, {ME: [Action("research_account"), Action("visit", "cio")],
                          RIVAL: [Action("research_account"), Action("visit", "cio")]})
    movers = [e["vendor"] for e in report["entries"] if e.get("kind")]
    assert movers in ([ME, RIVAL, ME, RIVAL], [RIVAL, ME, RIVAL, ME])


def test_influence_spreads_along_who_sways_whom():
    def sway(d):
        d["stakeholders"][0]["sways"] = [{"who": "president", "strength": 0.5}]
    state = lab_state(spec=make_spec(sway))
    relate(state, "cio", support=0.8)
    play(state)
    assert rel(state, "president").support > 0
    assert rel(state, "president", RIVAL).support == 0


def test_a_neglected_relation_cools_toward_the_persons_leaning():
    state = lab_state()
    set_week(state, 5)
    relate(state, "cio", contact=2, support=0.6, trust=0.5, last_touch=1)
    relate(state, "president", contact=2, support=0.6, trust=0.5)  # tended this week
    play(state)
    assert rel(state, "cio").support < 0.6 and rel(state, "cio").trust < 0.5
    assert rel(state, "president").support == 0.6


def test_insiders_report_on_rivals():
    state = lab_state()
    relate(state, "cio", contact=4)
    for _ in range(5):
        play(state)
    assert RIVAL in state.vendors[ME].intel
    assert "competitors_known" in state.vendors[ME].facts


def test_a_late_rival_joins_in_its_week():
    def late(d):
        d["vendors"][1]["enters_week"] = 3
    state = lab_state(spec=make_spec(late))
    assert not state.vendors[RIVAL].active
    with pytest.raises(IllegalAction) as err:
        play(state, {RIVAL: [Action("research_account")]})
    assert err.value.message_key == "why.inactive"
    play(state)
    assert not state.vendors[RIVAL].active
    play(state)
    assert state.vendors[RIVAL].active and state.vendors[RIVAL].joined_week == 3


def test_a_signed_contract_without_payment_is_no_deal_at_the_season_end():
    state = awarded_state(ME)
    state.vendors[ME].terms = {"discount": 0.05, "first_payment": 0.3, "value": 247.0}
    give(state, "terms_agreed", "notice_survived")
    play(state, {ME: [Action("sign_contract")]})
    while not state.over:
        play(state)
    assert state.week == state.spec.last_week
    o = state.outcome
    assert (o["result"], o["reason"], o["winner"]) == ("no_deal", "timeout", None)


def test_the_outcome_reports_value_cost_of_sale_and_health_at_the_decision(lucky):
    state = awarded_state(ME)
    lucky(state)
    state.vendors[ME].terms = {"discount": 0.05, "first_payment": 0.3, "value": 247.0}
    give(state, "terms_agreed", "notice_survived")
    play(state, {ME: [Action("sign_contract")]})
    play(state, {ME: [Action("collect_payment")]})
    o = state.outcome
    assert o["result"] == "won" and o["winner"] == ME and o["week"] == state.week
    assert o["value"] == 247.0 and o["discount"] == 0.05
    assert o["margin"] == pytest.approx((247 - 150) / 247, abs=1e-4)
    assert o["first_payment_amount"] == pytest.approx(74.1)
    assert set(o["cost_of_sale"]) == {ME, RIVAL}
    assert set(o["c931_at_decision"]) == {ME, RIVAL}
    assert o["ranking"] == [ME, RIVAL]
    with pytest.raises(IllegalAction):
        play(state)


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_built_in_ai_games_finish(path):
    spec = shipped(path)
    for seed in range(5):
        state = play_game(spec, seed)
        assert state.over and state.week <= spec.last_week
        assert len(state.plans) == len(state.history) == state.week
