"""The workshop's host inside the window: the server runs in the window's own asyncio loop,
so the console calls the workshop directly (no connection, no PIN) and sees its frames as
they are sent."""

from __future__ import annotations

import asyncio
from collections import deque
from typing import Any

from game.net.host import Host, addresses
from game.net.protocol import Command, Refusal
from game.net.workshop import Workshop


class HostService:
    """The host of one workshop, started with the window's loop (see the module docstring)."""

    def __init__(self, ws: Workshop, bind: str = "0.0.0.0", port: int = 8765) -> None:
        self.lines: deque[str] = deque(maxlen=40)  # what the host says (joins, drops)
        self.host = Host(ws, bind, port, say=self.lines.append)
        self.task: asyncio.Task[None] | None = None
        self.listening = False
        self.error: str | None = None

    @property
    def ws(self) -> Workshop:
        return self.host.ws

    def start(self, ctx: Any) -> None:
        """Listen (once); the window closes the service when it closes."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop (a layout built without the window's loop): idle
            return
        if self.task is None:
            self.task = loop.create_task(self._start())
            ctx.services.append(self)

    async def _start(self) -> None:
        try:
            await self.host.start()
            self.listening = True
        except OSError as exc:
            self.error = f"{self.host.bind}:{self.host.port}: {exc.strerror or exc}"

    async def aclose(self) -> None:
        if self.listening:
            self.listening = False
            await self.host.stop()
        else:
            self.ws.close()

    def addresses(self) -> list[str]:
        return addresses(self.host.bind, self.host.port)

    def command(self, cmd: str, **kw: Any) -> dict[str, Any]:
        """One console command (raises Refusal); what it queued is sent at once."""
        out = self.ws.command(Command(type="command", cmd=cmd, **kw))  # type: ignore[arg-type]
        self.host.flush()
        return out


def refusal_key(r: Refusal) -> str:
    """The translation key of a refusal code (net.console.not_planning ...)."""
    return "net." + r.code.replace("/", ".")
