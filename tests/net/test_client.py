"""A bot seat always brings its week to a commit: every refusal the host can give a seat's
plan, answer or commit leads to one next step (answer, plan less, commit, or wait for the
snapshot the host is sending), and the races between teammates that once stalled a
per-role game end in a committed week, with each proposal answered once."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from game.core.actions import Action
from game.net import client, host
from game.net.client import BotClient, ai_decide

from .conftest import bot, hosting, spec, until

PLAN = [Action("call", "a"), Action("visit", "b"), Action("entertain", "c")]


class ScriptedHost:
    """Answers one seat's commands as the host would, from a script of refusals: each is
    (command, code, params, desk change sent before the refusal); anything else is taken,
    and the desk the host sends after it is applied, as it would arrive."""

    def __init__(self, seat: BotClient, refusals: list[tuple[Any, ...]]) -> None:
        self.seat = seat
        self.refusals = list(refusals)
        self.sent: list[Any] = []

    async def send(self, conn: Any, msg: dict[str, Any], wait: bool = True) -> dict[str, Any]:
        what = msg.get("op", msg["type"])
        self.sent.append((what, len(msg["actions"])) if what == "plan" else what)
        desk = self.seat.snapshot["desk"]  # type: ignore[index]
        if self.refusals and self.refusals[0][0] == what:
            _, code, params, change = self.refusals.pop(0)
            if change:  # the desk that went out before this refusal
                desk.update(change)
                self.seat._desks += 1
            self.seat._reply_desks = self.seat._desks
            return {"type": "refused", "code": code, "params": params}
        self.seat._reply_desks = self.seat._desks  # the ack; then the desk after it
        if what == "plan":
            desk["entries"] = [{"id": i, "owner": "exec"} for i, _ in enumerate(msg["actions"])]
        elif what in ("accept", "decline"):
            desk["awaiting"] = [e for e in desk["awaiting"] if e != msg["entry"]]
        elif what == "commit":
            desk["committed"] = ["exec"]
        desk["done"] = "exec" in desk["committed"] and not desk["awaiting"]
        self.seat._desks += 1
        return {"type": "ack"}


def scripted(refusals: list[tuple[Any, ...]], awaiting: tuple[int, ...] = (),
             mine: tuple[str, ...] = ("exec",)) -> tuple[BotClient, ScriptedHost]:
    seat = BotClient("127.0.0.1:1", role="exec", decide=lambda view, role: list(PLAN))
    seat.conn = object()  # type: ignore[assignment]
    seat.snapshot = {"stamp": 3, "round": {"status": "planning"}, "seat": {"role": "exec"},
                     "view": {}, "desk": {"mine": list(mine), "awaiting": list(awaiting),
                                          "committed": [], "done": False}}
    fake = ScriptedHost(seat, refusals)
    seat._send = fake.send  # type: ignore[method-assign]
    return seat, fake


def r(what: str, code: str, change: dict[str, Any] | None = None,
      **params: Any) -> tuple[Any, ...]:
    return (what, code, params, change or {})


@pytest.mark.parametrize(("refusals", "awaiting", "mine", "sent"), [
    # plan: a move refused -> that move and the ones after it dropped, in one step
    ([r("plan", "plan/illegal", index=1)], (), ("exec",), [("plan", 3), ("plan", 1), "commit"]),
    ([r("plan", "plan/illegal", index=0)], (), ("exec",), [("plan", 3), ("plan", 0), "commit"]),
    # plan: the board moved on, or the AI plays the seat now -> wait for the next snapshot
    ([r("plan", "week/stale")], (), ("exec",), [("plan", 3)]),
    ([r("plan", "week/over")], (), ("exec",), [("plan", 3)]),
    ([r("plan", "seat/ai")], (), ("exec",), [("plan", 3)]),
    ([r("plan", "plan/not_your_role")], (), ("exec",), [("plan", 3)]),
    # plan: committed already (its ack was lost) -> commit, which the host takes again
    ([r("plan", "plan/committed")], (), ("exec",), [("plan", 3), "commit"]),
    # told to slow down -> the same command again
    ([r("plan", "proto/flood")], (), ("exec",), [("plan", 3), ("plan", 3), "commit"]),
    ([r("commit", "proto/flood")], (), ("exec",), [("plan", 3), "commit", "commit"]),
    ([r("accept", "proto/flood")], (7,), ("exec",),
     ["accept", "accept", ("plan", 3), "commit"]),
    # commit: a proposal got to the host first -> answer it, then commit
    ([r("commit", "plan/answer_first", {"awaiting": [7]})], (), ("exec",),
     [("plan", 3), "commit", "accept", "commit"]),
    # commit: the week moved on -> wait for its snapshot
    ([r("commit", "week/stale")], (), ("exec",), [("plan", 3), "commit"]),
    # accept: the seat's days do not allow it -> decline, so the week can go on
    ([r("accept", "plan/illegal")], (7,), ("exec",),
     ["accept", "decline", ("plan", 3), "commit"]),
    # accept: answered already, or withdrawn by its owner -> never a decline after it
    ([r("accept", "plan/answered")], (7,), ("exec",), ["accept", ("plan", 3), "commit"]),
    ([r("accept", "plan/no_such_move")], (7,), ("exec",), ["accept", ("plan", 3), "commit"]),
    ([r("accept", "plan/illegal"), r("decline", "plan/no_such_move")], (7,), ("exec",),
     ["accept", "decline", ("plan", 3), "commit"]),
    ([r("accept", "week/stale")], (7,), ("exec",), ["accept"]),
    # nothing owed: the AI plays the seat's role (covered, absent)
    ([], (), (), []),
])
def test_every_refusal_leads_to_one_next_step(monkeypatch, refusals, awaiting, mine, sent):
    monkeypatch.setattr(client, "FLOOD_WAIT_S", 0.0)
    seat, fake = scripted(refusals, awaiting, mine)

    async def go():
        seat.kick()
        if seat._worker is not None:
            await seat._worker

    asyncio.run(go())
    assert fake.sent == sent
    assert not fake.refusals  # every scripted refusal was met


def test_every_team_week_refusal_has_a_next_step():
    """A refusal code the team-week model gains must be given a next step here too."""
    from game.net.desk import CODES

    handled = client.NEW_BOARD | client.NOT_OURS | client.SETTLED | {
        "plan/answer_first", "plan/committed",  # commit / plan: see the table above
        "plan/illegal", "plan/unknown_action",  # a move of the plan: carries its index
    }
    never_sent = {"plan/not_owner", "plan/first_already", "plan/nothing_to_undo",
                  "plan/week_done"}  # withdraw, earlier,
    # undo and reopen: a bot never sends them
    assert {*CODES.values(), "plan/illegal"} <= handled | never_sent


def test_a_plan_the_host_lost_is_sent_again():
    """A host restarted from its log keeps only committed weeks: the desk it sends shows
    none of the seat's moves, so the seat plans again before it commits."""
    seat, fake = scripted([])

    async def go():
        seat._planned[3] = [a.to_dict() for a in PLAN]
        seat._plan_acked[3] = seat._desks
        seat._desks += 1  # the restarted host's snapshot: no moves of ours on it
        seat.snapshot["desk"]["entries"] = []
        seat.kick()
        await seat._worker

    asyncio.run(go())
    assert fake.sent == [("plan", 3), "commit"]


