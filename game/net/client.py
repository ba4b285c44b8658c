"""A workshop client without a window: joins a seat, keeps it, and plays it like a person.

It reconnects by itself when the connection drops or the host restarts (retry with jitter,
1-10 s by default, so a room of laptops does not knock on the host all at once), resumes its
seat with the token, validates every frame it is sent, and plans from the snapshot's view
only. `decide` turns that view into the seat's moves; by default the built-in AI plays the
vendor's playbook, filtered to the seat's role (a joint move is proposed by the role that
leads it and accepted by its partner's seat). The team's window (``game.ui.join``) keeps the
same loop without acting (``act=False``) and sees every message through ``on_message``.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from game.core.actions import CATALOG, Action
from game.net.protocol import MAX_HOST_MESSAGE, MAX_PLAN, PROTOCOL, parse_host

NUDGE_S = 3.0  # a playing seat's quiet spell: after two with its desk unchanged, it looks again
FLOOD_WAIT_S = 1.0  # told to slow down (proto/flood): the host's allowance refills meanwhile
SETTLE_STEPS = 100  # looks in a row without waiting for the host (a bound, never reached)

# What a seat's command can be refused with, and what the bot does next (see BotClient._step):
#: a fresh snapshot (the next week, or the end) is on its way and brings the bot back
NEW_BOARD = frozenset({"week/stale", "week/over", "week/not_started"})
#: the AI plays this seat's roles now: nothing is owed until a desk says otherwise
NOT_OURS = frozenset({"seat/ai", "plan/not_your_role"})
#: a proposal already answered (an earlier answer was taken) or withdrawn by its owner
SETTLED = frozenset({"plan/answered", "plan/no_such_move"})

Decide = Callable[[dict[str, Any], str], list[Action]]


def ai_decide(seed: int = 0) -> Decide:
    """The vendor's own playbook at normal skill, keeping the seat's role's moves."""
    agents: dict[str, Any] = {}

    def decide(view: dict[str, Any], role: str) -> list[Action]:
        from game.ai.agents import make_agent

        me = view["me"]
        agent = agents.get(me["id"])
        if agent is None:
            agent = agents[me["id"]] = make_agent(me["playbook"], "normal", seed)
        plan, _ = agent.decide(view)
        return [a for a in plan if role_owns(role, a)]

    return decide


def role_owns(role: str, a: Action) -> bool:
    """Whether a seat of `role` plans this move (a one-laptop seat plans them all): its own
    moves, the sales rep's answers to events, and the joint moves it leads (the first role
    of the move proposes it; the partner's seat accepts it)."""
    if role == "team":
        return True
    if a.kind == "choose":
        return role == "rep"
    d = CATALOG.get(a.kind)
    return d is not None and d.roles[0] == role


@dataclass
class Seen:
    """What a client received, for tests and the bench."""

    frames: list[str] = field(default_factory=list)
    weeks: dict[int, float] = field(default_factory=dict)  # stamp -> when its snapshot arrived
    committed: dict[int, list[dict[str, Any]]] = field(default_factory=dict)  # acked commits
    refusals: list[dict[str, Any]] = field(default_factory=list)
    connects: int = 0


