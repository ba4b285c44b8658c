"""Number and text formatting per language (money is in 万元 inside the game)."""

from __future__ import annotations

from game.i18n import money as _money


def money(wan: float, language: str) -> str:
    """万元 as players read it: ``380 万元`` in Chinese, ``¥3.80 M`` in English (one
    formatter for the window and the report: ``game.i18n.money``)."""
    return _money(wan, language)


def percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def week(n: int, language: str) -> str:
    return f"第 {n} 周" if language == "zh" else f"week {n}"
