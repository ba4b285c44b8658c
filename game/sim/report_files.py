"""Where balance, sweep and tune reports are written, and under which name.

A designer compares today's run with yesterday's, so each report is named after the scenario
id and a hash of what was run (the scenario file's bytes and the run's settings): the same run
of the same file keeps its name, a changed file or setting gets a new one. The folder is
checked before a long run, so a folder that cannot be written is said at once; the results
are printed either way.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any


def content_hash(scenario: bytes, settings: dict[str, Any]) -> str:
    """Eight hex digits naming the scenario's content and the run's settings together."""
    h = hashlib.sha256(scenario)
    h.update(json.dumps(settings, sort_keys=True, default=str).encode("utf-8"))
    return h.hexdigest()[:8]


def scenario_hash(scenario: bytes) -> str:
    """Eight hex digits naming the scenario file's content alone, shown in each report."""
    return hashlib.sha256(scenario).hexdigest()[:8]


def target(out: str | None, kind: str, scenario_id: str, digest: str) -> Path:
    """The report's path: `--out` as a file when it ends in .md, else a folder (default the
    current one) holding `<kind>-<scenario id>-<hash>.md`."""
    if out and out.endswith(".md"):
        return Path(out)
    return Path(out or ".") / f"{kind}-{scenario_id}-{digest}.md"


def cannot_write(path: Path) -> str | None:
    """Why the report at `path` could not be written (None when it can), found by creating
    the folder and a scratch file in it, so a long run is not wasted on a bad folder."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".dealcraft-", delete=True):
            pass
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def write_report(path: Path, text: str) -> None:
    """Write atomically (scratch file, then rename), so a report is never half written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, scratch = tempfile.mkstemp(dir=path.parent, prefix=".dealcraft-", suffix=".md")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text if text.endswith("\n") else text + "\n")
        os.replace(scratch, path)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise
