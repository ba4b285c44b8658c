"""AI teammates complete a person's plan: other roles only, the person's money kept, and
presales and the PM following the rep to the people the rep is working on."""

from __future__ import annotations

import copy

from game.ai.agents import make_agent
from game.ai.teammates import human_reserve, team_plan
from game.core.actions import CATALOG, Action
from game.core.checks import check_plan, legal_actions
from game.core.views import view
from tests.ai.conftest import CITY, play_weeks, spec_of, team_id


def _view(weeks: int):
    spec = spec_of(CITY)
    state = play_weeks(spec, 7, weeks)
    return view(state, team_id(spec), with_log=False)


def _rep_moves(v, kinds=("visit", "entertain", "call"), avoid=()) -> list[Action]:
    """Legal rep moves on different people, as a person might plan them."""
    out, seen = [], set(avoid)
    for o in legal_actions(v, [], role="rep", include_disabled=False):
        a = o.action
        if a.kind in kinds and a.target not in seen:
            out.append(a)
            seen.add(a.target)
    return out


def _cost(plan: list[Action]) -> float:
    return sum(CATALOG[a.kind].cost for a in plan if a.kind != "choose")


def test_ai_plans_only_the_roles_left_to_it_and_keeps_the_persons_moves() -> None:
    v = _view(6)
    human = _rep_moves(v)[:2]
    assert len(human) == 2
    plan, why = team_plan(v, human, ("rep",))
    assert plan[:2] == human and why[:2] == [None, None]
    added = plan[2:]
    assert added, "the teammates found nothing to do"
    for a in added:
        if a.kind != "choose":
            assert "rep" not in CATALOG[a.kind].roles, a
    assert check_plan(v, plan) is None
    assert all(isinstance(r, str) for r in why[2:])


def test_presales_follows_the_rep_into_the_account() -> None:
    v = _view(5)  # a week with people the rep may visit whom the AI leaves alone
    alone, _ = team_plan(v, [], ("rep",))
    busy = {a.target for a in alone}
    human = _rep_moves(v, ("visit",), avoid=busy)[:2]
    assert human, "no one left for the rep to visit"
    targets = {a.target for a in human}
    plan, why = team_plan(v, human, ("rep",))
    followed = [(a, r) for a, r in zip(plan[len(human):], why[len(human):], strict=True)
                if a.target in targets and CATALOG[a.kind].roles[0] in ("presales", "pm")]
    assert followed, plan  # nobody the AI would have worked on alone
    assert all(r.startswith("ai.reason.") for _, r in followed)


def test_teammates_leave_the_money_the_person_needs() -> None:
    v = copy.deepcopy(_view(6))
    keep = human_reserve(v, ("rep", "exec"))
    human = [Action("visit", v["people"][0]["id"])]
    for budget in (60.0, 25.0, 12.0):
        v["me"]["budget"] = budget
        plan, _ = team_plan(v, human, ("rep", "exec"))
        ai_spend = _cost(plan[1:])
        must = sum(CATALOG[a.kind].cost for a in plan[1:]
                   if a.kind in ("write_bid", "bid_delivery", "bid_defense"))
        assert ai_spend - must <= max(0.0, budget - _cost(human) - keep) + 1e-9, budget


def test_a_person_playing_every_role_gets_nothing_added() -> None:
    v = _view(4)
    human = [Action("visit", v["people"][0]["id"])]
    plan, why = team_plan(v, human, ("rep", "presales", "pm", "exec"))
    assert plan == human and why == [None]


def test_agent_lends_its_playbook() -> None:
    spec = spec_of(CITY)
    differs = 0
    for weeks in (3, 6, 9):
        state = play_weeks(spec, 7, weeks)
        v = view(state, team_id(spec), with_log=False)
        a = team_plan(v, [], ("rep",), make_agent("solution", "normal"))
        b = team_plan(v, [], ("rep",), make_agent("relationship", "normal"))
        differs += a != b
    assert differs
