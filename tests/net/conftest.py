"""Helpers for the workshop tests: a real host on 127.0.0.1 (an ephemeral port), bot clients
over real WebSockets, the same game played locally, and a watchdog that fails a game that
stops moving ("bots got stuck", as oTree says) instead of letting it hang."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from functools import cache
from pathlib import Path
from typing import Any

from game.ai.agents import make_agent
from game.core.engine import end_week, new_game
from game.core.state import GameState
from game.core.views import view
from game.net.client import BotClient, Decide, ai_decide
from game.net.host import Host
from game.net.workshop import Settings, Workshop, agent_seed
from game.scenario.loader import load_scenario
from game.scenario.models import ScenarioSpec

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
FAST = (0.02, 0.2)  # reconnect jitter for tests (real clients wait 1-10 s)
STALL_S = 45.0  # no new week for this long while bots should be playing: stuck


@cache
def spec(name: str) -> ScenarioSpec:
    return load_scenario(SCENARIOS / f"{name}.yaml")


@contextlib.asynccontextmanager
async def hosting(sp: ScenarioSpec, seed: int, human: list[str], folder: Path,
                  settings: Settings | None = None, tap: Any = None) -> AsyncIterator[Host]:
    ws = Workshop.create(sp, seed, human, folder, settings or Settings(autostart=True))
    host = Host(ws, "127.0.0.1", 0, tap=tap)
    await host.start()
    try:
        yield host
    finally:
        await host.stop()


def url(host: Host) -> str:
    return f"127.0.0.1:{host.port}"


def bot(host: Host, vid: str, role: str = "team", decide: Decide | None = None,
        **kw: Any) -> BotClient:
    return BotClient(url(host), code=host.ws.lobby.teams[vid].code, role=role,
                     name=f"{vid}-{role}", decide=decide or ai_decide(), retry=FAST, **kw)


async def until(check: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    """Wait for a condition the test needs (fails with `what` rather than hanging)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not check():
        if loop.time() > end:
            raise AssertionError(f"timed out waiting for: {what}")
        await asyncio.sleep(0.02)


async def play_out(host: Host, bots: list[BotClient]) -> None:
    """Run the bots until the game is over; fail if the game stops moving."""
    tasks = [asyncio.ensure_future(b.run()) for b in bots]
    ws = host.ws
    loop = asyncio.get_running_loop()
    last, since = (ws.stamp, len(ws.state.plans)), loop.time()
    try:
        while ws.status != "over":
            await asyncio.sleep(0.05)
            now = (ws.stamp, len(ws.state.plans))
            if now != last:
                last, since = now, loop.time()
            elif loop.time() - since > STALL_S:
                raise AssertionError(f"bots got stuck in week {ws.state.week} "
                                     f"(status {ws.status}), waiting for {ws.waiting_for()}")
        await asyncio.wait_for(asyncio.gather(*tasks), 30)
    finally:
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def local_game(sp: ScenarioSpec, seed: int, humans: dict[str, Decide]) -> GameState:
    """The same game without a network: the human seats decide from their own view, every
    other seat is the AI the host would run."""
    state = new_game(sp, seed)
    agents = {vid: make_agent(v.playbook, v.difficulty, agent_seed(seed, i))
              for i, (vid, v) in enumerate(sorted(state.vendors.items()))}
    while not state.over:
        plans, reasons = {}, {}
        for vid, v in state.vendors.items():
            if not v.active and not state.pending.get(vid):
                continue
            if vid in humans:
                plans[vid] = humans[vid](view(state, vid), "team")
                reasons[vid] = [None] * len(plans[vid])
            else:
                plans[vid], reasons[vid] = agents[vid].decide(view(state, vid, with_log=False))
        end_week(state, plans, reasons)
    return state
