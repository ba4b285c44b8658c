"""The scenario schema: the single source of truth for what a course designer may write.

The loader validates YAML against these models, `python main.py schema` exports them as JSON
Schema, and the authoring guide's field tables are generated from the field descriptions, so
every description here is written for a non-programmer reading the guide.
Money is in 万元 (10,000 CNY) throughout; time is counted in weeks.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal

from pydantic import Field, model_validator

from game.scenario.event_models import *  # noqa: F403  (re-exported: one import for users)
from game.scenario.event_models import EventSpec
from game.scenario.fields import *  # noqa: F403
from game.scenario.fields import (
    BuyingRole,
    ContactLevel,
    Ident,
    KeyTag,
    MotiveSpec,
    Share,
    Signed,
    Spec,
    TextSpec,
    Trait,
)


class ParticipationSpec(Spec):
    """How much the person takes part in each customer phase (0 = absent, 1 = dominant)."""

    early: Share = Field(0.5, description="Before the project is initiated.")
    solution: Share = Field(0.5, description="From initiation to the tender's issue.")
    tender: Share = Field(0.5, description="From the tender's issue to the evaluation.")
    decision: Share = Field(0.5, description="Evaluation, award and public notice.")
    contract: Share = Field(0.5, description="Negotiation, contract and first payment.")


class SwaySpec(Spec):
    who: Ident = Field(description="Id of the stakeholder this person sways.")
    strength: Share = Field(0.3, description="How strongly (0 to 1) their view carries over.")


class StakeholderSpec(Spec):
    id: Ident = Field(description="Unique id of the person, used by events and sways.")
    name: TextSpec = Field(description="Full name.")
    title: TextSpec = Field(description="Job title.")
    department: TextSpec = Field(description="Department.")
    roles: list[BuyingRole] = Field(
        min_length=1, description="Buying roles this person holds (one or more)."
    )
    key: list[KeyTag] = Field(
        default_factory=list, description="KU (key user), KI (key influencer), KDM (decider)."
    )
    influence: Share = Field(description="Weight of the person's view in the decision, 0 to 1.")
    participation: ParticipationSpec = Field(
        default_factory=ParticipationSpec, description="Involvement in each customer phase."
    )
    senior: bool = Field(False, description="Middle or senior management (can become a coach).")
    traits: list[Trait] = Field(default_factory=list, description="Personality traits.")
    cares_about: list[Ident] = Field(
        default_factory=list, description="Ids of the customer needs this person cares about."
    )
    sways: list[SwaySpec] = Field(default_factory=list, description="Whom this person sways.")
    position_motive: MotiveSpec = Field(description="Hidden KPI: what the job rewards.")
    personal_motive: MotiveSpec = Field(description="Hidden personal interest.")
    leaning: Signed = Field(0.0, description="Starting attitude to every vendor, -1 to 1.")
    availability: Annotated[int, Field(ge=1, le=6)] | None = Field(
        None, description="Weeks between two meetings a vendor can get with this person "
        "(default: 3 for the KDM, 2 for senior people who approve, hold the budget or decide, "
        "1 for everyone else).")


class NeedSpec(Spec):
    id: Ident = Field(description="Unique id of the need.")
    name: TextSpec = Field(description="Short name of the need.")
    weight: Annotated[float, Field(gt=0.0, le=10.0)] = Field(
        description="Relative importance; weights are normalised to sum to 1."
    )


class CalendarSpec(Spec):
    """The customer's procurement calendar, in game weeks (week 1 is the first turn)."""

    initiation: Annotated[int, Field(ge=1)] = Field(description="Week the project is initiated.")
    tender_issue: Annotated[int, Field(ge=1)] = Field(description="Week the tender is issued.")
    bid_deadline: Annotated[int, Field(ge=1)] = Field(description="Last week to submit a bid.")
    award: Annotated[int, Field(ge=1)] = Field(description="Week the evaluation result is given.")
    notice_weeks: Annotated[int, Field(ge=0, le=6)] = Field(
        1, description="Length of the public-notice period after the award, in weeks."
    )
    contract: Annotated[int, Field(ge=1)] = Field(
        description="Week by which the customer expects to sign."
    )

    @model_validator(mode="after")
    def _ordered(self) -> CalendarSpec:
        order = ["initiation", "tender_issue", "bid_deadline", "award", "contract"]
        values = [getattr(self, k) for k in order]
        for i in range(len(order) - 1):
            (a, va), (b, vb) = (order[i], values[i]), (order[i + 1], values[i + 1])
            if vb < va:
                raise ValueError(f"calendar: {b} (week {vb}) must not come before {a} (week {va})")
        if self.contract < self.award + self.notice_weeks:
            raise ValueError("calendar: contract must come after the award and its public notice")
        return self


class CriteriaSpec(Spec):
    """Tender scoring weights before anyone shapes them; normalised to sum to 1."""

    technical: Share = Field(0.5, description="Weight of the technical score.")
    price: Share = Field(0.3, description="Weight of the price score.")
    service: Share = Field(0.2, description="Weight of delivery, references and service.")


