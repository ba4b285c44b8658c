"""The lost-order report (丢单报告), or won-order report, in the course material's format.

The source form has a header (region, sales person, date, customer, product category,
existing equipment, purchase method and time), one row for the winning product, one for
ours, rows for the other competitors (maker, model, configuration, price, payment terms)
and a cause analysis. Every cell is filled from the game's record; the causes are ranked
by how much they weighed in this particular game.
"""

from __future__ import annotations

from typing import Any

from game.report.causes import causes
from game.report.common import Ctx, pct, took_part


def _config(ctx: Ctx, vid: str) -> str:
    """The product's configuration in the game's terms: its three best-fitting needs."""
    fit = ctx.state.vendor_spec(vid).fit
    names = {n.id: getattr(n.name, ctx.lang) for n in ctx.state.spec.customer.needs}
    top = sorted(fit.items(), key=lambda kv: -kv[1])[:3]
    return ", ".join(f"{names.get(k, k)} {v:.0%}" for k, v in top)


def _payment(ctx: Ctx, vid: str) -> str:
    s = ctx.state
    c = s.contract
    if c and c["vendor"] == vid:
        return ctx.t("report.lost.payment_contract", share=pct(c["first_payment"]),
                     discount=pct(c["discount"]))
    terms = s.vendors[vid].terms
    if terms:
        return ctx.t("report.lost.payment_agreed", share=pct(terms["first_payment"]),
                     discount=pct(terms["discount"]))
    bid = s.vendors[vid].bid
    counter = (bid or {}).get("counter")
    if counter:
        return ctx.t("report.lost.payment_asked", share=pct(counter["first_payment"]),
                     discount=pct(counter["discount"]))
    return ctx.t("report.lost.payment_none")


def _row(ctx: Ctx, vid: str) -> dict[str, Any]:
    s = ctx.state
    v = s.vendors[vid]
    c = s.contract
    t = s.tender or {}
    bid = (t.get("bids") or {}).get(vid) or (dict(v.bid) if v.bid else None)
    ranking = list(t.get("ranking") or [])
    if c and c["vendor"] == vid:
        price = ctx.t("report.lost.price_contract", value=ctx.money(c["value"]))
    elif bid:
        price = ctx.t("report.lost.price_bid", value=ctx.money(bid["price"]))
        if bid.get("disqualified"):
            price += " · " + ctx.t("report.lost.over_budget")
    else:
        price = ctx.t("report.lost.no_bid")
    total = (t.get("totals") or {}).get(vid)
    return {
        "vendor": vid,
        "maker": v.name[ctx.lang],
        "product": v.product[ctx.lang],
        "config": _config(ctx, vid),
        "price": price,
        "payment": _payment(ctx, vid),
        "score": f"{total:.3f} (#{ranking.index(vid) + 1})" if total is not None
        and vid in ranking else "-",
        "status": ctx.t(f"report.status.{v.status}"),
        "cost_of_sale": ctx.money(v.spent),
    }


def lost_order(ctx: Ctx) -> dict[str, Any]:
    s = ctx.state
    cust = s.spec.customer
    o = s.outcome or {}
    winner = o.get("winner")
    won = winner == ctx.vendor and o.get("result") == "won"
    incumbent = next((v for v in s.vendors.values() if v.playbook == "incumbent"
                      and v.id != ctx.vendor), None)
    c = s.contract
    others = [vid for vid in took_part(s) if vid not in (winner, ctx.vendor)]
    header = [
        ("customer", getattr(cust.name, ctx.lang)),
        ("industry", getattr(cust.industry, ctx.lang)),
        ("size", getattr(cust.size, ctx.lang)),
        ("sales", f"{ctx.player('rep')} · {ctx.vname(ctx.vendor)}"),
        ("report_week", ctx.t("report.fmt.week", week=o.get("week", s.week))),
        ("category", getattr(s.spec.title, ctx.lang)),
        ("existing", f"{incumbent.name[ctx.lang]} · {incumbent.product[ctx.lang]}"
         if incumbent else "-"),
        ("method", ctx.t("report.lost.method_tender") if s.tender is not None
         else ctx.t("report.lost.method_none")),
        ("purchase_time", ctx.t("report.lost.purchase_time",
                                award=ctx.award_week() or "-",
                                contract=c["signed_week"] if c else "-")),
        ("budget", ctx.money(s.budget)),
    ]
    return {
        "won": won,
        "title": ctx.t("report.lost.title_open" if not s.over else
                       "report.lost.title_won" if won else "report.lost.title_lost"),
        "header": [{"key": k, "label": ctx.t(f"report.lost.h.{k}"), "value": str(v)}
                   for k, v in header],
        "winner": _row(ctx, winner) if winner and winner != ctx.vendor else None,
        "ours": _row(ctx, ctx.vendor),
        "others": [_row(ctx, vid) for vid in others],
        "causes": causes(ctx),
        "note": ctx.t("report.lost.note_tender_unknown") if s.tender is None else "",
    }
