"""The named strategies an AI vendor can follow, as data the shared planner reads.

Each playbook is recognisable from the training material by what it spends its days and money
on, whom it courts, how it prices and how it closes:

- incumbent: the defender of an account it already serves. Keeps existing allies warm before
  the relationship cools, leans on delivery references and risk answers ("we have run your
  systems for ten years"), listens to its insiders, has the specs written around what it
  already runs, bids a modest discount and defends the award.
- relationship: the relationship builder. Calls and visits widely, turns contacts into insiders
  and coaches early, and brings its executive to the KDM long before the tender (seed 004:
  managers must reach the KDM by P5 at the latest). Bids a moderate discount.
- solution: the solution seller. Researches needs, demos, runs workshops and pilots, and shapes
  the tender's technical criteria before they are written; brings its executive to the KDM
  (no deal is won on the product alone); bids on value, close to list.
- price_cutter: the low-price challenger. Keeps its cost of sale lean, courts the budget holder,
  the purchasing office and the KDM, holds its money for the end, bids at the floor at the last
  moment, and attacks the award during the public notice.
- basic: a balanced default for vendors with no authored strategy (and for AI teammates).
"""

from __future__ import annotations

import cython

from game.core.ids import KINDS

PLAYBOOKS = ("incumbent", "relationship", "solution", "price_cutter", "basic")


FOCUS_TAGS = ("kdm", "ki", "ku", "buyer", "ally", "senior", "unknown")


@cython.final
@cython.cclass
class Style:
    """What one playbook values. The planner adds `kind_bias` to an option's score, scales the
    value of support by who the person is (`focus`), and prices money with `frugality`.
    The dicts are the authored form; `bias` (by kind number) and `focus_of` (by FOCUS_TAGS)
    are the same numbers for the compiled planner."""

    def __init__(self, name: str, kind_bias: dict[str, float] | None = None,
                 kind_reason: dict[str, str] | None = None,
                 focus: dict[str, float] | None = None, frugality: float = 1.0,
                 pace: float = 1.4, keep_warm: float = 0.0, early_kdm: float = 0.0,
                 shape: float = 0.6, bid_discount: float = 0.10, bid_floor: bool = False,
                 war_chest: float = 0.0, late_attack: float = 0.0,
                 choice: str = "invest") -> None:
        self.name = name
        self.kind_bias = dict(kind_bias or {})
        self.kind_reason = dict(kind_reason or {})
        self.focus = dict(focus or {})
        self.frugality = frugality
        self.pace = pace  # weekly spend cap as a multiple of the even-pacing allowance
        self.keep_warm = keep_warm  # bonus for touching an ally before the relation cools
        self.early_kdm = early_kdm  # bonus for reaching the KDM before P4 asks for it
        self.shape = shape  # value of each further shaping of the tender criteria
        self.bid_discount = bid_discount
        self.bid_floor = bid_floor
        self.war_chest = war_chest  # share of the budget kept for the weeks of the evaluation
        self.late_attack = late_attack  # weight on challenging an award we lost
        self.choice = choice  # event answers: invest | middle | cheap
        self.bias = [self.kind_bias.get(k, 0.0) for k in KINDS]
        self.has_focus = bool(self.focus)
        self.focus_of = [self.focus.get(t, 1.0) for t in FOCUS_TAGS]

    def replace(self, **changes: object) -> Style:
        """A copy with some values changed (the expert's candidate emphases)."""
        kw = {k: getattr(self, k) for k in ("name", "kind_bias", "kind_reason", "focus",
                                            "frugality", "pace", "keep_warm", "early_kdm",
                                            "shape", "bid_discount", "bid_floor", "war_chest",
                                            "late_attack", "choice")}
        kw.update(changes)
        return Style(**kw)  # type: ignore[arg-type]

    def __repr__(self) -> str:
        return f"Style({self.name!r})"


