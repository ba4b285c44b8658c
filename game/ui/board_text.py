"""Words for the deal board: action labels, the intel log, exit criteria, the week's changes."""

from __future__ import annotations

from typing import Any

from game.core.actions import CATALOG, Action
from game.ui import fmt, theme
from game.ui.widgets import esc


def option_text(kind: str, option: str | None, tr: Any) -> str:
    if option is None:
        return ""
    if option.startswith("d") and "_p" in option:
        d, p = option[1:].split("_p")
        return tr("ui.board.terms", discount=d, payment=p)
    return tr(f"ui.board.bid.{option}")


def action_name(a: Action | dict[str, Any], view: dict[str, Any], tr: Any) -> str:
    """'Visit · Zhou Liqun' or 'Submit the bid · list price'."""
    kind = a["kind"] if isinstance(a, dict) else a.kind
    target = a.get("target") if isinstance(a, dict) else a.target
    option = a.get("option") if isinstance(a, dict) else a.option
    if kind == "choose":
        pend = next((p for p in view.get("pending", []) if p["event"] == target), None)
        title = tr.pick(pend["title"]) if pend else str(target)
        return tr("ui.board.choice", event=title)
    name = tr(f"action.{kind}.name")
    parts = [name]
    if target:
        person = next((p for p in view["people"] if p["id"] == target), None)
        parts.append(tr.pick(person["name"]) if person else target)
    if option:
        parts.append(option_text(kind, option, tr))
    return " · ".join(parts)


def cost_text(days: int, cost: float, roles: tuple[str, ...], tr: Any) -> str:
    who = "+".join(tr(f"ui.role_short.{r}") for r in roles)
    money = fmt.money(cost, tr.language) if cost else tr("ui.board.free")
    return tr("ui.board.cost", who=who, days=days, money=money)


def describe_entry(e: dict[str, Any], view: dict[str, Any], tr: Any) -> str | None:
    """One line for a log entry of ours or a public event; None to leave it out."""
    if e.get("event"):
        if e.get("calendar"):
            return tr("ui.board.log.calendar", what=tr(f"calendar.{e['event']}"))
        title = tr.pick(e.get("title")) if e.get("title") else e["event"]
        return tr("ui.board.log.event", title=title)
    if e.get("kind") == "intel":
        rival = next((r for r in view["rivals"] if r["id"] == e["effects"].get("rival")), None)
        name = tr.pick(rival["name"]) if rival else "?"
        return tr("ui.board.log.intel", rival=name, stage=e["effects"].get("stage"))
    if e.get("vendor") != view["vendor"]:
        return None
    text = action_name(e, view, tr)
    eff = e.get("effects") or {}
    bits = []
    if "support" in eff:
        bits.append(tr("ui.board.log.support", delta=f"{eff['support'] * 100:+.0f}"))
    if "contact" in eff:
        bits.append(tr("ui.board.log.contact",
                       level=tr("contact." + ("unknown", "met", "relationship", "insider",
                                              "coach")[int(eff["contact"])])))
    if eff.get("learned"):
        bits.append(tr("ui.board.log.learned"))
    if eff.get("failed") or eff.get("refused"):
        bits.append(tr("ui.board.log.failed"))
    sep = "，" if tr.language == "zh" else ", "
    return text + (" — " + sep.join(bits) if bits else "")


def log_html(view: dict[str, Any], tr: Any, limit: int = 60) -> str:
    rows = []
    for e in reversed(view.get("log", [])):
        line = describe_entry(e, view, tr)
        if line:
            rows.append(f"<font color='{theme.INK_MUTED}'>{esc(tr('ui.calendar.wk', n=e['week']))}"
                        f"</font>  {esc(line)}")
        if len(rows) >= limit:
            break
    return "<br>".join(rows) or esc(tr("ui.board.log.empty"))


def checklist_html(view: dict[str, Any], tr: Any) -> str:
    stage = view["me"]["stage"]
    rows = [f"<b>{esc(tr('ui.board.exit_head', stage=stage, name=tr(f'stage.P{stage}')))}</b>"]
    for item in view["checklist"]:
        mark = "●" if item["done"] else "○"
        colour = theme.INK if item["done"] else theme.INK_MUTED
        rows.append(f"<font color='{colour}'>{mark} {esc(tr('criterion.' + item['key']))}</font>")
    return "<br>".join(rows)


def plan_lines(plan: list[Action], view: dict[str, Any], tr: Any) -> list[str]:
    out = []
    for a in plan:
        d = CATALOG.get(a.kind)
        cost = f"  ({cost_text(d.days, d.cost, d.roles, tr)})" if d else ""
        out.append(action_name(a, view, tr) + cost)
    return out
