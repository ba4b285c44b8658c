"""Translation glue for the UI: text keys -> Chinese or English.

The texts live in ``game/i18n/zh.json`` and ``game/i18n/en.json`` as nested objects
(``{"ui": {"menu": {"solo": "..."}}}``); a key is the dotted path (``ui.menu.solo``).
A missing key falls back to the other language and then to the key itself, so a missing
translation is visible but never crashes the game.

This module does not import pygame: scenes call ``tr`` while building their widgets, and
the app rebuilds every widget when the language changes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

LANGUAGES: tuple[str, ...] = ("zh", "en")
I18N_DIR = Path(__file__).resolve().parent.parent / "i18n"


def _flatten(tree: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in tree.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, Mapping):
            flat.update(_flatten(value, path))
        else:
            flat[path] = str(value)
    return flat


class Translator:
    """Looks up text keys in the current language; ``set_language`` switches at runtime."""

    def __init__(self, language: str = "zh", directory: Path | None = None) -> None:
        self.directory = directory or I18N_DIR
        self._tables: dict[str, dict[str, str]] = {}
        self.reload()
        self.language = language if language in LANGUAGES else "en"

    def reload(self) -> None:
        """(Re)read the translation files; a missing or broken file gives an empty table."""
        for lang in LANGUAGES:
            path = self.directory / f"{lang}.json"
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = {}
            self._tables[lang] = _flatten(data) if isinstance(data, Mapping) else {}

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}; expected one of {LANGUAGES}")
        self.language = language

    def has(self, key: str, language: str | None = None) -> bool:
        return key in self._tables.get(language or self.language, {})

    def keys(self, language: str, prefix: str = "") -> set[str]:
        return {k for k in self._tables.get(language, {}) if k.startswith(prefix)}

    def t(self, key: str, **values: Any) -> str:
        """The text for ``key`` with its ``{name}`` fields filled from ``values``."""
        table = self._tables.get(self.language, {})
        text = table.get(key)
        if text is None:  # engine keys ("why.stage") live under "core."
            text = table.get("core." + key)
        if text is None:
            other = self._tables.get("en" if self.language != "en" else "zh", {})
            text = other.get(key) or other.get("core." + key) or key
        if values:
            try:
                return text.format(**values)
            except (KeyError, IndexError, ValueError):
                return text
        return text

    __call__ = t

    def pick(self, text: Any) -> str:
        """Choose the current language from a scenario text: a ``{zh, en}`` object or dict."""
        if text is None:
            return ""
        if isinstance(text, str):
            return text
        if isinstance(text, Mapping):
            return str(text.get(self.language) or text.get("en") or text.get("zh") or "")
        value = getattr(text, self.language, None) or getattr(text, "en", None)
        return str(value or "")
