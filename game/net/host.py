"""The authoritative workshop server: asyncio + `websockets`, on the trainer's laptop.

Each connection first says who it is (a seat joining with its team code, a seat coming back
with its token, a projector, or a trainer's console with the PIN); after that every message is
size-limited by the library, parsed and validated (`protocol.parse_client`), rate-limited,
and handed to the `Workshop`. Whatever the workshop queues is sent to the right connections.
A client that keeps sending garbage or floods is told why and disconnected; the host and every
other seat carry on. Two connections for one seat: the newest wins and the older one is told
it was replaced.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.server import Server, ServerConnection, broadcast, serve
from websockets.exceptions import ConnectionClosed
from websockets.extensions.permessage_deflate import ServerPerMessageDeflateFactory

from game.core.actions import Action
from game.net import frames
from game.net.protocol import (
    MAX_CLIENT_MESSAGE,
    Command,
    Commit,
    Console,
    Join,
    Move,
    Msg,
    Plan,
    Refusal,
    Reopen,
    Resume,
    Watch,
    dump,
    parse_client,
)
from game.net.seats import Seat
from game.net.workshop import Workshop, check_pin

HELLO_TIMEOUT = 30.0  # seconds a new connection has to say who it is
RATE = 20.0  # messages per second a connection may send on average ...
BURST = 40.0  # ... with bursts up to this many
STRIKES = 5  # refused malformed or flooding messages before the host hangs up
CLOSE_REPLACED = 4001  # a newer connection took this seat
CLOSE_HOSTILE = 1008  # policy violation (flood, garbage)

Tap = Callable[[str, tuple[str, ...], str], None]


@dataclass(eq=False)
class Peer:
    conn: ServerConnection
    kind: str = "new"  # new | seat | projector | trainer_projector | console
    seat: Seat | None = None
    tokens: float = BURST
    last: float = field(default_factory=time.monotonic)
    strikes: int = 0

    def allow(self) -> bool:
        now = time.monotonic()
        self.tokens = min(BURST, self.tokens + (now - self.last) * RATE)
        self.last = now
        if self.tokens < 1.0:
            return False
        self.tokens -= 1.0
        return True

    @property
    def label(self) -> str:
        if self.seat is not None:
            return f"{self.seat.team}/{self.seat.role}"
        return self.kind


class Host:
    def __init__(self, ws: Workshop, bind: str = "0.0.0.0", port: int = 8765,
                 tap: Tap | None = None, say: Callable[[str], None] | None = None) -> None:
        self.ws = ws
        self.bind = bind
        self.port = port
        self.tap = tap  # sees every message exactly as it goes on the wire (tests, bench)
        self.say = say or (lambda line: None)
        self.seats: dict[tuple[str, str], Peer] = {}
        self.projectors: set[Peer] = set()
        self.consoles: set[Peer] = set()
        # windows in this process (the trainer's console and its projector mode) that see
        # the console's or the projector's frames as they are sent, without a connection
        self.watchers: dict[str, list[Callable[[dict[str, Any]], None]]] = {
            "console": [], "public": [], "public_pin": []}
        self.server: Server | None = None
        self._ticker: asyncio.Task[None] | None = None
        self.closed = asyncio.Event()

    # --- running ---------------------------------------------------------------------------
    async def start(self) -> None:
        self.server = await serve(self._handler, self.bind, self.port,
                                  max_size=MAX_CLIENT_MESSAGE, ping_interval=20,
                                  ping_timeout=20, max_queue=16, compression=None,
                                  extensions=[fast_deflate()])
        sock = next(iter(self.server.sockets))
        self.port = sock.getsockname()[1]
        self._ticker = asyncio.create_task(self._tick())

    async def stop(self) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._ticker
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()
        self.ws.close()
        self.closed.set()

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(0.5)
            try:
                self.ws.autosave_if_due()  # off the path from the last commit to the frames
                # the clock may end the week; so may commits logged just before a crash
                if self.ws.tick() is not None or self.ws.maybe_advance() is not None:
                    self.say(f"week resolved; now week {self.ws.state.week}")
                elif self.ws.status == "planning" and not self.ws.clock.paused \
                        and self.ws.clock.running:
                    self._send_round_every(5.0)
            except Exception as exc:  # noqa: BLE001 - the host must outlive one bad week
                self.say(f"error while ending the week: {exc!r}")
            self.flush()

    _last_round = 0.0

    def _send_round_every(self, seconds: float) -> None:
        now = time.monotonic()
        if now - self._last_round >= seconds:
            self._last_round = now
            self.ws.outbox.append((("seats",), frames.round_msg(self.ws)))

    # --- sending -----------------------------------------------------------------------------
    def _send(self, peers: list[Peer], msg: dict[str, Any] | str,
              target: tuple[str, ...]) -> None:
        if not peers:
            return
        text = msg if isinstance(msg, str) else dump(msg)
        if self.tap is not None:
            for p in peers:
                self.tap(p.label, target, text)
        broadcast([p.conn for p in peers], text)

    def send_to(self, peer: Peer, msg: dict[str, Any]) -> None:
        self._send([peer], msg, (peer.label,))

    def flush(self) -> None:
        """Send everything the workshop queued, each message only to whom it is for."""
        ws = self.ws
        while ws.outbox:
            target, item = ws.outbox.pop(0)
            kind = target[0]
            watchers = self.watchers.get(kind, [])
            if callable(item):
                if not {"public": self.projectors, "console": self.consoles,
                        "seats": self.seats, "public_pin": self.projectors}.get(kind) \
                        and not watchers:
                    continue
                item = item()
            msg = item
            for watch in watchers:
                watch(msg)
            if kind == "snapshots":
                for peer in list(self.seats.values()):
                    if peer.seat is not None:
                        self._send([peer], ws.snapshot_text(peer.seat), ("seat", peer.label))
            elif kind == "seat":
                peer = self.seats.get((target[1], target[2]))
                if peer is not None:
                    self._send([peer], msg, target)
            elif kind == "team":
                self._send([p for (team, _), p in self.seats.items() if team == target[1]],
                           msg, target)
            elif kind == "seats":
                self._send(list(self.seats.values()), msg, target)
            elif kind == "public":
                self._send(list(self.projectors), msg, target)
            elif kind == "public_pin":
                self._send([p for p in self.projectors if p.kind == "trainer_projector"], msg,
                           target)
            elif kind == "console":
                self._send(list(self.consoles), msg, target)

    # --- one connection ----------------------------------------------------------------------
    async def _handler(self, conn: ServerConnection) -> None:
        peer = Peer(conn)
        try:
            try:
                raw = await asyncio.wait_for(conn.recv(), HELLO_TIMEOUT)
            except TimeoutError:
                await conn.close(CLOSE_HOSTILE, "say who you are first (join, resume, watch)")
                return
            await self._hello(peer, raw)
            if peer.kind == "new":
                return
            async for raw in conn:
                if not peer.allow():
                    peer.strikes += 1
                    self._refuse(peer, cid_of(raw),
                                 Refusal("proto/flood", "too many messages; slow down"))
                    if peer.strikes >= STRIKES:
                        await conn.close(CLOSE_HOSTILE, "flooding")
                        break
                    continue
                await self._message(peer, raw)
                if peer.strikes >= STRIKES:
                    await conn.close(CLOSE_HOSTILE, "too many bad messages")
                    break
        except ConnectionClosed:
            pass
        finally:
            self._gone(peer)
            self.flush()

    async def _hello(self, peer: Peer, raw: str | bytes) -> None:
        ws = self.ws
        cid = 0
        try:
            msg = parse_client(raw)
            cid = msg.cid
            if isinstance(msg, Join):
                seat, token = ws.join(msg.code, msg.role, msg.name,
                                      dict(msg.names) if msg.names else None)
                self.say(f"{seat.name} joined {seat.team} as {seat.role}")
                self._attach(peer, seat)
                self.send_to(peer, {"type": "welcome", "cid": msg.cid, "token": token,
                                    "seat": {"team": seat.team, "role": seat.role,
                                             "name": seat.name}})
            elif isinstance(msg, Resume):
                seat = ws.lobby.resume(msg.token)
                self._attach(peer, seat)
                self.send_to(peer, {"type": "welcome", "cid": msg.cid, "token": None,
                                    "seat": {"team": seat.team, "role": seat.role,
                                             "name": seat.name}})
            elif isinstance(msg, Watch):
                if msg.pin is not None:
                    check_pin(ws, msg.pin)
                peer.kind = "trainer_projector" if msg.pin else "projector"
                self.projectors.add(peer)
                self.send_to(peer, {"type": "welcome", "cid": msg.cid, "token": None,
                                    "seat": {"projector": True, "trainer": bool(msg.pin)}})
                self.send_to(peer, ws.public_frame())
                return
            elif isinstance(msg, Console):
                check_pin(ws, msg.pin)
                peer.kind = "console"
                self.consoles.add(peer)
                self.send_to(peer, {"type": "welcome", "cid": msg.cid, "token": None,
                                    "seat": {"console": True}})
                self.send_to(peer, ws.console_frame())
                return
            else:
                raise Refusal("proto/hello", "first say who you are: join, resume, watch or "
                              "console")
        except Refusal as r:
            self._refuse(peer, cid, r)
            await asyncio.sleep(0)
            await peer.conn.close(1000, r.code)
            return
        assert peer.seat is not None
        ws.connected(peer.seat, True)
        self._send([peer], ws.snapshot_text(peer.seat), ("seat", peer.label))
        self.flush()

    def _attach(self, peer: Peer, seat: Seat) -> None:
        key = (seat.team, seat.role)
        old = self.seats.get(key)
        if old is not None and old is not peer:
            old.seat = None  # its end no longer marks the seat away
            self.send_to(old, {"type": "bye", "reason": "replaced",
                               "text": "this seat was opened on another device"})
            asyncio.ensure_future(old.conn.close(CLOSE_REPLACED, "replaced"))
        peer.kind = "seat"
        peer.seat = seat
        self.seats[key] = peer

    def _gone(self, peer: Peer) -> None:
        self.projectors.discard(peer)
        self.consoles.discard(peer)
        seat = peer.seat
        if seat is None:
            return
        key = (seat.team, seat.role)
        if self.seats.get(key) is peer:
            del self.seats[key]
            self.ws.connected(seat, False)
            self.say(f"{seat.name} ({seat.team}/{seat.role}) is away")

    def _refuse(self, peer: Peer, cid: int, r: Refusal) -> None:
        self.send_to(peer, {"type": "refused", "cid": cid, "code": r.code, "text": r.text,
                            "params": r.params})

    async def _message(self, peer: Peer, raw: str | bytes) -> None:
        cid = 0
        try:
            msg = parse_client(raw)
            cid = msg.cid
            reply = self.handle(peer, msg)
            self.send_to(peer, {"type": "ack", "cid": cid, **(reply or {})})
        except Refusal as r:
            if r.code.startswith("proto/"):
                peer.strikes += 1
            self._refuse(peer, cid, r)
            if r.code == "week/stale" and peer.seat is not None:
                self._send([peer], self.ws.snapshot_text(peer.seat), ("seat", peer.label))
        self.flush()

    def handle(self, peer: Peer, msg: Msg) -> dict[str, Any] | None:
        ws = self.ws
        if isinstance(msg, Join | Resume | Watch | Console):
            raise Refusal("proto/hello_again", "this connection has already said who it is")
        if isinstance(msg, Command):
            reveal = peer.kind == "trainer_projector" and msg.cmd == "trainer_view"
            if peer.kind != "console" and not reveal:
                raise Refusal("auth/console", "only the trainer's console gives commands")
            out = ws.command(msg)
            if msg.cmd in ("end_week", "inject", "start", "end_game", "restart_week",
                           "rollback"):
                self.say(f"console: {msg.cmd} {msg.team or ''} {msg.event or ''}".rstrip())
            return out
        if peer.seat is None:
            raise Refusal("auth/seat", "projectors and consoles do not plan")
        if isinstance(msg, Plan):
            ws.plan(peer.seat, msg.stamp, [Action(a.kind, a.target, a.option)
                                           for a in msg.actions])
        elif isinstance(msg, Move):
            a = msg.action
            ws.move(peer.seat, msg.stamp, msg.op, msg.role,
                    Action(a.kind, a.target, a.option) if a is not None else None, msg.entry)
        elif isinstance(msg, Commit):
            ws.commit(peer.seat, msg.stamp)
        elif isinstance(msg, Reopen):
            ws.reopen(peer.seat, msg.stamp)
        return None


_CID = re.compile(r'"cid"\s*:\s*(\d{1,10})')


def cid_of(raw: str | bytes) -> int:
    """The `cid` of a message the host will not parse (a flood): read from its first bytes,
    so the client's wait for that reply ends with the refusal instead of a timeout."""
    head = raw[:120].decode("utf-8", "replace") if isinstance(raw, bytes) else raw[:120]
    found = _CID.search(head)
    return int(found.group(1)) if found and int(found.group(1)) <= 2**31 else 0


def fast_deflate() -> ServerPerMessageDeflateFactory:
    """Compression that costs little CPU: a week's snapshots shrink about five times (what
    a hotel's Wi-Fi needs), at level 1 the host compresses 25 of them in a few milliseconds."""
    return ServerPerMessageDeflateFactory(
        server_max_window_bits=12, client_max_window_bits=12,
        compress_settings={"level": 1, "memLevel": 5})


def addresses(bind: str, port: int) -> list[str]:
    """The addresses to show in the room (all interfaces: every IPv4 address of the host)."""
    import socket

    if bind not in ("0.0.0.0", "", "::"):
        return [f"{bind}:{port}"]
    found = set()
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(info[4][0])
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.connect(("10.255.255.255", 1))  # no packet is sent: picks the LAN interface
        found.add(s.getsockname()[0])
    found.discard("127.0.1.1")
    return [f"{a}:{port}" for a in sorted(found)] or [f"127.0.0.1:{port}"]


def pretty(msg: dict[str, Any]) -> str:
    return json.dumps(msg, ensure_ascii=False, indent=1)
