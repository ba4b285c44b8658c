"""Why a move lands weaker or stronger on a person this week, said from the vendor's view.

The rules multiply a move's effect on a person by several things (`effects._touch`); some of
them the player cannot see coming unless the window says so where the move is picked: the
same move on the same person twice running lands half as hard, the KDM says little early on,
a joint move lands harder than either role alone, a move outside its best stages lands
softer, a person who takes little part in the customer's current phase is moved less, and
reaching out to someone who backs a rival (or opposes us) pays more, and a KDM who has chosen a
rival is hard to win back. This module names those
factors, each with its number, as translation keys (`core.landing.*`).

It reads the numbers from `effects` (REPEAT, JOINT_PREMIUM, kdm_phase) so it cannot drift
from the rules, and it reads only the view: a factor whose condition the vendor cannot know
(the KDM not yet identified, a person's participation before their roles are learned, a
favourite no insider or coach has told us) is left out rather than guessed. Pure: no I/O, no
window; the window, the coach's texts and the tests call it alike.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from game.core.actions import CATALOG, ActionDef
from game.core.effects import JOINT_PREMIUM, REPEAT, kdm_phase
from game.core.ids import K_KDM, PHASES
from game.core.preference import KDM_COMMITTED, KDM_GUARDED
from game.core.views import PersonView, VendorView

# The rules' right-stage and wrong-stage multipliers and participation curve; `effects._touch`
# writes them as literals (no named constants to import), so a test holds these to the engine.
STAGE_GOOD = 1.15
STAGE_OFF = 0.85
PART_FLOOR = 0.4  # the multiplier is PART_FLOOR + (1 - PART_FLOOR) x participation now
PART_LOW = 0.5  # below this participation the person counts as "hardly taking part now"
REACH_OUT_AGAINST = 2.0  # reaching out to someone who opposes us
REACH_OUT_RIVAL = 1.5  # reaching out to someone who backs a rival (004: 主动示好)


class Factor(NamedTuple):
    """One reason a move lands weaker (factor < 1) or stronger (> 1): the translation key
    (under `core.`), the multiplier, and the values its text names."""

    key: str
    factor: float
    params: dict[str, Any] = {}


def landing(view: VendorView | dict[str, Any], kind: str, target: str | None
            ) -> list[Factor]:
    """The factors the rules will apply to `kind` on `target` this week, as far as the view
    can tell, weakest first; empty for a move without a target (none of them applies)."""
    d: ActionDef | None = CATALOG.get(kind)
    if d is None or not d.target or target is None:
        return []
    if isinstance(view, VendorView):
        p = view.person(target)
        if p is None:
            return []
        return factors(d, p, view.me.stage, view.phase, view.vendor)
    for i, pd in enumerate(view["people"]):  # one person read from the dict, not the view
        if pd["id"] == target:
            p = PersonView.from_dict(pd, i, {})
            return factors(d, p, int(view["me"]["stage"]), PHASES.index(view["phase"]),
                           view["vendor"])
    return []


def factors(d: ActionDef, p: PersonView, stage: int, phase: int, vendor: str
            ) -> list[Factor]:
    """`landing` with the definition, the person and our stage, the phase (ids.PHASES) and
    our vendor id in hand."""
    out: list[Factor] = []
    if p.last_kind == d.kind:
        out.append(Factor("landing.repeat", REPEAT, {}))
    if p.roles_known:
        if p.key_mask & K_KDM:
            k = kdm_phase(phase)
            if k != 1.0:
                out.append(Factor(f"landing.kdm_{PHASES[phase]}", k, {}))
            if not p.pers_known and p.support >= KDM_GUARDED and d.support:
                out.append(Factor("landing.kdm_guarded", 0.0, {}))
            if p.committed and p.favourite and p.favourite != vendor and d.support:
                out.append(Factor("landing.kdm_committed", KDM_COMMITTED,
                                  {"rival": p.favourite}))
        if p.part_now < PART_LOW:
            out.append(Factor("landing.absent", PART_FLOOR + (1 - PART_FLOOR) * p.part_now,
                              {"pct": round(p.part_now * 100)}))
    if d.best_lo <= stage <= d.best_hi:
        out.append(Factor("landing.stage_good", STAGE_GOOD, {"a": d.best_lo, "b": d.best_hi}))
    else:
        out.append(Factor("landing.stage_off", STAGE_OFF, {"a": d.best_lo, "b": d.best_hi}))
    if d.joint:
        out.append(Factor("landing.joint", JOINT_PREMIUM, {"roles": list(d.roles)}))
    if d.special == "reach_out":
        if p.support < 0:
            out.append(Factor("landing.reach_out_against", REACH_OUT_AGAINST, {}))
        if p.favourite and p.favourite != vendor:
            out.append(Factor("landing.reach_out_rival", REACH_OUT_RIVAL,
                              {"rival": p.favourite}))
    out.sort(key=lambda f: f.factor)
    return out


def combined(found: list[Factor]) -> float:
    """All the factors together (what they multiply to)."""
    x = 1.0
    for f in found:
        x *= f.factor
    return x
