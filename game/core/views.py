"""What one vendor knows: `vendor_view(state, vendor)` as a typed object, `view(state, vendor)`
as the JSON-ready dict the window and the network show; what the trainer sees:
`trainer_view(state)`.

A view is built by copying in only what the vendor has learned, so a secret is absent rather
than hidden: undiscovered motives, rivals' relations, budgets, facts and bids (until opened)
never enter it. The AI, the coach and the checks read the typed view; the dict is made from it
on demand (`VendorView.to_dict`), and a dict turns back into the same typed view
(`VendorView.from_dict`), so a client that holds only the JSON can run the same checks.
"""

from __future__ import annotations

import copy
from typing import Any

import cython

from game.core.health import health_dict, health_now
from game.core.ids import BUYING_ROLES as _BUYING_ROLES
from game.core.ids import (
    CONTACT_LEVELS,
    CRITERIA,
    CRITERION_ID,
    FACT_ID,
    FACTS,
    KEY_TAGS,
    KINDS,
    MOTIVES,
    PHASES,
    PROCUREMENTS,
    TRAITS,
    mask,
)
from game.core.informants import (
    COACH_FAVOURS,
    has_coach_anywhere,
    hears_rumours,
    knows_favourite,
)
from game.core.num import fround
from game.core.preference import chosen, favourite
from game.core.stages import STAGE_CRITERIA, criterion_met
from game.core.state import NEVER, GameState, Person, Relation, Vendor

if not cython.compiled:
    from game.core.ids import (
        C_COACH,
        C_INSIDER,
        F_CRITERIA_KNOWN,
        F_EL_BUDGET,
        K_KDM,
        N_FACTS,
    )

PUBLIC_VENDOR_KEYS = (
    "id", "name", "product", "brand", "references", "active", "status",
    "stage_estimate", "estimate_week", "bid_price",
)
TIME_KEYS = ("rep", "presales", "pm", "exec")


