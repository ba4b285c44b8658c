"""The rules stay pure: nothing under game/core (or any game module it imports) may import
pygame, pygame_gui or matplotlib, or touch files, the network or the terminal.

Checked by parsing the source with `ast`, so a string or a comment that mentions a module
does not count, and an import hidden inside a function does.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORE = REPO / "game" / "core"

UI_LIBS = {"pygame", "pygame_gui", "matplotlib"}
IO_LIBS = {
    "os", "io", "pathlib", "shutil", "tempfile", "glob", "fileinput", "mmap", "pickle",
    "shelve", "sqlite3", "dbm", "socket", "ssl", "select", "selectors", "asyncio",
    "urllib", "http", "ftplib", "smtplib", "poplib", "imaplib", "telnetlib", "requests",
    "httpx", "aiohttp", "subprocess", "multiprocessing", "webbrowser", "importlib",
}
IO_BUILTINS = {"open", "input", "print", "__import__", "breakpoint"}
IO_METHODS = {"read_text", "write_text", "read_bytes", "write_bytes", "mkdir", "unlink",
              "rmdir", "urlopen", "makedirs"}


def violations(source: str, filename: str = "<src>") -> list[str]:
    """Every forbidden import or I/O call in one module's source, as 'file:line: what'."""
    out: list[str] = []
    for node in ast.walk(ast.parse(source, filename)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        for name in names:
            root = name.split(".")[0]
            if root in UI_LIBS or root in IO_LIBS:
                out.append(f"{filename}:{node.lineno}: imports {name}")
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name) and f.id in IO_BUILTINS:
                out.append(f"{filename}:{node.lineno}: calls {f.id}()")
            elif isinstance(f, ast.Attribute) and f.attr in IO_METHODS:
                out.append(f"{filename}:{node.lineno}: calls .{f.attr}()")
    return out


def game_imports(source: str, module: str) -> set[str]:
    """The game.* modules a module imports (absolute or relative), as dotted names."""
    package = module.rsplit(".", 1)[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] == "game")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                mod = ".".join([*base, node.module] if node.module else base)
            else:
                mod = node.module or ""
            if mod.split(".")[0] == "game":
                out.add(mod)
                out.update(f"{mod}.{a.name}" for a in node.names)
    return out


def module_file(module: str) -> Path | None:
    path = REPO.joinpath(*module.split("."))
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def core_closure() -> dict[str, Path]:
    """game/core's modules and every game module they reach, transitively."""
    todo = [f"game.core.{p.stem}" for p in sorted(CORE.glob("*.py"))]
    seen: dict[str, Path] = {}
    while todo:
        mod = todo.pop()
        if mod in seen:
            continue
        path = module_file(mod)
        if path is None:
            continue  # a name imported from a module, not a module
        seen[mod] = path
        parents = {".".join(mod.split(".")[:i]) for i in range(1, mod.count(".") + 1)}
        todo.extend((game_imports(path.read_text(encoding="utf-8"), mod) | parents)
                    - set(seen))
    return seen


# The package's start-up decides whether the rules run compiled or from source: it reads
# files and may say so on stderr, before any rule runs. It is not part of the rules, and the
# rules never import it (checked below).
BOOTSTRAP = {"game", "game.native"}


def test_the_core_and_what_it_imports_do_no_io_and_no_ui():
    modules = {m: p for m, p in core_closure().items() if m not in BOOTSTRAP}
    assert "game.core.engine" in modules and "game.scenario.models" in modules
    found = [v for mod, path in sorted(modules.items())
             for v in violations(path.read_text(encoding="utf-8"),
                                 str(path.relative_to(REPO)))]
    assert not found, "game/core must stay pure:\n" + "\n".join(found)


def test_only_the_package_start_up_imports_the_loader_of_the_compiled_rules():
    importers = [m for m, p in core_closure().items() if m != "game"
                 and "game.native" in game_imports(p.read_text(encoding="utf-8"), m)]
    assert importers == []


def test_the_core_never_reaches_the_ui_the_saves_or_the_loader():
    reached = set(core_closure())
    banned = {m for m in reached if m.startswith(("game.ui", "game.sim", "game.report"))}
    banned |= reached & {"game.save", "game.cli", "game.scenario.loader"}
    assert not banned


@pytest.mark.parametrize("source", [
    "import pygame",
    "import pygame_gui.elements",
    "from matplotlib import pyplot",
    "def f():\n    import os\n",
    "from urllib.request import urlopen",
    "import socket",
    "open('save.json')",
    "print('hello')",
    "from x import p\np.write_text('x')",
    "__import__('pygame')",
])
def test_the_checker_catches(source: str):
    assert violations(source)


def test_the_checker_lets_pure_code_through():
    src = ("import math\nfrom dataclasses import dataclass\nfrom game.core.rng import Rng\n"
           "s = 'import pygame; open(x)'\nstate.touch()\n# import os\n")
    assert violations(src) == []


def test_relative_imports_are_followed():
    assert game_imports("from .rng import Rng\nfrom . import stages\n", "game.core.engine") \
        >= {"game.core.rng", "game.core.stages"}
