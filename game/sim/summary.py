"""Plain-text week-by-week summary and outcome of a headless game (the `simulate` output)."""

from __future__ import annotations

from typing import Any

from game.core.state import GameState
from game.i18n import tr


def week_line(state: GameState, report: dict[str, Any], lang: str) -> str:
    stages = "  ".join(
        f"{vid}:P{v.stage}{'' if v.status == 'active' else '/' + v.status}"
        for vid, v in state.vendors.items() if v.active
    )
    notes = []
    for e in report["entries"]:
        if e.get("event") and not e.get("calendar"):
            notes.append(e["title"][lang])
        elif e.get("calendar"):
            notes.append(tr(f"calendar.{e['event']}", lang))
    for vid, st in report["moved"]:
        notes.append(f"{vid}→P{st}")
    tail = f"  | {'; '.join(notes)}" if notes else ""
    return "\n".join([f"W{report['week']:02d}  {stages}{tail}",
                      *choice_lines(state, report, lang)])


def choice_lines(state: GameState, report: dict[str, Any], lang: str) -> list[str]:
    """One indented line per event choice answered this week: who chose what, for which
    event, and whether nobody answered so the default was taken."""
    out = []
    for e in report["entries"]:
        if e.get("kind") != "choose":
            continue
        ev = next(x for x in state.spec.events if x.id == e["target"])
        ch = next(c for c in ev.choices if c.id == e["option"])
        line = tr("outcome.chose", lang, vendor=e["vendor"], choice=getattr(ch.label, lang),
                  event=getattr(ev.title, lang))
        if (e.get("effects") or {}).get("default"):
            line += tr("outcome.by_default", lang)
        out.append("     \u21b3 " + line)
    return out


def outcome_text(state: GameState, lang: str) -> str:
    o = state.outcome
    lines = [tr("outcome.heading", lang)]
    winner = o["winner"]
    name = state.vendors[winner].name[lang] if winner else "-"
    lines.append(f"  {tr('outcome.result', lang)}: {tr('result.' + o['result'], lang)}"
                 f" ({tr('reason.' + o['reason'], lang)})")
    lines.append(f"  {tr('outcome.winner', lang)}: {name}")
    lines.append(f"  {tr('outcome.value', lang)}: {o['value']:.1f} 万元   "
                 f"{tr('outcome.margin', lang)}: {o['margin'] * 100:.1f}%   "
                 f"{tr('outcome.first_payment', lang)}: {o['first_payment'] * 100:.0f}% "
                 f"({o['first_payment_amount']:.1f} 万元)")
    lines.append(f"  {tr('outcome.week', lang)}: {o['week']}")
    lines.append(f"  {tr('outcome.c931', lang)}:")
    for vid, h in o["c931_at_decision"].items():
        v = state.vendors[vid]
        if not v.active and v.spent == 0:
            continue
        lines.append(f"    {v.name[lang]:<28} {h['c']}C {h['f']}F {h['w']}W  "
                     f"{tr('outcome.forecast', lang)} {h['forecast'] * 100:.0f}%  "
                     f"{tr('outcome.cost_of_sale', lang)} {o['cost_of_sale'][vid]:.1f} 万元")
    return "\n".join(lines)
