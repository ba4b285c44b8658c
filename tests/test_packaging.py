"""Installed like any package: the wheel built from a copy of the sources carries the
scenarios and texts; installed into a fresh virtualenv in a temporary folder outside the
repository, `dealcraft` lists the shipped scenarios, plays a game headless by name and runs
the window benchmark. Built and installed once per test run (pip's cache makes the install
offline after the first time; only PyPI is reached)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SOURCES = ("pyproject.toml", "setup.py", "README.md", "game", "scenarios")


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None,
         timeout: int = 300) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=timeout, check=False)
    assert done.returncode == 0, f"{' '.join(cmd)}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in SOURCES:
        item = REPO / name
        if item.is_dir():
            shutil.copytree(item, src / name, ignore=shutil.ignore_patterns(
                "__pycache__", "*.so", "*.c", "_native.json"))
        else:
            shutil.copy2(item, src / name)
    out = tmp_path_factory.mktemp("wheel")
    # The rules are left uncompiled here (compiling them takes minutes; `make dist` builds
    # the compiled wheel): what this checks is what the wheel carries and how it installs.
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), "."],
         src, {**os.environ, "DEALCRAFT_NO_BUILD": "1"})
    (built,) = out.glob("dealcraft-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """(bin folder, environment) of a fresh venv holding the wheel and its dependencies."""
    root = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False).create(root)
    python = root / ("Scripts" if os.name == "nt" else "bin") / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
          "--no-compile", str(wheel)], root, timeout=900)
    home = tmp_path_factory.mktemp("home")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               DEALCRAFT_DATA_DIR=str(home / "data"), DEALCRAFT_CONFIG_DIR=str(home / "config"))
    return python.parent, env


def test_the_wheel_carries_the_scenarios_and_texts(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.name for p in (REPO / "scenarios").iterdir() if p.is_file()}
    assert {f"game/scenarios/{name}" for name in shipped} <= names
    assert {"game/i18n/zh.json", "game/i18n/en.json", "game/cli.py"} <= names
    assert not any(n.startswith(("tests/", "scenarios/", "assets/")) for n in names)


def test_the_installed_game_plays_by_name_outside_the_repository(installed, tmp_path: Path):
    bin_dir, env = installed
    where = _run([str(bin_dir / "python"), "-c", "import game; print(game.__file__)"],
                 tmp_path, env).stdout
    assert Path(where.strip()).is_relative_to(bin_dir.parent), "imported from the repository"
    listing = _run([str(bin_dir / "dealcraft"), "scenarios"], tmp_path, env).stdout
    assert "shipped  city_hospital" in listing and "site-packages" in listing
    played = _run([str(bin_dir / "dealcraft"), "simulate", "city_hospital", "--seed", "1",
                   "--save", "game.json"], tmp_path, env).stdout
    assert "Outcome" in played and "Winner:" in played
    checked = _run([str(bin_dir / "dealcraft"), "validate", "telecom_network"], tmp_path, env)
    assert checked.stdout.startswith("ok ")
    saves = _run([str(bin_dir / "dealcraft"), "saves"], tmp_path, env).stdout
    assert "no saves in" in saves  # simulate --save wrote to this folder, not the data folder
    assert (tmp_path / "game.json").stat().st_size > 1000


def test_the_window_benchmark_runs_from_the_installed_wheel(installed, tmp_path: Path):
    bin_dir, env = installed
    out = _run([str(bin_dir / "dealcraft"), "bench", "ui"], tmp_path, env).stdout
    keys = dict(line.split(": ", 1) for line in out.splitlines() if ": " in line)
    assert float(keys["startup_s"]) > 0 and float(keys["frame_ms"]) > 0
