"""The timeline: every week, what each side did and what the world threw at them.

Our moves show who did them and what they changed; the rivals' moves are revealed with the
playbook reason their AI recorded when it chose them, which the players never saw in play.
"""

from __future__ import annotations

from typing import Any

from game.core.actions import CATALOG
from game.core.resolve import parse_terms
from game.core.state import CONTACT_LEVELS
from game.report.common import Ctx, pct, signed, support_gain


def option_text(ctx: Ctx, kind: str, option: str | None, target: str | None) -> str:
    if option is None:
        return ""
    if kind == "choose":
        ev = next((e for e in ctx.state.spec.events if e.id == target), None)
        ch = next((c for c in ev.choices if c.id == option), None) if ev else None
        return getattr(ch.label, ctx.lang) if ch else option
    if CATALOG[kind].special == "negotiate":
        disc, pay = parse_terms(option)
        return ctx.t("report.fx.terms", discount=pct(disc), payment=pct(pay))
    if CATALOG[kind].special == "bid":
        return ctx.t(f"report.bid_option.{option}")
    return option


def _touch_parts(ctx: Ctx, eff: dict[str, Any], week: int) -> list[str]:
    parts: list[str] = []
    if "support" in eff and isinstance(eff["support"], int | float) and "backfired" not in eff:
        parts.append(ctx.t("report.fx.support", v=signed(eff["support"])))
    if "trust" in eff:
        parts.append(ctx.t("report.fx.trust", v=signed(eff["trust"])))
    if "contact" in eff:
        parts.append(ctx.t("report.fx.contact",
                           level=ctx.t(f"contact.{CONTACT_LEVELS[eff['contact']]}")))
    if eff.get("learned"):
        parts.append(ctx.t(f"report.fx.learned.{eff['learned']}"))
    if eff.get("learned_needs"):
        parts.append(ctx.t("report.fx.learned_needs"))
    if eff.get("motive_hit"):
        parts.append(ctx.t(f"report.fx.motive_hit.{eff['motive_hit']}"))
    intel = eff.get("intel")
    if intel:
        rivals = ", ".join(f"{ctx.vname(v)} P{st}" for v, st in intel["rivals"].items())
        parts.append(ctx.t("report.fx.intel", rivals=rivals or "-"))
        if intel.get("motive_of"):
            who = ctx.pname(intel["motive_of"], week - 1)
            parts.append(ctx.t("report.fx.motive_of", person=who))
    if "spec_bias" in eff:
        parts.append(ctx.t("report.fx.shaped",
                           criterion=ctx.t(f"report.decision.crit.{eff['criteria']}")))
    parts += _access_parts(ctx, eff, week)
    return parts


def _access_parts(ctx: Ctx, eff: dict[str, Any], week: int) -> list[str]:
    """The moves of access and information: introductions, what a coach told, a rival
    discredited (or the smear backfiring), a coach who declined, a KDM who did not
    receive us."""
    parts: list[str] = []
    if "introduced" in eff:
        met = eff["introduced"] or []
        parts.append(ctx.t("report.fx.introduced",
                           person=", ".join(ctx.pname(p, week) for p in met))
                     if met else ctx.t("report.fx.introduced_none"))
    if eff.get("kdm_motives"):
        parts.append(ctx.t("report.fx.kdm_motives",
                           person=", ".join(ctx.pname(p, week) for p in eff["kdm_motives"])))
    if eff.get("criteria") is True:
        parts.append(ctx.t("report.fx.criteria_known"))
    if "discredited" in eff:
        parts.append(ctx.t("report.fx.discredited", vendor=ctx.vname(eff["discredited"]),
                           v=signed(eff.get("rival_support", 0.0)))
                     if eff["discredited"] else ctx.t("report.fx.discredit_none"))
    if "backfired" in eff:
        parts.append(ctx.t("report.fx.backfired", v=signed(eff.get("support", 0.0))))
    if eff.get("declined"):
        parts.append(ctx.t("report.fx.declined"))
    if eff.get("no_door"):
        parts.append(ctx.t("report.fx.no_door"))
    if eff.get("no_favours"):
        parts.append(ctx.t("why.no_favours"))
    return parts


