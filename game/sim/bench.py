"""Benchmarks: readable table first, then one `key: value` figure per line (medians)."""

from __future__ import annotations

import argparse
import statistics
import time

from game.scenario.library import shipped_dir
from game.scenario.loader import load_scenario
from game.sim.play import play_game

SCENARIOS = shipped_dir()


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


def _engine(args: argparse.Namespace) -> int:
    return bench_engine(args.runs, args.games or 40)


def _ai(args: argparse.Namespace) -> int:
    from game.ai.bench import run_bench_ai

    args.games = args.games or 1000
    args.jobs = args.jobs or 1
    return run_bench_ai(args)


def _balance(args: argparse.Namespace) -> int:
    from game.sim.balance import run_bench_balance

    return run_bench_balance(args)


def _ui(args: argparse.Namespace) -> int:
    from game.ui.bench import run_ui_bench

    return run_ui_bench(args)


def _workshop(args: argparse.Namespace) -> int:
    from game.net.bench import run_bench_workshop

    return run_bench_workshop(args)


BENCHES = {"engine": _engine, "ai": _ai, "balance": _balance, "ui": _ui, "workshop": _workshop}


def run_bench(what: str, args: argparse.Namespace) -> int:
    return BENCHES[what](args)
