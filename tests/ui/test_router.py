"""Scenes find each other by name; feature folders never import each other."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from game.ui import router
from game.ui.scene import Scene

REPO = Path(__file__).resolve().parents[2]
UI = REPO / "game" / "ui"
#: folders of game/ui every feature may use
SHARED = {"widgets"}
#: root modules that are tools driving the whole window, not parts of it
TOOLS = {"bench", "shots", "app"}


def features() -> list[str]:
    return sorted(p.name for p in UI.iterdir()
                  if (p / "__init__.py").is_file() and p.name not in SHARED)


def ui_imports(path: Path) -> set[str]:
    """The game.ui.<folder> names a module imports, wherever in it (functions too)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        for name in names:
            parts = name.split(".")
            if parts[:2] == ["game", "ui"] and len(parts) > 2:
                out.add(parts[2])
    return out


def test_every_scene_name_resolves_to_a_scene() -> None:
    names = router.names()
    assert {"menu", "board", "event", "handover", "review", "outcome", "debrief"} <= set(names)
    for name in names:
        assert issubclass(router.scene_class(name), Scene), name


def test_unknown_names_and_clashes_are_refused() -> None:
    with pytest.raises(router.UnknownScene, match="no scene named 'nowhere'"):
        router.scene_class("nowhere")
    with pytest.raises(ValueError, match="already"):
        router.register("board", "game.ui.menu.menu:MenuScene")
    with pytest.raises(ValueError, match="module:Class"):
        router.register("odd", "game.ui.menu.menu")
    router.register("board", "game.ui.board.scene:BoardScene")  # the same again is fine


@pytest.mark.parametrize("feature", features())
def test_a_feature_imports_no_other_feature(feature: str) -> None:
    others = set(features()) - {feature}
    for path in sorted((UI / feature).rglob("*.py")):
        crossed = ui_imports(path) & others
        assert not crossed, f"{path.relative_to(REPO)} imports {sorted(crossed)}: use the router"


def test_shared_modules_import_no_feature() -> None:
    feats = set(features())
    for path in sorted(UI.glob("*.py")):
        if path.stem in TOOLS:
            continue
        crossed = ui_imports(path) & feats
        assert not crossed, f"{path.relative_to(REPO)} imports {sorted(crossed)}"
    for path in sorted((UI / "widgets").rglob("*.py")):
        assert not ui_imports(path) & feats, path


def test_the_menu_does_not_load_the_debrief() -> None:
    code = ("import sys; from game.ui import router; router.scene_class('menu'); "
            "print(sorted(m for m in sys.modules if m.startswith('game.ui.debrief.')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                         text=True, check=True).stdout.strip()
    assert out.splitlines()[-1] == "[]"  # the line before may be pygame's greeting
