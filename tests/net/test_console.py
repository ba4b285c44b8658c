"""Every trainer console command, sent over the wire by a console connection with the PIN,
and what each seat and the projector get to see of it."""

from __future__ import annotations

import asyncio
import contextlib

import pytest

from game.core.serialize import state_hash
from game.net.client import BotClient
from game.net.workshop import Settings
from game.save import load_save

from .conftest import FAST, bot, hosting, spec, until, url


@contextlib.asynccontextmanager
async def room(tmp_path, human=("ruiyi", "hengtai"), act=False, settings=None,
               scenario="city_hospital", seed=3):
    sp = spec(scenario)
    async with hosting(sp, seed, list(human), tmp_path, settings or Settings()) as host:
        console = BotClient(url(host), console=True, pin=host.ws.pin, retry=FAST)
        bots = [bot(host, vid, act=act) for vid in human]
        tasks = [asyncio.ensure_future(c.run()) for c in (console, *bots)]
        await until(lambda: console.console_frame is not None and all(
            b.snapshot is not None for b in bots), "everyone connected")
        try:
            yield host, console, bots
        finally:
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)


async def cmd(console, name, **kw):
    reply = await console.command({"type": "command", "cmd": name, **kw})
    return reply


def run(coro):
    return asyncio.run(coro)


def test_status_start_and_end_week(tmp_path):
    async def go():
        async with room(tmp_path) as (host, console, bots):
            r = await cmd(console, "status")
            assert r["type"] == "ack" and r["status"]["round"]["status"] == "lobby"
            codes = {t["vendor"]: t["code"] for t in r["status"]["teams"]}
            assert codes["ruiyi"] == host.ws.lobby.teams["ruiyi"].code
            assert (await cmd(console, "start"))["type"] == "ack"
            await until(lambda: all(b.snapshot["round"]["status"] == "planning" for b in bots),
                        "planning on every seat")
            again = await cmd(console, "start")
            assert again["type"] == "refused" and again["code"] == "console/started"
            await cmd(console, "end_week")  # nobody committed: the week ends anyway
            await until(lambda: all(b.snapshot["view"]["week"] == 2 for b in bots), "week 2")
            assert len(host.ws.state.plans) == 1
    run(go())


def test_pause_holds_the_time_resume_and_extend(tmp_path):
    async def go():
        async with room(tmp_path, settings=Settings(minutes=10)) as (host, console, bots):
            await cmd(console, "start")
            clock = host.ws.clock
            await cmd(console, "pause")
            held = clock.remaining()
            await asyncio.sleep(0.3)
            assert clock.paused and clock.remaining() == held
            await until(lambda: bots[0].snapshot["round"]["clock"]["paused"], "seats told")
            r = await cmd(console, "pause")
            assert r["code"] == "console/paused"
            await cmd(console, "resume")
            assert not clock.paused and held - 1 < clock.remaining() <= held
            await cmd(console, "extend", minutes=2)
            assert clock.remaining() > held + 100
            await cmd(console, "minutes", minutes=5)
            assert host.ws.settings.minutes == 5
            await cmd(console, "end_week")
            assert 299 < clock.remaining() <= 300  # the next week gets the new limit
    run(go())


def test_the_clock_ends_the_week_by_itself(tmp_path):
    async def go():
        async with room(tmp_path, settings=Settings(minutes=0.02)) as (host, console, bots):
            await cmd(console, "start")
            await until(lambda: len(host.ws.state.plans) >= 1, "the countdown ends week 1")
    run(go())


def test_auto_advance_off_waits_for_the_trainer(tmp_path):
    async def go():
        async with room(tmp_path) as (host, console, bots):
            await cmd(console, "auto", on=False)
            await cmd(console, "start")
            for b in bots:
                r = await b.command({"type": "commit", "stamp": b.snapshot["stamp"]})
                assert r["type"] == "ack"
            await asyncio.sleep(0.2)
            assert len(host.ws.state.plans) == 0 and host.ws.all_committed()
            await cmd(console, "auto", on=True)
            await until(lambda: len(host.ws.state.plans) == 1, "advanced once on")
    run(go())


