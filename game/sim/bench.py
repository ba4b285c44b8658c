"""Benchmarks: readable table first, then one `key: value` figure per line (medians)."""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from game.scenario.loader import load_scenario
from game.sim.play import play_game

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def bench_engine(runs: int, games: int) -> int:
    specs = [load_scenario(p) for p in sorted(SCENARIOS.glob("*.yaml"))]
    rates = []
    print(f"{'run':>4} {'games':>6} {'seconds':>8} {'games/s':>8}")
    seed = 0
    for run in range(1, runs + 1):
        t0 = time.perf_counter()
        for _ in range(games):
            play_game(specs[seed % len(specs)], seed)
            seed += 1
        dt = time.perf_counter() - t0
        rates.append(games / dt)
        print(f"{run:>4} {games:>6} {dt:>8.2f} {games / dt:>8.1f}")
    print(f"games_per_s: {statistics.median(rates):.1f}")
    return 0


def run_bench(what: str, args: argparse.Namespace) -> int:
    if what == "engine":
        return bench_engine(args.runs, args.games)
    raise SystemExit(f"unknown benchmark {what}")
