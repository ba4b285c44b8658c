"""The command line: play | simulate | validate | schema | bench ...

Each command is a small function that parses its own arguments and hands over to the
package that does the work; heavy imports (pygame) happen only in the command that needs
them, so headless commands start fast.
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module


def _play(args: argparse.Namespace) -> int:
    from game.ui.app import run_app

    return run_app(args)


def _simulate(args: argparse.Namespace) -> int:
    from game.scenario.issues import ScenarioError
    from game.scenario.loader import load_scenario
    from game.sim.play import play_game
    from game.sim.summary import outcome_text, week_line

    try:
        spec = load_scenario(args.scenario)
    except ScenarioError as exc:
        print(exc.render(), file=sys.stderr)
        return 1
    planners = None
    if args.ai == "scenario":
        from game.ai.agents import make_agent

        planners = {v.id: make_agent(v.playbook.value, v.difficulty.value, args.seed)
                    for v in spec.vendors}
    state = play_game(spec, args.seed, planners,
                      on_week=lambda st, rep: print(week_line(st, rep, args.lang)))
    print()
    print(outcome_text(state, args.lang))
    if args.save:
        from game.save import save_game

        save_game(state, args.save, {"kind": "simulate"})
        print(f"\nsaved: {args.save}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from game.scenario.commands import run_validate

    return run_validate(args.files)


def _schema(args: argparse.Namespace) -> int:
    from game.scenario.commands import run_schema

    return run_schema(args.out)


def _bench(args: argparse.Namespace) -> int:
    from game.sim.bench import run_bench

    return run_bench(args.what, args)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="dealcraft",
        description="Dealcraft: a key-account sales sandbox (大客户销售沙盘).",
    )
    sub = p.add_subparsers(dest="command")

    from game.ui.options import build_parser as window_options

    play = sub.add_parser("play", help="start the game window (the default)")
    window_options(play)
    play.add_argument("--windowed", action="store_true", help="ignore a fullscreen setting")
    play.set_defaults(func=_play)

    sim = sub.add_parser("simulate", help="play a whole game headless with the built-in AI")
    sim.add_argument("scenario")
    sim.add_argument("--seed", type=int, default=1)
    sim.add_argument("--save", default=None, help="write the finished game to this file")
    sim.add_argument("--lang", choices=("zh", "en"), default="en")
    sim.add_argument("--ai", choices=("basic", "scenario"), default="basic",
                     help="basic: the built-in AI everywhere; scenario: each vendor's playbook "
                          "and difficulty from the scenario")
    sim.set_defaults(func=_simulate)

    val = sub.add_parser("validate", help="check scenario files; exit 1 on any error")
    val.add_argument("files", nargs="*")
    val.set_defaults(func=_validate)

    sch = sub.add_parser("schema", help="write scenarios/scenario.schema.json")
    sch.add_argument("--out", default=None)
    sch.set_defaults(func=_schema)

    from game.sim.bench import BENCHES

    bench = sub.add_parser("bench", help="benchmarks: " + ", ".join(BENCHES))
    bench.add_argument("what", choices=tuple(BENCHES))
    bench.add_argument("--runs", type=int, default=5, help="repeated runs (engine)")
    bench.add_argument("--games", type=int, default=None,
                       help="games per run (engine 40) or per pairing (ai 1000)")
    bench.add_argument("--jobs", type=int, default=None, help="worker processes (ai, balance)")
    bench.add_argument("--only", nargs="*", default=None,
                       help="pairings for bench ai, e.g. expert_vs_normal")
    bench.set_defaults(func=_bench)

    for module in EXTRA_COMMANDS:
        import_module(module).register(sub)
    return p


# Packages that add their own sub-commands through a `register(sub)` function.
EXTRA_COMMANDS = (
    "game.scenario.starter",   # new
    "game.scenario.lint",      # lint
    "game.sim.balance",        # balance
    "game.report.command",     # report
    "game.scenario.guide",     # guide
    "game.net.cli",            # host, join
)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        args = parser.parse_args(["play", *(argv or [])])
    return int(args.func(args) or 0)
