"""One save file: its layout, and every check made before the game in it is trusted.

A game *is* its scenario, seed and weekly plans. A save stores those and the state hash they
lead to, with a header (which game, which scenario, mode, week, language, finished, when,
the game's version) on the file's first line and a checksum over both; the file stays one
JSON document. Reading replays the plans with today's rules and compares the hash: a save
that was cut short, flipped on disk or edited by hand is refused as a whole instead of being
loaded half-way and crashing a week later. The checksum tells damage on disk (refused as
damaged) from a save that another version's rules play differently (refused naming that
version). Saves of format 1 (the whole state, before game ids) are read the same way:
replayed and checked; their stored copy of the state is never used.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game import __version__
from game.core.errors import IllegalAction
from game.core.replay import replay
from game.core.serialize import state_hash, state_to_dict
from game.core.state import GameState
from game.scenario.crossref import check_references
from game.scenario.models import ScenarioSpec
from game.scenario.sourcemap import SourceMap

SAVE_FORMAT = 2
LEGACY_FORMAT = 1
MAX_SAVE_BYTES = 32 * 1024 * 1024  # a long six-vendor game is well under 1 MB
HEADER_LIMIT = 1 << 20
MODES = ("solo", "team")
LANGUAGES = ("zh", "en")
GAME_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}")



@dataclass(frozen=True)
class SaveInfo:
    """One save as the load list shows it, read from the header alone."""

    path: Path
    game_id: str
    scenario_id: str
    scenario_title: dict[str, str]
    mode: str  # "solo" | "team"
    week: int
    language: str | None  # "zh" | "en"; None for saves made before languages were recorded
    finished: bool
    saved_at: datetime  # timezone-aware

    @property
    def autosave(self) -> bool:
        return self.path.name.startswith("autosave")


@dataclass
class LoadedSave:
    """A save that passed every check: the rebuilt game, its header and the caller's meta."""

    state: GameState
    info: SaveInfo
    meta: dict[str, Any]


