"""Cause analysis for the lost-order (or won-order) report: what decided the result, tested by
counterfactual (`game.core.causes`), not weighed by hand.

A tender loss is judged again with one factor at a time made equal to the winner's: the items
say which factor alone would have won, and how much of the score gap each closes, decisive
ones first. When price alone would have won, a lesson item names the backing that would have
made the price gap not matter ("you lost earlier than the price"). A loss the scores did not
decide (no bid, over budget, overturned, not signed, not paid, shelved...) is named as such.
A won tender is tested from the runner-up's side: what our lead rested on. Notes from the
record follow (motives never found, exit criteria open at the decision, people replaced);
they are context, not ranked.

The counterfactual reads the whole game, so it is worked out only once the game is over.
"""

from __future__ import annotations

from typing import Any

from game.core.causes import Causes, Factor, analyse
from game.core.state import GameState
from game.report.common import Ctx, pct, signed
from game.report.motives import motives

KEY_CRITERIA = ("kdm_met", "coach", "support_kdm", "support_ki", "support_ku",
                "majority_evaluators", "criteria_shaped", "insider_ki", "insider_ku")
RESULT_KINDS = ("no_tender", "no_bid", "over_budget", "not_scored", "overturned",
                "failed_to_sign", "not_signed", "unpaid", "shelved", "absent")


def counterfactual(ctx: Ctx, vid: str | None = None) -> Causes:
    """The analysis for a vendor (default: the debriefed one), judged again on the game as
    it stood at the award when the replay has it (exact), else on the game at its end."""
    scored: GameState | None = ctx.trace.awarded if ctx.trace.consistent else None
    return analyse(ctx.state, vid or ctx.vendor, scored)


def _open_criteria(ctx: Ctx, week: int) -> list[str]:
    series = ctx.trace.criteria.get(ctx.vendor, [])
    if not ctx.trace.consistent or week >= len(series):
        return []
    return [k for k in KEY_CRITERIA if not series[week].get(k, True)]


def _sep(ctx: Ctx) -> str:
    """Between the items of a list in a sentence."""
    return "、" if ctx.lang == "zh" else ", "


def _score(x: float) -> str:
    return f"{x:.3f}"


def _person(ctx: Ctx, pid: str | None) -> str:
    """A person's name as of the award (the person the evaluators' seat held then)."""
    if pid is None:
        return "-"
    at = ctx.trace.awarded if ctx.trace.consistent else None
    p = (at or ctx.state).people.get(pid)
    return p.name[ctx.lang] if p else pid


def _left(ctx: Ctx, pid: str | None) -> str:
    """The name of the person who left a seat (the first to leave it before the award)."""
    for rec in ctx.state.replaced:
        if rec["person"] == pid:
            return rec["name"][ctx.lang]
    return _person(ctx, pid)


def _factor_text(ctx: Ctx, f: Factor, rival: str, us_side: bool) -> str:
    """What the factor would have changed, in words ("our price equal to Beta's ...")."""
    names = {"vendor": ctx.vname(rival)}
    if f.key == "price":
        names.update(ours=ctx.money(f.ours or 0.0), theirs=ctx.money(f.theirs or 0.0))
    elif f.key in ("support_one", "kdm_w", "kdm_override"):
        names.update(person=_person(ctx, f.person), ours=signed(f.ours or 0.0),
                     theirs=signed(f.theirs or 0.0))
    elif f.key == "replaced":
        names.update(person=_left(ctx, f.person), ours=signed(f.ours or 0.0),
                     theirs=signed(f.theirs or 0.0))
    elif f.key == "preparation":
        names.update(ours=int(f.ours or 0), theirs=int(f.theirs or 0))
    side = "us" if us_side else "them"
    return ctx.t(f"report.cause.cf.{side}.{f.key}", **names)


