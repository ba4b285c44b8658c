"""After the plan: the week resolves with a short animated summary, then the MPC review.

The summary says only what our team can know (our own moves' results, public events, our
numbers before and after); the review (重点潜在客户周检, seed 000) is the weekly status of the
deal: forecast and its change, the risks the coach sees, and what is still missing.
"""

from __future__ import annotations

from typing import Any

import pygame
from pygame_gui.elements import UIButton

from game.ui import fmt, router, theme, words
from game.ui.scene import Command, Pop, Scene
from game.ui.session import Session
from game.ui.widgets import (
    BUTTON_H,
    button,
    content_rect,
    draw_card,
    draw_header_rule,
    draw_text,
    esc,
    is_pressed,
    page_header,
    para,
    text_box,
    wrap_lines,
)

MARKS = {"good": "▲", "bad": "▼"}
INDENT = 26  # the summary's text starts after its mark, on every line
TONES = {"good": theme.US, "bad": theme.SUPPORT_AGAINST}


def _enter(event: pygame.event.Event) -> bool:
    return event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)


class ResolveScene(Scene):
    """Resolves the week, autosaves, then plays its summary as cards sliding in one by one;
    any key or click shows them all at once."""

    title_key = "ui.resolve.title"
    STEP = 0.3  # seconds between cards
    SLIDE = 0.25  # seconds a card takes to slide in

    def __init__(self, ctx, session: Session) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.session = session
        before = session.view
        report = session.end_week()
        ctx.autosave(session)
        self.lines = summary_lines(before, session.view, report, ctx.tr)
        self.clock = 0.0 if ctx.settings.animations else 1e9
        self.fits = len(self.lines)
        self.wrapped: list[list[str]] = [[text] for text, _tone in self.lines]
        self.button: UIButton | None = None

    @property
    def done(self) -> bool:
        """Every card that fits on the screen has slid in."""
        return self.clock >= self.STEP * min(len(self.lines), self.fits) + self.SLIDE

    def build(self) -> None:
        tr = self.ctx.tr
        page_header(self.ctx, tr("ui.resolve.heading", week=self.session.last_report["week"]),
                    back=False)
        area = content_rect(self.ctx.size, bottom=84)
        # a long line (the bids opened, a refused offer) gets a second line on its card
        self.wrapped = [wrap_lines(text, area.width - 30 - INDENT, theme.BODY)[:2]
                        for text, _tone in self.lines]
        room, self.fits = area.height - 8 - 30, 0  # room kept for the "more" line
        for lines in self.wrapped:
            room -= 14 + 22 * len(lines) + 6
            if room < 0:
                break
            self.fits += 1
        self.fits = max(1, self.fits)
        over = self.session.state.over
        key = "ui.resolve.outcome" if over else "ui.resolve.next"
        self.button = button(self.ctx, (area.right - 260, area.bottom + 20, 260, BUTTON_H + 4),
                             tr(key), tr(key + "_tip"), "#primary")

    def update(self, dt: float) -> Command | None:
        self.clock += dt
        return None

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        skip = event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN)
        if skip and not self.done and not is_pressed(event, self.button):
            self.clock = 1e9
            return None
        if is_pressed(event, self.button) or _enter(event):
            if self.session.state.over:
                return router.replace("outcome", self.ctx, self.session)
            return router.replace("review", self.ctx, self.session)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        draw_header_rule(surface, surface.get_size())
        area = content_rect(surface.get_size(), bottom=84)
        y = area.top + 8
        for i, ((_text, tone), lines) in enumerate(zip(self.lines[:self.fits], self.wrapped,
                                                       strict=False)):
            age = self.clock - i * self.STEP
            if age < 0:
                break
            t = min(1.0, age / self.SLIDE)
            offset = round((1 - t) ** 2 * 60)
            rect = pygame.Rect(area.left + offset, y, area.width - offset, 14 + 22 * len(lines))
            colour = TONES.get(tone, theme.BORDER)
            pygame.draw.rect(surface, theme.rgb(theme.SURFACE), rect, border_radius=8)
            pygame.draw.rect(surface, theme.rgb(colour), (rect.left, rect.top, 6, rect.height),
                             border_top_left_radius=8, border_bottom_left_radius=8)
            draw_text(surface, MARKS.get(tone, "•"), (rect.left + 18, rect.top + 7), theme.BODY,
                      theme.INK)
            for n, line in enumerate(lines):
                draw_text(surface, line, (rect.left + 18 + INDENT, rect.top + 7 + 22 * n),
                          theme.BODY, theme.INK, max_width=rect.width - 30 - INDENT)
            y += rect.height + 6
        hidden = len(self.lines) - self.fits
        if self.done and hidden > 0:
            draw_text(surface, self.ctx.tr("ui.resolve.more", n=hidden), (area.left, y),
                      theme.LABEL, theme.INK_MUTED)


