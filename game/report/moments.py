"""Three key moments, picked the way a coach would: the most consequential turns, in order.

Candidates come from the record: an exit criterion left open for weeks before the tender,
a key person replaced while backing us, the bids opening without us, the award (and any
override), a complaint, terms the customer refused, a shelved project, and our single
strongest move. Each gets a weight for how much it shaped this game; the top three are
shown in week order so the story reads from start to end.
"""

from __future__ import annotations

from typing import Any

from game.core.stages import CHECKLIST_OF
from game.report.common import Ctx, signed, support_gain

# Moments that tell the same story; only the heaviest of a group is shown.
GROUPS = {"award_us": "win", "paid": "win", "shelved": "win"}
WAITS = frozenset({"bid_submitted", "tender_won"})
"""P5 criteria that hold only when the customer's calendar gets there (the bids open in the
tender phase, the award comes when it comes): waiting for them is the normal course of P5,
not a stall."""
HEAVY = {"kdm_met": 2.0, "support_kdm": 2.0, "coach": 1.5, "majority_evaluators": 1.5,
         "insider_ki": 1.2, "insider_ku": 1.2, "criteria_shaped": 1.2}


def _stalls(ctx: Ctx, add: Any) -> None:
    """The longest-open exit criterion of each stage we sat in before the tender."""
    if not ctx.trace.consistent:
        return
    series = ctx.trace.criteria[ctx.vendor]
    until = (ctx.state.tender or {}).get("week") or ctx.weeks
    stages = {w: ctx.stage_at_start(ctx.vendor, w) for w in range(1, min(until, ctx.weeks) + 1)}
    for stage in sorted(set(stages.values())):
        if stage > 5:
            continue
        weeks = [w for w, st in stages.items() if st == stage]
        if len(weeks) < 3:
            continue
        best: tuple[float, str, int] | None = None
        for key in CHECKLIST_OF[stage]:
            if key in WAITS:
                continue
            open_weeks = [w for w in weeks if not series[w - 1].get(key, True)]
            if len(open_weeks) >= 3:
                score = 2 + 0.6 * len(open_weeks) * HEAVY.get(key, 1.0)
                if best is None or score > best[0]:
                    best = (score, key, open_weeks[0])
        if best:
            score, key, start = best
            add(start, "stall", score, stage=stage, criterion=ctx.t(f"criterion.{key}"),
                start=start, end=weeks[-1], tender=until)


def _calendar_moments(ctx: Ctx, add: Any) -> None:
    s = ctx.state
    us = ctx.vendor
    for e in s.log:
        if not e.get("calendar"):
            continue
        eff = e.get("effects") or {}
        w = e["week"]
        if e["event"] == "bids_opened" and us not in eff.get("bids", {}):
            add(w, "no_bid", 9)
        elif e["event"] == "award" and eff.get("preferred"):
            ranking = (s.tender or {}).get("ranking") or []
            rank = ranking.index(us) + 1 if us in ranking else None
            weight = 8 + (3 if eff.get("override") else 0) + (2 if rank == 2 else 0)
            key = "award_us" if eff["preferred"] == us else "award_other"
            add(w, key, weight, vendor=ctx.vname(eff["preferred"]), rank=rank or "-",
                override=ctx.t("report.decision.override_short") if eff.get("override")
                else "")
        elif e["event"] == "notice_end" and eff.get("overturned"):
            add(w, "overturned", 8, vendor=ctx.vname(eff.get("new")))
        elif e["event"] == "passed_over":
            add(w, "passed_over", 8, vendor=ctx.vname(eff.get("runner_up")))


def _people_moments(ctx: Ctx, add: Any) -> None:
    for e in ctx.state.log:
        if not e.get("event") or e.get("calendar"):
            continue
        for eff in e.get("effects") or []:
            if isinstance(eff, dict) and "replaced" in eff:
                before = ctx.snapshot(e["week"] - 1)
                was = before["support"][ctx.vendor][eff["replaced"]] if before else 0.0
                infl = ctx.state.people[eff["replaced"]].influence
                add(e["week"], "replaced", 3 + 10 * infl * max(was, 0.0),
                    old=eff["was"][ctx.lang], new=ctx.pname(eff["replaced"], e["week"]),
                    support=signed(was))
    kdm = next((p for p in ctx.state.people.values() if "KDM" in p.key), None)
    if kdm is not None and ctx.trace.consistent:
        met = ctx.trace.first_week(ctx.trace.criteria[ctx.vendor],
                                   lambda c: c.get("kdm_met", False))
        tender = ctx.state.calendar["tender_issue"]
        if met is None:
            add(tender, "kdm_never", 7, kdm=kdm.name[ctx.lang], tender=tender)
        elif met > tender:
            add(met, "kdm_late", 4, kdm=kdm.name[ctx.lang], tender=tender)


def _our_moves(ctx: Ctx, add: Any) -> None:
    acts = ctx.actions()
    fails = [e for e in acts if "agreed" in (e.get("effects") or {})
             and not e["effects"]["agreed"]]
    if fails:
        c = fails[0]["effects"]["counter"]
        add(fails[0]["week"], "refused", 3 + len(fails), n=len(fails),
            discount=f"{c['discount']:.0%}", payment=f"{c['first_payment']:.0%}")
    for e in acts:
        eff = e.get("effects") or {}
        if eff.get("complaint"):
            add(e["week"], "complaint", 4)
        if eff.get("paid") and eff.get("shelved"):
            add(e["week"], "shelved", 9, share=f"{ctx.state.contract['first_payment']:.0%}")
        elif eff.get("paid"):
            add(e["week"], "paid", 8.5, amount=ctx.money(eff["amount"]))

    def impact(e: dict[str, Any]) -> float:
        t = e.get("target")
        infl = ctx.state.people[t].influence if t in ctx.state.people else 0.5
        return support_gain(e) * infl

    if acts:
        top = max(acts, key=impact)
        if impact(top) > 0.02:
            add(top["week"], "best_move", 2 + 25 * impact(top), action=ctx.action(top["kind"]),
                person=ctx.pname(top["target"], top["week"] - 1) if top["target"] else "-",
                v=signed(support_gain(top)))


def candidates(ctx: Ctx) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []

    def add(week: int, key: str, weight: float, **kw: Any) -> None:
        out.append({"week": int(week), "key": key, "weight": round(weight, 3),
                    "title": ctx.t(f"report.moment.{key}.title", week=week, **kw),
                    "text": ctx.t(f"report.moment.{key}.text", week=week, **kw)})

    _stalls(ctx, add)
    _calendar_moments(ctx, add)
    _people_moments(ctx, add)
    _our_moves(ctx, add)
    return out


def key_moments(ctx: Ctx, n: int = 3) -> list[dict[str, Any]]:
    """The `n` heaviest moments, in week order."""
    ranked = sorted(candidates(ctx), key=lambda m: (-m["weight"], m["week"], m["key"]))
    picked: list[dict[str, Any]] = []
    for m in ranked:
        if len(picked) == n:
            break
        group = GROUPS.get(m["key"], m["key"])
        if any(GROUPS.get(p["key"], p["key"]) == group for p in picked):
            continue
        picked.append(m)
    return sorted(picked, key=lambda m: (m["week"], -m["weight"]))
