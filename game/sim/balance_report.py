"""Turn balance-run game records into figures and a Markdown report a designer can read.

Rates carry Wilson 95% intervals because a few hundred games are a small sample: a playbook
at 58% over 200 games is not shown to be dominant, and the interval says so. The report
flags what makes a scenario a poor class exercise: one side almost always winning (over
60% of its games), one side almost never (under 5%), and games that rarely reach a paid
contract.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from game.scenario.models import ScenarioSpec

DOMINANT = 0.60
DEAD = 0.05
FEW_DEALS = 0.50
MIN_GAMES_TO_FLAG = 20
Z95 = 1.959964

CAUSES = {
    "shelved": "won the contract, but the project was shelved",
    "too_slow": "still before P3 at the bid deadline, so could not bid",
    "no_bid": "reached P3 but did not bid",
    "over_budget": "bid above the customer's budget (disqualified)",
    "outscored": "outscored in the tender",
    "kdm_override": "ranked first, but the KDM overrode the score",
    "overturned": "won the award, lost it to a complaint",
    "failed_to_sign": "won the award but did not sign in time",
    "not_signed": "preferred bidder when the game ended",
    "unpaid": "signed, but the first payment never arrived",
    "ended_before_tender": "the game ended before the bids were opened",
    "ended_before_award": "the game ended before the award",
}
C931_GROUPS: list[tuple[str, Callable[[int, int, int], bool]]] = [
    ("1W: the KDM has chosen them", lambda c, f, w: w >= 1),
    ("8C+ and 1F+, 0W", lambda c, f, w: w == 0 and c >= 8 and f >= 1),
    ("under 8C, 1F+, 0W", lambda c, f, w: w == 0 and c < 8 and f >= 1),
    ("8C+, 0F 0W", lambda c, f, w: w == 0 and c >= 8 and f == 0),
    ("under 8C, 0F 0W", lambda c, f, w: w == 0 and c < 8 and f == 0),
]
RULE_OF_THUMB = ("8C 1F 0W or better (the seed: 60%+)", lambda c, f, w: c >= 8 and f >= 1)


def wilson(k: int, n: int) -> tuple[float, float]:
    """The Wilson score 95% interval of k successes in n trials (sensible near 0 and 1)."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    denom = 1 + Z95 ** 2 / n
    centre = (p + Z95 ** 2 / (2 * n)) / denom
    half = Z95 * math.sqrt(p * (1 - p) / n + Z95 ** 2 / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def _rate(k: int, n: int) -> dict[str, Any]:
    lo, hi = wilson(k, n)
    return {"n": n, "wins": k, "rate": k / n if n else 0.0, "lo": lo, "hi": hi}


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
    }
    summary["flags"] = flags(summary)
    return summary


def _by_playbook(records: list[dict[str, Any]],
                 seat: Callable[[dict[str, Any]], bool]) -> list[dict[str, Any]]:
    """Win rate per playbook over the seats `seat` selects, with the vendors that played it,
    the margin of its paid wins and its profit per game (see `seat_profit`)."""
    books: dict[str, list[Any]] = {}
    for r in records:
        for vid, x in r["vendors"].items():
            if seat(x):
                tally = books.setdefault(x["playbook"], [0, 0, set(), [], []])
                won = r["winner"] == vid and r["result"] == "won"
                tally[0] += won
                tally[1] += 1
                tally[2].add(vid)
                tally[4].append(seat_profit(r, vid))
                if won:
                    tally[3].append(r["margin"])
    return [dict(_rate(k, n), playbook=b, vendors=sorted(v), margin=_mean(margins),
                 profit=_mean(profits))
            for b, (k, n, v, margins, profits) in sorted(books.items())]


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
        _rate(len(wins), len(seats)), id=vid, name=name, side=side, playbooks=books,
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
        row = _rate(sum(won for _, won in hit), len(hit))
        row.update(label=label, forecast=_mean([h[3] for h, _ in hit]))
        rows.append(row)
    return rows


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
        if g["rate"] > DOMINANT:
            out.append(f"DOMINANT {kind} {name}: wins {shown}, more than "
                       f"{DOMINANT:.0%} against the field")
        elif g["rate"] < DEAD:
            out.append(f"DEAD {kind} {name}: wins {shown}, under {DEAD:.0%}")
    n = summary["games"]
    deals = summary["results"].get("won", 0)
    if n >= MIN_GAMES_TO_FLAG and deals < FEW_DEALS * n:
        out.append(f"FEW DEALS: only {deals / n:.0%} of games end with a first payment "
                   f"received (under {FEW_DEALS:.0%})")
    return out


# ---- Markdown ---------------------------------------------------------------------------


def table(headers: Sequence[str], rows: Sequence[Sequence[str]],
          right: Sequence[bool] | None = None) -> str:
    """A Markdown table padded so that it also reads well as plain text in a terminal."""
    right = right or [False] + [True] * (len(headers) - 1)
    widths = [max(len(str(c)) for c in col) for col in zip(headers, *rows, strict=False)]

    def line(cells: Sequence[str]) -> str:
        parts = [str(c).rjust(w) if r else str(c).ljust(w)
                 for c, w, r in zip(cells, widths, right, strict=False)]
        return "| " + " | ".join(parts) + " |"

    rule = "|" + "|".join(("-" * (w + 1) + ":") if r else ("-" * (w + 2))
                          for w, r in zip(widths, right, strict=False)) + "|"
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x * 100:.0f}%"


