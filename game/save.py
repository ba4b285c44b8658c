"""Saves on disk: versioned JSON written atomically, so a crash mid-write loses nothing.

The file is written to a temporary sibling, flushed to disk, then renamed over the old
save; a reader therefore sees either the old save or the new one, never half of either.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from game.core.serialize import SaveFormatError, state_from_dict, state_hash, state_to_dict
from game.core.state import GameState


class SaveError(Exception):
    """A save that cannot be read, with a message for people."""


def write_atomic(path: str | os.PathLike[str], data: str) -> None:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def save_dict(state: GameState, meta: dict[str, Any] | None = None) -> dict[str, Any]:
    d = state_to_dict(state)
    d["hash"] = state_hash(state)
    d["meta"] = meta or {}
    return d


def save_game(state: GameState, path: str | os.PathLike[str],
              meta: dict[str, Any] | None = None) -> None:
    write_atomic(path, json.dumps(save_dict(state, meta), ensure_ascii=False))


def load_game(path: str | os.PathLike[str]) -> GameState:
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise SaveError(f"{path}: no such save file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SaveError(f"{path}: cannot read the save ({exc})") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise SaveError(f"{path}:{exc.lineno}:{exc.colno}: not a valid save ({exc.msg})") from exc
    try:
        return state_from_dict(data)
    except SaveFormatError as exc:
        raise SaveError(f"{path}: {exc}") from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise SaveError(f"{path}: the save is damaged or incomplete ({exc})") from exc


def load_meta(path: str | os.PathLike[str]) -> dict[str, Any]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return data.get("meta", {})
