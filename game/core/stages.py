"""The seven stages P1..P7 and their exit criteria, each criterion a pure predicate.

Stages 1 to 4 advance when every criterion of the current stage holds at the end of a week.
P5 ends with the award (winning the tender), P6 with the signed contract, P7 with the first
payment: those are events in `resolve.py`, and their criteria here are the checklist the
team works through to get there.
"""

from __future__ import annotations

from collections.abc import Callable

from game.core.state import FIVE_ELEMENTS, GameState, Person, Relation, Vendor

STAGE_IDS = ("P1", "P2", "P3", "P4", "P5", "P6", "P7")
SUPPORT_OK = 0.2

Predicate = Callable[[GameState, Vendor], bool]


def _pairs(state: GameState, v: Vendor) -> list[tuple[Person, Relation]]:
    rels = state.relations[v.id]
    return [(p, rels[p.id]) for p in state.people.values()]


def _known_key(state: GameState, v: Vendor, tag: str, min_contact: int) -> bool:
    rels = state.relations[v.id]
    for p in state.people.values():
        if tag in p.key:
            r = rels[p.id]
            if r.known_roles and r.contact >= min_contact:
                return True
    return False


def _key_support(state: GameState, v: Vendor, tag: str) -> bool:
    rels = state.relations[v.id]
    return any(tag in p.key and rels[p.id].support >= SUPPORT_OK
               for p in state.people.values())


LEAD_ROLES = frozenset({"initiator", "user"})


def lead_contact(state: GameState, v: Vendor) -> bool:
    rels = state.relations[v.id]
    for p in state.people.values():
        r = rels[p.id]
        if r.contact >= 1 and r.known_roles and not LEAD_ROLES.isdisjoint(p.roles):
            return True
    return False


def willing(state: GameState, v: Vendor) -> bool:
    return any(r.support > 0.05 for r in state.relations[v.id].values())


def org_mapped(state: GameState, v: Vendor) -> bool:
    if "org_mapped" in v.facts:
        return True
    rels = state.relations[v.id]
    return sum(r.known_roles for r in rels.values()) >= 0.7 * len(rels)


def insider_ki_or_ku(state: GameState, v: Vendor) -> bool:
    return _known_key(state, v, "KI", 3) or _known_key(state, v, "KU", 3)


def coach(state: GameState, v: Vendor) -> bool:
    return any(r.contact >= 4 for r in state.relations[v.id].values())


def majority_evaluators(state: GameState, v: Vendor) -> bool:
    total = backing = 0.0
    for p, r in _pairs(state, v):
        w = p.influence * p.participation["decision"]
        total += w
        if r.support >= 0.1:
            backing += w
    return total > 0 and backing > 0.5 * total


def _fact(name: str) -> Predicate:
    return lambda state, v: name in v.facts


def _any_fact(*names: str) -> Predicate:
    return lambda state, v: any(n in v.facts for n in names)


CRITERIA: dict[int, list[tuple[str, Predicate]]] = {
    1: [("profiled", _fact("profiled")), ("pursue", _fact("pursue"))],
    2: [
        ("lead_contact", lead_contact),
        ("first_visit", _fact("first_visit")),
        ("need_heard", _fact("need_heard")),
        ("willing", willing),
    ],
    3: [*((e, _fact(e)) for e in FIVE_ELEMENTS),
        ("org_mapped", org_mapped),
        ("insider_ki_ku", insider_ki_or_ku)],
    4: [
        ("product_presented", _fact("product_presented")),
        ("references_presented", _any_fact("references_presented", "delivery_presented")),
        ("demo_done", _fact("demo_done")),
        ("insider_ki", lambda s, v: _known_key(s, v, "KI", 3)),
        ("insider_ku", lambda s, v: _known_key(s, v, "KU", 3)),
        ("coach", coach),
        ("kdm_met", _fact("kdm_met")),
    ],
    5: [
        ("support_ku", lambda s, v: _key_support(s, v, "KU")),
        ("support_ki", lambda s, v: _key_support(s, v, "KI")),
        ("support_kdm", lambda s, v: _key_support(s, v, "KDM")),
        ("el_budget", _fact("el_budget")),
        ("criteria_shaped", _fact("criteria_shaped")),
        ("majority_evaluators", majority_evaluators),
        ("bid_submitted", _fact("bid_submitted")),
        ("tender_won", _fact("preferred")),
    ],
    6: [
        ("preferred", _fact("preferred")),
        ("notice_survived", _fact("notice_survived")),
        ("terms_agreed", _fact("terms_agreed")),
        ("contract_signed", _fact("contract_signed")),
    ],
    7: [("contract_signed", _fact("contract_signed")), ("paid", _fact("paid"))],
}


def checklist(state: GameState, vendor: str) -> list[dict[str, object]]:
    """The current stage's exit criteria with whether each holds (for UI and coach)."""
    v = state.vendors[vendor]
    return [{"key": k, "done": bool(f(state, v))} for k, f in CRITERIA[v.stage]]


def exit_met(state: GameState, v: Vendor) -> bool:
    return all(f(state, v) for _, f in CRITERIA[v.stage])


def advance_stages(state: GameState) -> list[tuple[str, int]]:
    """Move every active vendor whose P1..P4 exit criterion holds up one stage."""
    moved = []
    for v in state.vendors.values():
        if v.active and v.status == "active" and v.stage <= 4 and exit_met(state, v):
            v.stage += 1
            v.stage_weeks[v.stage] = state.week
            moved.append((v.id, v.stage))
    return moved
