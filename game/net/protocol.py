"""The workshop's wire format: every message a client may send, as a pydantic model.

A client message is one JSON object with `v` (the protocol version) and `type`; anything else
(an unknown field, a wrong type, an over-long string, a plan of a hundred moves) is refused
before the host looks at it, so the game only ever sees well-formed commands. Commands never
name a team or a role: the seat is bound to the connection, so a client cannot speak for
another team. Every command that changes a plan carries the `stamp` of the state it was made
from; the host refuses a stale one with a clear reason instead of applying it to a week the
player never saw.

A refusal is `{"type": "refused", "cid", "code", "text", "params"}`: `text` is an English
sentence for logs and the terminal; a window shows its own translation of `code`, which is
stable: proto/{binary, too_big, not_json, not_object, version, invalid, hello, hello_again,
flood}, auth/{pin, console, seat}, join/{bad_code, ai_seat, taken, team_mode, roles_mode,
over}, resume/unknown, week/{not_started, over, stale}, seat/ai, plan/{committed,
unknown_action, illegal, not_your_role, no_such_move, not_owner, first_already, answered,
answer_first, nothing_to_undo, week_done} (every plan/* refusal has params.reason: the
team-week model's `team.*` key or the rules' `why.*` key, which a window translates),
console/{started, not_planning, paused, not_paused, args, no_team, no_seat, no_event,
no_week, over, unknown, parse}.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

PROTOCOL = 1
# Largest message a client may send (a whole week's plan is about 3 KB).
MAX_CLIENT_MESSAGE = 64 * 1024
# Largest message the host sends (a late-game snapshot with its log is about 200 KB).
MAX_HOST_MESSAGE = 8 * 1024 * 1024
# Most moves in one plan message (a week holds far fewer: days and money run out first).
MAX_PLAN = 60

ROLES = ("rep", "presales", "pm", "exec")
SEAT_ROLES = ("team", *ROLES)  # "team": one laptop plays every role of the team

Name = Annotated[str, Field(min_length=1, max_length=40)]
Short = Annotated[str, Field(min_length=1, max_length=64)]
Code = Annotated[str, Field(min_length=4, max_length=12)]
Cid = Annotated[int, Field(ge=0, le=2**31)]
Stamp = Annotated[int, Field(ge=0, le=2**31)]


class Msg(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    v: Literal[1] = 1
    cid: Cid = 0  # echoed in the host's ack or refusal


class ActionIn(BaseModel):
    """One planned move as a client sends it (checked against the team's view on the host)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Short
    target: Short | None = None
    option: Short | None = None


class Join(Msg):
    """Claim a free seat of a team with its code: the host answers with a seat token."""

    type: Literal["join"]
    code: Code
    role: Literal["team", "rep", "presales", "pm", "exec"] = "team"
    name: Name
    # one laptop for the team: who plays which role at it (the debrief's ledger names people)
    names: dict[Literal["rep", "presales", "pm", "exec"], Name] | None = None


class Resume(Msg):
    """Come back to one's seat with its token (after a drop, a refresh or a host restart)."""

    type: Literal["resume"]
    token: Annotated[str, Field(min_length=16, max_length=64)]


class Watch(Msg):
    """A projector: public information only; with the trainer's PIN, the trainer's view too."""

    type: Literal["watch"]
    pin: Annotated[str, Field(max_length=12)] | None = None


class Console(Msg):
    """A trainer's console connecting (a second console needs the PIN as well)."""

    type: Literal["console"]
    pin: Annotated[str, Field(min_length=1, max_length=12)]


class Plan(Msg):
    """The seat's whole draft for this week (replaces the previous draft)."""

    type: Literal["plan"]
    stamp: Stamp
    actions: list[ActionIn] = Field(max_length=MAX_PLAN)


class Commit(Msg):
    type: Literal["commit"]
    stamp: Stamp


class Move(Msg):
    """One change to the team's week: plan a move (a joint move is proposed to its partner
    when another person plays that role), answer an event, withdraw one's own move, accept
    or decline a joint move proposed to one's role, move one's own move one place earlier
    (the week resolves in the order planned), or undo one's last change. A one-laptop
    seat names the role it acts as (default: the first role of the move); a role seat acts
    as its own role. `entry` is the move's id as the seat's desk shows it."""

    type: Literal["move"]
    stamp: Stamp
    op: Literal["plan", "answer", "withdraw", "earlier", "accept", "decline", "undo"]
    role: Literal["rep", "presales", "pm", "exec"] | None = None
    action: ActionIn | None = None
    entry: Annotated[int, Field(ge=0, le=10_000)] | None = None


class Reopen(Msg):
    """Take back a commit while the week is still open."""

    type: Literal["reopen"]
    stamp: Stamp


TrainerCommand = Literal[
    "status", "start", "pause", "resume", "extend", "minutes", "end_week", "auto",
    "cover", "absent", "release", "ai_team", "inject", "preview", "say", "restart_week",
    "rollback", "end_game", "leaderboard", "board", "trainer_view",
]


class Command(Msg):
    """A trainer's console command (only on a console connection; a projector that gave the
    PIN may ask for `trainer_view`, for the end-of-game reveal)."""

    type: Literal["command"]
    cmd: TrainerCommand
    team: Annotated[str, Field(max_length=40)] | None = None
    role: Literal["team", "rep", "presales", "pm", "exec"] | None = None
    event: Annotated[str, Field(max_length=64)] | None = None
    text: Annotated[str, Field(max_length=500)] | None = None
    minutes: Annotated[float, Field(ge=0, le=240)] | None = None
    on: bool | None = None


ClientMessage = Annotated[
    Join | Resume | Watch | Console | Plan | Move | Commit | Reopen | Command,
    Field(discriminator="type"),
]
_CLIENT = TypeAdapter(ClientMessage)


class Refusal(Exception):
    """A command the host will not carry out, with a code and a sentence for the person."""

    def __init__(self, code: str, text: str, **params: Any) -> None:
        super().__init__(text)
        self.code = code
        self.text = text
        self.params = params


def parse_client(raw: str | bytes) -> Msg:
    """One client message, validated; raises Refusal naming what is wrong."""
    if isinstance(raw, bytes):
        raise Refusal("proto/binary", "binary frames are not part of the protocol; send JSON text")
    if len(raw) > MAX_CLIENT_MESSAGE:
        raise Refusal("proto/too_big", f"message of {len(raw)} bytes; the limit is "
                      f"{MAX_CLIENT_MESSAGE}")
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise Refusal("proto/not_json", f"not JSON ({exc})") from None
    if not isinstance(data, dict):
        raise Refusal("proto/not_object", "a message must be a JSON object with 'v' and 'type'")
    if data.get("v") != PROTOCOL:
        raise Refusal("proto/version", f"protocol version {data.get('v')!r}; this host speaks "
                      f"version {PROTOCOL}: update the client")
    try:
        return _CLIENT.validate_python(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "message"
        raise Refusal("proto/invalid", f"{where}: {first['msg']}") from None


def dump(message: dict[str, Any]) -> str:
    """A host message as compact JSON (with the protocol version)."""
    return json.dumps({"v": PROTOCOL, **message}, ensure_ascii=False, separators=(",", ":"))


# --- what the host sends (validated by clients) ------------------------------------------------


class HostMsg(BaseModel):
    model_config = ConfigDict(extra="allow")

    v: Literal[1]
    type: Literal["welcome", "snapshot", "desk", "round", "presence", "notice", "ack",
                  "refused", "bye", "public", "console", "final"]


class Snapshot(BaseModel):
    """A seat's full picture: what a client needs to draw its board from nothing."""

    model_config = ConfigDict(extra="forbid")

    v: Literal[1]
    type: Literal["snapshot"]
    stamp: int
    seat: dict[str, Any]
    round: dict[str, Any]
    view: dict[str, Any]
    report: dict[str, Any] | None
    desk: dict[str, Any]
    briefing: dict[str, Any] | None
    presence: dict[str, Any]
    notices: list[dict[str, Any]]
    choices: dict[str, dict[str, list[dict[str, Any]]]] = {}


def parse_host(raw: str) -> dict[str, Any]:
    """A host message, validated (a snapshot against its full model); returns the data."""
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("a host message must be a JSON object")
    if data.get("type") == "snapshot":
        Snapshot.model_validate(data)
    else:
        HostMsg.model_validate(data)
    return data
