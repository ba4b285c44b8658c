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
from game.core.checks import as_view
from game.core.ids import FACT_ID, K_KDM, K_KI, PH_DECISION, PH_TENDER
from game.core.views import PersonView, VendorView


def _w(key: str, severity: str, **params: Any) -> dict[str, Any]:
    return {"key": f"coach.warn.{key}", "params": params, "severity": severity}


def _name(p: PersonView) -> dict[str, str]:
    return dict(p.name)


def warnings(view: VendorView | dict[str, Any]) -> list[dict[str, Any]]:
    """Every warning that applies now, most urgent first."""
    vv = as_view(view)
    me = vv.me
    if not me.active or vv.over:
        return []

    def has(fact: str) -> bool:
        return bool(me.has(FACT_ID[fact]))

    out: list[dict[str, Any]] = []
    to_tender = vv.cal_tender_issue - vv.week
    to_bid = vv.cal_bid_deadline - vv.week
    pre_tender = vv.phase <= PH_TENDER
    if me.status == "lost":
        if vv.award and vv.week <= vv.award["notice_end"] and me.bid:
            out.append(_w("lost_notice", "high"))
        return out
    kdm = K.known_kdm(vv)
    if pre_tender and not has("kdm_met") and to_tender <= 4:
        if kdm is None:
            out.append(_w("kdm_unknown", "high", weeks=max(to_tender, 0)))
        else:
            out.append(_w("kdm_not_met", "high", person=_name(kdm), weeks=max(to_tender, 0)))
    if pre_tender and me.stage < 3 and to_bid <= 5:
        out.append(_w("cannot_bid", "high", weeks=max(to_bid, 0)))
    if vv.phase == PH_TENDER:
        if not vv.budget_known:
            out.append(_w("budget_unknown", "high"))
        if not has("done:write_bid") and me.stage >= 3:
            out.append(_w("write_bid", "high", weeks=max(to_bid, 0)))
        if not has("bid_submitted") and to_bid <= 0 and me.stage >= 3:
            out.append(_w("bid_due", "high"))
    if pre_tender and not has("criteria_shaped") and me.stage >= 3 and 0 < to_tender <= 3:
        out.append(_w("criteria_open", "medium", weeks=to_tender))
    if vv.phase < PH_TENDER and 3 <= me.stage < 5 and 0 < to_tender <= 3:
        # The evaluators judge preparation by the stage held when the documents come out.
        out.append(_w("unprepared", "high", stage=f"P{me.stage}", weeks=to_tender))
    for p in vv.people:
        if p.generation > 0 and p.contact == 0:
            out.append(_w("replaced", "high", person=_name(p)))
    key_against = [p for p in vv.people if p.key_mask & (K_KDM | K_KI) and p.support < 0]
    for p in key_against[:2]:
        out.append(_w("key_opposes", "medium", person=_name(p)))
    backers = [p for p in vv.people if p.support >= 0.3]
    if me.stage >= 4 and len(backers) <= 1:
        out.append(_w("single_thread", "medium"))
    spare = me.budget - K.endgame_reserve(vv)
    if pre_tender and spare < 0:
        out.append(_w("budget_low", "high", budget=round(me.budget, 1)))
    for r in vv.rivals:
        est = r.stage_estimate
        if r.active and r.status == "active" and est and est >= me.stage + 1:
            out.append(_w("rival_ahead", "medium", rival=dict(r.name), stage=f"P{est}"))
    health = vv.health
    if health is not None and vv.phase in (PH_TENDER, PH_DECISION) and health["c"] < 7:
        out.append(_w("unclear", "medium", c=health["c"]))
    if vv.award and vv.award.get("vendor") == me.id:
        if vv.week <= vv.award["notice_end"] and not has("done:defend_award"):
            out.append(_w("defend", "high"))
        if not has("terms_agreed"):
            left = vv.cal_contract + 4 - vv.week
            out.append(_w("terms_pending", "high" if left <= 2 else "medium",
                          weeks=max(left, 0)))
    terms = me.terms
    if terms and terms["first_payment"] < 0.3 and not has("paid"):
        out.append(_w("first_payment", "medium",
                      share=int(round(terms["first_payment"] * 100))))
    if has("contract_signed") and not has("paid"):
        out.append(_w("collect", "medium"))
    order = {"high": 0, "medium": 1}
    return sorted(out, key=lambda w: order[w["severity"]])
