"""Turn balance-run game records into figures and a Markdown report a designer can read.

Rates carry Wilson 95% intervals because a few hundred games are a small sample: a playbook
at 58% over 200 games is not shown to be dominant, and the interval says so. The report
flags what makes a scenario a poor class exercise: one side almost always winning (over
60% of its games), one side almost never (under 5%), and games that rarely reach a paid
contract. A side is called dominant or dead only when its whole interval is past the line;
when the interval straddles it the verdict is "inconclusive", with the games it would take.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from game.scenario.difficulty import lineup_notes
from game.scenario.models import ScenarioSpec
from game.sim.balance_events import choice_figures, event_figures, render_events
from game.sim.report_kit import (
    ci,
    games_for_margin,
    games_to_settle,
    num,
    pct,
    rate,
    table,
    wilson,
)

__all__ = ["CAUSES", "flags", "games_for_margin", "render_report", "seat_profit", "summarise",
           "table", "wilson"]

DOMINANT = 0.60
DEAD = 0.05
FEW_DEALS = 0.50
MIN_GAMES_TO_FLAG = 20

CAUSES = {
    "shelved": "won the contract, but the project was shelved",
    "too_slow": "still before P3 at the bid deadline, so could not bid",
    "no_bid": "reached P3 but did not bid",
    "over_budget": "bid above the customer's budget (disqualified)",
    "support": "outscored: every evaluator backing it as the winner would have won",
    "support_one": "outscored: one evaluator backing it as the winner would have won",
    "kdm_w": "outscored: the KDM choosing it (W) would have won",
    "price": "outscored: its price equal to the winner's would have won",
    "fit": "outscored: product fit and service as good as the winner's would have won",
    "shaping": "outscored: criteria shaped as far as the winner's would have won",
    "preparation": "outscored: a funnel as far along as the winner's would have won",
    "replaced": "outscored: a replaced key person still in the seat would have won",
    "kdm_override": "ranked first, but the KDM settled the close result for another",
    "outscored": "outscored: no single factor equal to the winner's would have won",
    "overturned": "won the award, lost it to a complaint",
    "failed_to_sign": "won the award but did not sign in time",
    "not_signed": "preferred bidder when the game ended",
    "unpaid": "signed, but the first payment never arrived",
    "ended_before_tender": "the game ended before the bids were opened",
    "ended_before_award": "the game ended before the award",
}
"""Each loss, labelled once. A loss in the tender's scores is labelled by counterfactual
(`game.core.causes`): the factor that, made equal to the winner's, alone would have won and
closes the most of the gap (the first in the debrief's ranking)."""
C931_GROUPS: list[tuple[str, Callable[[int, int, int], bool]]] = [
    ("1W: the KDM has chosen them", lambda c, f, w: w >= 1),
    ("8C+ and 1F+, 0W", lambda c, f, w: w == 0 and c >= 8 and f >= 1),
    ("under 8C, 1F+, 0W", lambda c, f, w: w == 0 and c < 8 and f >= 1),
    ("8C+, 0F 0W", lambda c, f, w: w == 0 and c >= 8 and f == 0),
    ("under 8C, 0F 0W", lambda c, f, w: w == 0 and c < 8 and f == 0),
]
RULE_OF_THUMB = ("8C 1F 0W or better (the material: 60%+)",
                 lambda c, f, w: c >= 8 and f >= 1)
MAX_GAMES_SAID = 20_000
"""Past this many games per arm a verdict is called a coin toss instead of a number."""


def _mean(xs: Sequence[float]) -> float | None:
    return statistics.fmean(xs) if xs else None


def summarise(records: list[dict[str, Any]], spec: ScenarioSpec,
              meta: dict[str, Any]) -> dict[str, Any]:
    """All the report's figures from the game records (pure; no I/O)."""
    n = len(records)
    won = [r for r in records if r["result"] == "won"]
    vendors = [_vendor_figures(v.id, v.name.en, v.side, records) for v in spec.vendors]
    playbooks = _by_playbook(records, lambda x: True)
    team_books = _by_playbook(records, lambda x: x["side"] == "team")
    summary = {
        "scenario": spec.id,
        "title": spec.title.en,
        "meta": meta,
        "games": n,
        "results": Counter(r["result"] for r in records),
        "reasons": Counter(r["reason"] for r in records if r["result"] == "no_deal"),
        "signed": sum(r["signed"] for r in records),
        "weeks": _mean([r["week"] for r in records]),
        "deal_weeks": _mean([r["week"] for r in won]),
        "vendors": vendors,
        "playbooks": playbooks,
        "team_playbooks": team_books,
        "c931": _c931_rows(records),
        "last_week": spec.last_week,
        "events": event_figures(records, spec),
        "choices": choice_figures(records, spec),
        "lineup": [{"id": v.id, "side": v.side, "playbook": v.playbook.value,
                    "difficulty": v.difficulty.value} for v in spec.vendors],
    }
    summary["flags"] = flags(summary)
    return summary


def _by_playbook(records: list[dict[str, Any]],
                 seat: Callable[[dict[str, Any]], bool]) -> list[dict[str, Any]]:
    """Win rate per playbook over the seats `seat` selects, with the vendors that played it,
    the margin of its paid wins, the discount it gave at the negotiation table (which
    depends on how clearly it won and how the buyers feel about it) and its profit per game
    (see `seat_profit`)."""
    books: dict[str, list[Any]] = {}
    for r in records:
        for vid, x in r["vendors"].items():
            if seat(x):
                tally = books.setdefault(x["playbook"], [0, 0, set(), [], [], []])
                won = r["winner"] == vid and r["result"] == "won"
                tally[0] += won
                tally[1] += 1
                tally[2].add(vid)
                tally[4].append(seat_profit(r, vid))
                if won:
                    tally[3].append(r["margin"])
                    tally[5].append(r.get("discount", 0.0))
    return [dict(rate(k, n), playbook=b, vendors=sorted(v), margin=_mean(margins),
                 profit=_mean(profits), discount=_mean(discounts))
            for b, (k, n, v, margins, profits, discounts) in sorted(books.items())]


def seat_profit(record: dict[str, Any], vid: str) -> float:
    """What one game earned a vendor: the contract's gross profit (value less delivery cost)
    if it won and was paid, less its cost of sale. Winning more often at a thinner margin
    can earn less, which is the price-cutter's trade-off a designer needs to see."""
    earned = 0.0
    if record["winner"] == vid and record["result"] == "won":
        earned = record["value"] * record["margin"]
    return earned - record["vendors"][vid]["spent"]


def _vendor_figures(vid: str, name: str, side: str,
                    records: list[dict[str, Any]]) -> dict[str, Any]:
    seats = [(r, r["vendors"][vid]) for r in records if vid in r["vendors"]]
    wins = [r for r, _ in seats if r["winner"] == vid and r["result"] == "won"]
    reach: dict[int, tuple[int, float | None]] = {}
    for k in range(2, 8):
        got = [x for _, x in seats if x["stage"] >= k or max(x["stage_weeks"]) >= k]
        weeks = [x["stage_weeks"][k] for x in got if k in x["stage_weeks"]]
        reach[k] = (len(got), statistics.median(weeks) if weeks else None)
    causes = Counter(x["cause"] for _, x in seats if x["cause"])
    books = sorted({x["playbook"] for _, x in seats})
    return dict(
        rate(len(wins), len(seats)), id=vid, name=name, side=side, playbooks=books,
        reach=reach, causes=causes,
        spent=_mean([x["spent"] for _, x in seats]),
        spent_won=_mean([r["vendors"][vid]["spent"] for r in wins]),
        value=_mean([r["value"] for r in wins]),
        margin=_mean([r["margin"] for r in wins]),
        first_payment=_mean([r["first_payment"] for r in wins]),
        first_amount=_mean([r["first_payment_amount"] for r in wins]),
    )


def _c931_rows(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Win rate of the vendors with a valid bid at the decision, by their C931 then."""
    obs = [
        (x["c931"], r["winner"] == vid and r["result"] == "won")
        for r in records for vid, x in r["vendors"].items() if x["c931"]
    ]
    rows = []
    for label, test in [*C931_GROUPS, RULE_OF_THUMB]:
        hit = [(h, won) for h, won in obs if test(h[0], h[1], h[2])]
        row = rate(sum(won for _, won in hit), len(hit))
        row.update(label=label, forecast=_mean([h[3] for h, _ in hit]))
        rows.append(row)
    return rows


def round_games(n: int) -> int:
    """A game count to two significant figures: an estimate should not look exact."""
    digits = max(0, len(str(n)) - 2)
    return int(round(n, -digits))


def flags(summary: dict[str, Any]) -> list[str]:
    """Plain-words warnings about the scenario's balance (empty when it plays well)."""
    out: list[str] = []
    groups = [("vendor", v["id"], v) for v in summary["vendors"]]
    if summary["meta"].get("by_playbook"):
        # A playbook one vendor alone plays is already judged as that vendor.
        groups += [("playbook", p["playbook"], p) for p in summary["playbooks"]
                   if len(p["vendors"]) > 1]
        if summary["meta"].get("mode") == "rotate":
            groups += [("team playbook", p["playbook"], p) for p in summary["team_playbooks"]]
    for kind, name, g in groups:
        if g["n"] < MIN_GAMES_TO_FLAG:
            continue
        shown = f"{g['rate']:.0%} ({g['lo']:.0%}-{g['hi']:.0%}) of {g['n']} games"
        if g["lo"] > DOMINANT:
            out.append(f"DOMINANT {kind} {name}: wins {shown}, more than "
                       f"{DOMINANT:.0%} against the field")
        elif g["hi"] < DEAD:
            out.append(f"DEAD {kind} {name}: wins {shown}, under {DEAD:.0%}")
        elif g["lo"] <= DOMINANT <= g["hi"] or g["lo"] <= DEAD <= g["hi"]:
            line = DOMINANT if g["lo"] <= DOMINANT <= g["hi"] else DEAD
            word = "dominant" if line == DOMINANT else "dead"
            need = games_to_settle(g["rate"], line)
            more = ("no number of games would settle it: it sits on the line"
                    if need is None or need > MAX_GAMES_SAID
                    else f"about {round_games(need):,} games for this {kind} would settle "
                    "it")
            out.append(f"INCONCLUSIVE {kind} {name}: wins {shown}; the interval spans "
                       f"{line:.0%}, so it may or may not be {word} ({more})")
    n = summary["games"]
    deals = summary["results"].get("won", 0)
    if n >= MIN_GAMES_TO_FLAG and deals < FEW_DEALS * n:
        out.append(f"FEW DEALS: only {deals / n:.0%} of games end with a first payment "
                   f"received (under {FEW_DEALS:.0%})")
    return out


# ---- Markdown ---------------------------------------------------------------------------


def render_report(s: dict[str, Any]) -> str:
    m = s["meta"]
    n = s["games"]
    res = s["results"]
    out = [
        f"# Balance report: {s['scenario']}",
        "",
        f"{s['title']}  ",
        f"File `{m['file']}`: {n} games (seeds {m['seed']}-{m['seed'] + n - 1}), "
        f"{m['jobs']} worker(s), {m['seconds']:.1f} s; mode `{m['mode']}`; "
        f"{m['agents']}.",
    ]
    arms = _arms(s)
    if arms:
        fewest = min(g["n"] for g in arms)
        widest = max((g["hi"] - g["lo"]) / 2 for g in arms)
        what = ("each team playbook" if m.get("mode") == "rotate" and m.get("by_playbook")
                else "each vendor")
        sized = (f"sized for ±{m['margin'] * 100:g} points; " if m.get("margin") else "")
        out += [f"Arms: {what} played at least {fewest} games ({sized}the widest 95% interval "
                f"is ±{widest * 100:.0f} points)."]
    if not m.get("by_playbook"):
        out += ["", "The playbook AIs are not installed, so every vendor plays the built-in AI "
                "and the figures compare vendors (their data), not strategies."]
    out += ["", "## Verdict", ""]
    out += [f"- {f}" for f in s["flags"]] or ["- No dominant or dead side; deals end often "
                                             "enough."]
    if s["flags"] and all(f.startswith("INCONCLUSIVE") for f in s["flags"]):
        out += ["- Nothing is shown dominant or dead, but the verdicts above are open: run "
                "more games (a smaller --margin) before changing the scenario for them."]
    if s.get("lineup"):
        out += ["", "## Line-up", "", table(
            ["vendor", "side", "playbook", "difficulty"],
            [[x["id"], x["side"], x["playbook"] if m.get("mode") != "rotate"
              or x["side"] != "team" else "each in turn", x["difficulty"]]
             for x in s["lineup"]], [False] * 4), "", *lineup_notes(s["lineup"])]
    out += [
        "", "## Outcomes", "",
        f"Paid contract: {pct(res.get('won', 0) / n)}; shelved after signing: "
        f"{pct(res.get('shelved', 0) / n)}; no deal: {pct(res.get('no_deal', 0) / n)}. "
        f"Contracts signed in {pct(s['signed'] / n)} of games. Games last "
        f"{num(s['weeks'])} weeks on average ({num(s['deal_weeks'])} when a deal is paid; "
        f"last week {s['last_week']}).",
    ]
    if s["reasons"]:
        out += ["", "No deal because: " + ", ".join(
            f"{k} {pct(v / n)}" for k, v in s["reasons"].most_common()) + "."]
    out += ["", "## Win rate by vendor", "", table(
        ["vendor", "side", "playbook", "games", "wins", "win rate", "95% interval"],
        [[v["id"], v["side"], ",".join(v["playbooks"]), str(v["n"]), str(v["wins"]),
          pct(v["rate"]), ci(v)] for v in s["vendors"]],
        [False, False, False, True, True, True, True])]
    if m.get("by_playbook"):
        out += ["", "## Win rate by playbook", "", table(
            ["playbook", "seats", "wins", "win rate", "95% interval", "margin when won",
             "discount given", "profit per game"],
            [[p["playbook"], str(p["n"]), str(p["wins"]), pct(p["rate"]), ci(p),
              pct(p["margin"]), pct(p["discount"]), num(p["profit"])] for p in s["playbooks"]])]
    if m.get("by_playbook") and m.get("mode") == "rotate":
        out += ["", "## The team's seat by playbook", "",
                "The team vendor played each playbook in turn against the same field.", "",
                table(["team playbook", "games", "wins", "win rate", "95% interval",
                       "margin when won", "discount given", "profit per game"],
                      [[p["playbook"], str(p["n"]), str(p["wins"]), pct(p["rate"]), ci(p),
                        pct(p["margin"]), pct(p["discount"]), num(p["profit"])]
                       for p in s["team_playbooks"]])]
    if m.get("by_playbook"):
        out += ["", "Profit per game (万元): the contract's gross profit (value less delivery "
                "cost) when the seat won and was paid, less its cost of sale, averaged over "
                "all its games. A playbook can win more often and still earn less. Discount "
                "given: what the winner agreed off its bid at the negotiation table; the "
                "buyers ask more of a winner with a runner-up close behind or cheaper, less of "
                "a clear winner they support (the authoring guide, 'Negotiation and "
                "payment'); the contract never goes under the floor price."]
    out += ["", "## Stages reached", "",
            "Share of a vendor's games that reached each stage, and the median week it got "
            "there.", "", table(
                ["vendor", *(f"P{k}" for k in range(2, 8))],
                [[v["id"], *(_reach(v, k) for k in range(2, 8))] for v in s["vendors"]])]
    out += ["", "## Why vendors lost", "", _causes(s["vendors"])]
    out += render_events(s)
    out += ["", "## C931 at the decision against win rate", "",
            "Every vendor with a valid bid at the award, by its C931 then; the training "
            "material's rule of thumb is that 8C 1F 0W or better wins 60% or more.", "", table(
                ["C931 at the decision", "vendors", "won", "win rate", "95% interval",
                 "mean forecast"],
                [[r["label"], str(r["n"]), str(r["wins"]), pct(r["rate"]) if r["n"] else "-",
                  ci(r), pct(r["forecast"])] for r in s["c931"]])]
    out += ["", "## Money (万元)", "",
            "Contract value, margin and first payment are averaged over the vendor's paid "
            "wins; cost of sale over all its games.", "", table(
                ["vendor", "value", "margin", "first payment", "amount", "cost of sale",
                 "cost when won"],
                [[v["id"], num(v["value"]), pct(v["margin"]), pct(v["first_payment"]),
                  num(v["first_amount"]), num(v["spent"]), num(v["spent_won"])]
                 for v in s["vendors"]])]
    return "\n".join(out)


def _arms(s: dict[str, Any]) -> list[dict[str, Any]]:
    """The groups the verdict judges: the team's playbooks in rotate mode, else the vendors
    present from the start (a late rival plays fewer games by design)."""
    m = s["meta"]
    if m.get("mode") == "rotate" and m.get("by_playbook") and s.get("team_playbooks"):
        return list(s["team_playbooks"])
    full = [v for v in s["vendors"] if v["n"] == s["games"]]
    return full or [v for v in s["vendors"] if v["n"]]


def _reach(v: dict[str, Any], k: int) -> str:
    got, week = v["reach"][k]
    if not v["n"]:
        return "-"
    share = pct(got / v["n"])
    return f"{share} w{week:g}" if week is not None else share


def _causes(vendors: list[dict[str, Any]]) -> str:
    keys = [k for k in CAUSES if any(v["causes"].get(k) for v in vendors)]
    if not keys:
        return "Nobody lost."
    rows = [[CAUSES[k], *(pct(v["causes"].get(k, 0) / v["n"]) if v["n"] else "-"
                          for v in vendors)] for k in keys]
    return ("Share of each vendor's games lost for each reason. A loss in the tender's scores "
            "is named by counterfactual: the tender judged again with one factor made equal "
            "to the winner's; the row is the factor that alone would have won and closes the "
            "most of the score gap.\n\n"
            + table(["cause", *(v["id"] for v in vendors)], rows))