def test_cover_plays_an_away_role_and_hands_it_back(tmp_path):
    async def go():
        async with room(tmp_path) as (host, console, bots):
            await cmd(console, "start")
            ruiyi, hengtai = bots
            await ruiyi.stop()
            seat = host.ws.lobby.teams["ruiyi"].seats["team"]
            await until(lambda: not seat.connected, "ruiyi away")
            assert console.console_frame["teams"][0]["seats"][0]["connected"] is False
            await hengtai.command({"type": "commit", "stamp": hengtai.snapshot["stamp"]})
            assert host.ws.waiting_for() == [("ruiyi", "team")]
            await cmd(console, "cover", team="ruiyi", role="team", on=True)
            await until(lambda: len(host.ws.state.plans) == 1, "week resolved with the AI")
            assert host.ws.state.plans[0]["ruiyi"], "the AI planned the away team's week"
            assert seat.cover  # still away: the AI keeps the seat
            back = BotClient(url(host), token=ruiyi.token, act=False, retry=FAST)
            task = asyncio.ensure_future(back.run())
            await until(lambda: seat.connected, "back")
            await cmd(console, "end_week")
            assert not seat.cover  # handed back at the week boundary
            task.cancel()
    run(go())


def test_absent_release_and_ai_team(tmp_path):
    async def go():
        async with room(tmp_path) as (host, console, bots):
            await cmd(console, "start")
            r = await cmd(console, "absent", team="ruiyi", role="team", on=True)
            assert r["type"] == "ack"
            refused = await bots[0].command({"type": "plan", "stamp": bots[0].snapshot["stamp"],
                                             "actions": []})
            assert refused["code"] == "seat/ai"
            # a seat taken cannot be claimed with the code alone ...
            code = host.ws.lobby.teams["hengtai"].code
            intruder = BotClient(url(host), code=code, name="Li", act=False, retry=FAST)
            await asyncio.wait_for(intruder.run(), 10)
            assert intruder.fatal.startswith("join/taken")
            # ... until the trainer marks it away; the console shows who took it
            await cmd(console, "release", team="hengtai", role="team", on=True)
            newcomer = BotClient(url(host), code=code, name="Li", act=False, retry=FAST)
            task = asyncio.ensure_future(newcomer.run())
            await until(lambda: newcomer.snapshot is not None, "Li seated")
            await until(lambda: console.console_frame["teams"][1]["seats"][0]["taken_from"]
                        == "hengtai-team", "console shows the hand-over")
            old = await bots[1].command({"type": "commit", "stamp": 1}) if bots[1].conn \
                else None
            assert old is None or old["type"] == "refused"
            await cmd(console, "ai_team", team="hengtai", on=True)
            assert not host.ws.lobby.teams["hengtai"].human
            await until(lambda: len(host.ws.state.plans) == 1, "nobody left to wait for")
            task.cancel()
    run(go())


def test_inject_preview_and_say(tmp_path):
    async def go():
        async with room(tmp_path) as (host, console, bots):
            await cmd(console, "start")
            before = state_hash(host.ws.state)
            p = await cmd(console, "preview", event="budget_cut")
            assert set(p["preview"]) == set(host.ws.state.vendors)
            assert all(len(v["forecast"]) == 2 for v in p["preview"].values())
            r = await cmd(console, "inject", event="budget_cut")
            assert r["injected"]["event"] == "budget_cut"
            assert state_hash(host.ws.state) == before  # takes effect when the week resolves
            bad = await cmd(console, "inject", event="no_such_event")
            assert bad["code"] == "console/no_event"
            await cmd(console, "say", team="ruiyi", text="Ten minutes to lunch")
            await until(lambda: any(n["text"] == "Ten minutes to lunch"
                                    for n in host.ws.notices.get("ruiyi", [])), "noted")
            await cmd(console, "end_week")
            fired = [f for f in host.ws.state.fired if f.endswith("budget_cut")]
            assert fired and fired[0].startswith("inject")
            await until(lambda: bots[0].snapshot["view"]["week"] == 2, "week 2")
            events = [e.get("event") for e in bots[0].snapshot["report"]["entries"]]
            assert fired[0] in events
            assert any(n["text"] == "Ten minutes to lunch" for n in bots[0].snapshot["notices"])
            assert not bots[1].snapshot["notices"]
    run(go())


