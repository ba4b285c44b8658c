"""Scenarios by path or by bare name (current folder, then the user's folder, then the
shipped ones), a clear error naming where it looked, and the list with each one's source;
every command that takes a scenario (or a save) accepts a name."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from game import cli
from game.scenario import library
from game.scenario.commands import run_validate
from game.scenario.library import (
    ScenarioNotFound,
    authoring_dir,
    find_scenario,
    list_scenarios,
    shipped_dir,
)
from game.scenario.lint import run_lint

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "scenarios"
MINIMAL = REPO / "tests" / "scenario" / "good" / "minimal.yaml"


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A current folder and a user data folder of the test's own."""
    here, data = tmp_path / "here", tmp_path / "data"
    here.mkdir()
    monkeypatch.chdir(here)
    monkeypatch.setenv("DEALCRAFT_DATA_DIR", str(data))
    return here, data / "scenarios"


def test_the_shipped_scenarios_are_found_by_name(places):
    assert shipped_dir() == SHIPPED and authoring_dir() == SHIPPED
    assert find_scenario("city_hospital") == SHIPPED / "city_hospital.yaml"
    assert find_scenario("city_hospital.yaml") == SHIPPED / "city_hospital.yaml"
    assert find_scenario(SHIPPED / "mes_factory.yaml") == SHIPPED / "mes_factory.yaml"


def test_the_current_folder_wins_then_the_users_folder(places):
    here, user = places
    user.mkdir(parents=True)
    shutil.copy(MINIMAL, user / "city_hospital.yaml")
    assert find_scenario("city_hospital") == user / "city_hospital.yaml"
    shutil.copy(MINIMAL, here / "city_hospital.yml")
    assert find_scenario("city_hospital") == Path.cwd() / "city_hospital.yml"


def test_a_name_that_finds_nothing_says_where_it_looked(places):
    here, user = places
    with pytest.raises(ScenarioNotFound) as err:
        find_scenario("steel_mill")
    text = str(err.value)
    for place in (str(Path.cwd()), str(user), str(SHIPPED), "steel_mill.yaml", "city_hospital"):
        assert place in text
    assert err.value.issues[0].code == "scenario/not_found"


@pytest.mark.parametrize(("arg", "words"), [("nowhere/steel.yaml", "there is no such file"),
                                             (".", "this is a folder")])
def test_a_path_is_only_a_path(places, arg: str, words: str):
    with pytest.raises(ScenarioNotFound, match=words):
        find_scenario(arg)


def test_the_list_says_where_each_comes_from(places):
    here, user = places
    user.mkdir(parents=True)
    shutil.copy(MINIMAL, user / "mine.yaml")
    (user / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    shutil.copy(MINIMAL, here / "local.yaml")
    (here / "ci.yml").write_text("jobs: {}\n", encoding="utf-8")  # not a scenario: left out
    entries = list_scenarios()
    got = [(e.source, e.path.name, bool(e.error)) for e in entries]
    assert got[:3] == [("here", "local.yaml", False), ("user", "broken.yaml", True),
                       ("user", "mine.yaml", False)]
    shipped = [e for e in entries if e.source == "shipped"]
    assert {e.id for e in shipped} >= {"city_hospital", "mes_factory", "logistics_tms",
                                       "telecom_network"}
    city = next(e for e in shipped if e.id == "city_hospital")
    assert city.title["en"].startswith("Linjiang") and city.title["zh"]
    assert list_scenarios(("user",)) == entries[1:3]


def test_the_shipped_folder_is_listed_once_when_it_is_the_current_one(monkeypatch, tmp_path):
    monkeypatch.chdir(SHIPPED)
    monkeypatch.setenv("DEALCRAFT_DATA_DIR", str(tmp_path))
    entries = list_scenarios()
    assert entries and {e.source for e in entries} == {"shipped"}


def test_an_installed_game_uses_its_package_data(places, monkeypatch, tmp_path: Path):
    packaged = tmp_path / "site" / "game" / "scenarios"
    shutil.copytree(SHIPPED, packaged)
    monkeypatch.setattr(library, "_PACKAGED", packaged)
    _here, user = places
    assert shipped_dir() == packaged
    assert find_scenario("telecom_network") == packaged / "telecom_network.yaml"
    assert authoring_dir() == user, "`new` never writes into the installed package"


def test_commands_take_a_name(places, capsys):
    out = io.StringIO()
    assert run_validate(["city_hospital"], out) == 0
    assert str(SHIPPED / "city_hospital.yaml") in out.getvalue()
    assert run_validate(["steel_mill"], out) == 1
    assert "no scenario named 'steel_mill'" in out.getvalue()
    assert run_lint(["nope"], out) == 1
    assert "looked for nope.yaml" in out.getvalue()
    assert cli.main(["simulate", "steel_mill"]) == 1
    assert "no scenario named 'steel_mill'" in capsys.readouterr().err
    assert cli.main(["balance", "steel_mill", "--games", "1", "--quiet"]) == 1
    assert "no scenario named 'steel_mill'" in capsys.readouterr().err


def test_simulate_by_name_saves_and_the_report_finds_the_save_by_name(places, capsys,
                                                                     monkeypatch):
    from game.report import charts

    monkeypatch.setattr(charts, "render_charts", lambda data: {})  # the lookup is tested here
    here, _user = places
    assert cli.main(["simulate", "logistics_tms", "--seed", "2", "--save",
                     str(here / "game.json")]) == 0
    assert "Outcome" in capsys.readouterr().out
    saves = here.parent / "data" / "saves"
    saves.mkdir(parents=True)
    shutil.move(here / "game.json", saves / "game.json")
    assert cli.main(["saves"]) == 0
    listed = capsys.readouterr().out
    assert "game.json" in listed and "finished" in listed and "Yuanhang" in listed
    assert cli.main(["report", "game", "--out", str(here / "r.html"), "--lang", "en"]) == 0
    assert "Yuanhang" in (here / "r.html").read_text(encoding="utf-8")


def test_the_scenarios_command_lists_sources_and_folders(places, capsys):
    assert cli.main(["scenarios"]) == 0
    out = capsys.readouterr().out
    assert "shipped  city_hospital" in out and str(SHIPPED) in out and "here" in out