@cython.final
@cython.freelist(256)
@cython.cclass
class PersonView:
    """One person as a vendor knows them. Roles, needs and each motive are present only once
    learned (`roles_known`, `needs_known`, `pos_known`, `pers_known`); until then their
    fields hold nothing (None, empty, -1), not the truth."""

    # Fields (declared for C in views.pxd; annotated here for type checkers). Roles, needs
    # and motives hold None until the vendor has learned them.
    id: str
    index: int
    name: dict[str, str] | None
    title: dict[str, str] | None
    department: dict[str, str] | None
    senior: bool
    generation: int
    support: float
    trust: float
    contact: int
    last_touch: int
    roles_known: bool
    needs_known: bool
    pos_known: bool
    pers_known: bool
    roles: list[str] | None
    key: list[str] | None
    sways: list[tuple[str, float]] | None
    influence: float
    part_now: float
    roles_mask: int
    key_mask: int
    cares_about: list[str] | None
    traits: list[str] | None
    traits_mask: int
    trait_ids: list[int]
    care_ids: list[int]
    position_motive: dict[str, Any] | None
    personal_motive: dict[str, Any] | None
    pos_kind: int
    pers_kind: int
    gap: int
    met_week: int
    free_week: int
    last_kind: int
    favours_left: int
    rumour: int
    introduced: bool
    needs_intro: bool
    favourite: str | None
    committed: bool

    def __init__(self) -> None:
        self.id = ""
        self.index = -1
        self.name = self.title = self.department = None
        self.senior = False
        self.generation = 0
        self.support = self.trust = 0.0
        self.contact = self.last_touch = 0
        self.roles_known = self.needs_known = self.pos_known = self.pers_known = False
        self.roles = self.key = self.sways = None
        self.influence = 0.0
        self.part_now = 0.0
        self.roles_mask = self.key_mask = 0
        self.cares_about = self.traits = None
        self.traits_mask = 0
        self.trait_ids = []
        self.care_ids = []
        self.position_motive = self.personal_motive = None
        self.pos_kind = self.pers_kind = -1
        self.gap = 1
        self.met_week = NEVER
        self.free_week = 0
        self.last_kind = -1
        self.favours_left = 0
        self.rumour = 0
        self.introduced = True
        self.needs_intro = False
        self.favourite = None
        self.committed = False

    def available(self, week: int) -> bool:
        """Whether this person will see us this week (seniors and the KDM not every week)."""
        return week >= self.free_week

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id, "name": self.name, "title": self.title,
            "department": self.department, "senior": self.senior,
            "generation": self.generation, "support": self.support, "trust": self.trust,
            "contact": CONTACT_LEVELS[self.contact], "contact_level": self.contact,
            "last_touch": self.last_touch, "availability": self.gap,
            "met_week": self.met_week, "free_week": self.free_week,
            "last_move": KINDS[self.last_kind] if self.last_kind >= 0 else None,
            "introduced": self.introduced, "needs_introduction": self.needs_intro,
            "favourite": self.favourite, "committed": self.committed,
            "favours_left": self.favours_left,
            "rumour": self.rumour,
        }
        if self.roles_known:  # then roles, key and sways are filled in
            assert self.roles is not None and self.key is not None and self.sways is not None
            d["roles"] = list(self.roles)
            d["key"] = list(self.key)
            d["influence"] = self.influence
            d["participation_now"] = self.part_now
            d["sways"] = [{"who": who, "strength": k} for who, k in self.sways]
        if self.needs_known:  # then cares_about and traits are filled in
            assert self.cares_about is not None and self.traits is not None
            d["cares_about"] = list(self.cares_about)
            d["traits"] = list(self.traits)
        if self.pos_known:
            d["position_motive"] = self.position_motive
        if self.pers_known:
            d["personal_motive"] = self.personal_motive
        return d

    @staticmethod
    def from_dict(d: dict[str, Any], index: int, need_index: dict) -> PersonView:
        pv = PersonView()
        pv.id = d["id"]
        pv.index = index
        pv.name, pv.title, pv.department = d["name"], d["title"], d["department"]
        pv.senior = bool(d["senior"])
        pv.generation = d.get("generation", 0)
        pv.support = float(d["support"])
        pv.trust = float(d["trust"])
        pv.contact = int(d["contact_level"])
        pv.last_touch = int(d["last_touch"])
        pv.gap = int(d["availability"])
        pv.met_week = int(d["met_week"])
        pv.free_week = int(d["free_week"])
        pv.last_kind = KINDS.index(d["last_move"]) if d["last_move"] else -1
        pv.introduced = bool(d["introduced"])
        pv.needs_intro = bool(d["needs_introduction"])
        pv.favourite = d["favourite"]
        pv.committed = bool(d.get("committed", False))
        pv.favours_left = int(d["favours_left"])
        pv.rumour = int(d["rumour"])
        if "roles" in d:
            pv.roles_known = True
            pv.roles = list(d["roles"])
            pv.key = list(d["key"])
            pv.influence = float(d["influence"])
            pv.part_now = float(d["participation_now"])
            pv.sways = [(s["who"], s["strength"]) for s in d.get("sways", [])]
            pv.roles_mask = mask(pv.roles, _BUYING_ROLES)
            pv.key_mask = mask(pv.key, KEY_TAGS)
        if "cares_about" in d:
            pv.needs_known = True
            pv.cares_about = list(d["cares_about"])
            pv.traits = list(d["traits"])
            pv.traits_mask = mask(pv.traits, TRAITS)
            pv.trait_ids = [TRAITS.index(t) for t in pv.traits]
            pv.care_ids = [need_index[n] for n in pv.cares_about if n in need_index]
        if "position_motive" in d:
            pv.pos_known = True
            pv.position_motive = d["position_motive"]
            pv.pos_kind = MOTIVES.index(pv.position_motive["kind"])
        if "personal_motive" in d:
            pv.pers_known = True
            pv.personal_motive = d["personal_motive"]
            pv.pers_kind = MOTIVES.index(pv.personal_motive["kind"])
        return pv


