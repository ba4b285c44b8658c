"""The compiled rules: which modules the build compiles, the fingerprint that ties a build to
its sources, and the import hook that runs the sources whenever a build does not match them.

The rules are ordinary Python files with Cython type annotations (pure-Python mode). `make`
(or `pip install .`) compiles them with Cython and gcc; the same files run uncompiled when no
compiler is present or when `DEALCRAFT_PURE=1` is set. A compiled module must never shadow an
edited source, so the build records one fingerprint over every compiled source (`.py` and
`.pxd`, since the compiled modules share typed layouts); at start the game recomputes it and,
if anything changed since the build, runs every compiled module from its source and says so
once. This file is loaded by the build too (by path, before the package exists), so it
imports nothing from the game.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

# Modules compiled by the build, in dependency order.
COMPILED = (
    "game.core.rng", "game.core.num", "game.core.actions", "game.core.state",
    "game.core.stages", "game.core.preference", "game.core.informants",
    "game.core.resolve", "game.core.health", "game.core.views",
    "game.core.checks", "game.core.effects", "game.core.events", "game.core.personnel",
    "game.core.engine", "game.core.causes",
    "game.ai.queue", "game.ai.playbooks", "game.ai.knowledge", "game.ai.context",
    "game.ai.criteria_value", "game.ai.value", "game.ai.policy", "game.ai.basic",
    "game.ai.world", "game.ai.search",
    "game.sim.batch",
)
# Sources whose change changes a compiled module without being compiled themselves.
HEADERS = ("game.core.ids",)
MANIFEST = "_native.json"
PURE_ENV = "DEALCRAFT_PURE"
_WARNED_ENV = "DEALCRAFT_NATIVE_SAID"
ROOT = Path(__file__).resolve().parent.parent


def source_files(root: Path = ROOT) -> list[Path]:
    """Every file the fingerprint covers: each compiled module's .py and .pxd, and ids.py."""
    out = []
    for name in (*HEADERS, *COMPILED):
        base = root.joinpath(*name.split("."))
        for ext in (".py", ".pxd"):
            path = base.with_suffix(ext)
            if path.exists():
                out.append(path)
    return out


def fingerprint(root: Path = ROOT) -> str:
    h = hashlib.sha256()
    for path in source_files(root):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def ids_pxd(constants: list[tuple[str, int]]) -> str:
    """The C enumeration of ids.py's constants, which the compiled modules cimport."""
    lines = ["# Written by the build from game/core/ids.py (game.native.ids_pxd); do not edit.",
             "cdef enum:"]
    lines += [f"    {name} = {value}" for name, value in constants]
    return "\n".join(lines) + "\n"


def extension_path(name: str, root: Path = ROOT) -> Path | None:
    """The compiled file of a module, if one was built next to its source."""
    base = root.joinpath(*name.split("."))
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = base.with_name(base.name + suffix)
        if path.exists():
            return path
    return None


def status(root: Path = ROOT) -> dict[str, Any]:
    """Whether the compiled rules are in use, and if not, why."""
    if os.environ.get(PURE_ENV, "") not in ("", "0"):
        return {"compiled": False, "reason": f"{PURE_ENV} is set"}
    missing = [n for n in COMPILED if extension_path(n, root) is None]
    if missing:
        return {"compiled": False, "reason": "not compiled (no C compiler when installed?)"}
    try:
        built = json.loads((root / "game" / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"compiled": False, "reason": f"the build record game/{MANIFEST} is missing"}
    if built.get("fingerprint") != fingerprint(root):
        return {"compiled": False, "reason": "a compiled source changed since the build"}
    return {"compiled": True, "reason": "compiled"}


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Loads the compiled modules from their .py sources instead of their builds."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def find_spec(self, name: str, path: Any = None, target: ModuleType | None = None
                  ) -> importlib.machinery.ModuleSpec | None:
        if name not in COMPILED:
            return None
        source = self.root.joinpath(*name.split(".")).with_suffix(".py")
        return importlib.util.spec_from_file_location(name, source)


def install(root: Path = ROOT) -> dict[str, Any]:
    """Decide once per process whether the compiled modules may be used; if not, make every
    import of them load the source, and say why on stderr (once per run)."""
    st = status(root)
    if not st["compiled"]:
        if not any(isinstance(f, _SourceFinder) for f in sys.meta_path):
            sys.meta_path.insert(0, _SourceFinder(root))
        quiet = os.environ.get(PURE_ENV, "") not in ("", "0") or os.environ.get(_WARNED_ENV)
        if not quiet:
            print(f"dealcraft: running the rules uncompiled: {st['reason']}; "
                  "run `make` to rebuild them", file=sys.stderr)
            os.environ[_WARNED_ENV] = "1"
    return st
