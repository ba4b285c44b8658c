"""The runtime state of one game: typed records indexed by integers, the RNG included.

People, vendors and each vendor's relation with each person are records with typed fields,
held in lists by index (`plist`, `vlist`, `rels[v][p]`) for the rules and in dicts by id
(`people`, `vendors`, `relations`) for everyone else; both hold the same objects. What only
the scenario decides about a person or a vendor (roles, traits, fit, prices...) is copied out
of the pydantic scenario into the records at `new_game`, as names for the edges and as bit
flags and numbers for the rules. The cold parts (calendar, criteria, the tender, the award,
the contract, the outcome) stay plain dicts, exactly as saves hold them.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator, MutableSet
from typing import TYPE_CHECKING, Any, TypeVar

import cython

from game.core.ids import (
    BUYING_ROLES,
    CONTACT_LEVELS,
    FACT_ID,
    FACTS,
    KEY_TAGS,
    MILESTONES,
    MOTIVES,
    PHASES,
    PROCUREMENTS,
    ROLES,
    TRAITS,
    mask,
)
from game.core.rng import Rng, world_seed
from game.scenario.models import ScenarioSpec

if TYPE_CHECKING:
    from game.core.engine import Sways
    from game.core.resolve import Panel
    from game.core.views import VendorView

if not cython.compiled:
    from game.core.ids import (
        N_FACTS,
        PH_CONTRACT,
        PH_DECISION,
        PH_EARLY,
        PH_SOLUTION,
        PH_TENDER,
    )

CONTACT = {name: i for i, name in enumerate(CONTACT_LEVELS)}
NEVER = -99  # the week of a meeting that never happened
_S = TypeVar("_S")
# Senior people in these roles (top management) see a vendor every other week by default.
TOP_ROLES = ("decision_maker", "approver", "budget_holder")
FIVE_ELEMENTS = ("el_lead", "el_need", "el_fit", "el_budget", "el_timeline")
__all__ = ["ROLES", "PHASES", "MILESTONES", "CONTACT_LEVELS", "CONTACT", "FIVE_ELEMENTS",
           "Relation", "Person", "Vendor", "GameState", "phase_of", "text", "motive"]


@cython.final
@cython.cclass
class Relation:
    """One vendor's standing with one person, and what the vendor has learned of them."""

    def __init__(self, support: float = 0.0, trust: float = 0.0, contact: int = 0,
                 known_position: bool = False, known_personal: bool = False,
                 known_needs: bool = False, known_roles: bool = False,
                 last_touch: int = 0, met_week: int = NEVER, last_kind: int = -1,
                 introduced: bool = False, favours: int = 0) -> None:
        self.support = support
        self.trust = trust
        self.contact = contact
        self.known_position = known_position
        self.known_personal = known_personal
        self.known_needs = known_needs
        self.known_roles = known_roles
        self.last_touch = last_touch
        self.met_week = met_week
        self.last_kind = last_kind
        self.introduced = introduced
        self.favours = favours

    @cython.ccall
    def copy(self) -> Relation:
        r: Relation = Relation.__new__(Relation)
        r.support = self.support
        r.trust = self.trust
        r.contact = self.contact
        r.known_position = self.known_position
        r.known_personal = self.known_personal
        r.known_needs = self.known_needs
        r.known_roles = self.known_roles
        r.last_touch = self.last_touch
        r.met_week = self.met_week
        r.last_kind = self.last_kind
        r.introduced = self.introduced
        r.favours = self.favours
        return r

    @cython.ccall
    def reset(self, support: cython.double, trust: cython.double, contact: cython.int) -> None:
        """Start again from nothing with a newcomer in the seat."""
        self.support = support
        self.trust = trust
        self.contact = contact
        self.known_position = False
        self.known_personal = False
        self.known_needs = False
        self.known_roles = False
        self.last_touch = 0
        self.met_week = NEVER
        self.last_kind = -1
        self.introduced = False
        self.favours = 0

    def to_dict(self) -> dict[str, Any]:
        return {"support": self.support, "trust": self.trust, "contact": self.contact,
                "known_position": self.known_position, "known_personal": self.known_personal,
                "known_needs": self.known_needs, "known_roles": self.known_roles,
                "last_touch": self.last_touch, "met_week": self.met_week,
                "last_kind": self.last_kind, "introduced": self.introduced,
                "favours": self.favours}

    def __repr__(self) -> str:
        return (f"Relation(support={self.support!r}, trust={self.trust!r}, "
                f"contact={self.contact!r}, last_touch={self.last_touch!r})")


