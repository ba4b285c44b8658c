"""Damaged saves are refused whole, never half-loaded: cut short, a byte flipped, a field
dropped or retyped, a wrong format version, a move the rules forbid, a header that lies.
Hundreds of mutated saves (hypothesis): each is refused with SaveError, or it loads and
plays on without an error, because what loads is the game rebuilt from its record.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import __version__
from game.core.engine import new_game
from game.core.views import trainer_view, view
from game.i18n import tr
from game.save import SaveError, load_save, save_text
from game.save_file import _checksum
from game.scenario.loader import load_scenario
from game.sim.play import default_planner, play_week
from tests.test_save_slots import legacy_text

REPO = Path(__file__).resolve().parents[1]


def _mid_game(weeks: int = 6):
    spec = load_scenario(REPO / "scenarios" / "city_hospital.yaml")
    state = new_game(spec, 21)
    planners = {vid: default_planner(vid) for vid in state.vendors}
    for _ in range(weeks):
        play_week(state, planners)
    return state


STATE = _mid_game()
CURRENT = save_text(STATE, {"team": "A"}, game_id="g", mode="solo", language="en")
LEGACY = legacy_text(STATE, {"team": "A"})


def _write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "save.json"
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    return path


def _refused(tmp_path: Path, text: str | bytes) -> SaveError:
    with pytest.raises(SaveError) as err:
        load_save(_write(tmp_path, text))
    assert err.value.key.startswith("save.error.")
    assert "save.json" in str(err.value)
    return err.value


def _resealed(data: dict[str, Any]) -> str:
    """The save after a hand edit that also recomputed the checksum."""
    data["checksum"] = _checksum(data["header"], data["game"])
    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize("cut", [0, 1, 100, len(CURRENT) // 2, len(CURRENT) - 3])
def test_a_save_cut_short_is_refused(tmp_path: Path, cut: int):
    _refused(tmp_path, CURRENT[:cut])


@pytest.mark.parametrize("where", [20, 300, len(CURRENT) // 3, len(CURRENT) - 40])
def test_a_flipped_byte_is_refused(tmp_path: Path, where: int):
    raw = bytearray(CURRENT.encode("utf-8"))
    raw[where] ^= 0x04
    assert _refused(tmp_path, bytes(raw)).key == "save.error.damaged"


@pytest.mark.parametrize("field", ["header", "game", "checksum"])
def test_a_dropped_part_is_refused(tmp_path: Path, field: str):
    data = json.loads(CURRENT)
    del data[field]
    _refused(tmp_path, json.dumps(data))


@pytest.mark.parametrize(("part", "field", "value"), [
    ("game", "seed", "21"),
    ("game", "seed", 22),
    ("game", "plans", {}),
    ("game", "hash", None),
    ("game", "spec", []),
    ("header", "week", "7"),
    ("header", "week", 9),
    ("header", "finished", True),
    ("header", "scenario_id", "mes_factory"),
    ("header", "game_id", "../../elsewhere"),
    ("header", "mode", "coop"),
    ("header", "saved_at", "yesterday"),
])
def test_a_retyped_or_edited_field_is_refused_even_with_a_fresh_checksum(
        tmp_path: Path, part: str, field: str, value: Any):
    data = json.loads(CURRENT)
    data[part][field] = value
    _refused(tmp_path, json.dumps(data))  # the checksum no longer matches
    _refused(tmp_path, _resealed(data))  # and the record or header is checked on its own


def test_a_dropped_spec_field_is_refused(tmp_path: Path):
    data = json.loads(CURRENT)
    del data["game"]["spec"]["stakeholders"][0]["influence"]
    _refused(tmp_path, _resealed(data))
    legacy = json.loads(LEGACY)
    del legacy["spec"]["vendors"]
    _refused(tmp_path, json.dumps(legacy))


def test_a_move_the_rules_forbid_is_refused(tmp_path: Path):
    data = json.loads(CURRENT)
    team = next(iter(data["game"]["plans"][0]))
    data["game"]["plans"][0][team] = [{"kind": "exec_visit", "target": "nobody"}] * 9
    assert _refused(tmp_path, _resealed(data)).key == "save.error.illegal"
    data["game"]["plans"][0][team] = [{"target": "x"}]
    assert _refused(tmp_path, _resealed(data)).key == "save.error.damaged"


def test_a_record_that_gives_another_game_names_the_version(tmp_path: Path):
    data = json.loads(CURRENT)
    data["game"]["plans"][-1] = {vid: [] for vid in data["game"]["plans"][-1]}
    data["header"]["version"] = "0.0.9"
    err = _refused(tmp_path, _resealed(data))
    assert err.key == "save.error.rules" and err.params["version"] == "0.0.9"
    assert "0.0.9" in str(err)


@pytest.mark.parametrize(("fmt", "key"), [(3, "save.error.newer"), (0, "save.error.not_a_save"),
                                          ("2", "save.error.not_a_save"),
                                          (True, "save.error.not_a_save")])
def test_a_wrong_format_version_is_refused(tmp_path: Path, fmt: Any, key: str):
    data = json.loads(CURRENT)
    data["format"] = fmt
    assert _refused(tmp_path, json.dumps(data)).key == key


@pytest.mark.parametrize("text", [b"", b"\xff\xfe{}", b"[]", b"null", b'{"format": NaN}',
                                  b"[" * 100_000])
def test_other_files_are_refused(tmp_path: Path, text: bytes):
    _refused(tmp_path, text)


def test_a_missing_or_unreadable_file_is_refused(tmp_path: Path):
    with pytest.raises(SaveError) as err:
        load_save(tmp_path / "gone.json")
    assert err.value.key == "save.error.missing" and err.value.fallback is None
    with pytest.raises(SaveError) as err:
        load_save(tmp_path)
    assert err.value.key == "save.error.not_a_save"


# --- mutations at random ---------------------------------------------------------------------


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every key or index path in a JSON document."""
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


