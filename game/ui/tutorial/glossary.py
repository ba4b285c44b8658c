"""The in-game glossary: every term of the game, in the player's language, one key away
(G on the board, a button in Help and in the guide). The entries are data, under
``glossary.terms`` in the language files, in the order of ``ORDER``."""

from __future__ import annotations

import pygame

from game.ui.scene import Command, Pop
from game.ui.widgets import esc, para
from game.ui.widgets.card import CardScene, enter_key, esc_key

ORDER = ("buying_roles", "kdm", "ki", "ku", "contact", "insider", "coach", "introduction",
         "favourite", "availability", "position_motive", "personal_motive", "participation",
         "support", "trust", "stages", "five_elements", "c931", "forecast", "joint_move",
         "procurement", "tender", "personnel_change", "first_payment", "mpc_review",
         "lost_order")


def rule_numbers() -> dict[str, str]:
    """The rules' numbers a glossary text names, read from the rules so the text keeps up."""
    from game.core.effects import JOINT_PREMIUM
    from game.core.informants import COACH_FAVOURS

    return {"joint": f"{JOINT_PREMIUM:g}", "favours": str(COACH_FAVOURS)}


def glossary_html(tr, width: int) -> str:  # type: ignore[no-untyped-def]
    lines = []
    numbers = rule_numbers()
    for key in ORDER:
        lines.append(f"<b>{esc(tr(f'glossary.terms.{key}.term'))}</b>")
        lines.append(para(tr(f"glossary.terms.{key}.text", **numbers), width))
    return "<br>".join(lines)


class GlossaryScene(CardScene):
    title_key = "ui.glossary.title"
    width = 900

    def content(self) -> tuple[str, str, list[tuple[str, str, str, str | None]]]:
        tr = self.ctx.tr
        width = min(self.width, self.ctx.size[0] - 80) - 90
        return (tr("ui.glossary.heading"), glossary_html(tr, width),
                [("ok", tr("ui.common.back"), tr("ui.common.back_tip"), "#primary")])

    def handle_event(self, event: pygame.event.Event) -> Command | None:
        g = event.type == pygame.KEYDOWN and event.key == pygame.K_g
        if self.pressed(event) or esc_key(event) or enter_key(event) or g:
            return Pop()
        return None
