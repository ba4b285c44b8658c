"""The debrief and outcome screens fit every window in both languages: no widget outside the
window or over another, no text wider than the box it was laid out in, every page inside
its card, every timeline entry inside its week and row, a tooltip on every control."""

from __future__ import annotations

import itertools
import warnings
from pathlib import Path

import pygame
import pytest
from pygame_gui.elements import UIButton

from game.ui.debrief.doc import Scroll, overflows
from game.ui.debrief.outcome import OutcomeScene
from game.ui.debrief.scene import TABS
from game.ui.debrief.timeline import WEEK_W

from .test_debrief import open_debrief, pngs, recorded  # noqa: F401 - shared fixtures
from .test_shell import top_level

SIZES = [(1024, 600), (1280, 720), (1920, 1080)]


def no_overlap(app, where: str) -> None:  # type: ignore[no-untyped-def]
    screen = pygame.Rect(0, 0, *app.size)
    items = top_level(app)
    for w in items:
        assert screen.contains(w.rect), f"{where}: {w} {w.rect} outside {app.size}"
        if isinstance(w, UIButton):
            assert w.tool_tip_text, f"{where}: button {w.text!r} has no tooltip"
    for a, b in itertools.combinations(items, 2):
        assert not a.rect.colliderect(b.rect), (
            f"{where}: {getattr(a, 'text', a)!r} {a.rect} overlaps "
            f"{getattr(b, 'text', b)!r} {b.rect}")


@pytest.mark.parametrize("lang,size", list(itertools.product(["zh", "en"], SIZES)))
def test_debrief_fits(make_app, recorded: Path, pngs, lang: str,  # type: ignore[no-untyped-def]  # noqa: F811
                      size: tuple[int, int]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # pygame_gui warns when a label's text does not fit
        app, scene = open_debrief(make_app, recorded, lang, size, pngs)
        outcome = app.stack.scenes[-2]
        assert isinstance(outcome, OutcomeScene)
        for doc, card in zip(outcome.docs, outcome.cards, strict=True):
            assert not overflows(doc), overflows(doc)
            assert doc.height <= card.height - 2 * 22, "the outcome card holds its text"
        for tab in TABS:
            scene.open_tab(tab)
            app.step(0.016, [])
            where = f"{tab} {lang} {size}"
            no_overlap(app, where)
            assert scene.content.height > 200, where
            assert scene.content.contains(scene.view), where
            for name, doc in scene.docs.items():
                assert not overflows(doc), f"{where} {name}: {overflows(doc)}"
            if tab in ("outcome", "motives", "coordination", "lost", "moments", "whatif"):
                assert scene.docs[tab].width < scene.view.width, where
        grid = scene.grid
        scene.open_tab("timeline")
        app.step(0.016, [])
        grid = scene.grid
        assert grid is not None
        rows = [(r.top, r.top + r.height) for r in grid.rows]
        for e in grid.entries:
            column = pygame.Rect((e.week - 1) * WEEK_W, 0, WEEK_W, grid.body.height)
            assert column.contains(e.rect), f"{e.rect} outside week {e.week}"
            assert any(top <= e.rect.top and e.rect.bottom <= bottom for top, bottom in rows)
        assert scene._grid_body().height >= 150, "the grid keeps room on short windows"


def test_scroll_stays_inside_the_page() -> None:
    s = Scroll()
    s.resize((1000, 3000), (400, 500))
    s.by(-50, -50)
    assert (s.x, s.y) == (0, 0)
    s.by(10_000, 10_000)
    assert (s.x, s.y) == (600, 2500)
    track = pygame.Rect(0, 0, 10, 500)
    thumb = s.v_thumb(track)
    assert thumb is not None and thumb.bottom == track.bottom
    s.drag_v(track, track.top)
    assert s.y == 0
    s.resize((300, 200), (400, 500))  # the page got smaller than the view
    assert (s.x, s.y) == (0, 0) and s.v_thumb(track) is None


def test_overflow_check_catches_text_wider_than_its_box(make_app) -> None:  # type: ignore[no-untyped-def]
    from game.ui.debrief.doc import Doc, TextOp

    make_app("en")  # fonts need a live pygame
    doc = Doc(200)
    doc.y = doc.wrapped(0, 0, 200, "a sentence long enough to need three or four lines here")
    assert doc.y > 60 and not overflows(doc)
    doc.ops.append(TextOp(pygame.Rect(0, 0, 10, 10), pygame.Rect(0, 0, 10, 10), "too wide",
                          16, False, "#000000"))
    assert len(overflows(doc)) == 1
