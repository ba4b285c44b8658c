"""The `balance` command: many seeded AI-vs-AI games of one scenario, in parallel.

A course designer needs to know before a class whether a scenario plays well: whether one
strategy always wins, whether a competitor never matters, whether deals end in contracts.
Games are independent, so the seeds are split into chunks that worker processes play with
the scenario loaded once per worker; each game comes back as a small record (no state), and
`balance_report` turns the records into the report. Seed `base + i` always plays the same
game, so a report can be reproduced exactly and a surprising game replayed with `simulate`.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from game.ai.agents import BuiltinAgent
from game.core.causes import Causes, analyse, analyse_all
from game.core.engine import new_game
from game.core.state import GameState
from game.scenario.library import shipped_dir
from game.scenario.loader import load_scenario
from game.scenario.models import Playbook, ScenarioSpec
from game.sim.balance_report import render_report, summarise
from game.sim.batch import play_scored_game as batch_scored_game

MODES = ("scenario", "rotate")
"""scenario: every vendor plays the playbook its scenario gives it. rotate: the team vendor's
playbook cycles through all playbooks game by game, so each strategy meets the same field."""
PLAYBOOKS = tuple(p.value for p in Playbook)
AGENT_MODULES = ("game.ai", "game.ai.agents", "game.ai.base", "game.ai.playbooks")
"""Where the playbook AIs' `make_agent(playbook, difficulty, seed)` may live."""
BENCH_SCENARIO = shipped_dir() / "city_hospital.yaml"
BENCH_GAMES = 10_000


# ---- which AI plays each vendor ---------------------------------------------------------


def agent_factory() -> Callable[..., Any] | None:
    """The playbook AIs' `make_agent`, or None while only the built-in AI exists."""
    for name in AGENT_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        make = getattr(module, "make_agent", None)
        if callable(make):
            return make
    return None


def seat_playbooks(spec: ScenarioSpec, index: int, mode: str) -> dict[str, str]:
    """The playbook each vendor plays in game number `index` of the run."""
    out = {v.id: v.playbook.value for v in spec.vendors}
    if mode == "rotate":
        for v in spec.vendors:
            if v.side == "team":
                out[v.id] = PLAYBOOKS[index % len(PLAYBOOKS)]
    return out


# ---- one game as a record ---------------------------------------------------------------


RESULT_LABELS = {"no_tender": "ended_before_tender", "not_scored": "ended_before_award"}
"""`game.core.causes` kinds the report names otherwise (the report's older words)."""


def loss_cause(state: GameState, vid: str, scored: GameState | None = None) -> str | None:
    """Why this vendor did not win, in the balance report's words; None when it won.

    A loss in the tender's scores is labelled by counterfactual (`game.core.causes`): the
    first factor that, equal to the winner's, alone would have won ("outscored" when none
    would). `scored` is the game as its bids were scored (see `play_scored_game`)."""
    return cause_label(analyse(state, vid, scored, brief=True))


def cause_label(c: Causes) -> str | None:
    """A vendor's causes (`game.core.causes`) in the balance report's words (see
    `loss_cause`)."""
    if c.kind == "won":
        return None
    if c.kind == "no_bid":
        return "too_slow" if c.detail.get("stage", 3) < 3 else "no_bid"
    return RESULT_LABELS.get(c.kind, c.primary)


def play_scored_game(spec: ScenarioSpec, seed: int, agents: dict[str, Any],
                     template: GameState) -> tuple[GameState, GameState | None]:
    """One unrecorded game (as `batch.play_batch_game` plays it), and the game as its bids
    were scored: the award week played again on a `scoring_fork`, without the customer's
    events that follow the scoring. None when no bids were scored. (The week loop runs in
    the compiled `batch.play_scored_game`.)"""
    return batch_scored_game(spec, seed, agents, template)


