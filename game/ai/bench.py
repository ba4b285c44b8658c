"""`python main.py bench ai`: head-to-head strength of the AI levels and of the coach.

Head-to-head, precisely: a pairing "A vs B" plays pairs of games with the same seed on the
same scenario. In the first game side A plays every `side: team` vendor and side B every
rival; in the second the seats are swapped. Each vendor keeps the playbook its scenario gives
it (`basic` when none). A game is decided when someone wins the deal (result `won`; shelved
projects and no-deal endings decide nothing); side A wins it when the winner is one of its
vendors. Win share = A's wins / decided games, so two equal sides score 0.5 whatever the
scenario's seats are worth. Seeds cycle over the shipped scenarios.

"coached" is a player who answers events as advised, plans every ★ in the coach's order
("Plan every ★"), then for every role takes the coach's first suggestion, asks again, and
repeats until the coach has nothing more for any role.

`expert_decision_ms_p95` is the 95th percentile of the CPU time one expert vendor-week takes
(`time.thread_time`), so other work on the machine does not inflate it; the wall-clock
figures are printed above it for comparison.
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
import zlib
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from game.scenario.loader import load_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
PAIRINGS = (("expert", "normal"), ("normal", "easy"), ("coached", "normal"))
_SPECS: dict[tuple[str, ...], list[Any]] = {}


def scenario_paths(extra: list[str] | None = None) -> tuple[str, ...]:
    """The shipped scenarios, or the files given with --scenario."""
    if extra:
        return tuple(extra)
    return tuple(str(p) for p in sorted(SCENARIOS.glob("*.yaml")))


def _specs(paths: tuple[str, ...]) -> list[Any]:
    if paths not in _SPECS:
        _SPECS[paths] = [load_scenario(p) for p in paths]
    return _SPECS[paths]


def side_planner(side: str, playbook: str, seed: int,
                 times: list[tuple[float, float]] | None = None
                 ) -> Callable[[dict[str, Any]], Any]:
    """The planner of one vendor for a side name: a difficulty, or "coached"."""
    if side == "coached":
        from game.ai.coach import follow_coach

        return lambda view: follow_coach(view, seed)
    from game.ai.agents import make_agent

    agent = make_agent(playbook, side, seed)
    if times is None:
        return agent.decide

    def timed(view: dict[str, Any]) -> Any:
        w0, c0 = time.perf_counter(), time.thread_time()
        out = agent.decide(view)
        times.append((time.perf_counter() - w0, time.thread_time() - c0))
        return out

    return timed


def play_pair_game(job: tuple[str, str, int, bool, tuple[str, ...]]) -> dict[str, Any]:
    """One game: side `a` on the team seats when `a_team`, else on the rival seats."""
    from game.sim.play import play_game

    a, b, seed, a_team, paths = job
    specs = _specs(paths)
    spec = specs[seed % len(specs)]
    times: list[tuple[float, float]] = []
    planners = {}
    a_vendors = set()
    for vs in spec.vendors:
        mine = (vs.side == "team") == a_team
        side = a if mine else b
        if mine:
            a_vendors.add(vs.id)
        agent_seed = seed * 7919 + zlib.crc32(vs.id.encode()) % 997
        planners[vs.id] = side_planner(side, vs.playbook.value, agent_seed,
                                       times if side == "expert" else None)
    t0 = time.perf_counter()
    state = play_game(spec, seed, planners)
    o = state.outcome
    won = o["result"] == "won"
    return {
        "scenario": spec.id, "decided": won, "a_won": won and o["winner"] in a_vendors,
        "winner": o["winner"] if won else None, "seconds": time.perf_counter() - t0,
        "expert_ms": [(w * 1000, c * 1000) for w, c in times],
    }


def run_pairing(a: str, b: str, games: int, jobs: int, paths: tuple[str, ...],
                first_seed: int = 0) -> dict[str, Any]:
    plan = [(a, b, first_seed + i // 2, i % 2 == 0, paths) for i in range(games)]
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(play_pair_game, plan, chunksize=4))
    else:
        results = [play_pair_game(j) for j in plan]
    decided = sum(r["decided"] for r in results)
    a_wins = sum(r["a_won"] for r in results)
    share = a_wins / decided if decided else 0.0
    se = math.sqrt(share * (1 - share) / decided) if decided else 0.0
    return {
        "a": a, "b": b, "games": games, "decided": decided, "a_wins": a_wins,
        "share": share, "se": se,
        "team_seat": _seat_share(results, True), "rival_seat": _seat_share(results, False),
        "sec_per_game": statistics.mean(r["seconds"] for r in results),
        "expert_ms": [t for r in results for t in r["expert_ms"]],
    }


def _seat_share(results: list[dict[str, Any]], a_team: bool) -> float:
    rows = results[0 if a_team else 1::2]
    decided = sum(r["decided"] for r in rows)
    return sum(r["a_won"] for r in rows) / decided if decided else 0.0


def p95(values: list[float]) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, int(math.ceil(0.95 * len(s))) - 1)]


def run_bench_ai(args: argparse.Namespace) -> int:
    games = args.games
    jobs = getattr(args, "jobs", 1)
    pairings = PAIRINGS if not getattr(args, "only", None) else [
        p for p in PAIRINGS if f"{p[0]}_vs_{p[1]}" in args.only]
    paths = scenario_paths(getattr(args, "scenario", None))
    print(f"scenarios: {', '.join(s.id for s in _specs(paths))}; {games} games per pairing "
          f"(seats swapped every seed), {jobs} process(es)")
    print(f"{'pairing':<20} {'games':>6} {'decided':>8} {'A wins':>7} {'share':>7} "
          f"{'±1.96se':>8} {'A team':>7} {'A rival':>8} {'s/game':>7}")
    rows = []
    for a, b in pairings:
        r = run_pairing(a, b, games, jobs, paths)
        rows.append(r)
        print(f"{a + ' vs ' + b:<20} {r['games']:>6} {r['decided']:>8} {r['a_wins']:>7} "
              f"{r['share']:>7.3f} {1.96 * r['se']:>8.3f} {r['team_seat']:>7.3f} "
              f"{r['rival_seat']:>8.3f} {r['sec_per_game']:>7.2f}", flush=True)
    timed = [t for r in rows for t in r["expert_ms"]]
    wall = [w for w, _ in timed]
    cpu = [c for _, c in timed]
    if timed:
        print(f"expert vendor-weeks timed: {len(timed)}; CPU median "
              f"{statistics.median(cpu):.1f} ms, p95 {p95(cpu):.1f} ms, max {max(cpu):.1f} ms; "
              f"wall median {statistics.median(wall):.1f} ms, p95 {p95(wall):.1f} ms")
    for r in rows:
        print(f"{r['a']}_vs_{r['b']}: {r['share']:.3f}")
    print(f"expert_decision_ms_p95: {p95(cpu):.1f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """`python -m game.ai.bench [--games N] [--jobs J]`, the same as `main.py bench ai`."""
    p = argparse.ArgumentParser(prog="bench-ai", description=__doc__.splitlines()[0])
    p.add_argument("--games", type=int, default=1000, help="games per pairing (default 1000)")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--only", nargs="*", default=None,
                   help="pairings to run, e.g. expert_vs_normal")
    p.add_argument("--scenario", nargs="*", default=None,
                   help="scenario files instead of the shipped ones (diagnostics)")
    return run_bench_ai(p.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