def effect_text(ctx: Ctx, e: dict[str, Any]) -> str:
    """One line saying what a logged move changed, in the players' terms."""
    eff = e.get("effects") or {}
    kind = e["kind"]
    parts: list[str] = []
    if kind == "intel":
        parts.append(ctx.t("report.fx.seen", vendor=ctx.vname(eff.get("rival")),
                           stage=eff.get("stage")))
    elif kind == "choose":
        parts.append(ctx.t("report.fx.default") if eff.get("default") else "")
    elif "person" in eff:
        parts += _touch_parts(ctx, eff, e["week"])
    if isinstance(eff.get("support"), dict):
        vals = list(eff["support"].values())
        parts.append(ctx.t("report.fx.broadcast", v=signed(sum(vals)), n=len(vals)))
    if eff.get("verified") is not None:
        names = ", ".join(ctx.t(f"criterion.{k}") for k in eff["verified"])
        parts.append(ctx.t("report.fx.verified", items=names or "-"))
    if eff.get("not_confirmed"):
        parts.append(ctx.t(f"report.fx.not_confirmed.{eff['not_confirmed']}"))
    if "price" in eff:
        parts.append(ctx.t("report.fx.bid", price=ctx.money(eff["price"])))
    if eff.get("complaint"):
        parts.append(ctx.t("report.fx.complaint"))
    if "agreed" in eff:
        if eff["agreed"]:
            parts.append(ctx.t("report.fx.agreed", discount=pct(eff["discount"]),
                               payment=pct(eff["first_payment"])))
        else:
            c = eff["counter"]
            parts.append(ctx.t("report.fx.refused", discount=pct(c["discount"]),
                               payment=pct(c["first_payment"])))
    if eff.get("signed"):
        parts.append(ctx.t("report.fx.signed", value=ctx.money(eff["value"])))
    if "paid" in eff:
        if not eff["paid"]:
            parts.append(ctx.t("report.fx.not_paid"))
        else:
            parts.append(ctx.t("report.fx.paid", amount=ctx.money(eff["amount"])))
            if eff.get("shelved"):
                parts.append(ctx.t("report.fx.shelved"))
    if not any(parts):
        parts.append(ctx.t("report.fx.none"))
    return "; ".join(p for p in parts if p)


def action_item(ctx: Ctx, e: dict[str, Any]) -> dict[str, Any]:
    kind = e["kind"]
    roles = list(e.get("roles") or [])
    title = ctx.action(kind)
    if kind == "choose":
        ev = next((x for x in ctx.state.spec.events if x.id == e["target"]), None)
        title = f"{title}: {getattr(ev.title, ctx.lang) if ev else e['target']}"
    target = e.get("target") if kind != "choose" else None
    return {
        "week": e["week"],
        "vendor": e["vendor"],
        "vendor_name": ctx.vname(e["vendor"]),
        "kind": kind,
        "name": title,
        "roles": roles,
        "role_names": [ctx.role(r) for r in roles],
        "players": [ctx.player(r) for r in roles] if e["vendor"] == ctx.vendor else [],
        "joint": len(roles) > 1,
        "target": target,
        "target_name": ctx.pname(target, e["week"] - 1) if target else "",
        "option": e.get("option"),
        "option_text": option_text(ctx, kind, e.get("option"), e.get("target")),
        "cost": e.get("cost", 0.0),
        "days": e.get("days", 0),
        "effect_text": effect_text(ctx, e),
        "support": round(support_gain(e), 4),
        "reason": e.get("reason"),
        "reason_text": ctx.t(e["reason"]) if e.get("reason") else "",
        "well_placed": ctx.well_placed(e) if kind in CATALOG else None,
    }


