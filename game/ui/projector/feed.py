"""Where the projector's pages come from: the host in this window (the console's projector
mode) or a host across the room (``join ADDRESS --watch``, a second laptop on the beamer).

Either way the projector reads the public frame, built on the host from public information
only; the whole game (for the end-of-game debrief) is the host's own state in this window,
or the ``final`` message a watcher with the trainer's PIN receives.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any


class LocalFeed:
    """The console's projector mode: the host is in this process."""

    def __init__(self, service: Any) -> None:
        self.service = service
        self.public: dict[str, Any] | None = service.ws.public_frame()
        self.version = 0
        service.host.watchers["public"].append(self._got)

    def _got(self, msg: dict[str, Any]) -> None:
        if msg.get("type") == "public":
            self.public = msg
            self.version += 1

    def close(self) -> None:
        with contextlib.suppress(ValueError):
            self.service.host.watchers["public"].remove(self._got)

    def addresses(self) -> list[str]:
        return self.service.addresses()

    def finished(self) -> tuple[Any, dict[int, Any], set[str]] | None:
        ws = self.service.ws
        if ws.status != "over":
            return None
        return ws.state, ws.people, {v for v, t in ws.lobby.teams.items() if t.human}

    @property
    def trainer(self) -> bool:
        return True  # the console may switch the leaderboard

    def leaderboard(self, on: bool) -> None:
        self.service.command("leaderboard", on=on)


class WatchFeed:
    """A projector on another laptop: a watching connection (with the PIN, the end-of-game
    reveal too); it reconnects by itself like every client."""

    def __init__(self, ctx: Any, address: str, pin: str | None = None) -> None:
        from game.net.client import BotClient

        self.address = address
        self.public: dict[str, Any] | None = None
        self.version = 0
        self.final: Any = None
        self.client = BotClient(address, watch=True, pin=pin, act=False,
                                on_message=self._got)
        self.task: asyncio.Task[None] | None = None
        self.ctx = ctx

    def start(self) -> None:
        if self.task is None:
            self.task = asyncio.get_running_loop().create_task(self.client.run())
            self.ctx.services.append(self)

    async def aclose(self) -> None:
        await self.client.stop()
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.task

    def banner(self) -> str | None:
        if self.client.fatal:
            return "!" + self.client.fatal
        if self.public is not None and self.client.conn is None and self.final is None:
            return "!" + self.ctx.tr("ui.join.reconnecting")
        return None

    def _got(self, msg: dict[str, Any]) -> None:
        if msg.get("type") == "public":
            self.public = msg
            self.version += 1
        elif msg.get("type") == "final":
            self._final(msg["save"])
            self.version += 1

    def _final(self, text: str) -> None:
        import tempfile
        from pathlib import Path

        from game.save import load_save

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "final.json"
            path.write_text(text, encoding="utf-8")
            loaded = load_save(path)
        people = {int(w): p for w, p in (loaded.meta.get("people") or {}).items()
                  if str(w).isdigit()}
        humans = {v for v, t in (loaded.meta.get("teams") or {}).items() if t.get("human")}
        self.final = (loaded.state, people, humans)

    def close(self) -> None:
        """The watcher keeps running while the window is open."""

    def addresses(self) -> list[str]:
        return [self.address]

    def finished(self) -> tuple[Any, dict[int, Any], set[str]] | None:
        return self.final

    @property
    def trainer(self) -> bool:
        return False

    def leaderboard(self, on: bool) -> None:
        """Only the trainer's console switches it."""
