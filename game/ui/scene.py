"""Scenes and the scene stack.

A scene builds its widgets from its own state, turns input into a command for the stack
(``Push``, ``Pop``, ``Replace``, ``Reset``, ``Quit``) or ``None``, and draws without changing
anything. Only the top scene has widgets: the app clears the GUI manager and calls
``build`` whenever the top changes, the window is resized or the language switches, so a
scene must keep everything it needs (selection, scroll, choices) in its own attributes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pygame

    from game.ui.context import UIContext


class Scene:
    """Base class; subclasses override what they need."""

    #: i18n key of the window title shown while the scene is on top
    title_key: str = "ui.app.title"
    #: the scene paints the whole window itself (the app skips clearing it first)
    opaque: bool = False
    #: a dialog over the scene below: the app paints that scene, veiled, underneath
    overlay: bool = False

    def __init__(self, ctx: UIContext) -> None:
        self.ctx = ctx

    # widgets -----------------------------------------------------------------------------
    def build(self) -> None:
        """Create every widget for the current window size and language."""

    # input -------------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> Command | None:
        """React to one pygame or pygame_gui event."""
        return None

    def update(self, dt: float) -> Command | None:
        """Advance timers and animations by ``dt`` seconds."""
        return None

    def on_enter(self) -> None:
        """Called when the scene becomes the top (after push or after the scene above pops)."""

    def on_exit(self) -> None:
        """Called when the scene is popped or replaced."""

    def receive(self, result: Any) -> None:
        """A popped scene above handed back ``result`` (``Pop(result=...)``)."""

    # output ------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Paint the background under the widgets. Must not change any state."""


@dataclass(frozen=True)
class Push:
    scene: Scene


@dataclass(frozen=True)
class Pop:
    result: Any = None


@dataclass(frozen=True)
class Replace:
    scene: Scene


@dataclass(frozen=True)
class Reset:
    """Clear the stack, then push ``scene`` and the scenes in ``then`` on top of it."""

    scene: Scene
    then: tuple[Scene, ...] = ()


@dataclass(frozen=True)
class Quit:
    code: int = 0


Command = Push | Pop | Replace | Reset | Quit


class SceneStack:
    """Applies commands; reports whether the top changed so the app can rebuild widgets."""

    def __init__(self) -> None:
        self.scenes: list[Scene] = []
        self.quit_code: int | None = None

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def __len__(self) -> int:
        return len(self.scenes)

    def apply(self, command: Command | None) -> bool:
        """Apply one command; True when the top scene changed."""
        if command is None:
            return False
        if isinstance(command, Quit):
            self.quit_code = command.code
            return False
        if isinstance(command, Push):
            self.scenes.append(command.scene)
            command.scene.on_enter()
            return True
        if isinstance(command, Pop):
            if self.scenes:
                self.scenes.pop().on_exit()
            if not self.scenes:
                self.quit_code = 0
                return True
            self.scenes[-1].receive(command.result)
            self.scenes[-1].on_enter()
            return True
        if isinstance(command, Replace):
            if self.scenes:
                self.scenes.pop().on_exit()
            self.scenes.append(command.scene)
            command.scene.on_enter()
            return True
        if isinstance(command, Reset):
            while self.scenes:
                self.scenes.pop().on_exit()
            for scene in (command.scene, *command.then):
                self.scenes.append(scene)
                scene.on_enter()
            return True
        raise TypeError(f"not a scene command: {command!r}")