@cython.final
@cython.freelist(256)
@cython.cclass
class MeView:
    """The vendor's own position, all of it, and what it brings to the deal."""

    # Fields (declared for C in views.pxd; annotated here for type checkers).
    id: str
    side: str
    playbook: str
    difficulty: str
    status: str
    name: dict[str, str]
    product: dict[str, str]
    active: bool
    stage: int
    budget: float
    spent: float
    spec_bias: float
    max_discount: float
    flags: list[int]
    bid: dict[str, Any] | None
    terms: dict[str, Any] | None
    intel: dict[str, dict[str, Any]]
    stage_weeks: dict[int, int]
    fit_dict: dict[str, float]
    time: list[int]
    fit: list[float]
    list_price: float
    floor_price: float
    delivery_cost: float
    brand: float
    delivery: float
    references: int

    def __init__(self) -> None:
        if not cython.compiled:  # compiled, the C arrays start zeroed
            self.flags = [0] * N_FACTS
            self.time = [0, 0, 0, 0]
        self.fit = []

    @cython.ccall
    def has(self, fact: cython.int) -> cython.bint:
        return self.flags[fact] != 0

    def facts(self) -> list[str]:
        return [FACTS[i] for i in range(N_FACTS) if i < len(FACTS) and self.flags[i]]

    def to_dict(self, need_ids: list) -> dict[str, Any]:
        return {
            "id": self.id, "side": self.side, "name": self.name, "product": self.product,
            "playbook": self.playbook, "difficulty": self.difficulty, "active": self.active,
            "stage": self.stage, "status": self.status, "budget": self.budget,
            "spent": self.spent, "facts": sorted(self.facts()), "spec_bias": self.spec_bias,
            "bid": _copy(self.bid), "max_discount": self.max_discount,
            "terms": dict(self.terms) if self.terms else None,
            "intel": {k: dict(x) for k, x in self.intel.items()},
            "time": {TIME_KEYS[i]: self.time[i] for i in range(4)},
            "fit": dict(self.fit_dict),
            "list_price": self.list_price, "floor_price": self.floor_price,
            "delivery_cost": self.delivery_cost, "brand": self.brand,
            "references": self.references, "delivery": self.delivery,
            "stage_weeks": dict(self.stage_weeks),
        }

    @staticmethod
    def from_dict(d: dict[str, Any], need_ids: list) -> MeView:
        m = MeView()
        m.id, m.side, m.name, m.product = d["id"], d["side"], d["name"], d["product"]
        m.playbook, m.difficulty = d["playbook"], d["difficulty"]
        m.active, m.stage, m.status = bool(d["active"]), int(d["stage"]), d["status"]
        m.budget, m.spent = float(d["budget"]), float(d["spent"])
        for f in d["facts"]:
            m.flags[FACT_ID[f]] = 1
        m.spec_bias = float(d["spec_bias"])
        m.bid = _copy(d["bid"])
        m.max_discount = float(d["max_discount"])
        m.terms = dict(d["terms"]) if d["terms"] else None
        m.intel = {k: dict(x) for k, x in d["intel"].items()}
        m.time = [int(d["time"][k]) for k in TIME_KEYS]
        m.fit_dict = dict(d["fit"])
        m.fit = [float(m.fit_dict.get(n, 0.0)) for n in need_ids]
        m.list_price, m.floor_price = float(d["list_price"]), float(d["floor_price"])
        m.delivery_cost, m.brand = float(d["delivery_cost"]), float(d["brand"])
        m.references, m.delivery = int(d["references"]), float(d["delivery"])
        m.stage_weeks = dict(d["stage_weeks"])
        return m


def _copy(bid: Any) -> Any:
    return dict(bid) if bid else None


@cython.final
@cython.freelist(256)
@cython.cclass
class RivalView:
    """A rival as this vendor sees it: public facts, and its stage as far as our insiders
    told us (None until they do)."""

    # Fields (declared for C in views.pxd; annotated here for type checkers); the estimate
    # and the bid price are None until learned.
    id: str
    name: Any
    product: Any
    brand: Any
    references: Any
    active: Any
    status: Any
    stage_estimate: int | None
    estimate_week: int | None
    bid_price: float | None

    def __init__(self, d: dict[str, Any] | None = None) -> None:
        if d is not None:
            for k in PUBLIC_VENDOR_KEYS:
                setattr(self, k, d[k])

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in PUBLIC_VENDOR_KEYS}