@cython.final
@cython.cclass
class Person:
    """The person currently in a stakeholder's seat (events can replace them)."""

    # Fields __init__ leaves empty (all are declared for C in state.pxd).
    care_ids: list[int]
    sway_ids: list[tuple[int, float]]

    def __init__(self, id: str, name: dict, title: dict, department: dict, roles: list,
                 key: list, influence: float, participation: dict, senior: bool,
                 traits: list, cares_about: list, sways: list, position_motive: dict,
                 personal_motive: dict, leaning: float, generation: int = 0,
                 availability: int | None = None) -> None:
        self.id = id
        self.name = name
        self.title = title
        self.department = department
        self.roles = list(roles)
        self.key = list(key)
        self.influence = influence
        self.participation = dict(participation)
        self.senior = senior
        self.traits = list(traits)
        self.cares_about = list(cares_about)
        self.sways = [tuple(s) for s in sways]
        self.position_motive = position_motive
        self.personal_motive = personal_motive
        self.leaning = leaning
        self.generation = generation
        self.availability = availability
        if availability is not None:
            self.gap = availability
        elif "KDM" in self.key:
            self.gap = 3
        elif senior and any(r in TOP_ROLES for r in self.roles):
            self.gap = 2
        else:
            self.gap = 1
        self.index = -1
        self.roles_mask = mask(self.roles, BUYING_ROLES)
        self.key_mask = mask(self.key, KEY_TAGS)
        self.traits_mask = mask(self.traits, TRAITS)
        self.trait_ids = [TRAITS.index(t) for t in self.traits]
        self.part = [float(self.participation[ph]) for ph in PHASES]
        self.pos_kind = MOTIVES.index(position_motive["kind"])
        self.pers_kind = MOTIVES.index(personal_motive["kind"])
        self.care_ids = []
        self.sway_ids = []

    def link(self, index: int, need_index: dict, person_index: dict) -> None:
        """Number the needs this person cares about and the people they sway."""
        self.index = index
        self.care_ids = [need_index[n] for n in self.cares_about]
        self.sway_ids = [(person_index[who], float(k)) for who, k in self.sways]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "title": self.title,
                "department": self.department, "roles": list(self.roles),
                "key": list(self.key), "influence": self.influence,
                "participation": dict(self.participation), "senior": self.senior,
                "traits": list(self.traits), "cares_about": list(self.cares_about),
                "sways": [list(s) for s in self.sways],
                "position_motive": self.position_motive,
                "personal_motive": self.personal_motive, "leaning": self.leaning,
                "generation": self.generation, "availability": self.availability}

    def __repr__(self) -> str:
        return f"Person({self.id!r}, generation={self.generation})"


