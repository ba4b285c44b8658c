"""The wire format refuses anything malformed before the game sees it, naming the problem."""

from __future__ import annotations

import json

import pytest

from game.net.protocol import (
    MAX_CLIENT_MESSAGE,
    Commit,
    Join,
    Plan,
    Refusal,
    dump,
    parse_client,
    parse_host,
)


def msg(**kw):
    return json.dumps({"v": 1, **kw})


def test_good_messages_parse_to_their_models():
    assert isinstance(parse_client(msg(type="join", code="ABCDEF", name="Wang Fang")), Join)
    p = parse_client(msg(type="plan", stamp=3, actions=[{"kind": "visit", "target": "cio"}]))
    assert isinstance(p, Plan) and p.actions[0].target == "cio"
    assert isinstance(parse_client(msg(type="commit", stamp=3, cid=9)), Commit)


@pytest.mark.parametrize(("raw", "code"), [
    ("garbage", "proto/not_json"),
    ("[1, 2]", "proto/not_object"),
    (b"\x00", "proto/binary"),
    (json.dumps({"type": "join"}), "proto/version"),
    (json.dumps({"v": 2, "type": "join"}), "proto/version"),
    (msg(type="teleport"), "proto/invalid"),
    (msg(type="join", code="ABCDEF", name="x", team="hengtai"), "proto/invalid"),
    (msg(type="join", code="ABCDEF", name="x" * 41), "proto/invalid"),
    (msg(type="join", code="ABCDEF", name="x", role="boss"), "proto/invalid"),
    (msg(type="plan", stamp=1, actions=[{"kind": "call"}] * 61), "proto/invalid"),
    (msg(type="plan", stamp=-1, actions=[]), "proto/invalid"),
    (msg(type="plan", stamp=1, actions=[{"kind": "visit", "vendor": "hengtai"}]),
     "proto/invalid"),
    (msg(type="commit", stamp="soon"), "proto/invalid"),
    ("[" * 100_000, "proto/too_big"),
    ("[" * 50_000, "proto/not_json"),
])
def test_bad_messages_are_refused_with_a_reason(raw, code):
    with pytest.raises(Refusal) as err:
        parse_client(raw)
    assert err.value.code == code and err.value.text
    assert len("[" * 100_000) > MAX_CLIENT_MESSAGE


def test_host_messages_carry_the_version_and_snapshots_are_checked():
    text = dump({"type": "ack", "cid": 1})
    assert json.loads(text)["v"] == 1 and parse_host(text)["type"] == "ack"
    with pytest.raises(ValueError):
        parse_host(dump({"type": "snapshot", "stamp": 1}))  # missing most of a snapshot