def game_record(state: GameState, playbooks: dict[str, str],
                scored: GameState | None = None) -> dict[str, Any]:
    """Everything the report needs from one finished game, small enough to pickle fast.
    `scored`: the game as its bids were scored (for the loss causes)."""
    o = state.outcome
    t = state.tender or {}
    valid = {k for k, b in t.get("bids", {}).items() if not b["disqualified"]}
    c931 = t.get("c931") or {}
    vendors: dict[str, Any] = {}
    causes = analyse_all(state, [vid for vid, v in state.vendors.items() if v.joined_week],
                         scored, brief=True)
    for vid, v in state.vendors.items():
        if v.joined_week == 0:
            continue  # a late rival that never came
        h = c931.get(vid) if vid in valid else None
        vendors[vid] = {
            "playbook": playbooks[vid],
            "side": v.side,
            "stage": v.stage,
            "stage_weeks": {int(k): w for k, w in v.stage_weeks.items()},
            "spent": round(v.spent, 2),
            "cause": cause_label(causes[vid]),
            "c931": (h["c"], h["f"], h["w"], h["forecast"]) if h else None,
        }
    return {
        "seed": state.seed,
        "events": fired_weeks(state),
        "choices": choices_taken(state),
        "milestones": milestones(state),
        "result": o["result"],
        "reason": o["reason"],
        "winner": o["winner"],
        "week": o["week"],
        "signed": state.contract is not None,
        "value": o["value"],
        "margin": o["margin"],
        "discount": o["discount"],
        "first_payment": o["first_payment"],
        "first_payment_amount": o["first_payment_amount"],
        "vendors": vendors,
    }


def fired_weeks(state: GameState) -> dict[str, int]:
    """The week each event that fired did so, from `state.fired` and the log."""
    fired = set(state.fired)
    return {e["event"]: e["week"] for e in state.log
            if e.get("event") in fired and not e.get("calendar") and "affects" in e}


def choices_taken(state: GameState) -> list[tuple[str, str, str, bool, int]]:
    """(vendor, event, choice, taken by default, week) for every event choice answered."""
    return [(e["vendor"], e["target"], e["option"], bool((e.get("effects") or {}).get("default")),
             e["week"]) for e in state.log if e.get("kind") == "choose"]


def milestones(state: GameState) -> dict[str, int | None]:
    """The weeks after which an event's effect can no longer matter: the bids opened, the
    public notice ended (the last scoring), the contract's terms were agreed."""
    out: dict[str, int | None] = {"bids": None, "scored": None, "terms": None}
    for e in state.log:
        if e.get("calendar"):
            if e["event"] == "bids_opened":
                out["bids"] = e["week"]
            elif e["event"] in ("award", "notice_end"):
                out["scored"] = e["week"]
    c = state.contract
    if c is not None:
        agreed = [e["week"] for e in state.log if e.get("vendor") == c["vendor"]
                  and (e.get("effects") or {}).get("agreed")]
        out["terms"] = agreed[-1] if agreed else c["signed_week"]
    return out


# ---- running many games -----------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(spec: ScenarioSpec, mode: str) -> None:
    _WORKER["spec"] = spec
    _WORKER["mode"] = mode
    _WORKER["make"] = agent_factory()
    _WORKER["template"] = new_game(spec, 0)


def agents_for(spec: ScenarioSpec, playbooks: dict[str, str], seed: int,
               make: Callable[..., Any] | None) -> dict[str, Any]:
    """The agent of every vendor in one game (the built-in AI when there is no factory)."""
    if make is None:
        return {v.id: BuiltinAgent() for v in spec.vendors}
    return {v.id: make(playbooks[v.id], v.difficulty.value, seed * 31 + i)
            for i, v in enumerate(spec.vendors)}


def _play_chunk(chunk: tuple[int, list[tuple[int, int]]]) -> list[dict[str, Any]]:
    """Play (index, seed) pairs in this worker; the chunk id only orders the results."""
    spec, mode, make = _WORKER["spec"], _WORKER["mode"], _WORKER["make"]
    out = []
    for index, seed in chunk[1]:
        books = seat_playbooks(spec, index, mode)
        state, scored = play_scored_game(spec, seed, agents_for(spec, books, seed, make),
                                         _WORKER["template"])
        out.append(game_record(state, books, scored))
    return out


