"""People move on: a weekly chance that someone who matters is replaced, heard of ahead by the
vendors with an insider or a coach, drawn from the customer's own dice.

The calibration check plays only the customer's side of many games (the rule's own draws, as
the engine makes them each week) and holds the share of deals that meet a key change to the
10-20% the issue asks for, per shipped scenario.
"""

from __future__ import annotations

from typing import Any

import pytest

from game.ai.agents import make_agent
from game.core.actions import Action
from game.core.engine import new_game
from game.core.personnel import personnel_week
from game.core.state import GameState
from game.core.views import view
from game.scenario.models import ScenarioSpec
from game.sim.play import play_week

from .conftest import (
    ME,
    RIVAL,
    SCENARIOS,
    lab_state,
    make_spec,
    play,
    rel,
    relate,
    shipped,
)

LIKELY = 0.2  # the highest weekly chance a scenario may set: changes come soon


def moving(chance: float = LIKELY, rumour_weeks: int = 2) -> ScenarioSpec:
    """The lab with people moving on, and a deal long enough for it: nobody bids, so the
    game ends at the bid deadline (week 13)."""
    def edit(d: dict[str, Any]) -> None:
        d["customer"]["personnel"] = {"weekly_chance": chance, "rumour_weeks": rumour_weeks}
        d["customer"]["calendar"] = {"initiation": 2, "tender_issue": 10, "bid_deadline": 13,
                                     "award": 14, "notice_weeks": 1, "contract": 15}
        d["last_week"] = 20
    return make_spec(edit)


def changes(entries: list[dict[str, Any]]) -> list[tuple]:
    """The customer's side of a game: rumours and replacements, with the newcomers drawn."""
    out = []
    for e in entries:
        if e.get("event") == "rumour":
            out.append((e["week"], "rumour", e["effects"]["person"], e["effects"]["due"]))
        elif e.get("event") == "personnel_change":
            out.append((e["week"], "change", e["effects"]["replaced"],
                        e["effects"]["new"]["en"]))
    return out


def first_change(seed_from: int = 0, **kw: Any) -> tuple[GameState, dict[str, Any]]:
    """A lab game (nobody doing anything) up to its first rumour; the rumour's log entry."""
    for seed in range(seed_from, seed_from + 50):
        state = lab_state(seed, moving(**kw))
        relate(state, "cio", contact=3, trust=0.5)  # ME has an insider, the rival none
        while state.week < 11:
            report = play(state)
            rumour = [e for e in report["entries"] if e.get("event") == "rumour"]
            if rumour:
                return state, rumour[0]
    raise AssertionError("no rumour in 50 games at the highest chance")


def test_a_rumour_comes_first_and_the_change_at_its_due_week():
    state, rumour = first_change()
    pid, due = rumour["effects"]["person"], rumour["effects"]["due"]
    assert due == rumour["week"] + state.rumour_weeks
    assert state.rumours == {pid: due}
    assert state.people[pid].generation == 0
    while state.week <= due:
        report = play(state)
    change = next(e for e in report["entries"] if e.get("event") == "personnel_change")
    assert change["week"] == due and change["effects"]["replaced"] == pid
    assert pid not in state.rumours
    assert state.people[pid].generation == 1


def test_only_vendors_with_an_insider_or_coach_hear_the_rumour():
    state, rumour = first_change()
    pid, due = rumour["effects"]["person"], rumour["effects"]["due"]
    assert rumour["affected"] == [ME]
    mine = next(p for p in view(state, ME, with_log=False)["people"] if p["id"] == pid)
    theirs = next(p for p in view(state, RIVAL, with_log=False)["people"] if p["id"] == pid)
    assert mine["rumour"] == due and theirs["rumour"] == 0
    assert any(e.get("event") == "rumour" for e in view(state, ME)["log"])
    assert not any(e.get("event") == "rumour" for e in view(state, RIVAL)["log"])


