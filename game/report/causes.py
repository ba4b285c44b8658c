"""Cause analysis for the lost-order (or won-order) report, ranked by weight in this game.

Each cause is a fact read off the record (the score gap split into merit and support, the
price difference, the KDM's leaning, exit criteria still open at the tender, motives never
found, a key person replaced, terms refused), weighted by how much it plausibly decided the
result here, so the first lines of the analysis are the ones worth discussing.
"""

from __future__ import annotations

from typing import Any

from game.core.resolve import SUPPORT_IN_SCORE
from game.report.common import Ctx, pct, signed
from game.report.decision import decision
from game.report.motives import motives

KEY_CRITERIA = ("kdm_met", "coach", "support_kdm", "support_ki", "support_ku",
                "majority_evaluators", "criteria_shaped", "insider_ki", "insider_ku")


def _gaps(dec: dict[str, Any], us: str, other: str) -> tuple[float, float]:
    """Weighted merit and support difference (other minus us) across all evaluators."""
    merit = support = 0.0
    for ev in dec["evaluators"]:
        if us in ev["scores"] and other in ev["scores"]:
            merit += ev["weight_share"] * (ev["merit"][other] - ev["merit"][us])
            support += ev["weight_share"] * SUPPORT_IN_SCORE * (ev["support"][other]
                                                                 - ev["support"][us])
    return round(merit, 4), round(support, 4)


def _kdm(dec: dict[str, Any]) -> dict[str, Any] | None:
    return next((ev for ev in dec["evaluators"] if "KDM" in ev["key"]), None)


def _open_criteria(ctx: Ctx, week: int) -> list[str]:
    series = ctx.trace.criteria.get(ctx.vendor, [])
    if not ctx.trace.consistent or week >= len(series):
        return []
    return [k for k in KEY_CRITERIA if not series[week].get(k, True)]


def _tender_causes(ctx: Ctx, dec: dict[str, Any], add: Any) -> None:
    us = ctx.vendor
    lead = dec["ranking"][0] if dec["ranking"] else None
    bids = {b["vendor"]: b for b in dec["bids"]}
    if us not in bids:
        stage = ctx.stage_at_start(us, dec["opened_week"])
        add("no_bid", 10, stage=stage)
        return
    if bids[us]["disqualified"]:
        add("over_budget", 10, price=bids[us]["price_text"], budget=ctx.money(dec["budget"]))
        return
    if lead is None or lead == us:
        return
    merit, support = _gaps(dec, us, lead)
    gap = dec["totals"][lead] - dec["totals"][us]
    name = ctx.vname(lead)
    if support > 0:
        add("support_gap", 2 + 100 * support, vendor=name, part=f"{support:.3f}",
            gap=f"{gap:.3f}")
    if merit > 0:
        add("merit_gap", 2 + 100 * merit, vendor=name, part=f"{merit:.3f}", gap=f"{gap:.3f}")
    if bids[lead]["price"] < bids[us]["price"]:
        diff = bids[us]["price"] / bids[lead]["price"] - 1
        add("price_higher", 1 + 40 * diff, vendor=name, diff=pct(diff))
    if dec["override"] and dec["preferred"] != us:
        add("override", 8, kdm=dec["kdm"] or "KDM", vendor=ctx.vname(dec["preferred"]))
    k = _kdm(dec)
    if k and k["support"].get(lead, 0) > k["support"].get(us, 0):
        diff = k["support"][lead] - k["support"][us]
        add("kdm_behind", 2 + 10 * diff, kdm=k["name"], vendor=name,
            ours=signed(k['support'][us]), theirs=signed(k['support'][lead]))


def _won_causes(ctx: Ctx, dec: dict[str, Any] | None, add: Any) -> None:
    us = ctx.vendor
    if dec and len(dec["ranking"]) > 1 and dec["ranking"][0] == us:
        second = dec["ranking"][1]
        merit, support = _gaps(dec, second, us)
        # Name each lead as a lead and each shortfall as a shortfall: "led on merit by
        # -0.089" reads as nonsense to a team that won on its relationships.
        key = ("won_lead" if merit >= 0 and support >= 0 else
               "won_on_support" if support >= 0 else
               "won_on_merit" if merit >= 0 else "won_behind")
        add(key, 6, vendor=ctx.vname(second), merit=f"{abs(merit):.3f}",
            support=f"{abs(support):.3f}")
    k = _kdm(dec) if dec else None
    if k and us in k["support"] and k["support"][us] >= max(k["support"].values()):
        add("won_kdm", 5, kdm=k["name"], ours=signed(k['support'][us]))
    c = ctx.state.contract
    if c and c["vendor"] == us and c["first_payment"] >= 0.3:
        add("won_payment", 3, share=pct(c["first_payment"]))


def _people_causes(ctx: Ctx, add: Any) -> None:
    items = motives(ctx)
    missing = [f"{p['name']} ({m['label']})" for p in items if p["key"]
               for m in p["motives"] if not m["found"]]
    found = sum(m["found"] for p in items for m in p["motives"])
    if missing:
        shown = ", ".join(missing[:6]) + (", …" if len(missing) > 6 else "")
        add("motives_missed", 1 + len(missing), items=shown, n=len(missing))
    elif found:
        add("motives_found", 2, n=found)
    events = [e for e in ctx.state.log if e.get("event") and not e.get("calendar")]
    for e in events:
        for eff in e.get("effects") or []:
            if isinstance(eff, dict) and "replaced" in eff:
                before = ctx.snapshot(e["week"] - 1)
                was = before["support"][ctx.vendor][eff["replaced"]] if before else 0.0
                if was > 0.05:
                    add("replaced", 3 + 10 * was, week=e["week"], old=eff["was"][ctx.lang],
                        support=signed(was))


def causes(ctx: Ctx) -> list[dict[str, Any]]:
    """The ranked cause analysis: [{key, weight, text}], heaviest first."""
    out: list[dict[str, Any]] = []

    def add(key: str, weight: float, **kw: Any) -> None:
        out.append({"key": key, "weight": round(weight, 3),
                    "text": ctx.t(f"report.cause.{key}", **kw)})

    s = ctx.state
    o = s.outcome or {}
    us = ctx.vendor
    winner = o.get("winner")
    dec = decision(ctx)
    if winner == us and o.get("result") == "won":
        _won_causes(ctx, dec, add)
    else:
        if s.tender is None and o:
            add("no_tender", 5, reason=ctx.t(f"reason.{o['reason']}"))
        if dec:
            _tender_causes(ctx, dec, add)
        if winner == us and o.get("result") == "shelved":
            add("shelved", 10, share=pct(o["first_payment"]))
        if us in (s.tender or {}).get("passed_over", []):
            fails = sum(1 for e in ctx.actions() if "agreed" in (e.get("effects") or {})
                        and not e["effects"]["agreed"])
            add("passed_over", 9, fails=fails)
        if winner is None and o.get("reason") not in (None, "timeout") and s.tender:
            add("no_deal", 4, reason=ctx.t(f"reason.{o['reason']}"))
        week = ctx.award_week() or (s.tender or {}).get("week")
        open_items = _open_criteria(ctx, week) if week else []
        if open_items:
            add("criteria_open", 1.5 * len(open_items), week=week,
                items=", ".join(ctx.t(f"criterion.{k}") for k in open_items))
    _people_causes(ctx, add)
    out.sort(key=lambda c: -c["weight"])
    return out
