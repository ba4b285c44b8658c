"""A team's window joined to a workshop: the connection, the seat it holds, and the scene
changes the host's messages call for.

The connection is the headless client's (``game.net.client.BotClient``, not acting): it
validates every frame, keeps the seat token and reconnects by itself (1-10 s, with jitter).
Each message updates the seat (``game.net.remote.RemoteSeat``); a new state (the week
resolved, the trainer restarted it, the game started or ended) resets the window's scenes to
the board of the new week, with the week's summary on top, or to the debrief at the end.
The seat token is kept in the user's data folder, so closing the window and joining again
returns to the same seat.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from pathlib import Path
from typing import Any

from game.net.client import BotClient
from game.net.remote import RemoteSeat
from game.ui import router

NOTICE_S = 20.0  # seconds a trainer's message stays on the banner
REFUSAL_S = 6.0


def seats_file(data_dir: Path) -> Path:
    return data_dir / "workshop_seats.json"


def saved_seat(data_dir: Path, address: str) -> dict[str, Any] | None:
    """The seat this laptop last held at ``address`` (its token, team, role, name)."""
    try:
        seats = json.loads(seats_file(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    got = seats.get(address) if isinstance(seats, dict) else None
    return got if isinstance(got, dict) and isinstance(got.get("token"), str) else None


def keep_seat(data_dir: Path, address: str, seat: dict[str, Any] | None) -> None:
    """Remember (or with None forget) the seat held at ``address``."""
    from game.save import write_atomic

    path = seats_file(data_dir)
    try:
        seats = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(seats, dict):
            seats = {}
    except (OSError, ValueError):
        seats = {}
    if seat is None:
        seats.pop(address, None)
    else:
        seats[address] = seat
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(seats, ensure_ascii=False, indent=1))


def players_of(meta: dict[str, Any], vendor: str) -> dict[str, str]:
    """Who played each role of ``vendor``, from a workshop save's record of the weeks
    (several people in turn are joined: "Li / Wang")."""
    from game.net.class_report import players_of as by_week

    people = meta.get("people") if isinstance(meta.get("people"), dict) else {}
    weeks = {int(w): p for w, p in people.items()
             if str(w).isdigit() and isinstance(p, dict)}
    return by_week(weeks, vendor)


class TeamLink:
    """The window's seat in a workshop (see the module docstring)."""

    def __init__(self, ctx: Any, address: str, code: str | None, role: str, name: str,
                 names: dict[str, str] | None = None, token: str | None = None) -> None:
        from game.ui.join.session import NetSession

        self.ctx = ctx
        self.address = address
        self.seat = RemoteSeat(self._send)
        self.client = BotClient(address, code=code, role=role, name=name, token=token,
                                act=False, on_message=self._on_message, names=names)
        self.session = NetSession(self)
        self.task: asyncio.Task[None] | None = None
        self.entered = False
        self.finished = False
        self.failed: str | None = None  # why the host would not seat us (join/resume/auth)
        self.failed_code: str | None = None
        self._news: tuple[str, float] | None = None
        self._shape: Any = None

    # --- running -----------------------------------------------------------------------------
    def start(self) -> None:
        self.task = asyncio.get_running_loop().create_task(self.client.run())
        self.ctx.services.append(self)

    async def aclose(self) -> None:
        await self.client.stop()
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.task

    def leave(self) -> None:
        """Close the connection now (the seat shows as away on the console)."""
        if self in self.ctx.services:
            self.ctx.services.remove(self)
        asyncio.ensure_future(self.aclose())

    @property
    def online(self) -> bool:
        return self.client.conn is not None

    def banner(self) -> str | None:
        """The line over every screen: a lost connection, the trainer's last message, a
        refused move, the last minute of the week, a pause."""
        now = time.monotonic()
        if self.finished:
            return None
        if self.client.fatal and self.entered:
            return "!" + self.ctx.tr("ui.join.gone", why=self.client.fatal)
        if self.entered and not self.online:
            return "!" + self.ctx.tr("ui.join.reconnecting")
        if self._news is not None and now < self._news[1]:
            return self._news[0]
        if self.seat.ready and self.seat.status == "planning":
            clock = self.seat.snapshot["round"]["clock"] if self.seat.snapshot else {}
            if clock.get("paused"):
                return self.ctx.tr("ui.join.paused")
            left = clock.get("left_s")
            if left is not None and left <= 60:
                return "!" + self.ctx.tr("ui.join.last_minute", s=int(left))
        return None

    # --- messages ----------------------------------------------------------------------------
    def _send(self, msg: dict[str, Any]) -> None:
        if not self.online:
            self._say("!" + self.ctx.tr("ui.join.offline"), REFUSAL_S)
            return
        asyncio.ensure_future(self._send_now(msg))

    async def _send_now(self, msg: dict[str, Any]) -> None:
        with contextlib.suppress(Exception):
            reply = await self.client.command(msg)
            if reply is not None and reply.get("type") == "refused":
                self.seat.receive(reply)
                self._say("!" + self.refusal_text(reply), REFUSAL_S)
                self.ctx.request_rebuild()

    def refusal_text(self, reply: dict[str, Any]) -> str:
        tr = self.ctx.tr
        reason = (reply.get("params") or {}).get("reason")
        if reason:
            return tr("ui.join.refused", why=tr(reason))
        key = "net." + str(reply.get("code", "")).replace("/", ".")
        text = tr(key)
        return tr("ui.join.refused", why=text if text != key else reply.get("text", ""))

    def _say(self, text: str, seconds: float) -> None:
        self._news = (text, time.monotonic() + seconds)

    def _on_message(self, msg: dict[str, Any]) -> None:
        kind = msg.get("type")
        before = self.seat.snapshot["view"] if self.seat.snapshot else None
        old_week = before["week"] if before else None
        was_planning = self.seat.status == "planning"
        if kind == "welcome":
            if msg.get("token"):
                seat = dict(msg.get("seat") or {})
                keep_seat(self.ctx.data_dir, self.address,
                          {"token": msg["token"], **seat, "at": time.time()})
            return
        if kind == "refused" and str(msg.get("code", "")).startswith(
                ("join/", "resume/", "auth/")):
            self.failed = self.refusal_text(msg)
            self.failed_code = str(msg.get("code"))
            if self.failed_code == "resume/unknown":
                keep_seat(self.ctx.data_dir, self.address, None)
            return
        if kind == "bye":
            self._say("!" + self.ctx.tr("ui.join.replaced"), 3600)
            return
        self.seat.receive(msg)
        if kind == "notice":
            self._say(self.ctx.tr("ui.join.notice", text=msg.get("text", "")), NOTICE_S)
        if self.seat.final is not None and not self.finished:
            self._finish()
        elif kind == "snapshot":
            if not self.entered:
                self.entered = True
                self._enter()
            elif self.seat.new_week:
                self.seat.new_week = False
                self._new_state(before, old_week if was_planning else None)
            else:
                self._changed()
        elif kind in ("desk", "presence", "round", "notice", "refused"):
            self._changed()

    def _changed(self) -> None:
        """Redraw only when what the board shows changed (not for our own move's echo)."""
        seat = self.seat
        if seat.snapshot is None:
            return
        desk = seat.snapshot["desk"]
        shape = (json.dumps([(e["action"], e["owner"], e["status"]) for e in desk["entries"]]),
                 tuple(desk["committed"]), desk.get("hidden"), desk.get("can_undo"),
                 json.dumps(seat.snapshot["presence"], sort_keys=True),
                 seat.snapshot["round"]["status"])
        if shape != self._shape:
            self._shape = shape
            self.ctx.request_rebuild()

    def _enter(self) -> None:
        """The first snapshot: the lobby, the board, or (a seat already done) the wait."""
        status = self.seat.status
        if status == "lobby":
            self.ctx.post(router.reset("menu", self.ctx, then=(
                router.make("seat_lobby", self.ctx, self),)))
        elif status == "planning":
            then = [router.make("board", self.ctx, self.session)]
            if self.seat.desk.get("done"):
                then.append(router.make("workshop_wait", self.ctx, self.session, False))
            self.ctx.post(router.reset("menu", self.ctx, then=tuple(then)))
        else:
            self.ctx.post(router.reset("menu", self.ctx, then=(
                router.make("workshop_wait", self.ctx, self.session, False),)))

    def _new_state(self, before: dict[str, Any] | None, old_week: int | None) -> None:
        """A new state of the game: the week's summary over the new board, or (the game
        started, the trainer restarted a week) the new board alone."""
        status = self.seat.status
        if status == "over":
            return  # the whole game follows for the debrief (``final``)
        board = router.make("board", self.ctx, self.session)
        resolved = (before is not None and old_week is not None
                    and self.seat.view["week"] > old_week and self.seat.snapshot
                    and self.seat.snapshot.get("report"))
        then: tuple[Any, ...] = (board,)
        if resolved:
            self.session.pending_before = before
            then = (board, router.make("resolve", self.ctx, self.session))
        elif old_week is not None and self.seat.view["week"] <= old_week:
            self._say(self.ctx.tr("ui.join.restarted", week=self.seat.view["week"]), NOTICE_S)
        self.ctx.post(router.reset("menu", self.ctx, then=then))

    def _finish(self) -> None:
        """The game is over: keep the whole game as a save and open its outcome."""
        from game.save import load_save
        from game.ui.session import Session, saves_dir, setup_from_meta

        self.finished = True
        vendor = self.seat.seat["team"] if self.seat.snapshot else None
        text = self.seat.final or ""
        first = text.split("\n", 1)[0]
        try:
            game_id = str(json.loads(first).get("game_id", "workshop"))
        except ValueError:
            game_id = "workshop"
        path = saves_dir(self.ctx.data_dir) / f"workshop-{game_id}-{vendor}.json"
        try:
            from game.save import write_atomic

            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, text)
            loaded = load_save(path)
        except Exception as error:  # noqa: BLE001 - a bad final must not kill the window
            self._say("!" + self.ctx.tr("ui.join.no_debrief", why=str(error)), 3600)
            return
        state = loaded.state
        team = vendor if vendor in state.vendors else next(iter(state.vendors))
        session = Session(state, setup_from_meta({}, state), team,
                          game_id=loaded.info.game_id,
                          players=players_of(loaded.meta, team))
        keep_seat(self.ctx.data_dir, self.address, None)
        self.ctx.post(router.reset("menu", self.ctx, then=(
            router.make("outcome", self.ctx, session),)))
