"""The coach: on request, the best next moves for each role, why they matter, and what is at
risk. It reads the same view as the player, nothing more.

The recommendation is the expert's own plan for the week (look-ahead over sampled hidden
states), so following it is playing as the expert would; each suggestion is then explained
in the course's terms: the stage criterion it moves (seed 004), the C931 item it clears
(seed 000), the motive it addresses (seed 001), the person and their weight in the decision.
Everything player-facing is an i18n key with params; `render` turns one into text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from game.ai import value as V
from game.ai.base import Decision, View
from game.ai.coach_warnings import warnings
from game.ai.playbooks import style_for
from game.ai.policy import NORMAL, Skill
from game.ai.search import COACH_LEAD, COACH_WIN_WORTH, ExpertAgent
from game.core.actions import CATALOG, Action
from game.core.checks import as_view, check, legal_actions, plan_usage
from game.core.ids import PHASES
from game.core.state import ROLES
from game.core.views import VendorView
from game.i18n import tr

PER_ROLE = 3
# Which C931 item (seed 000) each stage criterion makes clear, first or won.
C931_OF = {
    "profiled": "c_process", "pursue": "c_process", "el_timeline": "c_procurement",
    "org_mapped": "c_org", "kdm_met": "c_decision", "need_heard": "c_need",
    "el_need": "c_need", "el_budget": "c_budget", "insider_ki_ku": "c_competitors",
    "insider_ki": "c_competitors", "insider_ku": "c_competitors", "coach": "c_strategy",
    "support_kdm": "w_kdm", "majority_evaluators": "f_overall", "support_ki": "f_overall",
    "support_ku": "f_overall", "criteria_shaped": "c_decision",
}
_CACHE: list[tuple[View, tuple, Decision]] = []


def recommended(view: View, seed: int = 0, playbook: str | None = None,
                skill: Skill = NORMAL) -> Decision:
    """The expert's plan for this view (kept for the last few views asked about)."""
    playbook = playbook or as_view(view).me.playbook
    key = (seed, playbook, skill)
    for v, k, plan in _CACHE:
        if v is view and k == key:
            return plan
    plan = ExpertAgent(playbook, "expert", seed, skill=skill, lead=COACH_LEAD,
                       win_worth=COACH_WIN_WORTH, full=True).decide(view)
    _CACHE.append((view, key, plan))
    del _CACHE[:-4]
    return plan


def _person(vv: VendorView, pid: str | None) -> dict[str, str] | None:
    p = vv.person(pid) if pid is not None else None
    return dict(p.name) if p is not None else None


def explain_action(vv: VendorView, ctx: V.Context, a: Action) -> list[dict[str, Any]]:
    """The reasons for one action: the main one first, then a motive or C931 link."""
    d = CATALOG[a.kind]
    total, why, parts, hit = V.explain(ctx, d, a.target)
    person = _person(vv, a.target)
    stage = f"P{vv.me.stage}"
    out: list[dict[str, Any]] = []

    def add(key: str, **params: Any) -> None:
        out.append({"key": f"coach.why.{key}", "params": params})

    code = why
    if a.kind == "submit_bid":
        add("bid", option={"key": f"coach.bid.{a.option}"})
    elif d.special == "negotiate" and a.option:
        disc, pay = a.option.split("_")
        add("negotiate", discount=int(disc[1:]), payment=int(pay[1:]))
    elif code.startswith("criterion."):
        crit = code.split(".", 1)[1]
        add("criterion", stage=stage, criterion={"key": f"core.criterion.{crit}"})
        if crit in C931_OF:
            add("c931", item={"key": f"core.c931.{C931_OF[crit]}"})
    elif code.startswith("motive."):
        add("motive", person=person, motive={"key": f"core.motive.{code[7:]}"})
    elif code == "solution.shape":
        add("shape", criterion={"key": "core.criterion.criteria_shaped"})
        add("c931", item={"key": "core.c931.c_decision"})
    elif code.startswith("endgame."):
        add(code, stage=stage)
    elif code in ("support.decider", "support.phase", "trust", "contact", "learn",
                  "team.follow", "event.replaced"):
        add(code.replace(".", "_"), person=person,
            phase={"key": f"core.phase.{PHASES[vv.phase]}"})
        if code == "support.decider":
            add("c931", item={"key": "core.c931.f_overall"})
        elif code == "learn":
            add("c931", item={"key": "core.c931.c_strategy"})
    else:
        add("style", style={"key": f"ai.reason.{code}"})
    if hit and not code.startswith("motive."):
        add("motive", person=person, motive={"key": f"core.motive.{hit}"})
    return out


def _suggestion(vv: VendorView, ctx: V.Context, a: Action, rank: int | None
                ) -> dict[str, Any]:
    """`rank` is the move's place in the expert's week (None for other good moves)."""
    d = CATALOG[a.kind]
    total, _, _, _ = V.explain(ctx, d, a.target)
    return {
        "action": a, "roles": list(d.roles), "days": d.days,
        "cost": d.cost, "score": round(total, 3), "recommended": rank is not None,
        "rank": rank, "reasons": explain_action(vv, ctx, a),
    }


