"""Fixtures and small state builders for the engine tests.

Most tests start from the "lab": the minimal fixture scenario made quiet (no events, nobody
sways anybody, nobody moves on, a key user added, a few references per vendor, a longer
season), so an action's effect is not blurred by the world's weekly drift. In the lab the
president is the KDM (senior, so met every `gap` weeks at most, and nobody has been
introduced to them), the IT head a key influencer, the buyer purchasing, the nurse a key
user. Builders change a state the way
play would have (stage, week, facts, relations) and clear the per-turn cache afterwards,
as every change made outside `end_week` must.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from game.core import resolve
from game.core.actions import Action
from game.core.engine import START_FACTS, end_week, new_game
from game.core.rng import Rng
from game.core.state import GameState, Relation, phase_of
from game.scenario.loader import load_scenario
from game.scenario.models import ScenarioSpec

REPO = Path(__file__).resolve().parents[2]
MINIMAL = REPO / "tests" / "scenario" / "good" / "minimal.yaml"
SCENARIOS = sorted((REPO / "scenarios").glob("*.yaml"))
ME, RIVAL = "team_a", "rival_b"
THIRD = "rival_c"  # the third vendor of `three_vendors`

NURSE = {
    "id": "nurse",
    "name": {"zh": "周芳", "en": "Zhou Fang"},
    "title": {"zh": "护理部主任", "en": "Head of Nursing"},
    "department": {"zh": "护理部", "en": "Nursing"},
    "roles": ["user"],
    "key": ["KU"],
    "influence": 0.3,
    "traits": ["relational"],
    "cares_about": ["integration"],
    "position_motive": {"kind": "quality", "text": {"zh": "护理质量考核达标",
                                                   "en": "Nursing quality targets met"}},
    "personal_motive": {"kind": "risk", "text": {"zh": "不想再为系统问题挨批评",
                                                "en": "Never again blamed for a bad system"}},
}


@functools.cache
def _minimal_dict() -> dict[str, Any]:
    return load_scenario(MINIMAL).model_dump(mode="json")


def lab_dict() -> dict[str, Any]:
    """A fresh, editable copy of the lab scenario as plain data."""
    d = copy.deepcopy(_minimal_dict())
    d["id"] = "lab"
    d["last_week"] = 16
    d["events"] = []
    d["customer"]["personnel"]["weekly_chance"] = 0.0  # personnel tests switch it on
    for s in d["stakeholders"]:
        s["sways"] = []
    d["stakeholders"].append(copy.deepcopy(NURSE))
    for v in d["vendors"]:
        v["references"] = 3
        v["relations"] = {}
    return d


def make_spec(edit: Callable[[dict[str, Any]], None] | None = None) -> ScenarioSpec:
    """The lab scenario, changed in place by `edit` before validation."""
    d = lab_dict()
    if edit is not None:
        edit(d)
    return ScenarioSpec.model_validate(d)


def three_vendors(d: dict[str, Any]) -> None:
    """A `make_spec` edit: a third vendor, a copy of the rival (for contests of the field)."""
    third = copy.deepcopy(d["vendors"][1])
    third.update(id=THIRD, name={"zh": "丙公司", "en": "Gamma Inc"}, relations={})
    d["vendors"].append(third)


def senior(pid: str) -> Callable[[dict[str, Any]], None]:
    """A `make_spec` edit: the person sits in management (senior; not the KDM)."""
    def edit(d: dict[str, Any]) -> None:
        next(s for s in d["stakeholders"] if s["id"] == pid)["senior"] = True
    return edit


def top_manager(pid: str) -> Callable[[dict[str, Any]], None]:
    """A `make_spec` edit: the person is senior and approves (top management, so by default
    seen every other week at most, `state.TOP_ROLES`)."""
    def edit(d: dict[str, Any]) -> None:
        s = next(s for s in d["stakeholders"] if s["id"] == pid)
        s["senior"] = True
        s["roles"] = [*s["roles"], "approver"]
    return edit


@functools.cache
def lab_spec() -> ScenarioSpec:
    return make_spec()


@functools.cache
def shipped(path: Path) -> ScenarioSpec:
    return load_scenario(path)


def lab_state(seed: int = 1, spec: ScenarioSpec | None = None) -> GameState:
    return new_game(spec or lab_spec(), seed)


def rel(state: GameState, pid: str, vid: str = ME) -> Relation:
    return state.relations[vid][pid]


def relate(state: GameState, pid: str, vid: str = ME, **fields: Any) -> Relation:
    """Set fields of one relation (support, trust, contact, known_*)."""
    r = state.relations[vid][pid]
    for k, val in fields.items():
        if not hasattr(r, k):
            raise AttributeError(k)
        setattr(r, k, val)
    state.touch()
    return r


def give(state: GameState, *facts: str, vid: str = ME) -> None:
    state.vendors[vid].facts.update(facts)
    state.touch()


def take(state: GameState, *facts: str, vid: str = ME) -> None:
    state.vendors[vid].facts.difference_update(facts)
    state.touch()


def at_stage(state: GameState, stage: int, vid: str = ME) -> None:
    """Put a vendor at `stage` with the facts a vendor starting there would have."""
    v = state.vendors[vid]
    v.stage = stage
    v.stage_weeks[stage] = 1
    for st, facts in START_FACTS.items():
        if stage >= st:
            v.facts.update(facts)
    state.touch()


def set_week(state: GameState, week: int) -> None:
    """Jump the calendar; every relation counts as tended this week (no cooling)."""
    state.week = week
    for rels in state.relations.values():
        for r in rels.values():
            r.last_touch = week
    state.touch()


def week_in(state: GameState, phase: str) -> int:
    """The first week of the given customer phase."""
    for w in range(1, state.spec.last_week + 1):
        if phase_of(w, state.calendar) == phase:
            return w
    raise ValueError(phase)


def play(state: GameState, plans: dict[str, list[Action]] | None = None) -> dict[str, Any]:
    return end_week(state, plans or {})


def tender_state(prices: dict[str, float] | None = None, seed: int = 1,
                 spec: ScenarioSpec | None = None) -> GameState:
    """Both vendors at P5 with complete bids; the bids were just opened (deadline week)."""
    state = lab_state(seed, spec)
    prices = prices or {ME: 260.0, RIVAL: 250.0}
    set_week(state, state.calendar["bid_deadline"])
    for vid, price in prices.items():
        at_stage(state, 5, vid)
        give(state, "bid_submitted", "bid_technical", "bid_service", vid=vid)
        state.vendors[vid].bid = {"price": price, "week": state.week, "option": "list"}
    resolve.open_bids(state)
    state.touch()
    return state


def awarded_state(winner: str = ME, seed: int = 1,
                  spec: ScenarioSpec | None = None) -> GameState:
    """The tender evaluated in the award week, `winner` clearly ahead (no KDM override)."""
    state = tender_state(seed=seed, spec=spec)
    set_week(state, state.calendar["award"])
    for pid in state.people:
        relate(state, pid, vid=winner, support=0.8, contact=2, known_roles=True)
    state.tender["evaluated"] = True
    resolve.evaluate(state)
    assert state.award["vendor"] == winner
    state.touch()
    return state


class StubDice(Rng):
    """The state's dice with every chance decided by `outcome(p)` (a stubbed RNG); other
    draws stay random."""

    def __init__(self, s: int, outcome: Callable[[float], bool]) -> None:
        super().__init__(s)
        self.outcome = outcome

    def chance(self, p: float) -> bool:
        return self.outcome(p)


def stub_dice(state: GameState, outcome: Callable[[float], bool]) -> GameState:
    state.dice = StubDice(state.dice.s, outcome)
    return state


@pytest.fixture
def lucky() -> Callable[[GameState], GameState]:
    """`lucky(state)`: every chance with a positive probability succeeds."""
    return lambda state: stub_dice(state, lambda p: p > 0)


@pytest.fixture
def unlucky() -> Callable[[GameState], GameState]:
    """`unlucky(state)`: every chance short of certainty fails."""
    return lambda state: stub_dice(state, lambda p: p >= 1)