def summary_lines(before: dict[str, Any], after: dict[str, Any], report: dict[str, Any],
                  tr: Any) -> list[tuple[str, str]]:
    """What changed this week, as (text, tone) with tone good/bad/neutral; only what we know.
    The big changes (stage, forecast) come first, then each of our moves and events."""
    head: list[tuple[str, str]] = []
    if after["me"]["stage"] > before["me"]["stage"]:
        head.append((tr("ui.resolve.stage_up", stage=after["me"]["stage"],
                        name=tr(f"stage.P{after['me']['stage']}")), "good"))
    hb, ha = before["health"], after["health"]
    if round(ha["forecast"] * 100) != round(hb["forecast"] * 100):
        tone = "good" if ha["forecast"] > hb["forecast"] else "bad"
        head.append((tr("ui.resolve.forecast", old=round(hb["forecast"] * 100),
                        new=round(ha["forecast"] * 100)), tone))
    head += words.c931_changes(before, after, tr)  # which items changed, and why
    out: list[tuple[str, str]] = []
    for e in report["entries"]:
        line = words.describe_entry(e, after, tr)
        if line:
            risk = e.get("event") in ("rumour", "personnel_change")  # a key person moves
            out.append((line, "bad" if risk else entry_tone(e.get("effects") or {})))
    done_before = {c["key"] for c in before["checklist"] if c["done"]}
    for c in after["checklist"]:
        if c["done"] and c["key"] not in done_before:
            out.append((tr("ui.resolve.criterion", what=tr("criterion." + c["key"])), "good"))
    people_before = {p["id"]: p for p in before["people"]}
    for p in after["people"]:
        old = people_before.get(p["id"])
        if old and abs(p["support"] - old["support"]) >= 0.05:
            tone = "good" if p["support"] > old["support"] else "bad"
            out.append((tr("ui.resolve.support", name=tr.pick(p["name"]),
                           old=signed(old["support"]), new=signed(p["support"])), tone))
    spent = after["me"]["spent"] - before["me"]["spent"]
    if spent > 0:
        out.append((tr("ui.resolve.spent", money=fmt.money(spent, tr.language)), ""))
    return head + out or [(tr("ui.resolve.quiet"), "")]


def entry_tone(eff: dict[str, Any]) -> str:
    """Good, bad or neutral for one log entry's effects (support may be per person)."""
    support = eff.get("support", 0)
    delta = sum(support.values()) if isinstance(support, dict) else support
    bad = (eff.get("failed") or eff.get("refused") or eff.get("agreed") is False
           or eff.get("paid") is False or eff.get("shelved") or delta < -0.005
           or eff.get("backfired") or eff.get("declined") or eff.get("not_confirmed")
           or eff.get("no_door") or eff.get("no_favours")
           or eff.get("introduced") == [])
    good = (delta > 0.005 or eff.get("agreed") or eff.get("signed") or eff.get("paid")
            or eff.get("verified") or eff.get("introduced") or eff.get("discredited")
            or eff.get("kdm_motives"))
    return "bad" if bad else "good" if good else ""


def signed(value: float) -> str:
    return f"{value * 100:+.0f}"


