"""Week-by-week series for the charts: support, stages, C931, time and money per role.

Kept as plain lists so the window can draw them with its own widgets and the HTML export
with matplotlib, from the same numbers. A vendor's values before it joined are None.
"""

from __future__ import annotations

from typing import Any

from game.core.health import C_KEYS, F_KEYS, W_KEYS
from game.core.state import MILESTONES, ROLES
from game.palette import vendor_colours
from game.report.common import Ctx, took_part
from game.report.coordination import weekly_cost, weekly_use


def _joined(ctx: Ctx, vid: str, week: int) -> bool:
    j = ctx.state.vendors[vid].joined_week
    return 0 < j <= week


def _seat_names(ctx: Ctx, pid: str) -> str:
    """Everyone who held the seat, in order ("Wu Zhiyuan → He Bin")."""
    gens = sorted(g for p, g in ctx.trace.persons if p == pid)
    names = [ctx.trace.persons[(pid, g)].name[ctx.lang] for g in gens]
    return " → ".join(names) if names else ctx.pname(pid)


def _choice_costs(ctx: Ctx) -> list[float]:
    """Money spent answering events each week: spent by the team, but by no single role."""
    out = [0.0] * ctx.weeks
    for e in ctx.state.log:
        if e.get("vendor") == ctx.vendor and e.get("kind") == "choose" and \
                0 < e["week"] <= ctx.weeks:
            out[e["week"] - 1] += float(e.get("cost") or 0.0)
    return out


def series(ctx: Ctx) -> dict[str, Any]:
    s = ctx.state
    hist = s.history
    weeks = [int(h["week"]) for h in hist]
    vendors = [ctx.vendor] + [v for v in took_part(s) if v != ctx.vendor]
    support = {
        pid: {vid: [h["support"][vid][pid] if _joined(ctx, vid, w) else None
                    for w, h in zip(weeks, hist, strict=True)] for vid in vendors}
        for pid in s.people
    }
    stages = {vid: [h["stages"][vid] if _joined(ctx, vid, w) else None
                    for w, h in zip(weeks, hist, strict=True)] for vid in vendors}
    status = {vid: [h["status"][vid] for h in hist] for vid in vendors}
    health = {
        vid: {k: [h["health"][vid][k] if _joined(ctx, vid, w) else None
                  for w, h in zip(weeks, hist, strict=True)] for k in ("c", "f", "w", "forecast")}
        for vid in vendors
    }
    items = None
    if ctx.trace.consistent:
        rows = ctx.trace.c931[ctx.vendor][1:]
        items = {k: [bool(r[k]) for r in rows] for k in (*C_KEYS, *F_KEYS, *W_KEYS)}
    spent = {vid: [h["spent"][vid] for h in hist] for vid in vendors}
    replaced = [
        {"week": e["week"], "person": eff["replaced"]}
        for e in s.log if e.get("event") and not e.get("calendar")
        for eff in e.get("effects") or [] if isinstance(eff, dict) and "replaced" in eff
    ]
    events = [{"week": e["week"], "title": (e["title"][ctx.lang] if not e.get("calendar")
                                            else ctx.t(f"calendar.{e['event']}")),
               "calendar": bool(e.get("calendar"))}
              for e in s.log if e.get("event")]
    colours = vendor_colours(vendors, ctx.vendor)  # the board's colours, the same rival each
    return {
        "weeks": weeks,
        "vendors": [{"id": vid, "name": ctx.vname(vid), "ours": vid == ctx.vendor,
                     "colour": colours[vid]} for vid in vendors],
        "people": [{"id": pid, "name": _seat_names(ctx, pid),
                    "title": p.title[ctx.lang], "key": list(p.key),
                    "influence": p.influence} for pid, p in s.people.items()],
        "support": support,
        "replaced": replaced,
        "stages": stages,
        "status": status,
        "health": health,
        "c931_items": items,
        "c931_labels": {k: ctx.t(f"c931.{k}") for k in (*C_KEYS, *F_KEYS, *W_KEYS)},
        "days": weekly_use(ctx),
        "cost": weekly_cost(ctx),
        "cost_other": _choice_costs(ctx),
        "other_label": ctx.t("report.chart.other_cost"),
        "time": {r: ctx.state.vendor_spec(ctx.vendor).time.model_dump().get(r, 0)
                 for r in ROLES},
        "role_names": {r: ctx.role(r) for r in ROLES},
        "spent": spent,
        "budget": ctx.state.vendor_spec(ctx.vendor).sales_budget,
        "events": events,
        "calendar": dict(s.calendar),
        "milestones": [{"key": m, "week": s.calendar[m], "label": ctx.t(f"milestone.{m}")}
                       for m in MILESTONES if s.calendar[m] <= (weeks[-1] if weeks else 0)],
        "stage_names": {i: ctx.t(f"stage.P{i}") for i in range(1, 8)},
    }
