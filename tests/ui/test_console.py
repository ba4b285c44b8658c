"""The trainer's console window, headless: every console command from its button (the
protocol level is tests/net/test_console.py), with real seats connected over loopback, in
the window's own asyncio loop as `host` runs it."""

from __future__ import annotations

import asyncio
import csv
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.core.actions import Action
from game.net.client import BotClient
from game.scenario.loader import load_scenario
from game.ui import router

from .conftest import SCENARIOS
from .helpers import click, find_button, press, texts, top

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


async def frames(app: Any, n: int = 6) -> None:
    for _ in range(n):
        app.step(0.016, [])
        await asyncio.sleep(0.01)


async def until(app: Any, check: Any, what: str, timeout: float = 20.0) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not check():
        if loop.time() > end:
            raise AssertionError(f"timed out waiting for: {what}")
        await frames(app, 1)


def console_app(make_app: Any, lang: str = "en", teams: int = 2,
                size: tuple[int, int] = (1280, 720)) -> tuple[Any, Any]:
    from game.ui.console.setup import start_workshop

    spec = load_scenario(SCENARIOS / "workshop_hospital.yaml")
    service = start_workshop(spec, teams, 5, 180, 0, bind="127.0.0.1")
    app = make_app(lang, "menu", size)
    app.apply(router.push("console", app, service))
    return app, service


def confirm(app: Any) -> None:
    from game.ui.console.team import ConfirmScene

    assert isinstance(top(app), ConfirmScene), f"no confirmation, but {top(app)!r}"
    click(app, top(app).buttons["yes"])


def test_round_control_from_the_console(make_app: Any) -> None:
    async def run() -> None:
        app, service = console_app(make_app)
        ws = service.ws
        await until(app, lambda: service.listening, "the host listening")
        seat = BotClient(f"127.0.0.1:{service.host.port}", code=ws.lobby.teams["ruiyi"].code,
                         role="rep", name="Li Wei", act=False, retry=(0.05, 0.2))
        task = asyncio.ensure_future(seat.run())
        await until(app, lambda: ws.lobby.teams["ruiyi"].seats, "the seat joined")
        await frames(app, 40)  # the monitor follows the frames (at most every 0.4 s)
        console = top(app)
        assert any(s["name"] == "Li Wei" for t in console.frame["teams"] for s in t["seats"])
        click(app, find_button(app, "Start week 1 ›"))
        assert ws.status == "planning" and ws.clock.running
        click(app, find_button(app, "‖ Pause"))
        assert ws.clock.paused
        held = ws.clock.remaining()
        await frames(app, 5)
        assert ws.clock.remaining() == held, "a paused clock holds its time"
        click(app, find_button(app, "▶ Resume"))
        assert not ws.clock.paused
        before = ws.clock.remaining()
        click(app, find_button(app, "+1 min"))
        assert ws.clock.remaining() > before + 50
        click(app, find_button(app, "+"))
        assert ws.settings.minutes == 6
        click(app, find_button(app, "−"))
        assert ws.settings.minutes == 5
        click(app, find_button(app, "Auto-advance: on"))
        assert not ws.settings.auto_advance
        click(app, find_button(app, "End week now"))
        assert ws.state.week == 1, "ending a week asks once"
        confirm(app)
        assert ws.state.week == 2 and len(ws.state.plans) == 1
        await seat.stop()
        task.cancel()
        await app.close_services()

    asyncio.run(run())


