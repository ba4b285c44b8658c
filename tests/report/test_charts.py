"""Charts: PNGs for every chart, Chinese drawn with the CJK font, and a fallback without it."""

from __future__ import annotations

import struct
import warnings
from typing import Any

import pytest

from game.report import charts, fonts

PNG = b"\x89PNG\r\n\x1a\n"


def _size(png: bytes) -> tuple[int, int]:
    return struct.unpack(">II", png[16:24])


@pytest.fixture(scope="module")
def zh_charts(lost_debrief_zh: dict[str, Any]) -> dict[str, bytes]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = charts.render_charts(lost_debrief_zh)
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert not missing, missing[:3]
    return out


def test_every_chart_is_a_png(zh_charts: dict[str, bytes]) -> None:
    assert set(zh_charts) == {"timeline", "support", "funnel", "c931", "spend"}
    for name, png in zh_charts.items():
        assert png.startswith(PNG), name
        w, h = _size(png)
        assert w >= 1000 and h >= 250, (name, w, h)


def test_the_cjk_font_is_found_and_registered() -> None:
    path = fonts.cjk_font_path()
    assert path is not None and path.name.startswith("NotoSansSC")
    assert fonts.matplotlib_family() == "Noto Sans SC"


def test_charts_draw_without_the_cjk_font(monkeypatch: pytest.MonkeyPatch,
                                          lost_debrief: dict[str, Any]) -> None:
    monkeypatch.setattr(charts, "matplotlib_family", lambda: None)
    png = charts.funnel_chart(lost_debrief)
    assert png.startswith(PNG)


def test_support_panels_follow_the_people(lost_debrief: dict[str, Any]) -> None:
    s = lost_debrief["series"]
    assert len(s["people"]) == len(s["support"])
    seat = next(p for p in s["people"] if p["id"] == "wu_zhiyuan")
    assert seat["name"] == "Wu Zhiyuan → He Bin"
    weeks = len(s["weeks"])
    for pid, by_vendor in s["support"].items():
        assert all(len(v) == weeks for v in by_vendor.values()), pid
    assert s["vendors"][0]["ours"] and not any(v["ours"] for v in s["vendors"][1:])
