"""`balance FILE --sweep PATH=FROM:TO:STEP`: which knob moves what, in one run.

A designer tuning by hand changes a number, runs balance, and guesses; with the noise of a
few hundred games, a 0.05 change can look like a swing of thirty points. A sweep plays the
same seeds at every value of one field (common random numbers, so the differences between
rows are the knob's doing, not the dice's) and prints each value's win rates per vendor, or
per team playbook in rotate mode, with their intervals, then says which columns moved by more
than their noise.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.scenario.knobs import Knob, with_values
from game.scenario.models import ScenarioSpec
from game.sim.balance_report import summarise
from game.sim.report_kit import ci, pct, table


def run_sweep(spec: ScenarioSpec, knob: Knob, values: list[Any], games: int, jobs: int,
              base_seed: int, mode: str, meta: dict[str, Any],
              play: Callable[..., list[dict[str, Any]]],
              on_progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Play `games` games (the same seeds) at each value; returns the sweep's figures.

    `play(spec, games, jobs, base_seed, mode, on_progress)` plays one batch (the balance
    runner), so the sweep never depends on how games are played."""
    rows = []
    for value in values:
        changed = with_values(spec, [(knob, value)])
        records = play(changed, games, jobs, base_seed, mode, on_progress)
        rows.append({"value": value, "summary": summarise(records, changed, dict(meta))})
    return {"scenario": spec.id, "title": spec.title.en, "knob": knob.text,
            "current": knob.current, "meta": meta, "games": games, "rows": rows,
            "rotate": mode == "rotate" and bool(meta.get("by_playbook"))}


def columns(result: dict[str, Any]) -> list[tuple[str, Callable[[dict[str, Any]], Any]]]:
    """(header, the group in a summary) for each column: the team's playbooks in rotate
    mode, else every vendor."""
    first = result["rows"][0]["summary"]
    if result["rotate"]:
        names = [p["playbook"] for p in first["team_playbooks"]]
        return [(f"team {b}", lambda s, b=b: next(
            (p for p in s["team_playbooks"] if p["playbook"] == b), None)) for b in names]
    return [(v["id"], lambda s, vid=v["id"]: next(
        (x for x in s["vendors"] if x["id"] == vid), None)) for v in first["vendors"]]


def _cell(g: dict[str, Any] | None) -> str:
    return "-" if not g or not g["n"] else f"{pct(g['rate'])} ({ci(g)})"


def movements(result: dict[str, Any]) -> list[str]:
    """Per column: its lowest and highest rate over the sweep, and whether the two intervals
    are apart (the knob moved it) or overlap (no more than noise shows)."""
    out = []
    for header, pick in columns(result):
        points = [(row["value"], pick(row["summary"])) for row in result["rows"]]
        points = [(v, g) for v, g in points if g and g["n"]]
        if len(points) < 2:
            continue
        low = min(points, key=lambda p: p[1]["rate"])
        high = max(points, key=lambda p: p[1]["rate"])
        span = f"{pct(low[1]['rate'])} at {low[0]} to {pct(high[1]['rate'])} at {high[0]}"
        if low[1]["hi"] < high[1]["lo"]:
            out.append(f"- **{header}** moves: {span}.")
        else:
            out.append(f"- {header}: {span}, within the noise (the intervals overlap).")
    return out


def render_sweep(result: dict[str, Any]) -> str:
    m = result["meta"]
    n = result["games"]
    cols = columns(result)
    rows = []
    for row in result["rows"]:
        s = row["summary"]
        value = f"{row['value']}" + (" (now)" if row["value"] == result["current"] else "")
        deals = s["results"].get("won", 0) / max(s["games"], 1)
        rows.append([value, *(_cell(pick(s)) for _, pick in cols), pct(deals),
                     str(len([f for f in s["flags"] if not f.startswith("INCONCLUSIVE")]))])
    out = [
        f"# Sweep: {result['scenario']} · {result['knob']}", "",
        f"{result['title']}  ",
        f"File `{m['file']}` (content {m.get('scenario_hash', '-')}): {len(result['rows'])} "
        f"values × {n} games (seeds {m['seed']}-{m['seed'] + n - 1}, the same at every value), "
        f"{m['jobs']} worker(s), {m['seconds']:.1f} s; mode `{m['mode']}`; {m['agents']}.",
        "", "Win rates with their 95% intervals; \"flags\" counts the balance verdicts "
        "(dominant, dead, few deals) at that value.", "",
        table([result["knob"], *(h for h, _ in cols), "paid deals", "flags"], rows),
        "", "## What moved", "", *(movements(result) or ["- Nothing to compare."])]
    return "\n".join(out)