class FactSet(MutableSet):
    """A vendor's facts seen as a set of names (for the edges and tests); it reads and
    writes the vendor's fact flags, which is what the rules use."""

    __slots__ = ("_v",)

    def __init__(self, vendor: Vendor) -> None:
        self._v = vendor

    @classmethod
    def _from_iterable(cls, names: Iterable[_S]) -> set[_S]:
        return set(names)

    def __contains__(self, name: object) -> bool:
        i = FACT_ID.get(name) if isinstance(name, str) else None
        return i is not None and self._v.has(i)

    def __iter__(self) -> Iterator[str]:
        v = self._v
        return iter([FACTS[i] for i in range(len(FACTS)) if v.has(i)])

    def __len__(self) -> int:
        v = self._v
        return sum(1 for i in range(len(FACTS)) if v.has(i))

    def add(self, name: str) -> None:
        self._v.give(_fact_id(name))

    def discard(self, name: str) -> None:
        i = FACT_ID.get(name)
        if i is not None:
            self._v.drop(i)

    def update(self, *names: Iterable[str]) -> None:
        for group in names:
            for n in group:
                self.add(n)

    def difference_update(self, *names: Iterable[str]) -> None:
        for group in names:
            for n in group:
                self.discard(n)

    def __repr__(self) -> str:
        return f"FactSet({sorted(self)!r})"


def _fact_id(name: str) -> int:
    try:
        return FACT_ID[name]
    except KeyError:
        raise ValueError(f"unknown fact {name!r}") from None


