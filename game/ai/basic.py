"""The built-in AI: a greedy planner that works the current stage's exit criteria.

It sees only its vendor's view and fills each role's week with the actions that best move an
unmet criterion or win support from the people who matter now. It is the baseline every
playbook builds on, and the opponent of `simulate` and the engine benchmark.
"""

from __future__ import annotations

from typing import Any

from game.core.actions import CATALOG, Action, ActionDef
from game.core.checks import enabled_groups
from game.core.resolve import parse_terms

# Which unmet checklist item each action helps with (targeted ones also need the right person).
HELPS: dict[str, tuple[str, ...]] = {
    "profiled": ("research_account",),
    "pursue": ("decide_pursue",),
    "lead_contact": ("call", "visit", "joint_visit"),
    "first_visit": ("visit", "joint_visit"),
    "need_heard": ("needs_research", "joint_visit", "site_survey", "visit"),
    "willing": ("visit", "joint_visit", "entertain"),
    "el_lead": ("qualify",), "el_need": ("qualify", "needs_research"), "el_fit": ("qualify",),
    "el_budget": ("confirm_opportunity", "qualify"), "el_timeline": ("qualify",
                                                                      "confirm_opportunity"),
    "org_mapped": ("call", "gather_intel", "visit"),
    "insider_ki_ku": ("develop_insider", "entertain", "visit"),
    "product_presented": ("proposal", "demo", "solution_workshop"),
    "references_presented": ("implementation_reference", "delivery_plan", "reference_visit"),
    "demo_done": ("demo", "solution_workshop"),
    "insider_ki": ("develop_insider", "entertain", "tech_exchange"),
    "insider_ku": ("develop_insider", "entertain", "visit"),
    "coach": ("develop_coach", "entertain", "exec_visit", "sponsor_visit"),
    "kdm_met": ("sponsor_visit", "exec_visit"),
    "support_ku": ("demo", "solution_workshop", "visit", "implementation_reference"),
    "support_ki": ("tech_exchange", "demo", "reference_visit"),
    "support_kdm": ("sponsor_visit", "exec_visit", "hq_visit"),
    "criteria_shaped": ("shape_criteria",),
    "majority_evaluators": ("demo", "solution_workshop", "reference_visit", "entertain"),
    "bid_submitted": ("write_bid", "bid_delivery", "submit_bid"),
    "terms_agreed": ("negotiation_team", "negotiate", "approve_discount"),
    "contract_signed": ("sign_contract", "kickoff_plan"),
    "notice_survived": ("defend_award",),
    "paid": ("collect_payment", "kickoff_plan"),
}
KEY_FOR = {"insider_ki": "KI", "insider_ku": "KU", "support_ku": "KU", "support_ki": "KI",
           "support_kdm": "KDM", "kdm_met": "KDM", "insider_ki_ku": ("KI", "KU")}


RESERVE = 12.0  # 万元 kept back for the bid, the negotiation and the contract
BID_ACTIONS = ("write_bid", "bid_delivery", "submit_bid")
BID_WANT = 6.0  # above what any other move can score, so the bid is never crowded out
MIN_SCORE = 0.15  # options worth no more than this are never planned


def _person_value(p: dict[str, Any], view: dict[str, Any]) -> float:
    influence = p.get("influence", 0.5)
    part = p.get("participation_now", 0.5)
    return influence * (0.3 + part) * (1.1 - max(p["support"], 0.0))


def _wants(view: dict[str, Any]) -> dict[str, float]:
    """Action kinds that serve an unmet criterion, with how urgent that is."""
    wants: dict[str, float] = {}
    items = [c for c in view["checklist"] if not c["done"]]
    for c in items:
        for kind in HELPS.get(c["key"], ()):
            wants[kind] = max(wants.get(kind, 0.0), 1.0)
    me = view["me"]
    if view["phase"] == "tender" and me["stage"] >= 3:
        # Nothing else this week is worth missing the tender for: the bid comes first.
        for kind in BID_ACTIONS:
            wants[kind] = BID_WANT
    if view["phase"] == "decision":
        wants["bid_defense"] = 1.5
        wants["file_complaint"] = 1.0 if me["status"] == "lost" else 0.0
        wants["defend_award"] = 1.5
    return wants


def _targets_key(key: str, p: dict[str, Any]) -> bool:
    tag = KEY_FOR.get(key)
    if tag is None:
        return True
    tags = tag if isinstance(tag, tuple) else (tag,)
    return any(t in p.get("key", ()) for t in tags)


def unmet_keyed(view: dict[str, Any]) -> list[str]:
    """Unmet criteria that name a key person (KU, KI, KDM)."""
    return [c["key"] for c in view["checklist"] if not c["done"] and c["key"] in KEY_FOR]