CURRENT_DATA = json.loads(CURRENT)
LEGACY_DATA = json.loads(LEGACY)
PATHS = {"current": _paths(CURRENT_DATA), "legacy": _paths(LEGACY_DATA)}
OTHER_VALUES = st.sampled_from([None, True, 0, -1, 7, 2.5, 1e12, "", "x", "A", [], {}, [1],
                                {"kind": "x"}])


@st.composite
def mutated(draw: st.DrawFn, which: str) -> bytes:
    base, data = (CURRENT, CURRENT_DATA) if which == "current" else (LEGACY, LEGACY_DATA)
    how = draw(st.sampled_from(["cut", "flip", "drop", "retype", "swap"]))
    if how in ("cut", "flip"):
        raw = bytearray(base.encode("utf-8"))
        at = draw(st.integers(0, len(raw) - 1))
        if how == "cut":
            return bytes(raw[:at])
        raw[at] ^= draw(st.integers(1, 255))
        return bytes(raw)
    data = copy.deepcopy(data)
    path = draw(st.sampled_from(PATHS[which]))
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    if how == "drop":
        del parent[path[-1]]
    elif how == "retype":
        parent[path[-1]] = draw(OTHER_VALUES)
    else:  # two neighbours swapped, as a careless hand edit does
        other = draw(st.sampled_from(PATHS[which]))
        if other[:-1] == path[:-1]:
            parent[path[-1]], parent[other[-1]] = parent[other[-1]], parent[path[-1]]
    if which == "current" and draw(st.booleans()) and isinstance(data.get("header"), dict) \
            and isinstance(data.get("game"), dict):
        try:
            data["checksum"] = _checksum(data["header"], data["game"])  # edited, then resealed
        except (TypeError, ValueError):
            pass
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _plays_on(path: Path) -> None:
    """Load, then everything the window does with a game: views, a trainer view, two weeks."""
    try:
        state = load_save(path).state
    except SaveError:
        return
    planners = {vid: default_planner(vid) for vid in state.vendors}
    for _ in range(2):
        if state.over:
            break
        for vid in state.vendors:
            view(state, vid)
        trainer_view(state)
        play_week(state, planners)


@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=mutated("current"))
def test_mutated_saves_are_refused_or_play_on(tmp_path: Path, text: bytes):
    _plays_on(_write(tmp_path, text))


@settings(max_examples=100, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=mutated("legacy"))
def test_mutated_legacy_saves_are_refused_or_play_on(tmp_path: Path, text: bytes):
    _plays_on(_write(tmp_path, text))


def test_a_save_from_0_2_0_that_plays_differently_is_refused_naming_0_2_0(tmp_path: Path):
    # What a 0.2.0 save looks like to this version: its header names 0.2.0, and the state
    # hash it recorded is one today's rules do not reach from its moves (0.3.0 changed them).
    data = json.loads(CURRENT)
    data["header"]["version"] = "0.2.0"
    data["game"]["hash"] = "0" * len(data["game"]["hash"])
    err = _refused(tmp_path, _resealed(data))
    assert err.key == "save.error.rules"
    assert err.params == {"name": "save.json", "version": "0.2.0"}
    assert "0.2.0" in str(err) and "0.3.0" in str(err)
    for lang in ("zh", "en"):
        text = tr(err.key, lang, **err.params)
        assert text != err.key and "0.2.0" in text and "save.json" in text
    assert tr(err.key, "zh", **err.params) != tr(err.key, "en", **err.params)


def test_a_save_of_this_version_whose_replay_differs_is_damaged_not_another_version(
        tmp_path: Path):
    data = json.loads(CURRENT)
    assert data["header"]["version"] == __version__
    data["game"]["hash"] = "0" * len(data["game"]["hash"])
    assert _refused(tmp_path, _resealed(data)).key == "save.error.damaged"
