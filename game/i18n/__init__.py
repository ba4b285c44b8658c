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


def money(wan: float, lang: str) -> str:
    """Money in one unit system per language, the same on every screen and in the report:
    万元 in Chinese (``380 万元``, ``1.20 亿元``), yuan in English (``¥3.80 M``, ``¥45 k``)."""
    if lang == "zh":
        if abs(wan) >= 10000:
            return f"{wan / 10000:.2f} 亿元"
        return f"{wan:,.0f} 万元" if abs(wan) >= 100 else f"{wan:.1f} 万元"
    yuan = wan * 10_000
    if abs(yuan) >= 1_000_000:
        return f"¥{yuan / 1_000_000:.2f} M"
    return f"¥{yuan / 1_000:,.0f} k"


def support(value: float) -> str:
    """Support (-1..1) on one scale everywhere: -100..+100, never "-0"."""
    n = round(value * 100)
    return "0" if n == 0 else f"{n:+d}"


def tr(key: str, lang: str = "en", **kw: Any) -> str:
    text = table(lang).get(key, key)
    return text.format(**kw) if kw else text
