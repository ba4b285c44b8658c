"""The package list and the compiled rules; everything else about the build is in
pyproject.toml.

Packages: every game.* package found in the tree, plus game.scenarios, which pyproject.toml
maps onto the top-level scenarios/ folder (a mapped folder is not found by setuptools' own
discovery). The rules (the modules game.native lists) are compiled with Cython when a C
compiler is at hand; the extensions are optional: without Cython or a compiler the package
installs and runs the same rules uncompiled. `DEALCRAFT_NO_BUILD=1` skips them (the Makefile
builds them itself, in place, whenever a compiled source changed).
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("_dealcraft_native", ROOT / "game" / "native.py")
native = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(native)


def _ids_constants() -> list[tuple[str, int]]:
    spec = importlib.util.spec_from_file_location("_dealcraft_ids", ROOT / "game/core/ids.py")
    ids = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ids)
    return ids.enum_constants()


def _extensions() -> list:
    if os.environ.get("DEALCRAFT_NO_BUILD"):
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        print("dealcraft: Cython is missing; the rules will run uncompiled", file=sys.stderr)
        return []
    from setuptools import Extension

    pxd = ROOT / "game" / "core" / "ids.pxd"
    text = native.ids_pxd(_ids_constants())
    if not pxd.exists() or pxd.read_text(encoding="utf-8") != text:
        pxd.write_text(text, encoding="utf-8")
    exts = [Extension(name, [str(Path(*name.split(".")).with_suffix(".py"))],
                      extra_compile_args=["-O3", "-ffp-contract=off"])
            for name in native.COMPILED]
    return cythonize(exts, language_level=3, quiet=True, compiler_directives={
        "initializedcheck": False, "binding": False,
    })


class OptionalBuildExt(build_ext):
    """Compile what can be compiled; a missing compiler leaves the pure rules in place."""

    def run(self) -> None:
        # The fingerprint of the sources as they are when the build starts: a source edited
        # while it compiles must not be recorded as built.
        fingerprint = native.fingerprint(ROOT)
        try:
            super().run()
        except Exception as exc:  # no compiler, no headers: the pure path still works
            print(f"dealcraft: could not compile the rules ({exc}); they will run "
                  "uncompiled", file=sys.stderr)
            return
        record = {"fingerprint": fingerprint, "modules": list(native.COMPILED)}
        for base in {Path(self.build_lib), ROOT} if not self.inplace else {ROOT}:
            out = base / "game" / native.MANIFEST
            if out.parent.exists():
                out.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")

    def build_extension(self, ext) -> None:
        try:
            super().build_extension(ext)
        except Exception as exc:
            raise RuntimeError(f"{ext.name}: {exc}") from exc


setup(packages=[*find_packages(include=["game", "game.*"]), "game.scenarios"],
      ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
