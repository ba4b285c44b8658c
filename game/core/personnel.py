"""People move on: a key person's change is the most common reason an account is lost (003).

Every scenario has the rule (`customer.personnel`): each week before the award, with the
scenario's chance, one person who matters (a KDM, KI or KU, or anyone senior; the more
influence, the likelier) is about to be replaced. The move is decided `rumour_weeks` ahead;
a vendor with an insider or a coach hears of it at once (its view shows the rumour), and when
the newcomer arrives that vendor's insider has already introduced it to them. Everyone else
starts from nothing with the newcomer, so a vendor loses as much as its support rested on
that one person. The draws come from the customer's own dice (`state.world`), so two games
that differ only in one vendor's moves meet the same changes.

`state.replaced` keeps, per change, what every vendor had with the person who left: the
debrief's counterfactual ("had they stayed, would we have won?") reads it.
"""

from __future__ import annotations

from typing import Any

import cython

from game.core.informants import hears_rumours
from game.core.num import fround
from game.core.rng import Rng
from game.core.state import GameState, Person, Relation, Vendor

if not cython.compiled:
    from game.core.ids import K_KDM, K_KI, K_KU

# What a newcomer cares about, drawn from the motives a seat of each kind tends to have.
POSITION_KINDS = ("cost", "efficiency", "risk", "innovation", "quality", "control")
PERSONAL_KINDS = ("career", "recognition", "relationship", "control", "risk")
MOTIVE_TEXT = {
    "cost": ("控制项目总成本，给领导一个交代", "keep the project's total cost under control"),
    "efficiency": ("让业务流程明显提速", "make the work visibly faster"),
    "risk": ("不出事故，不背责任", "avoid any failure that lands on them"),
    "innovation": ("做出有亮点的新项目", "deliver something new that stands out"),
    "quality": ("质量和稳定性放在第一位", "put quality and stability first"),
    "control": ("把项目的主导权握在自己手里", "keep the project under their own control"),
    "career": ("新官上任，想借项目站稳脚跟", "new in the seat, wants the project to make "
               "their name"),
    "recognition": ("希望自己的判断被上级认可", "wants their judgement recognised upstairs"),
    "relationship": ("更信任自己熟悉的合作伙伴", "trusts partners they already know"),
}


@cython.cfunc
def _movable(p: Person) -> cython.bint:
    return bool(p.key_mask & (K_KDM | K_KI | K_KU)) or p.senior


def _pick(state: GameState, rng: Rng) -> Person | None:
    """Someone who matters, the more influence the likelier; None if nobody is left."""
    pool = [p for p in state.plist if _movable(p) and p.id not in state.rumours
            and p.generation == 0]
    if not pool:
        return None
    total = 0.0
    for p in pool:
        total += p.influence + 0.05
    x = rng.random() * total
    for p in pool:
        x -= p.influence + 0.05
        if x < 0:
            return p
    return pool[-1]


def _newcomer(old: Person, rng: Rng) -> Person:
    pos = POSITION_KINDS[rng.randint(len(POSITION_KINDS))]
    pers = PERSONAL_KINDS[rng.randint(len(PERSONAL_KINDS))]

    def motive(kind: str) -> dict[str, Any]:
        zh, en = MOTIVE_TEXT[kind]
        return {"kind": kind, "text": {"zh": zh, "en": en}}

    return Person(
        id=old.id,
        name={"zh": f"新任{old.title['zh']}", "en": f"the new {old.title['en']}"},
        title=old.title, department=old.department, roles=old.roles, key=old.key,
        influence=old.influence, participation=old.participation, senior=old.senior,
        traits=[], cares_about=old.cares_about, sways=old.sways, position_motive=motive(pos),
        personal_motive=motive(pers), leaning=0.0, generation=old.generation + 1,
        availability=old.availability,
    )


def personnel_week(state: GameState) -> list[dict[str, Any]]:
    """End of week: rumours of a coming move may start, and a rumoured move may happen."""
    out: list[dict[str, Any]] = []
    week = state.week
    for pid, due in sorted(state.rumours.items()):
        if due == week:
            out.append(replace(state, state.people[pid]))
    if state.personnel_chance > 0.0 and 3 <= week < state.cal_award:
        rng: Rng = state.world
        if rng.chance(state.personnel_chance):
            p = _pick(state, rng)
            if p is not None:
                due = week + state.rumour_weeks
                state.rumours[p.id] = due
                if due == week:
                    out.append(replace(state, p))
                else:
                    out.append({"week": week, "event": "rumour", "affects": "insiders",
                                "affected": [v.id for v in state.vlist
                                             if hears_rumours(state, v.index)],
                                "calendar": True, "effects": {"person": p.id, "due": due}})
    return out


def remember(state: GameState, old: Person, scripted: bool = False) -> None:
    """Keep what every vendor had with a person who is leaving (for the counterfactual);
    `scripted` when a scenario's event replaced them, not the customer's weekly dice."""
    state.replaced.append({
        "person": old.id, "week": state.week, "name": old.name, "scripted": scripted,
        "support": [fround(state.rels[v.index][old.index].support, 4) for v in state.vlist],
        "trust": [fround(state.rels[v.index][old.index].trust, 4) for v in state.vlist],
        "contact": [state.rels[v.index][old.index].contact for v in state.vlist],
    })


def replace(state: GameState, old: Person) -> dict[str, Any]:
    """Seat the newcomer; vendors whose insiders knew start with an introduction."""
    state.rumours.pop(old.id, None)
    informed = [hears_rumours(state, v.index) for v in state.vlist]
    remember(state, old)
    new = _newcomer(old, state.world)
    state.replace_person(new)
    v: Vendor
    r: Relation
    for v in state.vlist:
        r = state.rels[v.index][old.index]
        r.reset(0.0, 0.1 if informed[v.index] else 0.0, 1 if informed[v.index] else 0)
        if informed[v.index]:
            r.known_roles = True
            r.introduced = True
    state.sync()
    return {"week": state.week, "event": "personnel_change", "affects": "all",
            "affected": [], "calendar": True,
            "effects": {"replaced": old.id, "was": old.name, "new": new.name,
                        "prepared": [v.id for v in state.vlist if informed[v.index]]}}