class BotClient:
    def __init__(self, url: str, *, code: str | None = None, role: str = "team",
                 name: str = "bot", token: str | None = None, decide: Decide | None = None,
                 watch: bool = False, console: bool = False, pin: str | None = None,
                 record: bool = False,
                 retry: tuple[float, float] = (1.0, 10.0), act: bool = True,
                 think: float = 0.0,
                 say: Callable[[str], None] | None = None,
                 on_message: Callable[[dict[str, Any]], None] | None = None,
                 names: dict[str, str] | None = None) -> None:
        self.on_message = on_message  # a window client sees every validated message
        self.names = names  # one laptop: who plays which role at it
        self.url = url if url.startswith("ws") else f"ws://{url}"
        self.code = code
        self.role = role
        self.name = name
        self.token = token
        self.decide = decide or ai_decide()
        self.watch = watch
        self.console = console
        self.console_frame: dict[str, Any] | None = None
        self.final: str | None = None  # the finished game as a save file's text (debrief)
        self.pin = pin
        self.record = record
        self.retry = retry
        self.act = act
        self.think = think  # seconds a bot waits before planning, as a person reads first
        self.say = say or (lambda line: None)
        self.seen = Seen()
        self.snapshot: dict[str, Any] | None = None
        self.public: dict[str, Any] | None = None
        self.over = asyncio.Event()
        self.conn: ClientConnection | None = None
        self._cid = 0
        self._drafts: dict[int, list[Action]] = {}  # stamp -> what `decide` planned
        self._planned: dict[int, list[dict[str, Any]]] = {}  # stamp -> the plan the host took
        self._answered: set[tuple[int, int]] = set()  # proposals the host has our answer to
        self._plan_acked: dict[int, int] = {}  # stamp -> desks seen when its plan was taken
        self._commit_acked: dict[int, int] = {}  # stamp -> desks seen when its commit was taken
        self._desks = 0  # snapshots and desks received (orders a reply against its desk)
        self._reply_desks = 0  # ... when the last reply arrived
        self._again = False  # something changed since the worker last looked
        self._worker: asyncio.Future[None] | None = None
        self._pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._stop = False
        self.fatal: str | None = None

    # --- the connection loop -------------------------------------------------------------------
    async def run(self) -> None:
        """Play until the game is over (or `stop()`), reconnecting as often as needed."""
        nudger = asyncio.ensure_future(self._nudge()) \
            if self.act and not self.console and not self.watch else None
        try:
            await self._connect_loop()
        finally:
            for task in (nudger, self._worker):
                if task is not None:
                    task.cancel()

    async def _connect_loop(self) -> None:
        while not self._stop:
            try:
                async with connect(self.url, proxy=None, max_size=MAX_HOST_MESSAGE,
                                   open_timeout=10, ping_interval=20) as conn:
                    self.conn = conn
                    self.seen.connects += 1
                    await self._hello(conn)
                    await self._listen(conn)
            except (OSError, ConnectionClosed, InvalidHandshake, TimeoutError) as exc:
                if self._stop or self.over.is_set() or self.fatal:
                    break
                wait = random.uniform(*self.retry)
                self.say(f"connection lost ({type(exc).__name__}); retrying in {wait:.1f} s")
                await asyncio.sleep(wait)
            except InvalidURI as exc:
                self.fatal = f"bad address: {exc}"
                break
            finally:
                self.conn = None
                for fut in self._pending.values():  # no reply will come on this connection
                    if not fut.done():
                        fut.set_exception(ConnectionClosed(None, None))
                self._pending.clear()
            if self.over.is_set() or self.fatal:
                break

    async def stop(self) -> None:
        self._stop = True
        if self.conn is not None:
            await self.conn.close()

    async def drop(self) -> None:
        """Lose the connection on purpose (tests): the loop comes back by itself."""
        if self.conn is not None:
            await self.conn.close()

    async def _hello(self, conn: ClientConnection) -> None:
        if self.console:
            await self._send(conn, {"type": "console", "pin": self.pin}, wait=False)
        elif self.watch:
            await self._send(conn, {"type": "watch", "pin": self.pin}, wait=False)
        elif self.token:
            await self._send(conn, {"type": "resume", "token": self.token}, wait=False)
        else:
            hello: dict[str, Any] = {"type": "join", "code": self.code, "role": self.role,
                                     "name": self.name}
            if self.names:
                hello["names"] = self.names
            await self._send(conn, hello, wait=False)

    async def _listen(self, conn: ClientConnection) -> None:
        async for raw in conn:
            assert isinstance(raw, str)
            data = parse_host(raw)
            if self.record:
                self.seen.frames.append(raw)
            kind = data["type"]
            fut = self._pending.pop(data.get("cid", -1), None) \
                if kind in ("ack", "refused") else None
            if fut is not None and not fut.done():
                self._reply_desks = self._desks
                fut.set_result(data)
            if kind == "welcome":
                if data.get("token"):
                    self.token = data["token"]
                # a new connection, maybe to a restarted host: its snapshot says what it holds
                self._answered.clear()
                self._commit_acked.clear()
            elif kind == "refused":
                self.seen.refusals.append(data)
                if data["code"].startswith(("join/", "resume/", "auth/")):
                    self.fatal = f"{data['code']}: {data['text']}"
                    self.say(self.fatal)
            elif kind == "bye":
                self.fatal = f"bye: {data.get('reason')}"
            elif kind == "snapshot":
                self.snapshot = data
                if data["stamp"] not in self.seen.weeks:
                    self.seen.weeks[data["stamp"]] = time.monotonic()
                self._desks += 1
                if data["round"]["status"] == "over":
                    self.over.set()
                else:
                    self.kick()
            elif kind == "desk" and self.snapshot is not None:
                if data["stamp"] == self.snapshot["stamp"]:
                    self.snapshot["desk"] = data["desk"]
                    self._desks += 1
                    self.kick()
            elif kind == "round" and self.snapshot is not None:
                self.snapshot["round"] = {k: v for k, v in data.items() if k not in ("v", "type")}
            elif kind == "console":
                self.console_frame = data
            elif kind == "final":
                self.final = data["save"]  # the text of a save file
            elif kind == "public":
                self.public = data
                if data["round"]["stamp"] not in self.seen.weeks:
                    self.seen.weeks[data["round"]["stamp"]] = time.monotonic()
                if data["round"]["status"] == "over":
                    self.over.set()
            if self.on_message is not None:
                self.on_message(data)
            if self.over.is_set() and not self.console and (
                    self.final is not None or self.watch and not self.pin):
                return  # a seat waits for the whole game, sent for its debrief
        if self.fatal:
            return
        raise ConnectionClosed(None, None)

    async def _send(self, conn: ClientConnection, msg: dict[str, Any], wait: bool = True
                    ) -> dict[str, Any] | None:
        self._cid += 1
        cid = self._cid
        fut: asyncio.Future[dict[str, Any]] | None = None
        if wait:
            fut = asyncio.get_running_loop().create_future()
            self._pending[cid] = fut
        await conn.send(json.dumps({"v": PROTOCOL, "cid": cid, **msg}, ensure_ascii=False))
        if fut is None:
            return None
        return await asyncio.wait_for(fut, 60)

    async def command(self, msg: dict[str, Any]) -> dict[str, Any] | None:
        """Send one message on the live connection and wait for its ack or refusal."""
        assert self.conn is not None, "not connected"
        return await self._send(self.conn, msg)

    # --- playing the seat ------------------------------------------------------------------------
    def kick(self) -> None:
        """Look at the seat's desk again and do what the week still needs from it. Every
        snapshot and desk calls this, and so does the watchdog; one worker does the looking,
        so a seat sends one command at a time and always decides from its newest desk."""
        if not self.act or self.console or self.watch:
            return
        self._again = True
        if self._worker is None or self._worker.done():
            self._worker = asyncio.ensure_future(self._settle())

    async def _settle(self) -> None:
        steps = 0
        while self._again and steps < SETTLE_STEPS:
            self._again = False
            steps += 1
            conn = self.conn
            if conn is None:
                return  # the next connection's snapshot looks again
            try:
                if await self._step(conn):
                    self._again = True
            except (ConnectionClosed, TimeoutError):
                pass  # lost on the way: a snapshot on the next connection looks again

    async def _step(self, conn: ClientConnection) -> bool:
        """One thing the week needs from this seat, in order: answer a teammate's proposal,
        plan, commit. Returns True to look again at once; False when the host's next desk or
        snapshot (it sends one after every change, a new board after a stale command) brings
        the seat back here."""
        snap = self.snapshot
        if snap is None or snap["round"]["status"] != "planning":
            return False
        stamp, desk = snap["stamp"], snap["desk"]
        if desk.get("done") or not desk.get("mine"):
            return False  # committed with nothing waiting for it, or the AI plays the seat
        open_ = [e for e in desk.get("awaiting", []) if (stamp, e) not in self._answered]
        if open_:
            return await self._answer(conn, stamp, open_[0])
        mine = desk["mine"]
        if all(r in desk.get("committed", []) for r in mine):
            return False  # only answers were waiting; the desk after them says done
        if stamp not in self._planned or self._plan_lost(stamp, desk):
            return await self._plan(conn, snap)
        if self._commit_acked.get(stamp) == self._desks:
            return False  # the commit was taken and its desk is still on its way
        return bool(await self._commit(conn, stamp))

    def _plan_lost(self, stamp: int, desk: dict[str, Any]) -> bool:
        """The host no longer holds the plan it took: a desk sent after the plan's ack shows
        none of the seat's moves (a host restarted from its log, which keeps only committed
        weeks, starts the week's drafts afresh)."""
        if not self._planned.get(stamp) or self._plan_acked.get(stamp, self._desks) >= self._desks:
            return False
        mine = set(desk["mine"])
        return not any(e.get("owner") in mine for e in desk.get("entries", []))

    def _refusal(self, reply: dict[str, Any] | None) -> str | None:
        """The refusal's code, or None for an ack."""
        if reply is None or reply["type"] == "ack":
            return None
        return str(reply.get("code", ""))

    async def _answer(self, conn: ClientConnection, stamp: int, entry: int) -> bool:
        """A teammate proposed a joint move to this seat: agree when its days and the team's
        money allow, else decline, so the proposal never holds the week up."""
        for op in ("accept", "decline"):
            reply = await self._send(conn, {"type": "move", "stamp": stamp, "op": op,
                                            "entry": entry})
            code = self._refusal(reply)
            if code is None or code in SETTLED:
                self._answered.add((stamp, entry))  # taken, or answered or withdrawn already
                return True
            if code in NEW_BOARD or code in NOT_OURS:
                return False
            if code == "proto/flood":
                await asyncio.sleep(FLOOD_WAIT_S)
                return True
        return False  # neither taken: the watchdog looks again after two quiet spells

    async def _plan(self, conn: ClientConnection, snap: dict[str, Any]) -> bool:
        """Send the seat's draft for the week; a move the host refuses (the team's money or
        the role's days ran short) is dropped with every move after it, as a person would
        plan a little less."""
        stamp = snap["stamp"]
        if self.think:
            await asyncio.sleep(self.think)
            if self.snapshot is None or self.snapshot["stamp"] != stamp:
                return True
        if stamp not in self._drafts:
            self._drafts = {stamp: self.decide(snap["view"], snap["seat"]["role"])[:MAX_PLAN]}
        plan = self._drafts[stamp]
        while True:
            reply = await self._send(conn, {"type": "plan", "stamp": stamp,
                                            "actions": [a.to_dict() for a in plan]})
            code = self._refusal(reply)
            if code is None:
                self._planned[stamp] = [a.to_dict() for a in plan]
                self._plan_acked[stamp] = self._reply_desks
                return True
            index = ((reply or {}).get("params") or {}).get("index")
            if isinstance(index, int) and 0 <= index < len(plan):
                plan = plan[:index]  # that move and every move after it
            elif code == "plan/committed":
                self._planned[stamp] = []  # committed before (its ack was lost): nothing new
                return True
            elif code in NEW_BOARD or code in NOT_OURS:
                return False
            elif code == "proto/flood":
                await asyncio.sleep(FLOOD_WAIT_S)
            elif plan:
                plan = plan[:-1]
            else:
                return False  # no other refusal exists today; the watchdog looks again

    async def _commit(self, conn: ClientConnection, stamp: int) -> bool:
        """Commit the seat's week. A proposal that reached the host just before the commit
        is answered first: its desk arrived before the refusal, so the next look sees it."""
        reply = await self._send(conn, {"type": "commit", "stamp": stamp})
        code = self._refusal(reply)
        if code is None:
            self.seen.committed[stamp] = self._planned.get(stamp, [])
            self._commit_acked[stamp] = self._reply_desks
            return False
        if code == "plan/answer_first":
            snap = self.snapshot
            listed = snap["desk"].get("awaiting", []) if snap and snap["stamp"] == stamp else []
            if any((stamp, e) not in self._answered for e in listed):
                return True
            # the host has a proposal this seat believes answered: forget, wait for a desk
            self._answered = {x for x in self._answered if x[0] != stamp}
            return False
        if code == "proto/flood":
            await asyncio.sleep(FLOOD_WAIT_S)
            return True
        return False  # a new board (stale, over) or the AI plays the seat: nothing owed

    async def _nudge(self) -> None:
        """The watchdog: a seat that still owes its team the week after two quiet spells
        (its desk unchanged) forgets what it believes the host has (answers, a commit) and
        looks again. Every reply the host sends is handled above, so this only matters when
        a reply or a desk never came (a connection that dropped half-way, a bug)."""
        last: tuple[int, str] | None = None
        while True:
            await asyncio.sleep(NUDGE_S)
            snap = self.snapshot
            if not self.act or snap is None or snap["round"]["status"] != "planning" \
                    or snap["desk"].get("done") or not snap["desk"].get("mine"):
                last = None
                continue
            stamp = snap["stamp"]
            now = (stamp, json.dumps(snap["desk"], sort_keys=True, ensure_ascii=False))
            if now != last:  # still moving: give it another spell
                last = now
                continue
            self._answered = {x for x in self._answered if x[0] != stamp}
            self._commit_acked.pop(stamp, None)
            self.kick()
            last = None


async def run_bot(url: str, code: str | None, role: str, name: str, seed: int = 0,
                  token: str | None = None, say: Callable[[str], None] = print) -> int:
    bot = BotClient(url, code=code, role=role, name=name, token=token, decide=ai_decide(seed),
                    say=say)
    task = asyncio.ensure_future(bot.run())
    await task
    if bot.fatal:
        say(bot.fatal)
        return 1
    snap = bot.snapshot or {}
    out = (snap.get("view") or {}).get("outcome")
    say(f"game over: {json.dumps(out, ensure_ascii=False)}")
    return 0
