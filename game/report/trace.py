"""The game replayed week by week, to recover what the saved record does not keep.

A save holds the final state, the log and a per-week summary; the debrief also wants to
know in which week each motive was found, which exit criteria held each week, the C931
items each week, and the game as it stood when the bids were scored (to split each score into
merit and preference, and to judge the tender again for the loss causes).
A game is its seed plus its plans, so replaying them rebuilds every week exactly; the final
hash must match the save's, otherwise (a save from another engine version) the trace is
marked inconsistent and the sections fall back to what the save itself records.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from game.core.actions import Action
from game.core.causes import scoring_fork
from game.core.engine import end_week, new_game
from game.core.errors import IllegalAction
from game.core.health import c931_all
from game.core.ids import CRITERIA
from game.core.serialize import state_hash
from game.core.stages import criterion_met
from game.core.state import GameState, Person


@dataclass
class Trace:
    """Per-week facts; index i of every list is the state at the end of week i (0 = start)."""

    consistent: bool = False
    criteria: dict[str, list[dict[str, bool]]] = field(default_factory=dict)
    known: dict[str, list[dict[str, tuple[bool, bool]]]] = field(default_factory=dict)
    c931: dict[str, list[dict[str, bool]]] = field(default_factory=dict)
    generations: list[dict[str, int]] = field(default_factory=list)
    persons: dict[tuple[str, int], Person] = field(default_factory=dict)
    seats: dict[tuple[str, int], list[int]] = field(default_factory=dict)
    awarded: GameState | None = None  # the game at the end of the award week (a fork)
    scored: tuple[int, GameState] | None = None  # the week the bids were last scored, and
    # the game at its end (the award, or a complaint upheld at the notice's end)
    calendars: list[dict[str, int]] = field(default_factory=list)

    def person_at(self, pid: str, week: int) -> Person | None:
        """Who sat in a stakeholder's seat at the end of `week`."""
        if not self.generations:
            return None
        i = max(0, min(week, len(self.generations) - 1))
        return self.persons.get((pid, self.generations[i].get(pid, 0)))

    def first_week(self, series: list[Any], test: Any, start: int = 0) -> int | None:
        for i in range(start, len(series)):
            if test(series[i]):
                return i
        return None


def _record(trace: Trace, state: GameState, week: int) -> None:
    trace.calendars.append(dict(state.calendar))
    gens = {pid: p.generation for pid, p in state.people.items()}
    trace.generations.append(gens)
    for pid, p in state.people.items():
        key = (pid, p.generation)
        if key not in trace.persons:
            trace.persons[key] = p  # people are never changed, only replaced
            trace.seats[key] = [week, week]
        trace.seats[key][1] = week
    health = c931_all(state)
    for vid, v in state.vendors.items():
        flat = {name: bool(criterion_met(state, v, cr)) for cr, name in enumerate(CRITERIA)}
        trace.criteria.setdefault(vid, []).append(flat)
        rels = state.relations[vid]
        trace.known.setdefault(vid, []).append(
            {pid: (r.known_position, r.known_personal) for pid, r in rels.items()})
        h = health[vid]
        trace.c931.setdefault(vid, []).append({**h["clear"], **h["first"], **h["win"]})


def walk(state: GameState) -> Trace:
    """Replay the game's plans from its seed and record every week."""
    trace = Trace()
    try:
        st = new_game(state.spec, state.seed)
        _record(trace, st, 0)
        last_scores: Any = None
        for week_plans in state.plans:
            actions = {vid: [Action.from_dict(a) for a in items]
                       for vid, items in week_plans.items()}
            reasons = {vid: [a.get("reason") for a in items] for vid, items in week_plans.items()}
            week = st.week
            quiet = scoring_fork(st)
            end_week(st, actions, reasons)
            _record(trace, st, week)
            scores = st.tender.get("scores") if st.tender else None
            if scores and scores != last_scores:
                # The week again without the customer's events, which follow the scoring.
                end_week(quiet, actions, reasons)
                trace.scored = (week, quiet)
                if trace.awarded is None:
                    trace.awarded = quiet
                last_scores = copy.deepcopy(scores)
        trace.consistent = state_hash(st) == state_hash(state)
    except (IllegalAction, KeyError, ValueError, TypeError, StopIteration):
        trace.consistent = False
    if not trace.consistent:
        return Trace()
    return trace
