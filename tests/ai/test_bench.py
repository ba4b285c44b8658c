"""`bench ai`: seats swapped every seed, shares over decided games, the figures printed last."""

from __future__ import annotations

import argparse

from game.ai import bench


def test_pair_games_swap_the_seats_on_the_same_seed() -> None:
    paths = bench.scenario_paths()
    team_game = bench.play_pair_game(("normal", "easy", 0, True, paths))
    rival_game = bench.play_pair_game(("normal", "easy", 0, False, paths))
    for g in (team_game, rival_game):
        assert g["a_won"] <= g["decided"]
        if g["decided"]:
            assert g["winner"] is not None
    r = bench.run_pairing("normal", "easy", 4, 1, paths)
    assert r["games"] == 4 and 0 <= r["a_wins"] <= r["decided"] <= 4
    assert 0.0 <= r["share"] <= 1.0


def test_the_last_lines_are_the_figures(capsys) -> None:
    args = argparse.Namespace(games=2, jobs=1, only=["normal_vs_easy"], scenario=None)
    assert bench.run_bench_ai(args) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-2].startswith("normal_vs_easy: ")
    float(lines[-2].split(": ")[1])
    assert lines[-1].startswith("expert_decision_ms_p95: ")


def test_p95_is_the_95th_percentile() -> None:
    assert bench.p95(list(range(1, 101))) == 95
    assert bench.p95([]) == 0.0
