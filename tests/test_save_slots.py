"""One autosave slot per game, the previous week kept as its fallback, a load list read from
headers, and saves written before game ids (format 1) still loading."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game import paths
from game.core.engine import new_game
from game.core.serialize import state_hash, state_to_dict
from game.save import (
    SaveError,
    autosave,
    autosave_path,
    find_save,
    list_saves,
    load_meta,
    load_save,
    read_info,
    save_game,
)
from game.save_file import LEGACY_FORMAT
from game.scenario.loader import load_scenario
from game.sim.play import default_planner, play_game, play_week

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def city():
    return load_scenario(REPO / "scenarios" / "city_hospital.yaml")


@pytest.fixture(scope="module")
def mes():
    return load_scenario(REPO / "scenarios" / "mes_factory.yaml")


def _game(spec, seed: int, weeks: int):
    state = new_game(spec, seed)
    planners = {vid: default_planner(vid) for vid in state.vendors}
    for _ in range(weeks):
        play_week(state, planners)
    return state, planners


def legacy_text(state, meta: dict) -> str:
    """A save exactly as the game wrote it before this format (format 1: the whole state,
    its hash and the meta), so saves on players' disks keep loading."""
    d = state_to_dict(state)
    d["format"] = LEGACY_FORMAT  # the file's format then was the state's, 1 (the state's own
    # format has moved on since: today's state_to_dict says 2, which is the new file format)
    d["hash"] = state_hash(state)
    d["meta"] = meta
    return json.dumps(d, ensure_ascii=False)


def test_two_games_keep_their_own_autosaves(city, mes, tmp_path: Path):
    solo, planners = _game(city, 1, 3)
    autosave(solo, "solo-game", tmp_path, mode="solo", language="en")
    team, _ = _game(mes, 2, 1)
    autosave(team, "team-game", tmp_path, mode="team", language="zh")
    saves = list_saves(tmp_path)
    assert [s.game_id for s in saves] == ["team-game", "solo-game"], "newest first"
    first = saves[1]
    assert (first.scenario_id, first.mode, first.week, first.language, first.finished) == (
        "city_hospital", "solo", 4, "en", False)
    assert first.scenario_title["en"].startswith("Linjiang") and first.autosave
    assert saves[0].mode == "team" and saves[0].language == "zh"
    assert state_hash(load_save(first.path).state) == state_hash(solo)


def test_the_week_before_is_kept_and_offered_when_the_newest_is_damaged(city, tmp_path: Path):
    state, planners = _game(city, 5, 2)
    autosave(state, "g1", tmp_path)
    week3 = state_hash(state)
    autosave(state, "g1", tmp_path)  # saved twice in one week: the fallback stays older
    play_week(state, planners)
    path = autosave(state, "g1", tmp_path)
    prev = tmp_path / "autosave-g1.prev.json"
    assert state_hash(load_save(prev).state) == week3
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x20
    path.write_bytes(bytes(raw))
    with pytest.raises(SaveError) as err:
        load_save(path)
    assert err.value.key == "save.error.damaged" and err.value.fallback == prev
    assert err.value.params == {"name": path.name}


def test_a_damaged_newest_autosave_never_replaces_the_fallback(city, tmp_path: Path):
    state, planners = _game(city, 6, 2)
    path = autosave(state, "g2", tmp_path)
    play_week(state, planners)
    autosave(state, "g2", tmp_path)
    good_prev = (tmp_path / "autosave-g2.prev.json").read_text(encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8")[:500], encoding="utf-8")  # cut short
    play_week(state, planners)
    autosave(state, "g2", tmp_path)
    assert (tmp_path / "autosave-g2.prev.json").read_text(encoding="utf-8") == good_prev
    assert load_save(path).state.week == state.week


def test_an_autosave_with_an_unreadable_header_is_listed_by_its_fallback(city, tmp_path: Path):
    state, planners = _game(city, 7, 1)
    autosave(state, "g3", tmp_path)
    play_week(state, planners)
    path = autosave(state, "g3", tmp_path)
    path.write_bytes(b"\x00" * 40)
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")  # not a save: left out
    saves = list_saves(tmp_path)
    assert [(s.path.name, s.week) for s in saves] == [("autosave-g3.prev.json", 2)]


def test_the_list_reads_only_the_header(city, tmp_path: Path):
    """A body cut away still lists (one header line read), and is then refused on load."""
    state, _ = _game(city, 8, 1)
    path = tmp_path / "mine.json"
    save_game(state, path, {"team": "x"}, game_id="g4")
    head = path.read_bytes().split(b"\n", 1)[0]
    path.write_bytes(head + b"\n")
    (info,) = list_saves(tmp_path)
    assert (info.game_id, info.week, info.path) == ("g4", 2, path)
    assert load_meta(path) == {"team": "x"}
    with pytest.raises(SaveError):
        load_save(path)


def test_a_save_made_before_game_ids_still_loads_and_lists(city, tmp_path: Path):
    state = play_game(city, 9)
    meta = {"kind": "dealcraft", "title": {"zh": "z", "en": "e"}, "scenario": city.id,
            "week": state.week, "team": "A", "in_progress": False,
            "setup": {"mode": "team", "seed": 9}}
    path = tmp_path / "autosave.json"
    path.write_text(legacy_text(state, meta), encoding="utf-8")
    loaded = load_save(path)
    assert state_hash(loaded.state) == state_hash(state)
    assert loaded.meta == meta and load_meta(path) == meta
    info = read_info(path)
    assert (info.mode, info.week, info.finished, info.language) == ("team", state.week, True,
                                                                     None)
    assert info.game_id.startswith("legacy-") and info.autosave
    assert list_saves(tmp_path) == [info]


def test_a_legacy_save_whose_stored_state_was_damaged_still_rebuilds(city, tmp_path: Path):
    """Only the scenario, seed and plans count: a spoiled copy of the state is not used."""
    state = play_game(city, 10)
    data = json.loads(legacy_text(state, {}))
    data["people"] = {"nobody": 1}
    data["week"] = "twelve"
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert state_hash(load_save(path).state) == state_hash(state)


def test_autosaves_go_to_the_users_data_folder(city, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("DEALCRAFT_DATA_DIR", str(tmp_path / "data"))
    state, _ = _game(city, 11, 0)
    path = autosave(state, "g5")
    assert path == tmp_path / "data" / "saves" / "autosave-g5.json"
    assert [s.path for s in list_saves()] == [path]
    assert find_save("g5") == path and find_save("autosave-g5.json") == path
    assert find_save(str(path)) == path


def test_the_window_and_the_saves_agree_on_the_data_folder(monkeypatch, tmp_path: Path):
    from game.ui.settings import data_dir

    assert data_dir() == paths.data_dir()
    monkeypatch.setenv("DEALCRAFT_DATA_DIR", str(tmp_path))
    assert data_dir() == paths.data_dir() == tmp_path


@pytest.mark.parametrize("bad", ["", "../up", "a/b", "x" * 81, "-lead"])
def test_a_game_id_never_leaves_the_saves_folder(bad: str, tmp_path: Path):
    with pytest.raises(ValueError):
        autosave_path(bad, tmp_path)


def test_no_temporary_files_are_listed_or_left(city, tmp_path: Path):
    state, _ = _game(city, 12, 1)
    autosave(state, "g6", tmp_path)
    autosave(state, "g6", tmp_path)
    assert sorted(os.listdir(tmp_path)) == ["autosave-g6.json"]
