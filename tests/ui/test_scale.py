"""Text size: the projector preset enlarges everything so body text reads at >= 22 px at
1080p without a layout of its own (the 1280x720 layout, checked for cuts elsewhere, is
scaled 1.5x); clicks land where they look; secondary text meets WCAG AA."""

from __future__ import annotations

import pytest

from game.ui import layout_check, theme
from game.ui.settings import ui_scale

from .helpers import click_at, find_button, top


@pytest.mark.parametrize("colour", ["INK", "INK_MUTED", "INK_FAINT", "DANGER", "ACCENT"])
def test_text_colours_meet_wcag_aa(colour: str) -> None:
    for bg in theme.TEXT_BACKGROUNDS:
        assert theme.contrast(getattr(theme, colour), bg) >= 4.5, (colour, bg)


def test_scale_rules() -> None:
    assert ui_scale("normal", (1920, 1080)) == 1.0
    assert ui_scale("projector", (1920, 1080)) == 1.5
    assert ui_scale("projector", (1280, 720)) == 1.0
    assert ui_scale("large", (1024, 600)) == 1.0, "never a canvas under the smallest layout"
    assert theme.BODY * ui_scale("projector", (1920, 1080)) >= 22


def test_projector_preset_scales_and_clicks_land(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "menu", (1920, 1080))
    app.set_text_size("projector")
    app.step(0.016, [])
    assert app.scale == 1.5 and app.size == (1280, 720)
    assert app.window.get_size() == (1920, 1080)
    assert layout_check.problems(app) == []
    solo = find_button(app, "Solo practice")
    x, y = solo.rect.center  # canvas pixels; the player clicks the enlarged window
    click_at(app, (int(x * 1.5), int(y * 1.5)))
    assert type(top(app)).__name__ == "NewGameScene"
    app.set_text_size("normal")
    app.step(0.016, [])
    assert app.scale == 1.0 and app.size == (1920, 1080)
