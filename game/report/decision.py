"""Outcome and the decision behind it: the money, and each evaluator's scores explained.

Each tender score is merit (technical, price and service under the criteria) plus the
evaluator's support for the vendor. Splitting the two per evaluator shows the players
whether they lost on the product and price or on the relationships, person by person.
"""

from __future__ import annotations

from typing import Any

from game.core.resolve import SUPPORT_IN_SCORE
from game.report.common import Ctx, pct


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


def _support_at(ctx: Ctx, week: int | None) -> dict[str, dict[str, float]]:
    snap = ctx.snapshot(week) if week else None
    return snap["support"] if snap else {}


def _evaluator(ctx: Ctx, pid: str, row: dict[str, float], weight: float, total_w: float,
               merit_row: dict[str, float] | None, support: dict[str, dict[str, float]],
               week: int | None) -> dict[str, Any]:
    s = ctx.state
    person = ctx.trace.person_at(pid, week) if week else None
    person = person or s.people[pid]
    if merit_row is not None:
        merit = dict(merit_row)
        sup = {vid: round((row[vid] - merit_row[vid]) / SUPPORT_IN_SCORE, 3) for vid in row}
    else:
        sup = {vid: support.get(vid, {}).get(pid, 0.0) for vid in row}
        merit = {vid: round(row[vid] - SUPPORT_IN_SCORE * sup[vid], 4) for vid in row}
    fav = max(row, key=lambda v: (row[v], v))
    sway = "ours"
    gap_support = gap_merit = 0.0
    if fav != ctx.vendor and ctx.vendor in row:
        gap_merit = round(merit[fav] - merit[ctx.vendor], 4)
        gap_support = round(SUPPORT_IN_SCORE * (sup[fav] - sup[ctx.vendor]), 4)
        sway = "support" if gap_support >= gap_merit else "merit"
    elif ctx.vendor not in row:
        sway = "no_bid"
    return {
        "id": pid,
        "name": person.name[ctx.lang],
        "title": person.title[ctx.lang],
        "key": list(person.key),
        "price_sensitive": "price_sensitive" in person.traits,
        "cares_about": [_need(ctx, n) for n in person.cares_about],
        "weight": round(weight, 4),
        "weight_share": round(weight / total_w, 4) if total_w else 0.0,
        "scores": dict(row),
        "merit": merit,
        "support": sup,
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
    merit = ctx.trace.merit if ctx.trace.consistent else None
    score_week = merit["week"] if merit else award_week
    support = _support_at(ctx, score_week)
    scores: dict[str, dict[str, float]] = t.get("scores") or {}
    weights = merit["weights"] if merit else {}
    if not weights and scores:
        weights = {pid: s.people[pid].influence * s.people[pid].participation["decision"]
                   for pid in scores}
    total_w = sum(weights.get(pid, 0.0) for pid in scores)
    evaluators = [
        _evaluator(ctx, pid, row, weights.get(pid, 0.0), total_w,
                   merit["scores"].get(pid) if merit else None, support, score_week)
        for pid, row in scores.items()
    ]
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
        "merit_exact": merit is not None,
    }
