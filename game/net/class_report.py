"""After a workshop: the whole room's debrief and the trainer's evidence about each person.

``room_debrief`` puts every team side by side (outcome, stage reached, cost of sale, bid),
every evaluator's score of every bid, and each team's key moments: the projector's last
page. ``export_all`` writes, into the workshop's folder, a class report as one HTML page
(the same comparison, then one table per team of who did what), a CSV of every person's
actions (week, team, role, person, action, target, days, cost, support gained, what it
found), and each team's own HTML debrief with its players' names (the window's debrief
export). Built from the finished game's record (or the game so far), never from a view.
"""

from __future__ import annotations

import csv
import io
import os
from html import escape
from pathlib import Path
from typing import Any

from game.core.state import GameState
from game.report.common import support_gain
from game.report.debrief import build_debrief
from game.report.trace import walk


def players_of(people: dict[int, dict[str, dict[str, str]]], vendor: str) -> dict[str, str]:
    """Who played each role of ``vendor`` over the weeks ("Li / Wang" when it changed)."""
    names: dict[str, list[str]] = {}
    for week in sorted(people):
        for role, name in (people[week].get(vendor) or {}).items():
            if name and name not in names.setdefault(role, []):
                names[role].append(name)
    return {r: " / ".join(n) for r, n in names.items()}


def _who(people: dict[int, dict[str, dict[str, str]]], week: int, vendor: str,
         role: str) -> str:
    return (people.get(week, {}).get(vendor) or {}).get(role, "")


def room_debrief(state: GameState, lang: str, people: dict[int, dict[str, dict[str, str]]]
                 | None = None, humans: set[str] | None = None) -> dict[str, Any]:
    """Every team side by side, every evaluator's scores, each team's key moments."""
    people = people or {}
    trace = walk(state)
    teams = []
    decision = None
    for vid, v in state.vendors.items():
        d = build_debrief(state, vid, lang, players=players_of(people, vid), trace=trace)
        o = d["outcome"]
        teams.append({
            "vendor": vid, "name": v.name[lang], "human": humans is None or vid in humans,
            "verdict": o["verdict"], "verdict_text": o["verdict_text"], "stage": v.stage,
            "status": v.status, "cost": o["cost_of_sale"], "bid": o["our_bid"],
            "rank": o["our_rank"], "moments": d["moments"], "players": d["meta"]["players"],
            "ledger": d["ledger"], "debrief": d,
        })
        if decision is None:
            decision = d["decision"]
    o = state.outcome or {}
    return {"lang": lang, "title": getattr(state.spec.title, lang), "week": state.week,
            "over": state.over, "winner": o.get("winner"),
            "winner_name": state.vendors[o["winner"]].name[lang] if o.get("winner") else None,
            "teams": teams, "decision": decision}


def actions_csv(state: GameState, people: dict[int, dict[str, dict[str, str]]],
                lang: str) -> str:
    """Every move of every team: week, team, role, person, action, target, days, cost,
    support gained and what it found."""
    from game.core.actions import CATALOG
    from game.i18n import tr

    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["week", "team", "role", "person", "action", "target", "days", "cost",
                "support_gained", "found"])
    for e in state.log:
        kind = e.get("kind")
        vid = e.get("vendor")
        if vid is None or kind not in CATALOG:
            continue
        d = CATALOG[kind]
        eff = e.get("effects") or {}
        gained = support_gain(e)
        found = ";".join(str(x) for x in (eff.get("learned") or []))
        intel = eff.get("intel") or {}
        if intel.get("motive_of"):
            found = ";".join(filter(None, [found, f"motive:{intel['motive_of']}"]))
        target = e.get("target") or ""
        if target in state.people:
            target = state.people[target].name[lang]
        for role in d.roles:
            w.writerow([e["week"], state.vendors[vid].name[lang], tr("role." + role, lang),
                        _who(people, int(e["week"]), vid, role) or "AI",
                        tr(f"action.{kind}.name", lang), target, d.days,
                        round(float(e.get("cost", d.cost)) / len(d.roles), 3),
                        round(gained, 3), found])
    return out.getvalue()


