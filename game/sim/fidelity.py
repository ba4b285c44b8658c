"""The lesson check: does winning in this scenario take what the training material teaches?

`python main.py fidelity FILE... [--games N] [--jobs J] [--out DIR]`

The team's seat is played by a player who follows the coach (every ★ in the coach's order,
then the coach's first suggestion for every role, as `coached` in `bench ai`); the rivals by
the scenario's own line-up. Each arm changes only the team's seat — its budget, or a habit
the material warns about (never meeting the KDM, no insiders, no coach, no joint moves,
ignoring motives, the wrong move for the stage) — and plays the same seeds as the baseline,
so an arm's effect on the team's win rate is measured game by game (paired by seed). The
report also gives the C931 rule of thumb as measured at tender issue, how often the winner
held W, how often the KDM's favourite takes a close award, whether price decided the team's
losses, and the counterfactual causes of them.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import os
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from game.ai.agents import CoachedAgent, make_agent
from game.ai.policy import NORMAL, Skill
from game.core.actions import DEFS
from game.core.causes import FACTORS, analyse, scoring_fork
from game.core.engine import new_game, resolve_week
from game.core.health import health_all
from game.core.ids import KIND_ID, KINDS, PH_TENDER
from game.core.state import GameState
from game.core.views import vendor_view
from game.scenario.models import ScenarioSpec

JOINT = frozenset(KIND_ID[k] for k in ("joint_visit", "sponsor_visit", "solution_workshop",
                                         "bid_defense", "negotiation_team"))
ARMS: dict[str, str] = {
    "baseline": "the coach-following team as the scenario gives it",
    "budget_minus10": "the team's sales budget 10% lower",
    "budget_plus10": "the team's sales budget 10% higher",
    "budget_half": "the team's sales budget halved",
    "no_kdm": "the team never approaches the key decision maker",
    "no_insider": "the team never develops an insider",
    "no_coach": "the team never develops a coach",
    "no_joint": "the team makes no joint move (the same roles act alone instead)",
    "no_motives": "the team never aims at a motive it has found",
    "wrong_stage": "the team works people only with moves meant for another stage",
}


@dataclass
class GameResult:
    """What one game tells the lesson check."""

    scenario: str
    arm: str
    seed: int
    team: str
    won: bool = False
    bid: bool = False
    disqualified: bool = False
    winner: str | None = None
    result: str = "no_deal"
    c931: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    kdm_favourite: str | None = None
    margin: float | None = None
    public_tender: bool = False
    kdm_meetings: int = 0
    price_decided: bool | None = None
    causes: dict[str, bool] = field(default_factory=dict)
    cause: str = ""
    personnel_change: bool = False
    personnel_rule: bool = False  # by the customer's weekly dice, not a scenario's event
    uses: dict[str, int] = field(default_factory=dict)


# ---- one game ------------------------------------------------------------------------------


def _team(spec: ScenarioSpec) -> str:
    return next(v.id for v in spec.vendors if v.side == "team")


def arm_spec(spec: ScenarioSpec, arm: str) -> ScenarioSpec:
    """The scenario as an arm plays it (only the budget arms change the scenario)."""
    factor = {"budget_minus10": 0.9, "budget_plus10": 1.1, "budget_half": 0.5}.get(arm)
    if factor is None:
        return spec
    vendors = [v.model_copy(update={"sales_budget": v.sales_budget * factor})
               if v.side == "team" else v for v in spec.vendors]
    return spec.model_copy(update={"vendors": vendors})


def arm_skill(spec: ScenarioSpec, arm: str) -> Skill:
    """The team's handicap in an arm (the experimenter knows who the KDM is)."""
    if arm == "no_kdm":
        kdm = frozenset(i for i, s in enumerate(spec.stakeholders)
                        if any(k.value == "KDM" for k in s.key))
        return replace(NORMAL, shunned=kdm)
    if arm == "no_insider":
        return replace(NORMAL, banned=frozenset({KIND_ID["develop_insider"]}))
    if arm == "no_coach":
        return replace(NORMAL, banned=frozenset({KIND_ID["develop_coach"]}))
    if arm == "no_joint":
        return replace(NORMAL, banned=JOINT)
    if arm == "no_motives":
        return replace(NORMAL, use_motives=False)
    if arm == "wrong_stage":
        return replace(NORMAL, off_stage=True)
    return NORMAL


