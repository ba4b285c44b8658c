"""The workshop on the host: one authoritative game, its seats, the week's round and the
trainer's controls. No sockets here: the host feeds it commands and sends what it queues in
`outbox`, so every rule of the workshop is tested without a network.

The engine runs only here. Every team's week is collected on its desk; when the week ends
(all committed with auto-advance on, the countdown ran out, or the trainer ends it now) the
AI plans the seats nobody plays and the roles it covers, `end_week` resolves everything, the
week is appended to the session log, the game is autosaved beside it, and each seat gets a
fresh snapshot built from its own team's view.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from game.core.actions import Action
from game.core.engine import end_week, new_game
from game.core.replay import replay
from game.core.serialize import state_from_dict, state_hash, state_to_dict
from game.core.state import GameState
from game.core.views import report_for, trainer_view, view
from game.net import frames
from game.net.clock import RoundClock
from game.net.desk import Desk, thaw_desk
from game.net.protocol import ROLES, Command, Refusal
from game.net.seats import Lobby, Seat, Team, new_pin, same_secret
from game.net.session_log import LOG_NAME, SessionLog, read_log
from game.save import new_game_id
from game.scenario.event_models import TriggerSpec
from game.scenario.models import ScenarioSpec

PUBLIC = "~public"  # a vendor id no scenario can have: report_for keeps only public entries


@dataclass
class Settings:
    minutes: float = 0.0  # per week; 0 = no countdown
    auto_advance: bool = True  # the week ends as soon as every seat has committed
    leaderboard: bool = False  # shown on the projector
    autostart: bool = False  # start once `min_seats` people have joined (headless runs)
    min_seats: int = 0  # 0: once every human team has someone
    session_minutes: float = 180.0  # the room is booked this long (pacing warnings)


Outbox = list[tuple[tuple[str, ...], dict[str, Any] | Callable[[], dict[str, Any]]]]


class Workshop:
    def __init__(self, spec: ScenarioSpec, seed: int, lobby: Lobby, folder: Path,
                 settings: Settings, pin: str, now: Callable[[], float] = time.monotonic
                 ) -> None:
        self.base_spec = spec
        self.seed = seed
        self.lobby = lobby
        self.folder = folder
        self.settings = settings
        self.pin = pin
        self.game_id = "workshop"  # set by create/resume: the game's saves are named by it
        self.clock = RoundClock(now)
        self.state: GameState = new_game(spec, seed)
        self.status = "lobby"  # lobby | planning | over
        self.stamp = 0
        self.desks: dict[str, Desk] = {}
        self.reports: dict[str, dict[str, Any]] = {}
        self.notices: dict[str, list[dict[str, Any]]] = {}
        self.injects: list[dict[str, Any]] = []
        self.outbox: Outbox = []
        self._agents: dict[str, Any] = {}
        self._views: dict[tuple[int, str], dict[str, Any]] = {}
        self._view_json: dict[tuple[int, str], str] = {}
        self._team_views: dict[tuple[int, str], dict[str, Any]] = {}
        self.public_cache: dict[str, Any] = {}
        self.log: SessionLog | None = None
        self.on_week: Callable[[Workshop, dict[str, Any]], None] | None = None
        self.opened = self.clock.now()
        self.week_times: list[float] = []  # when each week's planning began (this run)
        self.last_commit_at: float | None = None
        self.autosave_due = False
        # who played each role of each human team, week by week (the debrief names people)
        self.people: dict[int, dict[str, dict[str, str]]] = {}

    # --- creating and resuming ---------------------------------------------------------------
    @classmethod
    def create(cls, spec: ScenarioSpec, seed: int, human: list[str], folder: Path,
               settings: Settings | None = None, pin: str | None = None,
               now: Callable[[], float] = time.monotonic, game_id: str | None = None
               ) -> Workshop:
        vendors = [v.id for v in spec.vendors]
        unknown = [h for h in human if h not in vendors]
        if unknown:
            raise ValueError(f"no vendor {', '.join(unknown)} in {spec.id}")
        lobby = Lobby.create(vendors, human)
        ws = cls(spec, seed, lobby, folder, settings or Settings(), pin or new_pin(), now)
        ws.game_id = game_id or new_game_id(spec.id)
        ws.log = SessionLog(folder / LOG_NAME)
        ws.log.write("start", game_id=ws.game_id, spec=spec.model_dump(mode="json"), seed=seed,
                     settings=asdict(ws.settings), pin=ws.pin,
                     teams={t.vendor: {"code": t.code, "human": t.human}
                            for t in lobby.teams.values()})
        ws._autosave()
        return ws

    @classmethod
    def resume(cls, folder: Path, now: Callable[[], float] = time.monotonic) -> Workshop:
        """Stand the workshop up again from its session log, exactly where it stopped."""
        records, warning = read_log(folder / LOG_NAME)
        if not records or records[0]["t"] != "start":
            raise ValueError(f"{folder / LOG_NAME}: not a workshop session log")
        head = records[0]
        spec = ScenarioSpec.model_validate(head["spec"])
        lobby = Lobby({vid: Team(vid, t["code"], t["human"]) for vid, t in head["teams"].items()})
        ws = cls(spec, head["seed"], lobby, folder, Settings(**head["settings"]), head["pin"],
                 now)
        ws.game_id = head["game_id"]
        plans: list[dict[str, Any]] = []
        hashes: dict[int, str] = {}
        desks: dict[str, dict[str, Any]] = {}
        clock: dict[str, Any] | None = None
        started = over = False
        for rec in records[1:]:
            t = rec["t"]
            if t == "seat":
                lobby.restore(rec["team"], rec["role"], rec["name"], rec["token"],
                              rec.get("names"))
            elif t == "started":
                started = True
            elif t == "week":
                plans.append(rec["plans"])
                ws.people[rec["week"]] = rec.get("people") or {}
                desks = {}
            elif t == "hash":
                hashes[rec["turn"]] = rec["hash"]
            elif t == "desk":
                desks[rec["team"]] = rec["desk"]
            elif t == "inject":
                ws.injects.append(rec["inject"])
            elif t == "rollback":
                k = rec["to_turn"]
                del plans[k:]
                ws.people = {w: p for w, p in ws.people.items() if w <= k}
                hashes = {turn: h for turn, h in hashes.items() if turn <= k}
                ws.injects = [i for i in ws.injects if i["turn"] < k]
                desks = {}
            elif t == "trainer":
                ws._replay_trainer(rec)
            elif t == "clock":
                clock = rec["clock"]
            elif t == "end":
                over = True
        ws.state = replay(ws.spec_now(), ws.seed, plans)
        if len(plans) in hashes and state_hash(ws.state) != hashes[len(plans)]:
            raise ValueError(f"{folder / LOG_NAME}: replaying the log does not give the state "
                             "it recorded (the scenario code changed?); the autosave is "
                             f"{ws.autosave_path()}")
        ws.stamp = sum(1 for r in records if r["t"] in ("started", "week", "rollback"))
        ws.status = "over" if (over or ws.state.over) else ("planning" if started else "lobby")
        for vid in lobby.teams:
            if vid in desks:
                ws.desks[vid] = thaw_desk(desks[vid], ws.team_view(vid))
                ws.desks[vid].reseat(ws.seats_of(vid))
            else:
                ws.desks[vid] = ws.new_desk(vid)
        if clock is not None:
            ws.clock.thaw(clock)
        elif ws.status == "planning":
            ws.clock.thaw({"limit": ws.settings.minutes * 60 or None,
                           "left": ws.settings.minutes * 60 or None})
        ws.log = SessionLog(folder / LOG_NAME)
        ws.log.write("resumed", turn=len(plans), warning=warning)
        ws._reports_from_history()
        ws.outbox.clear()  # what the log replay queued was sent before the restart
        return ws

    def _replay_trainer(self, rec: dict[str, Any]) -> None:
        cmd, team, role, on = rec["cmd"], rec.get("team"), rec.get("role"), rec.get("on")
        if cmd in ("cover", "absent", "release") and team in self.lobby.teams:
            seat = self.lobby.teams[team].seats.get(role or "")
            if seat is not None:
                setattr(seat, {"cover": "cover", "absent": "absent",
                               "release": "released"}[cmd], bool(on))
        elif cmd == "ai_team" and team in self.lobby.teams:
            self.lobby.teams[team].human = not on
        elif cmd == "settings":
            self.settings = Settings(**rec["settings"])
        elif cmd == "say":
            self._notify(team, rec["text"], rec.get("week", 0))
        elif cmd == "handback" and team in self.lobby.teams:
            seat = self.lobby.teams[team].seats.get(role or "")
            if seat is not None:
                seat.cover = False

    def _reports_from_history(self) -> None:
        """After a restart the last week's report is rebuilt from the log (same entries)."""
        st = self.state
        if not st.plans:
            return
        week = st.history[-1]["week"] if st.history else st.week - 1
        entries = [e for e in st.log if e.get("week") == week]
        report = {"week": week, "entries": entries, "moved": [],
                  "events": [e["event"] for e in entries if e.get("event")
                             and not e.get("calendar")]}
        self.reports = {vid: report_for(report, vid) for vid in st.vendors}
        self.reports[PUBLIC] = report_for(report, PUBLIC)

    # --- the scenario as played (with the trainer's injects) ----------------------------------
    def spec_now(self) -> ScenarioSpec:
        if not self.injects:
            return self.base_spec
        by_id = {e.id: e for e in self.base_spec.events}
        extra = [
            by_id[i["event"]].model_copy(update={
                "id": i["id"],
                "trigger": TriggerSpec(weeks=(i["week"], i["week"]), chance=1.0),
            })
            for i in self.injects
        ]
        return self.base_spec.model_copy(update={"events": [*self.base_spec.events, *extra]})

    # --- seats -----------------------------------------------------------------------------
    def join(self, code: str, role: str, name: str,
             names: dict[str, str] | None = None) -> tuple[Seat, str]:
        if self.status == "over":
            raise Refusal("join/over", "the game is over; ask the trainer for the debrief")
        seat, token = self.lobby.join(code, role, name, names)
        team = self.lobby.teams[seat.team]
        self._write("seat", team=seat.team, role=seat.role, name=seat.name,
                    token=seat.token_hash, names=seat.names or None)
        desk = self.desks.get(seat.team)
        if desk is None or desk.mode != team.mode:
            self.desks[seat.team] = self.new_desk(seat.team)
        else:
            self.reseat(seat.team)
        self._queue(("console",), self.console_frame)
        return seat, token

    # --- a team's desk: its week in the making -----------------------------------------------
    def seats_of(self, vid: str) -> dict[str, str]:
        """Which roles people play in a team now, and from which seat (one laptop: every
        role from the seat 'team'); the other roles are the AI teammate's."""
        team = self.lobby.teams[vid]
        return {r: ("team" if team.mode == "team" else r) for r in team.human_roles()}

    def people_now(self) -> dict[str, dict[str, str]]:
        """Who plays each role of each human team now (the AI's roles are left out)."""
        out = {}
        for vid, team in self.lobby.teams.items():
            roles = {}
            for r in team.human_roles():
                seat = team.seats["team"] if team.mode == "team" else team.seats[r]
                roles[r] = seat.names.get(r) or seat.name
            if roles:
                out[vid] = roles
        return out

    def new_desk(self, vid: str) -> Desk:
        return Desk(self.lobby.teams[vid].mode, self.team_view(vid), self.seats_of(vid))

    def reseat(self, vid: str) -> None:
        """Someone joined, was covered, came back or left: the desk follows the seats."""
        desk = self.desks.get(vid)
        if desk is None:
            return
        desk.reseat(self.seats_of(vid))
        self._queue_desk(vid)

    def connected(self, seat: Seat, on: bool) -> None:
        seat.connected = on
        if on and seat.released:
            seat.released = False
        self._queue(("team", seat.team), frames.presence(self.lobby.teams[seat.team]))
        self._queue(("console",), self.console_frame)
        self._queue(("public",), self.public_frame)
        if on:
            self.maybe_autostart()

    def maybe_autostart(self) -> None:
        if self.status != "lobby" or not self.settings.autostart:
            return
        humans = [t for t in self.lobby.teams.values() if t.human]
        seated = sum(1 for t in humans for s in t.seats.values() if s.connected)
        need = self.settings.min_seats
        if (need and seated >= need) or (not need and humans
                                         and all(t.seats for t in humans)):
            self.start()

    # --- the week ----------------------------------------------------------------------------
    def team_view(self, vid: str) -> dict[str, Any]:
        """The team's view for checking plans (kept for the turn, read-only)."""
        key = (self.stamp, vid)
        got = self._team_views.get(key)
        if got is None:
            if len(self._team_views) > 4 * len(self.lobby.teams):
                self._team_views.clear()
            got = self._team_views[key] = view(self.state, vid, with_log=False)
        return got

    def _open(self, seat: Seat, stamp: int) -> Desk:
        if self.status == "lobby":
            raise Refusal("week/not_started", "the trainer has not started the game yet")
        if self.status == "over":
            raise Refusal("week/over", "the game is over")
        if stamp != self.stamp:
            raise Refusal("week/stale", f"that command was made on an older board (state "
                          f"{stamp}); the game is now at week {self.state.week} (state "
                          f"{self.stamp}), and a fresh board is on its way", stamp=self.stamp)
        team = self.lobby.teams[seat.team]
        if not team.human or seat.absent:
            raise Refusal("seat/ai", "the AI plays this seat now; ask the trainer")
        return self.desks[seat.team]

    def plan(self, seat: Seat, stamp: int, actions: list[Action]) -> None:
        desk = self._open(seat, stamp)
        desk.set_plan(seat.role, actions)
        self._queue_desk(seat.team)

    def move(self, seat: Seat, stamp: int, op: str, role: str | None = None,
             action: Action | None = None, entry: int | None = None) -> None:
        """One change to the team's week from a seat (see protocol.Move)."""
        desk = self._open(seat, stamp)
        try:
            desk.move(seat.role, op, role, action, entry)
        finally:  # a refused move still sends the seat its desk as it stands
            self._queue_desk(seat.team)
        if op in ("accept", "decline"):
            self._queue(("console",), self.console_frame)
            self.maybe_advance()

    def commit(self, seat: Seat, stamp: int) -> None:
        desk = self._open(seat, stamp)
        desk.commit(seat.role)
        self.last_commit_at = self.clock.now()
        self._write("desk", team=seat.team, desk=desk.freeze())
        self._queue_desk(seat.team)
        self._queue(("console",), self.console_frame)
        self._queue(("public",), self.public_frame)
        self.maybe_advance()

    def reopen(self, seat: Seat, stamp: int) -> None:
        desk = self._open(seat, stamp)
        desk.reopen(seat.role)
        self._write("desk", team=seat.team, desk=desk.freeze())
        self._queue_desk(seat.team)
        self._queue(("console",), self.console_frame)

    def all_committed(self) -> bool:
        waiting = self.waiting_for()
        return not waiting

    def waiting_for(self) -> list[tuple[str, str]]:
        """Seats the week still waits for (a person who has not committed)."""
        out = []
        for vid, team in self.lobby.teams.items():
            if not team.human or not self.state.vendors[vid].active:
                continue
            desk = self.desks[vid]
            roles = desk.waiting()
            if team.mode == "team":
                out += [(vid, "team")] if roles else []
            else:
                out += [(vid, r) for r in roles]
        return out

    def maybe_advance(self) -> dict[str, Any] | None:
        if self.status == "planning" and self.settings.auto_advance and not self.clock.paused \
                and self.all_committed():
            return self.resolve_week()
        return None

    def tick(self) -> dict[str, Any] | None:
        """Called by the host every second: the countdown may end the week."""
        if self.status == "planning" and self.clock.expired():
            return self.resolve_week()
        return None

    def agent(self, vid: str) -> Any:
        if vid not in self._agents:
            from game.ai.agents import make_agent

            v = self.state.vendors[vid]
            index = sorted(self.state.vendors).index(vid)
            self._agents[vid] = make_agent(v.playbook, v.difficulty, agent_seed(self.seed, index))
        return self._agents[vid]

    def week_plans(self) -> tuple[dict[str, list[Action]], dict[str, list[Any]]]:
        """Every vendor's plan for the week if it ended now."""
        from game.ai.teammates import team_plan

        state = self.state
        plans: dict[str, list[Action]] = {}
        reasons: dict[str, list[Any]] = {}
        for vid, v in state.vendors.items():
            if not v.active and not state.pending.get(vid):
                continue
            team = self.lobby.teams[vid]
            humans = team.human_roles()
            vw = view(state, vid, with_log=False)
            if not humans:
                p, why = self.agent(vid).decide(vw)
            else:
                mine = self.desks[vid].human_plan()
                if len(humans) == len(ROLES):
                    p, why = mine, [None] * len(mine)
                else:
                    p, why = team_plan(vw, mine, humans, self.agent(vid))
            plans[vid], reasons[vid] = list(p), list(why)
        return plans, reasons

    def resolve_week(self) -> dict[str, Any]:
        self.autosave_if_due()  # the last week's hash is logged before this week's record
        plans, reasons = self.week_plans()
        people = self.people_now()
        report = end_week(self.state, plans, reasons)
        turn = len(self.state.plans)
        self.people[report["week"]] = people
        self._write("week", turn=turn, week=report["week"], plans=self.state.plans[-1],
                    people=people)
        self.autosave_due = True  # the hash and the autosave follow once the frames are out
        self.stamp += 1
        self._views.clear()
        self._view_json.clear()
        self.reports = {vid: report_for(report, vid) for vid in self.state.vendors}
        self.reports[PUBLIC] = report_for(report, PUBLIC)
        for team in self.lobby.teams.values():
            for s in team.seats.values():
                if s.cover and s.connected:  # the person is back: the AI hands the role back
                    s.cover = False
                    self._write("trainer", cmd="handback", team=s.team, role=s.role)
            self.desks[team.vendor] = self.new_desk(team.vendor)
        if self.state.over:
            self.status = "over"
            self.clock.start(None)
            self._write("end", outcome=self.state.outcome)
        else:
            self.clock.start(self.settings.minutes * 60)
            self._write("clock", clock=self.clock.freeze())
        self.week_times.append(self.clock.now())
        if self.on_week is not None:
            self.on_week(self, report)
        self._queue_everyone()
        return report

    def start(self) -> None:
        if self.status != "lobby":
            raise Refusal("console/started", "the game has already started")
        self.status = "planning"
        self.stamp += 1
        for vid in self.lobby.teams:
            if vid not in self.desks:
                self.desks[vid] = self.new_desk(vid)
        self.clock.start(self.settings.minutes * 60)
        self.week_times.append(self.clock.now())
        self._write("started")
        self._write("clock", clock=self.clock.freeze())
        self._queue_everyone()

    # --- the trainer's controls ------------------------------------------------------------
    def command(self, c: Command) -> dict[str, Any]:
        """Carry out a console command; returns what the console is told back."""
        handler = getattr(self, f"_cmd_{c.cmd}")
        out = handler(c) or {}
        self._queue(("console",), self.console_frame)
        return out

    def _cmd_status(self, c: Command) -> dict[str, Any]:
        return {"status": self.console_frame()}

    def _cmd_start(self, c: Command) -> None:
        self.start()

    def _need_planning(self) -> None:
        if self.status != "planning":
            raise Refusal("console/not_planning", f"no week is being planned (the game is "
                          f"{'not started' if self.status == 'lobby' else 'over'})")

    def _cmd_pause(self, c: Command) -> None:
        self._need_planning()
        if not self.clock.pause():
            raise Refusal("console/paused", "the week is already paused")
        self._clock_changed()

    def _cmd_resume(self, c: Command) -> None:
        self._need_planning()
        if not self.clock.resume():
            raise Refusal("console/not_paused", "the week is not paused")
        self._clock_changed()
        self.maybe_advance()

    def _cmd_extend(self, c: Command) -> None:
        self._need_planning()
        self.clock.extend((c.minutes or 1.0) * 60)
        self._clock_changed()

    def _cmd_minutes(self, c: Command) -> None:
        if c.minutes is None:
            raise Refusal("console/args", "say how many minutes per week (0: no countdown)")
        self._settings(minutes=c.minutes)

    def _cmd_auto(self, c: Command) -> None:
        self._settings(auto_advance=bool(c.on))
        self.maybe_advance()

    def _cmd_leaderboard(self, c: Command) -> None:
        self._settings(leaderboard=bool(c.on))
        self._queue(("public",), self.public_frame)

    def _settings(self, **kw: Any) -> None:
        for k, val in kw.items():
            setattr(self.settings, k, val)
        self._write("trainer", cmd="settings", settings=asdict(self.settings))

    def _clock_changed(self) -> None:
        self._write("clock", clock=self.clock.freeze())
        msg = frames.round_msg(self)
        self._queue(("seats",), msg)
        self._queue(("public",), self.public_frame)

    def _cmd_end_week(self, c: Command) -> dict[str, Any]:
        self._need_planning()
        self._write("trainer", cmd="end_week")
        report = self.resolve_week()
        return {"week": report["week"]}

    def _seat_cmd(self, c: Command) -> Seat:
        if not c.team or not c.role:
            raise Refusal("console/args", "name the team and the role (or 'team')")
        return self.lobby.seat(c.team, c.role)

    def _cmd_cover(self, c: Command) -> None:
        """The AI plays an away person's role until they are back (handed back at the next
        week boundary)."""
        seat = self._seat_cmd(c)
        seat.cover = c.on is not False
        self._write("trainer", cmd="cover", team=seat.team, role=seat.role, on=seat.cover)
        self._queue(("team", seat.team), frames.presence(self.lobby.teams[seat.team]))
        self.reseat(seat.team)
        self.maybe_advance()

    def _cmd_absent(self, c: Command) -> None:
        seat = self._seat_cmd(c)
        seat.absent = c.on is not False
        self._write("trainer", cmd="absent", team=seat.team, role=seat.role, on=seat.absent)
        self._queue(("team", seat.team), frames.presence(self.lobby.teams[seat.team]))
        self.reseat(seat.team)
        self.maybe_advance()

    def _cmd_release(self, c: Command) -> None:
        """Mark a seat away: its team code may then claim it (the new person takes over)."""
        seat = self._seat_cmd(c)
        seat.released = c.on is not False
        self._write("trainer", cmd="release", team=seat.team, role=seat.role, on=seat.released)

    def _cmd_ai_team(self, c: Command) -> None:
        if not c.team or c.team not in self.lobby.teams:
            raise Refusal("console/no_team", f"no team {c.team!r}")
        team = self.lobby.teams[c.team]
        team.human = not (c.on is not False)
        self._write("trainer", cmd="ai_team", team=c.team, on=not team.human)
        self._queue(("team", c.team), frames.presence(team))
        self.reseat(c.team)
        self.maybe_advance()

    def _event(self, c: Command) -> Any:
        ev = next((e for e in self.base_spec.events if e.id == c.event), None)
        if ev is None:
            raise Refusal("console/no_event", f"no event {c.event!r}; events: "
                          f"{', '.join(e.id for e in self.base_spec.events)}")
        return ev

    def _cmd_inject(self, c: Command) -> dict[str, Any]:
        """Fire a scenario event this week: it takes effect when the week resolves, with the
        week's moves, whatever its own trigger says."""
        self._need_planning()
        ev = self._event(c)
        turn = len(self.state.plans)
        inj = {"turn": turn, "week": self.state.week, "event": ev.id,
               "id": f"inject{len(self.injects) + 1}_{ev.id}"}
        before = state_hash(self.state)
        self.injects.append(inj)
        self.state = replay(self.spec_now(), self.seed, self.state.plans)
        if state_hash(self.state) != before:  # cannot happen: the copy fires only this week
            raise RuntimeError("injecting an event changed the past")
        self._write("inject", inject=inj)
        return {"injected": inj}

    def _cmd_preview(self, c: Command) -> dict[str, Any]:
        """Each team's likely C931 forecast after this week, with and without the event
        (a one-week simulation with the AI planning every seat)."""
        self._need_planning()
        ev = self._event(c)
        return {"preview": preview_event(self, ev.id)}

    def _cmd_say(self, c: Command) -> None:
        if not c.text:
            raise Refusal("console/args", "say what (text)")
        if c.team and c.team != "all" and c.team not in self.lobby.teams:
            raise Refusal("console/no_team", f"no team {c.team!r}")
        self._notify(c.team, c.text, self.state.week)
        self._write("trainer", cmd="say", team=c.team, text=c.text, week=self.state.week)

    def _notify(self, team: str | None, text: str, week: int) -> None:
        note = {"from": "trainer", "text": text, "week": week, "to": team or "all"}
        everyone = not team or team == "all"
        for vid in (list(self.lobby.teams) if everyone else [team]):
            self.notices.setdefault(vid, []).append(note)
            del self.notices[vid][:-20]
            self._queue(("team", vid), {"type": "notice", **note})
        if everyone:
            self.notices.setdefault(PUBLIC, []).append(note)
            del self.notices[PUBLIC][:-20]
            self._queue(("public",), {"type": "notice", **note})

    def _cmd_restart_week(self, c: Command) -> None:
        """Plan this week again from its autosave: drafts, commits and injects are dropped."""
        self._need_planning()
        self.rollback(len(self.state.plans))

    def _cmd_rollback(self, c: Command) -> None:
        """Undo the last resolved week and plan it again."""
        if not self.state.plans:
            raise Refusal("console/no_week", "no week has been played yet")
        self.rollback(len(self.state.plans) - 1)

    def rollback(self, turn: int) -> None:
        keep = self.state.plans[:turn]
        self.people = {w: p for w, p in self.people.items() if w <= turn}
        self.injects = [i for i in self.injects if i["turn"] < turn]
        self.state = replay(self.spec_now(), self.seed, keep)
        self._write("rollback", to_turn=turn)
        self._autosave()
        self.stamp += 1
        self._views.clear()
        self._view_json.clear()
        self.status = "planning"
        self._team_views.clear()
        for vid in self.lobby.teams:
            self.desks[vid] = self.new_desk(vid)
        self._reports_from_history()
        if not keep:
            self.reports = {}
        self.clock.start(self.settings.minutes * 60)
        self._write("clock", clock=self.clock.freeze())
        self._queue_everyone()

    def _cmd_end_game(self, c: Command) -> None:
        if self.status == "over":
            raise Refusal("console/over", "the game is already over")
        self.status = "over"
        self.clock.start(None)
        self._write("end", outcome=self.state.outcome, by="trainer")
        self._queue_everyone()

    def _cmd_trainer_view(self, c: Command) -> dict[str, Any]:
        return {"trainer_view": trainer_view(self.state)}

    def _cmd_board(self, c: Command) -> dict[str, Any]:
        """A read-only look at one team's board: what its seats are shown right now."""
        if not c.team or c.team not in self.lobby.teams:
            raise Refusal("console/no_team", f"no team {c.team!r}; teams: "
                          f"{', '.join(self.lobby.teams)}")
        desk = self.desks.get(c.team)
        return {"board": {"team": c.team, "view": self.seat_view(c.team),
                          "report": self.reports.get(c.team),
                          "desk": desk.freeze() if desk is not None else None,
                          "briefing": frames.briefing(self, c.team),
                          "notices": self.notices.get(c.team, [])[-10:]}}

    def final(self) -> dict[str, Any]:
        """After the game, every seat gets the whole game for its debrief (the debrief may
        show everything once the deal is over): the same data as a save file."""
        from game.save_file import save_text

        if self.status != "over":
            raise RuntimeError("the whole game is shown only after it is over")
        return {"type": "final", "game_id": self.game_id,
                "save": save_text(self.state, self._meta(), game_id=self.game_id, mode="team")}

    def pace(self) -> dict[str, Any]:
        """Where the session stands against the room's booking: the average week so far, the
        weeks the deal is likely to take (to the contract week and a little after), and the
        projected finish, with a warning when it will not fit."""
        now = self.clock.now()
        times = self.week_times
        per_week = ((times[-1] - times[0]) / (len(times) - 1) if len(times) > 1
                    else self.settings.minutes * 60 or None)
        cal = self.state.calendar
        likely_end = min(self.state.spec.last_week, cal["contract"] + 2)
        weeks_left = max(0, likely_end - self.state.week + 1) if not self.state.over else 0
        left_s = self.settings.session_minutes * 60 - (now - self.opened)
        finish_s = per_week * weeks_left if per_week is not None else None
        return {"weeks_left": weeks_left, "week_s": round(per_week, 1) if per_week else None,
                "finish_in_s": round(finish_s) if finish_s is not None else None,
                "session_left_s": round(left_s),
                "fits": finish_s is None or finish_s <= left_s}

    # --- frames ----------------------------------------------------------------------------
    def seat_view(self, vid: str) -> dict[str, Any]:
        """The team's view with its log, built once per state and shared by its seats."""
        key = (self.stamp, vid)
        got = self._views.get(key)
        if got is None:
            got = self._views[key] = view(self.state, vid)
        return got

    def snapshot(self, seat: Seat) -> dict[str, Any]:
        return frames.snapshot(self, seat)

    def public_frame(self) -> dict[str, Any]:
        return frames.public(self)

    def console_frame(self) -> dict[str, Any]:
        return frames.console(self)

    def _queue_desk(self, vid: str) -> None:
        team = self.lobby.teams[vid]
        for s in team.seats.values():
            self._queue(("seat", vid, s.role), frames.desk_msg(self, s))

    def _queue_everyone(self) -> None:
        # fresh snapshots supersede the desks and clocks queued for the state before
        self.outbox = [(t, m) for t, m in self.outbox
                       if callable(m) or m.get("type") not in ("desk", "round")]
        self._queue(("snapshots",), {})
        if self.status == "over":
            self._queue(("seats",), self.final)
            self._queue(("public_pin",), self.final)
        self._queue(("public",), self.public_frame)
        self._queue(("console",), self.console_frame)

    def _queue(self, target: tuple[str, ...],
               msg: dict[str, Any] | Callable[[], dict[str, Any]]) -> None:
        """Queue a message; a builder (the console's or projector's frame) is built only when
        sent, only if someone receives it, and only once however often it was queued."""
        if callable(msg):
            self.outbox = [(t, m) for t, m in self.outbox if not (t == target and m == msg)]
        self.outbox.append((target, msg))

    def snapshot_text(self, seat: Seat) -> str:
        """A seat's snapshot as sent: the team's view is serialised once per state and shared
        by the team's seats."""
        from game.net.protocol import dump

        key = (self.stamp, seat.team)
        vj = self._view_json.get(key)
        if vj is None:
            vj = self._view_json[key] = json.dumps(self.seat_view(seat.team),
                                                   ensure_ascii=False, separators=(",", ":"))
        msg = frames.snapshot(self, seat, with_view=False)
        return dump(msg)[:-1] + ',"view":' + vj + "}"

    # --- files -------------------------------------------------------------------------------
    def _write(self, kind: str, **data: Any) -> None:
        if self.log is not None:
            self.log.write(kind, **data)

    def autosave_if_due(self) -> None:
        if self.autosave_due:
            self._autosave()

    def _meta(self) -> dict[str, Any]:
        return {"kind": "workshop", "seed": self.seed,
                "teams": {t.vendor: {"human": t.human,
                                     "people": [s.name for s in t.seats.values()]}
                          for t in self.lobby.teams.values()},
                "people": {str(w): p for w, p in sorted(self.people.items())}}

    def autosave_path(self) -> Path:
        from game.save import autosave_path

        return autosave_path(self.game_id, self.folder)

    def _autosave(self) -> None:
        """The game's autosave beside the log (with last week's kept as its fallback), and
        the state's hash logged for this turn (resume checks that replaying the log gives
        it again)."""
        from game.save import autosave

        self.autosave_due = False
        self._write("hash", turn=len(self.state.plans), hash=state_hash(self.state))
        autosave(self.state, self.game_id, self.folder, meta=self._meta(), mode="team")

    def close(self) -> None:
        self.autosave_if_due()
        if self.log is not None:
            self.log.close()


