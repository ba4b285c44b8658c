"""The window's pygame_gui manager: tooltips wrap Chinese without cutting it with dashes."""

from __future__ import annotations

import pygame
from pygame_gui.elements import UIButton

from game.i18n import tr


def _rows(tip) -> list[str]:  # type: ignore[no-untyped-def]
    return ["".join(getattr(chunk, "text", "") for chunk in row.items)
            for row in tip.text_block.text_box_layout.layout_rows]


def test_a_long_chinese_tip_wraps_without_dashes(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("zh", "menu")
    anchor = UIButton(pygame.Rect(100, 100, 50, 30), "x", app.manager)
    for key in ("ui.board.earlier_tip", "ui.coach.plan_all_tip"):
        text = tr(key, "zh")
        tip = app.manager.create_tool_tip(text, (100, 100), (0, 10), anchor, None)
        rows = _rows(tip)
        assert len(rows) > 1, "the fixture's premise: the tip needs more than one line"
        assert "".join(rows).replace(" ", "") == text.replace(" ", ""), rows
        assert tip.rect.height > 0 and tip.rect.height == tip.text_block.rect.height
        tip.kill()
