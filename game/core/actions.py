"""The action catalogue: every move a team role (or two roles together) can make, as data.

Generic effects (support, trust, contact, reveals, facts) are numbers here and applied by
`effects.py`; actions whose effect is a procedure (bids, negotiation, complaints) name a
`special` handler. Text for each action lives under `action.<id>` in the translation files.
Each definition keeps its authored names (what the window and the debrief read) and the same
values as small integers and bit flags (what the compiled rules read).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import cython

from game.core.ids import (
    CONTACT_LEVELS,
    FACT_ID,
    KINDS,
    MOTIVES,
    PHASES,
    ROLES,
    SPECIALS,
    TRAITS,
)


@dataclass(frozen=True, slots=True)
class Action:
    """One planned move, by name. `role` is the acting role (the first role of a joint
    action)."""

    kind: str
    target: str | None = None
    option: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "target": self.target, "option": self.option}

    @staticmethod
    def from_dict(d: dict[str, Any]) -> Action:
        return Action(d["kind"], d.get("target"), d.get("option"))


@cython.final
@cython.cclass
class ActionDef:
    """One kind of action. Tuples and the `traits` dict are the authored form; the integer
    fields below each (`role_a`, `phase_mask`, `trait_mult`, ...) are the same facts for the
    compiled rules."""

    def __init__(self, id: str, roles: tuple[str, ...], days: int, cost: float,
                 target: bool = True, stages: tuple[int, int] = (1, 7),
                 best: tuple[int, int] = (1, 7), phases: tuple[str, ...] | None = None,
                 min_contact: int = 1, max_contact: int = 4, min_trust: float = 0.0,
                 senior_only: bool = False, requires: tuple[str, ...] = (),
                 forbids: tuple[str, ...] = (), once: bool = False, support: float = 0.0,
                 trust: float = 0.0, contact_to: int = 0, contact_trust: float = 0.0,
                 reveal_needs: float = 0.0, reveal_position: float = 0.0,
                 reveal_personal: float = 0.0, reveal_roles: bool = False,
                 addresses: tuple[str, ...] = (), traits: dict[str, float] | None = None,
                 facts: tuple[str, ...] = (), fit_scaled: bool = False,
                 special: str | None = None, options: tuple[str, ...] = ()) -> None:
        self.id = id
        self.kind = KINDS.index(id)
        self.roles = roles
        self.role_a = ROLES.index(roles[0])
        self.role_b = ROLES.index(roles[1]) if len(roles) > 1 else -1
        self.joint = len(roles) > 1
        self.days = days
        self.cost = cost
        self.target = target
        self.stages = stages
        self.stage_lo, self.stage_hi = stages
        self.best = best
        self.best_lo, self.best_hi = best
        self.phases = phases
        self.phase_mask = 31 if phases is None else sum(1 << PHASES.index(p) for p in phases)
        self.min_contact = min_contact
        self.max_contact = max_contact
        self.min_trust = min_trust
        self.senior_only = senior_only
        self.requires = requires
        self.requires_ids = [FACT_ID[f] for f in requires]
        self.forbids = forbids
        self.once = once
        self.support = support
        self.trust = trust
        self.contact_to = contact_to
        self.contact_trust = contact_trust
        self.reveal_needs = reveal_needs
        self.reveal_position = reveal_position
        self.reveal_personal = reveal_personal
        self.reveal_roles = reveal_roles
        self.addresses = addresses
        self.addr_mask = sum(1 << MOTIVES.index(m) for m in addresses)
        self.n_addresses = len(addresses)
        self.traits = dict(traits or {})
        self.trait_mult = [self.traits.get(t, 1.0) for t in TRAITS]
        self.has_traits = bool(self.traits)
        self.facts = facts
        self.fact_ids = [FACT_ID[f] for f in facts]
        self.fit_scaled = fit_scaled
        self.special = special
        self.special_id = SPECIALS.index(special or "")
        self.options = options
        self.reach = -1  # numbered with the other kinds' (min_contact, max_contact, min_trust)
        # whether a vendor-level or person-level refusal needs more than the plain tests
        self.vendor_special = special in ("needs_references", "complaint", "negotiate",
                                          "confirm") \
            or id in ("defend_award", "collect_payment")
        self.person_special = target and (senior_only or special in (
            "coach", "reach_out", "shape", "intel", "introduce", "ask_coach", "discredit"))
        # A joint executive visit is the one way to a KDM nobody has introduced us to.
        self.opens_doors = id == "sponsor_visit"

    def __repr__(self) -> str:
        return f"ActionDef({self.id!r})"


def _d(**kw: Any) -> ActionDef:
    return ActionDef(**kw)


# Negotiation options: discount percent and first-payment percent.
NEGOTIATE_OPTIONS = tuple(
    f"d{d}_p{p}" for d in (0, 5, 10, 15, 20) for p in (10, 20, 30, 40)
)
BID_OPTIONS = ("list", "m5", "m10", "m15", "m20", "floor")
BID_DISCOUNT = {"list": 0.0, "m5": 0.05, "m10": 0.10, "m15": 0.15, "m20": 0.20}

CATALOG: dict[str, ActionDef] = {
    a.id: a
    for a in [
        # ---- sales rep -----------------------------------------------------------------
        _d(id="research_account", roles=("rep",), days=1, cost=0.15, target=False, once=True,
           best=(1, 1), facts=("profiled",)),
        _d(id="decide_pursue", roles=("rep",), days=1, cost=0.0, target=False, once=True,
           requires=("profiled",), best=(1, 1), facts=("pursue",)),
        _d(id="call", roles=("rep",), days=1, cost=0.0, min_contact=0, max_contact=0,
           support=0.02, contact_to=1, reveal_roles=True, best=(1, 3),
           traits={"busy": 0.5, "relational": 1.2}),
        _d(id="visit", roles=("rep",), days=1, cost=0.1, support=0.06, trust=0.08,
           contact_to=2, contact_trust=0.3, reveal_needs=0.6, reveal_position=0.2,
           reveal_roles=True, best=(2, 4), facts=("first_visit",),
           traits={"relational": 1.3, "busy": 0.7}),
        _d(id="entertain", roles=("rep",), days=1, cost=0.45, support=0.05, trust=0.12,
           contact_to=2, contact_trust=0.3, reveal_personal=0.3,
           addresses=("relationship", "recognition"), best=(2, 6),
           traits={"relational": 1.5, "skeptical": 0.6, "cautious": 0.8}),
        _d(id="develop_insider", roles=("rep",), days=1, cost=0.3, min_contact=2,
           max_contact=2, min_trust=0.45, support=0.03, trust=0.04, contact_to=3,
           reveal_position=0.5, best=(3, 4)),
        _d(id="qualify", roles=("rep",), days=1, cost=0.0, target=False, stages=(2, 7),
           best=(2, 3), special="qualify"),
        _d(id="gather_intel", roles=("rep",), days=1, cost=0.15, min_contact=3,
           best=(3, 7), special="intel"),
        _d(id="submit_bid", roles=("rep",), days=1, cost=0.6, target=False, stages=(3, 5),
           phases=("tender",), once=True, best=(5, 5), special="bid", options=BID_OPTIONS,
           facts=("bid_submitted",)),
        _d(id="file_complaint", roles=("rep",), days=1, cost=0.6, target=False,
           phases=("decision",), once=True, special="complaint"),
        _d(id="negotiate", roles=("rep",), days=1, cost=0.0, target=False, stages=(6, 6),
           best=(6, 6), special="negotiate", options=NEGOTIATE_OPTIONS),
        _d(id="sign_contract", roles=("rep",), days=1, cost=0.0, target=False,
           stages=(6, 6), requires=("terms_agreed", "notice_survived"), once=True,
           best=(6, 6), special="sign"),
        _d(id="collect_payment", roles=("rep",), days=1, cost=0.0, target=False,
           stages=(7, 7), requires=("contract_signed",), best=(7, 7), special="collect"),
        # ---- presales ------------------------------------------------------------------
        _d(id="needs_research", roles=("presales",), days=1, cost=0.1, support=0.03,
           trust=0.04, reveal_needs=0.9, reveal_position=0.35, addresses=("efficiency",),
           best=(2, 3), facts=("need_heard",), traits={"analytical": 1.3, "technical": 1.2}),
        _d(id="demo", roles=("presales",), days=2, cost=0.3, stages=(3, 7), support=0.10,
           trust=0.04, fit_scaled=True, addresses=("innovation", "efficiency", "quality"),
           best=(3, 4), facts=("demo_done", "product_presented"),
           traits={"technical": 1.4, "analytical": 1.2}),
        _d(id="proposal", roles=("presales",), days=2, cost=0.15, target=False,
           stages=(3, 7), best=(3, 5), once=True, special="proposal",
           facts=("product_presented",)),
        _d(id="tech_exchange", roles=("presales",), days=1, cost=0.3, support=0.05,
           trust=0.10, addresses=("innovation", "recognition"), best=(2, 4),
           reveal_position=0.2, traits={"technical": 1.3, "analytical": 1.1}),
        _d(id="reference_visit", roles=("presales",), days=2, cost=1.2, min_contact=2,
           stages=(3, 7), support=0.15, trust=0.06, addresses=("risk", "quality"),
           best=(4, 5), facts=("references_presented",), special="needs_references",
           traits={"cautious": 1.5, "skeptical": 1.3}),
        _d(id="roi_analysis", roles=("presales",), days=1, cost=0.15, support=0.06,
           trust=0.05, stages=(3, 7), addresses=("cost", "efficiency"), best=(3, 6),
           reveal_position=0.2, traits={"price_sensitive": 1.5, "analytical": 1.2}),
        _d(id="shape_criteria", roles=("presales",), days=2, cost=0.3, min_contact=2,
           min_trust=0.4, stages=(3, 5), phases=("early", "solution"), best=(4, 5),
           special="shape", facts=("criteria_known",)),
        _d(id="write_bid", roles=("presales",), days=2, cost=0.3, target=False,
           stages=(3, 5), phases=("tender",), once=True, best=(5, 5),
           facts=("bid_technical",)),
        # ---- project manager -----------------------------------------------------------
        _d(id="site_survey", roles=("pm",), days=1, cost=0.15, support=0.04, trust=0.05,
           reveal_needs=0.7, reveal_position=0.3, addresses=("efficiency", "risk"),
           stages=(2, 7), best=(2, 4), facts=("need_heard",),
           traits={"analytical": 1.2, "cautious": 1.2}),
        _d(id="delivery_plan", roles=("pm",), days=2, cost=0.15, target=False,
           stages=(3, 7), once=True, best=(3, 4), special="delivery_plan",
           facts=("delivery_presented",)),
        _d(id="implementation_reference", roles=("pm",), days=1, cost=0.15, support=0.08,
           trust=0.05, stages=(3, 7), addresses=("risk", "quality"), best=(3, 5),
           special="needs_references", facts=("references_presented",),
           traits={"cautious": 1.4, "skeptical": 1.2}),
        _d(id="risk_workshop", roles=("pm",), days=1, cost=0.15, min_contact=2,
           support=0.05, trust=0.10, reveal_position=0.3, addresses=("risk", "control"),
           stages=(3, 7), best=(4, 6), traits={"cautious": 1.3, "analytical": 1.2}),
        _d(id="pilot", roles=("pm",), days=3, cost=1.8, min_contact=2, stages=(4, 5),
           phases=("early", "solution", "tender"), support=0.20, trust=0.08,
           fit_scaled=True, addresses=("innovation", "efficiency", "risk"), best=(4, 5),
           once=True, facts=("pilot_done", "demo_done"), traits={"technical": 1.2}),
        _d(id="bid_delivery", roles=("pm",), days=1, cost=0.15, target=False, stages=(3, 5),
           phases=("tender",), once=True, best=(5, 5), facts=("bid_service",)),
        _d(id="kickoff_plan", roles=("pm",), days=1, cost=0.15, target=False,
           stages=(6, 7), once=True, best=(6, 7), facts=("kickoff_ready",)),
        # ---- executive -----------------------------------------------------------------
        _d(id="exec_visit", roles=("exec",), days=1, cost=0.3, min_contact=0,
           senior_only=True, support=0.08, trust=0.06, contact_to=1,
           addresses=("career", "recognition", "control"), best=(4, 6),
           reveal_personal=0.15, special="meet_kdm", traits={"ambitious": 1.4, "busy": 0.8}),
        _d(id="develop_coach", roles=("exec",), days=1, cost=0.3, min_contact=2,
           max_contact=3, min_trust=0.45, senior_only=True, support=0.04, contact_to=4,
           reveal_personal=0.4, best=(3, 5), special="coach"),
        _d(id="hq_visit", roles=("exec",), days=2, cost=2.4, min_contact=2, stages=(3, 7),
           senior_only=True, support=0.18, trust=0.12,
           addresses=("recognition", "career", "innovation"), best=(4, 5),
           traits={"ambitious": 1.3, "relational": 1.2, "skeptical": 0.8}),
        _d(id="confirm_opportunity", roles=("rep", "exec"), days=1, cost=0.15, target=False,
           stages=(3, 7), best=(3, 3), special="confirm"),
        _d(id="reach_out", roles=("exec",), days=1, cost=0.3, min_contact=1,
           support=0.08, trust=0.06, addresses=("relationship", "recognition"),
           best=(3, 6), special="reach_out", traits={"relational": 1.3}),
        _d(id="approve_discount", roles=("exec",), days=1, cost=0.0, target=False,
           stages=(5, 6), once=True, best=(5, 6), special="approve_discount",
           facts=("discount_approved",)),
        _d(id="defend_award", roles=("exec",), days=1, cost=0.3, target=False,
           stages=(6, 6), phases=("decision",), once=True, best=(6, 6),
           facts=("award_defended",)),
        # ---- joint actions: two roles together work better than either alone ----------
        _d(id="joint_visit", roles=("rep", "presales"), days=1, cost=0.15, support=0.10,
           trust=0.10, contact_to=2, contact_trust=0.25, reveal_needs=0.9,
           reveal_position=0.4, reveal_roles=True, best=(2, 4),
           facts=("first_visit", "need_heard"), addresses=("efficiency", "quality")),
        _d(id="sponsor_visit", roles=("rep", "exec"), days=1, cost=0.45, min_contact=0,
           senior_only=True, support=0.14, trust=0.10, contact_to=2, contact_trust=0.2,
           reveal_personal=0.3, reveal_position=0.3, reveal_roles=True,
           addresses=("career", "recognition", "control"), best=(4, 6), special="meet_kdm",
           traits={"ambitious": 1.3, "busy": 0.8}),
        _d(id="solution_workshop", roles=("presales", "pm"), days=2, cost=0.45,
           stages=(3, 7), support=0.14, trust=0.06, fit_scaled=True,
           addresses=("efficiency", "risk", "quality"), best=(3, 5),
           facts=("demo_done", "delivery_presented", "product_presented"),
           traits={"technical": 1.3, "cautious": 1.2}),
        _d(id="bid_defense", roles=("presales", "pm"), days=1, cost=0.3, target=False,
           stages=(5, 5), phases=("decision",), once=True, requires=("bid_submitted",),
           best=(5, 5), special="bid_defense"),
        _d(id="negotiation_team", roles=("rep", "exec"), days=1, cost=0.0, target=False,
           stages=(6, 6), best=(6, 6), special="negotiate", options=NEGOTIATE_OPTIONS),
        # ---- working through the people who open doors and tell us things --------------
        _d(id="ask_introduction", roles=("rep",), days=1, cost=0.1, min_contact=3,
           stages=(3, 6), best=(3, 5), special="introduce"),
        _d(id="ask_coach", roles=("exec",), days=1, cost=0.15, min_contact=4, stages=(3, 7),
           best=(4, 6), special="ask_coach"),
        _d(id="discredit_rival", roles=("rep",), days=1, cost=0.15, min_contact=2,
           stages=(3, 6), phases=("solution", "tender", "decision"), best=(4, 5),
           special="discredit", traits={"skeptical": 0.5}),
    ]
}


ROLE_ACTIONS: dict[str, list[str]] = {
    role: [a.id for a in CATALOG.values() if role in a.roles]
    for role in ("rep", "presales", "pm", "exec")
}
# The catalogue by kind number (ids.KINDS order), for the compiled rules.
DEFS: list = list(CATALOG.values())
# Kinds share a few contact ranges and trust floors; each gets a number (`reach`), so the
# weekly listing can work out who is within reach once per range.
REACHES: list = sorted({(d.min_contact, d.max_contact, d.min_trust) for d in DEFS})
for _d_ in DEFS:
    _d_.reach = REACHES.index((_d_.min_contact, _d_.max_contact, _d_.min_trust))
assert tuple(CATALOG) == KINDS, "the catalogue and ids.KINDS must list the kinds in one order"
assert CONTACT_LEVELS[4] == "coach"
# Negotiation options as (discount, first payment) and bid options as a discount, by option
# number.
TERMS: list = [(int(o.split("_")[0][1:]) / 100, int(o.split("_")[1][1:]) / 100)
               for o in NEGOTIATE_OPTIONS]
