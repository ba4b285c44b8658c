"""The buying centre revealed: every person's hidden motives, and when we found them.

During play each motive is hidden until research, an insider or a coach reveals it, and an
action aimed at a known motive lands far harder. The debrief lays every motive open and
puts beside it the week our team found it (or that it never did), how often we then acted
on it, and which rivals knew it, so the players see what they were fighting blind.
"""

from __future__ import annotations

from typing import Any

from game.core.state import CONTACT_LEVELS, Person
from game.report.common import Ctx, took_part

WHICH = ("position", "personal")


def _found_week(ctx: Ctx, vid: str, pid: str, which: int, seat: list[int]) -> int | None:
    series = ctx.trace.known.get(vid, [])
    for i in range(seat[0], min(seat[1], len(series) - 1) + 1):
        if series[i].get(pid, (False, False))[which]:
            return i
    return None


def _how(ctx: Ctx, pid: str, week: int, which: str) -> str:
    """The move or event that revealed the motive in that week, if the log names one."""
    if week == 0:
        return ctx.t("report.motives.from_start")
    for e in ctx.state.log:
        if e["week"] != week:
            continue
        eff = e.get("effects")
        if e.get("vendor") == ctx.vendor and isinstance(eff, dict):
            if eff.get("person") == pid and eff.get("learned") in (which, "both"):
                return ctx.action(e["kind"])
            intel = eff.get("intel") or {}
            if which == "position" and intel.get("motive_of") == pid:
                return ctx.action(e["kind"])
        if e.get("event") and not e.get("calendar") and any(
                isinstance(x, dict) and x.get("reveal") == pid for x in e.get("effects") or []):
            return e["title"][ctx.lang]
    return ""


def _hits(ctx: Ctx, pid: str, seat: list[int], current: bool) -> dict[str, list[int]]:
    """Weeks our moves struck this person's motives. A seat recorded from the end of week
    a to the end of week b was acted on in weeks a+1 .. b (b+1 if replaced in week b+1)."""
    first, last = seat[0] + 1, seat[1] + (0 if current else 1)
    out: dict[str, list[int]] = {w: [] for w in WHICH}
    for e in ctx.actions():
        eff = e.get("effects") or {}
        if eff.get("person") == pid and eff.get("motive_hit") and first <= e["week"] <= last:
            out[eff["motive_hit"]].append(e["week"])
    return out


def _motive(ctx: Ctx, p: Person, which: str, found: int | None, known_now: bool,
            hits: list[int], rivals: list[dict[str, Any]]) -> dict[str, Any]:
    m = p.position_motive if which == "position" else p.personal_motive
    after = [w for w in hits if found is not None and w >= found]
    return {
        "which": which,
        "label": ctx.t(f"report.motives.{which}"),
        "kind": m["kind"],
        "kind_text": ctx.t(f"motive.{m['kind']}"),
        "text": m["text"][ctx.lang],
        "found_week": found,
        "found": found is not None or known_now,
        "found_text": (ctx.t("report.motives.found_week", week=found) if found is not None
                       else ctx.t("report.motives.found") if known_now
                       else ctx.t("report.motives.never")),
        "how": _how(ctx, p.id, found, which) if found is not None else "",
        "addressed": len(hits),
        "addressed_after_found": len(after),
        "rivals_knew": [r["name"] for r in rivals if r[which]],
    }


def _rivals(ctx: Ctx, pid: str, seat: list[int]) -> list[dict[str, Any]]:
    out = []
    for vid in took_part(ctx.state):
        if vid == ctx.vendor:
            continue
        if ctx.trace.consistent:
            pos = _found_week(ctx, vid, pid, 0, seat) is not None
            per = _found_week(ctx, vid, pid, 1, seat) is not None
        else:
            r = ctx.state.relations[vid][pid]
            pos, per = r.known_position, r.known_personal
        out.append({"vendor": vid, "name": ctx.vname(vid), "position": pos, "personal": per})
    return out


def _seats(ctx: Ctx) -> list[tuple[Person, list[int], bool]]:
    """Every person who sat in a seat, with the weeks they sat there and if they still do."""
    if not ctx.trace.consistent:
        return [(p, [0, ctx.weeks], True) for p in ctx.state.people.values()]
    out = []
    for (pid, gen), p in ctx.trace.persons.items():
        out.append((p, ctx.trace.seats[(pid, gen)], gen == ctx.state.people[pid].generation))
    order = list(ctx.state.people)
    out.sort(key=lambda x: (order.index(x[0].id), x[0].generation))
    return out


def motives(ctx: Ctx) -> list[dict[str, Any]]:
    """One entry per person who held a seat in the buying centre during the game."""
    out = []
    for p, seat, current in _seats(ctx):
        rel = ctx.state.relations[ctx.vendor][p.id]
        hits = _hits(ctx, p.id, seat, current)
        rivals = _rivals(ctx, p.id, seat)
        items = []
        for i, which in enumerate(WHICH):
            known_now = current and (rel.known_position if i == 0 else rel.known_personal)
            found = _found_week(ctx, ctx.vendor, p.id, i, seat) if ctx.trace.consistent \
                else None
            items.append(_motive(ctx, p, which, found, known_now, hits[which], rivals))
        snap = ctx.snapshot(seat[1]) if seat[1] > 0 else None
        support = snap["support"][ctx.vendor][p.id] if snap else rel.support
        out.append({
            "id": p.id,
            "generation": p.generation,
            "name": p.name[ctx.lang],
            "title": p.title[ctx.lang],
            "department": p.department[ctx.lang],
            "roles": [ctx.t(f"buying_role.{r}") for r in p.roles],
            "key": list(p.key),
            "influence": p.influence,
            "seat_weeks": list(seat),
            "current": current,
            "replaced_week": None if current else seat[1] + 1,
            "contact_text": ctx.t(f"contact.{CONTACT_LEVELS[rel.contact]}") if current
            else "-",
            "support_end": round(support, 3),
            "motives": items,
        })
    return out


def discovery_summary(items: list[dict[str, Any]]) -> dict[str, int]:
    """How many motives existed, were found, and were acted on after being found."""
    ms = [m for p in items for m in p["motives"]]
    return {"total": len(ms), "found": sum(m["found"] for m in ms),
            "acted_on": sum(m["addressed_after_found"] > 0 for m in ms)}