def test_a_coach_hears_it_too_and_nobody_else_does():
    state, rumour = first_change(seed_from=0)
    pid = rumour["effects"]["person"]
    relate(state, "cio", contact=2)
    assert all(p["rumour"] == 0 for p in view(state, ME, with_log=False)["people"])
    relate(state, "nurse", contact=4)
    assert next(p for p in view(state, ME, with_log=False)["people"]
                if p["id"] == pid)["rumour"] == state.rumours[pid]


def test_the_newcomer_starts_afresh_except_with_the_vendors_who_were_warned():
    state, rumour = first_change()
    pid, due = rumour["effects"]["person"], rumour["effects"]["due"]
    old = state.people[pid]
    for vid, support in ((ME, 0.6), (RIVAL, 0.7)):
        relate(state, pid, vid=vid, support=support, trust=0.5, contact=2, known_roles=True,
               known_position=True, introduced=True)
    while state.week <= due:
        report = play(state)
    change = next(e for e in report["entries"] if e.get("event") == "personnel_change")
    new = state.people[pid]
    assert (new.id, new.key, new.roles, new.influence, new.senior, new.gap) == \
        (old.id, old.key, old.roles, old.influence, old.senior, old.gap)
    assert new.generation == old.generation + 1 and new.name != old.name
    assert change["effects"]["was"] == old.name and change["effects"]["new"] == new.name
    assert change["effects"]["prepared"] == [ME]
    mine, theirs = rel(state, pid), rel(state, pid, RIVAL)
    assert (mine.contact, mine.introduced, mine.known_roles) == (1, True, True)
    assert (theirs.contact, theirs.introduced, theirs.known_roles) == (0, False, False)
    for r in (mine, theirs):  # whatever rested on the one who left is gone
        assert r.support == new.leaning and not r.known_position and not r.known_personal
    assert mine.trust > theirs.trust == 0.0


def test_the_record_keeps_what_every_vendor_had_with_the_one_who_left():
    state, rumour = first_change()
    pid, due = rumour["effects"]["person"], rumour["effects"]["due"]
    while state.week < due:
        play(state)
    # Tended this week (no cooling before the change).
    relate(state, pid, support=0.55, trust=0.4, contact=2, last_touch=due)
    relate(state, pid, vid=RIVAL, support=0.25, trust=0.1, contact=1, last_touch=due)
    play(state)
    order = [v.id for v in state.vlist]
    got = state.replaced[-1]
    assert (got["person"], got["week"]) == (pid, due)
    assert got["support"] == [0.55 if v == ME else 0.25 for v in order]
    assert got["trust"] == [0.4 if v == ME else 0.1 for v in order]
    assert got["contact"] == [2 if v == ME else 1 for v in order]


def test_a_change_does_not_tell_everyone_who_had_insiders():
    """Which rivals were warned is their own business: a vendor's log names itself at most."""
    state, rumour = first_change()
    due = rumour["effects"]["due"]
    while state.week <= due:
        play(state)
    for vid in (ME, RIVAL):
        for e in view(state, vid)["log"]:
            if e.get("event") == "personnel_change":
                assert set(e.get("effects", {}).get("prepared", [])) <= {vid}, vid


def test_only_people_who_matter_move_and_each_once():
    state = lab_state(2, moving())
    while not state.over:
        play(state)
    moved = [r["person"] for r in state.replaced]
    assert moved, "no change in a whole deal at the highest chance"
    assert len(moved) == len(set(moved))
    for pid in moved:
        p = state.people[pid]
        assert p.senior or {"KDM", "KI", "KU"} & set(p.key), pid
    assert "buyer" not in moved  # purchasing here is neither key nor senior


def test_no_change_is_drawn_outside_the_deal_and_none_when_switched_off():
    state = lab_state(2, moving())
    before = state.world_rng
    for week in (1, 2, state.cal_award, state.cal_award + 1):
        state.week = week
        assert personnel_week(state) == []
    assert state.world_rng == before  # not even a draw
    off = lab_state(2)
    while not off.over:
        play(off)
    assert off.replaced == [] and off.rumours == {}


