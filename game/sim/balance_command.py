"""The `balance` command line: size the run, play it (or a sweep), print and file the report.

Games are sized for the verdict: without `--games`, each arm (each vendor; each team
playbook in rotate mode) gets enough games for its 95% interval to be at most ±`--margin`,
so a verdict is never read off 60 games. The report is printed, then written into `--out`
(a folder, the current one by default) under the scenario id and a hash of the run; a folder
that cannot be written is said before the games start, and the results still print.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from game.scenario.issues import ScenarioError
from game.scenario.knobs import KnobError, parse_values, resolve
from game.scenario.library import find_scenario
from game.scenario.loader import load_scenario, read_scenario_bytes
from game.scenario.models import ScenarioSpec
from game.sim.balance import (
    MODES,
    PLAYBOOKS,
    Progress,
    agents_meta,
    balance,
    default_jobs,
    run_games,
)
from game.sim.balance_report import render_report
from game.sim.report_files import (
    cannot_write,
    content_hash,
    scenario_hash,
    target,
    write_report,
)
from game.sim.report_kit import games_for_margin
from game.sim.sweep import render_sweep, run_sweep

DEFAULT_MARGIN = 0.07
"""Half-width of each arm's 95% interval when --games is not given: 196 games an arm."""


def arms(mode: str) -> int:
    """How many groups share the games: the team's playbooks in rotate mode, else one (every
    vendor plays every game)."""
    return len(PLAYBOOKS) if mode == "rotate" else 1


def sized_games(args: argparse.Namespace) -> tuple[int, float | None]:
    """(games per run, the margin they were sized for, or None when --games was given)."""
    if args.games is not None:
        return args.games, None
    return games_for_margin(args.margin) * arms(args.mode), args.margin


def check_args(args: argparse.Namespace) -> str | None:
    if args.games is not None and args.games < 1:
        return "--games must be at least 1"
    if not 0.005 <= args.margin <= 0.5:
        return "--margin is a half-width between 0.005 and 0.5, e.g. 0.07 for ±7 points"
    if args.jobs is not None and args.jobs < 1:
        return "--jobs must be at least 1"
    return None


def run_balance(args: argparse.Namespace) -> int:
    bad = check_args(args)
    if bad:
        print(f"balance: {bad}", file=sys.stderr)
        return 1
    try:
        args.file = str(find_scenario(args.file))
        data = read_scenario_bytes(args.file)
        spec = load_scenario(args.file)
    except ScenarioError as exc:
        print(exc.render(), file=sys.stderr)
        return 1
    games, margin = sized_games(args)
    sweep = None
    if args.sweep:
        try:
            sweep = _sweep_plan(spec, args.sweep)
        except KnobError as exc:
            print(f"balance --sweep: {exc}", file=sys.stderr)
            return 1
    kind = "sweep" if sweep else "balance"
    settings = {"games": games, "seed": args.seed, "mode": args.mode, "sweep": args.sweep}
    path = target(args.out, kind, spec.id, content_hash(data, settings))
    reason = cannot_write(path)
    if reason:
        print(f"{kind}: cannot write the report into {path.parent} ({reason}); the results "
              "will be printed only", file=sys.stderr)
    jobs = args.jobs or default_jobs()
    meta = {"file": args.file, "margin": margin, "scenario_hash": scenario_hash(data)}
    if sweep:
        knob, values = sweep
        report = _run_sweep(spec, knob, values, games, jobs, args, meta)
    else:
        summary, _ = balance(spec, games, jobs, args.seed, args.mode, not args.quiet, meta)
        report = render_report(summary)
    print(report)
    if reason:
        return 1
    try:
        write_report(path, report)
    except OSError as exc:
        print(f"{kind}: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"\nwrote {path}")
    return 0


def _sweep_plan(spec: ScenarioSpec, text: str) -> tuple[Any, list[Any]]:
    path, sep, values = text.partition("=")
    if not sep or not values.strip():
        raise KnobError(f"'{text}' should be PATH=FROM:TO:STEP or PATH=a,b,c, e.g. "
                        "vendors.ruiyin.fit.risk=0.4:0.7:0.05")
    knob = resolve(spec, path)
    return knob, parse_values(knob, values)


def _run_sweep(spec: ScenarioSpec, knob: Any, values: list[Any], games: int, jobs: int,
               args: argparse.Namespace, meta: dict[str, Any]) -> str:
    import time

    bar = None if args.quiet else Progress(games * len(values))
    t0 = time.perf_counter()
    info = {**meta, "games": games, "jobs": jobs, "seed": args.seed, "mode": args.mode,
            **agents_meta(), "seconds": 0.0}
    result = run_sweep(spec, knob, values, games, jobs, args.seed, args.mode, info,
                       run_games, bar)
    if bar:
        bar.close()
    result["meta"]["seconds"] = round(time.perf_counter() - t0, 2)
    return render_sweep(result)


def register_balance(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("balance", help="play many AI-vs-AI games and report win rates")
    p.add_argument("file", help="the scenario file")
    p.add_argument("--games", type=int, default=None,
                   help="games to play (default: enough for each arm's 95%% interval to be "
                        "±MARGIN)")
    p.add_argument("--margin", type=float, default=DEFAULT_MARGIN,
                   help=f"half-width of each arm's 95%% interval when --games is not given "
                        f"(default {DEFAULT_MARGIN}: {games_for_margin(DEFAULT_MARGIN)} games "
                        "an arm)")
    p.add_argument("--jobs", type=int, default=None,
                   help=f"worker processes (default: all cores, here {default_jobs()})")
    p.add_argument("--seed", type=int, default=1, help="seed of the first game (default 1)")
    p.add_argument("--mode", choices=MODES, default="scenario",
                   help="scenario: each vendor plays its own playbook; rotate: the team "
                        "vendor cycles through every playbook")
    p.add_argument("--sweep", default=None, metavar="PATH=FROM:TO:STEP",
                   help="play the same games at each value of one field and compare, e.g. "
                        "vendors.ruiyin.fit.risk=0.4:0.7:0.05 or "
                        "vendors.ruiyin.difficulty=easy,normal,expert")
    p.add_argument("--out", default=None,
                   help="folder for the Markdown report (default: the current folder), or a "
                        "file ending in .md")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run_balance)


