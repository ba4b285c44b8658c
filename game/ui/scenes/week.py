"""The turn's other screens: event choice, handover, resolution, MPC review, menu, help."""

from __future__ import annotations

import time
from typing import Any

import pygame
from pygame_gui.elements import UIButton

from game.core.actions import Action
from game.ui import board_text, fmt, theme
from game.ui.scene import Command, Pop, Replace, Reset, Scene
from game.ui.session import Session, saves_dir
from game.ui.widgets import (
    BUTTON_H,
    button,
    content_rect,
    draw_card,
    draw_header_rule,
    draw_text,
    esc,
    is_pressed,
    label,
    page_header,
    para,
    text_box,
)


def _enter(event: pygame.event.Event) -> bool:
    return event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)


def _esc(event: pygame.event.Event) -> bool:
    return event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE


class CardScene(Scene):
    """A centred card with a heading, rich text and a row of buttons."""

    width = 760

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.card = pygame.Rect(0, 0, 0, 0)
        self.buttons: dict[str, UIButton] = {}

    def content(self) -> tuple[str, str, list[tuple[str, str, str, str | None]]]:
        """(heading, html, [(id, text, tip, object_id)])."""
        raise NotImplementedError

    def build(self) -> None:
        heading, html, actions = self.content()
        w, h = self.ctx.size
        cw = min(self.width, w - 80)
        ch = min(h - 80, 520)
        self.card = pygame.Rect((w - cw) // 2, (h - ch) // 2, cw, ch)
        label(self.ctx, (self.card.left + 28, self.card.top + 20, cw - 56, 36), heading,
              "#heading")
        text_box(self.ctx, (self.card.left + 24, self.card.top + 66, cw - 40, ch - 150), html,
                 "#plain_text")
        self.buttons = {}
        x = self.card.right - 24
        for ident, text, tip, oid in reversed(actions):
            bw = min(300, max(150, len(text) * 12 + 40))
            x -= bw
            self.buttons[ident] = button(self.ctx, (x, self.card.bottom - 68, bw, BUTTON_H + 4),
                                         text, tip, oid)
            x -= 12

    def pressed(self, event: pygame.event.Event) -> str | None:
        for ident, btn in self.buttons.items():
            if is_pressed(event, btn):
                return ident
        return None

    def draw(self, surface: pygame.Surface) -> None:
        draw_card(surface, self.card)


class EventScene(CardScene):
    title_key = "ui.event.title"

    def __init__(self, ctx, session: Session, pending: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.session, self.pending = session, pending

    def content(self) -> tuple[str, str, list[tuple[str, str, str, str | None]]]:
        tr = self.ctx.tr
        p = self.pending
        acts = []
        for c in p["choices"]:
            cost = fmt.money(c["cost"], tr.language) if c["cost"] else tr("ui.board.free")
            acts.append((c["id"], tr.pick(c["label"]), tr("ui.event.choice_tip", cost=cost),
                         None))
        return tr.pick(p["title"]), para(tr.pick(p["text"]), min(self.width, 700) - 80), acts

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        choice = self.pressed(event)
        if choice is not None:
            self.session.add(Action("choose", self.pending["event"], choice))
            self.ctx.play_sound("confirm")
            return Pop()
        return None


class HandoverScene(CardScene):
    title_key = "ui.handover.title"

    def __init__(self, ctx, role: str) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.role = role

    def content(self) -> tuple[str, str, list[tuple[str, str, str, str | None]]]:
        tr = self.ctx.tr
        role = tr("ui.role." + self.role)
        return (tr("ui.handover.heading", role=role), esc(tr("ui.handover.text", role=role)),
                [("reveal", tr("ui.handover.reveal"), tr("ui.handover.reveal_tip"), "#primary")])

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        if self.pressed(event) or _enter(event):
            return Pop()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.rgb(theme.BG_DEEP))  # the curtain hides the previous plan
        super().draw(surface)


class ResolveScene(Scene):
    """Resolves the week, then plays its summary as a short sequence of cards."""

    title_key = "ui.resolve.title"
    STEP = 0.35

    def __init__(self, ctx, session: Session) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.session = session
        before = session.view
        report = session.end_week()
        ctx.autosave(session)
        self.lines = summary_lines(before, session.view, report, ctx.tr)
        self.clock = 0.0 if ctx.settings.animations else 1e9
        self.button: UIButton | None = None

    def build(self) -> None:
        tr = self.ctx.tr
        page_header(self.ctx, tr("ui.resolve.heading", week=self.session.last_report["week"]),
                    back=False)
        area = content_rect(self.ctx.size, bottom=84)
        self.button = button(self.ctx, (area.right - 260, area.bottom + 20, 260, BUTTON_H + 4),
                             tr("ui.resolve.next"), tr("ui.resolve.next_tip"), "#primary")

    def update(self, dt: float) -> Command | None:
        self.clock += dt
        return None

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        shown = int(self.clock / self.STEP)
        skip = event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN)
        if skip and shown < len(self.lines) and not is_pressed(event, self.button):
            self.clock = 1e9
            return None
        if is_pressed(event, self.button) or _enter(event):
            if self.session.state.over:
                from game.ui.scenes.outcome import OutcomeScene

                return Replace(OutcomeScene(self.ctx, self.session))
            return Replace(ReviewScene(self.ctx, self.session))
        return None

    def draw(self, surface: pygame.Surface) -> None:
        draw_header_rule(surface, surface.get_size())
        area = content_rect(surface.get_size(), bottom=84)
        shown = min(len(self.lines), int(self.clock / self.STEP) + 1)
        y = area.top + 8
        for text, tone in self.lines[:shown]:
            if y + 40 > area.bottom:
                break
            rect = pygame.Rect(area.left, y, area.width, 36)
            colour = {"good": theme.US, "bad": theme.SUPPORT_AGAINST}.get(tone, theme.BORDER)
            pygame.draw.rect(surface, theme.rgb(theme.SURFACE), rect, border_radius=8)
            pygame.draw.rect(surface, theme.rgb(colour), (rect.left, rect.top, 6, rect.height),
                             border_top_left_radius=8, border_bottom_left_radius=8)
            mark = {"good": "▲", "bad": "▼"}.get(tone, "•")
            draw_text(surface, f"{mark}  {text}", (rect.left + 18, rect.centery), theme.BODY,
                      theme.INK, anchor="midleft", max_width=rect.width - 30)
            y += 42