def test_a_committed_seat_waits_for_its_desk_instead_of_committing_again():
    """The ack of a commit arrives before the desk that shows it: a teammate's desk that
    crosses it is no reason to commit again."""
    seat, fake = scripted([])

    async def go():
        seat.snapshot["desk"]["committed"] = []
        seat._planned[3] = []
        seat._commit_acked[3] = seat._desks  # taken; its desk is still on its way
        seat.kick()
        await seat._worker

    asyncio.run(go())
    assert fake.sent == []


def test_a_flooded_command_is_refused_with_its_cid_and_sent_again(tmp_path, monkeypatch):
    """The host tells a seat that floods it to slow down; the refusal names the command,
    so the seat sends it again instead of waiting a minute for a reply that never comes
    (the game stalled meanwhile)."""
    monkeypatch.setattr(client, "FLOOD_WAIT_S", 0.05)
    sp = spec("city_hospital")
    armed: list[bool] = []
    allow = host.Peer.allow

    def flood_once(peer: host.Peer) -> bool:  # the host's allowance runs out once
        if armed and peer.seat is not None and peer.seat.team == "ruiyi":
            armed.clear()
            return False
        return allow(peer)

    monkeypatch.setattr(host.Peer, "allow", flood_once)

    async def go():
        async with hosting(sp, 2, ["ruiyi"], tmp_path) as h:
            ws = h.ws
            real_plan = ws.plan

            fired: list[bool] = []

            def plan(seat, stamp, actions):  # the seat's next command (its commit) floods
                real_plan(seat, stamp, actions)
                if not fired:  # once: under load the seat may plan again after a quiet spell
                    fired.append(True)
                    armed.append(True)

            ws.plan = plan  # type: ignore[method-assign]
            seat = bot(h, "ruiyi", decide=ai_decide(2))
            task = asyncio.ensure_future(seat.run())
            try:
                await until(lambda: len(ws.state.plans) >= 1, "week 1 resolved", 10)
            finally:
                await seat.stop()
                task.cancel()
            return seat

    seat = asyncio.run(go())
    floods = [x for x in seat.seen.refusals if x["code"] == "proto/flood"]
    assert len(floods) == 1 and floods[0]["cid"] > 0
    assert 1 in seat.seen.committed