@cython.final
@cython.freelist(256)
@cython.cclass
class VendorView:
    """Everything one vendor knows this week, typed for the rules and the AI."""

    # Fields (declared for C in views.pxd; annotated here for type checkers).
    vendor: str
    vi: int
    week: int
    last_week: int
    phase: int
    over: bool
    procurement: str
    calendar: dict[str, int]
    cal_initiation: int
    cal_tender_issue: int
    cal_bid_deadline: int
    cal_award: int
    cal_contract: int
    cal_notice: int
    texts: dict[str, Any] | None
    need_ids: list[str]
    need_names: list[dict[str, str]]
    nw: list[float]
    budget_known: bool
    cust_budget: float
    first_payment_max: float
    criteria: dict[str, Any] | None
    me: MeView
    rivals: list[RivalView]
    people: list[PersonView]
    pending: list[dict[str, Any]]
    check_ids: list[int]
    check_done: list[bool]
    tender: dict[str, Any] | None
    award: dict[str, Any] | None
    contract: dict[str, Any] | None
    outcome: dict[str, Any] | None
    health: dict[str, Any] | None
    log: list[dict[str, Any]] | None

    def __init__(self) -> None:
        self.procurement = "invited"
        self.people = []
        self.rivals = []
        self.pending = []
        self.check_ids = []
        self.check_done = []
        self.need_ids = []
        self.need_names = []
        self.nw = []
        self.health = None
        self.log = None
        self.texts = None

    def person(self, pid: str) -> PersonView | None:
        for pv in self.people:
            if pv.id == pid:
                return pv
        return None

    def to_dict(self) -> dict[str, Any]:
        """The view as plain JSON-ready data (the window's and the network's form)."""
        texts = self.texts
        assert texts is not None  # every built or loaded view has its texts
        out: dict[str, Any] = {
            "vendor": self.vendor,
            "week": self.week,
            "last_week": self.last_week,
            "phase": PHASES[self.phase],
            "over": self.over,
            "calendar": dict(self.calendar),
            "scenario": texts["scenario"],
            "customer": {
                "name": texts["name"],
                "industry": texts["industry"],
                "size": texts["size"],
                "profile": texts["profile"],
                "needs": [{"id": nid, "name": name, "weight": w}
                          for nid, name, w in zip(self.need_ids, self.need_names, self.nw,
                                                  strict=True)],
                "budget": self.cust_budget if self.budget_known else None,
                "criteria": dict(self.criteria) if self.criteria is not None else None,
                "first_payment_max": self.first_payment_max if self.budget_known else None,
                "procurement": self.procurement,
            },
            "me": self.me.to_dict(self.need_ids),
            "rivals": [r.to_dict() for r in self.rivals],
            "people": [pv.to_dict() for pv in self.people],
            "tender": copy.deepcopy(self.tender),
            "award": dict(self.award) if self.award else None,
            "contract": dict(self.contract) if self.contract else None,
            "pending": [dict(p) for p in self.pending],
            "checklist": [{"key": CRITERIA[cr], "done": bool(done)}
                          for cr, done in zip(self.check_ids, self.check_done, strict=True)],
            "health": self.health,
            "outcome": dict(self.outcome) if self.outcome else None,
        }
        if self.log is not None:
            out["log"] = self.log
        return out

    @staticmethod
    def from_dict(d: dict[str, Any]) -> VendorView:
        """The typed view of a view dict (a client that holds only JSON, or a test)."""
        vv = VendorView()
        vv.vendor = d["vendor"]
        vv.vi = -1
        vv.week, vv.last_week = int(d["week"]), int(d["last_week"])
        vv.phase = PHASES.index(d["phase"])
        vv.over = bool(d["over"])
        vv.calendar = dict(d["calendar"])
        _calendar(vv)
        c = d["customer"]
        vv.need_ids = [n["id"] for n in c["needs"]]
        vv.need_names = [n["name"] for n in c["needs"]]
        vv.nw = [float(n["weight"]) for n in c["needs"]]
        need_index = {n: i for i, n in enumerate(vv.need_ids)}
        vv.budget_known = c["budget"] is not None
        vv.cust_budget = float(c["budget"]) if vv.budget_known else 0.0
        vv.first_payment_max = float(c["first_payment_max"]) \
            if c["first_payment_max"] is not None else 0.0
        vv.criteria = dict(c["criteria"]) if c["criteria"] is not None else None
        vv.procurement = c["procurement"]
        vv.texts = {"scenario": d["scenario"], "name": c["name"], "industry": c["industry"],
                    "size": c["size"], "profile": c["profile"]}
        vv.me = MeView.from_dict(d["me"], vv.need_ids)
        vv.rivals = [RivalView(r) for r in d["rivals"]]
        vv.people = [PersonView.from_dict(p, i, need_index) for i, p in enumerate(d["people"])]
        vv.tender = copy.deepcopy(d["tender"])
        vv.award = dict(d["award"]) if d["award"] else None
        vv.contract = dict(d["contract"]) if d["contract"] else None
        vv.pending = [dict(p) for p in d["pending"]]
        vv.check_ids = [CRITERION_ID[c["key"]] for c in d["checklist"]]
        vv.check_done = [bool(c["done"]) for c in d["checklist"]]
        vv.health = d.get("health")
        vv.outcome = dict(d["outcome"]) if d.get("outcome") else None
        vv.log = d.get("log")
        return vv


