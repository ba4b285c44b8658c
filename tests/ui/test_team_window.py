"""A team's window in a workshop, headless: it joins with the code, waits in the seat's lobby
with its briefing, plays the host's board (a move, a joint move proposed to a teammate on
another laptop and accepted there, then moved first), commits and waits, sees the week's
summary, and comes back to the same seat after a drop; the seat's mirror refuses what the
host would refuse."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from game.core.actions import CATALOG, Action
from game.net.client import BotClient
from game.net.host import Host
from game.net.protocol import Command
from game.net.remote import RemoteSeat
from game.net.workshop import Settings, Workshop
from game.scenario.loader import load_scenario
from game.ui import router

from .conftest import SCENARIOS
from .test_console import until


def names(app: Any) -> list[str]:
    return [type(s).__name__ for s in app.stack.scenes]


def test_a_team_window_plays_a_week_with_a_teammate_on_another_laptop(make_app, tmp_path):  # type: ignore[no-untyped-def]
    async def run() -> None:
        spec = load_scenario(SCENARIOS / "workshop_hospital.yaml")
        ws = Workshop.create(spec, 3, ["ruiyi"], tmp_path / "ws", Settings())
        host = Host(ws, "127.0.0.1", 0)
        await host.start()
        url = f"127.0.0.1:{host.port}"
        code = ws.lobby.teams["ruiyi"].code
        app = make_app("en", "menu")
        app.apply(router.push("join", app, address=url, code=code, role="rep",
                              player="Li Wei", auto=True))
        await until(app, lambda: names(app)[-1] == "SeatLobbyScene", "the seat's lobby")
        # a teammate on another laptop plays presales (headless, answering by hand)
        mate = BotClient(url, code=code, role="presales", name="Zhang Min", act=False,
                         retry=(0.05, 0.2))
        mate_task = asyncio.ensure_future(mate.run())
        await until(app, lambda: "presales" in ws.lobby.teams["ruiyi"].seats, "the teammate")
        ws.command(Command(type="command", cmd="start"))
        host.flush()
        await until(app, lambda: names(app)[-1] in ("BoardScene", "EventScene"), "the board")
        board = next(s for s in app.stack.scenes if type(s).__name__ == "BoardScene")
        session = board.session
        assert session.teammate("presales") == "Zhang Min"
        assert session.add(Action("research_account")) is None
        assert session.add(Action("joint_visit", "wu_zhiyuan")) is None
        await until(app, lambda: len(ws.desks["ruiyi"].week.entries) == 2, "the host's desk")
        proposal = ws.desks["ruiyi"].week.entries[-1]
        assert proposal.status == "proposed" and proposal.partner == "presales"
        # the mirror refuses what the host would: the rep cannot plan presales' moves
        assert session.add(Action("needs_research", "wu_zhiyuan"), "presales") is not None
        await until(app, lambda: mate.snapshot and mate.snapshot["desk"]["awaiting"],
                    "the proposal at the teammate's laptop")
        reply = await mate.command({"type": "move", "stamp": ws.stamp, "op": "accept",
                                    "entry": proposal.id})
        assert reply is not None and reply["type"] == "ack"
        await until(app, lambda: session.week.entries[-1].status == "accepted",
                    "the acceptance on this laptop")
        # the joint visit should land first: moved one place earlier here, on the host too
        assert session.earlier(session.week.entries[-1].id) is None
        await until(app, lambda: ws.desks["ruiyi"].week.entries[0].action.kind
                    == "joint_visit", "the new order on the host")
        await mate.command({"type": "commit", "stamp": ws.stamp})
        # end the week on this laptop: commit and wait; the host resolves it
        app.apply(router.push("workshop_wait", app, session))
        await until(app, lambda: names(app)[-1] in ("ResolveScene", "ReviewScene"),
                    "the week's summary")
        assert ws.state.week == 2
        kinds = [a["kind"] for a in ws.state.plans[0]["ruiyi"]]
        assert kinds.index("joint_visit") < kinds.index("research_account")
        # a drop: the seat is away, the window reconnects by itself to the same seat
        link = session.link
        await link.client.drop()
        await until(app, lambda: not ws.lobby.teams["ruiyi"].seats["rep"].connected
                    or link.client.seen.connects > 1, "the drop")
        await until(app, lambda: ws.lobby.teams["ruiyi"].seats["rep"].connected
                    and link.client.seen.connects > 1, "the rejoin", timeout=30)
        assert ws.lobby.teams["ruiyi"].seats["rep"].name == "Li Wei"
        await mate.stop()
        mate_task.cancel()
        await app.close_services()
        await host.stop()

    asyncio.run(run())


def test_the_seat_mirror_counts_teammates_hidden_money(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from game.net.desk import Desk

    spec = load_scenario(SCENARIOS / "city_hospital.yaml")
    ws = Workshop.create(spec, 1, ["ruiyi"], tmp_path / "ws", Settings())
    vw = ws.seat_view("ruiyi")
    # enough for the exec's visit or a dinner, not both
    cash = CATALOG["exec_visit"].cost + CATALOG["entertain"].cost / 2
    rich = dict(vw, me=dict(vw["me"], budget=cash))
    desk = Desk("roles", rich, {"rep": "rep", "exec": "exec"})
    desk.move("exec", "plan", None, Action("exec_visit", "zhou_liqun"))
    sent: list[dict[str, Any]] = []
    seat = RemoteSeat(sent.append)
    seat.receive({"type": "snapshot", "stamp": 1, "view": rich, "desk": desk.seen_by("rep"),
                  "seat": {"team": "ruiyi", "role": "rep"}, "round": {}, "presence": {},
                  "notices": []})
    assert seat.week is not None and seat.week.hidden_from("rep") == 1
    assert seat.week.budget_left() == pytest.approx(desk.week.budget_left())
    # the exec's hidden visit holds money: a dinner the team can no longer afford is refused
    # here, before it reaches the host
    assert seat.plan("rep", Action("entertain", "wu_zhiyuan")) == "why.no_budget"
    assert sent == []
    assert seat.plan("rep", Action("research_account")) in (None, "why.no_budget")
