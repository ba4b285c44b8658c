"""The scenario library as the UI sees it: every shipped and user scenario, loaded or with
its error."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.paths import user_scenarios_dir
from game.scenario.library import shipped_dir
from game.scenario.models import ScenarioSpec

SCENARIO_DIR = shipped_dir()


@dataclass(frozen=True)
class ScenarioEntry:
    path: Path
    spec: ScenarioSpec | None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.spec is not None

    @property
    def key(self) -> str:
        return self.spec.id if self.spec is not None else self.path.stem


def load_spec(path: Path) -> ScenarioSpec:
    """Load one scenario through the project's loader, or plain YAML + the models."""
    try:
        from game.scenario.loader import load_scenario  # type: ignore[import-not-found]
    except ImportError:
        load_scenario = None
    if load_scenario is not None:
        result: Any = load_scenario(path)
        spec = getattr(result, "spec", result)
        if isinstance(spec, ScenarioSpec):
            return spec
        return ScenarioSpec.model_validate(spec)
    import yaml

    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return ScenarioSpec.model_validate(data)


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:300]


def list_scenarios(directory: Path | None = None) -> list[ScenarioEntry]:
    """All ``*.yaml``/``*.yml`` files in ``directory``, sorted; broken ones carry an error.
    Without a folder (or with the shipped one): the shipped scenarios, then the user's own."""
    folders = [directory] if directory not in (None, SCENARIO_DIR) else [SCENARIO_DIR,
                                                                           user_scenarios_dir()]
    entries: list[ScenarioEntry] = []
    paths = [path for folder in folders if folder is not None and folder.is_dir()
             for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])]
    for path in paths:
        try:
            entries.append(ScenarioEntry(path, load_spec(path)))
        except Exception as error:  # noqa: BLE001 - any authoring error is shown, not raised
            entries.append(ScenarioEntry(path, None, _first_line(error)))
    return entries


def team_vendor(spec: ScenarioSpec) -> Any:
    """The vendor the players' team plays: the first with ``side: team``, else the first."""
    for vendor in spec.vendors:
        if vendor.side == "team":
            return vendor
    return spec.vendors[0]


def rival_vendors(spec: ScenarioSpec) -> list[Any]:
    team = team_vendor(spec)
    return [v for v in spec.vendors if v.id != team.id]
