"""Finding scenarios: a path, or a bare name looked up in the current folder, then the user's
scenarios folder, then the scenarios shipped with the game.

The repository keeps the shipped scenarios in ``scenarios/`` at the top level; a built wheel
carries the same files as package data in ``game/scenarios/`` (pyproject maps one onto the
other), so an installed game finds them without the repository. Every command that takes a
scenario resolves it here, and says where it looked when nothing is found.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from game.paths import user_scenarios_dir
from game.scenario.issues import Issue, ScenarioError
from game.scenario.loader import load_scenario, scenario_files

SOURCES = ("here", "user", "shipped")
SUFFIXES = (".yaml", ".yml")
_PACKAGED = Path(__file__).resolve().parent.parent / "scenarios"  # inside an installed wheel
_CHECKOUT = Path(__file__).resolve().parents[2] / "scenarios"  # the repository's folder


@dataclass(frozen=True)
class ScenarioEntry:
    """One scenario file on the list: where it is, what it is, and where it comes from."""

    path: Path
    id: str
    title: dict[str, str] = field(default_factory=dict)  # {"zh": ..., "en": ...}
    source: str = "shipped"  # "shipped" | "user" | "here"
    error: str = ""  # the first problem when the file does not load; id is then the file name


class ScenarioNotFound(ScenarioError):
    """No file by that path or name; the message lists every place that was searched."""


def shipped_dir() -> Path:
    """The scenarios that come with the game: package data when installed, else the
    repository's top-level folder."""
    return _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT


def authoring_dir() -> Path:
    """Where ``new`` writes a starter: the repository's scenarios/ in a checkout, the user's
    scenarios folder in an installed game (never inside the installed package)."""
    return _CHECKOUT if shipped_dir() == _CHECKOUT else user_scenarios_dir()


def search_dirs() -> list[tuple[str, Path]]:
    """Where a bare name is looked for, in order: (source, folder)."""
    return [("here", Path.cwd()), ("user", user_scenarios_dir()), ("shipped", shipped_dir())]


def _candidates(name: str) -> list[str]:
    return [name] if name.endswith(SUFFIXES) else [name + s for s in SUFFIXES]


def _not_found(name: str, message: str, hint: str) -> ScenarioNotFound:
    return ScenarioNotFound([Issue(name, None, None, "", message, hint=hint,
                                   code="scenario/not_found")])


def find_scenario(name_or_path: str | os.PathLike[str]) -> Path:
    """The scenario file meant by a path or a bare name (``city_hospital``,
    ``city_hospital.yaml``); raises ScenarioNotFound naming where it looked."""
    text = os.fspath(name_or_path)
    path = Path(text)
    if path.is_file():
        return path
    if path.is_dir():
        raise _not_found(text, "this is a folder, not a scenario file",
                         "name a .yaml file inside it")
    if not text or path.parent != Path(".") or path.is_absolute():
        raise _not_found(text, "there is no such file", "check the path and the file name")
    places = search_dirs()
    for _source, folder in places:
        for candidate in _candidates(text):
            if (folder / candidate).is_file():
                return folder / candidate
    looked = "; ".join(f"{folder} ({source})" for source, folder in places)
    shipped = ", ".join(p.stem for p in _files(shipped_dir()))
    raise _not_found(text, f"no scenario named {text!r}: looked for "
                     f"{' or '.join(_candidates(text))} in {looked}",
                     f"the shipped scenarios are {shipped or 'missing'}; or give a file's path")


def _files(folder: Path) -> list[Path]:
    try:
        return scenario_files(folder)
    except OSError:  # missing or unreadable: nothing from there
        return []


def list_scenarios(sources: tuple[str, ...] = SOURCES) -> list[ScenarioEntry]:
    """Every scenario in the searched folders, grouped by source in search order. A file in
    the user's or the shipped folder that does not load is listed with its first problem;
    in the current folder it is left out. A folder reached twice (the current folder is the
    user's or the shipped one) is listed once, under its own name."""
    entries: list[ScenarioEntry] = []
    seen: set[Path] = set()
    places = search_dirs()
    named = {folder.resolve() for source, folder in places if source != "here"}
    for source, folder in places:
        if source not in sources:
            continue
        if source == "here" and folder.resolve() in named:
            continue
        for path in _files(folder):
            if path.resolve() in seen:
                continue
            seen.add(path.resolve())
            entry = _entry(path, source)
            if entry.error and source == "here":
                continue  # the current folder may hold any YAML (CI files, configs)
            entries.append(entry)
    return entries


def _entry(path: Path, source: str) -> ScenarioEntry:
    try:
        spec = load_scenario(path)
    except ScenarioError as error:
        first = error.issues[0].headline() if error.issues else str(error)
        return ScenarioEntry(path, path.stem, {}, source, first.splitlines()[0][:300])
    return ScenarioEntry(path, spec.id, {"zh": spec.title.zh, "en": spec.title.en}, source)