@cython.cfunc
def _calendar(vv: VendorView) -> cython.void:
    cal = vv.calendar
    vv.cal_initiation = cal["initiation"]
    vv.cal_tender_issue = cal["tender_issue"]
    vv.cal_bid_deadline = cal["bid_deadline"]
    vv.cal_award = cal["award"]
    vv.cal_contract = cal["contract"]
    vv.cal_notice = cal["notice_weeks"]


@cython.cfunc
def _fixed(state: GameState) -> dict:
    """The parts of every view that only the scenario decides (titles, the customer's texts,
    the needs' names), built once per game and shared by the views."""
    got = state.texts
    if got is not None:
        return got
    spec = state.spec
    cust = spec.customer
    got = state.texts = {
        "scenario": {
            "id": spec.id,
            "title": {"zh": spec.title.zh, "en": spec.title.en},
            "summary": {"zh": spec.summary.zh, "en": spec.summary.en},
        },
        "name": {"zh": cust.name.zh, "en": cust.name.en},
        "industry": {"zh": cust.industry.zh, "en": cust.industry.en},
        "size": {"zh": cust.size.zh, "en": cust.size.en},
        "profile": {"zh": cust.profile.zh, "en": cust.profile.en},
        "need_names": [{"zh": n.name.zh, "en": n.name.en} for n in cust.needs],
        "fit": {v.id: dict(v.fit) for v in spec.vendors},
    }
    return got


@cython.cfunc
def _person_view(state: GameState, vi: cython.int, p: Person, r: Relation, phase: cython.int,
                 coach: cython.bint, rumoured: cython.bint, favs: list | None) -> PersonView:
    pv: PersonView = PersonView.__new__(PersonView)
    pv.gap = p.gap
    pv.met_week = r.met_week
    pv.free_week = r.met_week + p.gap
    pv.last_kind = r.last_kind
    pv.introduced = r.introduced
    pv.favours_left = COACH_FAVOURS - r.favours if r.contact >= C_COACH else 0
    pv.rumour = state.rumours.get(p.id, 0) if rumoured else 0
    fav: cython.int
    told: cython.bint = knows_favourite(state, vi, p, coach)
    if told:
        if favs is None:
            fav = favourite(state, p.index)
        else:  # worked out once this turn for every vendor's view
            fav = favs[p.index]
            if fav == -2:
                fav = favourite(state, p.index)
                favs[p.index] = fav
        pv.favourite = "" if fav < 0 else cython.cast(Vendor, state.vlist[fav]).id
        # Whoever can tell the KDM's favourite can tell whether the KDM has chosen them (W).
        pv.committed = fav >= 0 and bool(p.key_mask & K_KDM) and chosen(state, p.index) == fav
    else:
        pv.favourite = None
        pv.committed = False
    # A coach names the favourites of the KDM and the evaluators, so it has told us who
    # they are: a favourite shown for someone we had not placed comes with their roles.
    placed: cython.bint = r.known_roles or (told and r.contact < C_INSIDER)
    pv.needs_intro = bool(p.key_mask & K_KDM) and not r.introduced and placed
    pv.id = p.id
    pv.index = p.index
    pv.name = p.name
    pv.title = p.title
    pv.department = p.department
    pv.senior = p.senior
    pv.generation = p.generation
    pv.support = r.support
    pv.trust = r.trust
    pv.contact = r.contact
    pv.last_touch = r.last_touch
    pv.roles_known = placed
    pv.needs_known = r.known_needs
    pv.pos_known = r.known_position
    pv.pers_known = r.known_personal
    if placed:
        pv.roles = p.roles
        pv.key = p.key
        pv.influence = p.influence
        pv.part_now = p.part[phase]
        pv.sways = p.sways
        pv.roles_mask = p.roles_mask
        pv.key_mask = p.key_mask
    else:
        pv.roles = pv.key = pv.sways = None
        pv.influence = 0.0
        pv.part_now = 0.0
        pv.roles_mask = pv.key_mask = 0
    if r.known_needs:
        pv.cares_about = p.cares_about
        pv.traits = p.traits
        pv.traits_mask = p.traits_mask
        pv.trait_ids = p.trait_ids
        pv.care_ids = p.care_ids
    else:
        pv.cares_about = pv.traits = None
        pv.traits_mask = 0
        # A batch game's views (`favs` given) share one empty list: views are read-only.
        pv.trait_ids = _NO_IDS if favs is not None else []
        pv.care_ids = _NO_IDS if favs is not None else []
    if r.known_position:
        pv.position_motive = p.position_motive
        pv.pos_kind = p.pos_kind
    else:
        pv.position_motive = None
        pv.pos_kind = -1
    if r.known_personal:
        pv.personal_motive = p.personal_motive
        pv.pers_kind = p.pers_kind
    else:
        pv.personal_motive = None
        pv.pers_kind = -1
    return pv


