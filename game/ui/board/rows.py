"""What the deal board lists and says: the rows of a role's actions, tooltips, plan lines.

No pygame here: the board's scene builds widgets from these, and the tests read them to
check what a player would be offered without opening a window.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.core.actions import CATALOG, Action
from game.core.landing import combined, landing
from game.play.team_week import Entry
from game.ui import fmt, words
from game.ui.preview import preview_text
from game.ui.widgets import esc


@dataclass(frozen=True)
class Row:
    """One action the selected role could plan now, with its price, and why not if it can't.
    ``picker`` rows (bid price, negotiation terms) open a picker instead of planning at once."""

    action: Action
    roles: tuple[str, ...]
    days: int
    cost: float
    reason: str | None
    picker: bool = False

    @property
    def key(self) -> tuple[str, str | None]:
        return self.action.kind, self.action.target


def action_rows(options: list[Any], person: str | None, stage: int = 0,
                view: dict[str, Any] | None = None) -> list[Row]:
    """The options for the selected person (and the untargeted ones): the ones open this
    week first, those that suit our stage first among them, each group in the catalogue's
    order. What this week's plan does (a move planned, days or money used up, a senior
    person already met in the plan) never reorders the list, so a row does not move under
    the pointer when the action above it is planned: its reason shows in place. An action
    with a choice of price or terms is one row whatever the choice."""
    rows = []
    for o in options:
        d = CATALOG[o.action.kind]
        if d.target and o.action.target != person:
            continue
        action = Action(d.id, o.action.target, None) if d.options else o.action
        rows.append(Row(action, o.roles, o.days, o.cost, o.reason, bool(d.options)))

    kinds = {k: i for i, k in enumerate(CATALOG)}

    def order(r: Row) -> tuple[bool, bool, int]:
        best = CATALOG[r.action.kind].best
        closed = r.reason is not None and not plan_dependent(r.reason, r, view)
        return closed, not best[0] <= stage <= best[1], kinds[r.action.kind]

    rows.sort(key=order)
    return rows


def _person(view: dict[str, Any] | None, pid: str | None) -> dict[str, Any] | None:
    if view is None or pid is None:
        return None
    return next((p for p in view["people"] if p["id"] == pid), None)


def plan_dependent(reason: str, row: Row | None = None,
                   view: dict[str, Any] | None = None) -> bool:
    """A reason that comes from this week's plan rather than from the deal's state (a
    senior person counts as unavailable once the plan already meets them this week)."""
    if reason == "why.unavailable" and row is not None:
        p = _person(view, row.action.target)
        return p is not None and view is not None and view["week"] >= p["free_week"]
    return reason in ("why.planned", "why.no_budget") or reason.startswith("why.no_time")


def reason_text(row: Row, view: dict[str, Any], tr: Any) -> str:
    """Why a row cannot be planned, in words (see `refusal_text`)."""
    return refusal_text(row.reason, row.action, view, tr) if row.reason else ""


def refusal_text(reason: str, action: Action, view: dict[str, Any], tr: Any) -> str:
    """A refusal in words; for a person who will not see us yet, when they will again (and
    that the KDM will still want an introduction then), or that the plan already meets them
    this week."""
    if reason == "why.unavailable":
        p = _person(view, action.target)
        if p is not None and view["week"] < p["free_week"]:
            text = tr("ui.board.free_again", week=p["free_week"])
            if p["needs_introduction"] and not CATALOG[action.kind].opens_doors:
                text += " · " + tr("ui.board.tag.intro")  # free then, but still not to us
            return text
        if p is not None:
            return tr("ui.board.once_a_week")
    return tr(reason)


def landing_mark(row: Row, view: dict[str, Any], tr: Any) -> str:
    """"▼ ×0.5" when the move will land notably weaker on its person than usual (the same
    move again, the KDM early, someone hardly taking part now), "▲ ×1.5" when stronger
    (reaching out to a rival's backer); the preview and tooltip say why. The stage's own
    ×1.15/×0.85 is left to them (it would mark nearly every row), and so is the premium of
    a joint move when nothing else applies (its name says it is joint)."""
    if row.action.target is None:
        return ""
    found = [f for f in landing(view, row.action.kind, row.action.target)
             if not f.key.startswith("landing.stage")]
    if all(f.key == "landing.joint" for f in found):
        return ""  # a joint move's name says it is one; the preview gives its premium
    x = combined(found)
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    if x < 0.95:
        return tr("ui.board.lands_weaker", x=text)
    if x > 1.05:
        return tr("ui.board.lands_stronger", x=text)
    return ""


def row_text(row: Row, view: dict[str, Any], tr: Any) -> str:
    name = tr(f"action.{row.action.kind}.name")
    if row.reason:
        return f"{name}  —  {reason_text(row, view, tr)}"
    mark = landing_mark(row, view, tr)  # beside the name: a long cost is cut, not the mark
    cost = words.cost_text(row.days, row.cost, row.roles, tr)
    return f"{name}  {mark}  ·  {cost}" if mark else f"{name}  ·  {cost}"


def row_tip(row: Row, view: dict[str, Any], tr: Any) -> str:
    """The tooltip of an action row: what it is, what it costs, what it would do now."""
    name = words.action_name(row.action, view, tr)
    price = words.cost_text(row.days, row.cost, row.roles, tr)
    lines = [f"<b>{esc(name)}</b>", esc(price), esc(tr(f"action.{row.action.kind}.desc"))]
    if row.reason:
        lines.append(f"<font color='#FFD27A'>× {esc(reason_text(row, view, tr))}</font>")
    lines += [esc(text) for text, _tone in preview_text(view, row.action, tr)[:6]]
    return "<br>".join(lines)


def plan_line(a: Action, view: dict[str, Any], tr: Any) -> str:
    d = CATALOG.get(a.kind)
    if d is None:
        return words.action_name(a, view, tr)
    who = "+".join(tr(f"ui.role_short.{r}") for r in d.roles)
    return f"{who}: {words.action_name(a, view, tr)}"


def entry_line(e: Entry, view: dict[str, Any], tr: Any) -> str:
    """One move of the week as a plan line, with where a joint move stands."""
    line = plan_line(e.action, view, tr)
    if e.partner is None:
        return line
    partner = tr("ui.role_short." + e.partner)
    if e.status == "proposed":
        return tr("ui.board.joint_waiting", what=line, role=partner)
    if e.status == "declined":
        return tr("ui.board.joint_declined", what=line, role=partner)
    return line


def planned_per_person(plan: list[Action]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for a in plan:
        if a.target and a.kind != "choose":
            counts[a.target] = counts.get(a.target, 0) + 1
    return counts


def money_tip(view: dict[str, Any], budget_left: float, tr: Any) -> str:
    lang = tr.language
    lines = [esc(tr("ui.board.budget_tip", spent=fmt.money(view["me"]["spent"], lang))),
             esc(tr("ui.board.budget_now", money=fmt.money(budget_left, lang)))]
    from game.ui.board.draw import c931_tip

    lines += [esc(x) for x in c931_tip(view["health"], tr).split("\n")]
    return "<br>".join(lines)


def track_tip(view: dict[str, Any], index: int, tr: Any) -> str:
    """The stage track's row tooltip: ours exact, a rival as far as our insider told us."""
    if index == 0:
        me = view["me"]
        return esc(tr("ui.board.track_us", name=tr.pick(me["name"]), stage=me["stage"],
                      what=tr(f"stage.P{me['stage']}")))
    r = view["rivals"][index - 1]
    if r["stage_estimate"] is None:
        return esc(tr("ui.board.track_unknown", name=tr.pick(r["name"])))
    return esc(tr("ui.board.track_rival", name=tr.pick(r["name"]), stage=r["stage_estimate"],
                  week=r["estimate_week"]))


def calendar_tip(view: dict[str, Any], tr: Any) -> str:
    rows = [f"<b>{esc(tr('ui.library.calendar'))}</b>"]
    for k, w in view["calendar"].items():
        if k == "notice_weeks":
            continue
        mark = "✓" if w < view["week"] else "◆"
        rows.append(esc(f"{mark} {tr('ui.calendar.' + k)} · {tr('ui.calendar.week_n', n=w)}"))
    return "<br>".join(rows)
