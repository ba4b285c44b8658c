"""Where saves live: one autosave slot per game, the week before kept as its fallback, the
list of saves newest first, and loading that offers the fallback when a save is refused.

Each game autosaves to ``autosave-<game id>.json`` in the user's saves folder and keeps the
autosave of the week before as ``autosave-<game id>.prev.json`` (only when it was intact), so
starting another game never replaces this one and a damaged newest save still leaves the
week before. Writes are atomic (temporary file, fsync, rename): a crash mid-write leaves the
previous save intact. What a save file holds and how it is checked: game/save_file.py.
"""

from __future__ import annotations

import os
import re
import secrets
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from game.core.state import GameState
from game.paths import saves_dir
from game.save_file import (
    GAME_ID,
    LoadedSave,
    SaveError,
    SaveInfo,
    intact_text,
    read_info,
    read_meta,
    read_save,
    save_text,
)

__all__ = [
    "LoadedSave", "SaveError", "SaveInfo", "autosave", "autosave_path", "find_save",
    "list_saves", "load_game", "load_meta", "load_save", "new_game_id", "read_info",
    "save_game", "save_text", "write_atomic",
]

AUTOSAVE_PREFIX = "autosave-"
PREV_SUFFIX = ".prev.json"
_AUTOSAVE_NAME = re.compile(r"autosave-(?P<id>[A-Za-z0-9][A-Za-z0-9_-]{0,79}?)(\.prev)?\.json")


def new_game_id(scenario_id: str) -> str:
    """A readable id, unique in practice: scenario, start time, four random hex digits."""
    stem = re.sub(r"[^A-Za-z0-9_]", "", scenario_id)[:40] or "game"
    return f"{stem}-{datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"


# --- writing -----------------------------------------------------------------------------------


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


def save_game(state: GameState, path: str | os.PathLike[str],
              meta: dict[str, Any] | None = None, *, game_id: str | None = None,
              mode: str = "solo", language: str | None = None) -> SaveInfo:
    """Write ``state`` to ``path`` atomically; without a game id the save starts a new one."""
    game_id = game_id or new_game_id(state.spec.id)
    write_atomic(path, save_text(state, meta, game_id=game_id, mode=mode, language=language))
    return read_info(path)


def autosave_path(game_id: str, folder: str | os.PathLike[str] | None = None) -> Path:
    if not GAME_ID.fullmatch(game_id):
        raise ValueError(f"not a game id: {game_id!r}")
    return Path(folder or saves_dir()) / f"{AUTOSAVE_PREFIX}{game_id}.json"


def _prev_of(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(".json") + PREV_SUFFIX)


def autosave(state: GameState, game_id: str, folder: str | os.PathLike[str] | None = None,
             *, meta: dict[str, Any] | None = None, mode: str = "solo",
             language: str | None = None) -> Path:
    """Save the game in its own slot; the slot's previous week, if intact, becomes the
    fallback. Another game's autosave is never touched."""
    path = autosave_path(game_id, folder)
    if path.is_file():
        try:
            older = read_info(path)
            text = intact_text(path)
        except SaveError:
            older = None  # a damaged slot must not replace the good fallback
        finished = state.outcome is not None
        if older is not None and (older.week, older.finished) != (state.week, finished):
            write_atomic(_prev_of(path), text)
    save_game(state, path, meta, game_id=game_id, mode=mode, language=language)
    return path


# --- reading -----------------------------------------------------------------------------------


def _fallback(path: Path) -> Path | None:
    """The newest autosave of the same game other than ``path`` that loads, if any."""
    match = _AUTOSAVE_NAME.fullmatch(path.name)
    game_id = match["id"] if match else None
    if game_id is None:
        try:
            game_id = read_info(path).game_id
        except SaveError:
            return None
    main = path.parent / f"{AUTOSAVE_PREFIX}{game_id}.json"
    for candidate in (main, _prev_of(main)):
        if candidate.name == path.name or not candidate.is_file():
            continue
        try:
            read_save(candidate)
        except SaveError:
            continue
        return candidate
    return None


def load_save(path: str | os.PathLike[str]) -> LoadedSave:
    """The game rebuilt from the save and checked, or SaveError (with a fallback when the
    same game has a good autosave); never a game that might not be the one saved."""
    path = Path(path)
    try:
        return read_save(path)
    except SaveError as error:
        error.fallback = _fallback(path)
        raise


def load_game(path: str | os.PathLike[str]) -> GameState:
    return load_save(path).state


def load_meta(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The caller's meta block (team, setup, players) from the header; SaveError if none."""
    return read_meta(Path(path))


def list_saves(folder: str | os.PathLike[str] | None = None) -> list[SaveInfo]:
    """Every save in the folder (the user's saves folder by default), newest first.

    Reads one header line per save. An autosave whose header is unreadable is stood in for
    by its fallback; other unreadable files are left out (loading them would be refused).
    """
    root = Path(folder) if folder is not None else saves_dir()
    if not root.is_dir():
        return []
    found: list[SaveInfo] = []
    for path in sorted(root.glob("*.json")):
        if path.name.startswith(".") or path.name.endswith(PREV_SUFFIX):
            continue
        try:
            found.append(read_info(path))
            continue
        except SaveError:
            if not path.name.startswith(AUTOSAVE_PREFIX):
                continue
        prev = _prev_of(path)
        if prev.is_file():
            try:
                found.append(read_info(prev))
            except SaveError:
                pass
    for prev in root.glob(f"*{PREV_SUFFIX}"):
        main = prev.with_name(prev.name.removesuffix(PREV_SUFFIX) + ".json")
        if not main.exists():  # a slot whose newest save was deleted by hand
            try:
                found.append(read_info(prev))
            except SaveError:
                pass
    return sorted(found, key=lambda info: info.saved_at, reverse=True)


def find_save(name_or_path: str | os.PathLike[str],
              folder: str | os.PathLike[str] | None = None) -> Path:
    """A save by path, or by file name or game id in the saves folder (``report`` uses it)."""
    path = Path(name_or_path)
    if path.exists() or path.parent != Path("."):
        return path
    root = Path(folder) if folder is not None else saves_dir()
    text = str(name_or_path)
    for candidate in (root / text, root / f"{text}.json", root / f"{AUTOSAVE_PREFIX}{text}.json"):
        if candidate.is_file():
            return candidate
    return path