def _agents(spec: ScenarioSpec, seed: int, arm: str) -> dict[str, Any]:
    team = _team(spec)
    out: dict[str, Any] = {}
    for i, v in enumerate(spec.vendors):
        if v.id == team:
            out[v.id] = CoachedAgent(seed * 31 + i, arm_skill(spec, arm))
        else:
            out[v.id] = make_agent(v.playbook.value, v.difficulty.value, seed * 31 + i)
    return out


def play_one(spec: ScenarioSpec, arm: str, seed: int) -> GameResult:
    """Play one game of an arm and read off everything the report needs."""
    team = _team(spec)
    played = arm_spec(spec, arm)
    state: GameState = new_game(played, seed)
    state.recording = False
    agents = _agents(played, seed, arm)
    res = GameResult(scenario=spec.id, arm=arm, seed=seed, team=team,
                     public_tender=getattr(spec.customer, "procurement", "invited") == "public")
    kdm = [i for i, p in enumerate(state.plist) if p.key_mask & 4]
    team_index = state.vendors[team].index
    at_award: GameState | None = None
    scored: GameState | None = None
    while state.outcome is None:
        if not res.c931 and state.phase_id() == PH_TENDER:
            h = health_all(state)
            res.c931 = {v.id: (h.c[v.index], h.f[v.index], h.w[v.index])
                        for v in state.vlist if v.active}
        plans: dict[str, list] = {}
        trusted: set[str] = set()  # the plans their planner checked (engine.resolve_week)
        for v in state.vlist:
            if not v.active:
                continue
            plan = agents[v.id].plan(vendor_view(state, v.index), False)
            moves = plan.moves
            plans[v.id] = moves
            if plan.checked:
                trusted.add(v.id)
            if v.index == team_index:
                for m in moves:
                    if not 0 <= m.kind < len(DEFS):
                        continue  # an answer to an event
                    if DEFS[m.kind].target and m.target in kdm:
                        res.kdm_meetings += 1
                    name = KINDS[m.kind]
                    res.uses[name] = res.uses.get(name, 0) + 1
        had_award = state.award is not None
        quiet = None  # the game as its bids are scored, for the loss causes (as `balance`)
        if scored is None and state.week >= state.calendar["bid_deadline"] \
                and not (state.tender or {}).get("evaluated"):
            quiet = scoring_fork(state)
        resolve_week(state, plans, None, trusted)
        if quiet is not None and (state.tender or {}).get("evaluated"):
            resolve_week(quiet, plans, None, trusted)
            scored = quiet
        if not had_award and state.award is not None:
            at_award = state.fork()
    o = state.outcome
    res.result = o["result"]
    res.winner = o["winner"]
    res.won = o["result"] == "won" and o["winner"] == team
    t = state.tender or {}
    bids = t.get("bids", {})
    res.bid = team in bids
    res.disqualified = bool(res.bid and bids[team]["disqualified"])
    res.personnel_change = bool(state.replaced)
    res.personnel_rule = any(not r.get("scripted") for r in state.replaced)
    if at_award is not None and t.get("totals"):
        _award_facts(res, at_award, t, kdm)
    if not res.won:
        c = analyse(state, team, scored, brief=True)
        res.cause = c.primary
        res.price_decided = c.price_decided
        if c.kind == "scored":
            got = {f.key: f.wins for f in c.factors}
            res.causes = {k: got.get(k, False) for k in FACTORS}
    return res