def summary_lines(before: dict[str, Any], after: dict[str, Any], report: dict[str, Any],
                  tr: Any) -> list[tuple[str, str]]:
    """What changed this week, as (text, tone) with tone good/bad/neutral; only what we know."""
    out: list[tuple[str, str]] = []
    for e in report["entries"]:
        line = board_text.describe_entry(e, after, tr)
        if line:
            delta = (e.get("effects") or {}).get("support", 0)
            out.append((line, "good" if delta > 0.005 else "bad" if delta < -0.005 else ""))
    done_before = {c["key"] for c in before["checklist"] if c["done"]}
    for c in after["checklist"]:
        if c["done"] and c["key"] not in done_before:
            out.append((tr("ui.resolve.criterion", what=tr("criterion." + c["key"])), "good"))
    spent = after["me"]["spent"] - before["me"]["spent"]
    if spent > 0:
        out.append((tr("ui.resolve.spent", money=fmt.money(spent, tr.language)), ""))
    if after["me"]["stage"] > before["me"]["stage"]:
        out.append((tr("ui.resolve.stage_up", stage=after["me"]["stage"],
                       name=tr(f"stage.P{after['me']['stage']}")), "good"))
    hb, ha = before["health"], after["health"]
    if round(ha["forecast"] * 100) != round(hb["forecast"] * 100):
        tone = "good" if ha["forecast"] > hb["forecast"] else "bad"
        out.append((tr("ui.resolve.forecast", old=round(hb["forecast"] * 100),
                       new=round(ha["forecast"] * 100)), tone))
    people_before = {p["id"]: p for p in before["people"]}
    for p in after["people"]:
        old = people_before.get(p["id"])
        if old and abs(p["support"] - old["support"]) >= 0.05:
            tone = "good" if p["support"] > old["support"] else "bad"
            out.append((tr("ui.resolve.support", name=tr.pick(p["name"]),
                           old=board_draw_support(old["support"]),
                           new=board_draw_support(p["support"])), tone))
    return out or [(tr("ui.resolve.quiet"), "")]


def board_draw_support(value: float) -> str:
    return f"{value * 100:+.0f}"


class ReviewScene(Scene):
    """MPC review (重点潜在客户周检): forecast, risks, next steps."""

    title_key = "ui.review.title"

    def __init__(self, ctx, session: Session) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.session = session
        self.back: UIButton | None = None
        self.cards: list[pygame.Rect] = []

    def build(self) -> None:
        ctx, tr, v = self.ctx, self.ctx.tr, self.session.view
        page_header(ctx, tr("ui.review.heading", week=v["week"]), back=False)
        area = content_rect(ctx.size, bottom=84)
        third = (area.width - 40) // 3
        self.cards = [pygame.Rect(area.left + i * (third + 20), area.top, third, area.height)
                      for i in range(3)]
        for rect, html in zip(self.cards, review_columns(v, tr, third - 40), strict=True):
            text_box(ctx, rect.inflate(-16, -16), html, "#plain_text")
        self.back = button(ctx, (area.right - 260, area.bottom + 20, 260, BUTTON_H + 4),
                           tr("ui.review.back"), tr("ui.review.back_tip"), "#primary")

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        if is_pressed(event, self.back) or _enter(event) or _esc(event):
            return Pop()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        draw_header_rule(surface, surface.get_size())
        for card in self.cards:
            draw_card(surface, card)