class ReviewScene(Scene):
    """MPC review (重点潜在客户周检): status and forecast, risks, next steps."""

    title_key = "ui.review.title"

    def __init__(self, ctx, session: Session) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.session = session
        self.back: UIButton | None = None
        self.cards: list[pygame.Rect] = []

    def build(self) -> None:
        ctx, tr, s = self.ctx, self.ctx.tr, self.session
        v = s.view
        page_header(ctx, tr("ui.review.heading", week=v["week"]), back=False)
        area = content_rect(ctx.size, bottom=84)
        third = (area.width - 40) // 3
        self.cards = [pygame.Rect(area.left + i * (third + 20), area.top, third, area.height)
                      for i in range(3)]
        changes: list[tuple[str, str]] = []
        if s.before is not None and s.last_report is not None:
            changes = summary_lines(s.before, v, s.last_report, tr)
        # wrapped narrower than the box, so a scroll bar (when one is needed) never re-wraps
        columns = review_columns(v, s.before, tr, s.human_roles, s.plan, third - 60, changes)
        for rect, html in zip(self.cards, columns, strict=True):
            text_box(ctx, rect.inflate(-24, -20), html, "#dense_text")
        self.back = button(ctx, (area.right - 260, area.bottom + 20, 260, BUTTON_H + 4),
                           tr("ui.review.back"), tr("ui.review.back_tip"), "#primary")

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        escape = event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE
        if is_pressed(event, self.back) or _enter(event) or escape:
            return Pop()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        draw_header_rule(surface, surface.get_size())
        for card in self.cards:
            draw_card(surface, card)


def _status(v: dict[str, Any], before: dict[str, Any] | None, tr: Any, width: int) -> list[str]:
    def wrap(text: str) -> str:
        return para(text, width, theme.BODY)

    h, me, lang = v["health"], v["me"], tr.language
    pct = round(h["forecast"] * 100)
    change = ""
    if before is not None and before["week"] < v["week"]:
        old = round(before["health"]["forecast"] * 100)
        if old != pct:
            change = esc(tr("ui.review.change", old=old, new=pct))
    groups = [f"{letter} " + "".join("●" if d else "○" for d in h[g].values())
              for letter, g in (("C", "clear"), ("F", "first"), ("W", "win"))]
    out = [
        f"<b>{esc(tr('ui.review.forecast'))}</b>",
        f"<font pixel_size={theme.TITLE}><b>{pct}%</b></font>",
        change,
        esc(tr("ui.board.c931_head", c=h["c"], f=h["f"], w=h["w"])),
        f"<font color='{theme.US}'>{'  '.join(groups)}</font>",
        wrap(tr("ui.review.stage", stage=me["stage"], name=tr(f"stage.P{me['stage']}"))),
        wrap(tr("ui.review.budget", left=fmt.money(me["budget"], lang),
               spent=fmt.money(me["spent"], lang))),
        wrap(tr("ui.review.procurement",
                mode=tr(f"procurement.{v['customer']['procurement']}.name"))),
        "<br>" + f"<b>{esc(tr('ui.review.rivals'))}</b>",
    ]
    for r in v["rivals"]:
        est = r["stage_estimate"]
        text = (tr("ui.review.rival_at", name=tr.pick(r["name"]), stage=est,
                   week=r["estimate_week"]) if est is not None
                else tr("ui.review.rival_unknown", name=tr.pick(r["name"])))
        out.append(wrap(text))
    return out


