"""A team's week on the host (the shared team-week model behind the seats): moves are checked
against the team's own view, each role plans only its own moves, a joint move waits for the
partner's acceptance, others' uncommitted plans stay hidden, the budget is shared, and the
desk survives the session log."""

from __future__ import annotations

import pytest

from game.core.actions import CATALOG, Action
from game.core.engine import new_game
from game.core.views import view
from game.net.desk import Desk, thaw_desk
from game.net.protocol import ROLES, Refusal

from .conftest import spec


@pytest.fixture
def vw():
    return view(new_game(spec("city_hospital"), 1), "ruiyi", with_log=False)


def team_desk(vw):
    return Desk("team", vw, {r: "team" for r in ROLES})


def role_desk(vw, roles=ROLES):
    return Desk("roles", vw, {r: r for r in roles})


def test_one_laptop_plans_every_role_and_locks_on_commit(vw):
    d = team_desk(vw)
    d.set_plan("team", [Action("research_account"), Action("call", "zhou_liqun")])
    assert len(d.human_plan()) == 2
    with pytest.raises(Refusal) as err:
        d.set_plan("team", [Action("research_account"), Action("decide_pursue")])
    assert err.value.code == "plan/illegal" and "Research the account first" in err.value.text
    assert err.value.params["index"] == 1 and err.value.params["reason"].startswith("why.")
    assert len(d.human_plan()) == 2, "a refused draft leaves the old one standing"
    with pytest.raises(Refusal) as err:
        d.set_plan("team", [Action("fly_to_the_moon")])
    assert err.value.code == "plan/unknown_action"
    d.commit("team")
    assert d.is_committed("team") and d.waiting() == []
    with pytest.raises(Refusal) as err:
        d.set_plan("team", [])
    assert err.value.code == "plan/committed"
    d.reopen("team")
    d.set_plan("team", [])
    assert thaw_desk(d.freeze(), vw).human_plan() == []


def test_one_laptop_agrees_joint_moves_at_once(vw):
    d = team_desk(vw)
    d.move("team", "plan", None, Action("research_account"))
    d.move("team", "plan", "presales", Action("needs_research", "wu_zhiyuan"))
    seen = d.seen_by("team")
    assert [e["owner"] for e in seen["entries"]] == ["rep", "presales"]
    assert seen["can_undo"] and seen["days_left"]["presales"] < vw["me"]["time"]["presales"]
    d.move("team", "undo")
    assert [a.kind for a in d.human_plan()] == ["research_account"]


def test_a_role_plans_only_its_own_moves(vw):
    d = role_desk(vw)
    d.set_plan("rep", [Action("research_account")])
    with pytest.raises(Refusal) as err:
        d.set_plan("presales", [Action("research_account")])
    assert err.value.code == "plan/not_your_role"
    with pytest.raises(Refusal) as err:
        d.move("pm", "plan", "rep", Action("research_account"))
    assert err.value.code == "plan/not_your_role"


def test_a_joint_move_waits_for_the_partner_person(vw):
    d = role_desk(vw)
    d.move("rep", "plan", None, Action("research_account"))
    d.commit("rep")
    d.reopen("rep")
    d.move("rep", "plan", None, Action("call", "zhou_liqun"))
    # the sales rep proposes a joint move to the presales consultant
    vw2 = d.week.view
    joint = Action("joint_visit", "wu_zhiyuan")
    d.move("rep", "plan", None, joint)
    proposal = d.week.entries[-1]
    assert proposal.status == "proposed" and proposal.partner == "presales"
    assert joint not in d.human_plan(), "a proposal counts only once accepted"
    seen = d.seen_by("presales")
    assert seen["awaiting"] == [proposal.id]
    assert d.seen_by("presales")["days_left"]["presales"] == vw2["me"]["time"]["presales"]
    with pytest.raises(Refusal) as err:
        d.commit("presales")
    assert err.value.code == "plan/answer_first"
    with pytest.raises(Refusal) as err:
        d.move("presales", "withdraw", entry=proposal.id)
    assert err.value.code == "plan/not_owner"
    d.move("presales", "accept", entry=proposal.id)
    assert joint in d.human_plan()
    assert d.seen_by("presales")["days_left"]["presales"] < vw2["me"]["time"]["presales"]
    with pytest.raises(Refusal) as err:
        d.move("presales", "decline", entry=proposal.id)
    assert err.value.code == "plan/answered"


