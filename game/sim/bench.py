"""Benchmarks: readable table first, then one `key: value` figure per line (medians)."""

from __future__ import annotations

import argparse
import statistics
import time

from game.scenario.library import shipped_dir
from game.scenario.loader import load_scenario

SCENARIOS = shipped_dir()


def _engine_rates(runs: int, games: int) -> list[float]:
    """Games per second of `runs` runs of batch games, every vendor on the built-in AI."""
    from game.ai.agents import BuiltinAgent
    from game.core.engine import new_game
    from game.sim.batch import play_batch_game

    specs = [load_scenario(p) for p in sorted(SCENARIOS.glob("*.yaml"))]
    templates = [new_game(s, 0) for s in specs]
    agents = [{v.id: BuiltinAgent() for v in s.vendors} for s in specs]
    rates = []
    seed = 0
    for _run in range(runs):
        t0 = time.perf_counter()
        for _ in range(games):
            k = seed % len(specs)
            play_batch_game(specs[k], seed, agents[k], templates[k])
            seed += 1
        rates.append(games / (time.perf_counter() - t0))
    return rates


def bench_engine(runs: int, games: int, pure_games: int = 12) -> int:
    """Whole games on one core (the compiled rules when built), then the same rules
    uncompiled in a child process, for the record."""
    import json
    import os
    import subprocess
    import sys

    import game
    from game.native import PURE_ENV

    build = "compiled" if game.NATIVE["compiled"] else f"uncompiled ({game.NATIVE['reason']})"
    print(f"rules: {build}; {len(list(SCENARIOS.glob('*.yaml')))} shipped scenarios in turn, "
          "every vendor on the built-in AI, games without the record (batch)")
    print(f"{'run':>4} {'games':>6} {'games/s':>9}")
    rates = _engine_rates(runs, games)
    for run, rate in enumerate(rates, 1):
        print(f"{run:>4} {games:>6} {rate:>9.1f}")
    code = ("import json, sys; from game.sim.bench import _engine_rates; "
            f"print(json.dumps(_engine_rates(3, {pure_games})))")
    done = subprocess.run([sys.executable, "-c", code], env={**os.environ, PURE_ENV: "1"},
                          capture_output=True, text=True, check=True)
    pure = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"uncompiled: {', '.join(f'{r:.1f}' for r in pure)} games/s ({pure_games} games "
          "a run)")
    print(f"games_per_s: {statistics.median(rates):.1f}")
    print(f"pure_games_per_s: {statistics.median(pure):.1f}")
    return 0


def _engine(args: argparse.Namespace) -> int:
    return bench_engine(args.runs, args.games or 400)


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
