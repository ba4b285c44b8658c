"""Drive the App like a player: real mouse events at a widget's centre."""

from __future__ import annotations

from typing import Any

import pygame
from pygame_gui.elements import UIButton, UILabel


def widgets(app: Any, kind: type | tuple[type, ...] = (UIButton, UILabel)) -> list[Any]:
    return [w for w in app.manager.get_sprite_group().sprites() if isinstance(w, kind)
            and w.visible]


def texts(app: Any) -> list[str]:
    return [w.text for w in widgets(app)]


def find_button(app: Any, text: str) -> UIButton:
    for w in widgets(app, UIButton):
        if w.text == text:
            return w
    raise AssertionError(f"no button {text!r} in {texts(app)}")


def click_at(app: Any, pos: tuple[int, int]) -> None:
    events = [
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
    ]
    app.step(0.016, events)
    # pygame_gui posts its UI events to the queue; the next frames deliver them
    app.step(0.016)
    app.step(0.016)


def click(app: Any, widget: Any) -> None:
    click_at(app, widget.rect.center)


def press(app: Any, key: int, mod: int = 0) -> None:
    app.step(0.016, [pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="",
                                        scancode=0)])
    app.step(0.016)
