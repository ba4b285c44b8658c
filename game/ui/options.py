"""Start-up options for the window: from the CLI's namespace, a dict, or an argv list."""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

START_SCENES = ("menu", "settings", "library", "new_game", "new_team_game", "load")


@dataclass
class AppOptions:
    lang: str | None = None  # overrides the saved language for this run
    fullscreen: bool | None = None
    width: int | None = None
    height: int | None = None
    scenarios: Path | None = None  # folder with *.yaml; default: the repo's scenarios/
    config_dir: Path | None = None
    data_dir: Path | None = None
    start: str = "menu"  # first scene (menu, settings, library, new_game, ...)
    frames: int | None = None  # quit after this many frames (tests, screenshots)
    screenshot: Path | None = None  # save the window here before quitting
    fps: int = 60
    no_resume: bool = False  # do not offer to resume an interrupted game
    text_size: str | None = None  # normal | large | projector, for this run

    @classmethod
    def from_any(cls, value: Any) -> AppOptions:
        if value is None:
            return cls()
        if isinstance(value, AppOptions):
            return value
        if isinstance(value, Sequence) and not isinstance(value, str | bytes):
            return cls.from_any(build_parser().parse_args(list(value)))
        data = dict(value) if isinstance(value, Mapping) else vars(value)
        result = cls()
        for item in fields(cls):
            raw = data.get(item.name)
            if raw is None:
                continue
            if item.name in ("scenarios", "config_dir", "data_dir", "screenshot"):
                raw = Path(raw)
            setattr(result, item.name, raw)
        if isinstance(data.get("size"), str) and "x" in data["size"]:
            w, _, h = data["size"].partition("x")
            if w.isdigit() and h.isdigit():
                result.width, result.height = int(w), int(h)
        if data.get("windowed"):
            result.fullscreen = False
        if result.start not in START_SCENES:
            result.start = "menu"
        return result


def build_parser(parser: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    """Window options; the CLI may pass its own ``play`` sub-parser to get the same flags."""
    parser = parser or argparse.ArgumentParser(prog="dealcraft play", description="Play.")
    parser.add_argument("--lang", choices=("zh", "en"), help="language for this run")
    parser.add_argument("--fullscreen", action="store_true", default=None)
    parser.add_argument("--size", help="window size, e.g. 1280x720")
    parser.add_argument("--scenarios", help="folder with scenario YAML files")
    parser.add_argument("--config-dir", dest="config_dir", help="settings folder")
    parser.add_argument("--data-dir", dest="data_dir", help="saves folder")
    parser.add_argument("--start", choices=START_SCENES, default="menu", help="first screen")
    parser.add_argument("--frames", type=int, help="quit after N frames")
    parser.add_argument("--screenshot", help="save a PNG of the window before quitting")
    parser.add_argument("--fps", type=int, default=60)
    parser.add_argument("--no-resume", dest="no_resume", action="store_true", default=False)
    parser.add_argument("--text-size", dest="text_size",
                        choices=("normal", "large", "projector"),
                        help="enlarge everything (projector: body text ~25 px at 1080p)")
    return parser