def test_cid_of_a_message_the_host_will_not_parse():
    assert host.cid_of('{"v":1,"cid":42,"type":"commit"}') == 42
    assert host.cid_of(b'{"v": 1, "cid": 7, "type": "plan"}') == 7
    assert host.cid_of("not json") == 0
    assert host.cid_of('{"cid": 99999999999}') == 0


def test_a_proposal_that_lands_just_before_the_commit_is_answered_once(tmp_path):
    """The rep's proposal reaches the host between the exec's plan and its commit: the
    commit is refused (answer first), the exec accepts the proposal once and commits; the
    joint move is in the week's record. (The bot once answered it twice and sent a
    decline after its own accept.)"""
    sp = spec("workshop_hospital")
    joint = Action("sponsor_visit", "zhou_liqun")
    asked: list[tuple[Any, ...]] = []  # what the exec's seat asked the host for in week 1

    async def go():
        async with hosting(sp, 3, ["ruiyi"], tmp_path) as h:
            ws = h.ws
            ws.settings.min_seats = 1
            rep, _ = ws.join(ws.lobby.teams["ruiyi"].code, "rep", "Li")  # the test is the rep
            real_plan, real_move, real_commit = ws.plan, ws.move, ws.commit

            def plan(seat, stamp, actions):
                if seat.role == "exec" and stamp == 1:
                    asked.append(("plan", len(actions)))
                real_plan(seat, stamp, actions)

            def move(seat, stamp, op, role=None, action=None, entry=None):
                if seat.role == "exec" and stamp == 1:
                    asked.append((op, entry))
                real_move(seat, stamp, op, role, action, entry)

            def commit(seat, stamp):
                if seat.role == "exec" and stamp == 1:
                    asked.append(("commit",))
                    if rep.role not in ws.desks["ruiyi"].week.committed:
                        real_plan(rep, stamp, [joint])  # the rep's message got there first
                        real_commit(rep, stamp)
                real_commit(seat, stamp)

            ws.plan, ws.move, ws.commit = plan, move, commit  # type: ignore[method-assign]
            seat = bot(h, "ruiyi", "exec", decide=lambda view, role: [])
            task = asyncio.ensure_future(seat.run())
            try:
                await until(lambda: len(ws.state.plans) >= 1, "week 1 resolved", 10)
                await asyncio.sleep(0.2)  # anything still on its way for week 1 arrives
            finally:
                await seat.stop()
                task.cancel()
            return ws, seat

    ws, seat = asyncio.run(go())
    record = [(a["kind"], a.get("target")) for a in ws.state.plans[0]["ruiyi"]]
    assert ("sponsor_visit", "zhou_liqun") in record
    kinds = [a[0] for a in asked]
    assert kinds == ["plan", "commit", "accept", "commit"], asked
    assert [x["code"] for x in seat.seen.refusals] == ["plan/answer_first"]
