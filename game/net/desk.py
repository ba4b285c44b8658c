"""One team's week on the host: the drafts its seats send, who has committed, and the plan the
team hands to the engine. This is the seam where the per-role model plugs in.

`TeamDesk` is one laptop per team: the seat plans every role and commits once. `RoleDesk` is
a laptop per role, kept deliberately small until the shared team-week model
(`game/play/team_week.py`, with joint moves that wait for the partner's acceptance) lands on
main and replaces it behind the same methods: each role plans only its own single-role moves,
sees the other roles' plans once they are committed, and shares the team's budget (a draft
that would overdraw it, together with the others' drafts, is refused). A joint move needs the
partner's acceptance, so until that model is here a joint move is planned from a one-laptop
seat only.

Both check every draft against the team's own view with `check_plan`, so the engine never
receives a plan it would refuse.
"""

from __future__ import annotations

from typing import Any, Protocol

from game.core.actions import CATALOG, Action
from game.core.checks import check_plan, plan_usage
from game.i18n import tr
from game.net.protocol import ROLES, Refusal


def _check(view: dict[str, Any], plan: list[Action]) -> None:
    for a in plan:
        if a.kind != "choose" and a.kind not in CATALOG:
            raise Refusal("plan/unknown_action", f"there is no action {a.kind!r}")
    bad = check_plan(view, plan)
    if bad is not None:
        i, why = bad
        a = plan[i]
        raise Refusal("plan/illegal", f"move {i + 1} ({a.kind} {a.target or ''}) cannot be "
                      f"planned: {tr(why)}", reason=why, index=i)


def _money_left(view: dict[str, Any], plan: list[Action]) -> float:
    _, cost = plan_usage(plan, view)
    return round(view["me"]["budget"] - cost, 4)


def _days_left(view: dict[str, Any], plan: list[Action]) -> dict[str, int]:
    used, _ = plan_usage(plan, view)
    return {r: n - used.get(r, 0) for r, n in view["me"]["time"].items()}


def _dicts(plan: list[Action]) -> list[dict[str, Any]]:
    return [a.to_dict() for a in plan]


class Desk(Protocol):
    mode: str

    def set_plan(self, role: str, plan: list[Action], view: dict[str, Any]) -> None: ...
    def commit(self, role: str) -> None: ...
    def reopen(self, role: str) -> None: ...
    def is_committed(self, role: str) -> bool: ...
    def human_plan(self) -> list[Action]: ...
    def seen_by(self, role: str, view: dict[str, Any]) -> dict[str, Any]: ...
    def freeze(self) -> dict[str, Any]: ...


class TeamDesk:
    """One laptop: one draft for the whole team, one commit."""

    mode = "team"

    def __init__(self) -> None:
        self.plan: list[Action] = []
        self.committed = False

    def set_plan(self, role: str, plan: list[Action], view: dict[str, Any]) -> None:
        if self.committed:
            raise Refusal("plan/committed", "the week is committed; reopen it to change the plan")
        _check(view, plan)
        self.plan = list(plan)

    def commit(self, role: str) -> None:
        self.committed = True

    def reopen(self, role: str) -> None:
        self.committed = False

    def is_committed(self, role: str) -> bool:
        return self.committed

    def human_plan(self) -> list[Action]:
        return list(self.plan)

    def seen_by(self, role: str, view: dict[str, Any]) -> dict[str, Any]:
        return {"mode": "team", "plan": _dicts(self.plan), "committed": {"team": self.committed},
                "days_left": _days_left(view, self.plan),
                "budget_left": _money_left(view, self.plan)}

    def freeze(self) -> dict[str, Any]:
        return {"mode": "team", "plan": {"team": _dicts(self.plan)},
                "committed": ["team"] if self.committed else []}


class RoleDesk:
    """A laptop per role: each role's own draft and commit; the budget is shared."""

    mode = "roles"

    def __init__(self) -> None:
        self.drafts: dict[str, list[Action]] = {r: [] for r in ROLES}
        self.committed: set[str] = set()

    def combined(self, drafts: dict[str, list[Action]] | None = None) -> list[Action]:
        drafts = drafts or self.drafts
        return [a for r in ROLES for a in drafts[r]]

    def set_plan(self, role: str, plan: list[Action], view: dict[str, Any]) -> None:
        if role in self.committed:
            raise Refusal("plan/committed", "your week is committed; reopen it to change it")
        for a in plan:
            if a.kind == "choose":
                if role != "rep":
                    raise Refusal("plan/not_your_role", "the sales rep answers the customer's "
                                  "events for the team")
                continue
            d = CATALOG.get(a.kind)
            if d is None:
                raise Refusal("plan/unknown_action", f"there is no action {a.kind!r}")
            if d.roles != (role,):
                if role in d.roles:
                    raise Refusal("plan/joint", f"{a.kind} is a joint move; with a laptop per "
                                  "role it needs the partner's acceptance, which this version "
                                  "does not have yet: plan it from a one-laptop seat")
                raise Refusal("plan/not_your_role", f"{a.kind} is a move for "
                              f"{' + '.join(d.roles)}, not for {role}")
        drafts = dict(self.drafts)
        drafts[role] = list(plan)
        _check(view, self.combined(drafts))
        self.drafts = drafts

    def commit(self, role: str) -> None:
        self.committed.add(role)

    def reopen(self, role: str) -> None:
        self.committed.discard(role)

    def is_committed(self, role: str) -> bool:
        return role in self.committed

    def human_plan(self) -> list[Action]:
        return self.combined()

    def seen_by(self, role: str, view: dict[str, Any]) -> dict[str, Any]:
        mine = self.drafts.get(role, [])
        shown = [a for r in ROLES for a in self.drafts[r] if r == role or r in self.committed]
        return {
            "mode": "roles",
            "plan": _dicts(mine),
            "others": {r: _dicts(self.drafts[r]) if r in self.committed else None
                       for r in ROLES if r != role},
            "committed": {r: r in self.committed for r in ROLES},
            "days_left": {role: _days_left(view, shown).get(role, 0)},
            "budget_left": _money_left(view, self.combined()),
        }

    def freeze(self) -> dict[str, Any]:
        return {"mode": "roles", "plan": {r: _dicts(p) for r, p in self.drafts.items()},
                "committed": sorted(self.committed)}


def new_desk(mode: str | None) -> TeamDesk | RoleDesk:
    return RoleDesk() if mode == "roles" else TeamDesk()


def thaw_desk(d: dict[str, Any]) -> TeamDesk | RoleDesk:
    desk = new_desk(d.get("mode"))
    plans = {r: [Action.from_dict(a) for a in p] for r, p in d.get("plan", {}).items()}
    if isinstance(desk, TeamDesk):
        desk.plan = plans.get("team", [])
        desk.committed = "team" in d.get("committed", [])
    else:
        for r, p in plans.items():
            if r in desk.drafts:
                desk.drafts[r] = p
        desk.committed = set(d.get("committed", [])) & set(ROLES)
    return desk
