"""A team's week on the host: drafts are checked against the team's own view, each role plans
only its own moves, others' uncommitted plans stay hidden, the budget is shared."""

from __future__ import annotations

import pytest

from game.core.actions import Action
from game.core.engine import new_game
from game.core.views import view
from game.net.desk import RoleDesk, TeamDesk, thaw_desk
from game.net.protocol import Refusal

from .conftest import spec


@pytest.fixture
def vw():
    return view(new_game(spec("city_hospital"), 1), "ruiyi", with_log=False)


def test_team_desk_checks_the_plan_and_locks_on_commit(vw):
    d = TeamDesk()
    d.set_plan("team", [Action("research_account"), Action("call", "zhou_liqun")], vw)
    assert len(d.human_plan()) == 2
    with pytest.raises(Refusal) as err:
        d.set_plan("team", [Action("research_account"), Action("decide_pursue")], vw)
    assert err.value.code == "plan/illegal" and "Research the account first" in err.value.text
    with pytest.raises(Refusal) as err:
        d.set_plan("team", [Action("fly_to_the_moon")], vw)
    assert err.value.code == "plan/unknown_action"
    d.commit("team")
    with pytest.raises(Refusal):
        d.set_plan("team", [], vw)
    d.reopen("team")
    d.set_plan("team", [], vw)
    assert thaw_desk(d.freeze()).human_plan() == []


def test_role_desk_keeps_each_role_to_its_own_moves(vw):
    d = RoleDesk()
    d.set_plan("rep", [Action("research_account")], vw)
    with pytest.raises(Refusal) as err:
        d.set_plan("presales", [Action("research_account")], vw)
    assert err.value.code == "plan/not_your_role"
    with pytest.raises(Refusal) as err:
        d.set_plan("rep", [Action("joint_visit", "wu_zhiyuan")], vw)
    assert err.value.code == "plan/joint"
    with pytest.raises(Refusal) as err:
        d.set_plan("pm", [Action("choose", "budget_cut", "x")], vw)
    assert err.value.code == "plan/not_your_role"


def test_other_roles_plans_show_once_committed(vw):
    d = RoleDesk()
    d.set_plan("rep", [Action("research_account")], vw)
    seen = d.seen_by("exec", vw)
    assert seen["others"]["rep"] is None and seen["plan"] == []
    d.commit("rep")
    seen = d.seen_by("exec", vw)
    assert seen["others"]["rep"] == [{"kind": "research_account", "target": None,
                                      "option": None}]
    assert seen["budget_left"] == pytest.approx(vw["me"]["budget"] - 0.5)
    back = thaw_desk(d.freeze())
    assert back.is_committed("rep") and back.human_plan() == d.human_plan()


def test_the_shared_budget_cannot_be_overdrawn_by_two_roles(vw):
    d = RoleDesk()
    money = vw["me"]["budget"]
    rich = dict(vw, me=dict(vw["me"], budget=1.0))  # a team with one 万元 left
    d.set_plan("rep", [Action("research_account")], rich)  # 0.5
    with pytest.raises(Refusal) as err:
        d.set_plan("rep", [Action("research_account"), Action("entertain", "wu_zhiyuan")],
                   rich)
    assert err.value.code == "plan/illegal"
    assert money > 1.0
