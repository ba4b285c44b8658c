"""The turn's small screens, each a card over the board: event choice, handover, the
end-of-week confirmation, the game menu and help."""

from __future__ import annotations

import time
from typing import Any

import pygame

from game.core.actions import Action
from game.ui import fmt, router, theme
from game.ui.scene import Command, Pop
from game.ui.session import Session, saves_dir
from game.ui.widgets import esc, para
from game.ui.widgets.card import CardScene
from game.ui.widgets.card import enter_key as _enter
from game.ui.widgets.card import esc_key as _esc


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
        """The event, then each answer with its likely effect (whom it moves, what it
        reveals, what it risks) and, for an answer the team cannot give, why not."""
        from game.ui.week.choice_effects import choice_lines

        tr, s = self.ctx.tr, self.session
        p = self.pending
        role = s.acting_role(self._choice(p["choices"][0]["id"])) if p["choices"] else "rep"
        width = min(self.width, self.ctx.size[0] - 80) - 80
        acts = []
        self.blocked: dict[str, str] = {}
        answers: list[str] = []
        for n, c in enumerate(p["choices"], start=1):
            cost = fmt.money(c["cost"], tr.language) if c["cost"] else tr("ui.board.free")
            effects = choice_lines(s.view, s.state.spec, p["event"], c["id"], tr)
            tip = tr("ui.event.choice_tip", cost=cost, n=n) + "<br>" + "<br>".join(
                esc(line) for line in effects)
            why = s.week.check(role, self._choice(c["id"]))
            text = f"{n} · {cost} · {tr.pick(c['label'])}"
            answer = [f"<b>{esc(text)}</b>"]
            answer += [para("   " + line, width - 20) for line in effects]
            if why is not None:
                self.blocked[c["id"]] = why
                reason = tr(why)
                if why == "why.no_budget":
                    reason = tr("ui.event.no_budget", need=cost,
                                left=fmt.money(s.budget_left(), tr.language))
                tip += "<br>× " + esc(reason)
                answer.append(f"<font color='{theme.DANGER}'>"
                              f"{para('   × ' + reason, width - 20)}</font>")
            answers.append("<br>".join(answer))
            acts.append((c["id"], text, tip, None))
        acts.append(("later", tr("ui.event.later"), tr("ui.event.later_tip"), "#quiet"))
        body = para(tr.pick(p["text"]), width)
        if answers:
            body += "<br><br>" + "<br>".join(answers)
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
        if event.type == pygame.KEYDOWN and pygame.K_1 <= event.key <= pygame.K_9:
            n = event.key - pygame.K_1  # keyboard play: 1..9 pick the nth choice
            ids = [c["id"] for c in self.pending["choices"]]
            choice = ids[n] if n < len(ids) else None
        if choice is not None and choice not in self.blocked:
            self.session.add(self._choice(choice))
            self.ctx.play_sound("confirm")
            return Pop()
        return None


class HandoverScene(CardScene):
    """The curtain between two players at one screen: it names who plans now, what waits
    for them (joint moves a teammate proposed) and who has already committed, and hides
    everything else until that player reveals their board."""

    title_key = "ui.handover.title"

    def __init__(self, ctx, session: Session, role: str) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.session, self.role = session, role

    def content(self) -> tuple[str, str, list[tuple[str, str, str, str | None]]]:
        from game.ui.words import action_name

        tr, s = self.ctx.tr, self.session
        role = tr("ui.role." + self.role)
        week = s.week
        width = min(self.width, self.ctx.size[0] - 80) - 80
        lines = [para(tr("ui.handover.week", n=s.view["week"], role=role), width)]
        if self.role in week.committed:
            lines.append(para(tr("ui.handover.answer_only", role=role), width))
        else:
            lines.append(para(tr("ui.handover.text", role=role), width))
        days = week.days_left(self.role)
        lines.append(esc(tr("ui.handover.days", n=days)))
        for e in week.awaiting(self.role):
            lines.append(para("• " + tr("ui.handover.proposal",
                                        who=tr("ui.role." + e.owner),
                                        what=action_name(e.action, s.view, tr)), width))
        done = [tr("ui.role." + r) for r in week.roles if r in week.committed]
        if done:
            sep = "、" if tr.language == "zh" else ", "
            lines.append(esc(tr("ui.handover.done", roles=sep.join(done))))
        return (tr("ui.handover.heading", role=role), "<br>".join(lines),
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
        acts = []
        if self.session.resolve_scene:  # not on a board the trainer only looks at
            acts.append(("main", tr("ui.game_menu.main"), tr("ui.game_menu.main_tip"), None))
        if self.session.can_save:  # a workshop's game is saved by its host
            acts.append(("save", tr("ui.game_menu.save"), tr("ui.game_menu.save_tip"), None))
        acts.append(("resume", tr("ui.game_menu.resume"), tr("ui.game_menu.resume_tip"),
                     "#primary"))
        return (tr("ui.game_menu.heading"), esc(self.note or tr("ui.game_menu.text")), acts)

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
            leave = getattr(self.session, "leave", None)
            if leave is not None:  # a workshop seat: the seat shows as away on the console
                leave()
            return router.reset("menu", self.ctx)
        return None


class HelpScene(CardScene):
    title_key = "ui.help.title"
    width = 900

    def content(self) -> tuple[str, str, list[tuple[str, str, str, str | None]]]:
        tr = self.ctx.tr
        width = min(self.width, self.ctx.size[0] - 80) - 80
        text = "<br>".join(para("• " + tr(f"ui.help.line{i}"), width) for i in range(1, 10))
        return (tr("ui.help.heading"), text,
                [("glossary", tr("ui.glossary.open"), tr("ui.glossary.open_tip"), None),
                 ("ok", tr("ui.common.back"), tr("ui.common.back_tip"), "#primary")])

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        choice = self.pressed(event)
        if choice == "glossary" or (event.type == pygame.KEYDOWN and event.key == pygame.K_g):
            return router.replace("glossary", self.ctx)
        if choice or _esc(event) or _enter(event) or (
            event.type == pygame.KEYDOWN and event.key == pygame.K_F1
        ):
            return Pop()
        return None

