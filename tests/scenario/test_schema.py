"""The published JSON Schema is generated from the models and must never go stale (habit 8)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.scenario.commands import run_schema
from game.scenario.schema import SCHEMA_ID, SCHEMA_PATH, build_schema, render_schema

HERE = Path(__file__).parent
STALE = (
    "scenarios/scenario.schema.json is stale: the models changed. "
    "Run `python main.py schema` and commit the result."
)


def test_committed_schema_matches_the_models() -> None:
    assert SCHEMA_PATH.exists(), STALE
    committed = SCHEMA_PATH.read_text(encoding="utf-8")
    assert json.loads(committed) == build_schema(), STALE
    assert committed == render_schema(), STALE + " (the formatting differs)"


def test_schema_has_identity_and_covers_the_top_level_fields() -> None:
    schema = build_schema()
    assert schema["$id"] == SCHEMA_ID
    assert schema["title"] == "Dealcraft scenario"
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["additionalProperties"] is False
    assert {"id", "customer", "stakeholders", "vendors", "events"} <= set(schema["properties"])


def test_run_schema_writes_the_rendered_schema(tmp_path: Path, capsys) -> None:
    target = tmp_path / "out" / "scenario.schema.json"
    assert run_schema(str(target)) == 0
    assert target.read_text(encoding="utf-8") == render_schema()
    assert str(target) in capsys.readouterr().out


def test_run_schema_reports_an_unwritable_path(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert run_schema(str(blocker / "scenario.schema.json")) == 1
    assert "cannot write" in capsys.readouterr().err


def test_minimal_scenario_points_editors_at_the_schema() -> None:
    good = HERE / "good" / "minimal.yaml"
    first = good.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    assert (good.parent / first.split("=", 1)[1]).resolve() == SCHEMA_PATH


def test_minimal_scenario_satisfies_the_json_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    data = yaml.safe_load((HERE / "good" / "minimal.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(data, build_schema())
