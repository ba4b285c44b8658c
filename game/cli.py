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
    from game.scenario.library import find_scenario
    from game.scenario.loader import load_scenario
    from game.sim.play import play_game
    from game.sim.summary import outcome_text, week_line

    try:
        spec = load_scenario(find_scenario(args.scenario))
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

        save_game(state, args.save, {"kind": "simulate"}, language=args.lang)
        print(f"\nsaved: {args.save}")
    return 0


def _scenarios(args: argparse.Namespace) -> int:
    from game.scenario.library import list_scenarios, search_dirs

    entries = list_scenarios()
    width = max((len(e.id) for e in entries), default=2)
    print(f"{'source':<8} {'id':<{width}}  title")
    for e in entries:
        title = e.title.get(args.lang) or e.title.get("en") or f"(does not load: {e.error})"
        print(f"{e.source:<8} {e.id:<{width}}  {title}\n{'':<8} {'':<{width}}  {e.path}")
    print("\nA bare name is looked up in these folders, in this order:")
    for source, folder in search_dirs():
        print(f"  {source:<8} {folder}")
    return 0


def _saves(args: argparse.Namespace) -> int:
    from game.paths import saves_dir
    from game.save import list_saves

    saves = list_saves()
    if not saves:
        print(f"no saves in {saves_dir()}")
        return 0
    print(f"{'saved':<16}  {'mode':<4}  {'week':>4}  {'lang':<4}  {'state':<8}  scenario / game id")
    for info in saves:
        title = info.scenario_title.get(args.lang) or info.scenario_id
        state = "finished" if info.finished else "playing"
        print(f"{info.saved_at.astimezone():%Y-%m-%d %H:%M}  {info.mode:<4}  {info.week:>4}  "
              f"{info.language or '-':<4}  {state:<8}  {title}\n{'':<46}{info.path.name}")
    print(f"\nin {saves_dir()}; `dealcraft report NAME --out FILE` writes a game's debrief")
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

    sim = sub.add_parser("simulate", help="play a whole game headless with the scenario's "
                                          "line-up of AIs")
    sim.add_argument("scenario", help="a scenario file, or a name such as city_hospital")
    sim.add_argument("--seed", type=int, default=1)
    sim.add_argument("--save", default=None, help="write the finished game to this file")
    sim.add_argument("--lang", choices=("zh", "en"), default="en")
    sim.add_argument("--ai", choices=("scenario", "basic"), default="scenario",
                     help="scenario (the default): each vendor plays the playbook and "
                          "difficulty the scenario gives it; basic: the built-in AI everywhere")
    sim.set_defaults(func=_simulate)

    lst = sub.add_parser("scenarios", help="list the shipped, your own and this folder's "
                         "scenarios, and where names are looked up")
    lst.add_argument("--lang", choices=("zh", "en"), default="en")
    lst.set_defaults(func=_scenarios)

    saves = sub.add_parser("saves", help="list the saved games in your data folder, newest first")
    saves.add_argument("--lang", choices=("zh", "en"), default="en")
    saves.set_defaults(func=_saves)

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
    "game.sim.tune",           # tune
    "game.sim.fidelity",       # fidelity
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