def agent_seed(seed: int, index: int) -> int:
    """The seed of the AI for the vendor at `index` (sorted ids), as the local game uses."""
    return seed * 101 + index


def preview_event(ws: Workshop, event_id: str) -> dict[str, dict[str, Any]]:
    """One week played forward twice from a copy of the game (the AI planning every seat):
    each vendor's stage and forecast without and with the event."""
    from game.ai.agents import make_agent

    def play(spec: ScenarioSpec) -> GameState:
        st = state_from_dict(state_to_dict(ws.state, with_spec=False), spec)
        plans, reasons = {}, {}
        for i, vid in enumerate(sorted(st.vendors)):
            v = st.vendors[vid]
            if not v.active and not st.pending.get(vid):
                continue
            agent = make_agent(v.playbook, "normal", agent_seed(ws.seed, i))
            plans[vid], reasons[vid] = agent.decide(view(st, vid, with_log=False))
        end_week(st, plans, reasons)
        return st

    trial = {"turn": len(ws.state.plans), "week": ws.state.week, "event": event_id,
             "id": f"preview_{event_id}"}
    base = play(ws.spec_now())
    ws.injects.append(trial)
    try:
        spec = ws.spec_now()
    finally:
        ws.injects.pop()
    fired = play(spec)
    out = {}
    for vid in ws.state.vendors:
        a, b = base.history[-1], fired.history[-1]
        out[vid] = {"stage": [a["stages"][vid], b["stages"][vid]],
                    "forecast": [a["health"][vid]["forecast"], b["health"][vid]["forecast"]]}
    return out


def human_vendors(spec: ScenarioSpec, teams: int) -> list[str]:
    """The seats offered to human teams: the team side first, then the scenario's order."""
    order = [v.id for v in spec.vendors if v.side == "team"] + \
            [v.id for v in spec.vendors if v.side != "team"]
    return order[:max(0, teams)]


def check_pin(ws: Workshop, pin: str | None) -> None:
    if not pin or not same_secret(ws.pin, pin):
        raise Refusal("auth/pin", "wrong PIN: the trainer's PIN is shown on the host's screen")
