"""Who sits where: team codes, seat tokens and the trainer's PIN, and the lobby's seats.

Codes and tokens come from `secrets`. A team code is short enough to read out or write on a
card (six letters and digits, none that look alike); it only lets a person claim a free seat
of that team. The seat token, handed to the client on joining, is what brings a person back
to the seat; only its hash is kept (and logged), so the session log on the trainer's disk
cannot be replayed to take someone's seat.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from typing import Any

from game.net.protocol import ROLES, Refusal

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def new_code(taken: set[str] = frozenset()) -> str:  # type: ignore[assignment]
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))
        if code not in taken:
            return code


def new_token() -> str:
    return secrets.token_urlsafe(24)


def new_pin() -> str:
    return f"{secrets.randbelow(10**6):06d}"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def same_secret(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


@dataclass
class Seat:
    """One person's place in a team: a role (or the whole team on one laptop)."""

    team: str
    role: str
    name: str
    token_hash: str
    connected: bool = False
    released: bool = False  # marked away by the trainer: the code may claim it again
    absent: bool = False  # the trainer gave the role to the AI for the rest of the game
    cover: bool = False  # the AI plays the role while its person is away
    taken_from: str | None = None  # the name of whoever had the seat before a re-claim
    names: dict[str, str] = field(default_factory=dict)  # one laptop: who plays which role

    def public(self) -> dict[str, Any]:
        return {"role": self.role, "name": self.name, "connected": self.connected,
                "released": self.released, "absent": self.absent, "cover": self.cover,
                "taken_from": self.taken_from, "names": dict(self.names)}


@dataclass
class Team:
    """A vendor seat of the scenario: a human team (with its code) or an AI rival."""

    vendor: str
    code: str
    human: bool
    seats: dict[str, Seat] = field(default_factory=dict)

    @property
    def mode(self) -> str | None:
        """'team' (one laptop), 'roles' (a laptop per role) or None before anyone joined."""
        if not self.seats:
            return None
        return "team" if "team" in self.seats else "roles"

    def human_roles(self) -> tuple[str, ...]:
        """Roles whose moves a person makes this week (the others are the AI's)."""
        if not self.human:
            return ()
        if self.mode == "team":
            s = self.seats["team"]
            return () if (s.absent or s.cover) else ROLES
        return tuple(r for r in ROLES if r in self.seats
                     and not self.seats[r].absent and not self.seats[r].cover)

    def active_seats(self) -> list[Seat]:
        """Seats whose commit the week waits for."""
        return [s for s in self.seats.values() if not s.absent and not s.cover]


class Lobby:
    """Every vendor's seat and its people; joining and rejoining rules live here."""

    def __init__(self, teams: dict[str, Team]) -> None:
        self.teams = teams
        self.by_token: dict[str, Seat] = {}
        for t in teams.values():
            for s in t.seats.values():
                self.by_token[s.token_hash] = s

    @classmethod
    def create(cls, vendors: list[str], human: list[str]) -> Lobby:
        codes: set[str] = set()
        teams = {}
        for vid in vendors:
            code = new_code(codes)
            codes.add(code)
            teams[vid] = Team(vid, code, vid in human)
        return cls(teams)

    def team_of_code(self, code: str) -> Team:
        code = code.strip().upper()
        for t in self.teams.values():
            if same_secret(t.code, code):
                if not t.human:
                    raise Refusal("join/ai_seat", "that team's seat is played by the AI in this "
                                  "workshop; ask the trainer to open it")
                return t
        raise Refusal("join/bad_code", "no team has that code; check it with the trainer")

    def join(self, code: str, role: str, name: str,
             names: dict[str, str] | None = None) -> tuple[Seat, str]:
        """Claim a seat; returns the seat and its new token (the only time it is shown)."""
        team = self.team_of_code(code)
        mode = team.mode
        if mode == "team" and role != "team":
            raise Refusal("join/team_mode", "this team plays on one laptop (role 'team'); "
                          "join as 'team' or ask the trainer")
        if mode == "roles" and role == "team":
            raise Refusal("join/roles_mode", "this team plays with a laptop per role; pick one "
                          f"of the free roles: {', '.join(self.free_roles(team)) or 'none'}")
        old = team.seats.get(role)
        if old is not None and not old.released:
            raise Refusal("join/taken", f"the {role} seat is taken by {old.name}; if they have "
                          "left, the trainer can mark the seat away so you can take it",
                          name=old.name)
        token = new_token()
        seat = Seat(team.vendor, role, name.strip(), token_hash(token))
        if role == "team" and names:
            seat.names = {r: n.strip() for r, n in names.items() if r in ROLES and n.strip()}
        if old is not None:
            seat.taken_from = old.name
            self.by_token.pop(old.token_hash, None)
        team.seats[role] = seat
        self.by_token[seat.token_hash] = seat
        return seat, token

    def free_roles(self, team: Team) -> list[str]:
        return [r for r in ROLES if r not in team.seats or team.seats[r].released]

    def resume(self, token: str) -> Seat:
        seat = self.by_token.get(token_hash(token))
        if seat is None:
            raise Refusal("resume/unknown", "that seat token is not known here (the seat was "
                          "given to someone else, or this is another workshop); join with the "
                          "team code")
        return seat

    def restore(self, team: str, role: str, name: str, hashed: str,
                names: dict[str, str] | None = None) -> Seat:
        """Put a seat back from the session log (host restart)."""
        t = self.teams[team]
        old = t.seats.get(role)
        seat = Seat(team, role, name, hashed, taken_from=old.name if old else None,
                    names=dict(names or {}))
        if old is not None:
            self.by_token.pop(old.token_hash, None)
        t.seats[role] = seat
        self.by_token[hashed] = seat
        return seat

    def seat(self, team: str, role: str) -> Seat:
        t = self.teams.get(team)
        if t is None:
            raise Refusal("console/no_team", f"no team {team!r}; teams: "
                          f"{', '.join(self.teams)}")
        s = t.seats.get(role)
        if s is None:
            raise Refusal("console/no_seat", f"nobody has joined {team} as {role}")
        return s