def _ranked(view: dict[str, Any], wants: dict[str, float]
            ) -> list[tuple[float, int, ActionDef, str | None]]:
    """Every option worth planning (score over `MIN_SCORE`) as (minus its score, listing
    index, kind, target), best first.

    What does not depend on the option is worked out once per view: this runs for every
    option of every vendor every week, so it is the built-in AI's hot path."""
    me = view["me"]
    people = {}
    for p in view["people"]:
        kinds = [m["kind"] for m in (p.get("position_motive"), p.get("personal_motive")) if m]
        people[p["id"]] = (_person_value(p, view), p["contact_level"], set(p.get("key", ())),
                           kinds)
    cost_scale = 6.0 / max(me["budget"] + me["spent"], 1.0)
    keyed_tags: dict[str, set[str]] = {}
    for k in unmet_keyed(view):
        tag = KEY_FOR[k]
        for kind in HELPS[k]:
            keyed_tags.setdefault(kind, set()).update(tag if isinstance(tag, tuple) else (tag,))
    out: list[tuple[float, int, ActionDef, str | None]] = []
    i = 0
    for d, targets in enabled_groups(view):
        want = wants.get(d.id, 0.0)
        cost = cost_scale * d.cost
        if targets is None:
            if want - cost > MIN_SCORE:
                out.append((-(want - cost), i, d, None))
            i += 1
            continue
        pull, contact_to, addresses = d.support * 6 + d.trust * 3, d.contact_to, d.addresses
        tags = keyed_tags.get(d.id)
        bonus = d.special == "coach" or d.id == "develop_insider"
        for pid in targets:
            value, lvl, person_tags, kinds = people[pid]
            s = want + value * (pull + 0.2 * (contact_to > lvl))
            if s > 0 and tags and tags & person_tags:
                s += 0.8
            for kind in kinds:
                if kind in addresses:
                    s += 0.4
            if bonus:
                s += 0.3
            if s - cost > MIN_SCORE:
                out.append((-(s - cost), i, d, pid))
            i += 1
    out.sort()
    return out


def _option(view: dict[str, Any], kind: str) -> str | None:
    me = view["me"]
    if kind == "submit_bid":
        budget = view["customer"]["budget"]
        for opt in ("m5", "m10", "m15", "m20"):
            if budget is None or me["list_price"] * (1 - int(opt[1:]) / 100) <= budget:
                return opt
        return "floor"
    if kind in ("negotiate", "negotiation_team"):
        counter = (me.get("bid") or {}).get("counter")
        maxd = me["max_discount"]
        choices = sorted(CATALOG[kind].options, key=lambda o: (parse_terms(o)[0],
                                                               -parse_terms(o)[1]))
        if counter is None:
            return "d5_p30"
        for o in choices:
            d, p = parse_terms(o)
            if d <= maxd + 1e-9 and d >= counter["discount"] - 1e-9 and \
                    p <= counter["first_payment"] + 1e-9:
                return o
        return "d10_p20" if maxd >= 0.1 else "d5_p20"
    return None


def plan_week(view: dict[str, Any], limit: int = 12) -> tuple[list[Action], list[str]]:
    """Choose this week's actions and a one-line reason for each.

    Options are scored once against the start-of-week view, then taken best first while
    each role has days left; a reserve of the sales budget is kept for the tender and after.
    """
    plan: list[Action] = []
    reasons: list[str] = []
    me = view["me"]
    money = me["budget"]
    for pend in view["pending"]:
        cheap = [c for c in pend["choices"] if c["cost"] <= 0.3 * money]
        pick = cheap[0] if cheap else min(pend["choices"], key=lambda c: c["cost"])
        if pick["cost"] > money:
            continue  # nothing affordable: the engine applies its default
        money -= pick["cost"]
        plan.append(Action("choose", pend["event"], pick["id"]))
        reasons.append("ai.reason.choice")
    if not me["active"] or view["over"]:
        return plan, reasons
    wants = _wants(view)
    # Keep money back for the bid until the tender, and in the tender for the bid's own steps
    # not yet taken; after the bid everything may be spent.
    reserve = RESERVE if me["stage"] < 5 and view["phase"] in ("early", "solution") else 0.0
    if view["phase"] in ("early", "solution", "tender"):
        facts = set(me["facts"])
        reserve = max(reserve, sum(CATALOG[k].cost for k in BID_ACTIONS
                                   if f"done:{k}" not in facts))
    spendable = money - reserve
    days = dict(me["time"])
    spent = 0.0
    taken: set[tuple[str, str | None]] = set()
    days_left = sum(days.values())
    for _, _, d, target in _ranked(view, wants):
        if len(plan) >= limit or days_left <= 0:
            break  # every action takes at least one day
        n, roles = d.days, d.roles
        if days[roles[0]] < n or (len(roles) > 1 and days[roles[1]] < n) \
                or spent + d.cost > (money if d.id in BID_ACTIONS else spendable):
            continue  # the bid's steps may spend what is kept back for them
        if (d.id, None if d.target else "x") in taken or (d.id, target) in taken:
            continue
        if d.special == "negotiate" and ("negotiate", None) in taken:
            continue
        for r in roles:
            days[r] -= n
        days_left -= n * len(roles)
        spent += d.cost
        taken.add((d.id, target if d.target else "x"))
        if d.special == "negotiate":
            taken.add(("negotiate", None))
        opt = _option(view, d.id)
        plan.append(Action(d.id, target, opt or (d.options[0] if d.options else None)))
        reasons.append("ai.reason.criterion" if wants.get(d.id) else "ai.reason.support")
    return plan, reasons