def _factor_item(ctx: Ctx, c: Causes, f: Factor, us_side: bool = True) -> dict[str, Any]:
    what = _factor_text(ctx, f, c.rival or "", us_side)
    verdict = ctx.t("report.cause.cf.wins" if f.wins else "report.cause.cf.not_alone")
    if f.closes is None:
        text = ctx.t("report.cause.cf.line_plain", verdict=verdict, what=what)
    else:
        text = ctx.t("report.cause.cf.line", verdict=verdict, what=what,
                     closes=_score(f.closes), gap=_score(c.gap or 0.0))
    return {"key": f.key, "kind": "factor", "wins": f.wins, "closes": f.closes,
            "text": text}


def _lesson(ctx: Ctx, c: Causes) -> dict[str, Any] | None:
    """"You lost earlier than the price": what backing would have made the gap not matter."""
    if not c.price_decided:
        return None
    rival = ctx.vname(c.rival)
    kdm = c.factor("kdm_w")
    kdm_id = kdm.person if kdm else None
    people = [p for p in c.earlier if not (c.earlier_kdm and p == kdm_id)]
    ways = []
    if people:
        ways.append(ctx.t("report.cause.lesson.backing",
                          people=_sep(ctx).join(_person(ctx, p) for p in people), vendor=rival))
    if c.earlier_kdm:
        ways.append(ctx.t("report.cause.lesson.kdm", kdm=_person(ctx, kdm_id)))
    if ways:
        text = ctx.t("report.cause.lesson.earlier",
                     ways=ctx.t("report.cause.lesson.or").join(ways))
        return {"key": "earlier", "kind": "lesson", "wins": True, "closes": None,
                "text": text}
    return {"key": "price_only", "kind": "lesson", "wins": True, "closes": None,
            "text": ctx.t("report.cause.lesson.price_only", vendor=rival)}


def _scored_items(ctx: Ctx, c: Causes) -> list[dict[str, Any]]:
    out = [{"key": "scored", "kind": "result", "wins": None, "closes": None,
            "text": ctx.t("report.cause.scored", vendor=ctx.vname(c.rival),
                          gap=_score(c.gap or 0.0))}]
    if not c.factors:
        out.append({"key": "no_factor", "kind": "factor", "wins": False, "closes": None,
                    "text": ctx.t("report.cause.cf.none", vendor=ctx.vname(c.rival))})
    out += [_factor_item(ctx, c, f) for f in c.factors]
    if c.detail.get("had_w"):
        limit = c.detail.get("override_gap", 0.0)
        key = "report.cause.had_w" if limit > 0 else "report.cause.had_w_public"
        out.append({"key": "had_w", "kind": "factor", "wins": False, "closes": None,
                    "text": ctx.t(key, kdm=_person(ctx, c.detail.get("kdm")),
                                  limit=_score(limit), gap=_score(c.gap or 0.0))})
    if c.factors and not c.decisive:
        out.append({"key": "outscored", "kind": "factor", "wins": False, "closes": None,
                    "text": ctx.t("report.cause.cf.outscored", vendor=ctx.vname(c.rival))})
    lesson = _lesson(ctx, c)
    if lesson:
        out.append(lesson)
    if not c.exact:
        out.append({"key": "inexact", "kind": "note", "wins": None, "closes": None,
                    "text": ctx.t("report.cause.cf.inexact")})
    return out


def _result_item(ctx: Ctx, c: Causes) -> dict[str, Any]:
    s = ctx.state
    o = s.outcome or {}
    kw: dict[str, Any] = {}
    if c.kind in ("no_tender", "not_scored"):
        kw["reason"] = ctx.t(f"reason.{o.get('reason', 'timeout')}")
    elif c.kind == "no_bid":
        kw["stage"] = c.detail.get("stage", s.vendors[ctx.vendor].stage)
    elif c.kind == "over_budget":
        kw.update(price=ctx.money(c.detail["price"]), budget=ctx.money(c.detail["budget"]))
    elif c.kind == "overturned":
        notice = next((e["effects"] for e in s.log if e.get("calendar")
                       and e.get("event") == "notice_end"), {})
        kw["vendor"] = ctx.vname(notice.get("by"))
    elif c.kind == "failed_to_sign":
        kw["fails"] = sum(1 for e in ctx.actions() if "agreed" in (e.get("effects") or {})
                          and not e["effects"]["agreed"])
    elif c.kind == "shelved":
        kw["share"] = pct(o.get("first_payment", 0.0))
    return {"key": c.kind, "kind": "result", "wins": None, "closes": None,
            "text": ctx.t(f"report.cause.{c.kind}", **kw)}