def test_session_injects_and_messages(make_app: Any, tmp_path: Path) -> None:
    async def run() -> None:
        app, service = console_app(make_app)
        ws = service.ws
        await until(app, lambda: service.listening, "the host listening")
        ws.settings.auto_advance = False  # nobody has joined: no week would wait for anyone
        click(app, find_button(app, "Start week 1 ›"))
        # injects: preview shows each team's forecast with and without; fire asks once
        click(app, find_button(app, "Events"))
        event = ws.base_spec.events[0]
        console = top(app)
        pv, fire, eid = console.events[0]
        assert eid == event.id
        click(app, pv)
        assert console.preview is not None and set(console.preview["result"]) == \
            set(ws.state.vendors)
        click(app, fire)
        confirm(app)
        assert [i["event"] for i in ws.injects] == [event.id]
        # a message to one team, then to everyone (the projector too)
        click(app, find_button(app, "Message"))
        console = top(app)
        click(app, console.targets["ruiyi"])
        console.entry.set_text("Ten minutes to the tender")
        console.message = "Ten minutes to the tender"
        click(app, find_button(app, "Send ›"))
        assert ws.notices["ruiyi"][-1]["text"] == "Ten minutes to the tender"
        assert "hengtai" not in ws.notices
        # the session tab: leaderboard, restart the week, undo a week, end the game
        click(app, find_button(app, "Session"))
        click(app, find_button(app, "Leaderboard on the projector: hidden"))
        assert ws.settings.leaderboard
        click(app, find_button(app, "Restart this week"))
        confirm(app)
        assert ws.injects == [], "restarting the week drops its injects"
        click(app, find_button(app, "Message"))
        top(app).run("end_week")  # a week to undo
        assert ws.state.week == 2
        await frames(app, 2)
        click(app, find_button(app, "Session"))
        click(app, find_button(app, "Undo the last week"))
        confirm(app)
        assert ws.state.week == 1 and not ws.state.plans, top(app).status
        click(app, find_button(app, "Export class report"))
        out = ws.folder / "reports"
        assert (out / "class-report-en.html").is_file()
        rows = list(csv.reader((out / "actions.csv").open(encoding="utf-8")))
        assert rows[0][:4] == ["week", "team", "role", "person"]
        click(app, find_button(app, "End the game"))
        confirm(app)
        assert ws.status == "over"
        await app.close_services()

    asyncio.run(run())


def test_seats_drill_down_and_projector(make_app: Any) -> None:
    async def run() -> None:
        app, service = console_app(make_app, lang="zh")
        ws = service.ws
        await until(app, lambda: service.listening, "the host listening")
        url = f"127.0.0.1:{service.host.port}"
        seat = BotClient(url, code=ws.lobby.teams["ruiyi"].code, role="rep", name="李伟",
                         act=False, retry=(0.05, 0.2))
        task = asyncio.ensure_future(seat.run())
        await until(app, lambda: ws.lobby.teams["ruiyi"].seats, "the seat joined")
        top(app).run("start")
        await seat.stop()
        task.cancel()
        await until(app, lambda: not ws.lobby.teams["ruiyi"].seats["rep"].connected,
                    "the seat away")
        await frames(app, 40)
        console = top(app)
        manage = next(m for m, _b, vid in console.rows if vid == "ruiyi")
        click(app, manage)
        dialog = top(app)
        click(app, dialog.buttons["cover_rep"])
        assert ws.lobby.teams["ruiyi"].seats["rep"].cover
        click(app, top(app).buttons["release_rep"])
        assert ws.lobby.teams["ruiyi"].seats["rep"].released
        click(app, top(app).buttons["absent_rep"])
        assert ws.lobby.teams["ruiyi"].seats["rep"].absent
        click(app, top(app).buttons["ai"])
        assert not ws.lobby.teams["ruiyi"].human
        press(app, pygame.K_ESCAPE)
        # the drill-down: the team's own board, read-only
        board = next(b for _m, b, vid in top(app).rows if vid == "hengtai")
        click(app, board)
        from game.ui.board.scene import BoardScene

        while not isinstance(top(app), BoardScene):
            press(app, pygame.K_ESCAPE)  # an event waiting for the team's answer
        assert top(app).session.view["vendor"] == "hengtai"
        assert top(app).session.add(Action("research_account")) == "ui.console.read_only"
        press(app, pygame.K_RETURN)  # "end week" on a board only looked at: back
        assert type(top(app)).__name__ == "ConsoleScene"
        app.apply(router.push("projector", app, service))
        await frames(app, 5)
        assert type(top(app)).__name__ == "ProjectorScene"
        press(app, pygame.K_ESCAPE)
        assert type(top(app)).__name__ == "ConsoleScene"
        assert any("控制台" in t for t in texts(app))
        await app.close_services()

    asyncio.run(run())
