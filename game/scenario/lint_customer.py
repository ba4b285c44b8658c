"""Lint rules about how the customer buys: how its procurement mode weighs the KDM, and how
often its people move on.

Both numbers are easy to misread. `procurement: public` halves the KDM's weight and adds a
drawn expert panel, so a designer who also makes the KDM the heaviest voice gets neither a
KDM's deal nor a public tender. A weekly chance of a personnel change looks small, but it
is drawn every week until the award: 0.05 a week is a change in about half the deals. Each
warning gives the figure the game will actually produce, read from the rules' own constants.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from game.core.ids import PROCUREMENTS
from game.core.resolve import EXPERTS, KDM_WEIGHT
from game.scenario.issues import Issue
from game.scenario.lint_reach import is_kdm
from game.scenario.thresholds import EVALUATOR_FLOOR

if TYPE_CHECKING:
    from game.scenario.lint import _Linter

FIRST_DRAW = 3
"""personnel.personnel_week: the customer's dice for a personnel change are rolled at the
end of every week from week 3 until the week before the award."""
NEAR_CERTAIN = 0.5
"""Warn when more deals than not would see a key person replaced: then a change is the
deal's rule, not a risk the players can prepare for (the rule aims at 10-20% of deals)."""
KDM_MAJORITY = 0.5
"""Warn about a public tender when the KDM holds more than this share of the scoring weight
as written."""


def change_share(chance: float, award: int) -> tuple[float, int]:
    """The share of deals that see at least one personnel change, and the number of weekly
    draws it comes from: 1 - (1 - chance) ^ draws."""
    draws = max(0, award - FIRST_DRAW)
    return 1.0 - (1.0 - chance) ** draws, draws


def personnel(lint: _Linter) -> Iterator[Issue]:
    spec = lint.spec
    chance = spec.customer.personnel.weekly_chance
    award = spec.customer.calendar.award
    share, draws = change_share(chance, award)
    if share < NEAR_CERTAIN:
        return
    default = type(spec.customer.personnel).model_fields["weekly_chance"].default
    usual, _ = change_share(default, award)
    yield lint.warn(("customer", "personnel", "weekly_chance"),
                    f"a weekly chance of {chance:g} replaces a key person in about "
                    f"{share:.0%} of deals (1 - (1 - {chance:g})^{draws}, drawn every week "
                    f"from week {FIRST_DRAW} until the award in week {award}): a change "
                    "becomes the rule, not a risk to prepare for", "lint/personnel",
                    f"the default {default:g} gives about {usual:.0%} here; for a change the "
                    "lesson is about, script it as a replace_stakeholder event")


def procurement(lint: _Linter) -> Iterator[Issue]:
    spec = lint.spec
    mode = spec.customer.procurement.value
    if mode != "public":
        return
    weights = [(s, s.influence * s.participation.decision) for s in spec.stakeholders]
    weights = [(s, w) for s, w in weights if w > EVALUATOR_FLOOR]
    total = sum(w for _, w in weights)
    kdm = sum(w for s, w in weights if is_kdm(s))
    if total <= 0 or kdm / total <= KDM_MAJORITY:
        return
    i = PROCUREMENTS.index(mode)
    scaled = kdm * KDM_WEIGHT[i]
    people = scaled + total - kdm
    after = scaled / (people * (1 + EXPERTS[i]))
    names = ", ".join(s.id for s, _ in weights if is_kdm(s))
    yield lint.warn(("customer", "procurement"),
                    f"in a public tender the KDM's weight counts x{KDM_WEIGHT[i]:g} and a "
                    f"drawn expert panel adds {EXPERTS[i]:g} of the buying centre's weight: "
                    f"the KDM ({names}) holds {kdm / total:.0%} of the scoring as written, "
                    f"{after:.0%} in play, and cannot settle a close result", "lint/procurement",
                    "if the KDM's choice should decide, write procurement: invited or "
                    "negotiated; for a strict public tender, give the evaluators the "
                    "influence instead")