def _event_effects(ctx: Ctx, e: dict[str, Any]) -> str:
    out: list[str] = []
    for eff in e.get("effects") or []:
        if "replaced" in eff:
            new = ctx.pname(eff["replaced"], e["week"])
            out.append(ctx.t("report.ev.replaced", old=eff["was"][ctx.lang], new=new))
        elif "budget" in eff:
            out.append(ctx.t("report.ev.budget", budget=ctx.money(eff["budget"])))
        elif "calendar" in eff:
            out.append(ctx.t("report.ev.calendar", moves=", ".join(
                f"{ctx.t('milestone.' + m)} W{w}" for m, w in eff["calendar"].items())))
        elif "new_rival" in eff:
            out.append(ctx.t("report.ev.new_rival", vendor=ctx.vname(eff["new_rival"])))
        elif "first_payment_max" in eff:
            out.append(ctx.t("report.ev.first_payment", share=pct(eff["first_payment_max"])))
        elif "reveal" in eff:
            out.append(ctx.t("report.ev.reveal", person=ctx.pname(eff["reveal"], e["week"])))
    return "; ".join(out)


def _calendar_item(ctx: Ctx, e: dict[str, Any]) -> dict[str, Any]:
    eff = e.get("effects") or {}
    kind = e["event"]
    detail = ""
    if kind == "bids_opened":
        detail = ", ".join(f"{ctx.vname(v)} {ctx.money(p)}" for v, p in eff["bids"].items())
    elif kind == "award":
        detail = ctx.vname(eff.get("preferred"))
        if eff.get("override"):
            detail += " · " + ctx.t("report.decision.override_short")
    elif kind == "notice_end" and eff.get("overturned"):
        detail = ctx.t("report.ev.overturned", vendor=ctx.vname(eff.get("new")))
    elif kind == "passed_over":
        detail = ctx.vname(eff.get("runner_up"))
    elif kind == "rumour":
        heard = ", ".join(ctx.vname(v) for v in e.get("affected") or [])
        detail = ctx.t("report.ev.rumour", person=ctx.pname(eff["person"], e["week"]),
                       week=eff["due"], who=heard or ctx.t("report.ev.nobody"))
    elif kind == "personnel_change":
        ready = ", ".join(ctx.vname(v) for v in eff.get("prepared") or [])
        detail = ctx.t("report.ev.personnel_change", old=eff["was"][ctx.lang],
                       new=eff["new"][ctx.lang], who=ready or ctx.t("report.ev.nobody"))
    return {"week": e["week"], "kind": kind, "calendar": True,
            "title": ctx.t(f"calendar.{kind}"), "text": detail, "effects_text": ""}


def event_item(ctx: Ctx, e: dict[str, Any]) -> dict[str, Any]:
    if e.get("calendar"):
        return _calendar_item(ctx, e)
    hits_us = e.get("affects") == "all" or ctx.vendor in (e.get("affected") or [])
    return {"week": e["week"], "kind": e["event"], "calendar": False,
            "title": e["title"][ctx.lang], "text": e["text"][ctx.lang],
            "affects_us": hits_us,
            "affected": [ctx.vname(v) for v in e.get("affected") or []],
            "effects_text": _event_effects(ctx, e)}


def timeline(ctx: Ctx) -> list[dict[str, Any]]:
    """Week rows, first to last: phase, stages, our moves, rivals' moves, events."""
    s = ctx.state
    rows: dict[int, dict[str, Any]] = {}
    for h in s.history:
        w = int(h["week"])
        phase = ctx.phase(w)
        rows[w] = {
            "week": w,
            "phase": phase,
            "phase_text": ctx.t(f"phase.{phase}"),
            "stages": dict(h["stages"]),
            "ours": [], "rivals": [], "intel": [], "events": [],
        }
    for e in s.log:
        row = rows.get(int(e["week"]))
        if row is None:
            continue
        if e.get("event"):
            row["events"].append(event_item(ctx, e))
        elif e.get("kind") == "intel":
            if e["vendor"] == ctx.vendor:
                row["intel"].append(action_item(ctx, e))
        elif e.get("vendor") == ctx.vendor:
            row["ours"].append(action_item(ctx, e))
        else:
            row["rivals"].append(action_item(ctx, e))
    return [rows[w] for w in sorted(rows)]