def _risks(v: dict[str, Any], tr: Any, width: int) -> list[str]:
    def wrap(text: str) -> str:
        return para(text, width, theme.BODY)

    from game.ai.coach import render
    from game.ai.coach_warnings import warnings

    me = v["me"]
    risks = [f"<b>{esc(tr('ui.review.risks'))}</b>"]
    warned = []  # rivals the coach already named as ahead: one line each, not two
    for w in warnings(v)[:6]:
        mark = "▼" if w["severity"] == "high" else "▽"
        risks.append(wrap(f"{mark} {render(w, tr.language)}"))
        if w["key"] == "coach.warn.rival_ahead":
            warned.append(w["params"]["rival"])
    for r in v["rivals"]:
        est = r["stage_estimate"]
        if est is not None and est > me["stage"] and len(risks) < 8 \
                and dict(r["name"]) not in warned:
            text = tr("ui.review.risk_rival", name=tr.pick(r["name"]), stage=est)
            if not any(wrap(text) in x for x in risks):
                risks.append(wrap("▼ " + text))
    for p in v["people"]:  # a key person about to move on, a KDM nobody introduced us to
        if p["rumour"]:
            risks.append(wrap("▼ " + tr("ui.review.risk_rumour", name=tr.pick(p["name"]),
                                        week=p["rumour"])))
        if p["needs_introduction"]:
            risks.append(wrap("▼ " + tr("ui.review.risk_intro", name=tr.pick(p["name"]))))
    if not any(p["contact_level"] >= 3 for p in v["people"]):
        risks.append(wrap("▽ " + tr("ui.review.risk_no_insider")))
    nxt = min(((w, k) for k, w in v["calendar"].items()
               if k != "notice_weeks" and w >= v["week"]), default=None)
    if nxt:
        risks.append(wrap("◆ " + tr("ui.review.next_milestone",
                                    what=tr("ui.calendar." + nxt[1]), week=nxt[0])))
    if len(risks) == 1:
        risks.append(wrap(tr("ui.review.no_risks")))
    return risks


def _changes(lines: list[tuple[str, str]], tr: Any, width: int) -> list[str]:
    """The last week's summary, shortened: what changed since the previous review."""
    if not lines:
        return []
    out = ["", f"<b>{esc(tr('ui.review.changes'))}</b>"]
    for text, tone in lines[:7]:
        out.append(para(f"{MARKS.get(tone, '•')} {text}", width, theme.BODY))
    if len(lines) > 7:
        out.append(esc(tr("ui.resolve.more", n=len(lines) - 7)))
    return out


def _steps(v: dict[str, Any], tr: Any, roles: list[str], plan: list[Any],
           width: int) -> list[str]:
    """Still missing at this stage, then the coach's first move for each role we plan:
    the next steps and the resources they need (people's days, money)."""
    from game.ai.coach import advise, render

    steps = [f"<b>{esc(tr('ui.review.next_steps'))}</b>"]
    for item in v["checklist"]:
        if not item["done"]:
            steps.append(para("○ " + tr("criterion." + item["key"]), width, theme.BODY))
    if len(steps) == 1:
        steps.append(esc(tr("ui.review.all_done")))
    if v["over"]:
        return steps
    advice = advise(v, plan)
    moves, seen = [], set()
    for role in roles:
        for sug in advice.get(role, [])[:1]:
            a = sug["action"]
            if a in seen:  # a joint move is on both of its roles' lists
                continue
            seen.add(a)
            what = words.action_name(a, v, tr)
            cost = words.cost_text(sug["days"], sug["cost"], tuple(sug["roles"]), tr)
            why = render(sug["reasons"][0], tr.language) if sug["reasons"] else ""
            moves.append(f"<b>{para('→ ' + what, width, theme.BODY)}</b><br>"
                         f"<font color='{theme.INK_MUTED}'>"
                         f"{para(cost + ' · ' + why, width, theme.BODY)}</font>")
    if moves:
        steps += ["", f"<b>{esc(tr('ui.review.coach_moves'))}</b>", *moves]
    return steps


def review_columns(v: dict[str, Any], before: dict[str, Any] | None, tr: Any,
                   roles: list[str], plan: list[Any] = (), width: int = 360,
                   changes: list[tuple[str, str]] = ()) -> list[str]:
    """The review's three columns as text-box HTML (status; risks and what changed; next
    steps), lines pre-wrapped to ``width`` px so Chinese and English break the same way."""
    return ["<br>".join(x for x in _status(v, before, tr, width) if x != ""),
            "<br>".join(_risks(v, tr, width) + _changes(list(changes), tr, width)),
            "<br>".join(_steps(v, tr, roles, list(plan), width))]