def chunks(n: int, base_seed: int, jobs: int) -> list[tuple[int, list[tuple[int, int]]]]:
    """Split game indexes into chunks: small enough to balance the workers and move the
    progress bar, large enough that sending results back costs little."""
    size = max(1, min(200, n // (jobs * 8) or 1))
    games = [(i, base_seed + i) for i in range(n)]
    return [(k, games[s:s + size]) for k, s in enumerate(range(0, n, size))]


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_games(scenario: ScenarioSpec | str, games: int, jobs: int, base_seed: int = 1,
              mode: str = "scenario", on_progress: Callable[[int], None] | None = None
              ) -> list[dict[str, Any]]:
    """Play `games` games of a scenario (a spec, or the path of its file); records come back
    in seed order. A spec lets a sweep play changed copies without writing files."""
    spec = load_scenario(scenario) if isinstance(scenario, str) else scenario
    parts = chunks(games, base_seed, jobs)
    records: list[dict[str, Any]] = []
    if jobs <= 1 or len(parts) == 1:
        _init_worker(spec, mode)
        results: Iterable[list[dict[str, Any]]] = map(_play_chunk, parts)
        for batch in results:
            records.extend(batch)
            if on_progress:
                on_progress(len(batch))
    else:
        import multiprocessing

        with multiprocessing.get_context().Pool(jobs, _init_worker, (spec, mode)) as pool:
            for batch in pool.imap_unordered(_play_chunk, parts):
                records.extend(batch)
                if on_progress:
                    on_progress(len(batch))
    records.sort(key=lambda r: r["seed"])
    return records


class Progress:
    """A one-line progress bar on stderr; on a pipe it prints a line every tenth instead."""

    def __init__(self, total: int, stream: TextIO | None = None, width: int = 30) -> None:
        self.total, self.done, self.width = total, 0, width
        self.stream = stream if stream is not None else sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.start = time.perf_counter()
        self.last_tenth = -1

    def __call__(self, n: int) -> None:
        self.done += n
        tenth = self.done * 10 // max(self.total, 1)
        if self.tty:
            self.stream.write("\r" + self.line())
        elif tenth != self.last_tenth:
            self.stream.write(self.line() + "\n")
        self.last_tenth = tenth
        self.stream.flush()

    def line(self) -> str:
        frac = self.done / max(self.total, 1)
        filled = int(frac * self.width)
        elapsed = time.perf_counter() - self.start
        rate = self.done / elapsed if elapsed > 0 else 0.0
        eta = (self.total - self.done) / rate if rate > 0 else 0.0
        bar = "#" * filled + "." * (self.width - filled)
        return (f"[{bar}] {self.done}/{self.total} games  {rate:6.1f} games/s  "
                f"ETA {eta:4.0f}s")

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


def agents_meta() -> dict[str, Any]:
    """How the vendors are played, for a report's header."""
    make = agent_factory()
    return {"agents": "playbook AIs" if make else "built-in AI for every vendor",
            "by_playbook": make is not None}


def balance(scenario: str | ScenarioSpec, games: int, jobs: int | None = None,
            base_seed: int = 1, mode: str = "scenario", progress: bool = True,
            meta: dict[str, Any] | None = None) -> tuple[dict[str, Any], float]:
    """Play the games and summarise them; returns the summary and the seconds taken."""
    spec = load_scenario(scenario) if isinstance(scenario, str) else scenario
    jobs = jobs or default_jobs()
    bar = Progress(games) if progress else None
    t0 = time.perf_counter()
    records = run_games(spec, games, jobs, base_seed, mode, bar)
    seconds = time.perf_counter() - t0
    if bar:
        bar.close()
    info = {"file": scenario if isinstance(scenario, str) else spec.id, "games": games,
            "jobs": jobs, "seed": base_seed, "mode": mode, **agents_meta(),
            **(meta or {}), "seconds": round(seconds, 2)}
    return summarise(records, spec, info), seconds


def register(sub: argparse._SubParsersAction) -> None:
    """Add `balance FILE [--games N | --margin M] [--sweep PATH=VALUES] ...`."""
    from game.sim.balance_command import register_balance

    register_balance(sub)


# ---- the benchmark ----------------------------------------------------------------------


def bench_balance(games: int = BENCH_GAMES, jobs: int | None = None,
                  path: str | os.PathLike[str] = BENCH_SCENARIO,
                  out: TextIO | None = None) -> float:
    """Time a whole balance run (games, records and report); returns the 10k-game seconds.

    With fewer games than 10,000 the last figure is projected from the measured rate, and
    the line before it says so.
    """
    out = out or sys.stdout
    jobs = jobs or default_jobs()
    t0 = time.perf_counter()
    summary, _ = balance(str(path), games, jobs, progress=False)
    render_report(summary)
    seconds = time.perf_counter() - t0
    rate = games / seconds
    print(f"{'games':>7} {'jobs':>5} {'seconds':>8} {'games/s':>8}", file=out)
    print(f"{games:>7} {jobs:>5} {seconds:>8.2f} {rate:>8.1f}", file=out)
    total = seconds if games == BENCH_GAMES else BENCH_GAMES / rate
    if games != BENCH_GAMES:
        print(f"projected from {games} games", file=out)
    print(f"balance_10k_s: {total:.1f}", file=out)
    return total


def run_bench_balance(args: argparse.Namespace) -> int:
    """`bench balance`: balance over 10,000 games of city_hospital with the default jobs
    (`--games N` runs fewer and projects the 10k figure)."""
    bench_balance(getattr(args, "games", None) or BENCH_GAMES, getattr(args, "jobs", None))
    return 0