def test_other_roles_plans_show_once_committed(vw):
    d = role_desk(vw)
    d.set_plan("rep", [Action("research_account")])
    seen = d.seen_by("exec")
    assert seen["entries"] == [] and seen["hidden"] == 1
    cost = CATALOG["research_account"].cost
    assert seen["budget_left"] == pytest.approx(vw["me"]["budget"] - cost)
    assert seen["hidden_cost"] == pytest.approx(cost)
    d.commit("rep")
    seen = d.seen_by("exec")
    assert [e["action"]["kind"] for e in seen["entries"]] == ["research_account"]
    assert seen["hidden"] == 0 and seen["committed"] == ["rep"]
    back = thaw_desk(d.freeze(), vw)
    assert back.is_committed("rep") and back.human_plan() == d.human_plan()


def test_the_shared_budget_cannot_be_overdrawn_by_two_roles(vw):
    # A team with money for the research and half a business dinner left.
    left = CATALOG["research_account"].cost + CATALOG["entertain"].cost / 2
    rich = dict(vw, me=dict(vw["me"], budget=left))
    d = role_desk(rich)
    d.set_plan("rep", [Action("research_account")])
    with pytest.raises(Refusal) as err:
        d.set_plan("rep", [Action("research_account"), Action("entertain", "wu_zhiyuan")])
    assert err.value.code == "plan/illegal"
    assert vw["me"]["budget"] > left


def test_a_role_the_ai_takes_over_loses_its_moves_and_proposals_are_agreed(vw):
    d = role_desk(vw, ("rep", "presales"))
    d.move("presales", "plan", None, Action("needs_research", "wu_zhiyuan"))
    d.move("rep", "plan", None, Action("research_account"))
    d.reseat({"rep": "rep"})  # the presales consultant left; the AI covers the role
    assert [a.kind for a in d.human_plan()] == ["research_account"]
    assert d.waiting() == ["rep"]


def test_a_phase_one_desk_in_an_old_log_is_read_as_agreed(vw):
    old = {"mode": "team", "plan": {"team": [{"kind": "research_account", "target": None,
                                              "option": None}]}, "committed": ["team"]}
    d = thaw_desk(old, vw)
    assert [a.kind for a in d.human_plan()] == ["research_account"]
    assert d.is_committed("team")


def test_a_seat_moves_only_its_own_moves_earlier(vw):
    d = role_desk(vw)
    d.move("rep", "plan", None, Action("research_account"))
    d.move("rep", "plan", None, Action("call", "zhou_liqun"))
    d.move("exec", "plan", None, Action("exec_visit", "zhou_liqun"))
    first, second, theirs = (e.id for e in d.week.entries)
    with pytest.raises(Refusal) as err:
        d.move("rep", "earlier", entry=first)
    assert err.value.code == "plan/first_already"
    with pytest.raises(Refusal) as err:
        d.move("exec", "earlier", entry=second)
    assert err.value.code == "plan/not_owner"
    with pytest.raises(Refusal) as err:
        d.move("rep", "earlier")
    assert err.value.code == "proto/invalid"
    d.move("rep", "earlier", entry=second)
    assert [a.kind for a in d.human_plan()] == ["call", "research_account", "exec_visit"]
    # the executive sees none of the rep's uncommitted moves: its own is first to it
    with pytest.raises(Refusal) as err:
        d.move("exec", "earlier", entry=theirs)
    assert err.value.code == "plan/first_already"
    d.commit("rep")
    d.move("exec", "earlier", entry=theirs)
    assert [a.kind for a in d.human_plan()] == ["call", "exec_visit", "research_account"]