@cython.final
@cython.cclass
class Vendor:
    """One vendor in the deal: what it has done and established, and (copied from its
    scenario entry at the start) what it brings: fit per need, prices, days per role."""

    # A field __init__ leaves empty (all are declared for C in state.pxd).
    fit: list[float]

    def __init__(self, id: str, side: str, name: dict, product: dict, playbook: str,
                 difficulty: str, active: bool, joined_week: int, stage: int, budget: float,
                 spent: float = 0.0, facts: Iterable[str] = (), status: str = "active",
                 spec_bias: float = 0.0, bid: dict | None = None, max_discount: float = 0.10,
                 terms: dict | None = None, intel: dict | None = None,
                 stage_weeks: dict | None = None, days_used: dict | None = None) -> None:
        self.id = id
        self.side = side
        self.name = name
        self.product = product
        self.playbook = playbook
        self.difficulty = difficulty
        self.active = active
        self.joined_week = joined_week
        self.stage = stage
        self.budget = budget
        self.spent = spent
        self.status = status
        self.spec_bias = spec_bias
        self.bid = bid
        self.max_discount = max_discount
        self.terms = terms
        self.intel = dict(intel or {})
        self.stage_weeks = dict(stage_weeks or {})
        if not cython.compiled:  # compiled, the C arrays start zeroed
            self.flags = [0] * N_FACTS
            self.days = [0, 0, 0, 0]
            self.time = [0, 0, 0, 0]
        for role, n in (days_used or {}).items():
            self.days[ROLES.index(role)] = n
        for f in facts:
            self.flags[_fact_id(f)] = 1
        self.index = -1
        self.fit = []

    def link(self, index: int, spec: Any, need_ids: list) -> None:
        """Copy what the scenario says this vendor brings into typed fields."""
        self.index = index
        self.team = spec.side == "team"
        self.fit = [float(spec.fit.get(n, 0.0)) for n in need_ids]
        self.list_price = spec.list_price
        self.floor_price = spec.floor_price
        self.delivery_cost = spec.delivery_cost
        self.brand = spec.brand
        self.references = spec.references
        self.delivery = spec.delivery
        self.time = [spec.time.rep, spec.time.presales, spec.time.pm, spec.time.exec]
        self.by_event = spec.by_event
        self.enters_week = spec.enters_week or 0

    @cython.ccall
    def has(self, fact: cython.int) -> cython.bint:
        return self.flags[fact] != 0

    @cython.ccall
    def give(self, fact: cython.int) -> None:
        self.flags[fact] = 1

    @cython.ccall
    def drop(self, fact: cython.int) -> None:
        self.flags[fact] = 0

    @property
    def facts(self) -> FactSet:
        return FactSet(self)

    @facts.setter
    def facts(self, names: Iterable[str]) -> None:
        i: cython.int
        for i in range(N_FACTS):
            self.flags[i] = 0
        for n in names:
            self.flags[_fact_id(n)] = 1

    @property
    def days_used(self) -> dict[str, int]:
        return {ROLES[i]: self.days[i] for i in range(4) if self.days[i]}

    @days_used.setter
    def days_used(self, used: dict[str, int]) -> None:
        for i, role in enumerate(ROLES):
            self.days[i] = used.get(role, 0)

    def fact_names(self) -> list[str]:
        return sorted(FACTS[i] for i in range(len(FACTS)) if self.flags[i])

    @cython.ccall
    def copy(self) -> Vendor:
        """A copy a look-ahead may change freely (the static parts are shared)."""
        n: Vendor = Vendor.__new__(Vendor)
        i: cython.int
        n.id, n.side, n.name, n.product = self.id, self.side, self.name, self.product
        n.playbook, n.difficulty = self.playbook, self.difficulty
        n.active, n.joined_week, n.stage = self.active, self.joined_week, self.stage
        n.budget, n.spent, n.status = self.budget, self.spent, self.status
        n.spec_bias, n.max_discount = self.spec_bias, self.max_discount
        n.bid = _copy_bid(self.bid)
        n.terms = dict(self.terms) if self.terms is not None else None
        n.intel = {k: dict(x) for k, x in self.intel.items()}
        n.stage_weeks = dict(self.stage_weeks)
        if cython.compiled:
            for i in range(N_FACTS):
                n.flags[i] = self.flags[i]
            for i in range(4):
                n.days[i] = self.days[i]
                n.time[i] = self.time[i]
        else:
            n.flags, n.days, n.time = list(self.flags), list(self.days), list(self.time)
        n.index, n.team, n.fit = self.index, self.team, self.fit
        n.list_price, n.floor_price = self.list_price, self.floor_price
        n.delivery_cost, n.brand = self.delivery_cost, self.brand
        n.references, n.delivery = self.references, self.delivery
        n.by_event, n.enters_week = self.by_event, self.enters_week
        return n

    def __copy__(self) -> Vendor:
        return self.copy()

    def __deepcopy__(self, memo: dict) -> Vendor:
        return self.copy()

    def __reduce__(self) -> tuple[Any, ...]:
        statics = (self.index, self.team, self.fit, self.list_price, self.floor_price,
                   self.delivery_cost, self.brand, self.references, self.delivery,
                   list(self.time), self.by_event, self.enters_week)
        return (_restore_vendor, (self.to_dict(), statics))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "side": self.side, "name": self.name, "product": self.product,
                "playbook": self.playbook, "difficulty": self.difficulty,
                "active": self.active, "joined_week": self.joined_week, "stage": self.stage,
                "budget": self.budget, "spent": self.spent, "facts": self.fact_names(),
                "status": self.status, "spec_bias": self.spec_bias,
                "bid": _copy_bid(self.bid), "max_discount": self.max_discount,
                "terms": dict(self.terms) if self.terms is not None else None,
                "intel": {k: dict(x) for k, x in self.intel.items()},
                "stage_weeks": {str(k): w for k, w in self.stage_weeks.items()},
                "days_used": self.days_used}

    def __repr__(self) -> str:
        return f"Vendor({self.id!r}, stage={self.stage}, status={self.status!r})"


def _restore_vendor(d: dict[str, Any], statics: tuple[Any, ...]) -> Vendor:
    """A pickled vendor back, with what its scenario entry gave it."""
    v: Vendor = Vendor(**{**d, "stage_weeks": {int(k): w for k, w in d["stage_weeks"].items()}})
    time: list
    (v.index, v.team, v.fit, v.list_price, v.floor_price, v.delivery_cost, v.brand,
     v.references, v.delivery, time, v.by_event, v.enters_week) = statics
    for i in range(4):
        v.time[i] = time[i]
    return v


def _copy_bid(bid: Any) -> Any:
    if bid is None:
        return None
    out = dict(bid)
    if "counter" in out:
        out["counter"] = dict(out["counter"])
    return out


