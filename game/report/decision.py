"""Outcome and the decision behind it: the money, and each evaluator's scores explained.

Each tender score is merit (technical, price and service under the criteria, less a mark-down
for a vendor whose own funnel stopped short) plus the evaluator's preference: how far the
vendor leads the field in their support, less a mark-down if they never met it. Splitting the
two per evaluator shows the players whether they lost on the product and price or on the
relationships, person by person.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.core.causes import scoring_state
from game.core.resolve import judge, panel
from game.core.state import GameState, Person
from game.report.common import Ctx, pct

EXPERTS = "experts"  # the id of a public tender's drawn expert panel among the evaluators


def outcome(ctx: Ctx) -> dict[str, Any]:
    """The result, the contract's money, and what the sale cost each vendor."""
    s = ctx.state
    o = s.outcome or {}
    winner = o.get("winner")
    us = s.vendors[ctx.vendor]
    result = o.get("result")
    if result is None:
        verdict = "in_progress"
    elif winner == ctx.vendor:
        verdict = "won" if result == "won" else "shelved"
    elif winner is None:
        verdict = "no_deal"
    else:
        verdict = "lost"
    c931 = o.get("c931_at_decision") or (s.history[-1]["health"] if s.history else {})
    tender = s.tender or {}
    ranking = list(tender.get("ranking") or [])
    bid = (tender.get("bids") or {}).get(ctx.vendor)
    return {
        "verdict": verdict,
        "verdict_text": ctx.t(f"report.verdict.{verdict}"),
        "banner": ctx.t(f"report.banner.{verdict}", winner=ctx.vname(winner),
                        reason=ctx.t(f"reason.{o['reason']}") if o.get("reason") else "-"),
        "result": result,
        "result_text": ctx.t(f"result.{result}") if result else "-",
        "reason_text": ctx.t(f"reason.{o['reason']}") if o.get("reason") else "-",
        "winner": winner,
        "winner_name": ctx.vname(winner),
        "week": o.get("week", s.week),
        "value": float(o.get("value", 0.0)),
        "margin": float(o.get("margin", 0.0)),
        "discount": float(o.get("discount", 0.0)),
        "first_payment": float(o.get("first_payment", 0.0)),
        "first_payment_amount": float(o.get("first_payment_amount", 0.0)),
        "cost_of_sale": round(us.spent, 2),
        "cost_of_sale_winner": round(s.vendors[winner].spent, 2) if winner else None,
        "budget_left": round(us.budget, 2),
        "our_rank": ranking.index(ctx.vendor) + 1 if ctx.vendor in ranking else None,
        "bidders": len(ranking),
        "our_bid": bid["price"] if bid else None,
        "our_bid_disqualified": bool(bid and bid["disqualified"]),
        "c931": {vid: dict(h) for vid, h in c931.items() if vid in s.vendors
                 and (s.vendors[vid].joined_week > 0 or s.vendors[vid].spent > 0)},
    }


@dataclass
class Row:
    """One evaluator (or the public tender's expert panel) as the bids were scored."""

    id: str
    person: Person | None  # None: the drawn expert panel
    weight: float
    scores: dict[str, float]
    merit: dict[str, float]
    support: dict[str, float]


def score_rows(state: GameState, week: int | None = None) -> list[Row]:
    """Each evaluator's score for each valid bid, split into merit (product, price, service
    and preparation under the criteria) and the rest (their preference against the field, a
    mark-down for a vendor they never met), judged again on the game as it stood at the
    scoring (`causes.scoring_state`). The KDM's weight is the procurement mode's."""
    s = scoring_state(state, week)
    t = s.tender or {}
    bids = {vid: b for vid, b in t.get("bids", {}).items() if not b["disqualified"]}
    if not bids:
        return []
    ids = list(bids)
    index = [s.vendors[v].index for v in ids]
    args = ([b["price"] for b in bids.values()], [b["technical"] for b in bids.values()],
            [b["service"] for b in bids.values()])
    scored = judge(s, index, *args, True)
    neutral = s.fork()  # nobody's preference counts, everyone has met everyone
    for rels in neutral.rels:
        for r in rels:
            r.support = 0.0
            r.contact = max(r.contact, 1)
    bare = judge(neutral, index, *args, True)
    pan = panel(s)
    out = []
    for e, pi in enumerate(pan.people):
        p = s.plist[pi] if pi >= 0 else None
        out.append(Row(
            id=p.id if p else EXPERTS, person=p, weight=pan.weight[e],
            scores=dict(zip(ids, scored.rows[e], strict=True)),
            merit=dict(zip(ids, bare.rows[e], strict=True)),
            support={vid: round(s.rels[s.vendors[vid].index][pi].support, 3) if p else 0.0
                     for vid in ids}))
    return out


