"""The guided first deal can be played as its steps say, by a newcomer who does what each
goal asks, without the coach: every goal is reached, in order, before the bid deadline.
(tests/ui/test_tutorial.py plays it with the coach and checks the texts.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.core.actions import Action
from game.core.checks import check
from game.core.engine import end_week, new_game
from game.core.views import view
from game.play.guide import Tutorial, guide, guide_path, reached
from game.scenario.loader import load_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
TEAM = "our_team"
# What the goals ask for, week by week (a rep, presales, PM and executive each with their
# days; a refused move fails the test, so the goals' advice stays playable). A call may not
# get through; the newcomer calls again once the person is free.
WEEKS: list[list[tuple[str, str | None, str | None]]] = [
    [("sponsor_visit", "gm", None), ("joint_visit", "it_head", None), ("call", "cfo", None),
     ("call", "buyer", None), ("qualify", None, None), ("needs_research", "it_head", None),
     ("site_survey", "it_head", None)],
    [("develop_coach", "it_head", None), ("call", "cfo", None), ("call", "service_head", None),
     ("qualify", None, None), ("proposal", None, None), ("delivery_plan", None, None)],
    [("ask_coach", "it_head", None), ("call", "cfo", None), ("confirm_opportunity", None, None),
     ("write_bid", None, None), ("bid_delivery", None, None)],
    [("exec_visit", "gm", None), ("submit_bid", None, "list"), ("demo", "it_head", None)],
]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_newcomer_following_the_goals_reaches_each_before_the_bid_deadline(
        seed: int) -> None:
    spec = load_scenario(guide_path(SCENARIOS))
    state = new_game(spec, seed)
    tutorial = Tutorial()
    for moves in WEEKS:
        seen = view(state, TEAM)
        plan: list[Action] = []
        for kind, target, option in moves:
            action = Action(kind, target, option)
            why = check(seen, action, plan)
            if kind == "call" and why in ("why.contact_high", "why.unavailable"):
                continue  # the first call got through, or they are not free again yet
            assert why is None, (state.week, kind, target, why)
            plan.append(action)
        end_week(state, {TEAM: plan})
        tutorial.update(view(state, TEAM))
    assert state.week - 1 == spec.customer.calendar.bid_deadline
    assert tutorial.finished, tutorial.done
    assert tutorial.done == [step["id"] for step in guide()["steps"]]


def test_the_kdm_introduction_goal_reads_the_kdm_card() -> None:
    check_ = {"kind": "introduced"}
    kdm = {"id": "gm", "key": ["KDM"], "introduced": False}
    other = {"id": "it_head", "key": ["KI"], "introduced": True}
    assert not reached(check_, {"people": [kdm, other]})
    assert reached(check_, {"people": [{**kdm, "introduced": True}, other]})
    assert not reached(check_, {"people": [{"id": "gm", "introduced": True}]})  # roles unknown
