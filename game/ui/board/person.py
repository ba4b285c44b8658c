"""One person of the buying centre in full: the detail panel a card opens.

A card has room for a line of each motive; a tooltip has no room at all for a person whose
motives are both known. The panel does: how we can reach them (when they will see us again,
an introduction the KDM still needs and how to get one, whom they favour as far as we know, a
coach's favours left, a rumour that they may leave, our last move on them), both motives in
full (or, while one is hidden, the moves that can reveal it), what we know and how we learned
it, our contact history, who sways this person and whom they sway. It is a card over the
board whose text box scrolls, so it fits any window and any length of text; everything in it
comes from our view.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.core.actions import CATALOG
from game.ui import fmt, words
from game.ui.board.access import access_lines
from game.ui.scene import Command, Pop
from game.ui.widgets import esc, para
from game.ui.widgets.card import CardScene, enter_key, esc_key

MOTIVES = (("position_motive", "reveal_position"), ("personal_motive", "reveal_personal"))


def person_of(view: dict[str, Any], pid: str) -> dict[str, Any] | None:
    return next((p for p in view["people"] if p["id"] == pid), None)


def swayed_by(view: dict[str, Any], pid: str) -> list[tuple[dict[str, Any], float]]:
    """Who we know sways ``pid`` (only people whose ties we have learned say so)."""
    out = []
    for q in view["people"]:
        for s in q.get("sways", ()):
            if s["who"] == pid:
                out.append((q, s["strength"]))
    return out


def revealers(key: str) -> list[str]:
    """The kinds of move that can reveal a motive of this kind, most likely first."""
    kinds = [d for d in CATALOG.values() if getattr(d, key) > 0]
    kinds.sort(key=lambda d: -getattr(d, key))
    return [d.id for d in kinds]


def history(view: dict[str, Any], pid: str) -> list[dict[str, Any]]:
    """Our log entries about ``pid``, oldest first: our moves and our insiders' reports."""
    out = []
    for e in view.get("log", []):
        if e.get("event"):
            continue
        eff = e.get("effects") or {}
        if e.get("target") == pid or eff.get("person") == pid or eff.get("motive_of") == pid:
            out.append(e)
    return out


def learned_lines(view: dict[str, Any], pid: str, tr: Any) -> list[str]:
    """What we know of the person and the move that taught it (week, who, what)."""
    lines = []
    for e in history(view, pid):
        eff = e.get("effects") or {}
        what = []
        if eff.get("learned_roles"):
            what.append(tr("ui.person.learned_roles"))
        if eff.get("learned_needs"):
            what.append(tr("ui.person.learned_needs"))
        learned = eff.get("learned")
        if learned in ("position", "both"):
            what.append(tr("ui.board.position_motive"))
        if learned in ("personal", "both"):
            what.append(tr("ui.board.personal_motive"))
        if eff.get("motive_of") == pid:
            what.append(tr("ui.person.learned_from_insider"))
        if what:
            sep = "、" if tr.language == "zh" else ", "
            lines.append(tr("ui.person.learned_line", week=e["week"], what=sep.join(what),
                            how=words.action_name(e, view, tr)))
    return lines


def person_html(view: dict[str, Any], pid: str, tr: Any, width: int) -> str:
    """The panel's text, pre-wrapped to ``width`` px (the text box then only scrolls)."""
    from game.ui.board.draw import support_text

    p = person_of(view, pid)
    if p is None:
        return ""
    out: list[str] = []

    def head(key: str) -> None:
        out.append(f"<b>{esc(tr(key))}</b>")

    def line(text: str) -> None:
        out.append(para(text, width))

    sep = "、" if tr.language == "zh" else ", "
    line(f"{tr.pick(p['title'])} · {tr.pick(p['department'])}")
    if "roles" in p:
        roles = sep.join(tr("buying_role." + r) for r in p["roles"])
        badges = " ".join(p.get("key", []))
        line(tr("ui.person.roles", roles=roles + (f" ({badges})" if badges else ""),
                influence=round(p["influence"] * 100)))
        if p.get("participation_now") is not None:
            line(tr("ui.person.participation", pct=round(p["participation_now"] * 100)))
    else:
        line(tr("ui.board.roles_unknown"))
    line(tr("ui.person.relation", support=support_text(p["support"]),
            trust=round(p["trust"] * 100), contact=tr("contact." + p["contact"])))
    if p.get("last_touch"):
        line(tr("ui.person.last_touch", week=p["last_touch"]))
    out.append("")
    head("ui.person.access")
    for text in access_lines(view, p, tr):
        line(text)
    out.append("")
    head("ui.person.motives")
    for key, reveal in MOTIVES:
        m = p.get(key)
        if m:
            line(f"{tr('ui.board.' + key)}: {tr.pick(m['text'])}")
        else:
            how = sep.join(tr(f"action.{k}.name") for k in revealers(reveal)[:4])
            line(tr("ui.person.motive_hidden", what=tr("ui.board." + key), how=how))
    if p.get("cares_about"):
        names = {n["id"]: tr.pick(n["name"]) for n in view["customer"]["needs"]}
        line(tr("ui.person.cares", needs=sep.join(names.get(n, n) for n in p["cares_about"])))
    if p.get("traits"):
        line(tr("ui.board.traits", traits=sep.join(tr("ui.trait." + t) for t in p["traits"])))
    out.append("")
    head("ui.person.learned")
    learned = learned_lines(view, pid, tr)
    for text in learned or [tr("ui.person.learned_nothing")]:
        line("• " + text)
    out.append("")
    head("ui.person.history")
    moves = [e for e in history(view, pid) if e.get("kind") not in (None, "intel")]
    for e in moves[-12:] or []:
        text = words.describe_entry(e, view, tr)
        if text:
            line(tr("ui.person.week_line", week=e["week"], text=text))
    if not moves:
        line(tr("ui.person.history_none"))
    out.append("")
    head("ui.person.sways")
    names = {q["id"]: tr.pick(q["name"]) for q in view["people"]}
    by = swayed_by(view, pid)
    if by:
        line(tr("ui.person.swayed_by", who=sep.join(
            f"{tr.pick(q['name'])} ({fmt.percent(k)})" for q, k in by)))
    if p.get("sways"):
        line(tr("ui.person.sways_whom", who=sep.join(
            f"{names.get(s['who'], s['who'])} ({fmt.percent(s['strength'])})"
            for s in p["sways"])))
    if not by and not p.get("sways"):
        line(tr("ui.person.sways_unknown"))
    return "<br>".join(out)


class PersonScene(CardScene):
    """The person detail panel over the board (Esc, Enter or the button closes it)."""

    title_key = "ui.person.title"
    width = 860

    def __init__(self, ctx, session: Any, pid: str) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.session, self.pid = session, pid

    def content(self) -> tuple[str, str, list[tuple[str, str, str, str | None]]]:
        tr, v = self.ctx.tr, self.session.view
        p = person_of(v, self.pid)
        name = tr.pick(p["name"]) if p else self.pid
        width = min(self.width, self.ctx.size[0] - 80) - 90
        return (name, person_html(v, self.pid, tr, width),
                [("ok", tr("ui.common.back"), tr("ui.common.back_tip"), "#primary")])

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        info = event.type == pygame.KEYDOWN and event.key == pygame.K_i
        if self.pressed(event) or esc_key(event) or enter_key(event) or info:
            return Pop()
        return None

