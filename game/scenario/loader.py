"""Load a scenario file into a validated ScenarioSpec, or report every problem in it.

Three passes, each reporting all it finds before stopping: reading the YAML safely with
positions (yamlsource), validating against the models with messages in plain words
(messages), and checking references between parts (crossref). A later pass runs only when the
earlier ones leave usable data, so one mistake does not cascade into a page of noise.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import ValidationError

from game.scenario.crossref import check_references
from game.scenario.issues import Issue, ScenarioError
from game.scenario.messages import issues_from_validation
from game.scenario.models import ScenarioSpec
from game.scenario.yamlsource import MAX_BYTES, decode, parse, too_large_issue

__all__ = [
    "Issue",
    "ScenarioError",
    "load_scenario",
    "load_scenario_bytes",
    "load_scenario_text",
    "read_scenario_bytes",
    "scenario_files",
]


def load_scenario(path: str | os.PathLike[str]) -> ScenarioSpec:
    """Read, validate and cross-check the scenario file at `path`.

    Raises ScenarioError (never another exception) for any problem with the file, including
    its absence; the error's `issues` carry file, line, column, field, message and hint.
    """
    filename = str(path)
    return load_scenario_bytes(read_scenario_bytes(filename), filename)


def read_scenario_bytes(filename: str) -> bytes:
    """The file's bytes, reading at most one byte past the size limit."""
    try:
        with open(filename, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                # Report the true size without reading gigabytes into memory.
                size = max(os.fstat(handle.fileno()).st_size, len(data))
                raise ScenarioError([too_large_issue(filename, size)])
            return data
    except ScenarioError:
        raise
    except FileNotFoundError:
        message, hint = "there is no such file", "check the path and the file name"
    except IsADirectoryError:
        message, hint = "this is a folder, not a scenario file", "name a .yaml file inside it"
    except PermissionError:
        message, hint = "the file cannot be read: permission denied", None
    except OSError as exc:
        message, hint = f"the file cannot be read: {exc.strerror or exc}", None
    raise ScenarioError([_file_issue(filename, message, hint)])


def _file_issue(filename: str, message: str, hint: str | None) -> Issue:
    return Issue(filename, None, None, "", message, hint=hint, code="scenario/file")


def load_scenario_bytes(data: bytes, filename: str) -> ScenarioSpec:
    """Decode UTF-8 bytes (refusing anything else with its position), then load the text."""
    return load_scenario_text(decode(data, filename), filename)


def load_scenario_text(text: str, filename: str) -> ScenarioSpec:
    """Validate scenario YAML `text`; `filename` is used only to label the issues."""
    data, source, issues = parse(text, filename)
    try:
        spec = ScenarioSpec.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(issues + issues_from_validation(exc, data, source)) from None
    issues += check_references(spec, source)
    if issues:
        raise ScenarioError(issues)
    return spec


def scenario_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The scenario files in a folder (not its subfolders), sorted for stable output."""
    root = Path(folder)
    return sorted(p for p in root.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