def review_columns(v: dict[str, Any], tr: Any, width: int) -> list[str]:
    h = v["health"]
    me = v["me"]
    forecast = [
        f"<b>{esc(tr('ui.review.forecast'))}</b>",
        f"<font pixel_size={theme.TITLE}><b>{round(h['forecast'] * 100)}%</b></font>",
        esc(tr("ui.board.c931_head", c=h["c"], f=h["f"], w=h["w"])),
        esc(tr("ui.review.stage", stage=me["stage"], name=tr(f"stage.P{me['stage']}"))),
        esc(tr("ui.review.budget", left=fmt.money(me["budget"], tr.language),
               spent=fmt.money(me["spent"], tr.language))),
    ]
    risks = [f"<b>{esc(tr('ui.review.risks'))}</b>"]
    for p in v["people"]:
        if p.get("key") and p["support"] < 0:
            risks.append("▼ " + esc(tr("ui.review.risk_against", name=tr.pick(p["name"]),
                                       key="/".join(p["key"]))))
    for r in v["rivals"]:
        if r["stage_estimate"] is not None and r["stage_estimate"] > me["stage"]:
            risks.append("▼ " + esc(tr("ui.review.risk_rival", name=tr.pick(r["name"]),
                                       stage=r["stage_estimate"])))
    if not any(p["contact_level"] >= 3 for p in v["people"]):
        risks.append("▼ " + esc(tr("ui.review.risk_no_insider")))
    cal = v["calendar"]
    nxt = min(((w, k) for k, w in cal.items() if k != "notice_weeks" and w >= v["week"]),
              default=None)
    if nxt:
        risks.append("• " + esc(tr("ui.review.next_milestone",
                                   what=tr("ui.calendar." + nxt[1]), week=nxt[0])))
    steps = [f"<b>{esc(tr('ui.review.next_steps'))}</b>"]
    for item in v["checklist"]:
        if not item["done"]:
            steps.append("○ " + esc(tr("criterion." + item["key"])))
    if len(steps) == 1:
        steps.append(esc(tr("ui.review.all_done")))
    return ["<br>".join(forecast), "<br>".join(risks), "<br>".join(steps)]


class GameMenuScene(CardScene):
    title_key = "ui.game_menu.title"
    width = 560

    def __init__(self, ctx, session: Session) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.session = session
        self.note = ""

    def content(self) -> tuple[str, str, list[tuple[str, str, str, str | None]]]:
        tr = self.ctx.tr
        return (tr("ui.game_menu.heading"), esc(self.note or tr("ui.game_menu.text")), [
            ("main", tr("ui.game_menu.main"), tr("ui.game_menu.main_tip"), None),
            ("save", tr("ui.game_menu.save"), tr("ui.game_menu.save_tip"), None),
            ("resume", tr("ui.game_menu.resume"), tr("ui.game_menu.resume_tip"), "#primary"),
        ])

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        choice = self.pressed(event)
        if choice == "resume" or _esc(event):
            return Pop()
        if choice == "save":
            name = time.strftime("save-%Y%m%d-%H%M%S.json")
            try:
                self.session.save(saves_dir(self.ctx.data_dir) / name)
                self.note = self.ctx.tr("ui.game_menu.saved", name=name)
            except OSError as error:
                self.note = str(error)
            self.ctx.request_rebuild()
        if choice == "main":
            from game.ui.scenes.menu import MenuScene

            return Reset(MenuScene(self.ctx))
        return None


class HelpScene(CardScene):
    title_key = "ui.help.title"
    width = 820

    def content(self) -> tuple[str, str, list[tuple[str, str, str, str | None]]]:
        tr = self.ctx.tr
        return (tr("ui.help.heading"), "<br>".join(esc(tr(f"ui.help.line{i}"))
                                                    for i in range(1, 8)),
                [("ok", tr("ui.common.back"), tr("ui.common.back_tip"), "#primary")])

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        if self.pressed(event) or _esc(event) or _enter(event) or (
            event.type == pygame.KEYDOWN and event.key == pygame.K_F1
        ):
            return Pop()
        return None