def test_without_warning_weeks_the_change_comes_at_once():
    state: GameState | None = None
    for seed in range(50):
        state = lab_state(seed, moving(rumour_weeks=0))
        relate(state, "cio", contact=3)
        while state.week < 11 and not state.replaced:
            report = play(state)
        if state.replaced:
            break
    assert state is not None and state.replaced
    assert not any(e.get("event") == "rumour" for e in state.log)
    change = next(e for e in report["entries"] if e.get("event") == "personnel_change")
    assert change["effects"]["prepared"] == [ME]  # an insider still smooths the way


# ---- the customer's own dice -------------------------------------------------------------

def _customer_side(spec: ScenarioSpec, seed: int, team_plays: str | None
                   ) -> tuple[list[tuple], int]:
    """A game where the rivals play their playbooks and the team `team_plays` (None: the
    team does nothing): its rumours and changes, and the last week the customer's dice
    drew for them (the game's end, or the award's week: the deal itself may move the award,
    e.g. an event delaying it when nobody is ready, and no change is drawn after it)."""
    state = new_game(spec, seed)
    team = next(v.id for v in spec.vendors if v.side == "team")
    planners = {v.id: make_agent(v.playbook.value, "normal", seed) for v in spec.vendors}
    planners[team] = (lambda vw: ([], [])) if team_plays is None else \
        make_agent(team_plays, "normal", seed)
    while not state.over:
        play_week(state, planners)
    return changes(state.log), min(state.week, state.cal_award - 1)


def test_a_game_differing_only_in_one_vendors_moves_meets_the_same_changes_lab():
    plans = ({ME: [Action("research_account")]}, {ME: [Action("call", "cio")]}, {})
    compared = 0
    for seed in range(3):
        seen = []
        for plan in plans:
            state = lab_state(seed, moving())
            while not state.over:
                play(state, plan if state.week == 1 else {})
            seen.append((changes(state.log), state.world_rng))
        assert seen[0] == seen[1] == seen[2], seed
        compared += len(seen[0][0])
    assert compared, "no change to compare"


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_a_game_differing_only_in_one_vendors_moves_meets_the_same_changes(path):
    """The team's seat played three ways, the rivals and the seed the same: the customer's
    people move on alike (what `fidelity` needs to compare its arms by seed)."""
    spec = shipped(path)
    d = spec.model_dump(mode="json")
    d["customer"]["personnel"] = {"weekly_chance": LIKELY, "rumour_weeks": 2}
    spec = ScenarioSpec.model_validate(d)
    compared = 0
    for seed in (1, 2, 3):
        runs = [_customer_side(spec, seed, team) for team in ("solution", "price_cutter", None)]
        end = min(week for _, week in runs)  # a game that ends or awards sooner draws no more
        seen = [[c for c in got if c[0] <= end] for got, _ in runs]
        assert seen[0] == seen[1] == seen[2], (spec.id, seed)
        compared += len(seen[0])
    assert compared, "no change to compare"


# ---- calibration -------------------------------------------------------------------------

GAMES = 1500


def _share_with_a_change(spec: ScenarioSpec) -> float:
    """The rule's own weekly draws over a whole deal, for GAMES seeds."""
    hit = 0
    for seed in range(GAMES):
        state = new_game(spec, seed)
        for week in range(1, state.cal_award + state.rumour_weeks + 1):
            state.week = week
            if any(e["event"] == "personnel_change" for e in personnel_week(state)):
                hit += 1
                break
    return hit / GAMES


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_the_scenarios_chance_gives_a_key_change_in_10_to_20_percent_of_deals(path):
    """The default chance, or the one a scenario with a short season authors instead."""
    spec = shipped(path)
    state = new_game(spec, 0)
    chance = state.personnel_chance
    assert chance == pytest.approx(spec.customer.personnel.weekly_chance)
    weeks = state.cal_award - 3  # rumours may start from week 3 until the award
    expected = 1 - (1 - chance) ** weeks
    share = _share_with_a_change(spec)
    sd = (expected * (1 - expected) / GAMES) ** 0.5
    assert abs(share - expected) < 4 * sd, "the engine's draws follow the formula"
    assert 0.10 <= share <= 0.20, (
        f"{spec.id}: {share:.1%} of deals meet a key change (formula {expected:.1%} over "
        f"{weeks} weeks at {chance}); the issue asks for 10-20%")
