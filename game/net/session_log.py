"""The workshop's session log: one JSON object a line, only ever appended, flushed to disk.

It lives in the workshop's folder beside the game's autosave, and holds what is needed to
stand the workshop up again exactly after a crash: the scenario and seed, the teams and their
codes, every seat claimed (with the token's hash, never the token), every committed plan,
every resolved week with its state hash, and every trainer action. A power cut can leave a
half-written last line; reading stops there and says so, everything before it is kept.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

LOG_NAME = "session.jsonl"


class SessionLog:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = open(path, "a", encoding="utf-8")  # noqa: SIM115 - kept open for appends

    def write(self, kind: str, **data: Any) -> None:
        record = {"t": kind, "at": round(time.time(), 3), **data}
        self._fh.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.close()


def read_log(path: Path) -> tuple[list[dict[str, Any]], str | None]:
    """The records, and a warning when the file ends in a torn or damaged line."""
    records: list[dict[str, Any]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            if i == len(lines):
                return records, f"{path}:{i}: the last line was cut off (ignored)"
            raise ValueError(f"{path}:{i}: damaged record in the middle of the log") from None
        if not isinstance(rec, dict) or "t" not in rec:
            raise ValueError(f"{path}:{i}: not a session record")
        records.append(rec)
    return records, None
