"""What each connection is sent, and nothing more.

A seat's frames are built only from its own team's `view` (with the log filtered by the
engine) and its last week's report through `report_for`; its desk shows its own role's
draft and the other roles' plans only once committed; the briefing is its own vendor's. The
projector's frame is public information only: the calendar, public events, the tender and
award as every vendor sees them, who has committed, and the leaderboard when the trainer
shows it. The console's frame has everything the trainer needs, codes included: it goes only
to connections that gave the trainer's PIN.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.core.state import phase_of
from game.core.views import report_for, view
from game.net.seats import Seat, Team

if TYPE_CHECKING:
    from game.net.workshop import Workshop


def round_state(ws: Workshop) -> dict[str, Any]:
    return {
        "status": ws.status,
        "week": ws.state.week,
        "stamp": ws.stamp,
        "clock": ws.clock.state(),
        "auto_advance": ws.settings.auto_advance,
        "waiting": len(ws.waiting_for()) if ws.status == "planning" else 0,
    }


def round_msg(ws: Workshop) -> dict[str, Any]:
    return {"type": "round", **round_state(ws)}


def presence(team: Team) -> dict[str, Any]:
    return {"type": "presence", "team": team.vendor, "human": team.human,
            "seats": [s.public() for s in team.seats.values()]}


def briefing(ws: Workshop, vid: str) -> dict[str, Any] | None:
    spec = next(v for v in ws.base_spec.vendors if v.id == vid)
    if spec.briefing is None:
        return None
    return spec.briefing.model_dump(mode="json")


def desk_view(ws: Workshop, seat: Seat) -> dict[str, Any]:
    desk = ws.desks.get(seat.team)
    if desk is None:  # the lobby: nothing planned yet
        desk = ws.new_desk(seat.team)
    return desk.seen_by(seat.role)


def desk_msg(ws: Workshop, seat: Seat) -> dict[str, Any]:
    return {"type": "desk", "stamp": ws.stamp, "desk": desk_view(ws, seat)}


#: the fields of an event answer's authored effects a dialog reads to say what it will do
EFFECT_KEYS = ("type", "change", "stakeholder", "vendor", "motive", "milestone", "shift",
               "criterion")


def choices(ws: Workshop, vid: str) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """For each event waiting for the team's answer, each answer's authored effects (whom
    it moves, what it reveals, what it risks), so the team's event dialog can say what an
    answer is likely to do. Only the fields that say so are sent: never a newcomer's
    description (a replaced stakeholder's motives), never the rest of the scenario."""
    pending = ws.seat_view(vid).get("pending") or []
    events = {e.id: e for e in ws.spec_now().events}
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for p in pending:
        ev = events.get(p["event"])
        if ev is None:
            continue
        out[ev.id] = {c.id: [{k: v for k, v in eff.model_dump(mode="json").items()
                              if k in EFFECT_KEYS} for eff in c.effects]
                      for c in ev.choices}
    return out


def snapshot(ws: Workshop, seat: Seat, with_view: bool = True) -> dict[str, Any]:
    vid = seat.team
    team = ws.lobby.teams[vid]
    out = {
        "type": "snapshot",
        "stamp": ws.stamp,
        "seat": {"team": vid, "role": seat.role, "name": seat.name, "mode": team.mode},
        "round": round_state(ws),
        "report": ws.reports.get(vid),
        "desk": desk_view(ws, seat),
        "briefing": briefing(ws, vid),
        "presence": presence(team),
        "notices": ws.notices.get(vid, [])[-10:],
        "choices": choices(ws, vid),
    }
    if with_view:
        out["view"] = ws.seat_view(vid)
    return out


def public(ws: Workshop) -> dict[str, Any]:
    """The projector's page: only what every vendor in the room may know."""
    from game.net.workshop import PUBLIC

    st = ws.state
    key = (ws.stamp, len(st.plans), len(st.log))
    cache = ws.public_cache
    if cache.get("key") != key:  # the log and the tender change only when a week ends
        any_vendor = next(iter(st.vendors))
        cache["key"] = key
        cache["shared"] = view(st, any_vendor, with_log=False)  # the same for every vendor
        cache["events"] = report_for({"week": st.week, "entries": st.log, "moved": [],
                                      "events": []}, PUBLIC)["entries"]
    shared, events = cache["shared"], cache["events"]
    teams = []
    for vid, v in st.vendors.items():
        team = ws.lobby.teams[vid]
        desk = ws.desks.get(vid)
        seats = team.active_seats() if team.human else []
        committed = (all(desk.is_committed(s.role) for s in seats)
                     if desk is not None and seats and ws.status == "planning" else None)
        teams.append({"vendor": vid, "name": v.name, "human": team.human, "active": v.active,
                      "committed": committed})
    out: dict[str, Any] = {
        "type": "public",
        "round": round_state(ws),
        "scenario": shared["scenario"],
        "customer": shared["customer"]["name"],
        "week": st.week,
        "last_week": st.spec.last_week,
        "phase": phase_of(st.week, st.calendar),
        "calendar": dict(st.calendar),
        "teams": teams,
        "events": events,
        "tender": shared["tender"],
        "award": shared["award"],
        "outcome": shared["outcome"],
        "report": ws.reports.get(PUBLIC),
        "notices": ws.notices.get(PUBLIC, [])[-10:],
        "leaderboard": leaderboard(ws) if ws.settings.leaderboard else None,
    }
    return out


def leaderboard(ws: Workshop) -> list[dict[str, Any]]:
    """Progress from each seat's own start (the incumbent starts ahead), best first."""
    rows = []
    for vs in ws.base_spec.vendors:
        v = ws.state.vendors[vs.id]
        rows.append({"vendor": vs.id, "name": v.name, "progress": v.stage - vs.start_stage,
                     "status": v.status})
    return sorted(rows, key=lambda r: (-r["progress"], r["vendor"]))


def _team_usage(ws: Workshop, vid: str) -> tuple[dict[str, int], float]:
    desk = ws.desks.get(vid)
    if desk is None:
        vw = ws.team_view(vid)
        return {r: int(n) for r, n in vw["me"]["time"].items()}, round(vw["me"]["budget"], 2)
    return desk.days_left(), round(desk.week.budget_left(), 2)


def console(ws: Workshop) -> dict[str, Any]:
    """The trainer's monitor: every team's seats, progress, health, time and money left."""
    st = ws.state
    health = st.history[-1]["health"] if st.history else {}
    teams = []
    for vid, team in ws.lobby.teams.items():
        v = st.vendors[vid]
        desk = ws.desks.get(vid)
        days, money = _team_usage(ws, vid)
        teams.append({
            "vendor": vid, "name": v.name, "code": team.code, "human": team.human,
            "mode": team.mode, "seats": [s.public() for s in team.seats.values()],
            "committed": ({s.role: desk.is_committed(s.role) for s in team.seats.values()}
                          if desk is not None else {}),
            "stage": v.stage, "status": v.status, "active": v.active,
            "health": health.get(vid), "days_left": days, "budget_left": money,
        })
    return {
        "type": "console",
        "round": round_state(ws),
        "settings": {"minutes": ws.settings.minutes, "auto_advance": ws.settings.auto_advance,
                     "leaderboard": ws.settings.leaderboard},
        "scenario": st.spec.id,
        "week": st.week,
        "last_week": st.spec.last_week,
        "phase": phase_of(st.week, st.calendar),
        "teams": teams,
        "waiting": [list(w) for w in ws.waiting_for()] if ws.status == "planning" else [],
        "events": [{"id": e.id, "title": {"zh": e.title.zh, "en": e.title.en}}
                   for e in ws.base_spec.events],
        "injects": list(ws.injects),
        "outcome": st.outcome,
        "pace": ws.pace(),
    }
