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
import contextlib
import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from game.core.actions import CATALOG, Action
from game.net.protocol import MAX_HOST_MESSAGE, PROTOCOL, parse_host

NUDGE_S = 3.0  # a playing seat's quiet spell: after two with its desk unchanged, it looks again

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
        self._acted: int | None = None
        self._planned: dict[int, list[dict[str, Any]]] = {}  # stamp -> the plan it sent
        self._answered: set[tuple[int, int]] = set()  # proposals answered (stamp, entry)
        self._reanswered: dict[int, int] = {}  # stamp -> answers retried after a refused commit
        self._committing: set[int] = set()  # stamps with a commit on its way
        self._pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._stop = False
        self.fatal: str | None = None

    # --- the connection loop -------------------------------------------------------------------
    async def run(self) -> None:
        """Play until the game is over (or `stop()`), reconnecting as often as needed."""
        while not self._stop:
            try:
                async with connect(self.url, proxy=None, max_size=MAX_HOST_MESSAGE,
                                   open_timeout=10, ping_interval=20) as conn:
                    self.conn = conn
                    self.seen.connects += 1
                    await self._hello(conn)
                    nudger = asyncio.ensure_future(self._nudge(conn)) \
                        if self.act and not self.console and not self.watch else None
                    try:
                        await self._listen(conn)
                    finally:
                        if nudger is not None:
                            nudger.cancel()
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
                for fut in self._pending.values():
                    if not fut.done():
                        fut.cancel()
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
                fut.set_result(data)
            if kind == "welcome" and data.get("token"):
                self.token = data["token"]
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
                if data["round"]["status"] == "over":
                    self.over.set()
                elif self.act:
                    asyncio.ensure_future(self._maybe_act(conn))
            elif kind == "desk" and self.snapshot is not None:
                if data["stamp"] == self.snapshot["stamp"]:
                    self.snapshot["desk"] = data["desk"]
                    stamp = data["stamp"]
                    if self.act and data["desk"].get("awaiting"):
                        asyncio.ensure_future(self._answer(conn, stamp))
                    elif self.act and stamp in self._planned and not data["desk"].get("done") \
                            and stamp not in self._committing:
                        # a commit refused while a proposal was on its way: commit again
                        asyncio.ensure_future(self._commit(conn, stamp))
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
    async def _maybe_act(self, conn: ClientConnection) -> None:
        snap = self.snapshot
        if snap is None or snap["round"]["status"] != "planning":
            return
        stamp = snap["stamp"]
        seat = snap["seat"]
        desk = snap["desk"]
        if self._acted == stamp or desk.get("done"):
            return
        self._acted = stamp
        if self.think:
            await asyncio.sleep(self.think)
            if self.snapshot is None or self.snapshot["stamp"] != stamp:
                return
        plan = self.decide(snap["view"], seat["role"])
        with contextlib.suppress(ConnectionClosed, asyncio.CancelledError, TimeoutError):
            while True:
                reply = await self._send(conn, {"type": "plan", "stamp": stamp,
                                                "actions": [a.to_dict() for a in plan]})
                if reply is None or reply["type"] == "ack":
                    break
                if reply.get("code") == "week/stale" or not plan:
                    return
                plan = plan[:-1]  # the team's budget or days ran short: plan a little less
            self._planned[stamp] = [a.to_dict() for a in plan]
            await self._commit(conn, stamp)
            return
        self._acted = None  # cut off half-way: try again on the next snapshot

    async def _commit(self, conn: ClientConnection, stamp: int) -> None:
        self._committing.add(stamp)
        try:
            reply = await self._send(conn, {"type": "commit", "stamp": stamp})
        finally:
            self._committing.discard(stamp)
        if reply is not None and reply["type"] == "ack":
            self.seen.committed[stamp] = self._planned.get(stamp, [])
        elif reply is not None and reply.get("code") == "plan/answer_first" and \
                self._reanswered.get(stamp, 0) < 10:
            # a proposal still waits for this seat (its first answer went on an older board):
            # answer it again, then commit (a bounded number of times)
            self._reanswered[stamp] = self._reanswered.get(stamp, 0) + 1
            self._answered = {x for x in self._answered if x[0] != stamp}
            asyncio.ensure_future(self._answer(conn, stamp))

    async def _nudge(self, conn: ClientConnection) -> None:
        """A seat that still owes its team the week after two quiet spells looks again: it
        answers a proposal still waiting for it, or commits its plan again. An answer or a
        commit can cross a teammate's move on the way and be refused, and nothing else would
        make the seat try again once the rest of the room has committed."""
        last: tuple[int, str] | None = None
        while True:
            await asyncio.sleep(NUDGE_S)
            snap = self.snapshot
            if snap is None or snap["round"]["status"] != "planning":
                continue
            stamp, desk = snap["stamp"], snap["desk"]
            if desk.get("done") and not desk.get("awaiting"):
                last = None
                continue
            now = (stamp, json.dumps(desk, sort_keys=True, ensure_ascii=False))
            if now != last:  # still moving: give it another spell
                last = now
                continue
            with contextlib.suppress(ConnectionClosed, asyncio.CancelledError, TimeoutError):
                if desk.get("awaiting"):
                    # only entries the desk still lists as waiting for us are answered again
                    self._answered = {x for x in self._answered if x[0] != stamp}
                    await self._answer(conn, stamp)
                elif stamp in self._planned and stamp not in self._committing:
                    await self._commit(conn, stamp)
                elif self._acted == stamp and stamp not in self._planned:
                    self._acted = None
                    await self._maybe_act(conn)
            last = None

    async def _answer(self, conn: ClientConnection, stamp: int) -> None:
        """A teammate proposed a joint move to this seat: the bot agrees when its days
        allow (else it declines), then commits if the proposal had held its commit back."""
        snap = self.snapshot
        if snap is None or snap["stamp"] != stamp:
            return
        with contextlib.suppress(ConnectionClosed, asyncio.CancelledError, TimeoutError):
            for entry in list(snap["desk"].get("awaiting", [])):
                if (stamp, entry) in self._answered:
                    continue
                self._answered.add((stamp, entry))
                reply = await self._send(conn, {"type": "move", "stamp": stamp,
                                                "op": "accept", "entry": entry})
                if reply is not None and reply["type"] == "refused" and \
                        reply.get("code") != "week/stale":
                    await self._send(conn, {"type": "move", "stamp": stamp, "op": "decline",
                                            "entry": entry})
            if stamp in self._planned:  # committing again is harmless
                await self._commit(conn, stamp)


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