STYLES: dict[str, Style] = {
    "incumbent": Style(
        name="incumbent",
        kind_bias={"entertain": 0.25, "implementation_reference": 0.35, "risk_workshop": 0.3,
                   "gather_intel": 0.35, "delivery_plan": 0.3, "bid_delivery": 0.4,
                   "defend_award": 0.6, "kickoff_plan": 0.3, "reach_out": 0.2,
                   "pilot": -0.6},
        kind_reason={"implementation_reference": "incumbent.track_record",
                     "risk_workshop": "incumbent.track_record",
                     "delivery_plan": "incumbent.track_record",
                     "gather_intel": "incumbent.watch", "defend_award": "incumbent.guard",
                     "reach_out": "incumbent.guard"},
        focus={"ally": 1.5, "kdm": 1.2, "buyer": 1.1},
        frugality=0.9, keep_warm=0.6, shape=0.8, bid_discount=0.10, choice="invest",
    ),
    "relationship": Style(
        name="relationship",
        kind_bias={"call": 0.25, "visit": 0.2, "entertain": 0.35, "develop_insider": 0.6,
                   "develop_coach": 0.7, "sponsor_visit": 0.45, "exec_visit": 0.35,
                   "hq_visit": 0.3, "reach_out": 0.3, "gather_intel": 0.25,
                   "shape_criteria": 0.4, "needs_research": -0.15, "demo": -0.1, "pilot": -0.5},
        kind_reason={"develop_insider": "relationship.insider",
                     "develop_coach": "relationship.coach",
                     "sponsor_visit": "relationship.kdm", "exec_visit": "relationship.kdm",
                     "hq_visit": "relationship.kdm", "entertain": "relationship.bond",
                     "shape_criteria": "relationship.insider",
                     "reach_out": "relationship.bond", "call": "relationship.network"},
        focus={"kdm": 1.6, "senior": 1.2, "unknown": 1.2},
        frugality=0.9, early_kdm=1.0, shape=0.9, bid_discount=0.15, choice="invest",
    ),
    "solution": Style(
        name="solution",
        kind_bias={"needs_research": 0.4, "joint_visit": 0.2, "demo": 0.45,
                   "solution_workshop": 0.5, "proposal": 0.4, "tech_exchange": 0.3,
                   "reference_visit": 0.3, "pilot": 0.5, "shape_criteria": 0.6,
                   "write_bid": 0.5, "site_survey": 0.2, "sponsor_visit": 0.25, "entertain": 0.15,
                   "bid_defense": 0.4},
        kind_reason={"needs_research": "solution.research", "site_survey": "solution.research",
                     "demo": "solution.demo", "solution_workshop": "solution.demo",
                     "pilot": "solution.demo", "tech_exchange": "solution.demo",
                     "proposal": "solution.demo", "reference_visit": "solution.demo",
                     "shape_criteria": "solution.shape", "write_bid": "solution.bid",
                     "bid_defense": "solution.bid"},
        focus={"ki": 1.4, "ku": 1.3, "kdm": 1.5},
        frugality=0.85, early_kdm=0.5, shape=1.2, bid_discount=0.05, choice="middle",
    ),
    "price_cutter": Style(
        name="price_cutter",
        kind_bias={"call": 0.15, "qualify": 0.2, "hq_visit": -1.0, "pilot": -1.0,
                   "reference_visit": -0.6, "sponsor_visit": 0.2, "entertain": 0.15,
                   "file_complaint": 1.5,
                   "reach_out": 0.2, "submit_bid": 0.3},
        kind_reason={"file_complaint": "price.late_attack", "reach_out": "price.late_attack"},
        focus={"buyer": 1.8, "kdm": 1.6},
        frugality=1.7, pace=1.1, shape=0.2, bid_discount=0.20, bid_floor=True,
        late_attack=1.0, choice="cheap",
    ),
    "basic": Style(
        name="basic",
        kind_bias={"sponsor_visit": 0.15, "joint_visit": 0.1, "shape_criteria": 0.1},
        focus={"kdm": 1.2},
        frugality=1.0, shape=0.7, bid_discount=0.10, choice="invest",
    ),
}


def style_for(playbook: str) -> Style:
    """The style of a playbook name; unknown names fall back to the balanced default."""
    return STYLES.get(playbook, STYLES["basic"])
