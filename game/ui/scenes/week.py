"""The turn's small screens, each a card over the board: event choice, handover, the
end-of-week confirmation, the game menu and help."""

from __future__ import annotations

import time
from abc import abstractmethod
from typing import Any

import pygame
from pygame_gui.elements import UIButton

from game.core.actions import Action
from game.core.checks import check
from game.ui import fmt, theme
from game.ui.scene import Command, Pop, Reset, Scene
from game.ui.session import Session, saves_dir
from game.ui.widgets import (
    BUTTON_H,
    button,
    draw_card,
    esc,
    is_pressed,
    label,
    para,
    text_box,
    text_width,
)


def _enter(event: pygame.event.Event) -> bool:
    return event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)


def _esc(event: pygame.event.Event) -> bool:
    return event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE


class CardScene(Scene):
    """A centred card with a heading, rich text and a row of buttons, over the scene below."""

    width = 760
    overlay = True

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.card = pygame.Rect(0, 0, 0, 0)
        self.buttons: dict[str, UIButton] = {}

    @abstractmethod
    def content(self) -> tuple[str, str, list[tuple[str, str, str, str | None]]]:
        """(heading, html, [(id, text, tip, object_id)]); each kind of card says its own."""

    def build(self) -> None:
        """Buttons sit in one right-aligned row when they fit, else one per row (long event
        choices); the card grows with the text up to the window and the text box scrolls."""
        heading, html, actions = self.content()
        w, h = self.ctx.size
        cw = min(self.width, w - 80)
        inner = cw - 48
        widths = [min(inner, max(150, text_width(t, theme.BUTTON, oid == "#primary") + 56))
                  for _i, t, _tip, oid in actions]
        one_row = sum(widths) + 12 * (len(widths) - 1) <= inner
        bh = BUTTON_H + 4
        buttons_h = bh if one_row else len(actions) * (bh + 10) - 10
        lines = html.count("<br>") + 1  # the texts come pre-wrapped (``para``)
        text_h = max(80, min(lines * 34 + 12, 440))  # 17 px type at 1.35 line spacing
        ch = min(h - 60, 66 + text_h + 24 + buttons_h + 24)
        self.card = pygame.Rect((w - cw) // 2, (h - ch) // 2, cw, ch)
        label(self.ctx, (self.card.left + 28, self.card.top + 20, cw - 56, 36), heading,
              "#heading")
        top = self.card.top + 66
        box_h = self.card.bottom - 24 - buttons_h - 18 - top
        text_box(self.ctx, (self.card.left + 24, top, cw - 40, box_h), html, "#plain_text")
        self.buttons = {}
        if one_row:
            x = self.card.right - 24
            for (ident, text, tip, oid), bw in zip(reversed(actions), reversed(widths),
                                                   strict=True):
                x -= bw
                self.buttons[ident] = button(self.ctx, (x, self.card.bottom - 24 - bh, bw, bh),
                                             text, tip, oid)
                x -= 12
            return
        y = self.card.bottom - 24 - buttons_h
        for ident, text, tip, oid in actions:
            self.buttons[ident] = button(self.ctx, (self.card.left + 24, y, inner, bh), text,
                                         tip, oid or "#menu_button")
            y += bh + 10

    def pressed(self, event: pygame.event.Event) -> str | None:
        for ident, btn in self.buttons.items():
            if is_pressed(event, btn):
                return ident
        return None

    def draw(self, surface: pygame.Surface) -> None:
        draw_card(surface, self.card)


class EventScene(CardScene):
    """An event that asks the team to choose: each choice with its cost; a choice we cannot
    afford this week is shown but disabled, with the reason in its tooltip."""

    title_key = "ui.event.title"

    def __init__(self, ctx, session: Session, pending: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.session, self.pending = session, pending

    def _choice(self, cid: str) -> Action:
        return Action("choose", self.pending["event"], cid)

    def content(self) -> tuple[str, str, list[tuple[str, str, str, str | None]]]:
        tr, s = self.ctx.tr, self.session
        p = self.pending
        others = [a for a in s.plan if not (a.kind == "choose" and a.target == p["event"])]
        acts = []
        self.blocked: dict[str, str] = {}
        for c in p["choices"]:
            cost = fmt.money(c["cost"], tr.language) if c["cost"] else tr("ui.board.free")
            tip = tr("ui.event.choice_tip", cost=cost)
            why = check(s.view, self._choice(c["id"]), others)
            if why is not None:
                self.blocked[c["id"]] = why
                tip += "<br>× " + esc(tr(why))
            acts.append((c["id"], f"{cost} · {tr.pick(c['label'])}", tip, None))
        acts.append(("later", tr("ui.event.later"), tr("ui.event.later_tip"), "#quiet"))
        width = min(self.width, self.ctx.size[0] - 80) - 80
        body = para(tr.pick(p["text"]), width)
        for _cid, text, _tip, _oid in acts[:-1]:  # a choice its button cannot show in full
            if text_width(text, theme.BUTTON) > width - 40:
                body += "<br><br>" + para(f"• {text}", width)
        chosen = next((a.option for a in s.plan if a.kind == "choose"
                       and a.target == p["event"]), None)
        if chosen is not None:
            label_ = next(tr.pick(c["label"]) for c in p["choices"] if c["id"] == chosen)
            body += "<br><br>" + esc(tr("ui.event.current", choice=label_))
        return tr.pick(p["title"]), body, acts

    def build(self) -> None:
        super().build()
        for cid in self.blocked:
            self.buttons[cid].disable()

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        choice = self.pressed(event)
        if choice == "later" or _esc(event):
            return Pop()
        if choice is not None and choice not in self.blocked:
            self.session.plan = [a for a in self.session.plan
                                 if not (a.kind == "choose" and a.target == self.pending["event"])]
            self.session.add(self._choice(choice))
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

    overlay = False  # the curtain hides the previous player's plan

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.rgb(theme.BG_DEEP))
        super().draw(surface)


class ConfirmEndScene(CardScene):
    """Asks once before an irreversible step when a role of this player planned nothing."""

    title_key = "ui.confirm.title"
    width = 640

    def __init__(self, ctx, idle: list[str], handing_over: bool) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.idle, self.handing_over = idle, handing_over

    def content(self) -> tuple[str, str, list[tuple[str, str, str, str | None]]]:
        tr = self.ctx.tr
        sep = "、" if tr.language == "zh" else ", "
        roles = sep.join(tr("ui.role." + r) for r in self.idle)
        go = "ui.confirm.hand_over" if self.handing_over else "ui.confirm.end"
        return (tr("ui.confirm.heading"), esc(tr("ui.confirm.idle", roles=roles)), [
            ("back", tr("ui.confirm.back"), tr("ui.confirm.back_tip"), None),
            ("go", tr(go), tr(go + "_tip"), "#primary"),
        ])

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        choice = self.pressed(event)
        if choice == "go" or _enter(event):
            return Pop(result="end_week")
        if choice == "back" or _esc(event):
            return Pop()
        return None


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
                self.session.save(saves_dir(self.ctx.data_dir) / name, self.ctx.tr.language)
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
    width = 900

    def content(self) -> tuple[str, str, list[tuple[str, str, str, str | None]]]:
        tr = self.ctx.tr
        width = min(self.width, self.ctx.size[0] - 80) - 80
        text = "<br>".join(para("• " + tr(f"ui.help.line{i}"), width) for i in range(1, 10))
        return (tr("ui.help.heading"), text,
                [("ok", tr("ui.common.back"), tr("ui.common.back_tip"), "#primary")])

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        if self.pressed(event) or _esc(event) or _enter(event) or (
            event.type == pygame.KEYDOWN and event.key == pygame.K_F1
        ):
            return Pop()
        return None

