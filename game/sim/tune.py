"""`tune FILE`: search the knobs a scenario marks as tunable for a small change set that brings
the win rates into the ranges the designer wants, and propose it with its evidence.

The designer states intent in the file's `tune:` section (knobs with ranges, target win
rates); tune never edits the file. The search is greedy and cheap: it plays the file as
written, then a handful of values of each knob on the same seeds (common random numbers, so
two tries differ by the knob, not by the dice), keeps the single change that brings the win
rates closest to the targets, and repeats up to `max_changes` knobs. Because a search that
picks the best of many noisy tries flatters its winner, the proposal is then played against
the file as written on fresh seeds, with more games, and that is the evidence shown.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.scenario.issues import ScenarioError
from game.scenario.knobs import Knob, resolve, with_values
from game.scenario.library import find_scenario
from game.scenario.loader import load_scenario, read_scenario_bytes
from game.scenario.models import ScenarioSpec, TuneSpec
from game.scenario.yamlsource import decode, parse
from game.sim.balance import PLAYBOOKS, Progress, agents_meta, default_jobs, run_games
from game.sim.balance_report import summarise
from game.sim.report_files import cannot_write, content_hash, scenario_hash, target, write_report
from game.sim.report_kit import ci, games_for_margin, pct, table

SEARCH_MARGIN = 0.12
"""Interval half-width each try is sized for by default: tries are compared on the same
seeds, so they can be smaller than a verdict's runs."""
CONFIRM_MARGIN = 0.07
"""The proposal and the file as written are compared on fresh seeds at balance's margin."""
CONFIRM_SEED_OFFSET = 100_000
"""Confirmation seeds start this far from the search's, so none is reused."""
COARSE = 5
"""Values of a knob tried first, spread over its range; then the neighbours of the best."""
BETTER = 0.005
"""A change must cut the total miss by more than this (half a point) to be kept."""

Rates = dict[str, dict[str, Any]]


@dataclass
class Try:
    """One evaluated change set: the knob values, the groups' rates and the total miss."""

    changes: dict[int, Any]
    rates: Rates
    miss: float


@dataclass
class Search:
    spec: ScenarioSpec
    tune: TuneSpec
    knobs: list[Knob]
    play: Callable[[ScenarioSpec, int], Rates]
    tries: list[Try] = field(default_factory=list)

    def grid(self, i: int) -> list[Any]:
        k = self.tune.knobs[i]
        lo, hi = k.range
        count = int((hi - lo) / k.step + 1e-9) + 1
        digits = max(_decimals(lo), _decimals(k.step))
        values = [round(lo + n * k.step, digits) for n in range(count)]
        if self.knobs[i].kind == "whole number":
            values = sorted({int(round(v)) for v in values})
        return values

    def evaluate(self, changes: dict[int, Any]) -> Try:
        for t in self.tries:
            if t.changes == changes:
                return t
        spec = with_values(self.spec, [(self.knobs[i], v) for i, v in changes.items()])
        rates = self.play(spec, len(self.tries))
        found = Try(dict(changes), rates, miss(self.tune, rates, self.spec))
        self.tries.append(found)
        return found

    def best_value(self, base: dict[int, Any], i: int) -> Try | None:
        """The best try over knob i's values (coarse, then around the best), others fixed."""
        grid = self.grid(i)
        current = self.knobs[i].current
        picks = sorted({round(n * (len(grid) - 1) / (COARSE - 1)) for n in range(COARSE)})
        seen: dict[int, Try] = {}
        for n in picks:
            if grid[n] != current:
                seen[n] = self.evaluate({**base, i: grid[n]})
        if not seen:
            return None
        best = min(seen, key=lambda n: seen[n].miss)
        for n in (best - 2, best - 1, best + 1, best + 2):
            if 0 <= n < len(grid) and n not in seen and grid[n] != current:
                seen[n] = self.evaluate({**base, i: grid[n]})
        return min(seen.values(), key=lambda t: t.miss)

    def run(self) -> Try:
        chosen = self.evaluate({})
        for _ in range(self.tune.max_changes):
            options = [t for i in range(len(self.knobs)) if i not in chosen.changes
                       if (t := self.best_value(chosen.changes, i)) is not None]
            if not options:
                break
            step = min(options, key=lambda t: t.miss)
            if step.miss >= chosen.miss - BETTER:
                break
            chosen = step
        return chosen

    def planned_tries(self) -> int:
        """An upper bound on the tries the search can make, for the estimate it prints."""
        per = [min(len(self.grid(i)), COARSE + 4) for i in range(len(self.knobs))]
        total, left = 1, sorted(per, reverse=True)
        for _ in range(min(self.tune.max_changes, len(left))):
            total += sum(left)
            left = left[1:]
        return total