def _award_facts(res: GameResult, state: GameState, tender: dict[str, Any],
                 kdm: list[int]) -> None:
    totals = tender["totals"]
    ranked = sorted(totals, key=lambda k: (-totals[k], k))
    if len(ranked) >= 2:
        res.margin = totals[ranked[0]] - totals[ranked[1]]
    if kdm:
        def kdm_support(vid: str) -> float:
            return max(state.rels[state.vendors[vid].index][k].support for k in kdm)
        res.kdm_favourite = max(ranked, key=lambda vid: (kdm_support(vid), vid))


# ---- many games ---------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init(specs: dict[str, ScenarioSpec]) -> None:
    _WORKER["specs"] = specs


def _play_job(job: tuple[str, str, list[int]]) -> list[GameResult]:
    sid, arm, seeds = job
    spec = _WORKER["specs"][sid]
    return [play_one(spec, arm, seed) for seed in seeds]


def run(specs: list[ScenarioSpec], games: int, jobs: int, arms: list[str],
        progress: bool = True) -> list[GameResult]:
    """Every arm of every scenario over seeds 0..games-1."""
    by_id = {s.id: s for s in specs}
    size = max(1, min(25, games // 4 or 1))
    work = [(s.id, arm, list(range(k, min(k + size, games))))
            for s in specs for arm in arms for k in range(0, games, size)]
    total = len(specs) * len(arms) * games
    done = 0
    t0 = time.perf_counter()
    out: list[GameResult] = []

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            rate = done / max(time.perf_counter() - t0, 1e-9)
            sys.stderr.write(f"\r{done}/{total} games  {rate:5.1f} games/s  "
                             f"ETA {(total - done) / max(rate, 1e-9):5.0f}s")
            sys.stderr.flush()

    if jobs <= 1:
        _init(by_id)
        for job in work:
            batch = _play_job(job)
            out.extend(batch)
            tick(len(batch))
    else:
        with multiprocessing.get_context().Pool(jobs, _init, (by_id,)) as pool:
            for batch in pool.imap_unordered(_play_job, work):
                out.extend(batch)
                tick(len(batch))
    if progress:
        sys.stderr.write("\n")
    out.sort(key=lambda r: (r.scenario, r.arm, r.seed))
    return out


# ---- the report ---------------------------------------------------------------------------


def paired_effect(results: list[GameResult], arm: str, scenario: str | None = None,
                  among_bidders: bool = False) -> tuple[float, float, int]:
    """(mean difference in the team's win rate, arm minus baseline, in points; its 95%
    half-width; games), paired by scenario and seed."""
    base = {(r.scenario, r.seed): r for r in results if r.arm == "baseline"
            and (scenario is None or r.scenario == scenario)}
    diffs = []
    for r in results:
        if r.arm != arm or (scenario is not None and r.scenario != scenario):
            continue
        b = base.get((r.scenario, r.seed))
        if b is None:
            continue
        if among_bidders and not (r.bid and b.bid):
            continue
        diffs.append(100.0 * (int(r.won) - int(b.won)))
    n = len(diffs)
    if n == 0:
        return 0.0, 0.0, 0
    mean = sum(diffs) / n
    var = sum((d - mean) ** 2 for d in diffs) / (n - 1) if n > 1 else 0.0
    return mean, 1.96 * math.sqrt(var / n), n


def share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def summary(results: list[GameResult]) -> dict[str, float]:
    """The key figures (pooled over scenarios) the command prints last."""
    base = [r for r in results if r.arm == "baseline"]
    keys: dict[str, float] = {}
    for arm, key in (("budget_minus10", "budget_minus10_pts"),
                     ("budget_plus10", "budget_plus10_pts"),
                     ("budget_half", "budget_half_pts"), ("no_kdm", "no_kdm_pts"),
                     ("no_insider", "no_insider_pts"), ("no_coach", "no_coach_pts"),
                     ("no_joint", "no_joint_pts"), ("no_motives", "no_motives_pts"),
                     ("wrong_stage", "wrong_stage_pts")):
        keys[key] = paired_effect(results, arm)[0]
    c931 = [r.winner == vid and r.result == "won" for r in base
            for vid, (c, f, _w) in r.c931.items() if c >= 8 and f >= 1]
    keys["c931_8c1f_win"] = share(c931)
    keys["winner_w_share"] = share([r.c931.get(r.winner, (0, 0, 0))[2] >= 1 for r in base
                                    if r.result == "won" and r.winner and not r.public_tender])
    close = sorted((r.margin, r.kdm_favourite == r.winner) for r in base
                   if r.margin is not None and r.kdm_favourite and r.winner
                   and not r.public_tender)
    third = close[: max(1, len(close) // 3)] if close else []
    keys["kdm_favourite_close_win"] = share([hit for _, hit in third])
    losses = [r for r in base if not r.won and r.bid and not r.disqualified
              and r.price_decided is not None]
    keys["price_loss_share"] = share([bool(r.price_decided) for r in losses])
    all_losses = [r for r in base if not r.won and r.bid]
    keys["over_budget_loss_share"] = share([r.disqualified for r in all_losses])
    keys["kdm_meetings_per_game"] = sum(r.kdm_meetings for r in base) / max(len(base), 1)
    return keys


def render(results: list[GameResult], games: int) -> str:
    """The report as Markdown."""
    scenarios = sorted({r.scenario for r in results})
    lines = ["# The lesson check", "",
             f"{games} games per arm per scenario (seeds 0-{games - 1}); the team follows "
             "the coach, the rivals play the scenario's line-up. Effects are the arm's win "
             "rate minus the baseline's, in points, paired by seed, with 95% intervals.", ""]
    head = "| arm | " + " | ".join(scenarios) + " | pooled | pooled, games the team bid |"
    lines += [head, "|" + "---|" * (len(scenarios) + 3)]
    base_rates = []
    for s in scenarios:
        rs = [r.won for r in results if r.arm == "baseline" and r.scenario == s]
        base_rates.append(f"{100 * share(rs):.0f}%")
    pooled = [r.won for r in results if r.arm == "baseline"]
    lines.append("| baseline win rate | " + " | ".join(base_rates) +
                 f" | {100 * share(pooled):.0f}% | |")
    for arm in ARMS:
        if arm == "baseline" or not any(r.arm == arm for r in results):
            continue
        cells = []
        for s in scenarios:
            m, h, _ = paired_effect(results, arm, s)
            cells.append(f"{m:+.1f} ± {h:.1f}")
        m, h, _ = paired_effect(results, arm)
        mb, hb, nb = paired_effect(results, arm, among_bidders=True)
        lines.append(f"| {arm} ({ARMS[arm]}) | " + " | ".join(cells) +
                     f" | **{m:+.1f} ± {h:.1f}** | {mb:+.1f} ± {hb:.1f} (n={nb}) |")
    base = [r for r in results if r.arm == "baseline"]
    lines += ["", "## How often the baseline team uses each lever", ""]
    uses: dict[str, int] = {}
    for r in base:
        for k, n in r.uses.items():
            uses[k] = uses.get(k, 0) + n
    per_game = {k: n / max(len(base), 1) for k, n in uses.items()}
    lines.append(", ".join(f"{k} {v:.1f}" for k, v in sorted(per_game.items(),
                                                              key=lambda t: -t[1])))
    lines += ["", "## C931 at tender issue (baseline games, every vendor)", "",
              "| C | F | W | vendors | won |", "|---|---|---|---|---|"]
    cells: dict[tuple[int, int, int], list[bool]] = {}
    for r in base:
        for vid, key in r.c931.items():
            cells.setdefault(key, []).append(r.winner == vid and r.result == "won")
    for key in sorted(cells, reverse=True):
        flags = cells[key]
        lines.append(f"| {key[0]} | {key[1]} | {key[2]} | {len(flags)} | "
                     f"{100 * share(flags):.0f}% |")
    lost = [r for r in base if not r.won]
    lines += ["", "## Why the baseline team lost", "",
              "The first cause `game.core.causes` names for each lost game (as the debrief "
              "does): a loss in the scores by the first factor that, equal to the winner's, "
              "alone would have won; otherwise how the deal was lost.", ""]
    primary: dict[str, int] = {}
    for r in lost:
        primary[r.cause or "unknown"] = primary.get(r.cause or "unknown", 0) + 1
    lines.append(", ".join(f"{k} {100 * n / max(len(lost), 1):.0f}%"
                           for k, n in sorted(primary.items(), key=lambda t: (-t[1], t[0])))
                 + f" (of {len(lost)} losses)")
    scored = [r for r in base if r.causes]
    lines += ["", "Had this one factor been equal to the winner's, would the team have won "
              f"({len(scored)} losses decided by the scores)?", ""]
    for f in FACTORS:
        lines.append(f"- {f}: {100 * share([r.causes.get(f, False) for r in scored]):.0f}%")
    changed = [r for r in base if r.personnel_change]
    moved = 100 * share([r.personnel_change for r in base])
    by_rule = 100 * share([r.personnel_rule for r in base])
    lines += ["", f"Deals with a key personnel change: {moved:.0f}% ({by_rule:.0f}% by the "
              "weekly chance, the rest by the scenario's events) "
              f"of baseline games; the team won {100 * share([r.won for r in changed]):.0f}% of "
              f"them ({100 * share(pooled):.0f}% overall); the replaced person alone decided "
              f"{100 * share([r.causes.get('replaced', False) for r in scored]):.0f}% of the "
              "scored losses."]
    keys = summary(results)
    lines += ["", "## Key figures (pooled)", ""]
    lines += [f"- {k}: {v:.3f}" for k, v in keys.items()]
    return "\n".join(lines) + "\n"


def run_fidelity(args: argparse.Namespace) -> int:
    from game.scenario.issues import ScenarioError
    from game.scenario.library import find_scenario
    from game.scenario.loader import load_scenario

    try:
        specs = [load_scenario(find_scenario(f)) for f in args.files]
    except ScenarioError as exc:
        print(exc.render(), file=sys.stderr)
        return 1
    arms = args.arms or list(ARMS)
    if "baseline" not in arms:
        arms = ["baseline", *arms]
    jobs = args.jobs or max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                            else (os.cpu_count() or 1))
    t0 = time.perf_counter()
    results = run(specs, args.games, jobs, arms, progress=not args.quiet)
    report = render(results, args.games)
    print(report)
    out_dir = Path(args.out)
    name = "fidelity-" + "-".join(s.id for s in specs) + ".md"
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / name).write_text(report, encoding="utf-8")
        print(f"wrote {out_dir / name} ({time.perf_counter() - t0:.0f} s)")
    except OSError as exc:
        print(f"fidelity: cannot write {out_dir / name}: {exc.strerror or exc}",
              file=sys.stderr)
    for k, v in summary(results).items():
        print(f"{k}: {v:.3f}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add `fidelity FILE... [--games N] [--jobs J] [--out DIR]`."""
    p = sub.add_parser("fidelity", help="the lesson check: what winning takes in a scenario")
    p.add_argument("files", nargs="+", help="scenario files or names")
    p.add_argument("--games", type=int, default=200, help="games per arm per scenario")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: all)")
    p.add_argument("--out", default=".", help="folder for the Markdown report")
    p.add_argument("--arms", nargs="*", default=None, choices=list(ARMS),
                   help="only these arms (the baseline always plays)")
    p.add_argument("--quiet", action="store_true", help="no progress line")
    p.set_defaults(func=run_fidelity)
