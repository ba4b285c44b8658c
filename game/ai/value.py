"""How much one candidate action is worth this week, and why, judged from the view alone.

The estimate mirrors what the training material says makes a move land: the right person
(their weight in the decision and their part in the current phase), the right stage, a
discovered motive the action addresses, traits it suits, and our product's fit for demos.
On top come the stage's exit criteria (seed 004's success markers), the end-game steps that
must not be missed, and the playbook's own leanings. Money is priced so the budget lasts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.ai import knowledge as K
from game.ai.criteria_value import CRITERIA_OF, criterion, criterion_bonus, qualify_value
from game.ai.playbooks import Style
from game.ai.tactics import needs_approval, should_complain
from game.core.actions import ActionDef

MUST = 4.0  # a score at or above this may dip into the end-game reserve
# What a teammate does after a colleague has opened the door to someone (seed 004: presales
# researches needs and demos where the rep has been; the PM answers delivery risk there).
FOLLOW_UP = ("needs_research", "tech_exchange", "demo", "roi_analysis", "reference_visit",
             "site_survey", "implementation_reference", "risk_workshop", "solution_workshop",
             "develop_coach", "exec_visit", "hq_visit", "entertain", "visit")


@dataclass(slots=True)
class Context:
    """Everything the scorer reads once per view (and the planner's running projections)."""

    view: dict[str, Any]
    style: Style
    use_motives: bool
    unmet: set[str]
    facts: set[str]
    stage: int
    phase: str
    lam: float
    cap: float
    reserve: float
    people: dict[str, dict[str, Any]]
    max_w: float
    kdm_known: bool
    emphasis: dict[str, float] = field(default_factory=dict)
    follow: dict[str, float] = field(default_factory=dict)
    info: dict[str, Info] = field(default_factory=dict)
    weights: dict[str, float] | None = None  # need weights by id, read once per view

    def person(self, pid: str) -> Info:
        """Per-person facts the scorer needs, computed once per plan (or per projection)."""
        got = self.info.get(pid)
        if got is None:
            got = self.info[pid] = _info(self, self.people[pid])
        return got


@dataclass(slots=True)
class Info:
    w: float  # decision weight, relative to the heaviest person
    focus: float
    part: float
    buyer: bool
    kdm: bool
    ki: bool
    ku: bool
    traits: tuple[str, ...]
    motives: tuple[str, ...]
    hidden: int
    fit: float
    # the person's entry as the scorer reads it (support and trust as projected)
    support: float
    trust: float
    lvl: int
    senior: bool
    skeptical: bool
    roles_known: bool
    needs_known: bool
    position_known: bool
    personal_known: bool
    last_touch: int
    replaced: bool
    motives_hit: frozenset[str]


def _info(ctx: Context, p: dict[str, Any]) -> Info:
    traits = tuple(p.get("traits", ()))
    key = p.get("key", ())
    motives = tuple(K.motive_kinds(p))
    return Info(
        w=K.decision_weight(p) / ctx.max_w, focus=focus(ctx, p), part=K.participation_now(p),
        buyer=K.is_buyer(p), kdm="KDM" in key, ki="KI" in key, ku="KU" in key, traits=traits,
        motives=motives, hidden=K.unknown_motives(p),
        fit=K.person_fit(ctx.view, p, ctx.weights), support=p["support"], trust=p["trust"],
        lvl=p["contact_level"], senior=p["senior"], skeptical="skeptical" in traits,
        roles_known="roles" in p, needs_known="cares_about" in p,
        position_known="position_motive" in p, personal_known="personal_motive" in p,
        last_touch=p["last_touch"], replaced=p.get("generation", 0) > 0,
        motives_hit=frozenset(motives),
    )


def make_context(view: dict[str, Any], style: Style, use_motives: bool = True,
                 emphasis: dict[str, float] | None = None) -> Context:
    me = view["me"]
    reserve = K.endgame_reserve(view) + K.war_chest(view, style.war_chest)
    reserve = min(reserve, max(0.0, me["budget"] - 1.0))
    allowance = K.weekly_allowance(view, reserve)
    people = K.people_by_id(view)
    lam = style.frugality * 0.5 / max(allowance, 0.4)
    if view["phase"] in ("decision", "contract"):
        lam *= 0.6
    return Context(
        view=view, style=style, use_motives=use_motives, unmet=set(K.unmet(view)),
        facts=set(me["facts"]), stage=me["stage"], phase=view["phase"], lam=lam,
        cap=allowance * style.pace, reserve=reserve, people=people,
        max_w=max((K.decision_weight(p) for p in people.values()), default=1.0) or 1.0,
        kdm_known=any(K.is_key(p, "KDM") for p in people.values()),
        emphasis=dict(emphasis or {}), weights=K.need_weights(view),
    )


def focus(ctx: Context, p: dict[str, Any]) -> float:
    f = ctx.style.focus
    if not f:
        return 1.0
    tags = []
    if K.is_key(p, "KDM"):
        tags.append("kdm")
    if K.is_key(p, "KI"):
        tags.append("ki")
    if K.is_key(p, "KU"):
        tags.append("ku")
    if K.is_buyer(p):
        tags.append("buyer")
    if p["support"] >= 0.15:
        tags.append("ally")
    if p["senior"]:
        tags.append("senior")
    if "roles" not in p:
        tags.append("unknown")
    return max([f.get(t, 1.0) for t in tags] + [1.0])


def _motive_mult(ctx: Context, d: ActionDef, i: Info) -> tuple[float, str | None]:
    if not d.addresses:
        return 1.0, None
    if ctx.use_motives:
        for k in i.motives:
            if k in d.addresses:
                return 1.8, k
    return 1.0 + 0.15 * min(1.0, i.hidden * len(d.addresses) / 9), None


def support_gain(ctx: Context, d: ActionDef, p: dict[str, Any]) -> tuple[float, str | None]:
    """Expected support this action adds with this person (the engine's levers, as seen)."""
    if not d.support:
        return 0.0, None
    i = ctx.person(p["id"])
    stage_m = 1.15 if d.best[0] <= ctx.stage <= d.best[1] else 0.85
    mot_m, hit = _motive_mult(ctx, d, i)
    trait_m = 1.0
    if d.traits:
        for t in i.traits:
            trait_m *= d.traits.get(t, 1.0)
    mult = stage_m * mot_m * trait_m * (0.4 + 0.6 * i.part)
    if d.fit_scaled:
        mult *= 0.4 + 1.2 * i.fit
    if d.special == "needs_references":
        mult *= min(1.0, 0.4 + 0.15 * ctx.view["me"]["references"])
    if d.special == "reach_out" and p["support"] < 0:
        mult *= 2.0
    raw = d.support * mult * (0.6 + 0.4 * p["trust"])
    s = p["support"]
    return raw * (1 - max(s, 0.0)) if raw >= 0 else raw, hit


def _untargeted(ctx: Context, d: ActionDef) -> tuple[float, str]:
    view = ctx.view
    me = view["me"]
    kind = d.id
    crit, key = criterion(ctx, d, None)
    if key:
        return crit, f"criterion.{key}"
    if kind == "qualify":
        return qualify_value(ctx), "criterion.el_need"
    if kind == "confirm_opportunity":
        v = 0.9 * len(ctx.unmet & {"el_budget", "el_timeline"})
        if view["customer"]["budget"] is None:
            v += 1.0
        return v, "endgame.confirm"
    if kind == "proposal":
        v = sum(K.decision_weight(p) * 0.04 * (0.4 + 1.2 * K.person_fit(view, p))
                for p in view["people"] if p["contact_level"] >= 1) * 10
        return v / ctx.max_w, "solution.demo"
    if kind == "delivery_plan":
        v = sum(K.decision_weight(p) * 0.05 * (0.5 + me["delivery"])
                for p in view["people"] if p["contact_level"] >= 1
                and ("user" in p.get("roles", ()) or "risk" in K.motive_kinds(p))) * 10
        return v / ctx.max_w, "incumbent.track_record"
    if kind in ("write_bid", "bid_delivery"):
        return (MUST + 1.0 if kind == "write_bid" else MUST), f"endgame.{kind}"
    if kind == "submit_bid":
        due = K.weeks_to(view, "bid_deadline") <= 0 or ctx.emphasis.get("bid_now", 0) > 0
        return (MUST + 3.0 if due else 0.0), "endgame.submit_bid"
    if kind == "bid_defense":
        return 2.0, "endgame.bid_defense"
    if kind == "defend_award":
        return MUST, "endgame.defend_award"
    if kind == "file_complaint":
        return 2.5 * should_complain(view, ctx.style), "price.late_attack"
    if d.special == "negotiate":
        return (MUST + 2.0 if d.joint else MUST + 1.0), "endgame.negotiate"
    if kind == "approve_discount":
        if ctx.stage == 6 and needs_approval(view, True):
            return MUST + 2.5, "endgame.approve_discount"
        return 0.0, "endgame.approve_discount"
    if kind == "sign_contract":
        return MUST + 4.0, "endgame.sign"
    if kind == "collect_payment":
        return MUST + 4.0, "endgame.collect"
    if kind == "kickoff_plan":
        return 1.5, "endgame.kickoff"
    return 0.0, "support.decider"


def value_of(ctx: Context, d: ActionDef, target: str | None) -> float:
    """`explain(...)[0]` without its workings (see `values_of`)."""
    return values_of(ctx, d, [target])[0]


def values_of(ctx: Context, d: ActionDef, targets: list[str | None]) -> list[float]:
    """`explain(ctx, d, t)[0]` for each target, without the workings: the planner's hot path.

    What depends only on the kind is read once for all the targets. The parts are added in
    the same order as `explain` adds them (with `support_gain` written out), so the two
    agree to the last bit (a test holds them equal); reasons are named only for the options
    the planner takes.
    """
    style = ctx.style
    bias = style.kind_bias.get(d.id, 0.0)
    money = ctx.lam * d.cost
    if targets == [None]:
        v, _ = _untargeted(ctx, d)
        return [v - money if v <= 0 else v + bias - money]
    stage = ctx.stage
    dsupport, dtrust, contact_to = d.support, d.trust, d.contact_to
    addresses, dtraits, special = d.addresses, d.traits, d.special
    stage_m = 1.15 if d.best[0] <= stage <= d.best[1] else 0.85
    use_motives = ctx.use_motives
    refs_m = min(1.0, 0.4 + 0.15 * ctx.view["me"]["references"]) \
        if special == "needs_references" else None
    reveal_roles, reveal_needs = d.reveal_roles, d.reveal_needs
    reveal_position = d.reveal_position if use_motives else 0.0
    reveal_personal = d.reveal_personal if use_motives else 0.0
    intel = None
    if special == "intel":
        intel = 0.3 + 0.4 * sum(1 for q in ctx.people.values() if "position_motive" not in q) \
            / max(len(ctx.people), 1)
    criteria = not CRITERIA_OF[d.id].isdisjoint(ctx.unmet)
    shape = style.shape * (1.0 - ctx.view["me"]["spec_bias"]) \
        if d.id == "shape_criteria" else None
    warm = style.keep_warm if style.keep_warm and (dsupport or dtrust) else 0.0
    week = ctx.view["week"]
    early_kdm = style.early_kdm if style.early_kdm and special == "meet_kdm" and \
        "kdm_met" not in ctx.facts else 0.0
    follow = ctx.follow if ctx.follow and d.id in FOLLOW_UP else None
    follow_m = 1.0 if dsupport else 0.5
    newcomer = bool(contact_to or special == "meet_kdm")
    emphasis = ctx.emphasis
    late = stage >= 5
    infos = ctx.info
    out = []
    for target in targets:
        i = infos.get(target)
        if i is None:
            i = ctx.person(target)
        w, f, support, trust, lvl = i.w, i.focus, i.support, i.trust, i.lvl
        gain = 0.0
        if dsupport:
            motive_m = 1.0
            if addresses:
                if use_motives and not i.motives_hit.isdisjoint(addresses):
                    motive_m = 1.8
                else:
                    motive_m = 1.0 + 0.15 * min(1.0, i.hidden * len(addresses) / 9)
            trait_m = 1.0
            if dtraits:
                for t in i.traits:
                    trait_m *= dtraits.get(t, 1.0)
            mult = stage_m * motive_m * trait_m * (0.4 + 0.6 * i.part)
            if d.fit_scaled:
                mult *= 0.4 + 1.2 * i.fit
            if refs_m is not None:
                mult *= refs_m
            if special == "reach_out" and support < 0:
                mult *= 2.0
            raw = dsupport * mult * (0.6 + 0.4 * trust)
            gain = raw * (1 - max(support, 0.0)) if raw >= 0 else raw
        total = gain * (w * f + (0.4 if i.buyer and late else 0.0) + 0.3 * i.part) * 8.0
        extra = None  # emphasis on a person below decider weight is a part of its own, last
        if emphasis:
            for tag, weight in emphasis.items():
                if (tag == "kdm" and i.kdm) or (tag == "ki" and i.ki) or (tag == "ku" and i.ku):
                    if w >= 0.5:
                        total = total + gain * weight * 8
                    else:
                        extra = (0.0 if extra is None else extra) + gain * weight * 8
        if dtrust:
            total += dtrust * (0.7 if i.skeptical else 1.0) * (1 - trust) * (w * f + 0.3) * 3.0
        if contact_to > lvl and trust >= d.contact_trust:
            total += 0.25 * (w + 0.3) * (contact_to - lvl)
        info = 0.0
        if reveal_roles and not i.roles_known:
            info += 0.35 * (1.2 if i.senior else 0.8)
        if reveal_needs and not i.needs_known:
            info += 0.15 * reveal_needs
        if reveal_position and not i.position_known:
            info += 0.4 * reveal_position * (w + 0.2)
        if reveal_personal and not i.personal_known:
            info += 0.4 * reveal_personal * (w + 0.2)
        if intel is not None:
            info += intel
        total += info
        if criteria:
            crit, key = criterion_bonus(ctx, d, ctx.people[target])
            if key:
                total += crit
        if shape is not None:
            total += shape * (0.5 + max(support, 0))
        if warm and support >= 0.15 and lvl >= 1 and week - i.last_touch >= 3:
            total += warm * (w + 0.3)
        if early_kdm and i.kdm:
            total += early_kdm
        if follow is not None and target in follow:
            total += follow[target] * (w + 0.3) * follow_m
        if newcomer and i.replaced and lvl == 0:
            total += 0.8 * (w + 0.3)
        if extra is not None:
            total += extra
        out.append(total + bias - money)
    return out


def score(ctx: Context, d: ActionDef, target: str | None) -> tuple[float, str]:
    """The option's value minus what its money is worth to us, and the reason's key."""
    total, why, _, _ = explain(ctx, d, target)
    return total, why


def explain(ctx: Context, d: ActionDef, target: str | None
            ) -> tuple[float, str, dict[str, float], str | None]:
    """`score` with its workings: the value of each part, and the motive it hits if any."""
    style = ctx.style
    bias = style.kind_bias.get(d.id, 0.0)
    if target is None:
        v, why = _untargeted(ctx, d)
        parts = {why: v}
        if v <= 0:
            return v - ctx.lam * d.cost, why, parts, None
        if bias > 0 and d.id in style.kind_reason and v < MUST:
            why = style.kind_reason[d.id]
        return v + bias - ctx.lam * d.cost, why, parts, None
    p = ctx.people[target]
    i = ctx.person(target)
    w, f = i.w, i.focus
    gain, hit = support_gain(ctx, d, p)
    parts: dict[str, float] = {}
    buyer_bonus = 0.4 if i.buyer and ctx.stage >= 5 else 0.0
    now = 0.3 * i.part
    parts["support.decider" if w >= 0.5 else "support.phase"] = \
        gain * (w * f + buyer_bonus + now) * 8.0
    if d.trust:
        tr = d.trust * (0.7 if "skeptical" in i.traits else 1.0) * (1 - p["trust"])
        parts["trust"] = tr * (w * f + 0.3) * 3.0
    lvl = p["contact_level"]
    if d.contact_to > lvl and p["trust"] >= d.contact_trust:
        parts["contact"] = 0.25 * (w + 0.3) * (d.contact_to - lvl)
    info = 0.0
    if d.reveal_roles and "roles" not in p:
        info += 0.35 * (1.2 if p["senior"] else 0.8)
    if d.reveal_needs and "cares_about" not in p:
        info += 0.15 * d.reveal_needs
    if ctx.use_motives:
        if d.reveal_position and "position_motive" not in p:
            info += 0.4 * d.reveal_position * (w + 0.2)
        if d.reveal_personal and "personal_motive" not in p:
            info += 0.4 * d.reveal_personal * (w + 0.2)
    if d.special == "intel":
        info += 0.3 + 0.4 * sum(1 for q in ctx.people.values() if "position_motive" not in q) / \
            max(len(ctx.people), 1)
    parts["learn"] = info
    crit, key = criterion(ctx, d, p)
    if key:
        parts[f"criterion.{key}"] = crit
    if d.id == "shape_criteria":
        bias_now = ctx.view["me"]["spec_bias"]
        parts["solution.shape"] = style.shape * (1.0 - bias_now) * (0.5 + max(p["support"], 0))
    if style.keep_warm and p["support"] >= 0.15 and lvl >= 1 and \
            ctx.view["week"] - p["last_touch"] >= 3 and (d.support or d.trust):
        parts["incumbent.keep_warm"] = style.keep_warm * (w + 0.3)
    if style.early_kdm and i.kdm and d.special == "meet_kdm" and \
            "kdm_met" not in ctx.facts:
        parts["relationship.kdm"] = style.early_kdm
    if target in ctx.follow and d.id in FOLLOW_UP:
        parts["team.follow"] = ctx.follow[target] * (w + 0.3) * (1.0 if d.support else 0.5)
    if p.get("generation", 0) > 0 and lvl == 0 and (d.contact_to or d.special == "meet_kdm"):
        parts["event.replaced"] = 0.8 * (w + 0.3)
    for tag, weight in ctx.emphasis.items():
        if (tag == "kdm" and i.kdm) or (tag == "ki" and i.ki) or (tag == "ku" and i.ku):
            parts["support.decider"] = parts.get("support.decider", 0.0) + gain * weight * 8
    total = sum(parts.values()) + bias - ctx.lam * d.cost
    why = max(parts, key=lambda k: parts[k]) if parts else "support.phase"
    if bias > 0 and d.id in style.kind_reason and not why.startswith(("criterion", "event",
                                                                         "team")):
        why = style.kind_reason[d.id]
    elif "team.follow" in parts and not why.startswith("criterion"):
        why = "team.follow"
    elif hit and why.startswith("support"):
        why = f"motive.{hit}"
    return total, why, parts, hit
