"""The `validate` and `schema` commands, called by game.cli.

They print for people and return an exit code; they never let a traceback reach a course
designer, whatever path or file they are given.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from game.scenario.issues import Issue, ScenarioError
from game.scenario.library import ScenarioNotFound, find_scenario
from game.scenario.loader import load_scenario, scenario_files
from game.scenario.schema import SCHEMA_PATH, render_schema


def run_validate(paths: list[str], out: TextIO = sys.stdout) -> int:
    """Validate scenario files (folders stand for the .yaml files in them).

    Prints an `ok` line per valid file and every problem of each invalid one. Returns 0 when
    every file is valid, 1 otherwise (including when no file was given or found).
    """
    if not paths:
        print("validate: name one or more scenario files or folders", file=out)
        return 1
    files, folders_ok = expand_paths(paths, out)
    failed = 0
    for name in files:
        try:
            spec = load_scenario(name)
        except ScenarioError as exc:
            failed += 1
            count = len(exc.issues)
            print(f"FAILED  {name}  ({count} problem{'s' if count != 1 else ''})", file=out)
            print(exc.render(), file=out)
            print(file=out)
            continue
        print(
            f"ok      {name}  ({spec.id}: {len(spec.stakeholders)} stakeholders, "
            f"{len(spec.vendors)} vendors, {len(spec.events)} events)",
            file=out,
        )
    if len(files) > 1 or failed:
        print(f"{len(files)} file(s) checked: {len(files) - failed} valid, "
              f"{failed} with problems", file=out)
    return 0 if files and not failed and folders_ok else 1


def expand_paths(paths: list[str], out: TextIO) -> tuple[list[str], bool]:
    """Files named on the command line, a folder standing for its .yaml files, a bare name
    found by the scenario library; the flag is False when a folder was empty or unreadable
    or a name found nothing (that has been said on `out`)."""
    files: list[str] = []
    folders_ok = True
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = _folder_files(path, out)
            if found is None:
                folders_ok = False
            files.extend(found or [])
        elif path.parent == Path(".") and not path.exists():
            try:
                files.append(str(find_scenario(raw)))
            except ScenarioNotFound as exc:
                print(exc.render(), file=out)
                folders_ok = False
        else:
            files.append(raw)
    return files, folders_ok


def _folder_files(folder: Path, out: TextIO) -> list[str] | None:
    """The folder's scenario files, or None (after saying why) when there are none."""
    try:
        found = [str(p) for p in scenario_files(folder)]
    except OSError as exc:
        issue = Issue(str(folder), None, None, "", f"the folder cannot be read: {exc.strerror}")
        print(issue.render(), file=out)
        return None
    if not found:
        print(Issue(str(folder), None, None, "", "no .yaml files in this folder").render(),
              file=out)
        return None
    return found


def run_schema(out_path: str | None) -> int:
    """Write the JSON Schema to `out_path` (default scenarios/scenario.schema.json; '-' prints).

    Returns 0 on success, 1 when the file cannot be written.
    """
    text = render_schema()
    if out_path == "-":
        sys.stdout.write(text)
        return 0
    target = Path(out_path) if out_path else SCHEMA_PATH
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        print(f"schema: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {target}")
    return 0