def _decimals(x: float) -> int:
    text = f"{x:.10g}"
    return len(text.split(".", 1)[1]) if "." in text else 0


# ---- what the targets ask -----------------------------------------------------------------


def groups(summary: dict[str, Any], mode: str) -> Rates:
    """Win rates by vendor id and by playbook (the team's seat in rotate mode)."""
    out: Rates = {v["id"]: v for v in summary["vendors"] if v["n"]}
    books = summary["team_playbooks"] if mode == "rotate" else summary["playbooks"]
    for p in books:
        out[f"playbook:{p['playbook']}"] = p
    return out


def members(who: str, rates: Rates, spec: ScenarioSpec) -> list[str]:
    """The groups a target's `who` stands for (a vendor id wins over a playbook name)."""
    vendors = [v.id for v in spec.vendors if v.id in rates]
    if who == "every_vendor":
        return vendors
    if who == "every_playbook":
        return [k for k in rates if k.startswith("playbook:")]
    if who in vendors:
        return [who]
    return [f"playbook:{who}"] if f"playbook:{who}" in rates else []


def miss(tune: TuneSpec, rates: Rates, spec: ScenarioSpec) -> float:
    """Total distance (as a share) of every targeted rate outside its wanted range."""
    total = 0.0
    for t in tune.targets:
        lo, hi = t.win
        for key in members(t.who, rates, spec):
            r = rates[key]["rate"]
            total += max(0.0, lo - r, r - hi)
    return total


# ---- the command --------------------------------------------------------------------------


