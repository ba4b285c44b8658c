"""`new NAME`: the starter scenario validates, lints clean, points at the schema and plays."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from game.scenario.lint import lint_file, render_warning
from game.scenario.loader import load_scenario
from game.scenario.schema import SCHEMA_PATH
from game.scenario.starter import register, run_new, target_for
from game.sim.play import play_game


@pytest.fixture(scope="module")
def starter(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("starter")
    assert run_new("water_deal", str(folder)) == 0
    return folder / "water_deal.yaml"


def test_starter_validates_with_the_given_id(starter: Path) -> None:
    spec = load_scenario(starter)
    assert spec.id == "water_deal"
    assert any(v.side == "team" for v in spec.vendors) and spec.events


def test_starter_lints_clean(starter: Path) -> None:
    found = lint_file(str(starter))
    assert found == [], "\n".join(render_warning(i) for i in found)


def test_starter_points_editors_at_the_shipped_schema(starter: Path) -> None:
    first = starter.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    assert (starter.parent / first.split("=", 1)[1]).resolve() == SCHEMA_PATH


def test_starter_plays_to_a_contract(starter: Path) -> None:
    spec = load_scenario(starter)
    outcomes = [play_game(spec, seed).outcome for seed in range(1, 7)]
    assert all(o is not None for o in outcomes)
    assert sum(o["result"] != "no_deal" for o in outcomes) >= 4


def test_new_refuses_to_overwrite_without_force(starter: Path, capsys) -> None:
    before = starter.read_text(encoding="utf-8")
    starter.write_text(before + "# my edits\n", encoding="utf-8")
    assert run_new("water_deal", str(starter.parent)) == 1
    assert "already exists" in capsys.readouterr().err
    assert starter.read_text(encoding="utf-8").endswith("# my edits\n")
    assert run_new("water_deal", str(starter.parent), force=True) == 0
    assert starter.read_text(encoding="utf-8") == before


@pytest.mark.parametrize("name", ["Water", "2nd_deal", "water-deal", "a b"])
def test_new_rejects_names_that_cannot_be_ids(name: str, tmp_path: Path, capsys) -> None:
    assert run_new(name, str(tmp_path)) == 1
    assert "cannot be a scenario id" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_name_may_be_a_yaml_path(tmp_path: Path) -> None:
    target = tmp_path / "deals" / "steel_mill.yaml"
    assert target_for(str(target), None) == ("steel_mill", target)
    assert run_new(str(target)) == 0
    assert load_scenario(target).id == "steel_mill"


def test_default_folder_is_the_current_folder(tmp_path: Path, monkeypatch) -> None:
    assert target_for("steel_mill", None) == ("steel_mill", Path("steel_mill.yaml"))
    monkeypatch.chdir(tmp_path)
    assert run_new("steel_mill") == 0
    written = tmp_path / "steel_mill.yaml"
    assert load_scenario(written).id == "steel_mill"
    first = written.read_text(encoding="utf-8").splitlines()[0]
    assert (tmp_path / first.split("=", 1)[1]).resolve() == SCHEMA_PATH
    assert lint_file(str(written)) == []


def test_register_adds_the_new_command(tmp_path: Path) -> None:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["new", "port_deal", "--dir", str(tmp_path)])
    assert args.func(args) == 0
    assert (tmp_path / "port_deal.yaml").exists()