class PaymentSpec(Spec):
    first_payment_max: Share = Field(
        0.3, description="Largest first-payment share the customer accepts without a fight."
    )
    first_payment_min: Share = Field(
        0.1, description="Smallest first-payment share the customer will offer."
    )


class Procurement(str, Enum):
    """How the customer buys, which decides how far the KDM's own choice carries."""

    negotiated = "negotiated"  # competitive negotiation or an invited shortlist
    invited = "invited"  # an invited tender: the panel scores, the KDM settles a close result
    public = "public"  # a strict public tender: a drawn expert panel scores, the KDM weighs less


PERSONNEL_CHANCE = 0.012
"""The default weekly chance of a personnel change (engine: personnel.py draws it every week
from week 3 until the award)."""


class PersonnelSpec(Spec):
    """The chance that someone who matters moves on during the deal (a rule in every
    scenario; scripted replacements in `events` come on top)."""

    weekly_chance: Annotated[float, Field(ge=0.0, le=0.2)] = Field(
        PERSONNEL_CHANCE, description="Each week's chance, from week 3 until the award, that "
        "a key or senior person is replaced: a deal sees a change with 1 - (1 - chance) ^ "
        f"(award - 3), {PERSONNEL_CHANCE:g} giving about "
        f"{1 - (1 - PERSONNEL_CHANCE) ** 14:.0%} of deals for an award in week 17 "
        "(0 turns it off).")
    rumour_weeks: Annotated[int, Field(ge=0, le=6)] = Field(
        2, description="How many weeks ahead a vendor with an insider or coach hears of the "
        "move (0: the move comes without warning).")


class CustomerSpec(Spec):
    name: TextSpec = Field(description="The customer organisation.")
    industry: TextSpec = Field(description="Its industry.")
    size: TextSpec = Field(description="Its size, in words (staff, revenue, sites).")
    profile: TextSpec = Field(description="A paragraph the players read in the briefing.")
    budget: Annotated[float, Field(gt=0)] = Field(description="Project budget in 万元.")
    needs: list[NeedSpec] = Field(min_length=1, description="What the customer needs.")
    calendar: CalendarSpec = Field(description="The procurement calendar.")
    criteria: CriteriaSpec = Field(default_factory=CriteriaSpec, description="Tender weights.")
    payment: PaymentSpec = Field(default_factory=PaymentSpec, description="Payment terms.")
    procurement: Procurement = Field(
        Procurement.invited, description="How the customer buys: negotiated (the KDM's choice "
        "weighs most), invited (the evaluation panel scores and the KDM settles a close "
        "result) or public (a strict public tender: a drawn expert panel scores on merit, the "
        "KDM's voice weighs less and cannot overturn the scores).")
    personnel: PersonnelSpec = Field(
        default_factory=PersonnelSpec, description="Key people moving on during the deal.")
    budget_approved_week: Annotated[int, Field(ge=0)] = Field(
        0, description="Week the project budget is approved; before it no vendor can verify "
        "the budget element (Qualify and the confirmation visit find it not yet approved), so "
        "nobody passes P3 (0: approved from the start).")


class Playbook(str, Enum):
    basic = "basic"
    incumbent = "incumbent"
    relationship = "relationship"
    solution = "solution"
    price_cutter = "price_cutter"


class Difficulty(str, Enum):
    easy = "easy"
    normal = "normal"
    expert = "expert"


class RelationSpec(Spec):
    """A vendor's standing with one stakeholder at the start of the game."""

    support: Signed = Field(0.0, description="Support for this vendor, -1 to 1.")
    trust: Share = Field(0.0, description="Trust in this vendor's people, 0 to 1.")
    contact: ContactLevel = Field(ContactLevel.unknown, description="Contact level.")
    knows_motives: bool = Field(False, description="The vendor already knows both motives.")


class TimeSpec(Spec):
    """Days each role can give this deal per week."""

    rep: Annotated[int, Field(ge=0, le=7)] = 5
    presales: Annotated[int, Field(ge=0, le=7)] = 4
    pm: Annotated[int, Field(ge=0, le=7)] = 3
    exec: Annotated[int, Field(ge=0, le=7)] = 2


class BriefingSpec(Spec):
    """What the team playing this vendor's seat reads before the deal (workshop mode): who
    they are, so a team seated as a rival plays it in character. Only that team sees it."""

    product: TextSpec = Field(description="What the vendor sells here and how it is built.")
    history: TextSpec = Field(description="The vendor's history with this customer so far.")
    strengths: TextSpec = Field(
        description="What the vendor is good at, and where it is weak, in the team's words."
    )


