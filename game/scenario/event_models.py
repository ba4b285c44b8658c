"""Scenario events in the schema: triggers, the declarative conditions and effects, choices.

Conditions and effects are data with a `type`; the engine interprets each type, nothing in a
scenario is ever evaluated as code.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from game.scenario.fields import (
    ContactLevel,
    Ident,
    MotiveSpec,
    Phase,
    Share,
    Signed,
    Spec,
    TextSpec,
    Trait,
)

VendorRef = Annotated[
    str,
    Field(
        description=(
            "Which vendor: 'affected' (the vendor the event hits), 'leader', 'all', 'any', "
            "'teams', 'rivals', or a vendor id."
        )
    ),
]


# ---- conditions -------------------------------------------------------------------------


class StageCondition(Spec):
    type: Literal["stage"]
    vendor: VendorRef = "any"
    at_least: Annotated[int, Field(ge=1, le=7)] = Field(description="Stage number 1-7.")


class SupportCondition(Spec):
    type: Literal["support"]
    stakeholder: Ident
    vendor: VendorRef = "any"
    above: Signed | None = None
    below: Signed | None = None

    @model_validator(mode="after")
    def _bound(self) -> SupportCondition:
        if self.above is None and self.below is None:
            raise ValueError("a support condition needs 'above' or 'below'")
        return self


class ContactCondition(Spec):
    type: Literal["contact"]
    stakeholder: Ident
    vendor: VendorRef = "any"
    at_least: ContactLevel


class PhaseCondition(Spec):
    type: Literal["phase"]
    phase: Phase


class EventFiredCondition(Spec):
    type: Literal["event_fired"]
    event: Ident
    fired: bool = True


class AwardedCondition(Spec):
    type: Literal["awarded"]
    awarded: bool = True


ConditionSpec = Annotated[
    StageCondition
    | SupportCondition
    | ContactCondition
    | PhaseCondition
    | EventFiredCondition
    | AwardedCondition,
    Field(discriminator="type"),
]


# ---- effects ----------------------------------------------------------------------------


class NewPersonSpec(Spec):
    """The person who takes over a stakeholder's seat.

    The seat (department, buying roles, key tags, influence, participation, sways) stays;
    title, traits and cares_about carry over when omitted. Every vendor starts again from
    nothing with the newcomer.
    """

    name: TextSpec
    title: TextSpec | None = None
    traits: list[Trait] | None = None
    cares_about: list[Ident] | None = None
    position_motive: MotiveSpec
    personal_motive: MotiveSpec
    leaning: Signed = 0.0
    favours: Ident | None = Field(None, description="A vendor id the newcomer already backs.")


class ReplaceStakeholderEffect(Spec):
    type: Literal["replace_stakeholder"]
    stakeholder: Ident
    new: NewPersonSpec


class BudgetEffect(Spec):
    type: Literal["budget"]
    change: Annotated[float, Field(ge=-0.9, le=2.0)] = Field(
        description="Relative change of the customer budget, e.g. -0.2 for a 20% cut."
    )


class CalendarEffect(Spec):
    type: Literal["calendar"]
    milestone: Literal["initiation", "tender_issue", "bid_deadline", "award", "contract"]
    shift: Annotated[int, Field(ge=-8, le=12)] = Field(
        description="Weeks to move this milestone and every later one."
    )


class NeedWeightEffect(Spec):
    type: Literal["need_weight"]
    need: Ident
    weight: Annotated[float, Field(gt=0.0, le=10.0)]


class SupportEffect(Spec):
    type: Literal["support"]
    vendor: VendorRef = "affected"
    stakeholder: str = Field("all", description="A stakeholder id, or 'all'.")
    change: Signed


class TrustEffect(Spec):
    type: Literal["trust"]
    vendor: VendorRef = "affected"
    stakeholder: str = Field("all", description="A stakeholder id, or 'all'.")
    change: Signed


class VendorBudgetEffect(Spec):
    type: Literal["vendor_budget"]
    vendor: VendorRef = "affected"
    change: Annotated[float, Field(ge=-1000, le=1000)] = Field(description="万元 added or taken.")


class NewRivalEffect(Spec):
    type: Literal["new_rival"]
    vendor: Ident = Field(description="Id of a vendor marked 'by_event: true'.")


class CriteriaEffect(Spec):
    type: Literal["criteria"]
    criterion: Literal["technical", "price", "service"]
    change: Signed


class FirstPaymentEffect(Spec):
    type: Literal["first_payment"]
    change: Signed = Field(description="Change of the customer's largest first-payment share.")


class ShelveRiskEffect(Spec):
    type: Literal["shelve_risk"]
    change: Signed = Field(description="Change of the chance the project is shelved.")


class RevealEffect(Spec):
    type: Literal["reveal"]
    vendor: VendorRef = "affected"
    stakeholder: Ident
    motive: Literal["position", "personal", "both"] = "both"


EffectSpec = Annotated[
    ReplaceStakeholderEffect
    | BudgetEffect
    | CalendarEffect
    | NeedWeightEffect
    | SupportEffect
    | TrustEffect
    | VendorBudgetEffect
    | NewRivalEffect
    | CriteriaEffect
    | FirstPaymentEffect
    | ShelveRiskEffect
    | RevealEffect,
    Field(discriminator="type"),
]


class TriggerSpec(Spec):
    weeks: tuple[Annotated[int, Field(ge=1)], Annotated[int, Field(ge=1)]] = Field(
        description="First and last week in which the event may fire, e.g. [6, 10]."
    )
    chance: Share = Field(1.0, description="Chance per eligible week that it fires.")
    conditions: list[ConditionSpec] = Field(
        default_factory=list, description="All must hold for the event to fire."
    )

    @model_validator(mode="after")
    def _range(self) -> TriggerSpec:
        if self.weeks[1] < self.weeks[0]:
            raise ValueError("trigger weeks: the last week comes before the first")
        return self


class ChoiceSpec(Spec):
    id: Ident
    label: TextSpec = Field(description="The button text.")
    effects: list[EffectSpec] = Field(default_factory=list)
    cost: Annotated[float, Field(ge=0)] = Field(0.0, description="Sales budget spent, 万元.")


class EventSpec(Spec):
    id: Ident
    title: TextSpec
    text: TextSpec = Field(description="What the players read when it happens.")
    affects: VendorRef = Field(
        "all", description="Who is hit and who gets the choices: a vendor ref."
    )
    trigger: TriggerSpec
    effects: list[EffectSpec] = Field(default_factory=list)
    choices: list[ChoiceSpec] = Field(
        default_factory=list, description="Options the affected team picks from."
    )
