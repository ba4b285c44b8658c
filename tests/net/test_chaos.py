"""Chaos: people drop and come back, the host dies and resumes from its log, two devices open
one seat, stale and hostile messages arrive, the clock is paused past its end. The host and
every other seat carry on, and nothing committed is lost: each game still ends in exactly the
state of the same game played locally."""

from __future__ import annotations

import asyncio
import json

from websockets.asyncio.client import connect

from game.core.serialize import state_hash
from game.net.client import BotClient, ai_decide
from game.net.host import Host
from game.net.protocol import Command
from game.net.workshop import Settings, Workshop

from .conftest import FAST, bot, hosting, local_game, play_out, spec, until, url


def same_as_local(ws, seed, human):
    local = local_game(ws.base_spec, seed, {vid: ai_decide(seed) for vid in human})
    assert state_hash(ws.state) == state_hash(local)


def test_drop_and_rejoin_mid_week_loses_nothing(tmp_path):
    sp, seed, human = spec("city_hospital"), 5, ["ruiyi", "hengtai"]

    async def go():
        async with hosting(sp, seed, human, tmp_path) as host:
            bots = [bot(host, vid, decide=ai_decide(seed)) for vid in human]
            ws = host.ws

            async def saboteur():
                for week in (2, 4, 7, 9):
                    await until(lambda w=week: ws.state.week >= w or ws.status == "over",
                                f"week {week}")
                    await bots[week % 2].drop()
            sab = asyncio.ensure_future(saboteur())
            await play_out(host, bots)
            await sab
            assert sum(b.seen.connects for b in bots) >= 5
            return ws

    ws = asyncio.run(go())
    same_as_local(ws, seed, human)


def test_the_host_dies_and_resumes_from_its_log(tmp_path):
    sp, seed, human = spec("mes_factory"), 8, ["zhizao", "desheng"]

    async def go():
        ws = Workshop.create(sp, seed, human, tmp_path, Settings(autostart=True))
        host = Host(ws, "127.0.0.1", 0)
        await host.start()
        port = host.port
        bots = [bot(host, vid, decide=ai_decide(seed)) for vid in human]
        slow = bots[1]
        tasks = [asyncio.ensure_future(b.run()) for b in bots]
        await until(lambda: ws.state.week >= 4, "week 4")
        slow.act = False  # desheng stops planning: zhizao commits alone, then the host dies
        await until(lambda: ws.waiting_for() == [("desheng", "team")], "zhizao committed")
        week, committed = ws.state.week, ws.desks["zhizao"].human_plan()
        host.server.close()  # a crash: no goodbye to anyone, the log is all that is left
        ws.log.close()
        await host.server.wait_closed()
        host._ticker.cancel()

        ws2 = Workshop.resume(tmp_path)
        assert ws2.state.week == week and ws2.desks["zhizao"].is_committed("team")
        assert ws2.desks["zhizao"].human_plan() == committed
        assert not ws2.clock.paused  # no countdown in this game: nothing to hold
        host2 = Host(ws2, "127.0.0.1", port)
        await host2.start()
        slow.act = True
        await until(lambda: all(b.snapshot is not None and b.snapshot["stamp"] == ws2.stamp
                                and b.conn is not None for b in bots), "both back")
        for b in bots:  # the same snapshot again: the slow seat plays it now
            b.kick()
        await until(lambda: ws2.status == "over", "the game ends after the restart", 120)
        await asyncio.gather(*tasks, return_exceptions=True)
        await host2.stop()
        return ws2

    ws = asyncio.run(go())
    same_as_local(ws, seed, human)


def test_newest_connection_wins_a_seat(tmp_path):
    sp = spec("city_hospital")

    async def go():
        async with hosting(sp, 1, ["ruiyi"], tmp_path, Settings()) as host:
            first = bot(host, "ruiyi", act=False)
            t1 = asyncio.ensure_future(first.run())
            await until(lambda: first.token is not None and first.snapshot, "seated")
            second = BotClient(url(host), token=first.token, act=False, retry=FAST)
            t2 = asyncio.ensure_future(second.run())
            await until(lambda: second.snapshot is not None, "second device")
            await asyncio.wait_for(t1, 10)  # the first one is told and gives up
            assert first.fatal == "bye: replaced"
            assert host.ws.lobby.teams["ruiyi"].seats["team"].connected
            third = BotClient(url(host), token=first.token, act=False, retry=FAST)
            t3 = asyncio.ensure_future(third.run())
            await until(lambda: third.snapshot is not None, "third device")
            await asyncio.wait_for(t2, 10)
            assert host.ws.lobby.teams["ruiyi"].seats["team"].connected
            t3.cancel()
    asyncio.run(go())