class VendorSpec(Spec):
    id: Ident = Field(description="Unique id of the vendor.")
    name: TextSpec = Field(description="Company name.")
    product: TextSpec = Field(description="Product or solution name.")
    side: Literal["team", "rival"] = Field(
        "rival", description="'team' for a player team's vendor, 'rival' for an AI competitor."
    )
    playbook: Playbook = Field(Playbook.basic, description="AI strategy when AI-controlled.")
    difficulty: Difficulty = Field(Difficulty.normal, description="AI strength.")
    fit: dict[Ident, Share] = Field(description="Product fit per customer need id, 0 to 1.")
    list_price: Annotated[float, Field(gt=0)] = Field(description="List price in 万元.")
    floor_price: Annotated[float, Field(gt=0)] = Field(description="Lowest price allowed, 万元.")
    delivery_cost: Annotated[float, Field(ge=0)] = Field(description="Cost to deliver, 万元.")
    brand: Share = Field(0.5, description="Brand strength, 0 to 1.")
    references: Annotated[int, Field(ge=0)] = Field(0, description="Similar reference customers.")
    delivery: Share = Field(0.5, description="Delivery strength, 0 to 1.")
    sales_budget: Annotated[float, Field(ge=0)] = Field(description="Cost-of-sale budget, 万元.")
    time: TimeSpec = Field(default_factory=TimeSpec, description="Days per role per week.")
    start_stage: Annotated[int, Field(ge=1, le=4)] = Field(1, description="Starting stage, 1-4.")
    enters_week: Annotated[int, Field(ge=1)] | None = Field(
        None, description="Week a late rival joins; omit to start at once."
    )
    by_event: bool = Field(
        False,
        description="Joins only when a new_rival event brings it in (enters_week is ignored).",
    )
    relations: dict[Ident, RelationSpec] = Field(
        default_factory=dict, description="Starting relations, keyed by stakeholder id."
    )
    briefing: BriefingSpec | None = Field(
        None, description="The seat's own briefing for a workshop team; omit for none."
    )

    @model_validator(mode="after")
    def _prices(self) -> VendorSpec:
        if self.floor_price > self.list_price:
            raise ValueError("floor_price must not exceed list_price")
        return self


class TuneKnobSpec(Spec):
    """A number `tune` may change, and the values it may try."""

    path: str = Field(
        description="The field, written as for balance --sweep: vendors.ID.fit.NEED, "
        "customer.budget, events.ID.trigger.chance, ...",
        examples=["vendors.incumbent.fit.billing"],
    )
    range: tuple[float, float] = Field(
        description="Lowest and highest value to try, e.g. [0.4, 0.7]."
    )
    step: Annotated[float, Field(gt=0)] = Field(
        description="Distance between the values tried, e.g. 0.05."
    )

    @model_validator(mode="after")
    def _ordered(self) -> TuneKnobSpec:
        if self.range[1] < self.range[0]:
            raise ValueError("range: the highest value comes before the lowest")
        return self


class TuneTargetSpec(Spec):
    """A win rate the designer wants for a vendor, a playbook, or every one of them."""

    who: str = Field(
        description="A vendor id; a playbook name (in rotate mode: the team's seat playing "
        "it); every_vendor; or every_playbook.",
        examples=["every_playbook"],
    )
    win: tuple[Share, Share] = Field(
        description="Lowest and highest win rate wanted, e.g. [0.25, 0.35]."
    )

    @model_validator(mode="after")
    def _ordered(self) -> TuneTargetSpec:
        if self.win[1] < self.win[0]:
            raise ValueError("win: the highest rate comes before the lowest")
        return self


class TuneSpec(Spec):
    """What `python main.py tune` may change and what it aims for. The game ignores this
    section; tune only proposes changes with their evidence and never edits the file."""

    mode: Literal["scenario", "rotate"] = Field(
        "scenario", description="How tune plays the games, as balance --mode: 'rotate' lets "
        "the team's seat play every playbook in turn."
    )
    knobs: list[TuneKnobSpec] = Field(min_length=1, description="The numbers it may change.")
    targets: list[TuneTargetSpec] = Field(min_length=1, description="The win rates wanted.")
    max_changes: Annotated[int, Field(ge=1, le=4)] = Field(
        2, description="Most knobs one proposal may change."
    )


class ScenarioSpec(Spec):
    format: Literal[1] = Field(1, description="Scenario format version.")
    id: Ident = Field(description="Unique id of the scenario.")
    title: TextSpec
    summary: TextSpec = Field(description="One paragraph for the scenario library.")
    last_week: Annotated[int, Field(ge=8, le=60)] = Field(description="The game's final week.")
    customer: CustomerSpec
    stakeholders: list[StakeholderSpec] = Field(
        min_length=2, max_length=64,
        description="The buying centre: everyone who takes part in the decision (2 to 64).")
    vendors: list[VendorSpec] = Field(
        min_length=2, max_length=16,
        description="Every vendor in the deal, the players' teams and the rivals (2 to 16).")
    events: list[EventSpec] = Field(default_factory=list)
    tune: TuneSpec | None = Field(
        None, description="Optional: what `python main.py tune` may change and the win rates "
        "it aims for."
    )