def run_tune(args: argparse.Namespace) -> int:
    try:
        args.file = str(find_scenario(args.file))
        data = read_scenario_bytes(args.file)
        spec = load_scenario(args.file)
    except ScenarioError as exc:
        print(exc.render(), file=sys.stderr)
        return 1
    if spec.tune is None:
        print(f"tune: {args.file} has no 'tune:' section saying which numbers may change and "
              "which win rates you want; see 'tune FILE' in scenarios/README.md, section 5",
              file=sys.stderr)
        return 1
    if args.games is not None and args.games < 1:
        print("tune: --games must be at least 1", file=sys.stderr)
        return 1
    tune = spec.tune
    arms = len(PLAYBOOKS) if tune.mode == "rotate" else 1
    games = args.games or games_for_margin(SEARCH_MARGIN) * arms
    confirm = args.confirm_games or games_for_margin(CONFIRM_MARGIN) * arms
    jobs = args.jobs or default_jobs()
    knobs = [resolve(spec, k.path) for k in tune.knobs]
    settings = {"games": games, "confirm": confirm, "seed": args.seed}
    path = target(args.out, "tune", spec.id, content_hash(data, settings))
    reason = cannot_write(path)
    if reason:
        print(f"tune: cannot write the report into {path.parent} ({reason}); the results "
              "will be printed only", file=sys.stderr)

    bar: Progress | None = None

    def play(changed: ScenarioSpec, _n: int, seed: int = args.seed, count: int = games
             ) -> Rates:
        records = run_games(changed, count, jobs, seed, tune.mode, bar)
        return groups(summarise(records, changed, {"by_playbook": True}), tune.mode)

    search = Search(spec, tune, knobs, play)
    planned = search.planned_tries()
    print(f"tune: at most {planned} tries of {games} games, then {2 * confirm} games to "
          f"check the proposal on fresh seeds ({planned * games + 2 * confirm:,} games at "
          "most)", file=sys.stderr)
    if not args.quiet:
        bar = Progress(planned * games + 2 * confirm)
    t0 = time.perf_counter()
    best = search.run()
    fresh = args.seed + CONFIRM_SEED_OFFSET
    before = play(spec, 0, fresh, confirm)
    after = (play(with_values(spec, [(knobs[i], v) for i, v in best.changes.items()]), 0,
                  fresh, confirm) if best.changes else before)
    if bar:
        bar.close()
    text = decode(data, args.file)
    _, source, _ = parse(text, args.file)
    report = render_tune({
        "spec": spec, "file": args.file, "scenario_hash": scenario_hash(data),
        "search": search, "best": best, "before": before, "after": after,
        "games": games, "confirm": confirm, "seed": args.seed, "fresh": fresh, "jobs": jobs,
        "seconds": time.perf_counter() - t0, "source": source, **agents_meta()})
    print(report)
    if reason:
        return 1
    try:
        write_report(path, report)
    except OSError as exc:
        print(f"tune: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"\nwrote {path}\n{args.file} was not changed.")
    return 0


# ---- the report ---------------------------------------------------------------------------


def _label(key: str) -> str:
    return f"playbook {key.split(':', 1)[1]}" if key.startswith("playbook:") else key


def _cell(g: dict[str, Any] | None) -> str:
    return "-" if not g else f"{pct(g['rate'])} ({ci(g)})"


def render_tune(r: dict[str, Any]) -> str:
    spec: ScenarioSpec = r["spec"]
    tune: TuneSpec = spec.tune  # type: ignore[assignment]
    search: Search = r["search"]
    best: Try = r["best"]
    knobs = search.knobs
    out = [f"# Tune: {spec.id}", "", f"{spec.title.en}  ",
           f"File `{r['file']}` (content {r['scenario_hash']}); mode `{tune.mode}`; "
           f"{r['agents']}. {len(search.tries)} tries of {r['games']} games on seeds "
           f"{r['seed']}-{r['seed'] + r['games'] - 1} (the same for every try), then the "
           f"proposal against the file as written on fresh seeds {r['fresh']}-"
           f"{r['fresh'] + r['confirm'] - 1} ({r['confirm']} games each); {r['jobs']} "
           f"worker(s), {r['seconds']:.0f} s.", "", "## Proposal", ""]
    base = search.tries[0]
    if best.changes:
        rows = []
        for i, value in sorted(best.changes.items()):
            line, col = r["source"].value_mark(knobs[i].path)
            rows.append([f"{r['file']}:{line}:{col}", knobs[i].text, f"{knobs[i].current:g}",
                         f"{value:g}"])
        out += [f"Change {len(best.changes)} value(s); the file was not edited:", "",
                table(["where", "field", "now", "proposed"], rows, [False] * 4)]
    else:
        out += ["No change within the tune section's ranges brings the win rates closer to "
                f"the targets than the file as written (off by {base.miss * 100:.0f} points "
                "in the search)."]
    before, after = r["before"], r["after"]
    rows = []
    for t in tune.targets:
        for key in members(t.who, before, spec):
            lo, hi = t.win
            a = after.get(key)
            met = "yes" if a and lo <= a["rate"] <= hi else "no"
            rows.append([_label(key), f"{pct(lo)}-{pct(hi)}", _cell(before.get(key)),
                         _cell(a), met])
    out += ["", "## Evidence on fresh seeds", "",
            table(["target", "wanted", "as written", "proposed", "met"], rows,
                  [False, False, True, True, False]), "",
            f"Points outside the targets, summed: {miss(tune, before, spec) * 100:.0f} as "
            f"written, {miss(tune, after, spec) * 100:.0f} proposed."]
    if best.changes and miss(tune, after, spec) >= miss(tune, before, spec) - BETTER:
        out += ["", "On fresh seeds the proposal is no better than the file as written: the "
                "search's gain was noise. Keep the file, or widen the knobs' ranges."]
    out += ["", "## Every try", "", table(
        ["try", "change", "off by (points)"],
        [[str(n), _changes(knobs, t.changes), f"{t.miss * 100:.1f}"]
         for n, t in enumerate(search.tries)], [True, False, True])]
    return "\n".join(out)


def _changes(knobs: list[Knob], changes: dict[int, Any]) -> str:
    if not changes:
        return "as written"
    return "; ".join(f"{knobs[i].text} = {v:g}" for i, v in sorted(changes.items()))


def register(sub: argparse._SubParsersAction) -> None:
    """Add `tune FILE [--games N] ...` to the command line."""
    p = sub.add_parser("tune", help="propose changes to the numbers a scenario's tune: "
                                    "section marks, to reach its target win rates")
    p.add_argument("file", help="the scenario file (it is never edited)")
    p.add_argument("--games", type=int, default=None,
                   help=f"games per try (default: ±{SEARCH_MARGIN * 100:g} points an arm, "
                        f"{games_for_margin(SEARCH_MARGIN)} games an arm)")
    p.add_argument("--confirm-games", type=int, default=None,
                   help=f"games for the check on fresh seeds (default ±"
                        f"{CONFIRM_MARGIN * 100:g} points an arm)")
    p.add_argument("--jobs", type=int, default=None,
                   help=f"worker processes (default: all cores, here {default_jobs()})")
    p.add_argument("--seed", type=int, default=1, help="first seed of the search (default 1)")
    p.add_argument("--out", default=None,
                   help="folder for the Markdown report (default: the current folder), or a "
                        "file ending in .md")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run_tune)
