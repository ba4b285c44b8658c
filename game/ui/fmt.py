"""Number and text formatting per language (money is in 万元 inside the game)."""

from __future__ import annotations


def money(wan: float, language: str) -> str:
    """万元 as players read it: ``380 万元`` in Chinese, ``¥3.80 M`` in English."""
    if language == "zh":
        if abs(wan) >= 10000:
            return f"{wan / 10000:.2f} 亿元"
        return f"{wan:,.0f} 万元" if abs(wan) >= 100 else f"{wan:.1f} 万元"
    yuan = wan * 10_000
    if abs(yuan) >= 1_000_000:
        return f"¥{yuan / 1_000_000:.2f} M"
    return f"¥{yuan / 1_000:,.0f} k"


def percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def week(n: int, language: str) -> str:
    return f"第 {n} 周" if language == "zh" else f"week {n}"