def test_a_pause_holds_the_week_past_its_end(tmp_path):
    sp = spec("city_hospital")

    async def go():
        settings = Settings(minutes=0.03, autostart=True)  # 1.8 s a week
        async with hosting(sp, 1, ["ruiyi"], tmp_path, settings) as host:
            b = bot(host, "ruiyi", act=False)
            t = asyncio.ensure_future(b.run())
            await until(lambda: host.ws.status == "planning", "started")
            host.ws.clock.pause()
            await asyncio.sleep(2.5)
            assert not host.ws.state.plans  # held
            host.ws.clock.resume()
            await until(lambda: len(host.ws.state.plans) == 1, "the clock ends the week", 10)
            t.cancel()
    asyncio.run(go())


async def raw(host, messages, expect=None):
    """A hand-made client: sends messages and collects what comes back until closed."""
    got = []
    async with connect(f"ws://{url(host)}", proxy=None, max_size=2**23) as c:
        for m in messages:
            await c.send(m if isinstance(m, str | bytes) else json.dumps(m))
        try:
            while True:
                got.append(json.loads(await asyncio.wait_for(c.recv(), 0.7)))
                if expect and expect(got):
                    break
        except Exception:  # noqa: BLE001 - closed or quiet: we have what there is
            pass
    return got


def test_hostile_frames_are_refused_and_the_game_goes_on(tmp_path):
    sp, seed, human = spec("city_hospital"), 6, ["ruiyi", "hengtai"]

    async def go():
        # guorui's seat is open to people too: the hostile client takes it with the code
        async with hosting(sp, seed, [*human, "guorui"], tmp_path) as host:
            host.ws.settings.min_seats = 2
            bots = [bot(host, vid, decide=ai_decide(seed)) for vid in human]
            game = asyncio.ensure_future(play_out(host, bots))
            await until(lambda: host.ws.state.week >= 2, "game under way")
            code = host.ws.lobby.teams["ruiyi"].code

            got = await raw(host, ["not json at all"])
            assert got[0]["code"] == "proto/not_json"
            got = await raw(host, [b"\x00\x01binary"])
            assert got[0]["code"] == "proto/binary"
            got = await raw(host, [{"v": 1, "type": "plan", "stamp": 1, "actions": []}])
            assert got[0]["code"] == "proto/hello"
            got = await raw(host, [{"v": 9, "type": "join"}])
            assert got[0]["code"] == "proto/version"
            got = await raw(host, [{"v": 1, "type": "join", "code": code, "name": "x",
                                    "team": "hengtai"}])
            assert got[0]["code"] == "proto/invalid" and "team" in got[0]["text"]
            got = await raw(host, [{"v": 1, "type": "resume", "token": "A" * 32}])
            assert got[0]["code"] == "resume/unknown"
            got = await raw(host, [{"v": 1, "type": "join", "code": "ZZZZZZ", "name": "x"}])
            assert got[0]["code"] == "join/bad_code"
            got = await raw(host, ["x" * 200_000])  # over the size limit: closed by the library
            assert got == []
            # a seat's own hostile messages: forged week, forged moves, floods
            stamp = host.ws.stamp
            gcode = host.ws.lobby.teams["guorui"].code
            got = await raw(host, [{"v": 1, "type": "join", "code": gcode, "name": "Mallory"}])
            token = got[0]["token"]
            forged = [
                {"v": 1, "type": "resume", "token": token},
                {"v": 1, "type": "plan", "stamp": stamp - 1, "actions": []},
                {"v": 1, "type": "plan", "stamp": stamp, "actions": [{"kind": "hack"}]},
                {"v": 1, "type": "plan", "stamp": stamp,
                 "actions": [{"kind": "visit", "target": "nobody"}]},
                {"v": 1, "type": "plan", "stamp": stamp, "actions": [{"kind": "call"}] * 61},
                {"v": 1, "type": "commit", "stamp": stamp, "role": "exec"},
                {"v": 1, "type": "join", "code": code, "name": "again"},
            ]
            got = await raw(host, forged, expect=lambda g: sum(
                m["type"] == "refused" for m in g) >= 6)
            codes = [m["code"] for m in got if m["type"] == "refused"]
            assert "week/stale" in codes or "plan/unknown_action" in codes, codes
            assert codes.count("proto/invalid") >= 2 and "proto/hello_again" in codes, codes
            flood = [{"v": 1, "type": "resume", "token": token}] + \
                [{"v": 1, "type": "commit", "stamp": 0}] * 300
            got = await raw(host, flood)
            assert any(m.get("code") == "proto/flood" for m in got)
            assert len(got) < 150  # hung up on long before the flood ended
            # the trainer gives the abandoned seat to the AI; the others never noticed
            host.ws.command(Command(type="command", cmd="absent", team="guorui", role="team"))
            host.flush()
            await game
            return host.ws

    ws = asyncio.run(go())
    same_as_local(ws, seed, human)