def _evaluator(ctx: Ctx, row: Row, total_w: float) -> dict[str, Any]:
    p = row.person
    scores = row.scores
    merit = {vid: round(m, 4) for vid, m in row.merit.items()}
    pref = {vid: round(scores[vid] - row.merit[vid], 4) for vid in scores}
    fav = max(scores, key=lambda v: (scores[v], v))
    sway = "ours"
    gap_support = gap_merit = 0.0
    if fav != ctx.vendor and ctx.vendor in scores:
        gap_merit = round(merit[fav] - merit[ctx.vendor], 4)
        gap_support = round(pref[fav] - pref[ctx.vendor], 4)
        sway = "support" if gap_support >= gap_merit else "merit"
    elif ctx.vendor not in scores:
        sway = "no_bid"
    return {
        "id": row.id,
        "name": p.name[ctx.lang] if p else ctx.t("report.decision.experts"),
        "title": p.title[ctx.lang] if p else ctx.t("report.decision.experts_title"),
        "key": list(p.key) if p else [],
        "price_sensitive": bool(p and "price_sensitive" in p.traits),
        "cares_about": [_need(ctx, n) for n in p.cares_about] if p else [],
        "weight": round(row.weight, 4),
        "weight_share": round(row.weight / total_w, 4) if total_w else 0.0,
        "scores": dict(scores),
        "merit": merit,
        "preference": pref,
        "support": dict(row.support),
        "favourite": fav,
        "favourite_name": ctx.vname(fav),
        "sway": sway,
        "gap_merit": gap_merit,
        "gap_support": gap_support,
        "sway_text": ctx.t(f"report.decision.sway.{sway}", vendor=ctx.vname(fav),
                           merit=f"{gap_merit:+.3f}", support=f"{gap_support:+.3f}"),
    }


def _need(ctx: Ctx, nid: str) -> str:
    for n in ctx.state.spec.customer.needs:
        if n.id == nid:
            return getattr(n.name, ctx.lang)
    return nid


def decision(ctx: Ctx) -> dict[str, Any] | None:
    """The tender, evaluator by evaluator; None when no bids were ever opened."""
    s = ctx.state
    t = s.tender
    if t is None:
        return None
    award_week = ctx.award_week()
    exact = ctx.trace.consistent and ctx.trace.scored is not None
    if exact:
        week, at = ctx.trace.scored
        rows = score_rows(at, week)
    else:  # judged again on the game at its end: relations may have moved since the award
        rows = score_rows(s)
    total_w = sum(row.weight for row in rows)
    evaluators = [_evaluator(ctx, row, total_w) for row in rows]
    evaluators.sort(key=lambda e: -e["weight"])
    bids = [
        {"vendor": vid, "name": ctx.vname(vid), "price": b["price"],
         "price_text": ctx.money(b["price"]), "week": b.get("week"),
         "disqualified": b["disqualified"], "technical": b["technical"],
         "service": b["service"], "ours": vid == ctx.vendor}
        for vid, b in t["bids"].items()
    ]
    kdm = next((p for p in s.people.values() if "KDM" in p.key), None)
    award = s.award or {}
    notice = next((e["effects"] for e in s.log
                   if e.get("calendar") and e.get("event") == "notice_end"), {})
    return {
        "opened_week": t["week"],
        "award_week": award_week,
        "budget": round(s.budget, 2),
        "criteria": {k: round(v, 4) for k, v in s.criteria.items()},
        "criteria_text": ", ".join(f"{ctx.t('report.decision.crit.' + k)} {pct(v)}"
                                   for k, v in s.criteria.items()),
        "bids": bids,
        "totals": dict(t.get("totals") or {}),
        "ranking": list(t.get("ranking") or []),
        "ranking_names": [ctx.vname(v) for v in t.get("ranking") or []],
        "preferred": t.get("preferred"),
        "override": bool(t.get("override")),
        "kdm": kdm.name[ctx.lang] if kdm else None,
        "evaluators": evaluators,
        "complaints": [ctx.vname(v) for v in award.get("complaints", [])],
        "overturned": bool(notice.get("overturned")),
        "overturned_by": ctx.vname(notice.get("by")) if notice.get("overturned") else None,
        "passed_over": [ctx.vname(v) for v in t.get("passed_over", [])],
        "merit_exact": exact,
    }
