"""The team's week on its own: shared money and knowledge, own days, hidden uncommitted
plans, joint moves that wait for the partner, commits, and a plan the rules accept."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from game.core.actions import CATALOG, Action
from game.core.checks import check_plan, legal_actions
from game.core.engine import new_game
from game.core.views import view
from game.play.team_week import ROLES, Entry, TeamWeek
from game.scenario.loader import load_scenario

REPO = Path(__file__).resolve().parents[2]


@cache
def _start() -> tuple[Any, str]:
    spec = load_scenario(REPO / "scenarios" / "city_hospital.yaml")
    team = next(v.id for v in spec.vendors if v.side == "team")
    return new_game(spec, 7), team


def fresh_view() -> dict[str, Any]:
    state, team = _start()
    return view(state, team)


def move(v: dict[str, Any], role: str, kind: str | None = None, joint: bool = False) -> Action:
    """A move ``role`` may plan now: of ``kind`` if given, else any solo (or joint) one."""
    for o in legal_actions(v, [], role, include_disabled=False):
        if (kind is None or o.action.kind == kind) and (len(o.roles) > 1) == joint:
            return o.action
    raise AssertionError(f"no {kind or 'move'} for {role}")


def test_solo_move_uses_own_days_and_shared_money() -> None:
    v = fresh_view()
    week = TeamWeek.hotseat(v, ROLES)
    a = move(v, "rep", "research_account")
    assert week.plan("rep", a) is None
    d = CATALOG[a.kind]
    assert week.days_left("rep") == v["me"]["time"]["rep"] - d.days
    assert week.days_left("presales") == v["me"]["time"]["presales"]
    assert week.budget_left() == pytest.approx(v["me"]["budget"] - d.cost)
    assert week.plan("presales", a) == "team.not_your_role"


def test_uncommitted_plans_are_hidden_until_commit() -> None:
    v = fresh_view()
    week = TeamWeek.hotseat(v, ROLES)
    week.plan("rep", move(v, "rep", "research_account"))
    assert week.visible("presales") == []
    assert week.snapshot("presales")["entries"] == []
    assert week.commit("rep") is None
    assert [e.owner for e in week.visible("presales")] == ["rep"]
    # committed: fixed for the week
    assert week.plan("rep", move(v, "rep")) == "team.committed"
    assert week.undo("rep") == "team.committed"


def test_solo_seat_sees_everything_and_agrees_joint_moves_at_once() -> None:
    v = fresh_view()
    week = TeamWeek.solo(v, ROLES)
    week.plan("rep", move(v, "rep", "research_account"))
    assert len(week.visible("exec")) == 1
    jv = move(v, "rep", "joint_visit", joint=True)
    assert week.plan("rep", jv) is None
    assert week.entries[-1].status == "accepted"
    assert week.days_left("presales") == v["me"]["time"]["presales"] - 1


def test_joint_move_waits_for_partner_and_never_takes_its_days_unasked() -> None:
    v = fresh_view()
    week = TeamWeek.hotseat(v, ROLES)
    jv = move(v, "rep", "joint_visit", joint=True)
    assert week.plan("rep", jv) is None
    entry = week.entries[-1]
    assert (entry.owner, entry.partner, entry.status) == ("rep", "presales", "proposed")
    assert week.days_left("rep") == v["me"]["time"]["rep"] - 1
    assert week.days_left("presales") == v["me"]["time"]["presales"]  # not used yet
    assert jv not in week.actions()  # not part of the plan until agreed
    # the partner sees it, cannot delete it, must answer before committing
    assert [e.id for e in week.awaiting("presales")] == [entry.id]
    assert week.sees("presales", entry) and not week.sees("pm", entry)
    assert week.withdraw("presales", entry.id) == "team.not_owner"
    assert week.commit("presales") == "team.answer_first"
    assert week.accept("pm", entry.id) == "team.no_such_move"
    assert week.accept("presales", entry.id) is None
    assert week.days_left("presales") == v["me"]["time"]["presales"] - 1
    assert jv in week.actions()
    assert week.accept("presales", entry.id) == "team.answered"


def test_declined_joint_move_frees_the_owners_days() -> None:
    v = fresh_view()
    week = TeamWeek.hotseat(v, ROLES)
    jv = move(v, "rep", "joint_visit", joint=True)
    week.plan("rep", jv)
    entry = week.entries[-1]
    assert week.decline("presales", entry.id) is None
    assert week.days_left("rep") == v["me"]["time"]["rep"]
    assert week.budget_left() == pytest.approx(v["me"]["budget"])
    assert jv not in week.actions()
    assert week.entry(entry.id) is not None and week.entry(entry.id).status == "declined"


def test_partner_without_days_cannot_accept() -> None:
    v = fresh_view()
    week = TeamWeek.hotseat(v, ROLES)
    exec_days = v["me"]["time"]["exec"]
    sponsor = move(v, "rep", "sponsor_visit", joint=True)
    week.plan("rep", sponsor)
    proposal = week.entries[-1]
    # the executive fills its own days first
    filler = [o.action for o in legal_actions(v, [], "exec", include_disabled=False)
              if len(o.roles) == 1]
    used = 0
    for a in filler:
        if week.plan("exec", a) is None:
            used += CATALOG[a.kind].days
        if used >= exec_days:
            break
    assert week.days_left("exec") < CATALOG["sponsor_visit"].days
    assert week.accept("exec", proposal.id) == "why.no_time.exec"
    assert week.decline("exec", proposal.id) is None


def test_hidden_spending_still_limits_the_shared_budget() -> None:
    v = dict(fresh_view())
    costly = max((o.action for o in legal_actions(v, [], "rep", include_disabled=False)
                  if len(o.roles) == 1), key=lambda a: CATALOG[a.kind].cost)
    v["me"] = {**v["me"], "budget": CATALOG[costly.kind].cost + 0.1}
    week = TeamWeek.hotseat(v, ROLES)
    assert week.plan("rep", costly) is None
    # presales cannot see rep's plan, yet cannot spend the same money
    other = next(o.action for o in legal_actions(v, [], "presales", include_disabled=False)
                 if CATALOG[o.action.kind].cost > week.budget_left())
    assert week.plan("presales", other) == "why.no_budget"
    assert week.visible("presales") == []


def test_event_answers_are_team_decisions_any_role_replaces() -> None:
    v = fresh_view()
    v = {**v, "pending": [{"event": "ev", "choices": [
        {"id": "a", "cost": 0.0, "label": {"zh": "甲", "en": "A"}},
        {"id": "b", "cost": 0.0, "label": {"zh": "乙", "en": "B"}}]}]}
    week = TeamWeek.hotseat(v, ROLES)

    def fake_check(view: dict[str, Any], action: Action, plan: list[Action]) -> str | None:
        return None

    week.checker = fake_check
    assert week.answer_event("rep", Action("choose", "ev", "a")) is None
    assert week.sees("pm", week.entries[0])
    assert week.answer_event("pm", Action("choose", "ev", "b")) is None
    assert [e.action.option for e in week.entries] == ["b"]
    assert week.undo("pm") is None
    assert [e.action.option for e in week.entries] == ["a"]


def test_undo_takes_back_only_the_roles_own_last_change() -> None:
    v = fresh_view()
    week = TeamWeek.hotseat(v, ROLES)
    a = move(v, "rep", "research_account")
    b = move(v, "presales")
    week.plan("rep", a)
    week.plan("presales", b)
    assert week.undo("rep") is None
    assert week.actions() == [b]
    assert week.undo("rep") == "team.nothing_to_undo"
    week.plan("rep", a)
    e = week.entries[-1]
    assert week.withdraw("rep", e.id) is None
    assert week.undo("rep") is None  # the withdrawn move comes back
    assert week.actions() == [b, a]


def test_whole_week_in_turn_gives_a_plan_the_rules_accept() -> None:
    v = fresh_view()
    week = TeamWeek.hotseat(v, ROLES)
    jv = move(v, "rep", "joint_visit", joint=True)
    week.plan("rep", jv)
    week.plan("rep", move(v, "rep", "research_account"))
    order = []
    while week.waiting_for() is not None:
        role = week.waiting_for()
        order.append(role)
        for e in week.awaiting(role):
            week.accept(role, e.id)
        if role not in week.committed:
            for o in legal_actions(v, week.actions(), role, include_disabled=False)[:2]:
                if len(o.roles) == 1:
                    week.plan(role, o.action)
            assert week.commit(role) is None
    assert order == list(ROLES)
    plan = week.team_plan()
    assert jv in plan
    assert check_plan(v, plan) is None
    used: dict[str, int] = {}
    for a in plan:
        for r in CATALOG[a.kind].roles:
            used[r] = used.get(r, 0) + CATALOG[a.kind].days
    for r in ROLES:
        assert used.get(r, 0) == v["me"]["time"][r] - week.days_left(r)


def test_a_late_proposal_to_a_committed_role_is_answered_after_everyone() -> None:
    v = fresh_view()
    week = TeamWeek.hotseat(v, ROLES)
    for r in ("rep", "presales", "pm"):
        assert week.commit(r) is None
    sponsor = move(v, "exec", "sponsor_visit", joint=True)
    assert week.plan("exec", sponsor) is None
    assert week.commit("exec") is None
    assert week.waiting_for() == "rep"  # the rep must answer before the week can end
    with pytest.raises(ValueError):
        week.team_plan()
    assert week.accept("rep", week.entries[-1].id) is None
    assert week.complete and week.team_plan() == [sponsor]


def test_ai_partner_agrees_at_once_and_never_commits() -> None:
    v = fresh_view()
    week = TeamWeek.hotseat(v, ("rep", "presales"))  # PM and executive are AI teammates
    sponsor = move(v, "rep", "sponsor_visit", joint=True)
    assert week.plan("rep", sponsor) is None
    assert week.entries[-1].status == "accepted"
    assert week.plan("exec", move(v, "exec")) == "team.not_played"
    week.commit("rep")
    week.commit("presales")
    assert week.complete


def test_round_trip_through_plain_data() -> None:
    v = fresh_view()
    week = TeamWeek.hotseat(v, ROLES)
    week.plan("rep", move(v, "rep", "joint_visit", joint=True))
    week.commit("rep")
    again = TeamWeek.from_dict(v, week.to_dict())
    assert again.entries == week.entries and again.committed == week.committed
    week2_id = again._take_id()
    assert week2_id not in {e.id for e in week.entries}
    with pytest.raises(ValueError):
        Entry.from_dict({"id": 1, "action": {"kind": "visit"}, "owner": "rep",
                         "status": "maybe"})


def test_earlier_moves_a_move_up_past_what_the_role_sees_and_undo_puts_it_back() -> None:
    v = fresh_view()
    week = TeamWeek.hotseat(v, ROLES)
    a = move(v, "rep", "research_account")
    b = move(v, "presales")
    c = next(o.action for o in legal_actions(v, [a], "rep", include_disabled=False)
             if len(o.roles) == 1 and o.action != a)
    week.plan("rep", a)
    week.plan("presales", b)  # hidden from the rep until the presales commits
    week.plan("rep", c)
    first, hidden, last = (e.id for e in week.entries)
    assert week.earlier("rep", first) == "team.first_already"
    assert week.earlier("presales", last) == "team.not_owner_order"
    assert week.earlier("rep", last) is None
    assert week.actions() == [c, a, b]  # up past the rep's own move, not just the hidden one
    assert [e.id for e in week.visible("rep")] == [last, first]
    # the presales sees none of the rep's uncommitted moves: its own is first to it
    assert week.earlier("presales", hidden) == "team.first_already"
    assert week.undo("rep") is None
    assert week.actions() == [a, b, c]
    week.commit("rep")
    assert week.earlier("rep", last) == "team.committed"


def test_the_rules_accept_a_week_in_any_order() -> None:
    """Why ``earlier`` never checks the rules again: the days and money a week takes are
    sums, and no move needs another planned before it in the same week. If a rule ever
    makes order matter to what is allowed, this fails and ``earlier`` must check it."""
    import random

    from game.ai.coach import follow_coach
    from game.sim.play import play_game

    spec = load_scenario(REPO / "scenarios" / "city_hospital.yaml")
    team = next(v.id for v in spec.vendors if v.side == "team")
    rng = random.Random(5)
    weeks: list[int] = []

    def coached_then_shuffled(v: dict[str, Any]) -> Any:
        plan, why = follow_coach(v, 3)
        for _ in range(6):
            shuffled = plan[:]
            rng.shuffle(shuffled)
            assert check_plan(v, shuffled) is None, (v["week"], shuffled)
        weeks.append(v["week"])
        return shuffled, why

    planners = {v.id: coached_then_shuffled for v in spec.vendors if v.id == team}
    from game.sim.play import default_planner

    for v in spec.vendors:
        planners.setdefault(v.id, default_planner(v.id))
    play_game(spec, 3, planners)
    assert len(weeks) >= 8