def _won_items(ctx: Ctx) -> list[dict[str, Any]]:
    """What our win rested on: had the runner-up matched us on one factor, would it have won?
    Then the KDM's backing and the first payment."""
    s = ctx.state
    out: list[dict[str, Any]] = []
    ranking = [v for v in (s.tender or {}).get("ranking", [])
               if not s.tender["bids"][v]["disqualified"]]
    second = next((v for v in ranking if v != ctx.vendor), None)
    if second is not None:
        c = counterfactual(ctx, second)
        if c.kind == "scored" and c.rival == ctx.vendor:
            out.append({"key": "won_scored", "kind": "result", "wins": None, "closes": None,
                        "text": ctx.t("report.cause.won_scored", vendor=ctx.vname(second),
                                      gap=_score(c.gap or 0.0))})
            for f in c.factors:
                item = _factor_item(ctx, c, f, us_side=False)
                item["kind"] = "held"  # `wins`: the runner-up would have won with it
                item["text"] = ctx.t("report.cause.cf.held_line", verdict=ctx.t(
                    "report.cause.cf.would_lose" if f.wins else "report.cause.cf.would_hold"),
                    what=_factor_text(ctx, f, second, False))
                out.append(item)
    c = s.contract
    if c and c["vendor"] == ctx.vendor and c["first_payment"] >= 0.3:
        out.append({"key": "won_payment", "kind": "context", "wins": None, "closes": None,
                    "text": ctx.t("report.cause.won_payment", share=pct(c["first_payment"]))})
    return out


def _context(ctx: Ctx, c: Causes | None) -> list[dict[str, Any]]:
    """Notes from the record: not ranked, they say what else was open."""
    out: list[dict[str, Any]] = []

    def add(key: str, **kw: Any) -> None:
        out.append({"key": key, "kind": "context", "wins": None, "closes": None,
                    "text": ctx.t(f"report.cause.{key}", **kw)})

    items = motives(ctx)
    missing = [f"{p['name']} ({m['label']})" for p in items if p["key"]
               for m in p["motives"] if not m["found"]]
    found = sum(m["found"] for p in items for m in p["motives"])
    if missing:
        sep = _sep(ctx)
        shown = sep.join(missing[:6]) + (sep + "…" if len(missing) > 6 else "")
        add("motives_missed", items=shown, n=len(missing))
    elif found:
        add("motives_found", n=found)
    s = ctx.state
    us = s.vendors[ctx.vendor].index
    named = {f.person for f in (c.factors if c else ()) if f.key == "replaced"}
    for rec in s.replaced:
        was = rec["support"][us]
        if was > 0.05 and rec["person"] not in named:
            add("replaced", week=rec["week"], old=rec["name"][ctx.lang], support=signed(was))
    if c is not None and c.kind != "won":
        week = ctx.award_week() or (s.tender or {}).get("week")
        open_items = _open_criteria(ctx, week) if week else []
        if open_items:
            add("criteria_open", week=week,
                items=_sep(ctx).join(ctx.t(f"criterion.{k}") for k in open_items))
    return out


def causes(ctx: Ctx) -> list[dict[str, Any]]:
    """The cause analysis, in order: [{key, kind, wins, closes, text}].

    kind: "result" (what decided it), "factor" (one counterfactual: `wins` says whether it
    alone would have won, `closes` how much of the score gap it closes), "held" (a won
    tender: `wins` says whether the runner-up would have won with it), "lesson", "note",
    "context" (facts from the record, not ranked).
    """
    if not ctx.state.over:
        return [{"key": "after_game", "kind": "note", "wins": None, "closes": None,
                 "text": ctx.t("report.cause.after_game")}]
    c = counterfactual(ctx)
    if c.kind == "won":
        return _won_items(ctx) + _context(ctx, c)
    if c.kind == "scored":
        return _scored_items(ctx, c) + _context(ctx, c)
    return [_result_item(ctx, c)] + _context(ctx, c)
