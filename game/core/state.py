"""The runtime state of one game: plain dataclasses, JSON-serialisable, RNG included.

The authored scenario (`spec`) is kept read-only beside the mutable parts; anything an event
can change (a person replaced, the budget cut, the calendar moved) is copied into the state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.scenario.models import ScenarioSpec

ROLES = ("rep", "presales", "pm", "exec")
CONTACT_LEVELS = ("unknown", "met", "relationship", "insider", "coach")
CONTACT = {name: i for i, name in enumerate(CONTACT_LEVELS)}
PHASES = ("early", "solution", "tender", "decision", "contract")
MILESTONES = ("initiation", "tender_issue", "bid_deadline", "award", "contract")
FIVE_ELEMENTS = ("el_lead", "el_need", "el_fit", "el_budget", "el_timeline")


@dataclass(slots=True)
class Relation:
    """One vendor's standing with one person, and what the vendor has learned of them."""

    support: float = 0.0
    trust: float = 0.0
    contact: int = 0
    known_position: bool = False
    known_personal: bool = False
    known_needs: bool = False
    known_roles: bool = False
    last_touch: int = 0


@dataclass(slots=True)
class Person:
    """The person currently in a stakeholder's seat (events can replace them)."""

    id: str
    name: dict[str, str]
    title: dict[str, str]
    department: dict[str, str]
    roles: list[str]
    key: list[str]
    influence: float
    participation: dict[str, float]
    senior: bool
    traits: list[str]
    cares_about: list[str]
    sways: list[tuple[str, float]]
    position_motive: dict[str, Any]
    personal_motive: dict[str, Any]
    leaning: float
    generation: int = 0


@dataclass(slots=True)
class Vendor:
    id: str
    side: str
    name: dict[str, str]
    product: dict[str, str]
    playbook: str
    difficulty: str
    active: bool
    joined_week: int
    stage: int
    budget: float
    spent: float = 0.0
    facts: set[str] = field(default_factory=set)
    status: str = "active"  # active | lost | won | shelved
    spec_bias: float = 0.0
    bid: dict[str, Any] | None = None
    max_discount: float = 0.10
    terms: dict[str, float] | None = None
    intel: dict[str, dict[str, Any]] = field(default_factory=dict)
    stage_weeks: dict[int, int] = field(default_factory=dict)
    days_used: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class GameState:
    spec: ScenarioSpec
    seed: int
    rng: int
    week: int
    calendar: dict[str, int]
    budget: float
    need_weights: dict[str, float]
    criteria: dict[str, float]
    first_payment_max: float
    first_payment_min: float
    shelve_risk: float
    people: dict[str, Person]
    vendors: dict[str, Vendor]
    relations: dict[str, dict[str, Relation]]
    fired: list[str] = field(default_factory=list)
    pending: dict[str, list[str]] = field(default_factory=dict)
    tender: dict[str, Any] | None = None
    award: dict[str, Any] | None = None
    contract: dict[str, Any] | None = None
    outcome: dict[str, Any] | None = None
    log: list[dict[str, Any]] = field(default_factory=list)
    plans: list[dict[str, list[dict[str, Any]]]] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    # Need weights on the author's scale; `need_weights` is the same normalised to sum to 1.
    need_raw: dict[str, float] = field(default_factory=dict)
    # Derived values for the current turn (health, views); never saved or hashed. Anything
    # that changes the state outside `end_week` must call `touch()`.
    cache: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    def touch(self) -> None:
        """Forget every derived value: the state was changed from outside the week loop."""
        self.cache.clear()

    def new_turn(self) -> None:
        """Forget the turn's derived values, keeping the lasting ones (see `lasting`)."""
        keep = self.cache.get("lasting")
        self.cache.clear()
        if keep is not None:
            self.cache["lasting"] = keep

    def lasting(self) -> dict[Any, Any]:
        """Derived values that outlive a turn: each depends only on the scenario or carries
        a stamp of the inputs it was computed from, and is recomputed when they differ."""
        store = self.cache.get("lasting")
        if store is None:
            store = self.cache["lasting"] = {}
        return store

    def vendor_spec(self, vid: str) -> Any:
        """The authored VendorSpec of a vendor (the scenario is frozen, so this never stales)."""
        store = self.lasting()
        index = store.get("vendor_specs")
        if index is None:
            index = store["vendor_specs"] = {s.id: s for s in self.spec.vendors}
        return index[vid]

    @property
    def over(self) -> bool:
        return self.outcome is not None

    def phase(self) -> str:
        return phase_of(self.week, self.calendar)


def phase_of(week: int, cal: dict[str, int]) -> str:
    """The customer's procurement phase in a given week."""
    if week < cal["initiation"]:
        return "early"
    if week < cal["tender_issue"]:
        return "solution"
    if week <= cal["bid_deadline"]:
        return "tender"
    if week <= cal["award"] + cal["notice_weeks"]:
        return "decision"
    return "contract"


def text(t: Any) -> dict[str, str]:
    """A TextSpec as a plain {zh, en} dict."""
    return {"zh": t.zh, "en": t.en}


def motive(m: Any) -> dict[str, Any]:
    return {"kind": m.kind.value, "text": text(m.text)}
