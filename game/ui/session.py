"""One game in progress, as the screens use it: the engine state, our team's plan, saves.

Everything the screens show comes from ``view(state, team)``. Each rival is played by the
agent its setup chose (``make_agent(playbook, difficulty, seed)``), deciding from its own view;
the roles of our team that the player left to the AI are planned by the teammate planner,
which works around the player's own moves instead of running a separate deal next to them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.core.actions import CATALOG, Action
from game.core.checks import Option, legal_actions, plan_usage
from game.core.engine import end_week, new_game
from game.core.state import GameState
from game.core.views import report_for, view
from game.play.team_week import TeamWeek
from game.scenario.models import ScenarioSpec
from game.ui.catalog import team_vendor
from game.ui.setup import ROLES, GameSetup, RivalChoice

if TYPE_CHECKING:
    from game.save import SaveError
    from game.ui.context import UIContext
    from game.ui.scene import Command

def effective_spec(spec: ScenarioSpec, setup: GameSetup) -> ScenarioSpec:
    """The scenario as configured: rivals left out are removed (with the events naming
    them), chosen rivals get the chosen playbook and difficulty."""
    chosen = {r.vendor_id: r for r in setup.rivals}
    dropped = {vid for vid, r in chosen.items() if not r.enabled}
    vendors = []
    for v in spec.vendors:
        if v.id in dropped:
            continue
        r = chosen.get(v.id)
        if r is not None:
            v = v.model_copy(update={"playbook": type(v.playbook)(r.playbook),
                                     "difficulty": type(v.difficulty)(r.difficulty)})
        vendors.append(v)
    events = [
        e for e in spec.events
        if not any(f'"{vid}"' in json.dumps(e.model_dump(mode="json")) for vid in dropped)
    ]
    return spec.model_copy(update={"vendors": vendors, "events": events})


OPTIONS_KEPT = 8  # plans whose options a session keeps (see ``Session.options``)


@dataclass
class Session:
    state: GameState
    setup: GameSetup
    team: str
    last_report: dict[str, Any] | None = None
    before: dict[str, Any] | None = None  # our view at the start of the last resolved week
    game_id: str = ""  # names the game's autosave slot; a new game (or a what-if) gets its own
    _view: dict[str, Any] | None = None
    _week: TeamWeek | None = None
    tutorial: Any = None  # the guided first deal's progress (game.play.guide)
    players: dict[str, str] = field(default_factory=dict)  # role -> who played it (debrief)
    _agents: dict[str, Any] = field(default_factory=dict)

    #: the scene that ends a week once the team is done (a workshop seat waits for the host)
    resolve_scene = "resolve"
    #: whether the game menu may save this game (a workshop's game is kept by its host)
    can_save = True

    def __post_init__(self) -> None:
        if not self.game_id:
            from game.save import new_game_id

            self.game_id = new_game_id(self.state.spec.id)

    # --- creation --------------------------------------------------------------------------
    @classmethod
    def start(cls, spec: ScenarioSpec, setup: GameSetup) -> Session:
        eff = effective_spec(spec, setup)
        state = new_game(eff, setup.seed)
        return cls(state, setup, team_vendor(eff).id)

    @classmethod
    def from_save(cls, path: Path) -> Session:
        """The saved game, rebuilt and checked (``game.save.SaveError`` when it cannot be
        trusted); it keeps autosaving into its own slot."""
        from game.save import load_save

        loaded = load_save(path)
        state, meta = loaded.state, loaded.meta
        setup = setup_from_meta(meta, state)
        team = meta.get("team")
        if team not in state.vendors:
            team = team_vendor(state.spec).id
        return cls(state, setup, team, game_id=loaded.info.game_id)

    # --- what we see -----------------------------------------------------------------------
    @property
    def view(self) -> dict[str, Any]:
        if self._view is None or self._view["week"] != self.state.week:
            self._view = view(self.state, self.team)
        return self._view

    def refresh(self) -> None:
        """Build the view again (the plan in the making stays: it belongs to the week)."""
        self._view = None
        if self._week is not None:
            self._week.view = self.view

    @property
    def human_roles(self) -> list[str]:
        return [r for r in ROLES if self.setup.humans.get(r, True)]

    @property
    def ai_roles(self) -> list[str]:
        return [r for r in ROLES if not self.setup.humans.get(r, True)]

    @property
    def team_mode(self) -> bool:
        return self.setup.mode == "team"

    # --- the team's week in the making ---------------------------------------------------------
    def _seats(self) -> dict[str, str]:
        """Solo: one person plays every human role; team: each role its own seat."""
        return {r: (r if self.team_mode else "solo") for r in self.human_roles}

    @property
    def week(self) -> TeamWeek:
        """This week's plan as the team makes it (``game.play.team_week``)."""
        if self._week is None or self._week.view.get("week") != self.view["week"]:
            self._week = TeamWeek(self.view, self._seats())
        return self._week

    @property
    def plan(self) -> list[Action]:
        """The moves that count so far: event answers, solo moves, agreed joint moves."""
        return self.week.actions()

    @plan.setter
    def plan(self, actions: list[Action]) -> None:
        """Replace the week with moves agreed elsewhere (the coach's plan, a replay)."""
        self._week = TeamWeek.agreed(self.view, self._seats(), actions)

    def vendors_in_game(self) -> int:
        """How many vendors the game's setup holds, joined or not (the board keeps room on its
        stage track for each, so cards stay put when an event brings a rival in)."""
        return len(self.state.spec.vendors)

    def turn_role(self) -> str | None:
        """Team mode: the role whose player acts now (None in solo play or when done)."""
        return self.week.waiting_for() if self.team_mode else None

    def options(self, role: str, also: Action | None = None) -> list[Option]:
        """What ``role`` may plan now, or once ``also`` is planned too (what a board
        prepares before the click that plans it). Kept for the last few plans: an undo goes
        back to one, and a move the board prepared is then found, not worked out again
        (each is kept under everything the rules' check is given)."""
        view, plan = self._checked_view(role), self.week.seen_actions(role, True)
        if also is not None:
            plan.append(also)
        kept = getattr(self, "_options_kept", None)  # (the view they are for, options by plan)
        if kept is None or kept[0] is not self.view:
            kept = self._options_kept = (self.view, {})
        me, memo = view["me"], kept[1]
        key = (role, tuple(plan), tuple(sorted(me["time"].items())), me["budget"])
        found = memo.pop(key, None)
        if found is None:
            found = legal_actions(view, plan, role)
            while len(memo) >= OPTIONS_KEPT:
                del memo[next(iter(memo))]
        memo[key] = found
        return found

    def _checked_view(self, role: str) -> dict[str, Any]:
        """The view with this role's days and the team's money as the week leaves them,
        for listing what ``role`` may still plan (hidden moves counted, never shown)."""
        w = self.week
        seen = w.seen_actions(role, True)
        days, cost = plan_usage(seen, self.view)
        me = dict(self.view["me"])
        me["time"] = {r: w.days_left(r) + days.get(r, 0) for r in self.view["me"]["time"]}
        me["budget"] = w.budget_left() + cost
        return {**self.view, "me": me}

    def seen_plan(self, role: str | None = None) -> list[Action]:
        """The moves that count and that the player at the screen may see."""
        r = role or self.turn_role()
        return self.week.seen_actions(r) if r is not None else self.plan

    def time_left(self) -> dict[str, int]:
        return {r: self.week.days_left(r) for r in self.view["me"]["time"]}

    def budget_left(self) -> float:
        return self.week.budget_left()

    def actions_only(self) -> list[Action]:
        return [a for a in self.plan if a.kind != "choose"]

    def acting_role(self, action: Action) -> str:
        """Who plans ``action`` when the caller does not say: the player whose turn it is,
        else the first role people play among the action's roles."""
        turn = self.turn_role()
        d = CATALOG.get(action.kind)
        roles = d.roles if d is not None else tuple(self.human_roles)
        if turn is not None and (turn in roles or action.kind == "choose"):
            return turn
        return next((r for r in roles if r in self.human_roles),
                    (self.human_roles or list(ROLES))[0])

    # --- planning (undo until the week is committed) ---------------------------------------
    def add(self, action: Action, role: str | None = None) -> str | None:
        """Plan ``action`` for ``role``; returns the i18n key of why it cannot be, or None.
        An event answer replaces the team's earlier answer to the same event."""
        return self.week.plan(role or self.acting_role(action), action)

    def withdraw(self, entry_id: int, role: str | None = None) -> str | None:
        e = self.week.entry(entry_id)
        if e is None:
            return "team.no_such_move"
        return self.week.withdraw(role or e.owner, entry_id)

    def earlier(self, entry_id: int, role: str | None = None) -> str | None:
        """Move a planned move one place earlier in the week (``TeamWeek.earlier``)."""
        e = self.week.entry(entry_id)
        if e is None:
            return "team.no_such_move"
        return self.week.earlier(role or e.owner, entry_id)

    def answer(self, entry_id: int, yes: bool) -> str | None:
        """The partner role accepts (or declines) a joint move proposed to it."""
        e = self.week.entry(entry_id)
        if e is None or e.partner is None:
            return "team.no_such_move"
        return (self.week.accept if yes else self.week.decline)(e.partner, entry_id)

    def teammate(self, role: str) -> str | None:
        """Who plays ``role`` elsewhere (a workshop's teammate on another laptop); None
        here: a role nobody at this screen plays is the AI teammate's."""
        return None

    def undo(self, role: str | None = None) -> bool:
        r = role or self.turn_role() or (self.human_roles or list(ROLES))[0]
        return self.week.undo(r) is None

    def can_undo(self, role: str | None = None) -> bool:
        r = role or self.turn_role() or (self.human_roles or list(ROLES))[0]
        return self.week.can_undo(r)

    def pending_unanswered(self) -> list[dict[str, Any]]:
        answered = {a.target for a in self.plan if a.kind == "choose"}
        return [p for p in self.view["pending"] if p["event"] not in answered]

    # --- the week ----------------------------------------------------------------------------
    def agent(self, vendor: str) -> Any:
        """The AI for ``vendor``: its playbook and difficulty from the setup, a seed derived
        from the game's seed so a replayed game makes the same decisions."""
        if vendor not in self._agents:
            from game.ai.agents import make_agent

            v = self.state.vendors[vendor]
            index = sorted(self.state.vendors).index(vendor)
            difficulty = "normal" if vendor == self.team else v.difficulty
            self._agents[vendor] = make_agent(v.playbook, difficulty,
                                              self.setup.seed * 101 + index)
        return self._agents[vendor]

    def team_plan(self) -> tuple[list[Action], list[str | None]]:
        """The whole team's week if it ended now: the player's plan, then the AI teammates'
        moves for the roles the player left to them, with a reason key for each."""
        plan = list(self.plan)
        if not self.ai_roles:
            return plan, [None] * len(plan)
        from game.ai.teammates import team_plan

        return team_plan(self.view, plan, tuple(self.human_roles), self.agent(self.team))

    def ai_fill(self) -> list[Action]:
        """Only the AI teammates' moves for this week (after the player's own)."""
        return self.team_plan()[0][len(self.plan):]

    def end_week(self) -> dict[str, Any]:
        state = self.state
        self.before = self.view
        plans: dict[str, list[Action]] = {}
        reasons: dict[str, list[Any]] = {}
        for vid, v in state.vendors.items():
            if not v.active and not state.pending.get(vid):
                continue
            if vid == self.team:
                plans[vid], reasons[vid] = self.team_plan()
            else:
                plans[vid], reasons[vid] = self.agent(vid).decide(view(state, vid,
                                                                       with_log=False))
        report = report_for(end_week(state, plans, reasons), self.team)
        self.last_report = report
        self._week = None
        self.refresh()
        return report

    # --- saving ------------------------------------------------------------------------------
    def meta(self) -> dict[str, Any]:
        spec = self.state.spec
        return {
            "kind": "dealcraft",
            "title": {"zh": spec.title.zh, "en": spec.title.en},
            "scenario": spec.id,
            "week": self.state.week,
            "team": self.team,
            "in_progress": not self.state.over,
            "setup": self.setup.options(),
        }

    def save(self, path: Path, language: str | None = None) -> None:
        from game.save import save_game

        save_game(self.state, path, self.meta(), game_id=self.game_id, mode=self.setup.mode,
                  language=language)

    def autosave(self, data_dir: Path, language: str | None = None) -> Path:
        """This game's own autosave slot (the week before kept as its fallback)."""
        from game.save import autosave

        return autosave(self.state, self.game_id, saves_dir(data_dir), meta=self.meta(),
                        mode=self.setup.mode, language=language)


