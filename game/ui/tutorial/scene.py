"""The guide's card over the board: the step's concept explained, its goal, the progress,
and the way to the glossary; at the end, what the player has learned."""

from __future__ import annotations

from typing import Any

import pygame

from game.play.guide import Tutorial, guide
from game.ui import router
from game.ui.scene import Command, Pop
from game.ui.widgets import esc, para
from game.ui.widgets.card import CardScene, enter_key, esc_key


class TutorialScene(CardScene):
    """``done`` is the step just completed (a congratulation first), if any."""

    title_key = "ui.tutorial.title"
    width = 820

    def __init__(self, ctx, tutorial: Tutorial, done: dict[str, Any] | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.tutorial, self.done = tutorial, done

    def content(self) -> tuple[str, str, list[tuple[str, str, str, str | None]]]:
        tr, t = self.ctx.tr, self.tutorial
        width = min(self.width, self.ctx.size[0] - 80) - 90
        lines: list[str] = []
        if self.done is not None:
            lines.append(f"<b>{esc(tr('ui.tutorial.done', what=tr.pick(self.done['concept'])))}"
                         "</b>")
            lines.append("")
        cur = t.current
        if cur is None:
            heading = tr("ui.tutorial.end_heading")
            lines.append(para(tr.pick(guide()["end"]), width))
        else:
            n, total = t.step + 1, len(t.steps)
            heading = tr("ui.tutorial.step", n=n, total=total, what=tr.pick(cur["concept"]))
            lines.append(para(tr.pick(cur["explain"]), width))
            lines.append("")
            lines.append(f"<b>{esc(tr('ui.tutorial.goal'))}</b>")
            lines.append(para(tr.pick(cur["goal"]), width))
            terms = ", ".join(tr(f"glossary.terms.{k}.term") for k in cur.get("terms", []))
            if terms:
                lines.append("")
                lines.append(para(tr("ui.tutorial.terms", terms=terms), width))
        return heading, "<br>".join(lines), [
            ("glossary", tr("ui.glossary.open"), tr("ui.glossary.open_tip"), None),
            ("ok", tr("ui.tutorial.ok"), tr("ui.tutorial.ok_tip"), "#primary")]

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        choice = self.pressed(event)
        if choice == "glossary" or (event.type == pygame.KEYDOWN and event.key == pygame.K_g):
            return router.push("glossary", self.ctx)
        if choice == "ok" or enter_key(event) or esc_key(event):
            return Pop()
        return None
