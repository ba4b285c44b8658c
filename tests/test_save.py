"""Saves on disk: a round trip keeps the game, and a save interrupted mid-write leaves the
previous save intact and no temporary file behind.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from game import save as save_mod
from game.core.engine import new_game
from game.core.serialize import state_hash
from game.save import SaveError, load_game, load_meta, save_game, write_atomic
from game.scenario.loader import load_scenario
from game.sim.play import play_game, play_week

REPO = Path(__file__).resolve().parents[1]
CITY = REPO / "scenarios" / "city_hospital.yaml"


@pytest.fixture(scope="module")
def spec():
    return load_scenario(CITY)


def _leftovers(folder: Path, keep: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != keep)


def test_save_and_load_round_trip(spec, tmp_path: Path):
    state = play_game(spec, 4)
    path = tmp_path / "games" / "one.json"
    save_game(state, path, {"team": "A"})
    loaded = load_game(path)
    assert state_hash(loaded) == state_hash(state)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["game"]["hash"] == state_hash(state)
    assert load_meta(path) == {"team": "A"}
    assert _leftovers(path.parent, "one.json") == []


def test_a_mid_game_save_plays_on(spec, tmp_path: Path):
    from game.ai.basic import plan_week

    state = new_game(spec, 8)
    planners = {vid: plan_week for vid in state.vendors}
    for _ in range(5):
        play_week(state, planners)
    save_game(state, tmp_path / "mid.json")
    loaded = load_game(tmp_path / "mid.json")
    while not state.over:
        play_week(state, planners)
        play_week(loaded, planners)
    assert state_hash(loaded) == state_hash(state)


def _two_saves(spec, path: Path):
    old = new_game(spec, 1)
    save_game(old, path)
    new = play_game(spec, 2)
    return old, new


def test_a_failed_rename_keeps_the_old_save(spec, tmp_path: Path, monkeypatch):
    path = tmp_path / "slot.json"
    old, new = _two_saves(spec, path)

    def crash(src, dst):
        raise OSError("disk pulled out")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        save_game(new, path)
    monkeypatch.undo()
    assert state_hash(load_game(path)) == state_hash(old)
    assert _leftovers(tmp_path, "slot.json") == []


class HalfWriter(io.StringIO):
    """A file that takes half of what it is given, then fails like a full disk."""

    def __init__(self, real):
        super().__init__()
        self.real = real

    def write(self, s: str) -> int:
        self.real.write(s[: len(s) // 2])
        self.real.flush()
        raise OSError(28, "No space left on device")

    def __exit__(self, *exc):
        self.real.close()
        return False


def test_a_write_failing_midway_keeps_the_old_save(spec, tmp_path: Path, monkeypatch):
    path = tmp_path / "slot.json"
    old, new = _two_saves(spec, path)
    real_fdopen = os.fdopen
    monkeypatch.setattr(save_mod.os, "fdopen",
                        lambda fd, *a, **kw: HalfWriter(real_fdopen(fd, *a, **kw)))
    with pytest.raises(OSError):
        save_game(new, path)
    monkeypatch.undo()
    assert state_hash(load_game(path)) == state_hash(old)
    assert _leftovers(tmp_path, "slot.json") == []


def test_a_failed_flush_to_disk_keeps_the_old_save(spec, tmp_path: Path, monkeypatch):
    path = tmp_path / "slot.json"
    old, new = _two_saves(spec, path)

    def fail(fd):
        raise OSError("I/O error")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError):
        save_game(new, path)
    monkeypatch.undo()
    assert state_hash(load_game(path)) == state_hash(old)
    assert _leftovers(tmp_path, "slot.json") == []


def test_write_atomic_replaces_the_whole_file(tmp_path: Path):
    path = tmp_path / "f.txt"
    write_atomic(path, "a much longer first version")
    write_atomic(path, "short")
    assert path.read_text(encoding="utf-8") == "short"


@pytest.mark.parametrize(("content", "words"), [
    (None, "no such save file"),
    ("{not json", "not a valid save"),
    ('{"format": 999}', "unsupported save format"),
    ('{"format": 1, "seed": 1}', "damaged or incomplete"),
])
def test_bad_saves_give_a_readable_error(tmp_path: Path, content, words: str):
    path = tmp_path / "bad.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(SaveError) as err:
        load_game(path)
    assert str(path) in str(err.value) and words in str(err.value)