class SaveError(Exception):
    """A save that cannot be trusted or read.

    ``str(error)`` is a plain English line for the command line; ``key`` and ``params`` are
    the window's translation (``save.error.*`` in game/i18n); ``fallback`` is the last good
    autosave of the same game, when there is one, for the caller to offer instead.
    """

    def __init__(self, message: str, key: str = "save.error.damaged",
                 params: dict[str, Any] | None = None, fallback: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.key = key
        self.params = params or {}
        self.fallback = fallback


def _finished(state: GameState) -> bool:
    return state.outcome is not None


# --- writing -----------------------------------------------------------------------------------


def _checksum(header: dict[str, Any], game: dict[str, Any]) -> str:
    blob = json.dumps({"header": header, "game": game}, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False, allow_nan=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _record(state: GameState) -> dict[str, Any]:
    d = state_to_dict(state)
    return {"seed": d["seed"], "plans": d["plans"], "hash": state_hash(state), "spec": d["spec"]}


def save_text(state: GameState, meta: dict[str, Any] | None = None, *, game_id: str,
              mode: str = "solo", language: str | None = None) -> str:
    """The file's text: the header on the first line, the record on the second."""
    if not GAME_ID.fullmatch(game_id):
        raise ValueError(f"not a game id: {game_id!r}")
    if mode not in MODES or (language is not None and language not in LANGUAGES):
        raise ValueError(f"mode {mode!r} / language {language!r}")
    title = state.spec.title
    header = {
        "game_id": game_id,
        "scenario_id": state.spec.id,
        "scenario_title": {"zh": title.zh, "en": title.en},
        "mode": mode,
        "week": state.week,
        "language": language,
        "finished": _finished(state),
        "saved_at": datetime.now().astimezone().isoformat(),
        "version": __version__,
        "meta": meta or {},
    }
    game = _record(state)
    first = (f'{{"format":{SAVE_FORMAT},"header":{_dumps(header)},'
             f'"checksum":"{_checksum(header, game)}",')
    return f'{first}\n"game":{_dumps(game)}}}\n'


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


# --- reading -----------------------------------------------------------------------------------


def _name(path: Path) -> dict[str, Any]:
    return {"name": path.name}


def _damaged(path: Path, what: str) -> SaveError:
    return SaveError(f"{path}: the save is damaged or incomplete ({what})", "save.error.damaged",
                     _name(path))


def _read_text(path: Path) -> str:
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_SAVE_BYTES + 1)
    except FileNotFoundError as exc:
        raise SaveError(f"{path}: no such save file", "save.error.missing", _name(path)) from exc
    except IsADirectoryError as exc:
        raise SaveError(f"{path}: is a directory, not a save file", "save.error.not_a_save",
                        _name(path)) from exc
    except OSError as exc:
        raise SaveError(f"{path}: cannot read the save ({exc.strerror or exc})",
                        "save.error.unreadable", _name(path)) from exc
    if len(raw) > MAX_SAVE_BYTES:
        raise SaveError(f"{path}: not a valid save (larger than {MAX_SAVE_BYTES} bytes)",
                        "save.error.not_a_save", _name(path))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _damaged(path, f"not UTF-8 text at byte {exc.start}") from exc


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a number a save holds")


def _parse_json(path: Path, text: str) -> dict[str, Any]:
    try:
        data = json.loads(text, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        raise SaveError(f"{path}:{exc.lineno}:{exc.colno}: not a valid save: cut short or "
                        f"damaged ({exc.msg})", "save.error.damaged", _name(path)) from exc
    except (ValueError, RecursionError) as exc:
        raise _damaged(path, str(exc) or type(exc).__name__) from exc
    if not isinstance(data, dict):
        raise SaveError(f"{path}: not a Dealcraft save (unsupported save format "
                        f"{type(data).__name__!r})", "save.error.not_a_save", _name(path))
    fmt = data.get("format")
    if fmt in (SAVE_FORMAT, LEGACY_FORMAT) and type(fmt) is int:
        return data
    if type(fmt) is int and fmt > SAVE_FORMAT:
        raise SaveError(f"{path}: unsupported save format {fmt}: made by a newer Dealcraft; "
                        "update the game to open it", "save.error.newer", _name(path))
    raise SaveError(f"{path}: not a Dealcraft save (unsupported save format {fmt!r})",
                    "save.error.not_a_save", _name(path))


def _parse_current(path: Path, data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Header and record of a format-2 save whose checksum holds."""
    header, game, checksum = data.get("header"), data.get("game"), data.get("checksum")
    if not isinstance(header, dict) or not isinstance(game, dict) or not isinstance(checksum,
                                                                                    str):
        raise _damaged(path, "header, record or checksum missing")
    try:
        actual = _checksum(header, game)
    except (TypeError, ValueError) as exc:
        raise _damaged(path, str(exc)) from exc
    if actual != checksum:
        raise _damaged(path, "its contents do not match its checksum: changed on disk or by hand")
    return header, game


def _text(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if k in LANGUAGES and isinstance(v, str)}


def _is_int(value: Any) -> bool:
    return type(value) is int


def _info(path: Path, header: dict[str, Any]) -> SaveInfo:
    """The header checked field by field: a wrong type is damage, not a default."""
    game_id, scenario_id = header.get("game_id"), header.get("scenario_id")
    mode, week, language = header.get("mode"), header.get("week"), header.get("language")
    finished, stamp = header.get("finished"), header.get("saved_at")
    problems = [
        name for name, ok in (
            ("game_id", isinstance(game_id, str) and GAME_ID.fullmatch(game_id)),
            ("scenario_id", isinstance(scenario_id, str) and scenario_id),
            ("scenario_title", isinstance(header.get("scenario_title"), dict)),
            ("mode", mode in MODES),
            ("week", _is_int(week) and week >= 1),
            ("language", language is None or language in LANGUAGES),
            ("finished", isinstance(finished, bool)),
            ("saved_at", isinstance(stamp, str)),
            ("meta", isinstance(header.get("meta", {}), dict)),
        ) if not ok
    ]
    saved_at = None
    if not problems:
        try:
            saved_at = datetime.fromisoformat(str(stamp))
        except ValueError:
            problems.append("saved_at")
    if problems or saved_at is None:
        raise _damaged(path, "header field " + ", ".join(problems or ["saved_at"]))
    if saved_at.tzinfo is None:
        saved_at = saved_at.astimezone()
    return SaveInfo(path, str(game_id), str(scenario_id), _text(header["scenario_title"]),
                    str(mode), int(week), language, bool(finished), saved_at)  # type: ignore[arg-type]


def _legacy_header(path: Path, data: dict[str, Any],
                   state: GameState | None = None) -> dict[str, Any]:
    """A format-1 save's header, made from its meta and stored state, or from the rebuilt
    ``state`` once the replay has checked it (the stored copy is then not trusted)."""
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    spec = data.get("spec") if isinstance(data.get("spec"), dict) else {}
    setup = meta.get("setup") if isinstance(meta.get("setup"), dict) else {}
    digest = hashlib.sha256(path.name.encode("utf-8")).hexdigest()[:8]
    try:
        stamp = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    except OSError:
        stamp = datetime.now().astimezone()
    header = {
        "game_id": f"legacy-{digest}",
        "scenario_id": spec.get("id"),
        "scenario_title": _text(spec.get("title")),
        "mode": "team" if setup.get("mode") == "team" else "solo",
        "week": data.get("week"),
        "language": None,
        "finished": data.get("outcome") is not None,
        "saved_at": stamp.isoformat(timespec="seconds"),
        "meta": meta,
    }
    if state is not None:
        title = state.spec.title
        header.update(scenario_id=state.spec.id, scenario_title={"zh": title.zh, "en": title.en},
                      week=state.week, finished=_finished(state))
    return header


def _header_line(path: Path) -> dict[str, Any] | None:
    """The format-2 header from the first line alone, or None when the file has no such line
    (a legacy save, or one whose first line is damaged: the full read says which)."""
    try:
        with open(path, "rb") as fh:
            line = fh.readline(HEADER_LIMIT)
    except OSError:
        return None
    try:
        text = line.decode("utf-8").rstrip("\r\n")
        if not (text.startswith('{"format":2,') and text.endswith(",")):
            return None
        data = json.loads(text[:-1] + "}", parse_constant=_no_constants)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    header = data.get("header") if isinstance(data, dict) else None
    return header if isinstance(header, dict) else None


def read_info(path: str | os.PathLike[str]) -> SaveInfo:
    """The save's header (one line read for today's saves); SaveError when unusable."""
    path = Path(path)
    header = _header_line(path)
    if header is not None:
        return _info(path, header)
    data = _parse_json(path, _read_text(path))
    if data["format"] == SAVE_FORMAT:
        return _info(path, _parse_current(path, data)[0])
    return _info(path, _legacy_header(path, data))


def _rebuild(path: Path, game: dict[str, Any], version: Any) -> GameState:
    """Replay the record with today's rules; refuse unless it reaches the stored hash."""
    spec_data, seed = game.get("spec"), game.get("seed")
    plans, stored = game.get("plans"), game.get("hash")
    if not isinstance(spec_data, dict):
        raise _damaged(path, "no scenario")
    if not _is_int(seed) or not isinstance(stored, str):
        raise _damaged(path, "seed or state hash missing")
    if not isinstance(plans, list) or not all(
        isinstance(week, dict) and all(isinstance(v, list) and all(isinstance(a, dict)
                                                                   for a in v)
                                       for v in week.values())
        for week in plans
    ):
        raise _damaged(path, "the weekly plans are not a list of plans")
    try:
        spec = ScenarioSpec.model_validate(spec_data)
    except ValidationError as exc:
        raise _damaged(path, f"scenario: {exc.errors()[0]['msg']}") from exc
    issues = check_references(spec, SourceMap(str(path), ""))
    if issues:
        raise _damaged(path, f"scenario: {issues[0].message}")
    if len(plans) > spec.last_week:
        raise _damaged(path, "more weeks than the scenario has")
    other_rules = isinstance(version, str) and version != __version__
    try:
        state = replay(spec, seed, plans)
    except IllegalAction as exc:
        if other_rules:
            raise _other_rules(path, str(version)) from exc
        raise SaveError(f"{path}: the save is damaged or incomplete: a recorded move breaks "
                        f"the rules ({exc})", "save.error.illegal", _name(path)) from exc
    except Exception as exc:  # noqa: BLE001 - an untrusted record is refused, whatever it does
        raise _damaged(path, f"the record does not replay: {type(exc).__name__}") from exc
    if state_hash(state) != stored:
        if other_rules:
            raise _other_rules(path, str(version))
        raise _damaged(path, "replaying its moves does not give the saved game")
    return state


def _other_rules(path: Path, version: str) -> SaveError:
    return SaveError(f"{path}: the save was made by Dealcraft {version}; its moves give a "
                     f"different game under the rules of this version ({__version__})",
                     "save.error.rules", {**_name(path), "version": version})


def read_save(path: Path) -> LoadedSave:
    """The game in the file, rebuilt and checked; SaveError when it cannot be trusted."""
    data = _parse_json(path, _read_text(path))
    if data["format"] == SAVE_FORMAT:
        header, game = _parse_current(path, data)
        info = _info(path, header)
        state = _rebuild(path, game, header.get("version"))
        if (info.scenario_id, info.week, info.finished) != (state.spec.id, state.week,
                                                            _finished(state)):
            raise _damaged(path, "the header does not describe the saved game")
    else:
        state = _rebuild(path, data, None)
        header = _legacy_header(path, data, state)
        info = _info(path, header)
    return LoadedSave(state, info, dict(header.get("meta") or {}))


def read_meta(path: Path) -> dict[str, Any]:
    """The caller's meta block (team, setup, players) from the header; SaveError if none."""
    header = _header_line(path)
    if header is None:
        data = _parse_json(path, _read_text(path))
        header = (_parse_current(path, data)[0] if data["format"] == SAVE_FORMAT
                  else _legacy_header(path, data))
    meta = header.get("meta")
    return dict(meta) if isinstance(meta, dict) else {}


def intact_text(path: Path) -> str:
    """The text of a today's-format save whose checksum holds (no replay), else SaveError."""
    text = _read_text(path)
    _parse_current(path, _parse_json(path, text))
    return text
