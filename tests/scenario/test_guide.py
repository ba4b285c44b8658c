"""The authoring guide: generated sections are current, complete, and the walk-through works."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.scenario.guide import (
    EXAMPLES,
    MEANING,
    README,
    example_text,
    examples,
    meaning,
    models_in_order,
    render_readme,
    run_guide,
)
from game.scenario.lint import lint_text, render_warning
from game.scenario.loader import load_scenario_text
from game.sim.play import play_game

STALE = "scenarios/README.md is stale: run `python main.py guide` and commit the result."
TEXT = README.read_text(encoding="utf-8")


def _fields() -> list[tuple[type, str]]:
    return [(model, name) for model, _ in models_in_order() for name in model.model_fields]


def test_generated_sections_match_the_code() -> None:
    assert render_readme(TEXT) == TEXT, STALE


def test_every_field_has_a_meaning_and_an_example() -> None:
    found = examples()
    missing = [f"{model.__name__}.{name}" for model, name in _fields()
               if not meaning(model, name) or not example_text(model, name, found)]
    assert not missing, f"describe these in the models (or guide.MEANING/EXAMPLES): {missing}"


def test_fallback_meanings_and_examples_are_still_needed() -> None:
    fields = {f"{model.__name__}.{name}": model.model_fields[name] for model, name in _fields()}
    assert set(MEANING) <= set(fields) and set(EXAMPLES) <= set(fields)
    described = [k for k in MEANING if fields[k].description]
    assert not described, f"the models now describe these; drop them from MEANING: {described}"
    found = examples()
    shipped = [k for k in EXAMPLES if k in found]
    assert not shipped, f"shipped scenarios now show these; drop them from EXAMPLES: {shipped}"


def test_every_link_in_the_guide_has_a_target() -> None:
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', TEXT))
    for heading in re.findall(r"^#+ (.+)$", TEXT, re.M):
        anchors.add(re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-"))
    links = set(re.findall(r"\]\(#([^)]+)\)", TEXT))
    assert links - anchors == set()


@pytest.fixture(scope="module")
def walkthrough() -> str:
    start, end = TEXT.index("<!-- walkthrough:start -->"), TEXT.index("<!-- walkthrough:end -->")
    blocks = re.findall(r"```yaml\n(.*?)```", TEXT[start:end], re.S)
    assert len(blocks) == 5
    return "".join(blocks)


def test_walkthrough_builds_a_scenario_that_lints_clean(walkthrough: str) -> None:
    spec = load_scenario_text(walkthrough, "campus_network.yaml")
    assert spec.id == "campus_network"
    found = lint_text(walkthrough, "campus_network.yaml")
    assert found == [], "\n".join(render_warning(i) for i in found)


def test_walkthrough_scenario_plays_to_a_deal(walkthrough: str) -> None:
    spec = load_scenario_text(walkthrough, "campus_network.yaml")
    outcomes = [play_game(spec, seed).outcome for seed in (1, 2, 3)]
    assert all(o["result"] != "no_deal" for o in outcomes)


@pytest.mark.parametrize("path", sorted(README.parent.glob("*.yaml")), ids=lambda p: p.stem)
def test_shipped_scenarios_point_editors_at_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=scenario.schema.json"


def test_render_refuses_a_readme_without_its_markers() -> None:
    with pytest.raises(ValueError, match="BEGIN GENERATED fields"):
        render_readme("# a guide with no generated blocks\n")


def test_guide_check_reports_a_stale_copy(tmp_path: Path, capsys) -> None:
    copy = tmp_path / "README.md"
    copy.write_text(TEXT.replace("| `lint/role_unheld` |", "| `lint/old_name` |"),
                    encoding="utf-8")
    assert run_guide(check=True, path=copy) == 1
    assert "stale" in capsys.readouterr().out
    assert run_guide(path=copy) == 0
    assert copy.read_text(encoding="utf-8") == TEXT
    assert run_guide(check=True, path=copy) == 0
