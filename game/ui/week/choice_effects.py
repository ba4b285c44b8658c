"""What an event's answer is likely to do, in the game's words, before the team picks it.

The answers' consequences are authored in the scenario (``ChoiceSpec.effects``): whom they
move and by how much, what they reveal, what they risk. The dialog reads them from the
scenario the game was started with, never from the game state, so nothing hidden leaks:
an effect that reveals a motive says whose, not what it says. Each line carries a tone
(good, bad, info) drawn as a mark, never as colour alone.
"""

from __future__ import annotations

from typing import Any

from game.ui import fmt

Line = tuple[str, str]  # (text, tone)


def choice_spec(spec: Any, event_id: str, choice_id: str) -> Any | None:
    ev = next((e for e in getattr(spec, "events", []) if e.id == event_id), None)
    if ev is None:
        return None
    return next((c for c in ev.choices if c.id == choice_id), None)


def _who(view: dict[str, Any], pid: str, tr: Any) -> str:
    if pid == "all":
        return tr("ui.event.fx.everyone")
    p = next((q for q in view["people"] if q["id"] == pid), None)
    return tr.pick(p["name"]) if p else pid


def _ours(vendor: str, view: dict[str, Any]) -> bool:
    return vendor in ("affected", "team", view["vendor"])


def effect_lines(view: dict[str, Any], effects: list[Any], tr: Any) -> list[Line]:
    """One line per effect that concerns us (a rival's gain is shown as theirs)."""
    out: list[Line] = []
    lang = tr.language
    for e in effects:
        kind = e.type
        if kind in ("support", "trust"):
            n = round(e.change * 100)
            who = _who(view, e.stakeholder, tr)
            key = f"ui.event.fx.{kind}" if _ours(e.vendor, view) else f"ui.event.fx.{kind}_rival"
            tone = "good" if (n > 0) == _ours(e.vendor, view) else "bad"
            out.append((tr(key, who=who, n=f"{n:+d}"), tone))
        elif kind == "reveal":
            what = tr("ui.event.fx.motive." + e.motive)
            out.append((tr("ui.event.fx.reveal", who=_who(view, e.stakeholder, tr), what=what),
                        "good"))
        elif kind == "budget":
            pct = round(e.change * 100)
            out.append((tr("ui.event.fx.budget", n=f"{pct:+d}"), "bad" if pct < 0 else "info"))
        elif kind == "calendar":
            out.append((tr("ui.event.fx.calendar", what=tr("ui.calendar." + e.milestone),
                           n=f"{e.shift:+d}"), "info"))
        elif kind == "vendor_budget":
            if _ours(e.vendor, view):
                out.append((tr("ui.event.fx.our_budget", money=fmt.money(e.change, lang)),
                            "good" if e.change > 0 else "bad"))
        elif kind == "criteria":
            out.append((tr("ui.event.fx.criteria", what=tr("ui.event.fx.criterion." + e.criterion),
                           n=f"{round(e.change * 100):+d}"), "info"))
        elif kind == "first_payment":
            out.append((tr("ui.event.fx.first_payment", n=f"{round(e.change * 100):+d}"),
                        "good" if e.change > 0 else "bad"))
        elif kind == "shelve_risk":
            out.append((tr("ui.event.fx.shelve_risk", n=f"{round(e.change * 100):+d}"),
                        "bad" if e.change > 0 else "good"))
        elif kind == "new_rival":
            out.append((tr("ui.event.fx.new_rival"), "bad"))
        elif kind == "replace_stakeholder":
            out.append((tr("ui.event.fx.replaced", who=_who(view, e.stakeholder, tr)), "bad"))
        elif kind == "need_weight":
            out.append((tr("ui.event.fx.need_weight"), "info"))
    return out


MARK = {"good": "+", "bad": "−", "info": "·"}


def choice_lines(view: dict[str, Any], spec: Any, event_id: str, choice_id: str,
                 tr: Any) -> list[str]:
    """The likely effects of one answer as marked lines ("+ Wang Lei: support +10")."""
    c = choice_spec(spec, event_id, choice_id)
    if c is None:
        return []
    lines = [f"{MARK[tone]} {text}" for text, tone in effect_lines(view, list(c.effects), tr)]
    return lines or [f"· {tr('ui.event.fx.nothing')}"]
