"""Translation keys -> Chinese and English text, from zh.json and en.json beside this file.

Keys are dotted paths into nested sections ("core", "ui", ...); a missing key shows the key
itself so a gap is visible rather than silent.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

LANGS = ("zh", "en")
_DIR = Path(__file__).parent


def _flatten(d: dict[str, Any], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in d.items():
        if isinstance(v, dict):
            out.update(_flatten(v, f"{prefix}{k}."))
        else:
            out[f"{prefix}{k}"] = v
    return out


@cache
def table(lang: str) -> dict[str, str]:
    with open(_DIR / f"{lang}.json", encoding="utf-8") as fh:
        flat = _flatten(json.load(fh))
    # Engine text lives under "core"; it is also reachable without the prefix.
    for k, v in list(flat.items()):
        if k.startswith("core."):
            flat.setdefault(k[5:], v)
    return flat


def tr(key: str, lang: str = "en", **kw: Any) -> str:
    text = table(lang).get(key, key)
    return text.format(**kw) if kw else text
