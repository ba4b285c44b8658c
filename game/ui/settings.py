"""Player settings, kept as JSON in the user's config folder and written atomically."""

from __future__ import annotations

import json
import locale
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

import platformdirs

from game.ui.i18n import LANGUAGES

APP_NAME = "dealcraft"
SETTINGS_FILE = "settings.json"
DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (1024, 600)


TEXT_SIZES = ("normal", "large", "projector")
#: the canvas the projector preset lays out for: body text 17 px there is 25 px at 1080p
PROJECTOR_CANVAS = (1280, 720)


def ui_scale(text_size: str, window: tuple[int, int]) -> float:
    """How much everything is enlarged in a window of this size.

    ``large`` is 1.25x; ``projector`` fits a 1280x720 layout to the window (1.5x at
    1920x1080, so 17 px body text reads at 25 px from the back of a room). The canvas never
    gets smaller than the smallest window the layouts are made for.
    """
    w, h = window
    want = {"large": 1.25,
            "projector": min(w / PROJECTOR_CANVAS[0], h / PROJECTOR_CANVAS[1])}.get(text_size, 1.0)
    most = min(w / MIN_SIZE[0], h / MIN_SIZE[1])
    return round(max(1.0, min(want, most)), 3)


def config_dir() -> Path:
    """The folder for settings; ``DEALCRAFT_CONFIG_DIR`` overrides it (tests, kiosks)."""
    override = os.environ.get("DEALCRAFT_CONFIG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """The folder for saves and autosaves; ``DEALCRAFT_DATA_DIR`` overrides it."""
    override = os.environ.get("DEALCRAFT_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def system_language() -> str:
    """``zh`` when the system locale is Chinese, else ``en``."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "zh" if code.lower().startswith("zh") else "en"


@dataclass
class Settings:
    language: str = "zh"
    sound: bool = True
    volume: float = 0.6
    fullscreen: bool = False
    width: int = DEFAULT_SIZE[0]
    height: int = DEFAULT_SIZE[1]
    animations: bool = True
    text_size: str = "normal"  # normal | large | projector (see ui_scale)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Build from stored JSON, ignoring unknown keys and repairing bad values."""
        result = cls(language=system_language())
        known = {f.name: f for f in fields(cls)}
        for key, value in data.items():
            if key not in known:
                continue
            default = getattr(result, key)
            if isinstance(default, bool):
                if isinstance(value, bool):
                    setattr(result, key, value)
            elif isinstance(default, int):
                if isinstance(value, int) and not isinstance(value, bool):
                    setattr(result, key, value)
            elif isinstance(default, float):
                if isinstance(value, int | float) and not isinstance(value, bool):
                    setattr(result, key, float(value))
            elif isinstance(value, type(default)):
                setattr(result, key, value)
        return result.normalised()

    def normalised(self) -> Settings:
        if self.language not in LANGUAGES:
            self.language = "en"
        if self.text_size not in TEXT_SIZES:
            self.text_size = "normal"
        self.volume = min(1.0, max(0.0, self.volume))
        self.width = max(MIN_SIZE[0], min(7680, self.width))
        self.height = max(MIN_SIZE[1], min(4320, self.height))
        return self

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_settings(directory: Path | None = None) -> Settings:
    path = (directory or config_dir()) / SETTINGS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings(language=system_language())
    if not isinstance(data, dict):
        return Settings(language=system_language())
    return Settings.from_dict(data)


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON to a temporary file in the same folder, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def save_settings(settings: Settings, directory: Path | None = None) -> Path:
    path = (directory or config_dir()) / SETTINGS_FILE
    write_json_atomic(path, settings.normalised().to_dict())
    return path