@cython.cfunc
def _me(state: GameState, v: Vendor, texts: dict, full: cython.bint) -> MeView:
    m: MeView = MeView.__new__(MeView)
    i: cython.int
    m.id = v.id
    m.side = v.side
    m.name = v.name
    m.product = v.product
    m.playbook = v.playbook
    m.difficulty = v.difficulty
    m.active = v.active
    m.stage = v.stage
    m.status = v.status
    m.budget = fround(v.budget, 4)
    m.spent = fround(v.spent, 4)
    if cython.compiled:
        for i in range(N_FACTS):
            m.flags[i] = v.flags[i]
        for i in range(4):
            m.time[i] = v.time[i]
    else:
        m.flags = list(v.flags)
        m.time = list(v.time)
    m.spec_bias = fround(v.spec_bias, 4)
    m.max_discount = v.max_discount
    if full:  # a snapshot the caller may keep
        m.bid = dict(v.bid) if v.bid else None
        m.terms = dict(v.terms) if v.terms else None
        m.intel = {k: dict(x) for k, x in v.intel.items()}
        m.stage_weeks = dict(v.stage_weeks)
    else:  # valid until the week resolves, which is all a planner needs
        m.bid = v.bid if v.bid else None
        m.terms = v.terms if v.terms else None
        m.intel = v.intel
        m.stage_weeks = v.stage_weeks
    m.fit = v.fit
    m.fit_dict = texts["fit"][v.id]
    m.list_price = v.list_price
    m.floor_price = v.floor_price
    m.delivery_cost = v.delivery_cost
    m.brand = v.brand
    m.references = v.references
    m.delivery = v.delivery
    return m


@cython.cfunc
def _rival(state: GameState, me: Vendor, o: Vendor, bids: dict) -> RivalView:
    rv: RivalView = RivalView.__new__(RivalView)
    est = me.intel.get(o.id)
    rv.id = o.id
    rv.name = o.name
    rv.product = o.product
    rv.brand = o.brand
    rv.references = o.references
    rv.active = o.active
    rv.status = o.status if state.tender else "active"
    rv.stage_estimate = est["stage"] if est else None
    rv.estimate_week = est["week"] if est else None
    bid = bids.get(o.id)
    rv.bid_price = bid["price"] if bid is not None else None
    return rv


def _public_tender(state: GameState) -> dict[str, Any] | None:
    t = state.tender
    if t is None:
        return None
    return {
        "week": t["week"],
        "ranking": list(t["ranking"]),
        "totals": dict(t["totals"]),
        "bids": {k: {"price": b["price"]} for k, b in t["bids"].items()},
        "preferred": t["preferred"],
        "override": t.get("override", False),
    }