def test_restart_week_rollback_and_end_game(tmp_path):
    async def go():
        async with room(tmp_path) as (host, console, bots):
            await cmd(console, "start")
            await cmd(console, "end_week")
            after_one = state_hash(host.ws.state)
            b = bots[0]
            await until(lambda: b.snapshot["view"]["week"] == 2, "week 2")
            stamp = b.snapshot["stamp"]
            r = await b.command({"type": "plan", "stamp": stamp, "actions": [
                {"kind": "research_account"}]})
            assert r["type"] in ("ack", "refused")
            await cmd(console, "inject", event="budget_cut")
            await cmd(console, "restart_week")
            assert state_hash(host.ws.state) == after_one and not host.ws.injects
            assert host.ws.desks["ruiyi"].human_plan() == []
            await until(lambda: b.snapshot["stamp"] > stamp, "fresh board")
            stale = await b.command({"type": "commit", "stamp": stamp})
            assert stale["code"] == "week/stale"
            await cmd(console, "rollback")
            assert host.ws.state.week == 1 and not host.ws.state.plans
            await cmd(console, "leaderboard", on=True)
            watcher = BotClient(url(host), watch=True, act=False, retry=FAST)
            task = asyncio.ensure_future(watcher.run())
            await until(lambda: watcher.public is not None, "projector frame")
            assert watcher.public["leaderboard"] is not None
            tv = await cmd(console, "trainer_view")
            assert "relations" in tv["trainer_view"]
            board = (await cmd(console, "board", team="hengtai"))["board"]
            assert board["view"]["vendor"] == "hengtai" and board["briefing"] is None
            assert (await cmd(console, "board", team="nobody"))["code"] == "console/no_team"
            reveal = BotClient(url(host), watch=True, pin=host.ws.pin, act=False, retry=FAST)
            t2 = asyncio.ensure_future(reveal.run())
            await until(lambda: reveal.public is not None, "the PIN projector")
            r = await reveal.command({"type": "command", "cmd": "trainer_view"})
            assert "relations" in r["trainer_view"]
            r = await reveal.command({"type": "command", "cmd": "end_game"})
            assert r["code"] == "auth/console"
            r = await watcher.command({"type": "command", "cmd": "trainer_view"})
            assert r["code"] == "auth/console"
            await cmd(console, "end_game")
            await until(lambda: all(x.snapshot["round"]["status"] == "over" for x in bots),
                        "everyone told the game is over")
            await until(lambda: all(x.final is not None for x in bots) and reveal.final,
                        "the whole game, for each seat's debrief and the PIN projector")
            assert watcher.final is None  # a projector without the PIN never gets it
            final = tmp_path / "final.json"
            final.write_text(bots[0].final, encoding="utf-8")
            assert state_hash(load_save(final).state) == state_hash(host.ws.state)
            task.cancel()
            t2.cancel()
    run(go())


def test_console_needs_the_pin_and_seats_cannot_command(tmp_path):
    async def go():
        async with room(tmp_path) as (host, console, bots):
            wrong = BotClient(url(host), console=True, pin="000000" if host.ws.pin != "000000"
                              else "111111", retry=FAST)
            await asyncio.wait_for(wrong.run(), 10)
            assert wrong.fatal.startswith("auth/pin")
            r = await bots[0].command({"type": "command", "cmd": "end_game"})
            assert r["code"] == "auth/console"
            assert host.ws.status == "lobby"
    run(go())


@pytest.mark.parametrize("name", ["pause", "resume", "extend", "end_week", "inject",
                                  "preview", "restart_week"])
def test_week_commands_before_the_start_are_refused(tmp_path, name):
    async def go():
        async with room(tmp_path, human=("ruiyi",)) as (host, console, bots):
            r = await cmd(console, name, event="budget_cut")
            assert r["type"] == "refused" and r["code"] == "console/not_planning", r
    run(go())
