"""The points past which a scenario number stops changing the game, read from the rules.

A designer raised a vendor's references from 5 to 9 and its floor price by 20 万元 and got
600 identical games: the tender counts references only up to five, and a rival that never
bids its floor never reaches it. Each cap below is the engine's (the place in the rules is
named), a test plays games on both sides of each cap to prove the claim, lint warns about a
value past one, and the authoring guide's table is generated from this list.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.actions import BID_DISCOUNT, NEGOTIATE_OPTIONS
from game.core.actions import CATALOG as _CATALOG


def _terms() -> tuple[float, float, float]:
    """Largest discount and smallest and largest first payment on the negotiation table."""
    pairs = [(int(o.split("_")[0][1:]) / 100, int(o.split("_")[1][1:]) / 100)
             for o in NEGOTIATE_OPTIONS]
    return max(d for d, _ in pairs), min(p for _, p in pairs), max(p for _, p in pairs)


REFERENCES_COUNTED = 5
"""resolve._panel: the service score counts min(1, references / 5); the reference actions
(`reference_visit`, `implementation_reference`) reach full strength at 4."""
BID_STEP_MAX = max(BID_DISCOUNT.values())
"""actions.BID_DISCOUNT: the deepest bid below list short of bidding the floor itself."""
DISCOUNT_MAX, FIRST_PAYMENT_LOW, FIRST_PAYMENT_HIGH = _terms()
"""actions.NEGOTIATE_OPTIONS: what a negotiation can offer."""
LOWEST_WITHOUT_FLOOR = round((1 - BID_STEP_MAX) * (1 - DISCOUNT_MAX), 4)
"""The lowest share of list a vendor can end at without bidding its floor: the deepest bid
step, then the largest negotiated discount (effects._bid, resolve.negotiate)."""
SUPPORT_SWING = 0.1
"""resolve.customer_terms: the buyers' support moves the first payment they accept by up to
±0.1 around `first_payment_max`."""
FIRST_PAYMENT_INERT = round(FIRST_PAYMENT_HIGH + SUPPORT_SWING, 4)
"""Above this first_payment_max every first payment on the table is accepted whatever the
buyers think, so higher values play the same."""
NEAR_BUDGET = 0.95
"""resolve.customer_terms: buyers ask 5 points more discount on a bid above 95% of the
budget; a budget above every list price / 0.95 can change nothing (no bid is near it or
over it, and no AI adjusts its bid for it)."""
EVALUATOR_FLOOR = 0.02
"""resolve.evaluator_weights: only people whose influence × decision participation is above
0.02 score the bids."""
SUPPORT_LIMIT = 1.0
"""engine.new_game: a starting support (leaning plus the relation's support) is cut to ±1."""
SHELVE_SAFE = 0.3
"""resolve.collect_payment: a first payment of 30% or more leaves no shelving risk."""
REFERENCE_ACTIONS = tuple(d.id for d in _CATALOG.values() if d.special == "needs_references")


@dataclass(frozen=True)
class Cap:
    """One row of the guide's table: the field, the point and what the rule does there."""

    field: str
    point: str
    rule: str


def caps() -> list[Cap]:
    """Every cap and threshold that makes a value inert, in the guide's words."""
    refs = ", ".join(f"`{a}`" for a in REFERENCE_ACTIONS)
    return [
        Cap("`vendors[].references`", f"{REFERENCES_COUNTED}",
            f"The tender's service score counts references up to {REFERENCES_COUNTED}; "
            f"{refs} reach full strength at 4. More references change nothing; 0 rules "
            "those actions out."),
        Cap("`vendors[].floor_price`", f"{LOWEST_WITHOUT_FLOOR:.0%} of `list_price`",
            f"Bids go down to {BID_STEP_MAX:.0%} off list, negotiation takes at most "
            f"{DISCOUNT_MAX:.0%} off the bid, so a price never falls below "
            f"{LOWEST_WITHOUT_FLOOR:.0%} of list unless the vendor bids its floor. A lower "
            "floor matters only to a vendor that bids it: the `price_cutter` playbook, an "
            "expert rival, a player, or any vendor whose deepest step is over the budget."),
        Cap("`customer.budget`", f"highest `list_price` / {NEAR_BUDGET}",
            f"A bid over the budget is disqualified and buyers ask 5 points more discount on "
            f"a bid above {NEAR_BUDGET:.0%} of it; above every list price / {NEAR_BUDGET} "
            "(after every budget cut an event can make) the budget changes nothing."),
        Cap("`customer.payment.first_payment_max`", f"{FIRST_PAYMENT_INERT:g}",
            f"The largest first payment on the table is {FIRST_PAYMENT_HIGH:.0%} and the "
            f"buyers' support moves what they accept by ±{SUPPORT_SWING:g}; from "
            f"{FIRST_PAYMENT_INERT:g} up (plus any cut a `first_payment` event can make) every "
            f"offer is accepted. A first payment of {SHELVE_SAFE:.0%} or more carries no "
            "shelving risk."),
        Cap("`customer.payment.first_payment_min`", f"{FIRST_PAYMENT_LOW:g}",
            f"The smallest first payment on the table is {FIRST_PAYMENT_LOW:.0%}: if what the "
            "buyers accept falls under it (a low maximum, hostile buyers, a squeeze event) "
            "no terms can be agreed unless first_payment_min holds it up."),
        Cap("`stakeholders[].influence` × `participation.decision`", f"{EVALUATOR_FLOOR:g}",
            f"Only people above {EVALUATOR_FLOOR:g} score the bids; below it a person still "
            "sways others and counts for C931, but never scores."),
        Cap("`leaning` + `relations.<person>.support`", f"±{SUPPORT_LIMIT:g}",
            "A starting support is cut to the scale's end; more changes nothing."),
        Cap("`customer.needs[].weight`, `customer.criteria`", "their sum",
            "Weights are divided by their sum: need weights 3, 2, 1.5 are 46%, 31%, 23%; "
            "criteria 0.6, 0.3, 0.2 are 55%, 27%, 18%. Lint says what yours become."),
    ]
