"""Secrecy on the wire: every message the host sends in several whole games is read as sent,
and none carries another team's private fields or a motive the receiving team has not
discovered (checked against the full state at the moment of sending)."""

from __future__ import annotations

import asyncio
import json

import pytest

from game.net.client import BotClient
from game.net.secrecy import Scanner

from .conftest import FAST, bot, hosting, play_out, spec, url


class Tap:
    def __init__(self) -> None:
        self.scanner: Scanner | None = None
        self.kinds: dict[str, int] = {}

    def __call__(self, label, target, text):
        if self.scanner is not None:
            self.scanner(label, target, text)
            kind = json.loads(text)["type"]
            self.kinds[kind] = self.kinds.get(kind, 0) + 1


@pytest.mark.parametrize(("scenario", "seed", "human", "roles"), [
    ("city_hospital", 2, ["ruiyi", "hengtai", "guorui"], False),
    ("workshop_hospital", 4, ["ruiyi", "hengtai", "jiguang"], True),
    ("mes_factory", 9, ["zhizao", "desheng"], False),
    ("logistics_tms", 6, None, False),
])
def test_no_frame_carries_what_its_receiver_may_not_know(tmp_path, scenario, seed, human,
                                                         roles):
    sp = spec(scenario)
    human = human or [v.id for v in sp.vendors]
    tap = Tap()

    async def go():
        async with hosting(sp, seed, human, tmp_path, tap=tap) as host:
            tap.scanner = Scanner(host.ws)
            bots = []
            for i, vid in enumerate(human):
                if roles and i == 0:
                    bots += [bot(host, vid, r) for r in ("rep", "presales", "pm", "exec")]
                else:
                    bots.append(bot(host, vid))
            host.ws.settings.min_seats = len(bots)
            bots.append(BotClient(url(host), watch=True, retry=FAST))
            await play_out(host, bots)
            return host.ws

    ws = asyncio.run(go())
    assert ws.state.over
    sc = tap.scanner
    assert sc.frames > 50 and tap.kinds.get("snapshot", 0) >= ws.state.week
    assert tap.kinds.get("public", 0) > 0
    assert sc.shown > 0  # teams did discover motives and saw them: the scan had work to do
    assert not sc.leaks, "\n".join(sc.leaks[:20])


def test_the_scanner_catches_a_planted_leak(tmp_path):
    sp = spec("city_hospital")

    async def go():
        async with hosting(sp, 1, ["ruiyi"], tmp_path) as host:
            sc = Scanner(host.ws)
            secret = sp.stakeholders[0].personal_motive.text.en
            frame = host.ws.snapshot(next(iter(host.ws.lobby.teams["ruiyi"].seats.values()))) \
                if host.ws.lobby.teams["ruiyi"].seats else None
            assert frame is None  # nobody has joined: build one by hand
            sc("ruiyi/team", ("seat",), json.dumps({"type": "notice", "text": secret}))
            sc("projector", ("public",), json.dumps({"type": "public", "me": {"budget": 5}}))
            sc("ruiyi/team", ("seat",), json.dumps(
                {"type": "presence", "team": "hengtai", "seats": []}))
            return sc.leaks

    leaks = asyncio.run(go())
    assert any("undiscovered motive" in x for x in leaks)
    assert any("private field .me" in x for x in leaks)
    assert any("another team's presence" in x for x in leaks)