@cython.cfunc
def _public_parts(state: GameState) -> tuple:
    """The public tender and the award as every view this turn shows them (built once per
    turn and shared: views are read-only)."""
    if state.public_turn != state.turn_id:
        state.public = (_public_tender(state), dict(state.award) if state.award else None)
        state.public_turn = state.turn_id
    public = state.public
    assert public is not None  # made above for this turn
    return public


@cython.cfunc
def _pending(state: GameState, event_id: str) -> dict:
    ev = state.event_specs[state.event_index[event_id]]
    return {
        "event": ev.id,
        "title": {"zh": ev.title.zh, "en": ev.title.en},
        "text": {"zh": ev.text.zh, "en": ev.text.en},
        "choices": [
            {"id": c.id, "label": {"zh": c.label.zh, "en": c.label.en}, "cost": c.cost}
            for c in ev.choices
        ],
    }


@cython.ccall
def build_view(state: GameState, vi: cython.int, full: cython.bint) -> VendorView:
    """Vendor number `vi`'s view now. A `full` view is a snapshot with the vendor's C931
    (what windows and tools keep); otherwise the view shares some of the vendor's own dicts
    and is good until the week resolves, which is all a planner needs."""
    return _build(state, vi, full, None)


@cython.cfunc
def _build(state: GameState, vi: cython.int, full: cython.bint, favs: list | None
           ) -> VendorView:
    """`build_view`; `favs`, when given, keeps each person's favourite (-2 until worked
    out) for the other views of the same turn."""
    v: Vendor = state.vlist[vi]
    rels: list = state.rels[vi]
    phase: cython.int = state.phase_id()
    texts = _fixed(state)
    vv: VendorView = VendorView.__new__(VendorView)
    vv.vendor = v.id
    vv.vi = vi
    vv.week = state.week
    vv.last_week = state.last_week
    vv.phase = phase
    vv.over = state.outcome is not None
    vv.procurement = PROCUREMENTS[state.procurement]
    vv.calendar = dict(state.calendar) if full else state.calendar
    vv.cal_initiation = state.cal_initiation
    vv.cal_tender_issue = state.cal_tender_issue
    vv.cal_bid_deadline = state.cal_bid_deadline
    vv.cal_award = state.cal_award
    vv.cal_contract = state.cal_contract
    vv.cal_notice = state.cal_notice
    vv.texts = texts
    vv.need_ids = state.need_ids
    vv.need_names = texts["need_names"]
    # A batch game's views of one turn share the rounded need weights (views are read-only).
    vv.nw = _turn_nw(state) if favs is not None else [fround(w, 4) for w in state.nw]
    vv.budget_known = v.has(F_EL_BUDGET)
    vv.cust_budget = fround(state.budget, 2) if vv.budget_known else 0.0
    vv.first_payment_max = state.first_payment_max if vv.budget_known else 0.0
    vv.criteria = (dict(state.criteria) if full else state.criteria) \
        if v.has(F_CRITERIA_KNOWN) else None
    vv.me = _me(state, v, texts, full)
    o: Vendor
    bids = state.tender["bids"] if state.tender is not None else {}
    rivals = []
    for o in state.vlist:
        if o.index != vi and (o.active or o.status != "active"):
            rivals.append(_rival(state, v, o, bids))
    vv.rivals = rivals
    people: list = [None] * state.n_people  # filled in place: no list growing person by person
    i: cython.Py_ssize_t
    coach: cython.bint = has_coach_anywhere(state, vi)
    rumoured: cython.bint = bool(state.rumours) and hears_rumours(state, vi)
    for i in range(state.n_people):
        people[i] = _person_view(state, vi, state.plist[i], rels[i], phase, coach, rumoured,
                                 favs)
    vv.people = people
    public = _public_parts(state)
    vv.tender = public[0]
    vv.award = public[1]
    vv.contract = dict(state.contract) if state.contract and \
        state.contract["vendor"] == v.id else None
    vv.pending = [_pending(state, e) for e in state.pending.get(v.id, [])]
    ids = []
    done = []
    cr: cython.int
    for cr in STAGE_CRITERIA[v.stage]:
        ids.append(cr)
        done.append(criterion_met(state, v, cr))
    vv.check_ids = ids
    vv.check_done = done
    vv.outcome = dict(state.outcome) if state.outcome else None
    vv.health = health_dict(health_now(state), vi) if full else None
    vv.log = None
    return vv


