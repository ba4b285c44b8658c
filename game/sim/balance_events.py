"""The balance report's events and choices: how often each event fires, in which weeks, too
late to matter or not, and how each choice was taken and how its takers did.

Events are where a designer puts the lesson, yet a calendar change can leave one firing after
the thing it changes is settled (a budget cut after the bids are opened does nothing). The
figures come from each game's record: the week each event fired, every answered choice, and
the weeks the bids opened, the last scoring ended and the contract's terms were agreed.
"""

from __future__ import annotations

import statistics
from collections import Counter
from typing import Any

from game.scenario import models as m
from game.sim.report_kit import ci, pct, rate, table

LATE: dict[type, tuple[str, str]] = {
    m.BudgetEffect: ("bids", "after the bids were opened"),
    m.CriteriaEffect: ("scored", "after the last scoring"),
    m.NeedWeightEffect: ("scored", "after the last scoring"),
    m.FirstPaymentEffect: ("terms", "after the contract's terms were agreed"),
}
"""Effects that matter only until a milestone of the game: (milestone, in words). An effect
fired in that milestone's week or later changes nothing the milestone decided."""


def _timed(ev: m.EventSpec) -> tuple[str, str] | None:
    """The last milestone by which all of the event's own effects are settled, when every
    one of them is timed."""
    kinds = [LATE.get(type(e)) for e in ev.effects]
    if not kinds or any(k is None for k in kinds):
        return None
    order = ("bids", "scored", "terms")
    return max((k for k in kinds if k is not None), key=lambda k: order.index(k[0]))


def event_figures(records: list[dict[str, Any]], spec: m.ScenarioSpec) -> list[dict[str, Any]]:
    """Per event: firing rate with its interval, the weeks it fired, and (for events whose
    every effect is timed) the share of firings after the effect could matter."""
    n = len(records)
    rows = []
    for ev in spec.events:
        weeks = [r["events"][ev.id] for r in records if ev.id in r.get("events", {})]
        row = dict(rate(len(weeks), n), id=ev.id, title=ev.title.en,
                   window=tuple(ev.trigger.weeks), weeks=Counter(weeks),
                   first=min(weeks, default=None), last=max(weeks, default=None),
                   median=statistics.median(weeks) if weeks else None, late=None, why=None)
        timed = _timed(ev)
        if timed is not None and weeks:
            key, words = timed
            late = sum(1 for r in records if ev.id in r.get("events", {})
                       and (r.get("milestones") or {}).get(key) is not None
                       and r["events"][ev.id] >= r["milestones"][key])
            row.update(late=late / len(weeks), why=words)
        rows.append(row)
    return rows


def choice_figures(records: list[dict[str, Any]],
                   spec: m.ScenarioSpec) -> list[dict[str, Any]]:
    """Per event choice and side (team, rival): how often it was taken when offered, how
    often by default (nobody answered), and how often its takers won the deal."""
    offered: Counter[tuple[str, str]] = Counter()
    taken: dict[tuple[str, str, str], list[tuple[bool, bool]]] = {}
    for r in records:
        for vid, eid, cid, default, _week in r.get("choices", []):
            x = r["vendors"].get(vid)
            if x is None:
                continue
            side = x["side"]
            won = r["winner"] == vid and r["result"] == "won"
            offered[(eid, side)] += 1
            taken.setdefault((eid, cid, side), []).append((default, won))
    rows = []
    for ev in spec.events:
        for ch in ev.choices:
            for side in ("team", "rival"):
                if not offered[(ev.id, side)]:
                    continue
                got = taken.get((ev.id, ch.id, side), [])
                wins = sum(won for _, won in got)
                rows.append(dict(rate(wins, len(got)), event=ev.id, choice=ch.id, side=side,
                                 label=ch.label.en, cost=ch.cost, offered=offered[(ev.id, side)],
                                 taken=len(got), by_default=sum(d for d, _ in got)))
    return rows


def _weeks(row: dict[str, Any]) -> str:
    if not row["wins"]:
        return "-"
    top = sorted(row["weeks"].items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    common = ", ".join(f"w{w} {c / row['wins']:.0%}" for w, c in sorted(top))
    return f"w{row['first']}-w{row['last']} (median w{row['median']:g}; {common})"


def render_events(s: dict[str, Any]) -> list[str]:
    """The report's events and choices sections (empty when the scenario has no events)."""
    events, choices = s.get("events") or [], s.get("choices") or []
    if not events:
        return []
    out = ["", "## Events", "",
           "How often each event fired (share of games, with its 95% interval), in which "
           "weeks (earliest-latest, median, and the commonest weeks), and for events whose "
           "every effect is settled by a milestone, the share of firings that came too late "
           "to change anything.", "", table(
               ["event", "trigger weeks", "fired", "95% interval", "weeks fired", "too late"],
               [[e["id"], f"{e['window'][0]}-{e['window'][1]}", pct(e["rate"]), ci(e),
                 _weeks(e), "-" if e["late"] is None else f"{pct(e['late'])} fired {e['why']}"]
                for e in events],
               [False, False, True, True, False, False])]
    late = [e for e in events if e["late"] and e["late"] >= 0.5]
    for e in late:
        out += ["", f"- `{e['id']}` fired {e['why']} in {pct(e['late'])} of the games it "
                "fired in, when its effects could no longer change anything: move its trigger "
                "weeks earlier, or add a condition that holds only before then."]
    if choices:
        out += ["", "## Event choices", "",
                "Each choice's take-up when its event was offered (by the team's seat and by "
                "rivals), how often nobody answered and it applied by default, and how often "
                "the vendors who took it won the deal.", "", table(
                    ["event", "choice", "side", "cost", "taken", "by default", "takers won",
                     "95% interval"],
                    [[c["event"], c["choice"], c["side"], f"{c['cost']:g}",
                      f"{c['taken']}/{c['offered']} ({pct(c['taken'] / c['offered'])})",
                      str(c["by_default"]), pct(c["rate"]) if c["n"] else "-", ci(c)]
                     for c in choices],
                    [False, False, False, True, True, True, True, True])]
    return out
