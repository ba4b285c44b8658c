"""The rules run the same compiled and interpreted, and a build never shadows its sources.

The build compiles the modules `game.native` lists; the same files run uncompiled when
`DEALCRAFT_PURE` is set or the build does not match its sources. A game is a seed and its
plans, so both ways must reach the same state hash week by week (this also runs the
interpreted path on every `make test`, as CI must).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import game
from game import native
from game.ai.agents import make_agent
from game.core import ids
from game.core.serialize import state_hash
from game.scenario.loader import load_scenario
from game.sim.play import play_game

REPO = Path(__file__).resolve().parents[2]
SCENARIOS = sorted((REPO / "scenarios").glob("*.yaml"))
GAMES = [(path, seed) for path in SCENARIOS for seed in (3, 8)]

def played(path: str, seed: int):
    """One recorded game, every vendor playing its scenario playbook (normal): the rules and
    the AI, both compiled or both interpreted."""
    spec = load_scenario(path)
    agents = {v.id: make_agent(v.playbook.value, "normal", seed) for v in spec.vendors}
    return play_game(spec, seed, agents)


_HASHES = """
import json, sys
import game
from game.core.serialize import state_hash
from tests.core.test_native import played
out = {"compiled": game.NATIVE["compiled"], "hashes": []}
for path, seed in json.loads(sys.argv[1]):
    out["hashes"].append(state_hash(played(path, seed)))
print(json.dumps(out))
"""


def _hashes_in_a_new_process(env: dict[str, str]) -> dict:
    games = json.dumps([[str(p), s] for p, s in GAMES])
    done = subprocess.run([sys.executable, "-c", _HASHES, games], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_interpreted_and_compiled_rules_play_the_same_games() -> None:
    here = [state_hash(played(str(p), s)) for p, s in GAMES]
    pure = _hashes_in_a_new_process({**os.environ, native.PURE_ENV: "1"})
    assert pure["compiled"] is False
    assert pure["hashes"] == here
    if not game.NATIVE["compiled"]:
        pytest.skip(f"this run is interpreted too ({game.NATIVE['reason']}): compiled "
                    "and interpreted were not both exercised")


def test_the_build_record_names_every_compiled_module_and_its_sources(tmp_path: Path) -> None:
    files = native.source_files()
    names = {p.relative_to(REPO).with_suffix("").as_posix().replace("/", ".") for p in files}
    assert set(native.COMPILED) <= names
    assert all((REPO / m.replace(".", "/")).with_suffix(".py").exists() for m in native.COMPILED)


def test_an_edited_source_is_run_instead_of_its_build(tmp_path: Path) -> None:
    """Copy the package, pretend it was built, edit one rule: the game must use the source
    and say so once, not the stale build."""
    root = tmp_path / "copy"
    (root / "game").mkdir(parents=True)
    for path in native.source_files():
        target = root / path.relative_to(REPO)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    record = {"fingerprint": native.fingerprint(root), "modules": list(native.COMPILED)}
    (root / "game" / native.MANIFEST).write_text(json.dumps(record), encoding="utf-8")
    for name in native.COMPILED:  # a stand-in build next to every source
        base = root.joinpath(*name.split("."))
        suffix = native.importlib.machinery.EXTENSION_SUFFIXES[0]
        base.with_name(base.name + suffix).write_bytes(b"")
    assert native.status(root)["compiled"] is True
    rule = root / "game" / "core" / "resolve.py"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    st = native.status(root)
    assert st["compiled"] is False and "changed" in st["reason"]


def test_pure_mode_is_chosen_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(native.PURE_ENV, "1")
    assert native.status()["compiled"] is False


def test_the_c_enumeration_matches_ids() -> None:
    """ids.pxd is written by the build from ids.py; a stale copy would compile other numbers."""
    pxd = (REPO / "game" / "core" / "ids.pxd").read_text(encoding="utf-8")
    assert pxd == native.ids_pxd(ids.enum_constants())
