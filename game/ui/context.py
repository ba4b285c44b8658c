"""What a scene may use from the app: the GUI manager, text, settings and a few services."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import pygame_gui

    from game.ui.i18n import Translator
    from game.ui.options import AppOptions
    from game.ui.settings import Settings


class UIContext(Protocol):
    manager: pygame_gui.UIManager
    tr: Translator
    settings: Settings
    options: AppOptions
    services: list[Any]  # network services to close with the window (``async aclose()``)

    @property
    def size(self) -> tuple[int, int]: ...

    @property
    def scenarios_dir(self) -> Path: ...

    @property
    def data_dir(self) -> Path: ...

    def set_language(self, language: str) -> None: ...

    def set_fullscreen(self, on: bool) -> None: ...

    def set_text_size(self, value: str) -> None: ...

    def save_settings(self) -> None: ...

    def play_sound(self, name: str) -> None: ...

    def request_rebuild(self) -> None: ...

    def post(self, command: Any) -> None: ...

    def autosave(self, session: Any) -> None: ...
