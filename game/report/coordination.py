"""Coordination: joint moves, the right role at the right stage, idle time, who did what.

The training material's point is that the four roles win together or not at all, so this
section measures the team rather than the deal: how often roles went out together, how
much of each role's work fell in the stages where it counts, how much time each role
left unused, and, in team play, a ledger each player can read as "what I did".
"""

from __future__ import annotations

from typing import Any

from game.core.actions import CATALOG
from game.core.state import ROLES
from game.report.common import Ctx, signed, support_gain


def active_weeks(ctx: Ctx) -> list[int]:
    """Weeks our team could act: after joining and while still in the running, and any
    week it acted after that (a loser's complaint during the public notice)."""
    v = ctx.state.vendors[ctx.vendor]
    acted = {e["week"] for e in ctx.actions()}
    out = []
    for w in range(1, ctx.weeks + 1):
        before = ctx.snapshot(w - 1)
        status = before["status"][ctx.vendor] if before else "active"
        if v.joined_week and v.joined_week <= w and (status == "active" or w in acted):
            out.append(w)
    return out


def _label(ctx: Ctx, e: dict[str, Any]) -> str:
    d = CATALOG[e["kind"]]
    stage = ctx.stage_at_start(e["vendor"], e["week"])
    return ctx.t("report.coord.misplaced", week=e["week"], action=ctx.action(e["kind"]),
                 stage=stage, lo=d.best[0], hi=d.best[1])


def weekly_use(ctx: Ctx) -> dict[str, list[float]]:
    """Per role, days used in each week 1..N (index 0 is week 1)."""
    days = {r: [0.0] * ctx.weeks for r in ROLES}
    for e in ctx.actions():
        for r in e["roles"]:
            days[r][e["week"] - 1] += e["days"]
    return days


def weekly_cost(ctx: Ctx) -> dict[str, list[float]]:
    """Per role, the sales budget spent each week; a joint move's cost is split evenly."""
    cost = {r: [0.0] * ctx.weeks for r in ROLES}
    for e in ctx.actions():
        for r in e["roles"]:
            cost[r][e["week"] - 1] += e["cost"] / len(e["roles"])
    return cost


def coordination(ctx: Ctx) -> dict[str, Any]:
    acts = ctx.actions()
    time = ctx.state.vendor_spec(ctx.vendor).time.model_dump()
    weeks = active_weeks(ctx)
    used = weekly_use(ctx)
    joint = [e for e in acts if len(e["roles"]) > 1]
    roles = []
    for r in ROLES:
        mine = [e for e in acts if r in e["roles"]]
        good = [e for e in mine if ctx.well_placed(e)]
        bad = [e for e in mine if not ctx.well_placed(e)]
        available = time.get(r, 0) * len(weeks)
        days = sum(used[r][w - 1] for w in weeks)
        idle_weeks = [w for w in weeks if used[r][w - 1] == 0 and time.get(r, 0) > 0]
        roles.append({
            "role": r, "role_name": ctx.role(r), "player": ctx.player(r),
            "actions": len(mine), "well_placed": len(good),
            "placed_share": round(len(good) / len(mine), 3) if mine else 0.0,
            "misplaced": [_label(ctx, e) for e in bad[:3]],
            "available": available, "used": days, "idle": max(0, available - days),
            "idle_share": round(1 - days / available, 3) if available else 0.0,
            "idle_weeks": idle_weeks,
            "joint": sum(1 for e in joint if r in e["roles"]),
        })
    by_stage = {st: dict.fromkeys(ROLES, 0) for st in range(1, 8)}
    for e in acts:
        st = ctx.stage_at_start(e["vendor"], e["week"])
        for r in e["roles"]:
            by_stage[st][r] += e["days"]
    return {
        "actions": len(acts),
        "joint": [{"week": e["week"], "name": ctx.action(e["kind"]),
                   "players": [ctx.player(r) for r in e["roles"]],
                   "target_name": ctx.pname(e["target"], e["week"] - 1) if e["target"] else "",
                   "support": round(support_gain(e), 3)} for e in joint],
        "joint_share": round(len(joint) / len(acts), 3) if acts else 0.0,
        "placed_share": round(sum(ctx.well_placed(e) for e in acts) / len(acts), 3)
        if acts else 0.0,
        "roles": roles,
        "days_by_stage": {st: row for st, row in by_stage.items() if any(row.values())},
        "active_weeks": len(weeks),
    }


def ledger(ctx: Ctx) -> list[dict[str, Any]]:
    """One entry per player (several roles may be one person in solo play)."""
    people: dict[str, list[str]] = {}
    for r in ROLES:
        people.setdefault(ctx.player(r), []).append(r)
    acts = ctx.actions()
    out = []
    for name, roles in people.items():
        mine = [e for e in acts if set(roles) & set(e["roles"])]
        found = [e for e in mine if (e.get("effects") or {}).get("learned")
                 or ((e.get("effects") or {}).get("intel") or {}).get("motive_of")]
        best = sorted(mine, key=lambda e: -support_gain(e))[:3]
        out.append({
            "player": name,
            "roles": [ctx.role(r) for r in roles],
            "actions": len(mine),
            "joint": sum(1 for e in mine if len(e["roles"]) > 1),
            "days": sum(e["days"] for e in mine),
            "cost": round(sum(e["cost"] * len(set(roles) & set(e["roles"])) / len(e["roles"])
                              for e in mine), 2),
            "support_gained": round(sum(support_gain(e) for e in mine), 3),
            "motives_found": len(found),
            "placed_share": round(sum(ctx.well_placed(e) for e in mine) / len(mine), 3)
            if mine else 0.0,
            "best": [ctx.t("report.coord.best_move", week=e["week"], action=ctx.action(e["kind"]),
                           person=ctx.pname(e["target"], e["week"] - 1) if e["target"]
                           else "-", v=signed(support_gain(e))) for e in best
                     if support_gain(e) > 0],
        })
    return out
