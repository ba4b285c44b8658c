"""What an AI can read off its own view: who matters, what the calendar leaves, what money is
spare. Everything here is a pure function of the view, so agents and the coach agree on it.

Where the view is silent (a person whose role we have not learned yet) we fall back on priors
from the training material: senior people decide late and weigh heavily, users and the
purchasing office are busiest early (seed 001's participation-over-time point).
"""

from __future__ import annotations

from typing import Any

View = dict[str, Any]
Person = dict[str, Any]

# Prior share of the decision phase a buying role takes part in (seed 001: the decider says
# little early and dominates at the end; users and purchasing are most active early).
DECISION_PRIOR = {
    "decision_maker": 1.0, "approver": 0.8, "budget_holder": 0.6, "influencer": 0.7,
    "purchaser": 0.6, "initiator": 0.5, "user": 0.4,
}
# Money the end game needs: bid, technical and delivery sections, defence, kick-off, events.
ENDGAME_COST = 2.0 + 1.0 + 0.5 + 1.0 + 1.0 + 0.5
EVENT_RESERVE = 6.0


def people_by_id(view: View) -> dict[str, Person]:
    return {p["id"]: p for p in view["people"]}


def is_key(p: Person, tag: str) -> bool:
    return tag in p.get("key", ())


def influence(p: Person) -> float:
    """Known influence, or a prior from seniority when the role is still unknown."""
    if "influence" in p:
        return float(p["influence"])
    return 0.55 if p["senior"] else 0.25


def decision_share(p: Person) -> float:
    """How much this person takes part in the final decision (known roles, else a prior)."""
    roles = p.get("roles")
    if roles:
        share = max(DECISION_PRIOR.get(r, 0.4) for r in roles)
        if is_key(p, "KDM"):
            share = 1.0
        return share
    return 0.75 if p["senior"] else 0.4


def decision_weight(p: Person) -> float:
    """The person's weight among the tender's evaluators (influence x decision share)."""
    return influence(p) * decision_share(p)


def participation_now(p: Person) -> float:
    if "participation_now" in p:
        return float(p["participation_now"])
    return 0.45 if p["senior"] else 0.65


def is_buyer(p: Person) -> bool:
    """Budget holder or purchasing office: the people who set the contract terms."""
    return bool({"budget_holder", "purchaser"} & set(p.get("roles", ())))


def motive_kinds(p: Person) -> list[str]:
    return [p[k]["kind"] for k in ("position_motive", "personal_motive") if k in p]


def unknown_motives(p: Person) -> int:
    return sum(k not in p for k in ("position_motive", "personal_motive"))


def weeks_to(view: View, milestone: str) -> int:
    return view["calendar"][milestone] - view["week"]


def weeks_left_to_bid(view: View) -> int:
    return max(0, view["calendar"]["bid_deadline"] - view["week"])


def unmet(view: View) -> list[str]:
    return [c["key"] for c in view["checklist"] if not c["done"]]


def total_budget(view: View) -> float:
    me = view["me"]
    return me["budget"] + me["spent"]


def endgame_reserve(view: View) -> float:
    """Money to hold back for the tender and after, shrinking as those steps are done."""
    me = view["me"]
    facts = set(me["facts"])
    need = EVENT_RESERVE * (1.0 if view["phase"] in ("early", "solution", "tender") else 0.5)
    for fact, cost in (("done:submit_bid", 2.0), ("done:write_bid", 1.0),
                       ("done:bid_delivery", 0.5), ("done:kickoff_plan", 0.5)):
        if fact not in facts:
            need += cost
    if me["stage"] <= 5 and "bid_defended" not in facts:
        need += 1.0
    if "done:defend_award" not in facts and me["stage"] <= 6:
        need += 1.0
    if me["status"] == "lost" or me["stage"] >= 7:
        need = 0.0
    return min(need, 0.6 * me["budget"]) if me["budget"] > 0 else 0.0


def weekly_allowance(view: View, reserve: float) -> float:
    """Spendable money per remaining week of selling, so the budget lasts to the award."""
    me = view["me"]
    if view["phase"] in ("early", "solution", "tender"):
        horizon = weeks_left_to_bid(view) + 1
    elif me["stage"] <= 5 and not view["award"]:
        horizon = max(0, view["calendar"]["award"] - view["week"]) + 1
    else:
        horizon = view["last_week"] - view["week"] + 1
    return max(0.0, me["budget"] - reserve) / max(1, horizon)


def war_chest(view: View, share: float) -> float:
    """Money held back for the evaluation weeks, when the decision makers take part fully."""
    if share <= 0 or view["phase"] not in ("early", "solution", "tender"):
        return 0.0
    return share * total_budget(view)


def person_fit(view: View, p: Person, weights: dict[str, float] | None = None) -> float:
    """Our product's fit on the needs this person cares about (all needs if unknown);
    `weights` are the need weights by id when the caller has them at hand."""
    fit = view["me"]["fit"]
    if weights is None:
        weights = need_weights(view)
    needs = p.get("cares_about") or list(weights)
    total = sum(weights.get(n, 0.0) for n in needs) or 1.0
    return sum(weights.get(n, 0.0) * fit.get(n, 0.0) for n in needs) / total


def need_weights(view: View) -> dict[str, float]:
    return {n["id"]: n["weight"] for n in view["customer"]["needs"]}


def price_sensitive_buyers(view: View) -> bool | None:
    """True/False once a buyer's traits are known; None while we cannot tell."""
    buyers = [p for p in view["people"] if is_buyer(p)]
    known = [p for p in buyers if "traits" in p]
    if not known:
        return None
    return any("price_sensitive" in p["traits"] for p in known)


def buyer_support(view: View) -> float | None:
    buyers = [p for p in view["people"] if is_buyer(p)]
    if not buyers:
        return None
    return sum(p["support"] for p in buyers) / len(buyers)


def decision_support(view: View) -> float:
    """Our support weighted like the evaluators' votes (known roles, else priors)."""
    total = backing = 0.0
    for p in view["people"]:
        w = decision_weight(p)
        total += w
        backing += w * p["support"]
    return backing / total if total else 0.0


def known_kdm(view: View) -> Person | None:
    return next((p for p in view["people"] if is_key(p, "KDM")), None)
