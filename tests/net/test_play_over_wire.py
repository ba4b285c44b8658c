"""Whole games over real WebSockets on 127.0.0.1 reach exactly the state of the same game
played locally: the wire changes nothing about what a seat sees or plays."""

from __future__ import annotations

import asyncio

import pytest

from game.core.serialize import state_hash
from game.net.client import ai_decide

from .conftest import bot, hosting, local_game, play_out, spec, until


@pytest.mark.parametrize(("scenario", "seed", "human"), [
    ("city_hospital", 7, ["ruiyi", "hengtai"]),
    ("workshop_hospital", 3, ["ruiyi", "guorui", "jiayi", "kangning"]),
    ("telecom_network", 11, ["hailan"]),
])
def test_bots_over_the_wire_reach_the_local_state(tmp_path, scenario, seed, human):
    sp = spec(scenario)
    human = [h for h in human if h in {v.id for v in sp.vendors}] or [sp.vendors[0].id]

    async def go():
        async with hosting(sp, seed, human, tmp_path) as host:
            await play_out(host, [bot(host, vid, decide=ai_decide(seed)) for vid in human])
            return host.ws.state

    wire = asyncio.run(go())
    local = local_game(sp, seed, {vid: ai_decide(seed) for vid in human})
    assert wire.over and local.over
    assert wire.week == local.week
    assert state_hash(wire) == state_hash(local)


def test_a_game_that_stops_moving_fails_as_stuck(tmp_path, monkeypatch):
    from . import conftest

    monkeypatch.setattr(conftest, "STALL_S", 1.0)
    sp = spec("city_hospital")

    async def go():
        async with hosting(sp, 1, ["ruiyi"], tmp_path) as host:
            await play_out(host, [bot(host, "ruiyi", act=False)])  # joins, never commits

    with pytest.raises(AssertionError, match="bots got stuck in week 1"):
        asyncio.run(go())


def test_a_team_with_a_laptop_per_role_plays_a_whole_game(tmp_path):
    """Four role seats of one team, each planning only its own role's moves, commit every
    week; the game ends and every committed move is in the record."""
    sp = spec("workshop_hospital")

    async def go():
        async with hosting(sp, 5, ["ruiyi", "hengtai"], tmp_path) as host:
            host.ws.settings.min_seats = 5
            bots = [bot(host, "ruiyi", role) for role in ("rep", "presales", "pm", "exec")]
            bots.append(bot(host, "hengtai"))
            await play_out(host, bots)
            return host.ws, bots

    ws, bots = asyncio.run(go())
    assert ws.state.over
    for b in bots[:4]:
        assert b.seen.committed, f"{b.role} never committed"
        for stamp, actions in b.seen.committed.items():
            week_plan = ws.state.plans[stamp - 1]["ruiyi"]
            for a in actions:
                assert {k: a[k] for k in ("kind", "target", "option")} in [
                    {k: x[k] for k in ("kind", "target", "option")} for x in week_plan]


def test_a_seat_whose_commit_was_lost_commits_again_after_a_quiet_spell(tmp_path, monkeypatch):
    """A commit lost on the way (no reply, no desk) is not the end of the week: after two
    quiet spells the seat commits again, so the room is not left waiting for it."""
    from game.net import client

    monkeypatch.setattr(client, "NUDGE_S", 0.2)
    sp = spec("city_hospital")
    real = client.BotClient._commit
    lost: list[int] = []

    async def lose_first(self, conn, stamp):  # type: ignore[no-untyped-def]
        if not lost:
            lost.append(stamp)  # the first commit never reaches the host
            return False
        return await real(self, conn, stamp)

    monkeypatch.setattr(client.BotClient, "_commit", lose_first)

    async def go():
        async with hosting(sp, 2, ["ruiyi"], tmp_path) as host:
            seat = bot(host, "ruiyi", decide=ai_decide(2))
            task = asyncio.ensure_future(seat.run())
            try:  # without the second look: stuck in week 1
                await until(lambda: len(host.ws.state.plans) >= 2, "two weeks resolved", 10)
            finally:
                await seat.stop()
                task.cancel()
            return seat

    seat = asyncio.run(go())
    assert lost == [1]
    assert 1 in seat.seen.committed and 2 in seat.seen.committed  # week 1 committed after all
