"""The coach's warnings: a stage at risk, said early enough to act on, from the view alone.

Each rule is one sentence a sales manager would say in the weekly MPC review (seed 000), and
each comes from the training material: meet the KDM before P5 (seed 004), reach P3 before the
tender or be unable to bid, single-threaded relationships and replaced key people are how
key accounts are lost (seed 003), a first payment under 30% leaves the project at risk
(seed 004), and neither the award nor the contract is the end until the money arrives.
"""

from __future__ import annotations

from typing import Any

from game.ai import knowledge as K

View = dict[str, Any]


def _w(key: str, severity: str, **params: Any) -> dict[str, Any]:
    return {"key": f"coach.warn.{key}", "params": params, "severity": severity}


def _name(p: dict[str, Any]) -> dict[str, str]:
    return dict(p["name"])


def warnings(view: View) -> list[dict[str, Any]]:
    """Every warning that applies now, most urgent first."""
    me = view["me"]
    if not me["active"] or view["over"]:
        return []
    facts = set(me["facts"])
    out: list[dict[str, Any]] = []
    to_tender = K.weeks_to(view, "tender_issue")
    to_bid = K.weeks_to(view, "bid_deadline")
    pre_tender = view["phase"] in ("early", "solution", "tender")
    if me["status"] == "lost":
        if view["award"] and view["week"] <= view["award"]["notice_end"] and me["bid"]:
            out.append(_w("lost_notice", "high"))
        return out
    kdm = K.known_kdm(view)
    if pre_tender and "kdm_met" not in facts and to_tender <= 4:
        if kdm is None:
            out.append(_w("kdm_unknown", "high", weeks=max(to_tender, 0)))
        else:
            out.append(_w("kdm_not_met", "high", person=_name(kdm), weeks=max(to_tender, 0)))
    if pre_tender and me["stage"] < 3 and to_bid <= 5:
        out.append(_w("cannot_bid", "high", weeks=max(to_bid, 0)))
    if view["phase"] == "tender":
        if view["customer"]["budget"] is None:
            out.append(_w("budget_unknown", "high"))
        if "done:write_bid" not in facts and me["stage"] >= 3:
            out.append(_w("write_bid", "high", weeks=max(to_bid, 0)))
        if "bid_submitted" not in facts and to_bid <= 0 and me["stage"] >= 3:
            out.append(_w("bid_due", "high"))
    if pre_tender and "criteria_shaped" not in facts and me["stage"] >= 3 and \
            0 < to_tender <= 3:
        out.append(_w("criteria_open", "medium", weeks=to_tender))
    for p in view["people"]:
        if p.get("generation", 0) > 0 and p["contact_level"] == 0:
            out.append(_w("replaced", "high", person=_name(p)))
    key_against = [p for p in view["people"]
                   if (K.is_key(p, "KDM") or K.is_key(p, "KI")) and p["support"] < 0]
    for p in key_against[:2]:
        out.append(_w("key_opposes", "medium", person=_name(p)))
    backers = [p for p in view["people"] if p["support"] >= 0.3]
    if me["stage"] >= 4 and len(backers) <= 1:
        out.append(_w("single_thread", "medium"))
    spare = me["budget"] - K.endgame_reserve(view)
    if pre_tender and spare < 0:
        out.append(_w("budget_low", "high", budget=round(me["budget"], 1)))
    for r in view["rivals"]:
        est = r["stage_estimate"]
        if r["active"] and r["status"] == "active" and est and est >= me["stage"] + 1:
            out.append(_w("rival_ahead", "medium", rival=dict(r["name"]), stage=f"P{est}"))
    health = view["health"]
    if view["phase"] in ("tender", "decision") and health["c"] < 7:
        out.append(_w("unclear", "medium", c=health["c"]))
    if view["award"] and view["award"].get("vendor") == me["id"]:
        if view["week"] <= view["award"]["notice_end"] and "done:defend_award" not in facts:
            out.append(_w("defend", "high"))
        if "terms_agreed" not in facts:
            left = view["calendar"]["contract"] + 4 - view["week"]
            out.append(_w("terms_pending", "high" if left <= 2 else "medium",
                          weeks=max(left, 0)))
    terms = me["terms"]
    if terms and terms["first_payment"] < 0.3 and "paid" not in facts:
        out.append(_w("first_payment", "medium",
                      share=int(round(terms["first_payment"] * 100))))
    if "contract_signed" in facts and "paid" not in facts:
        out.append(_w("collect", "medium"))
    order = {"high": 0, "medium": 1}
    return sorted(out, key=lambda w: order[w["severity"]])