def class_html(room: dict[str, Any]) -> str:
    """The class report: the room's comparison, then each team's people."""
    from game.i18n import tr

    lang = room["lang"]

    def t(key: str, **kw: Any) -> str:
        return escape(tr(key, lang, **kw))

    head = (f"<tr><th>{t('report.class.team')}</th><th>{t('report.class.result')}</th>"
            f"<th>{t('report.class.stage')}</th><th>{t('report.class.cost')}</th>"
            f"<th>{t('report.class.bid')}</th><th>{t('report.class.people')}</th></tr>")
    rows = []
    for team in room["teams"]:
        names = ", ".join(sorted({n for n in team["players"].values()}))
        bid = "" if team["bid"] is None else f"{team['bid']:.1f}"
        rows.append(f"<tr><td>{escape(team['name'])}</td><td>{escape(team['verdict_text'])}"
                    f"</td><td>P{team['stage']}</td><td>{team['cost']:.1f}</td>"
                    f"<td>{bid}</td><td>{escape(names)}</td></tr>")
    parts = [f"<h1>{escape(room['title'])} — {t('report.class.title')}</h1>",
             f"<table>{head}{''.join(rows)}</table>"]
    dec = room.get("decision")
    if dec:
        vendors = [b["vendor"] for b in dec["bids"]]
        names = {b["vendor"]: b["name"] for b in dec["bids"]}
        parts.append(f"<h2>{t('report.class.scores')}</h2><table><tr><th></th>"
                     + "".join(f"<th>{escape(names[v])}</th>" for v in vendors) + "</tr>")
        for ev in dec["evaluators"]:
            parts.append(f"<tr><td>{escape(ev['name'])} ({ev['weight_share']:.0%})</td>"
                         + "".join(f"<td>{ev['scores'].get(v, 0):.2f}</td>" for v in vendors)
                         + "</tr>")
        parts.append("</table>")
    for team in room["teams"]:
        if not team["human"]:
            continue
        parts.append(f"<h2>{escape(team['name'])}</h2>")
        parts.append("<ul>" + "".join(f"<li><b>{escape(m['title'])}</b> {escape(m['text'])}"
                                      "</li>" for m in team["moments"]) + "</ul>")
        parts.append(f"<table><tr><th>{t('report.ledger.player')}</th>"
                     f"<th>{t('report.coord.actions')}</th><th>{t('report.coord.days')}</th>"
                     f"<th>{t('report.ledger.cost')}</th><th>{t('report.ledger.support')}</th>"
                     f"<th>{t('report.ledger.motives')}</th></tr>")
        for p in team["ledger"]:
            parts.append(f"<tr><td>{escape(p['player'])} ({escape(', '.join(p['roles']))})"
                         f"</td><td>{p['actions']}</td><td>{p['days']:g}</td>"
                         f"<td>{p['cost']:.1f}</td><td>{p['support_gained']:+.2f}</td>"
                         f"<td>{p['motives_found']}</td></tr>")
        parts.append("</table>")
    style = ("body{font-family:'Noto Sans SC',sans-serif;margin:2em;color:#1F2A36}"
             "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #D6D0C4;"
             "padding:4px 8px;text-align:left}th{background:#F2EFE8}")
    return (f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'>"
            f"<title>{escape(room['title'])}</title><style>{style}</style></head><body>"
            + "".join(parts) + "</body></html>")


def export_all(ws: Any, lang: str, folder: Path | None = None) -> Path:
    """The class report (HTML), every person's actions (CSV) and each human team's own
    HTML debrief, into ``folder`` (default: ``reports`` in the workshop's folder)."""
    from game.report.charts import render_charts
    from game.report.html import render_html
    from game.save import write_atomic

    out = folder or Path(ws.folder) / "reports"
    out.mkdir(parents=True, exist_ok=True)
    humans = {vid for vid, t in ws.lobby.teams.items() if t.human}
    room = room_debrief(ws.state, lang, ws.people, humans)
    write_atomic(out / f"class-report-{lang}.html", class_html(room))
    write_atomic(out / "actions.csv", actions_csv(ws.state, ws.people, lang))
    for team in room["teams"]:
        if team["human"]:
            write_atomic(out / f"debrief-{team['vendor']}-{lang}.html",
                         render_html(team["debrief"], render_charts(team["debrief"])))
    for p in out.iterdir():
        os.chmod(p, 0o644)
    return out
