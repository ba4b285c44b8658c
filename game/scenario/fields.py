"""Building blocks of the scenario schema: ids, shares, bilingual text and the enumerations.

Kept apart from the models so the event models and the scenario models can share them.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
Ident = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        description="A short id: lower-case letters, digits and _ , starting with a letter.",
    ),
]
Share = Annotated[float, Field(ge=0.0, le=1.0)]
Signed = Annotated[float, Field(ge=-1.0, le=1.0)]


class Spec(BaseModel):
    """Base for every authored model: unknown keys are errors, values are never coerced."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class TextSpec(Spec):
    """Player-facing text in both languages."""

    zh: str = Field(description="The Chinese text.", examples=["信息中心主任"])
    en: str = Field(description="The English text.", examples=["Head of IT"])


class BuyingRole(str, Enum):
    initiator = "initiator"
    user = "user"
    influencer = "influencer"
    purchaser = "purchaser"
    decision_maker = "decision_maker"
    approver = "approver"
    budget_holder = "budget_holder"


class KeyTag(str, Enum):
    KU = "KU"
    KI = "KI"
    KDM = "KDM"


class Trait(str, Enum):
    """Personality traits change how well each kind of action lands with a person."""

    analytical = "analytical"
    cautious = "cautious"
    ambitious = "ambitious"
    relational = "relational"
    price_sensitive = "price_sensitive"
    technical = "technical"
    skeptical = "skeptical"
    busy = "busy"


class MotiveKind(str, Enum):
    """What a hidden motive is about; actions that address the kind work better."""

    cost = "cost"
    efficiency = "efficiency"
    risk = "risk"
    innovation = "innovation"
    career = "career"
    recognition = "recognition"
    relationship = "relationship"
    control = "control"
    quality = "quality"


class ContactLevel(str, Enum):
    unknown = "unknown"
    met = "met"
    relationship = "relationship"
    insider = "insider"
    coach = "coach"


class Phase(str, Enum):
    """The customer's procurement phase, derived from the calendar and the week."""

    early = "early"
    solution = "solution"
    tender = "tender"
    decision = "decision"
    contract = "contract"


class MotiveSpec(Spec):
    kind: MotiveKind = Field(description="What the motive is about.", examples=["risk"])
    text: TextSpec = Field(description="The motive in the person's own terms, shown once found.")
