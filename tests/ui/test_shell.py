"""The app shell, headless: menus by mouse, language switch, settings, layout sanity."""

from __future__ import annotations

import itertools
import json
import warnings
from pathlib import Path

import pygame
import pytest
from pygame_gui.elements import (
    UIButton,
    UIDropDownMenu,
    UILabel,
    UISelectionList,
    UITextBox,
    UITextEntryLine,
)

from game.ui.menu.library import LibraryScene
from game.ui.menu.menu import MenuScene
from game.ui.menu.new_game import NewGameScene
from game.ui.menu.settings_scene import SettingsScene

from .helpers import click, find_button, press, texts, widgets

SCENES = ["menu", "settings", "library", "new_game", "new_team_game", "load"]
TOP_LEVEL = (UIButton, UILabel, UIDropDownMenu, UISelectionList, UITextBox, UITextEntryLine)


def top_level(app) -> list:  # type: ignore[no-untyped-def]
    root = app.manager.get_root_container()
    return [w for w in widgets(app, TOP_LEVEL) if w.ui_container is root]


def test_menu_buttons_open_their_scenes(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en")
    assert isinstance(app.stack.top, MenuScene)
    for text, kind in [("Settings", SettingsScene), ("Scenario library", LibraryScene),
                       ("Solo practice", NewGameScene)]:
        click(app, find_button(app, text))
        assert isinstance(app.stack.top, kind), text
        press(app, pygame.K_ESCAPE)
        assert isinstance(app.stack.top, MenuScene)
    click(app, find_button(app, "Quit"))
    assert app.stack.quit_code == 0


def test_every_control_has_a_tooltip(make_app) -> None:  # type: ignore[no-untyped-def]
    for start in SCENES:
        app = make_app("en", start)
        for w in widgets(app, (UIButton, UIDropDownMenu, UITextEntryLine)):
            if w.ui_container is not app.manager.get_root_container():
                continue  # parts of a composite control (the drop-down's own buttons)
            tip = getattr(w, "tool_tip_text", None)
            assert tip, f"{start}: {type(w).__name__} {getattr(w, 'text', '')!r} has no tooltip"


@pytest.mark.parametrize("start", ["menu", "settings", "library", "new_game"])
def test_language_switch_relabels_everything(make_app, start: str) -> None:  # type: ignore[no-untyped-def]
    fresh_en = sorted(texts(make_app("en", start)))
    app = make_app("zh", start)
    zh = sorted(texts(app))
    app.set_language("en")
    app.step(0.016, [])
    assert sorted(texts(app)) == fresh_en
    assert zh != fresh_en


def test_language_button_on_menu(make_app, private_dirs: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app("zh")
    assert "单人练习" in texts(app)
    click(app, find_button(app, "English"))
    assert "Solo practice" in texts(app) and app.settings.language == "en"
    saved = json.loads((private_dirs / "config" / "settings.json").read_text(encoding="utf-8"))
    assert saved["language"] == "en"


def test_settings_persist(make_app, private_dirs: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "settings")
    click(app, find_button(app, "中文"))
    assert app.tr.language == "zh"
    click(app, find_button(app, "关"))  # sound off (first "off" is the sound row)
    data = json.loads((private_dirs / "config" / "settings.json").read_text(encoding="utf-8"))
    assert data["language"] == "zh" and data["sound"] is False


def test_new_game_choices(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "new_game")
    scene = app.stack.top
    assert isinstance(scene, NewGameScene) and scene.setup is not None
    click(app, find_button(app, "Team (one screen)"))
    assert scene.setup.mode == "team"
    ai_buttons = [w for w in widgets(app, UIButton) if w.text == "AI"]
    click(app, ai_buttons[1])
    assert scene.setup.humans["presales"] is False
    before = scene.setup.rival_count
    click(app, find_button(app, "−"))
    assert scene.setup.rival_count == before - 1
    old_seed = scene.setup.seed
    click(app, find_button(app, "New seed"))
    assert scene.setup.seed != old_seed or scene.setup.seed  # a seed is always set


@pytest.mark.parametrize("lang,size", list(itertools.product(
    ["zh", "en"], [(1024, 600), (1280, 720), (1920, 1080)])))
def test_layout_fits_without_overlap(make_app, lang: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # pygame_gui warns when a label's text does not fit
        for start in SCENES:
            app = make_app(lang, start, size)
            screen = pygame.Rect(0, 0, *size)
            items = top_level(app)
            for w in items:
                assert screen.contains(w.rect), f"{start}: {w} {w.rect} outside {size}"
            for a, b in itertools.combinations(items, 2):
                assert not a.rect.colliderect(b.rect), (
                    f"{start} {lang} {size}: {getattr(a, 'text', a)!r} {a.rect} overlaps "
                    f"{getattr(b, 'text', b)!r} {b.rect}")


def test_resize_rebuilds(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("en", "library")
    app.step(0.016, [pygame.event.Event(pygame.VIDEORESIZE, w=1600, h=900, size=(1600, 900))])
    assert app.size == (1600, 900) and app.settings.width == 1600
    assert any(w.rect.right > 1280 for w in top_level(app))
