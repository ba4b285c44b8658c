"""AI teammates for solo practice: the person plays some roles, the AI fills in the rest.

Seed 001's point is that the value lies in coordination, so the AI does not plan a separate
deal next to the person's. It plans only for the roles the person left to it, after the
person's own moves have taken their days and money; it never spends below what the person's
roles will need for the rest of the deal; and it follows the person into the account: where
the rep has just opened a door (a call, a visit, a dinner), presales brings needs research
and demos and the project manager brings site surveys and risk answers to the same people,
the way seed 004 splits the work at P3 and P4. Joint actions that need one of the person's
roles are left to the person.
"""

from __future__ import annotations

from typing import Any

from game.ai import knowledge as K
from game.ai.base import Decision, View
from game.ai.playbooks import style_for
from game.ai.policy import NORMAL, plan_week
from game.core.actions import CATALOG, Action
from game.core.checks import as_view, to_action, to_move
from game.core.state import ROLES
from game.core.views import VendorView

# Money each role typically needs per remaining week of selling (万元), kept for the person.
ROLE_WEEKLY = {"rep": 1.2, "presales": 1.2, "pm": 0.6, "exec": 1.5}
OPENERS = ("call", "visit", "entertain", "joint_visit", "sponsor_visit", "exec_visit",
           "develop_insider", "develop_coach", "hq_visit", "reach_out")


def follow_targets(human_plan: list[Action], view: View) -> dict[int, float]:
    """People (by index) the person is working on this week, weighted by how far the door
    is open."""
    vv = as_view(view)
    out: dict[int, float] = {}
    for a in human_plan:
        p = vv.person(a.target) if a.target is not None else None
        if p is None:
            continue
        weight = 0.9 if a.kind in OPENERS else 0.5
        if p.contact >= 1:
            weight += 0.3
        out[p.index] = max(out.get(p.index, 0.0), weight)
    return out


def human_reserve(view: View, human_roles: tuple[str, ...]) -> float:
    """Money the person's roles will want in the weeks up to the bid deadline."""
    weeks = max(1, K.weeks_left_to_bid(as_view(view)))
    return sum(ROLE_WEEKLY.get(r, 1.0) for r in human_roles) * min(weeks, 6)


def team_plan(view: View, human_plan: list[Action], human_roles: tuple[str, ...] | list[str],
              agent: Any = None) -> Decision:
    """The whole team's plan: the person's actions first, then the AI's for the other roles.

    Returns the plan and a reason key per action (None for the person's own moves). `agent`
    lends its playbook and skill; without one the AI plays the balanced default."""
    vv: VendorView = as_view(view)
    human_roles = tuple(human_roles)
    ai_roles = tuple(r for r in ROLES if r not in human_roles)
    human_plan = list(human_plan)
    reasons: list[str | None] = [None] * len(human_plan)
    if not ai_roles or not vv.me.active or vv.over:
        return human_plan, reasons
    style = getattr(agent, "style", None) or style_for(vv.me.playbook)
    skill = getattr(agent, "skill", NORMAL)
    human_cost = sum(CATALOG[a.kind].cost for a in human_plan if a.kind != "choose")
    keep = human_reserve(vv, human_roles)
    me = vv.me
    allowance = K.weekly_allowance(vv, K.endgame_reserve(vv) + keep)
    share = len(ai_roles) / len(ROLES)
    cap = max(0.0, min(allowance * style.pace * share + 0.5,
                       me.budget - human_cost - K.endgame_reserve(vv) - keep))
    plan = plan_week(vv, style, skill, None, None, roles=ai_roles,
                     fixed=[to_move(vv, a) for a in human_plan], spend_cap=cap,
                     follow=follow_targets(human_plan, vv))
    return human_plan + [to_action(vv, m) for m in plan.moves], reasons + plan.reasons
