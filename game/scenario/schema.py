"""The scenario JSON Schema, generated from the models (architecture habit 8).

Editors with the YAML language server read `scenarios/scenario.schema.json` (scenario files
start with `# yaml-language-server: $schema=...`) to autocomplete keys and flag mistakes while
the designer types. The committed copy is compared with `build_schema()` by a test, so it can
never silently drift from the models.
"""

from __future__ import annotations

import json
from typing import Any

from game.scenario.library import shipped_dir
from game.scenario.models import ScenarioSpec

SCHEMA_ID = "urn:dealcraft:scenario:format-1"
"""Stable id; a URN because the schema is shipped with the game, not served from a website."""
SCHEMA_PATH = shipped_dir() / "scenario.schema.json"
"""Where `python main.py schema` writes the published copy by default."""


def build_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a scenario file, with title and $id set."""
    schema = ScenarioSpec.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "Dealcraft scenario"
    schema["description"] = (
        "A Dealcraft key-account sales scenario: the customer, its stakeholders, the vendors "
        "and the events. Money is in 万元 (10,000 CNY); time is counted in weeks."
    )
    return schema


def render_schema() -> str:
    """The schema as committed: two-space indent, sorted keys, UTF-8 text, final newline."""
    return json.dumps(build_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
