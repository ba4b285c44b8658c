"""The lesson check: its report's shape and key lines, and arms that change the team's seat
alone (the rivals, the customer and the seeds stay as the baseline has them)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from game.ai.agents import CoachedAgent
from game.ai.policy import NORMAL
from game.scenario.library import find_scenario
from game.scenario.loader import load_scenario
from game.sim import fidelity
from game.sim.fidelity import ARMS, _agents, _team, arm_skill, arm_spec, play_one

KEYS = ("budget_minus10_pts", "budget_plus10_pts", "budget_half_pts", "no_kdm_pts",
        "no_insider_pts", "no_coach_pts", "no_joint_pts", "no_motives_pts", "wrong_stage_pts",
        "c931_8c1f_win", "winner_w_share", "kdm_favourite_close_win", "price_loss_share",
        "over_budget_loss_share", "kdm_meetings_per_game")


@pytest.fixture(scope="module")
def spec():  # type: ignore[no-untyped-def]
    return load_scenario(find_scenario("city_hospital"))


@pytest.mark.parametrize("arm", list(ARMS))
def test_an_arm_changes_the_teams_seat_alone(spec, arm: str) -> None:  # type: ignore[no-untyped-def]
    team = _team(spec)
    played = arm_spec(spec, arm)
    before = {v.id: v.model_dump() for v in spec.vendors}
    after = {v.id: v.model_dump() for v in played.vendors}
    assert before.keys() == after.keys()
    for vid in before:
        if vid != team:
            assert after[vid] == before[vid], f"{arm} changed rival {vid}"
    for part in ("customer", "stakeholders", "events", "last_week", "tune"):
        assert getattr(played, part) == getattr(spec, part), f"{arm} changed {part}"
    changed = {k for k in before[team] if before[team][k] != after[team][k]}
    assert changed == ({"sales_budget"} if arm.startswith("budget") else set())
    base, agents = _agents(spec, 3, "baseline"), _agents(played, 3, arm)
    for vid, agent in agents.items():
        if vid == team:
            assert isinstance(agent, CoachedAgent)
            continue
        assert type(agent) is type(base[vid])
        assert vars(agent).keys() == vars(base[vid]).keys()
    assert (arm_skill(spec, arm) == NORMAL) == (arm == "baseline" or arm.startswith("budget"))


def test_a_budget_arm_scales_the_teams_budget(spec) -> None:  # type: ignore[no-untyped-def]
    team = _team(spec)
    base = next(v for v in spec.vendors if v.id == team).sales_budget
    for arm, factor in (("budget_minus10", 0.9), ("budget_plus10", 1.1), ("budget_half", 0.5)):
        got = next(v for v in arm_spec(spec, arm).vendors if v.id == team).sales_budget
        assert got == pytest.approx(base * factor)


def test_the_never_meet_the_kdm_arm_never_meets_the_kdm(spec) -> None:  # type: ignore[no-untyped-def]
    res = play_one(spec, "no_kdm", 1)
    assert res.kdm_meetings == 0
    assert play_one(spec, "baseline", 1).kdm_meetings > 0


def test_a_game_is_the_same_each_time_it_is_played(spec) -> None:  # type: ignore[no-untyped-def]
    a, b = play_one(spec, "no_coach", 2), play_one(spec, "no_coach", 2)
    assert a == b


def test_the_command_prints_the_report_and_its_key_lines(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    args = argparse.Namespace(files=["city_hospital"], games=2, jobs=1,
                              arms=["no_kdm", "budget_half"], out=str(tmp_path), quiet=True)
    assert fidelity.run_fidelity(args) == 0
    out = capsys.readouterr().out
    tail = out.strip().splitlines()[-len(KEYS):]
    assert [line.split(":")[0] for line in tail] == list(KEYS)
    for line in tail:
        float(line.split(": ")[1])
    report = (tmp_path / "fidelity-city_hospital.md").read_text(encoding="utf-8")
    table = [line for line in report.splitlines() if line.startswith("| ")]
    assert table[0].startswith("| arm | city_hospital | pooled |")
    assert table[1].startswith("| baseline win rate | ")
    assert any(row.startswith("| no_kdm (") for row in table)
    assert any(row.startswith("| budget_half (") for row in table)
    assert not any(row.startswith("| no_coach (") for row in table)
    for head in ("## How often the baseline team uses each lever",
                 "## C931 at tender issue", "## Why the baseline team lost",
                 "Deals with a key personnel change", "## Key figures (pooled)"):
        assert head in report
    assert "| C | F | W | vendors | won |" in report


def test_an_unknown_scenario_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                        ) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [\n", encoding="utf-8")
    args = argparse.Namespace(files=[str(bad)], games=1, jobs=1, arms=None,
                              out=str(tmp_path), quiet=True)
    assert fidelity.run_fidelity(args) == 1
    assert "bad.yaml" in capsys.readouterr().err
