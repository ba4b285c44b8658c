"""The decisions with an option attached: the bid price, the negotiation offer, the answer to
an event. They follow the playbook's temperament, read only the view, and each says why.

The customer's side of the negotiation is public knowledge in the domain: price-sensitive
buyers want more discount, supportive ones less, and bringing the executive to the table
softens both discount and first-payment demands. The estimate below reads exactly those
signals from the view (buyers' support and traits, our bid against the budget when known).
"""

from __future__ import annotations

from typing import Any

from game.ai.knowledge import buyer_support, price_sensitive_buyers
from game.ai.playbooks import Style
from game.core.actions import BID_DISCOUNT, NEGOTIATE_OPTIONS, TERMS
from game.core.resolve import competition_left, terms_asked
from game.core.views import VendorView

BID_STEPS = ("list", "m5", "m10", "m15", "m20")


def _budget(vv: VendorView) -> float | None:
    return vv.cust_budget if vv.budget_known else None


def bid_price(vv: VendorView, option: str) -> float:
    me = vv.me
    if option == "floor":
        return me.floor_price
    return max(me.floor_price, me.list_price * (1 - BID_DISCOUNT[option]))


def fits_budget(vv: VendorView, option: str, margin: float = 0.0) -> bool:
    budget = _budget(vv)
    return budget is None or bid_price(vv, option) <= budget * (1 - margin) + 1e-9


def choose_bid(vv: VendorView, style: Style, careful: bool = True) -> tuple[str, str]:
    """The playbook's bid: its usual discount, deepened only as far as the known budget needs.

    Careless (easy) bidders ignore what they know of the budget."""
    if style.bid_floor and (not careful or fits_budget(vv, "floor")):
        return "floor", "ai.reason.bid.floor"
    wanted = min(BID_STEPS, key=lambda o: abs(BID_DISCOUNT[o] - style.bid_discount))
    steps = BID_STEPS[BID_STEPS.index(wanted):]
    if not careful:
        return wanted, "ai.reason.bid.style"
    margin = 0.02 if vv.budget_known else 0.0
    for opt in steps:
        if fits_budget(vv, opt, margin):
            return opt, ("ai.reason.bid.style" if opt == wanted else "ai.reason.bid.budget")
    return "floor", "ai.reason.bid.budget"


def view_competition(vv: VendorView) -> tuple[float, float]:
    """`resolve.competition_left` from the public tender in our view: the same ranking,
    scores and bid prices the customer reads."""
    t = vv.tender
    if not t:
        return 0.0, 0.0
    return competition_left(vv.vendor, t["ranking"], t["totals"],
                            {k: b["price"] for k, b in t["bids"].items()})


def estimate_terms(vv: VendorView, joint: bool) -> tuple[float, float]:
    """Our estimate of the least discount and the largest first payment the buyers accept:
    the customer's own rule (`resolve.terms_asked`) on what we can see, assuming the worst
    where we cannot (buyers' traits unknown: price-sensitive; budget unknown: near it)."""
    me = vv.me
    s = buyer_support(vv)
    s = 0.0 if s is None else s
    sensitive = price_sensitive_buyers(vv)
    price = (me.bid or {}).get("price", me.list_price)
    budget = _budget(vv)
    closeness, cheaper = view_competition(vv)
    cap_max = vv.first_payment_max if vv.budget_known else 0.3
    return terms_asked(s, sensitive in (True, None), budget is None or price > 0.95 * budget,
                       closeness, cheaper, joint, cap_max, 0.1)


def _grid(want: float, cap: float, max_discount: float) -> str | None:
    best: tuple[tuple[float, float], str] | None = None
    for o, (d, p) in zip(NEGOTIATE_OPTIONS, TERMS, strict=True):
        if d + 1e-9 < want or p > cap + 1e-9 or d > max_discount + 1e-9:
            continue
        key = (d, -p)
        if best is None or key < best[0]:
            best = (key, o)
    return best[1] if best else None


def choose_terms(vv: VendorView, joint: bool, careful: bool = True) -> tuple[str, str]:
    """The offer to make: the customer's counter-offer when we have one, else our estimate."""
    me = vv.me
    maxd = me.max_discount
    counter = (me.bid or {}).get("counter")
    if counter is not None:
        opt = _grid(counter["discount"] - 1e-6, counter["first_payment"], maxd)
        if opt is not None:
            return opt, "ai.reason.negotiate.counter"
    if not careful:
        return "d5_p30", "ai.reason.negotiate.open"
    want, cap = estimate_terms(vv, joint)
    opt = _grid(want + 0.01, cap - 0.02, maxd) or _grid(want, cap, maxd)
    if opt is None:
        # Nothing we may give meets the estimate: offer our deepest approved discount.
        pays = [p for p in (40, 30, 20, 10) if p / 100 <= cap + 1e-9] or [10]
        opt = f"d{int(round(min(maxd, 0.2) * 20)) * 5}_p{pays[0]}"
    return opt, "ai.reason.negotiate.estimate"


def needs_approval(vv: VendorView, joint: bool) -> bool:
    """Whether the terms we expect to need go beyond the discount we may give today."""
    me = vv.me
    counter = (me.bid or {}).get("counter")
    want = counter["discount"] if counter else estimate_terms(vv, joint)[0]
    return want > me.max_discount + 1e-9


def choose_event(vv: VendorView, pending: dict[str, Any], style: Style) -> tuple[str, str]:
    """Answer an event the way the playbook would: invest, take the middle road, or save."""
    choices = pending["choices"]
    budget = vv.me.budget
    affordable = [c for c in choices if c["cost"] <= 0.3 * budget] or \
        [min(choices, key=lambda c: c["cost"])]
    by_cost = sorted(affordable, key=lambda c: (c["cost"], choices.index(c)))
    if style.choice == "cheap":
        paid = [c for c in by_cost if c["cost"] > 0]
        pick = paid[0] if paid and paid[0]["cost"] <= 0.08 * budget else by_cost[0]
        return pick["id"], "ai.reason.event.cheap"
    if style.choice == "middle" and len(by_cost) >= 3:
        return by_cost[len(by_cost) // 2]["id"], "ai.reason.event.middle"
    return by_cost[-1]["id"], "ai.reason.event.invest"


def should_complain(vv: VendorView, style: Style) -> float:
    """How much a challenge of the award is worth to us now (0 when pointless)."""
    me = vv.me
    award = vv.award
    if not award or award["vendor"] == me.id or not me.bid:
        return 0.0
    tender = vv.tender or {}
    ranking = tender.get("ranking") or []
    totals = tender.get("totals") or {}
    if me.id not in ranking:
        return 0.0
    close = 0.0
    if ranking and ranking[0] != award["vendor"]:
        close = 1.0  # the award went against the score ranking: worth a challenge
    elif me.id in totals and award["vendor"] in totals:
        gap = totals[award["vendor"]] - totals[me.id]
        close = max(0.0, 1.0 - gap / 0.1)
    if ranking.index(me.id) > 1 and close < 1.0:
        close *= 0.3
    return close * (0.6 + style.late_attack)