def _num(x: float | None, digits: int = 1) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def _ci(g: dict[str, Any]) -> str:
    return f"{_pct(g['lo'])}-{_pct(g['hi'])}" if g["n"] else "-"


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
    if not m.get("by_playbook"):
        out += ["", "The playbook AIs are not installed, so every vendor plays the built-in AI "
                "and the figures compare vendors (their data), not strategies."]
    out += ["", "## Verdict", ""]
    out += [f"- {f}" for f in s["flags"]] or ["- No dominant or dead side; deals end often "
                                             "enough."]
    out += [
        "", "## Outcomes", "",
        f"Paid contract: {_pct(res.get('won', 0) / n)}; shelved after signing: "
        f"{_pct(res.get('shelved', 0) / n)}; no deal: {_pct(res.get('no_deal', 0) / n)}. "
        f"Contracts signed in {_pct(s['signed'] / n)} of games. Games last "
        f"{_num(s['weeks'])} weeks on average ({_num(s['deal_weeks'])} when a deal is paid; "
        f"last week {s['last_week']}).",
    ]
    if s["reasons"]:
        out += ["", "No deal because: " + ", ".join(
            f"{k} {_pct(v / n)}" for k, v in s["reasons"].most_common()) + "."]
    out += ["", "## Win rate by vendor", "", table(
        ["vendor", "side", "playbook", "games", "wins", "win rate", "95% interval"],
        [[v["id"], v["side"], ",".join(v["playbooks"]), str(v["n"]), str(v["wins"]),
          _pct(v["rate"]), _ci(v)] for v in s["vendors"]],
        [False, False, False, True, True, True, True])]
    if m.get("by_playbook"):
        out += ["", "## Win rate by playbook", "", table(
            ["playbook", "seats", "wins", "win rate", "95% interval", "margin when won",
             "profit per game"],
            [[p["playbook"], str(p["n"]), str(p["wins"]), _pct(p["rate"]), _ci(p),
              _pct(p["margin"]), _num(p["profit"])] for p in s["playbooks"]])]
    if m.get("by_playbook") and m.get("mode") == "rotate":
        out += ["", "## The team's seat by playbook", "",
                "The team vendor played each playbook in turn against the same field.", "",
                table(["team playbook", "games", "wins", "win rate", "95% interval",
                       "margin when won", "profit per game"],
                      [[p["playbook"], str(p["n"]), str(p["wins"]), _pct(p["rate"]), _ci(p),
                        _pct(p["margin"]), _num(p["profit"])] for p in s["team_playbooks"]])]
    if m.get("by_playbook"):
        out += ["", "Profit per game (万元): the contract's gross profit (value less delivery "
                "cost) when the seat won and was paid, less its cost of sale, averaged over "
                "all its games. A playbook can win more often and still earn less."]
    out += ["", "## Stages reached", "",
            "Share of a vendor's games that reached each stage, and the median week it got "
            "there.", "", table(
                ["vendor", *(f"P{k}" for k in range(2, 8))],
                [[v["id"], *(_reach(v, k) for k in range(2, 8))] for v in s["vendors"]])]
    out += ["", "## Why vendors lost", "", _causes(s["vendors"])]
    out += ["", "## C931 at the decision against win rate", "",
            "Every vendor with a valid bid at the award, by its C931 then; the seed's rule of "
            "thumb is that 8C 1F 0W or better wins 60% or more.", "", table(
                ["C931 at the decision", "vendors", "won", "win rate", "95% interval",
                 "mean forecast"],
                [[r["label"], str(r["n"]), str(r["wins"]), _pct(r["rate"]) if r["n"] else "-",
                  _ci(r), _pct(r["forecast"])] for r in s["c931"]])]
    out += ["", "## Money (万元)", "",
            "Contract value, margin and first payment are averaged over the vendor's paid "
            "wins; cost of sale over all its games.", "", table(
                ["vendor", "value", "margin", "first payment", "amount", "cost of sale",
                 "cost when won"],
                [[v["id"], _num(v["value"]), _pct(v["margin"]), _pct(v["first_payment"]),
                  _num(v["first_amount"]), _num(v["spent"]), _num(v["spent_won"])]
                 for v in s["vendors"]])]
    return "\n".join(out)


def _reach(v: dict[str, Any], k: int) -> str:
    got, week = v["reach"][k]
    if not v["n"]:
        return "-"
    share = _pct(got / v["n"])
    return f"{share} w{week:g}" if week is not None else share


def _causes(vendors: list[dict[str, Any]]) -> str:
    keys = [k for k in CAUSES if any(v["causes"].get(k) for v in vendors)]
    if not keys:
        return "Nobody lost."
    rows = [[CAUSES[k], *(_pct(v["causes"].get(k, 0) / v["n"]) if v["n"] else "-"
                          for v in vendors)] for k in keys]
    return ("Share of each vendor's games lost for each reason.\n\n"
            + table(["cause", *(v["id"] for v in vendors)], rows))