@cython.cfunc
def _deep(x: object, memo: dict) -> object:
    """`copy.deepcopy` for the plain data a tender, an award and a contract hold (dicts,
    lists, strings, numbers), done in C; anything else goes to `copy.deepcopy`. Shares what
    deepcopy shares: a container met twice is copied once (`memo`, by id)."""
    t = type(x)
    if x is None or t is str or t is float or t is int or t is bool:
        return x
    key = id(x)
    if t is dict:
        got = memo.get(key)
        if got is not None:
            return got
        d: dict = {}
        memo[key] = d
        for k, val in cython.cast(dict, x).items():
            d[k] = _deep(val, memo)
        return d
    if t is list:
        got = memo.get(key)
        if got is not None:
            return got
        out: list = []
        memo[key] = out
        for val in cython.cast(list, x):
            out.append(_deep(val, memo))
        return out
    return copy.deepcopy(x, memo)


@cython.final
@cython.cclass
class GameState:
    """One game. `touch()` after changing anything from outside the week loop."""

    # Fields __init__ leaves empty or unset (all are declared for C in state.pxd).
    cache: dict[Any, Any]
    panel: Panel | None
    texts: dict[str, Any] | None
    public: tuple[dict[str, Any] | None, dict[str, Any] | None] | None
    tviews: list[VendorView | None]
    sways: Sways | None
    plist: list[Person]
    vlist: list[Vendor]
    rels: list[list[Relation]]
    vorder: list[int]

    def __init__(self, spec: ScenarioSpec, seed: int, rng: int, week: int, calendar: dict,
                 budget: float, need_weights: dict, criteria: dict, first_payment_max: float,
                 first_payment_min: float, shelve_risk: float, people: dict, vendors: dict,
                 relations: dict, fired: list | None = None, pending: dict | None = None,
                 tender: dict | None = None, award: dict | None = None,
                 contract: dict | None = None, outcome: dict | None = None,
                 log: list | None = None, plans: list | None = None,
                 history: list | None = None, need_raw: dict | None = None,
                 world_rng: int | None = None, rumours: dict | None = None,
                 replaced: list | None = None) -> None:
        self.spec = spec
        self.last_week = spec.last_week
        self.seed = seed
        self.dice = Rng(rng)
        # The customer's own dice (events, people moving on): a stream apart from the
        # vendors' moves, so that games that differ in one vendor's moves meet the same world.
        self.world = Rng(world_rng if world_rng is not None else world_seed(seed))
        cust = spec.customer
        self.procurement = PROCUREMENTS.index(cust.procurement.value)
        self.personnel_chance = cust.personnel.weekly_chance
        self.rumour_weeks = cust.personnel.rumour_weeks
        self.approved_week = cust.budget_approved_week
        self.rumours = dict(rumours or {})
        self.replaced = list(replaced or [])
        self.week = week
        self.calendar = calendar
        self.budget = budget
        self.need_weights = need_weights
        self.criteria = criteria
        self.first_payment_max = first_payment_max
        self.first_payment_min = first_payment_min
        self.shelve_risk = shelve_risk
        self.people = people
        self.vendors = vendors
        self.relations = relations
        self.fired = list(fired or [])
        self.pending = dict(pending or {})
        self.tender = tender
        self.award = award
        self.contract = contract
        self.outcome = outcome
        self.log = list(log or [])
        self.plans = list(plans or [])
        self.history = list(history or [])
        self.need_raw = dict(need_raw or {})
        self.cache = {}
        self.recording = True
        self.turn_id = 0
        self.panel = None
        self.panel_stamp = -1
        self.texts = None
        self.tviews = []
        self.tviews_turn = -1
        self.sways = None
        self.sways_stamp = -1
        self.event_ids = [e.id for e in spec.events]
        self.event_lo = [e.trigger.weeks[0] for e in spec.events]
        self.event_hi = [e.trigger.weeks[1] for e in spec.events]
        self.public = None
        self.public_turn = -1
        self.stamp = 0
        self.need_ids = list(need_weights)
        self.need_index = {n: i for i, n in enumerate(self.need_ids)}
        self.vendor_specs = {s.id: s for s in spec.vendors}
        self.event_specs = list(spec.events)
        self.event_index = {e.id: i for i, e in enumerate(spec.events)}
        self.plist = []
        self.vlist = []
        self.rels = []
        self.vorder = []
        self.relink()

    def relink(self) -> None:
        """Number people and vendors, point the lists at the dicts' records and copy the
        dicts' numbers into the typed mirrors."""
        person_index = {pid: i for i, pid in enumerate(self.people)}
        self.plist = list(self.people.values())
        for i, p in enumerate(self.plist):
            p.link(i, self.need_index, person_index)
        self.vlist = list(self.vendors.values())
        for i, v in enumerate(self.vlist):
            v.link(i, self.vendor_specs[v.id], self.need_ids)
        self.rels = [[self.relations[v.id][p.id] for p in self.plist] for v in self.vlist]
        self.vorder = sorted(range(len(self.vlist)), key=lambda k: self.vlist[k].id)
        self.n_people = len(self.plist)
        self.n_vendors = len(self.vlist)
        self.n_needs = len(self.need_ids)
        self.sync()

    @cython.ccall
    def sync(self) -> None:
        """Copy the calendar, need weights and criteria into their typed mirrors and forget
        derived values; the engine calls it after an event changes any of them."""
        cal = self.calendar
        self.cal_initiation = cal["initiation"]
        self.cal_tender_issue = cal["tender_issue"]
        self.cal_bid_deadline = cal["bid_deadline"]
        self.cal_award = cal["award"]
        self.cal_contract = cal["contract"]
        self.cal_notice = cal["notice_weeks"]
        self.nw = [float(self.need_weights[n]) for n in self.need_ids]
        self.crit_technical = self.criteria["technical"]
        self.crit_price = self.criteria["price"]
        self.crit_service = self.criteria["service"]
        self.stamp += 1

    def touch(self) -> None:
        """Forget every derived value: the state was changed from outside the week loop."""
        self.new_turn()
        self.sync()

    def new_turn(self) -> None:
        """Forget the turn's derived values."""
        self.cache.clear()
        self.tviews_turn = -1
        self.public_turn = -1

    @property
    def rng(self) -> int:
        return self.dice.s

    @rng.setter
    def rng(self, value: int) -> None:
        self.dice.s = value

    @property
    def world_rng(self) -> int:
        return self.world.s

    @world_rng.setter
    def world_rng(self, value: int) -> None:
        self.world.s = value

    def vendor_spec(self, vid: str) -> Any:
        """The authored VendorSpec of a vendor (the scenario is frozen, so this never stales)."""
        return self.vendor_specs[vid]

    @property
    def over(self) -> bool:
        return self.outcome is not None

    def phase(self) -> str:
        return PHASES[self.phase_id()]

    @cython.ccall
    def phase_id(self) -> cython.int:
        """The customer's procurement phase this week, as a number (ids.PHASES)."""
        w: cython.int = self.week
        if w < self.cal_initiation:
            return PH_EARLY
        if w < self.cal_tender_issue:
            return PH_SOLUTION
        if w <= self.cal_bid_deadline:
            return PH_TENDER
        if w <= self.cal_award + self.cal_notice:
            return PH_DECISION
        return PH_CONTRACT

    @cython.ccall
    def rel(self, v: cython.int, p: cython.int) -> Relation:
        return self.rels[v][p]

    def __deepcopy__(self, memo: dict) -> GameState:
        """An independent copy with its record (through the save format, which holds it)."""
        from game.core.serialize import state_from_dict, state_to_dict

        copy_ = state_from_dict(state_to_dict(self, with_spec=False), self.spec)
        copy_.recording = self.recording
        copy_.turn_id = self.turn_id
        return copy_

    def __reduce__(self) -> tuple[Any, ...]:
        from game.core.serialize import state_from_dict, state_to_dict

        return (state_from_dict, (state_to_dict(self),))

    @cython.ccall
    def fork(self) -> GameState:
        """A copy a look-ahead may change freely: vendors, relations and the cold dicts are
        copied; people, the scenario and the tables built from it are shared (read-only).
        A fork keeps no record of the past (log, plans, history) and records nothing."""
        n: GameState = GameState.__new__(GameState)
        n.spec, n.seed, n.last_week = self.spec, self.seed, self.last_week
        n.dice = Rng(self.dice.s)
        n.world = Rng(self.world.s)
        n.procurement, n.rumour_weeks = self.procurement, self.rumour_weeks
        n.approved_week, n.personnel_chance = self.approved_week, self.personnel_chance
        n.rumours = dict(self.rumours)
        n.replaced = list(self.replaced)
        n.week = self.week
        n.calendar = dict(self.calendar)
        n.need_weights = dict(self.need_weights)
        n.criteria = dict(self.criteria)
        n.need_raw = dict(self.need_raw)
        n.budget = self.budget
        n.first_payment_max = self.first_payment_max
        n.first_payment_min = self.first_payment_min
        n.shelve_risk = self.shelve_risk
        n.people = dict(self.people)
        n.plist = list(self.plist)
        v: Vendor
        r: Relation
        n.vlist = []
        n.vendors = {}
        for v in self.vlist:
            v = v.copy()
            n.vlist.append(v)
            n.vendors[v.id] = v
        n.rels = []
        for rels in self.rels:
            copies = []
            for r in rels:
                copies.append(r.copy())
            n.rels.append(copies)
        n.relations = {v.id: {p.id: n.rels[v.index][p.index] for p in n.plist}
                       for v in n.vlist}
        n.fired = list(self.fired)
        n.pending = {}
        n.tender = _deep(self.tender, {})
        n.award = _deep(self.award, {})
        n.contract = _deep(self.contract, {})
        n.outcome = None
        n.log, n.plans, n.history = [], [], []
        n.cache = {}
        n.recording = False
        n.turn_id = self.turn_id
        n.panel, n.panel_stamp, n.stamp = self.panel, self.panel_stamp, self.stamp
        n.texts = self.texts
        n.tviews, n.tviews_turn, n.public, n.public_turn = [], -1, None, -1
        n.sways, n.sways_stamp = self.sways, self.sways_stamp
        n.event_ids, n.event_lo, n.event_hi = self.event_ids, self.event_lo, self.event_hi
        n.need_ids, n.need_index = self.need_ids, self.need_index
        n.vendor_specs, n.event_specs = self.vendor_specs, self.event_specs
        n.event_index = self.event_index
        n.vorder = self.vorder
        n.n_people, n.n_vendors, n.n_needs = self.n_people, self.n_vendors, self.n_needs
        n.cal_initiation, n.cal_tender_issue = self.cal_initiation, self.cal_tender_issue
        n.cal_bid_deadline, n.cal_award = self.cal_bid_deadline, self.cal_award
        n.cal_contract, n.cal_notice = self.cal_contract, self.cal_notice
        n.nw = self.nw
        n.crit_technical, n.crit_price = self.crit_technical, self.crit_price
        n.crit_service = self.crit_service
        return n

    def vendor_index(self, vid: str) -> int:
        return self.vendors[vid].index

    def replace_person(self, new: Person) -> None:
        """Seat a newcomer where `new.id` sat (same index, same place in the dicts)."""
        old: Person = self.people[new.id]
        self.people[new.id] = new
        self.plist[old.index] = new
        new.link(old.index, self.need_index, {p.id: p.index for p in self.plist})


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