def advise(view: View, plan: Sequence[Action] = (), seed: int = 0,
           playbook: str | None = None, with_warnings: bool = True,
           skill: Skill = NORMAL) -> dict[str, Any]:
    """{role: [up to three suggestions], "events": [...], "warnings": [...], "expert": [...]}.

    `plan` is what the team has planned so far this week; suggestions are what to add next.
    A role's list starts with the expert's remaining moves for it; other good moves follow
    while they fit the week's days and the money the expert's week would spend (an empty
    list means: keep the days). "expert" is the rest of the expert's week in its order (the
    order counts: see `starred`), each move legal after the ones before it."""
    vv = as_view(view)
    plan = list(plan)
    out: dict[str, Any] = {r: [] for r in ROLES}
    out["warnings"] = warnings(vv) if with_warnings else []
    out["events"] = []
    out["expert"] = []
    me = vv.me
    if not me.active or vv.over:
        return out
    rec, rec_why = recommended(view, seed, playbook, skill)
    style = style_for(playbook or me.playbook)
    ctx = V.make_context(vv, style, skill.use_motives)
    answered = {a.target for a in plan if a.kind == "choose"}
    for a, why in zip(rec, rec_why, strict=True):
        if a.kind == "choose" and a.target not in answered:
            out["events"].append({"event": a.target, "choice": a.option,
                                  "reason": {"key": "coach.why.event",
                                             "params": {"style": {"key": why}}}})
    taken = {(a.kind, a.target) for a in plan}
    rec_acts = [a for a in rec if a.kind != "choose" and (a.kind, a.target) not in taken]
    ahead: list[Action] = []  # each of the expert's moves may rest on the ones before it
    for a in rec_acts:
        if check(vv, a, plan + ahead) is None:
            for role in CATALOG[a.kind].roles:  # a joint move is on both roles' lists
                out[role].append(_suggestion(vv, ctx, a, len(ahead)))
            ahead.append(a)
    out["expert"] = ahead
    # Other moves are offered within the money the expert's week would spend, so following
    # the coach never turns a deliberately lean week into a spree.
    _, spent = plan_usage([a for a in plan if a.kind != "choose"])
    _, rec_cost = plan_usage([a for a in rec if a.kind != "choose"])
    _, still_to_take = plan_usage(rec_acts)
    room = max(0.0, rec_cost - spent - still_to_take)
    rec_keys = {(a.kind, a.target) for a in rec_acts}
    ranked = []
    for o in legal_actions(vv, [a for a in plan if a.kind != "choose"],
                           include_disabled=False):
        a = o.action
        d = CATALOG[a.kind]
        if (a.kind, a.target) in rec_keys or (a.kind, a.target) in taken or d.options:
            continue
        if skill.handicapped and skill.forbids(d, V.person_index(ctx, a.target), me.stage):
            continue
        total, _ = V.score(ctx, d, a.target)
        if total < NORMAL.min_score or (d.cost > room + 1e-9 and total < V.MUST):
            continue
        ranked.append((total, a))
    ranked.sort(key=lambda t: -t[0])
    for _total, a in ranked:
        roles = CATALOG[a.kind].roles
        if all(len(out[r]) < PER_ROLE for r in roles):
            for r in roles:
                out[r].append(_suggestion(vv, ctx, a, None))
    for r in ROLES:
        out[r] = out[r][:PER_ROLE]
    return out


def starred(advice: dict[str, Any], roles: Sequence[str] = ROLES) -> list[Action]:
    """The rest of the expert's week for these roles, in the expert's order: every ★, with
    those a role's three suggestions leave off.

    The order is part of the advice: a week resolves each vendor's moves in the order it
    planned them, interleaved with the rivals' (first moves first), so the move that must
    land before a rival's comes first. Planned role by role instead, the same moves won
    fewer deals: `bench ai` coached_vs_normal 0.607 against 0.652 in the expert's order."""
    return [a for a in advice.get("expert", [])
            if any(r in roles for r in CATALOG[a.kind].roles)]


def follow_coach(view: View, seed: int = 0, skill: Skill = NORMAL) -> Decision:
    """A player who answers events as advised, plans every ★ in the coach's order ("Plan
    every ★"), then for every role takes the coach's first suggestion, asks again, and stops
    when the coach has nothing more (the bench's "coached"). `skill` may carry a handicap
    (an arm of the `fidelity` command)."""
    vv = as_view(view)
    plan: list[Action] = []
    why: list[str] = []
    advice = advise(vv, plan, seed, with_warnings=False, skill=skill)
    for e in advice["events"]:
        plan.append(Action("choose", e["event"], e["choice"]))
        why.append("ai.reason.coach")
    for a in starred(advice):
        if check(vv, a, plan) is None:
            plan.append(a)
            why.append("ai.reason.coach")
    advice = advise(vv, plan, seed, with_warnings=False, skill=skill)
    for _ in range(20):
        added = False
        for role in ROLES:
            for s in advice[role][:1]:
                a = s["action"]
                if a not in plan and check(vv, a, plan) is None:
                    plan.append(a)
                    why.append("ai.reason.coach")
                    added = True
        if not added:
            break
        advice = advise(vv, plan, seed, with_warnings=False, skill=skill)
    return plan, why


def render(item: dict[str, Any], lang: str) -> str:
    """One reason or warning as text: params that are keys or {zh, en} pairs are resolved."""
    params = {}
    for k, v in item.get("params", {}).items():
        if isinstance(v, dict) and "key" in v:
            params[k] = tr(v["key"], lang)
        elif isinstance(v, dict) and lang in v:
            params[k] = v[lang]
        else:
            params[k] = v
    return tr(item["key"], lang, **params)


def describe(view: View, s: dict[str, Any], lang: str) -> str:
    """A suggestion as one line: the action, its target, and why."""
    a = s["action"]
    label = tr(f"action.{a.kind}.name", lang)
    who = _person(as_view(view), a.target)
    head = f"{label} · {who[lang]}" if who else label
    return f"{head}: " + "; ".join(render(r, lang) for r in s["reasons"])