def setup_from_meta(meta: dict[str, Any], state: GameState) -> GameSetup:
    """The game's setup from a save's meta; any field of the wrong kind takes its default
    (the game itself comes from the checked record, never from here)."""
    data = meta.get("setup") if isinstance(meta.get("setup"), dict) else {}
    listed = data.get("rivals") if isinstance(data.get("rivals"), list) else []
    rivals = [RivalChoice(str(r["vendor_id"]), True, str(r.get("playbook", "basic")),
                          str(r.get("difficulty", "normal")))
              for r in listed if isinstance(r, dict) and "vendor_id" in r]
    humans = data.get("humans") if isinstance(data.get("humans"), dict) else {}
    seed = data.get("seed")
    return GameSetup(
        scenario_path=str(data.get("scenario_path", "")),
        scenario_id=state.spec.id,
        mode="team" if data.get("mode") == "team" else "solo",
        humans={r: bool(humans.get(r, True)) for r in ROLES},
        rivals=rivals,
        seed=seed if type(seed) is int else state.seed,
    )


def saves_dir(data_dir: Path) -> Path:
    return data_dir / "saves"


def interrupted_game(data_dir: Path) -> Path | None:
    """The newest autosave of a game left before its end, if there is one."""
    from game.save import list_saves

    for info in list_saves(saves_dir(data_dir)):
        if info.autosave and not info.finished:
            return info.path
    return None


def open_save(ctx: UIContext, path: Path) -> Command | SaveError:
    """A command that opens the saved game, or the SaveError saying why it cannot (with
    its translation key, and the last good autosave of the same game as ``fallback``)."""
    from game.save import SaveError
    from game.ui import router

    try:
        session = Session.from_save(path)
    except SaveError as error:
        return error
    return router.push("outcome" if session.state.over else "board", ctx, session)