@cython.ccall
def vendor_view(state: GameState, vi: cython.int) -> VendorView:
    """This turn's view of vendor number `vi` for the rules and the AI, built once per turn
    (the engine checks plans against the same object): treat it as read-only."""
    if state.tviews_turn != state.turn_id:
        state.tviews = [None] * state.n_vendors
        state.tviews_turn = state.turn_id
    vv = state.tviews[vi]
    if vv is None:
        # A batch game's people's favourites are worked out once a turn for all the views.
        vv = state.tviews[vi] = _build(state, vi, False,
                                       None if state.recording else _turn_favourites(state))
    return vv


_FAVS_OF = cython.declare(object, None)  # the turn's views the kept favourites belong to
_FAVS = cython.declare(list, [])
_NW_OF = cython.declare(object, None)  # the turn's views the rounded need weights belong to
_NW = cython.declare(list, [])
_NO_IDS = cython.declare(list, [])  # the empty trait and care ids of a batch game's views


@cython.cfunc
def _turn_nw(state: GameState) -> list:
    """The need weights rounded as a view shows them, once a turn for the turn's views of
    a batch game (`vendor_view`'s, which are made again each turn)."""
    global _NW_OF, _NW
    if _NW_OF is not state.tviews:
        _NW_OF = state.tviews
        _NW = [fround(w, 4) for w in state.nw]
    return _NW


@cython.cfunc
def _turn_favourites(state: GameState) -> list:
    """Each person's favourite this turn, as far as worked out (-2: not yet), shared by the
    turn's views of this game."""
    global _FAVS_OF, _FAVS
    if _FAVS_OF is not state.tviews:
        _FAVS_OF = state.tviews
        _FAVS = [-2] * state.n_people
    return _FAVS


def typed_view(state: GameState, vendor: str) -> VendorView:
    """The typed view of a vendor by id (see `vendor_view`)."""
    return vendor_view(state, state.vendors[vendor].index)


def view(state: GameState, vendor: str, with_log: bool = True) -> dict[str, Any]:
    """The vendor's view now, as a dict the caller owns (it shares nothing with the state or
    another view). With the log it carries the vendor's own moves and the public events."""
    vv = build_view(state, state.vendors[vendor].index, True)
    if with_log:
        vv.log = [
            dict(e) if e.get("vendor") == vendor else _public_event(e, vendor)
            for e in state.log
            if e.get("vendor") == vendor or (e.get("event") and _event_visible(e, vendor))
        ]
    return copy.deepcopy(vv.to_dict())


def _public_event(e: dict[str, Any], vendor: str) -> dict[str, Any]:
    """An event or calendar entry as `vendor` may see it (effects on rivals removed; of the
    vendors prepared for a personnel change, only itself: who else had insiders is theirs)."""
    out: dict[str, Any] = {
        k: e[k] for k in ("week", "event", "title", "text", "affects", "calendar") if k in e
    }
    if e.get("calendar"):
        out["effects"] = dict(e.get("effects", {}))
        if "prepared" in out["effects"]:
            out["effects"]["prepared"] = [v for v in out["effects"]["prepared"] if v == vendor]
    return out


def report_for(report: dict[str, Any], vendor: str) -> dict[str, Any]:
    """A week's report as one vendor may see it: its own moves and the public events."""
    return {
        "week": report["week"],
        "entries": [
            dict(e) if e.get("vendor") == vendor else _public_event(e, vendor)
            for e in report["entries"]
            if e.get("vendor") == vendor or (e.get("event") and _event_visible(e, vendor))
        ],
        "moved": [(vid, st) for vid, st in report["moved"] if vid == vendor],
        "events": list(report["events"]),
    }


def _event_visible(e: dict[str, Any], vendor: str) -> bool:
    hit = e.get("affected", [])
    return e.get("affects") == "all" or vendor in hit


def trainer_view(state: GameState) -> dict[str, Any]:
    """Everything, for the facilitator and for the debrief after the game."""
    from game.core.serialize import state_to_dict

    d = state_to_dict(state)
    d["views"] = {vid: view(state, vid, with_log=False) for vid in state.vendors}
    return d
