"""The workshop without sockets: commits end the week, the session log stands the workshop
up again exactly (injects, commits, seats and trainer settings included), a torn last line is
survived, the projector page is public, the pace warns when the session will not fit."""

from __future__ import annotations

import json

import pytest

from game.core.actions import Action
from game.core.serialize import state_hash
from game.net.protocol import Command, Refusal
from game.net.secrecy import Scanner
from game.net.session_log import LOG_NAME, read_log
from game.net.workshop import PUBLIC, Settings, Workshop
from game.save import load_save

from .conftest import spec


def room(tmp_path, human=("ruiyi", "hengtai"), **kw):
    ws = Workshop.create(spec("city_hospital"), 4, list(human), tmp_path, Settings(**kw))
    seats = {vid: ws.join(ws.lobby.teams[vid].code, "team", f"T-{vid}")[0] for vid in human}
    return ws, seats


def cmd(ws, name, **kw):
    return ws.command(Command(type="command", cmd=name, **kw))


def test_the_week_ends_when_every_seat_has_committed(tmp_path):
    ws, seats = room(tmp_path)
    with pytest.raises(Refusal) as err:
        ws.commit(seats["ruiyi"], ws.stamp)
    assert err.value.code == "week/not_started"
    ws.start()
    ws.plan(seats["ruiyi"], ws.stamp, [Action("research_account")])
    ws.commit(seats["ruiyi"], ws.stamp)
    assert ws.waiting_for() == [("hengtai", "team")] and not ws.state.plans
    ws.commit(seats["hengtai"], ws.stamp)
    assert len(ws.state.plans) == 1
    assert ws.state.plans[0]["ruiyi"][0]["kind"] == "research_account"
    assert ws.state.plans[0]["guorui"], "the AI played the empty seat"
    with pytest.raises(Refusal) as err:
        ws.plan(seats["ruiyi"], ws.stamp - 1, [])
    assert err.value.code == "week/stale" and "week 2" in err.value.text
    assert load_save(ws.autosave_path()).state.week == 1  # the week before the last one
    ws.autosave_if_due()
    assert load_save(ws.autosave_path()).state.week == 2


def test_resume_rebuilds_seats_commits_injects_and_settings(tmp_path):
    ws, seats = room(tmp_path)
    ws.start()
    for _ in range(3):
        cmd(ws, "end_week")
    cmd(ws, "inject", event="budget_cut")
    cmd(ws, "minutes", minutes=7)
    cmd(ws, "say", team="all", text="Coffee is here")
    ws.commit(seats["ruiyi"], ws.stamp)
    cmd(ws, "cover", team="hengtai", role="team")  # nobody left to wait for: the week ends
    assert any(f.endswith("budget_cut") for f in ws.state.fired)
    cmd(ws, "release", team="hengtai", role="team")
    cmd(ws, "auto", on=False)
    ws.commit(seats["ruiyi"], ws.stamp)
    before = state_hash(ws.state)
    stamp, week = ws.stamp, ws.state.week
    ws.close()

    back = Workshop.resume(tmp_path)
    assert state_hash(back.state) == before and back.state.week == week
    assert back.stamp == stamp and back.status == "planning"
    assert back.desks["ruiyi"].is_committed("team")
    assert back.settings.minutes == 7 and not back.settings.auto_advance
    seat = back.lobby.teams["hengtai"].seats["team"]
    assert seat.cover and seat.released and seat.name == "T-hengtai"
    assert any(n["text"] == "Coffee is here" for n in back.notices[PUBLIC])
    assert [i["event"] for i in back.injects] == ["budget_cut"]
    raw = (tmp_path / LOG_NAME).read_text()
    for s in back.lobby.teams["ruiyi"].seats.values():  # only the token's hash is logged
        assert s.token_hash in raw and len(s.token_hash) == 64


def test_a_torn_last_line_is_survived_and_damage_in_the_middle_is_not(tmp_path):
    ws, seats = room(tmp_path)
    ws.start()
    cmd(ws, "end_week")
    ws.close()
    log = tmp_path / LOG_NAME
    with log.open("a") as fh:
        fh.write('{"t":"desk","team":"ruiyi","de')  # power cut mid-write
    records, warning = read_log(log)
    assert "cut off" in warning and records[-1]["t"] != "desk"
    assert Workshop.resume(tmp_path).state.week == 2
    lines = log.read_text().splitlines()
    lines.insert(2, "{broken")
    log.write_text("\n".join(lines) + "\n")
    with pytest.raises(ValueError, match="damaged record"):
        Workshop.resume(tmp_path)


def test_a_log_that_no_longer_replays_is_refused(tmp_path):
    ws, seats = room(tmp_path)
    ws.start()
    cmd(ws, "end_week")
    ws.close()
    log = tmp_path / LOG_NAME
    recs = [json.loads(x) for x in log.read_text().splitlines()]
    for r in recs:
        if r["t"] == "hash":
            r["hash"] = "0" * 64
    log.write_text("\n".join(json.dumps(r) for r in recs) + "\n")
    with pytest.raises(ValueError, match="does not give the state"):
        Workshop.resume(tmp_path)


def test_the_projector_page_is_public_and_the_leaderboard_fair(tmp_path):
    ws, seats = room(tmp_path, leaderboard=True)
    ws.start()
    cmd(ws, "end_week")
    page = ws.public_frame()
    assert not Scanner(ws).public_leaks(page, json.dumps(page, ensure_ascii=False))
    board = page["leaderboard"]
    hengtai = next(r for r in board if r["vendor"] == "hengtai")
    assert hengtai["progress"] == ws.state.vendors["hengtai"].stage - 3  # starts at P3
    assert all(t["committed"] is False or t["committed"] is None for t in page["teams"])


def test_pace_warns_when_the_session_will_not_fit(tmp_path):
    clock = [0.0]
    ws = Workshop.create(spec("city_hospital"), 4, ["ruiyi"], tmp_path,
                         Settings(session_minutes=60), now=lambda: clock[0])
    ws.start()
    for _ in range(2):
        clock[0] += 600  # ten minutes a week
        cmd(ws, "end_week")
    pace = ws.pace()
    assert pace["week_s"] == 600 and pace["weeks_left"] > 10
    assert not pace["fits"]


def test_commits_logged_just_before_a_crash_still_end_the_week(tmp_path):
    ws, seats = room(tmp_path)
    ws.start()
    ws.commit(seats["ruiyi"], ws.stamp)
    ws.maybe_advance = lambda: None  # the host dies right after logging the last commit
    ws.commit(seats["hengtai"], ws.stamp)
    ws.close()
    back = Workshop.resume(tmp_path)
    assert not back.state.plans and back.all_committed()
    assert back.maybe_advance() is not None  # the host's next tick ends the week
    assert len(back.state.plans) == 1
