"""Scenes by name: the one place that knows which module holds which scene.

Scenes never import each other. A feature folder (``game/ui/board/``, ``game/ui/debrief/``,
…) names its scenes in its ``__init__.py`` with ``register("board", "game.ui.board.scene:
BoardScene")``; a scene that wants another one asks for it by name (``router.push("coach",
ctx, session, roles)``). The module behind a name is imported only when that scene is first
made, so the menu opens without loading the debrief, and the import graph between features
stays a tree (tests/ui/test_router.py checks both).
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import TYPE_CHECKING, Any

from game.ui.scene import Push, Replace, Reset

if TYPE_CHECKING:
    from game.ui.scene import Scene

#: scene name -> "package.module:ClassName"
_WHERE: dict[str, str] = {}
_discovered = False


class UnknownScene(LookupError):
    """No feature folder registered a scene of that name."""


def register(name: str, where: str) -> None:
    """Name a scene: ``where`` is ``"package.module:ClassName"`` (imported on first use).

    Registering the same name twice with another target is a programming error: two features
    would fight over one name.
    """
    module, _, attr = where.partition(":")
    if not module or not attr:
        raise ValueError(f"scene {name!r}: target must be 'module:Class', got {where!r}")
    old = _WHERE.get(name)
    if old is not None and old != where:
        raise ValueError(f"scene {name!r} is already {old!r}, cannot also be {where!r}")
    _WHERE[name] = where


def _discover() -> None:
    """Import every feature folder of ``game.ui`` once, so each registers its scenes."""
    global _discovered
    if _discovered:
        return
    import game.ui as ui

    for info in pkgutil.iter_modules(ui.__path__):
        if info.ispkg:
            importlib.import_module(f"game.ui.{info.name}")
    _discovered = True


def names() -> tuple[str, ...]:
    """Every registered scene name, sorted."""
    _discover()
    return tuple(sorted(_WHERE))


def scene_class(name: str) -> type[Scene]:
    """The class behind ``name`` (imports its module the first time)."""
    if name not in _WHERE:
        _discover()
    where = _WHERE.get(name)
    if where is None:
        raise UnknownScene(f"no scene named {name!r}; known: {', '.join(names())}")
    module, _, attr = where.partition(":")
    cls: type[Scene] = getattr(importlib.import_module(module), attr)
    return cls


def make(name: str, ctx: Any, *args: Any, **kwargs: Any) -> Scene:
    """A new scene ``name`` built with ``(ctx, *args, **kwargs)``."""
    return scene_class(name)(ctx, *args, **kwargs)


def push(name: str, ctx: Any, *args: Any, **kwargs: Any) -> Push:
    """The stack command that opens scene ``name`` over the current one."""
    return Push(make(name, ctx, *args, **kwargs))


def replace(name: str, ctx: Any, *args: Any, **kwargs: Any) -> Replace:
    """The stack command that swaps the current scene for scene ``name``."""
    return Replace(make(name, ctx, *args, **kwargs))


def reset(name: str, ctx: Any, *args: Any, then: tuple[Scene, ...] = (),
          **kwargs: Any) -> Reset:
    """The stack command that clears the stack down to a new scene ``name`` (and ``then``)."""
    return Reset(make(name, ctx, *args, **kwargs), then)
